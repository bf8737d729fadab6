import { lazyRows, type PatternRow } from './table.js';
import { ARCHIVE_ENTRY } from './navigation.js';

/** A count of comments, in figures or in words: "12", "One", "two" (rows and `countedHeading`). */
export const COUNT = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)`;
/** The comment form's heading: "Leave a Reply", "Post a Comment" (the comments-heading row, and revise.ts's form tests). */
export const FORM_PROMPT = String.raw`(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply|response)\b`;
/** A sign-in prompt for commenting: "Log in to comment", "LOGIN TO COMMENT | REGISTER TODAY" (the same). */
export const SIGN_IN = String.raw`(?:log|sign)\s*in\s+to\s+(?:comment|reply)\b`;

/** A title's trailing comment count, the link a blog sets beside it ("… Your Business? 153 Comments"), with the mark or word between them ("Written by Nickel - 4 Comments", "… in Marketing with 0 Comments"). */
const COUNT_TAIL = new RegExp(String.raw`^(.{8,200}?[^\s|·•,:–—-])(?:\s*[|·•,:–—-]\s*|\s+with\s+|\s+)(${COUNT}\s+(?:comments?|responses?|replies))$`, 'iu');

/**
 * A title with the comment count a blog sets beside it in the title's element or line ("A $50,000
 * Benevolent Bribe: … Your Business? 153 Comments"), or a byline with it ("Written by Nickel - 4
 * Comments"): the line without it and the mark before it, or null when the line does not end in
 * one or leaves fewer than three words.
 */
export function commentCountTail(text: string): { title: string; tail: string } | null {
  const m = COUNT_TAIL.exec(text);
  if (m === null || m[1]!.split(' ').length < 3) return null;
  return { title: m[1]!, tail: m[2]! };
}

/** Comment-section furniture. The comments themselves are found by position (after these). */
export const COMMENTS: readonly PatternRow<'comments'>[] = lazyRows<'comments'>([
  {
    id: 'comments-heading',
    kind: 'comments',
    pattern: () => new RegExp(String.raw`^[\s\p{P}\p{S}]*(?:${COUNT}\s+)?(?:comments?|(?:your|readers?['’]?|users?['’]?)\s+(?:comments|views)|responses?|replies|discussion|reactions?)(?:\s*\(\d+\))?(?:\s+\d+)?[\s\p{P}\p{S}]*$|^${FORM_PROMPT}.{0,40}$|^(?:join|start)\s+the\s+(?:conversation|discussion|debate)\b.{0,30}$|^(?:show|view|hide|load|see|read)\s+(?:all\s+)?(?:\d+\s+)?(?:more\s+)?(?:comments|replies)\b.{0,20}$|^(?:no\s+(?:comments|responses)(?:\s+yet)?|be\s+the\s+first\s+to\s+(?:comment|reply|respond)(?:\s+on\s+this\s+(?:article|story|post))?)[\s\p{P}\p{S}]*$|^comments\s+(?:are|have\s+been)\s+(?:closed|now\s+closed|disabled)(?:\s+(?:for|on)\s+this\s+(?:story|article|post|entry|page))?\.?$|^${SIGN_IN}.{0,30}$|^(?:reply|report(?:\s+(?:abuse|comment))?|flag|recommend|permalink)$`, 'iu'),
    note: 'Comment headings ("12 Comments", "One comment"), prompts and per-comment buttons. A heading may be wrapped in or followed by punctuation and symbols ("{ 167 comments }", "Comments »", w3m\'s "Comments [    ]" for the form\'s text box).',
    example: '12 Comments',
    nearMiss: 'Comments from the minister angered the opposition.',
    maxLength: 80,
  },
  {
    id: 'comment-feed',
    kind: 'comments',
    pattern: () =>
      /\byou\s+can\s+follow\s+any\s+(?:responses|comments)\s+to\s+this\s+(?:entry|post)\b|\bleave\s+a\s+response,?\s+or\s+trackback\b|\bboth\s+comments\s+and\s+pings\s+are\s+currently\s+closed\b|\b(?:responses|comments)\s+are\s+currently\s+closed,?\s+but\s+you\s+can\s+trackback\b/iu,
    keywords: ['follow any', 'trackback', 'pings are currently closed'],
    note: 'The blog line under a post about its comment feed and trackbacks (WordPress): "You can follow any responses to this entry through the RSS 2.0 feed.", "Both comments and pings are currently closed."',
    example: 'You can follow any responses to this entry through the RSS 2.0 feed. You can leave a response, or trackback from your own site.',
    nearMiss: 'You can follow the debate in parliament through the live feed.',
    maxLength: 300,
  },
  {
    id: 'comment-meta',
    kind: 'comments',
    pattern: () => /^(?:posted|submitted|written)\s+by:?\s+.{1,60}\s+(?:on|at)\s+.{1,40}$|^.{1,40}\s+(?:wrote|says|said):$|^\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b(?!\s+in\s+(?!reply\b)).{0,30}$/iu,
    note: 'Comment author/time lines: "Posted by jim on May 3, 2008", "3 hours ago". Not a feed item\'s stamp naming its source ("10 months ago in The Large Picture Blog": Blogger\'s list of other blogs\' posts).',
    example: 'Posted by jim_k on Jan 3, 2008 at 10:15 AM',
    nearMiss: 'Posted to Kabul in 2006, he served two tours.',
    maxLength: 120,
  },
  {
    id: 'comment-count-title',
    kind: 'comments',
    pattern: () => new RegExp(String.raw`^.{0,100}\b\d+\s+(?:comments?|responses?|replies|reactions)(?:\s+(?:to|on)\s+.{1,100})?\s*$|^[{(\[]?\s*(?:\d+|no|one)\s+comments?\s*(?:…|\.{3})?\s*(?:read|add|leave|post|join)\b.{0,50}$|^${COUNT}\s+(?:thoughts?|responses?|comments?|replies)\s+(?:on|to)\s+.{1,120}$`, 'iu'),
    note: 'Counts that head a comment section: "199 Comments", "12 Responses to “Title”", "Two thoughts on “Title”".',
    example: '12 Responses to “Why Today Matters”',
    nearMiss: 'He made 12 comments about the plan in the interview, none of them kind.',
    maxLength: 220,
  },
  {
    id: 'comment-author',
    kind: 'comments',
    pattern: () => new RegExp(String.raw`^(?!(?:that|this|having|it|he|she|they|we|i|you|who|which|what)\s)[^,]{1,60}\s+said(?:\.\.\.|…)$|^(?:[^,]{1,60}|(?=[^\d]{0,60}\d).{1,60})\s+(?:says|said|wrote|writes|replied|reply|commented)\s*:$|^[^,]{1,40}\s+(?:says|said|wrote|writes)\s*,$|^(?!${ARCHIVE_ENTRY})(?:by\s+)?(?=\S{0,39}\p{L})\S{1,40}\s+\(\d{2,8}\)$|^(?:reply|like|dislike|vote up|vote down|upvote|downvote|share|report|flag)(?:\s*(?:\||·|•)\s*(?:reply|like|dislike|share|report|flag|permalink))+$|^[+-]?\d{1,4}\s*(?:points?|votes?|likes?)$`, 'iu'),
    note: 'Per-comment furniture: "jim says:", "Progress Trap said,", "Jim, 12 May 2012 at 4:15 pm said:", "by TheGratefulNet (143330)" (not a blog archive\'s "July (39)", "2012 (134)", nor a table\'s "112 (15)": a name has a letter), "Reply | Report", vote counts ("12 points"; a bare number is not one). A comma before "said:" separates a date, not a clause: "In an interview, the president also said:" introduces a quote. Blogger\'s "martinealison said..." (not "that said...").',
    example: 'Steve Wilson says:',
    nearMiss: 'In a wide-ranging interview, President Obama also said:',
    maxLength: 80,
  },
  {
    id: 'comment-actions',
    kind: 'comments',
    pattern: () => /^(?:(?:reply|replies|to|this|parent|share|flag|as|inappropriate|report|abuse|spam|permalink|link|like|likes|dislike|quote|edit|delete|vote|up|down|helpful|unhelpful|thread|collapse|expand|hide|show|more|login|log\s?in)\b[\s|·•,]*){2,10}$/iu,
    note: 'Rows of comment action links: "Reply to This Parent Share", "Flag as Inappropriate".',
    example: 'Reply to This Parent Share',
    nearMiss: 'Reply to this letter within ten days.',
    maxLength: 80,
  },
  {
    id: 'comment-form',
    kind: 'comments',
    pattern: () =>
      /^(?:your\s+)?e-?mail(?:\s+address)?\s+(?:will\s+not|won['’]t|will\s+never|is\s+never)\s+(?:be\s+)?(?:published|shared|made\s+public|displayed)\b.{0,80}$|^required\s+fields\s+are\s+(?:marked|indicated)\b.{0,20}$|^(?:name|e-?mail|mail|website|web\s*site|url|comment)\s*(?:\*|\((?:required|optional|will\s+not\s+be\s+published|address\s+never\s+made\s+public|never\s+published)\))(?:\s*(?:\*|\((?:required|optional|will\s+not\s+be\s+published|address\s+never\s+made\s+public|never\s+published)\)))*$|^enter\s+your\s+comment\s+here\b.{0,5}$|^fill\s+in\s+your\s+details\s+below\b.{0,60}$|^you\s+are\s+commenting\s+using\s+your\s+.{1,40}\s+account\b.{0,40}$|^you\s+(?:may|can)\s+use\s+these\s+html\s+tags\b.{0,400}$|^notify\s+me\s+of\s+(?:follow[\s-]?up\s+comments|new\s+(?:comments|posts|replies))\b.{0,40}$|^save\s+my\s+name,?\s+e-?mail,?\s+and\s+website\b.{0,80}$|^(?:submit|send)\s+(?:a\s+|your\s+)?comment$/iu,
    note: 'A comment form\'s fields and notices, as blog software prints them under the post: "Your email address will not be published. Required fields are marked *", "Name (required)", "Mail (will not be published) (required)", "Enter your comment here...", "Notify me of follow-up comments by email.". A field named without its "*" or "(required)" ("Website", "Name") is any menu\'s word, and is not one. The form ends the article (src/classify/rules.ts, STRONG_BARRIER).',
    example: 'Your email address will not be published. Required fields are marked *',
    nearMiss: 'Your email address will be used to send you the newsletter every morning.',
    maxLength: 500,
  },
  {
    id: 'comment-prompt',
    kind: 'comments',
    // A row of its own, not more alternatives of comments-heading: that row's regex is long, and
    // every line these alternatives let through its gates would have it compiled (~1 ms at
    // start-up); no Unicode class either (a case-insensitive \p{P} costs ~0.2 ms to compile).
    pattern: () => /^have\s+your\s+say[\s!.:»›>]*$|^\d+\s+comments\s+per\s+page\b.{0,30}$/iu,
    note: 'The BBC\'s and CBC\'s comment heading "Have your say", and a thread\'s "25 comments per page".',
    example: 'Have your say',
    nearMiss: 'Have your say on the budget at the town hall meeting on Tuesday.',
    maxLength: 60,
  },
  {
    id: 'comment-policy',
    kind: 'comments',
    pattern: () =>
      /\b(?:comments?\s+(?:are|will\s+be|may\s+be)\s+(?:moderated|reviewed|screened)|comment(?:ing)?\s+(?:policy|guidelines|rules)\b|(?:require|encourage)s?\s+civility|keep\s+(?:your\s+)?comments\s+(?:civil|respectful|on[- ]topic)|(?:all\s+)?comments\s+will\s+be\s+published\s+after\s+moderation)/iu,
    keywords: ['comment', 'civility'],
    note: 'A comment section\'s rules: "Comments are moderated", "All comments will be published after moderation", "We require civility and encourage full names", "Please read our comment policy". Not the article\'s report on a site\'s comment rules: a line of a few sentences at most.',
    example: 'We have made it easy to comment on posts, however we require civility and encourage full names to that end.',
    nearMiss: 'The comments he made about the policy were criticised by his own party.',
    maxLength: 400,
  },
  {
    id: 'comment-byline',
    kind: 'comments',
    pattern: () => new RegExp(String.raw`^(?!${ARCHIVE_ENTRY})(?:by\s+)?(?=[^\s()]{0,39}\p{L})[^\s()]{1,40}(?:\s+[^\s()]{1,20}){0,2}\s+\(\d{2,9}\)(?:\s+on\s+[^:]{3,50}\d{1,2}:\d{2}[^:]{0,10})?(?:\s*\(#\d+\))?(?:\s+\w+)?$|^(?:re|aw|sv)\s?:\s?.{1,120}$|^.{1,120}\(score\s?:\s?-?\d[^)]{0,30}\)$`, 'iu'),
    note: 'Slashdot-style comment heads: "by Darkness404 (1287218) on Monday July 23, @08:25PM (#40743959)", "Re: …", "(Score:5, Insightful)". Not a blog archive\'s "► November 2012 (19)" (archive-count), nor a table\'s "112 (15)" (appearances and goals): a name has a letter.',
    example: 'by Darkness404 (1287218) on Monday July 23, @08:25PM (#40743959)',
    nearMiss: 'by the river (2012) on a quiet evening in May',
    maxLength: 200,
  },
]);
