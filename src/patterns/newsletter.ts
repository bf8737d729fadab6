import type { PatternRow } from './table.js';

/** Newsletter and e-mail sign-up prompts. */
export const NEWSLETTER: readonly PatternRow<'newsletter'>[] = [
  {
    id: 'signup-newsletter',
    kind: 'newsletter',
    pattern: /\b(?:sign(?:\s|-)?up|subscribe|register)\b.{0,50}\b(?:newsletters?|e-?mails?|briefings?|digest|alerts|bulletin|inbox)\b/iu,
    note: 'A sign-up verb near a newsletter word.',
    example: 'Sign up for our daily newsletter',
    nearMiss: 'He registered the company in Delaware.',
    maxLength: 200,
  },
  {
    id: 'newsletter-line',
    kind: 'newsletter',
    pattern: /^.{0,40}\bnewsletters?\b.{0,40}$/iu,
    note: 'A short line naming a newsletter: a box heading or a button.',
    example: 'Get our free Morning Briefing newsletter',
    nearMiss: 'The company said in its internal newsletter, seen by reporters, that profits had fallen sharply.',
    maxLength: 90,
  },
  {
    id: 'inbox',
    kind: 'newsletter',
    pattern: /\b(?:delivered|sent|straight|direct(?:ly)?)\s+(?:straight\s+|directly\s+)?to your inbox\b|\bin your inbox\b/iu,
    note: '"delivered to your inbox".',
    example: 'The best stories of the day, delivered to your inbox.',
    nearMiss: 'Your inbox may be full, the IT department warned.',
    maxLength: 200,
  },
  {
    id: 'email-field',
    kind: 'newsletter',
    pattern: /^(?:enter\s+)?(?:your\s+)?e-?mail(?:\s+address)?\s*[:*]?$|^\[?_{3,}\]?$/iu,
    note: 'The form widget of a sign-up box, as innerText or w3m prints it.',
    example: 'Enter your email address',
    nearMiss: 'Email remains the most common attack vector.',
    maxLength: 40,
  },
  {
    id: 'signup-button',
    kind: 'newsletter',
    pattern: /^(?:sign\s?up|subscribe)(?:\s+(?:now|here|today|for free))?\s*[!.]?$|^(?:thanks? for (?:signing up|subscribing))[.!]?$|^you(?:'|’)re (?:all )?(?:signed up|subscribed)[.!]?$/iu,
    note: 'Buttons and confirmations of a sign-up form.',
    example: 'Sign up',
    nearMiss: 'Sign up numbers rose by ten percent last year.',
    maxLength: 40,
  },
  {
    id: 'privacy-notice-signup',
    kind: 'newsletter',
    pattern: /\bby (?:signing up|subscribing|clicking)\b.{0,80}\b(?:agree|privacy|terms|consent)\b/iu,
    note: 'The legalese under a sign-up form.',
    example: 'By signing up, you agree to our Privacy Policy.',
    nearMiss: 'By signing the treaty, both countries agreed to cut tariffs.',
  },
];
