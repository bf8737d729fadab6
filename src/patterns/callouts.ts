import { lazyRows, type PatternRow } from './table.js';

/**
 * Reader call-outs: the page asks its readers for tips, stories, photos or their experience of the
 * news ("Have a tip?", "Send us your experiences using the form below", "If you are happy to be
 * contacted by a BBC journalist…"). Furniture of the newsroom, not the article's text; no kind of
 * their own (`other`).
 */
export const CALLOUTS: readonly PatternRow<'other'>[] = lazyRows<'other'>([
  {
    id: 'tip-callout',
    kind: 'other',
    pattern: () => /^(?:(?:have|got)\s+(?:a|any)\s+(?:news\s+)?(?:tips?|story(?:\s+ideas?)?)\b[^.!?]{0,40}[?!]|send\s+us\s+your\s+(?:story\s+)?tips\b)[^\n]{0,80}$/iu,
    note: '"Have a tip?", "Have a news tip?", "Got a story? Email us at …", "Have a tip or story idea? Email us.", "Send us your story tips". The question is the call: "Have a tip for the waiter ready." asks nothing.',
    example: 'Have a tip or story idea? Email us.',
    nearMiss: 'Have a tip for the waiter ready.',
    maxLength: 160,
  },
  {
    id: 'experience-callout',
    kind: 'other',
    pattern: () =>
      /^(?:[^\n]{0,160}?[?!] )?(?:(?:click (?:below|here) to )?send us (?:your )?(?:own )?(?:experiences?|pictures|photos|videos?|stories|views|eyewitness accounts)|share your (?:story|stories|experiences?|photos|pictures|views) with (?:us|[^\n]{1,40}?\breaders\b))\b[^\n]{0,160}$|^if you are happy to be contacted by (?:a|one of our) [^\n]{1,40}?journalists?\b[^\n]{0,900}$/iu,
    note: 'Written with single spaces (lines are space-normalised), so its gate looks for "send us ", "share your " or the contact notice\'s words, not for "photos" or "views" anywhere. Calls for readers\' experiences, photos and stories, alone or after the question that asks them ("Are you in Thane? … Send us your experiences using the form below.", "Affected by the storm? Share your story with us on CNN iReport.", "Send us YOUR pictures"), and the contact notice under such a form. Not an article line about sending something ("He asked the court to send us the files.").',
    example: 'Are you in Thane? Are you, or is someone you know, affected by the issues in this story? Send us your experiences using the form below.',
    nearMiss: 'The families asked the council to send us their stories before the hearing on Monday, and many did.',
    maxLength: 1200,
  },
]);
