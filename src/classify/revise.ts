/**
 * Stage 6, revision: decisions that need the neighbours and the whole document.
 *
 * 1. appeals and sign-up boxes span paragraphs: the blocks between two of their lines join them;
 * 2. the body span: the contiguous run of blocks with the greatest total prose value, where each
 *    block is worth its weight times (score − threshold) and boilerplate lines are barriers;
 * 3. inside the span: subheadings and short lines between paragraphs stay, furniture goes;
 *    outside: everything is boilerplate, and a comments heading after the body makes what
 *    follows comments.
 */
import type { BoilerplateKind, Block } from '../article.js';
import { THRESHOLDS, type Favor } from '../options.js';
import { hasDigit, STRONG_BARRIER, type Work } from './rules.js';
import { WORDY } from './features.js';
import { AUTHOR_BIO } from '../patterns/author-bio.js';
import { DATE, MONTH } from '../patterns/bylines.js';
import { COUNT, FORM_PROMPT, SIGN_IN } from '../patterns/comments.js';
import { trace } from './trace.js';
/** `CHAR_CODE_AT.call(text, i)` for `text.charCodeAt(i)` in character loops: no megamorphic look-up on the text (see src/classify/features.ts). */
const CHAR_CODE_AT = String.prototype.charCodeAt;

export interface Span {
  start: number;
  /** Inclusive. */
  end: number;
}

function setBoiler(b: Block, kind: BoilerplateKind, reason: string): void {
  b.role = 'boilerplate';
  b.kind = kind;
  if (trace.reasons) b.reasons.push(reason);
}

/** Boilerplate kind of a block from its pattern hit or from the appeal fill, or null. */
export function boilerKind(w: Work): BoilerplateKind | null {
  return w.fill ?? w.boiler?.row.kind ?? null;
}

/** No pattern, fill or meta row has claimed the line yet: the revision's rules may still read it. */
function unclaimed(w: Work): boolean {
  return w.boiler === null && w.fill === undefined && w.meta === null;
}

/** The block is a line that ends body runs (see STRONG_BARRIER): by its kind or by its row. */
export function strongBarrier(w: Work): boolean {
  const kind = boilerKind(w);
  return kind !== null && (STRONG_BARRIER.has(kind) || STRONG_BARRIER.has(w.boiler?.row.id ?? ''));
}

/** A letter's salutation to its readers ("Dear readers,", "Dear Reader:"). */
const SALUTATION = /^dear\s/iu;
/** A salutation alone on its line, as a letter opens: "Dear readers,", "Dear Mr. Smith:". */
const SALUTATION_LINE = /^dear\s[^.!?]{1,40}[,:]$/iu;

/** The line is a letter's salutation alone ("Dear readers,"). */
export function salutation(w: Work): boolean {
  return w.f.words <= 4 && SALUTATION_LINE.test(w.block.text);
}

/** Blocks between two lines of one appeal (or sign-up box) belong to it. */
export function spanAppeals(work: Work[]): void {
  for (const kind of ['support-appeal', 'newsletter'] as const) {
    const idx: number[] = [];
    work.forEach((w, i) => {
      if (w.boiler?.row.kind !== kind) return;
      // "Thank you." is an appeal only next to one.
      if (w.boiler.row.id === 'thank-you') {
        const near = work.slice(Math.max(0, i - 2), i).some((x) => x.boiler?.row.kind === kind && x.boiler.row.id !== 'thank-you');
        if (!near) {
          w.boiler = null;
          return;
        }
      }
      idx.push(i);
    });
    // "Dear readers," opens an appeal only above one of its lines; alone it greets the readers of a
    // letter from the editor, which is the article.
    if (kind === 'support-appeal') {
      for (let k = idx.length - 1; k >= 0; k--) {
        const w = work[idx[k]!]!;
        if (w.boiler?.row.id !== 'appeal-heading' || !SALUTATION.test(w.block.text)) continue;
        const next = idx[k + 1];
        if (next === undefined || next - idx[k]! > THRESHOLDS.appealGap) {
          w.boiler = null;
          idx.splice(k, 1);
        }
      }
    }
    const seen = new Set<string>();
    for (let k = 1; k < idx.length; k++) {
      const a = idx[k - 1]!;
      const b = idx[k]!;
      seen.add(work[a]!.block.text);
      if (b - a > THRESHOLDS.appealGap) continue;
      // A line seen before is one widget repeated (a sign-up bar above and below the story, "SIGN
      // UP" / "FOR OUR NEWSLETTER" twice), not the far end of the box the line before it opens.
      if (seen.has(work[b]!.block.text)) continue;
      // Paragraphs of an article between a newsletter box above it and a sign-up line below it (a
      // text that glued them to their neighbours) are no box's.
      let words = 0;
      for (let i = a + 1; i < b; i++) words += work[i]!.f.words;
      if (words > THRESHOLDS.appealFillMaxWords) continue;
      for (let i = a + 1; i < b; i++) {
        const w = work[i]!;
        if (w.boiler === null && w.fill === undefined) {
          w.fill = kind;
          if (trace.reasons) w.why.push(`between two ${kind} lines`);
        }
      }
    }
  }
}

/**
 * The name a copyright line gives its holder: "© Copyright VentureBeat.", "© 2012 Mashable, Inc.",
 * "Copyright (c) 2011-2012 The Photo Argus": the capitalised words after the sign, the word and
 * the years, up to a stop, a comma or a lower-case word.
 */
const HOLDER = /(?:(?:©|\([Cc]\)|[Cc]opyright|COPYRIGHT)[\s,]*)+(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:(?:19|20)\d\d|\d\d))?[,.]?\s*)?(?:by\s+)?(\p{Lu}(?:[\p{L}\p{N}&'’-]|\.(?=\S))*(?:\s+(?:\p{Lu}(?:[\p{L}\p{N}&'’-]|\.(?=\S))*|&))*)/u;
/** What a holder's name may end in that is not the name: a company's legal form, a lone "&". */
const HOLDER_TAIL = /\s+(?:Inc|LLC|Ltd|Limited|Corp|Corporation|GmbH|AG|plc|&)$/u;
/** "All Rights Reserved" run on after the name ("PhoneNews.com All Rights Reserved"). */
const RIGHTS = /\s+All(?:\s.*)?$/u;

const SITE_ABOUT = AUTHOR_BIO.find((row) => row.id === 'site-about')!;

/** Words a holder's name holds that name nothing alone ("… & Company", "The … Group"). */
const GENERIC_NAME = new Set(['the', 'and', '&', 'company', 'group', 'media', 'news', 'inc', 'corporation', 'limited', 'online', 'network', 'times', 'post', 'press']);

/**
 * The names a page's copyright lines give their holder, lower-cased: the whole name and the runs
 * of its words at either end ("Dow Jones" of "Dow Jones & Company", "Reuters" of "Thomson
 * Reuters"), none a word that names nothing alone.
 */
function copyrightHolders(work: readonly Work[]): Set<string> {
  const names = new Set<string>();
  for (const w of work) {
    if (w.boiler?.row.id !== 'copyright') continue;
    const m = HOLDER.exec(w.block.text);
    const words = (m?.[1] ?? '').replace(RIGHTS, '').replace(HOLDER_TAIL, '').replace(/^the\s+/iu, '').toLowerCase().split(/\s+/u);
    for (let k = 1; k <= words.length; k++) {
      for (const part of [words.slice(0, k), words.slice(words.length - k)]) {
        const name = part.join(' ');
        if (name.length >= 3 && !(part.length === 1 && GENERIC_NAME.has(name)) && !/^(?:all|copyright)$/u.test(name)) names.add(name);
      }
    }
  }
  return names;
}

/** How a site presents itself after its name: "… is a leading source for …", "… provides news about …". */
const PRESENTS = /^(?:\.com)?(?:['’]s)?\s+(?:(?:is|are)\s+(?:a|an|the|one\s+of|your|not\s+responsible)|provides|offers|brings\s+you|covers)\s/iu;
const ABOUT = /^about\s+(?:the\s+)?/iu;
/** "About" alone on its line, as a heading is written ("About", "ABOUT", "About:"). */
const BARE_ABOUT = /^(?:About|ABOUT):?$/;
/** What may follow the site's name in its "About" heading: the kind of site ("About Zillow Blog"), the heading's colon. */
const SITE_WORD = /(?:\s+(?:blog|site|website|magazine|online|network))?[\s:.!]*$/iu;
/** "The" opening a paragraph before the site's name ("The Photo Argus is …"). */
const LEADING_THE = /^the\s+/u;

/** What a site's name may end in as a paragraph opens with it: "PhoneNews.com", "Reuters's". */
const NAME_SUFFIX = /(?:\.com|['’]s)$/u;

/** A line's first word lower-cased, after a leading "the": a paragraph whose first word opens no name is passed over. */
function firstWord(text: string): string {
  let from = 0;
  let to = text.indexOf(' ');
  if (to === 3 && text.slice(0, 3).toLowerCase() === 'the') {
    from = 4;
    to = text.indexOf(' ', from);
  }
  return text.slice(from, to < 0 ? text.length : to).toLowerCase().replace(NAME_SUFFIX, '');
}

/**
 * The site's presentation of itself, named by the page's copyright holder ("© Copyright
 * VentureBeat"). A short heading "About <the site>" ("About VentureBeat") over a paragraph is its
 * heading, as "About this blog" is: it takes the `site-about` row, a barrier for the span, and
 * the bio fill goes under it (fillAuthorBios). A paragraph that opens with the site's name and
 * presents it ("VentureBeat provides news about …", "Reuters is the world's largest …") is
 * boilerplate where it stands, and ends nothing (a promotion boxed into the article). "About
 * <Name>" alone is not enough: a press release ends in "About Acme Corp." and the company's
 * description, which are the release's; the site that publishes it holds the copyright, not Acme.
 */
export function markSiteAbout(work: Work[]): void {
  // A bare "About" over a paragraph heads a box about the site or its writer; a menu's "About"
  // follows other short links ("Home", "Blog"), and may stand right above the article. Counted on
  // all four corpora: 28 such paragraphs, none in the gold body.
  for (let i = 1; i + 1 < work.length; i++) {
    const w = work[i]!;
    if (w.f.words !== 1 || (w.boiler !== null && w.boiler.row.kind !== 'navigation') || !BARE_ABOUT.test(w.block.text)) continue;
    const prev = work[i - 1]!;
    if (prev.f.words >= 1 && prev.f.words <= 3 && !prev.f.endsSentence) continue;
    const next = work[i + 1]!;
    if (next.f.words < THRESHOLDS.siteBlurbWords || !next.f.endsSentence) continue;
    w.boiler = { row: SITE_ABOUT, match: BARE_ABOUT.exec(w.block.text)! };
    if (trace.reasons) w.why.push('"About" over a paragraph: a box about the site or its writer');
  }
  const names = copyrightHolders(work);
  if (names.size === 0) return;
  // The names' first words: a paragraph that opens with none of them is passed over at once.
  const firsts = new Set([...names].map((n) => n.split(' ')[0]!.replace(NAME_SUFFIX, '')));
  for (let i = 0; i < work.length; i++) {
    const w = work[i]!;
    if (w.boiler !== null && w.boiler.row.kind !== 'navigation') continue;
    const text = w.block.text;
    if (w.f.words <= 6 && ABOUT.test(text)) {
      // Over the presentation itself, a paragraph: a menu's "About Reuters" link over the article's
      // headline heads nothing.
      const next = work[i + 1];
      if (next === undefined || next.f.words < THRESHOLDS.siteBlurbWords || !next.f.endsSentence) continue;
      if (!names.has(text.replace(ABOUT, '').replace(SITE_WORD, '').toLowerCase())) continue;
      w.boiler = { row: SITE_ABOUT, match: ABOUT.exec(text)! };
      if (trace.reasons) w.why.push(`"About" the page's copyright holder: the site's presentation`);
    } else if (w.f.words >= 10 && w.boiler === null && firsts.has(firstWord(text))) {
      // The paragraph's opening, lower-cased (not the whole paragraph): a name of the holder, then
      // how the site presents itself (PRESENTS reads a ".com" or "'s" after the name).
      const head = text.slice(0, 200).toLowerCase().replace(LEADING_THE, '');
      for (const name of names) {
        if (!head.startsWith(name) || !PRESENTS.test(head.slice(name.length))) continue;
        w.fill = 'other';
        if (trace.reasons) w.why.push(`the page's copyright holder presenting itself`);
        break;
      }
    }
  }
}

/** A name alone, as byline markup holds it: two or three capitalised words. */
const MARKED_NAME = /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2}$/u;
/** The writer a byline names: "By Jane Doe", "Posted on May 3 by Jane Doe", "Author: Jane Doe" (two or three capitalised words). */
const BYLINE_NAME = /(?:\b[Bb]y|\bBY|\b[Aa]uthor:)\s*:?\s+(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2})/u;
/**
 * A link to a writer's other posts or profile: "View all posts by Becky", "All Posts by Mike
 * Sansone", "More articles by …", Blogger's "View my complete profile".
 */
const WRITER_POSTS = /^[^a-z0-9]*(?:(?:view|see|read|more|all)\s+(?:all\s+|more\s+)?(?:posts|articles|stories|entries)\s+by\s|(?:view|see|read)\s+(?:my\s+|the\s+|his\s+|her\s+)?(?:complete|full)\s+(?:profile|bio(?:graphy)?)\b)/i;
/** How a bio goes on after the writer's name: "… is a reporter for …", "… covers storage for …", "… lives in …". */
const BIO_VERB = /^\s+(?:is|was|has|lives|writes|covers|joined|holds|teaches|works|blogs|reports|edits|serves)\s/u;

/**
 * A paragraph that opens with the name the page's byline gives its writer and goes on as a bio
 * ("Lucas Mearian covers storage, disaster recovery and business continuity for Computerworld.",
 * under "By Lucas Mearian"): the writer's bio, boilerplate where it stands (it ends nothing: the
 * same bio also opens some articles, under the byline). A name the byline does not give (a
 * person the article is about) is the article's.
 */
export function markWriterBios(work: Work[]): void {
  // The paragraph right above a link to the writer's other posts is the writer's box.
  for (let i = 1; i < work.length; i++) {
    const w = work[i - 1]!;
    if (w.f.words < 8 || !w.f.endsSentence || w.boiler !== null || w.meta !== null || !WRITER_POSTS.test(work[i]!.block.text)) continue;
    w.fill = 'other';
    if (trace.reasons) w.why.push(`the writer's box: a link to the writer's posts under it`);
  }
  const names: string[] = [];
  const add = (name: string | undefined): void => {
    if (name === undefined) return;
    if (!names.includes(name)) names.push(name);
    // A bio may call the writer by the surname alone ("Biggs is the East Coast Editor of …").
    const surname = name.slice(name.lastIndexOf(' ') + 1);
    if (surname.length >= 3 && surname !== name && !names.includes(surname)) names.push(surname);
  };
  for (const w of work) {
    if (w.meta?.row.kind === 'byline') add(BYLINE_NAME.exec(w.block.text)?.[1]);
    // A byline the markup marks is the name alone ("John Biggs").
    else if (w.block.fixed && w.block.role === 'byline') add(MARKED_NAME.exec(w.block.text)?.[0] ?? BYLINE_NAME.exec(w.block.text)?.[1]);
  }
  if (names.length === 0) return;
  for (const w of work) {
    if (!unclaimed(w) || w.f.words < 8) continue;
    const text = w.block.text;
    if (!names.some((name) => text.startsWith(name) && BIO_VERB.test(text.slice(name.length)))) continue;
    w.fill = 'other';
    if (trace.reasons) w.why.push("the byline's writer presented (a bio)");
  }
}

/** A profile's field label, alone on its line: "Name:", "Location:", "Occupation:". */
function fieldLabel(w: Work): boolean {
  return w.f.words <= 2 && LEAD_IN.test(w.block.text);
}

/**
 * The blocks under an author-bio heading ("About the author", the writer's name, the bio), or a
 * site's "About" heading, belong to the bio, up to and with its first paragraph. The heading ends the body span (a strong
 * barrier), but alone that leaves the bio free to win the span by itself on a page whose article
 * is a list of short lines.
 */
export function fillAuthorBios(work: Work[]): void {
  for (let i = 0; i < work.length; i++) {
    const heading = work[i]!;
    // The heading alone: a labelled bio ("About the Author: Derek Halpern is …") is one line.
    const id = heading.boiler?.row.id;
    if ((id !== 'author-bio' && id !== 'site-about') || heading.f.words > 6) continue;
    for (let j = i + 1; j < work.length && j <= i + THRESHOLDS.bioBlocks; j++) {
      const w = work[j]!;
      // The writer's photo (its alt text, a credit) is part of the box; a comment section, the
      // next box's heading or a date or byline (a menu's "About me" link above a post) ends it.
      // A profile's field is no byline: "Location:" over "New York, New York".
      if ((w.meta !== null && !fieldLabel(work[j - 1]!)) || strongBarrier(w)) break;
      if (w.boiler !== null || w.fill !== undefined || w.media !== null) continue;
      w.fill = 'other';
      if (trace.reasons) w.why.push('under an author-bio heading');
      if (w.f.sentences >= 2 || w.f.words >= 20) break;
    }
  }
}

/**
 * A clock time, or a date as the byline table reads one, inside a line; or a day, month and
 * two-digit year closing it ("Jermaine 07 Nov 12": a comment's stamp; in running text "12 March
 * 15" is rarer than a count, so only at the line's end).
 */
const STAMP = new RegExp(`\\b\\d{1,2}:\\d{2}\\b|\\b${DATE}\\b`, 'iu');
/** The closing form ("… 07 Nov 12"): a regex anchored at the end, run only on lines ending in a figure. */
const STAMP_SHORT_YEAR = new RegExp(`\\b\\d{1,2}\\s+${MONTH}\\s+\\d{2}$`, 'iu');
function isStamp(text: string): boolean {
  // Every stamp holds a figure (each alternative above needs one): lines without are not tried.
  if (!hasDigit(text)) return false;
  if (STAMP.test(text)) return true;
  const last = text.charCodeAt(text.length - 1);
  return last >= 48 && last <= 57 && STAMP_SHORT_YEAR.test(text);
}

/**
 * A comment marker: a line the comment tables name, or a short line that is not a sentence and
 * carries a timestamp ("Bart | November 9, 2012 12:20 AM | Reply"): the author/date line every
 * comment system prints. Whether markers make a thread is decided by their alternation with prose.
 */
function commentMarker(w: Work): boolean {
  return w.boiler?.row.kind === 'comments' || w.stampShape === true;
}

/** "am." or "pm." followed by more text: the stop ends a time, not a sentence. */
const AM_PM_STOP = /\b[ap]\.?m\.\s/giu;
/** A comment's number opening its line ("4. Jane Doe - August 8, 2012"): the stop numbers, it ends no sentence. */
const NUMBERED = /^\d{1,4}\.\s/u;

/** The stops in a line that end no sentence: after "am"/"pm" and a number opening the line. */
function stopsExcused(text: string): number {
  return (text.match(AM_PM_STOP)?.length ?? 0) + (NUMBERED.test(text) ? 1 : 0);
}

/** A web address in a line ("http://…", "www.…"). */
const WEB_ADDRESS = /(?:https?:\/\/|www\.)\S+/gi;
/** The line with its web addresses replaced by `by`. */
function withoutAddresses(text: string, by: string): string {
  return text.includes('://') || text.includes('www.') ? text.replace(WEB_ADDRESS, by) : text;
}

/**
 * The shape of a line: names (runs of capitalised words) become N, numbers #, other words stay.
 * "Bart | November 9, 2012 12:20 AM | Reply" and "Robert Mills | November 9, 2012 1:16 AM | Reply"
 * share one shape.
 */
function lineShape(text: string): string {
  // "3:25 pm" and "6:24 am" are one shape; so are "November 1st" and "November 6th", the
  // commenters' handles ("Twitter: @chrislanephoto", "@something_share") and their sites
  // ("http://www.edbrill.com", "http://stephankopp.net").
  return withoutAddresses(text, 'U')
    .replace(/\d+(?:st|nd|rd|th)?/g, '#')
    .replace(/@[\p{L}\p{N}_.]+/gu, '@')
    .replace(/\b[ap]\.?m\b\.?/giu, 'm')
    .replace(/\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*/gu, 'N');
}

/** A teaser's link at the end of its summary's line ("… Read more »", "… Read Article ►→ 28"), read in the line's last 40 characters. */
const TEASER_TAIL = /[\s…](?:read\s+(?:more|article|the\s+(?:full\s+)?(?:story|article|post)|full\s+(?:story|article))|continue\s+reading)[\s►»›→>…:.]*(?:\d{1,4}|new!?)?\s*$/i;
function teaserTail(text: string): boolean {
  const tail = text.slice(-40);
  return (tail.includes('ead') || tail.includes('EAD') || tail.includes('ontinue')) && TEASER_TAIL.test(tail);
}

/** A teaser's link to its story ("Continue reading »", "Read more", "Read the full story"); not a list's "View all posts by …". */
const TEASER_LINK = /^[^a-z0-9]*(?:read\s+(?:more|the\s+(?:full\s+)?(?:story|article|post))|continue\s+reading|full\s+(?:story|article))\b/i;

/** A list's link to more of it: "More Latest News", "More headlines »". */
const MORE_LINK = /^[^\p{L}\p{N}]{0,3}more\b/iu;

/**
 * The titles a related-stories heading ("Related stories", "Most read") lists: the lines under it
 * that read as titles (2 to 15 words, no sentence end), up to the first sentence, lead-in or line a
 * pattern claims, a title over a byline or a paragraph (it heads what follows), the list's "More …"
 * link, or the first line without the list's bullet. Only under the page's first sentence of
 * prose: above the article, a title may be its headline. Inside an article they are a box the page
 * set into it; the article goes on after them. Text only: in a page's markup the box is an element
 * of its own (see boxCut and the class hints).
 */
export function markRelatedTitles(work: Work[]): void {
  // Only under the article's first sentence: above it, a title may be the headline itself.
  let prose = false;
  for (let i = 0; i < work.length; i++) {
    const x = work[i]!;
    if (!prose) prose = x.boiler === null && x.meta === null && x.f.endsSentence && x.f.words >= 12;
    const id = x.boiler?.row.id;
    if (!prose || x.block.dom !== undefined || (id !== 'related-heading' && id !== 'most-read')) continue;
    for (let j = i + 1; j < work.length; j++) {
      const w = work[j]!;
      if (!unclaimed(w) || w.media !== null || w.f.endsSentence || w.f.words < 2 || w.f.words > 15 || LEAD_IN.test(w.block.text)) break;
      // A bulleted list ends at the first line without its bullet.
      if (j > i + 1 && work[i + 1]!.f.bullet && !w.f.bullet) break;
      // A title over a byline or over a paragraph heads what follows (the next story's headline,
      // a teaser's summary): the list ends above it.
      const next = work[j + 1];
      if (next !== undefined && (next.meta !== null || (next.f.endsSentence && next.f.words >= 12))) break;
      w.fill = 'navigation';
      if (trace.reasons) w.why.push('a title under a related-stories heading');
      // The list's own link to more of it ("More Latest News") is its last line.
      if (MORE_LINK.test(w.block.text)) break;
    }
  }
}

/**
 * A river of teasers: a summary paragraph with a "Continue reading »" (or "Read more") link right
 * under it, the pair at least `THRESHOLDS.teaserPairs` times in the document, is an index's or a
 * sidebar's teaser, however well it reads (a blog's front page above the post). One such link
 * under an article's last paragraph (the seed's "Read more") ends the article and marks nothing.
 * A summary whose link innerText glued to its end ("… Read Article ►→ 28") counts as such a pair.
 * Counted on all four corpora's `text-chromium`: 58 summaries over their own link in 17 pages,
 * none of them in the gold body; about 260 lines with the link glued on, 5 of them in gold.
 */
export function markTeaserSummaries(work: Work[]): void {
  const summaries: number[] = [];
  for (let i = 0; i < work.length; i++) {
    const w = work[i]!;
    if (!unclaimed(w) || w.media !== null) continue;
    // The link glued to the summary's end (innerText joins an inline link to its paragraph):
    // "… the star has kept a low profile since the scandal broke, but the… Read Article ►→ 28".
    if (w.f.length >= THRESHOLDS.teaserMinChars && teaserTail(w.block.text)) summaries.push(i);
    else if (w.f.endsSentence && i + 1 < work.length) {
      const link = work[i + 1]!;
      if (link.boiler?.row.id === 'read-more' && TEASER_LINK.test(link.block.text)) summaries.push(i);
    }
  }
  if (summaries.length < THRESHOLDS.teaserPairs) return;
  for (const i of summaries) {
    const w = work[i]!;
    w.fill = 'navigation';
    if (trace.reasons) w.why.push('a teaser: its "read more" link under it, as under other summaries on the page');
  }
  // Each teaser's title above its summary, and its date under it (under its link, if any), are the
  // teaser's too: "Nintendo Rolls Out 5,000 Wii U Kiosks" / summary / "Read more" / "2012-11-05".
  for (const i of summaries) {
    const title = work[i - 1];
    if (title !== undefined && teaserTitle(title)) {
      title.fill = 'navigation';
      if (trace.reasons) title.why.push("a teaser's title, above its summary");
    }
    let j = i + 1;
    if (work[j]?.boiler?.row.id === 'read-more') j++;
    const date = work[j];
    if (date !== undefined && date.boiler === null && date.fill === undefined && (date.meta === null || date.meta.row.kind === 'dateline') && DATE_ALONE.test(date.block.text)) {
      date.fill = 'navigation';
      if (trace.reasons) date.why.push("a teaser's date, under it");
    }
  }
}

/** A line that is only a date ("2012-11-09", "November 8, 2012"). */
const DATE_ALONE = new RegExp(`^\\s*${DATE}\\s*$`, 'iu');

/**
 * A teaser's title over its summary: a short line, no sentence; in markup also a heading or all of
 * it a link (a paragraph over a summary may be the article's own lead-in).
 */
function teaserTitle(w: Work): boolean {
  if (!unclaimed(w) || w.media !== null || w.f.endsSentence || w.f.words < 2 || w.f.words > LINKED_TITLE_MAX_WORDS) return false;
  const dom = w.block.dom;
  return dom === undefined || dom.linkDensity >= LINKED_TITLE_DENSITY || HEADING_TAG.test(dom.tag);
}

/** A markup heading's tag. */
export const HEADING_TAG = /^h[1-6]$/;

/**
 * A list of teasers in markup: a title that is all link ("Hops shortage spurs B.C. microbreweries
 * to reinvent flagship beers") and one summary under it, the pair `THRESHOLDS.linkedTeaserPairs`
 * times or more in a row (a "B.C. Headlines" box of dt links over dd summaries, in the story's
 * container), section headings between groups of pairs included ("Canada Headlines"). The
 * summaries read as prose, but an article does not alternate its paragraphs with links so, unless
 * the list is the article: a post that lists talks or books, each title a link over its
 * description, holds most of its prose in the list. So the summaries are the teasers'
 * (navigation), as their titles are, only when the page's other prose outweighs them, or when the
 * teasers sit in a box of their own beside an article's paragraphs (`ownBox`: a short story above a
 * long "More headlines" box).
 */
export function markLinkedTeasers(work: Work[]): void {
  const title = (w: Work): boolean => (w.block.dom?.linkDensity ?? 0) >= LINKED_TITLE_DENSITY && w.f.words >= 2 && w.f.words <= LINKED_TITLE_MAX_WORDS;
  const summary = (w: Work): boolean => unclaimed(w) && w.media === null && (w.block.dom?.linkDensity ?? 1) < LINKED_SUMMARY_DENSITY && w.f.words >= LINKED_SUMMARY_MIN_WORDS && w.f.words <= LINKED_SUMMARY_MAX_WORDS;
  const pair = (j: number): boolean => j + 1 < work.length && title(work[j]!) && summary(work[j + 1]!);
  // A section's heading between two groups of teasers ("Canada Headlines" after "B.C. Headlines").
  const heading = (w: Work): boolean => (w.block.dom?.linkDensity ?? 1) < LINKED_SUMMARY_DENSITY && w.f.words <= LINKED_HEADING_MAX_WORDS && !w.f.endsSentence;
  const prose = (w: Work): number => (unclaimed(w) && w.media === null && w.f.endsSentence ? w.f.words : 0);
  const runs: TeaserRun[] = [];
  for (let i = 0; i < work.length; ) {
    let j = i;
    let words = 0;
    const summaries: number[] = [];
    const headings: number[] = [];
    for (;;) {
      if (pair(j)) {
        words += prose(work[j + 1]!);
        summaries.push(j + 1);
        j += 2;
      } else if (summaries.length > 0 && pair(j + 1) && heading(work[j]!)) {
        headings.push(j);
        j++;
      } else break;
    }
    if (summaries.length >= THRESHOLDS.linkedTeaserPairs) runs.push({ from: i, to: j, words, summaries, headings });
    i = j > i ? j : i + 1;
  }
  if (runs.length === 0) return;
  let all = 0;
  for (const w of work) all += prose(w);
  for (const run of runs) {
    if ((all - run.words < run.words && !ownBox(work, run, prose)) || amidArticle(work, run, prose)) continue;
    for (const k of run.summaries) {
      work[k]!.fill = 'navigation';
      if (trace.reasons) work[k]!.why.push(`a teaser's summary: under a title that is a link, as under ${run.summaries.length - 1} more in a row`);
    }
    for (const k of run.headings) {
      work[k]!.fill = 'navigation';
      if (trace.reasons) work[k]!.why.push("a heading among teasers' groups");
    }
  }
}
/**
 * Whether the teasers of `run` sit in a box of their own beside an article: the elements that hold
 * its summaries hold no other prose (a heading over them at most), and the page's prose outside
 * them holds an article: sibling paragraphs of `THRESHOLDS.teaserBoxArticleWords` words or more (a
 * section front page's sidebar scraps are no article). A short story followed by
 * a "More headlines" box that outweighs it; a round-up post's own paragraph shares the element of
 * its list.
 */
function ownBox(work: readonly Work[], run: TeaserRun, prose: (w: Work) => number): boolean {
  let first = Infinity;
  let end = -1;
  for (const k of run.summaries) {
    const dom = work[k]!.block.dom;
    if (dom?.parentFirst === undefined || dom.parentEnd === undefined) return false;
    first = Math.min(first, dom.parentFirst);
    end = Math.max(end, dom.parentEnd);
  }
  for (let i = first; i < end; i++) {
    if (i >= run.from && i < run.to) continue;
    if (prose(work[i]!) > 0) return false;
  }
  // The article: sibling paragraphs outside the box (one element's), not scraps of sidebars.
  const byParent = new Map<number, number>();
  for (let i = 0; i < work.length; i++) {
    if (i >= first && i < end) continue;
    const words = prose(work[i]!);
    const pf = work[i]!.block.dom?.parentFirst;
    if (words === 0 || pf === undefined) continue;
    const sum = (byParent.get(pf) ?? 0) + words;
    if (sum >= THRESHOLDS.teaserBoxArticleWords) return true;
    byParent.set(pf, sum);
  }
  return false;
}

/**
 * Whether the teasers of `run` stand amid the writer's prose: the element that holds their summaries
 * holds paragraphs of prose above the run and below it (a post that presents three products, each
 * name a link over its description, between its opening and its closing paragraphs). A box of
 * headlines holds its own summaries, or ends the story's element.
 */
function amidArticle(work: readonly Work[], run: TeaserRun, prose: (w: Work) => number): boolean {
  const dom = work[run.summaries[0]!]!.block.dom;
  const first = dom?.parentFirst;
  const end = dom?.parentEnd;
  if (first === undefined || end === undefined) return false;
  for (const k of run.summaries) if (work[k]!.block.dom?.parentFirst !== first) return false;
  let above = false;
  for (let i = first; i < run.from && !above; i++) above = prose(work[i]!) > 0;
  if (!above) return false;
  for (let i = run.to; i < end; i++) if (prose(work[i]!) > 0) return true;
  return false;
}

/** A run of linked teasers: blocks [from, to), its summaries, the section headings among them, and the summaries' words of prose. */
interface TeaserRun {
  from: number;
  to: number;
  words: number;
  summaries: number[];
  headings: number[];
}

/** Share of a teaser's title in a link, at least. */
const LINKED_TITLE_DENSITY = 0.9;
/** Words at most of a section's heading between groups of teasers. */
const LINKED_HEADING_MAX_WORDS = 8;
/** Words at most of a teaser's title. */
const LINKED_TITLE_MAX_WORDS = 25;
/** Share of a teaser's summary in links, below. */
const LINKED_SUMMARY_DENSITY = 0.5;
/** Words of a teaser's summary, at least and at most: a sentence or two. */
const LINKED_SUMMARY_MIN_WORDS = 6;
const LINKED_SUMMARY_MAX_WORDS = 80;

/**
 * A sentence printed twice over on one line ("A man rides his bike through the flooded street. A
 * man rides his bike through the flooded street."): an image's alt and title text side by side, as
 * a text browser prints a gallery's slides; no article repeats its sentence so. Counted on the
 * four corpora's two text renderings: 447 such lines (halves of 6 words or more) in 40 renderings
 * of pages, 2 of them in the gold body.
 */
export function markDoubledLines(work: Work[]): void {
  for (const w of work) {
    if (!unclaimed(w) || w.f.words < 2 * THRESHOLDS.doubledMinWords || w.f.words > 2 * THRESHOLDS.doubledMaxWords) continue;
    const text = w.block.text;
    const h = (text.length - 1) / 2;
    // One string compare, no split: "X X" has an odd length and a space in its middle.
    if (text.charCodeAt(h) !== 0x20 || text.slice(0, h) !== text.slice(h + 1)) continue;
    w.fill = 'other';
    if (trace.reasons) w.why.push("a sentence printed twice over: an image's alt and title text");
  }
}

/**
 * A paragraph set all in capitals ("I LIVE. I LEARN. I TEACH. …", "INVESTORS OFTEN OVERLOOK SEC
 * FILINGS, AND …"): a site's tagline or a styled box (innerText prints CSS's uppercase as
 * capitals), not the article's prose. Counted on the four corpora's two text renderings: 164 lines
 * of `THRESHOLDS.shoutedMinWords` words or more, every letter a capital, 4 of them in the gold body
 * (two readers' comments, which that gold keeps).
 */
export function markShoutedLines(work: Work[]): void {
  for (const w of work) {
    if (!unclaimed(w) || !w.f.allCaps || w.f.words < THRESHOLDS.shoutedMinWords) continue;
    w.fill = 'other';
    if (trace.reasons) w.why.push('a paragraph all in capitals: a tagline or a styled box');
  }
}

/** A link to the previous post by its title: "« Super Sad True Love Story: A Review". */
const PREV_TITLE = /^[«‹]\s*[^«»‹›]{2,100}$/u;
/** A link to the next post by its title: "A World Lit With Sensors and Clothed in Data »". */
const NEXT_TITLE = /^[^«»‹›]{2,100}[»›]$/u;

/**
 * A post's links to the previous and next post by their titles, one over the other ("« Super Sad
 * True Love Story: A Review", "A World Lit With Sensors and Clothed in Data »"): navigation, and
 * under the article's prose they end it (`articleEnd`). One such line alone may be a quote's
 * opening or closing in French typography; the pair is the blog's. A pair that opens the document
 * follows no post: its first line stands in the title's place (fuzz, text-stable at seed 20261701:
 * "« (AP" over "𐀀 the the »", the text output of a headline and its one paragraph).
 */
export function markPostNavTitles(work: Work[]): void {
  for (let i = 1; i + 1 < work.length; i++) {
    const a = work[i]!;
    const b = work[i + 1]!;
    if (!unclaimed(a) || !unclaimed(b) || !PREV_TITLE.test(a.block.text) || !NEXT_TITLE.test(b.block.text)) continue;
    for (const w of [a, b]) {
      w.fill = 'navigation';
      w.postNav = true;
      if (trace.reasons) w.why.push("a link to the previous or next post by its title");
    }
    i++;
  }
}

/** A slide's number in a gallery: "12", "3 of 24", "3/24". */
const SLIDE_NUMBER = /^\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/;

/**
 * Lines the span search passes over at no cost (`folded`), what innerText prints as nothing:
 * - a text browser's "[photo]" for an image: an image inside the article is no furniture between
 *   two of its runs (it cost a barrier's price);
 * - a photo gallery printed slide by slide (a text browser prints a slideshow's hidden slides:
 *   "[photo]", "12", "[photo]", "13", …) is one piece of furniture, however many slides it has:
 *   past its first `THRESHOLDS.galleryLines` lines its slide numbers are worth nothing too, so an
 *   article the gallery interrupts is still one run (its cost no longer grows with its slides);
 * - a line with no letter or figure, a rule: w3m prints an <hr> as a row of "━" as wide as the
 *   page (it cost as much as a long paragraph is worth).
 */
export function markFolded(work: Work[]): void {
  let run = 0;
  for (let i = 0; i < work.length; i++) {
    const w = work[i]!;
    const image = w.boiler?.row.id === 'image-placeholder';
    if (image || (w.boiler === null && wordless(w.block.text))) w.folded = true;
    if (!image && !(w.f.length <= 9 && SLIDE_NUMBER.test(w.block.text))) {
      run = 0;
      continue;
    }
    if (++run > THRESHOLDS.galleryLines) w.folded = true;
  }
}

/** An embedded tweet's signature, at the end of its line: "(@Justin2Salas) November 02, 2012". */
const TWEET_SIGNATURE = /\(@\w{1,20}\)\s+\p{L}{3,9}\.?\s+\d{1,2},\s+\d{4}$/u;
/** A text browser's image placeholder at the start of a line: "[Screen-Shot-2012-10-17-at-11]". */
const LEADING_IMAGE = /^\[[^\]\n]{1,80}\]\s*/;

/**
 * Mark the comment author/date lines that carry no pattern of the tables: short timestamped lines
 * that are no sentence and repeat one shape several times in the document, as every comment
 * system prints them. (A lone dateline or an article's few timestamps do not repeat a shape.)
 */
export function markStampLines(work: Work[]): void {
  const shapes = new Map<string, number>();
  const cands: Array<[Work, string]> = [];
  for (const w of work) {
    // Too long for a stamp line, or no figure (every stamp holds one; cutting addresses adds none):
    // most lines are not looked at further, and their addresses are not looked for.
    if (w.f.words > THRESHOLDS.stampMaxWords || !hasDigit(w.block.text)) continue;
    // An image's file name a text browser prints before a caption ("[Screen-Shot-2012-10-17-at-11]Re-
    // Trouvé High Back Chair") dates the image, not the line.
    // A date in an address ("…/temp-2012-01-03/Rose_Bowl_Floats.jpg") dates the file, not the line.
    const text = withoutAddresses(w.block.text.charCodeAt(0) === 0x5b /* [ */ ? w.block.text.replace(LEADING_IMAGE, '') : w.block.text, ' ');
    // "6:10 am. Reply" and "4. Jane Doe - August 8, 2012" end no sentence
    // (The excused stops are counted only for lines with a sentence mark: they excuse those alone.
    // That count goes first: its two small regexes cost less than the stamp's.)
    if ((w.f.sentences > 0 && w.f.sentences > stopsExcused(text)) || !isStamp(text)) continue;
    // An image's file name a text browser prints ("[Screen-Shot-2012-10-08-at-6]") dates the image;
    // an embedded tweet's signature ("— Justin Salas (@Justin2Salas) November 02, 2012") dates a
    // quote in the article (the tweets above 47 such lines in the corpora are gold in 15 of 18 pages).
    if (w.boiler?.row.id === 'image-placeholder' || TWEET_SIGNATURE.test(text)) continue;
    // The shape from the first figure on: the commenter's name before it ("by Eric Kennedy on",
    // "by randfish on") varies in length and case from line to line.
    const digit = text.search(/\d/);
    const shape = lineShape(digit < 0 ? text : text.slice(digit));
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    cands.push([w, shape]);
  }
  for (const [w, shape] of cands) if (shapes.get(shape)! >= THRESHOLDS.commentCluster.markers) w.stampShape = true;
}

/**
 * Where the comment section starts, or -1. Comments come after the article and repeat a pattern:
 * author/date/action lines with short prose between them. The section starts at the first marker
 * line that is followed, within a window, by several more markers with prose between them, and
 * that has article prose before it.
 */
export function commentSectionStart(work: Work[], favor: Favor): number {
  const { window, markers, prose } = THRESHOLDS.commentCluster;
  const threshold = THRESHOLDS.spanThreshold[favor];
  const isProse = (w: Work): boolean => !commentMarker(w) && boilerKind(w) === null && w.score >= threshold;
  let proseBefore = 0;
  let proseBeforeChars = 0;
  for (let i = 0; i < work.length; i++) {
    const w = work[i]!;
    if (!commentMarker(w)) {
      if (isProse(w) && w.f.length >= THREAD_PROSE_CHARS) {
        proseBefore++;
        proseBeforeChars += w.f.length;
      }
      continue;
    }
    // "No comments yet." over the comment form: the thread is empty, and it starts here however
    // little prose stands above it (a post of one line).
    if (emptyThread(work, i)) {
      // From its first heading ("Comments (0)" over "No comments yet."); a post's footer above
      // ("Posted by … at 6:35 AM") is the article's.
      let start = i;
      while (start > 0 && THREAD_HEADINGS.has(work[start - 1]!.boiler?.row.id ?? '')) start--;
      return start;
    }
    if (proseBefore === 0) continue;
    // "2 comments:" over as many author lines ("martinealison said..."): a thread, however short.
    if (countedThread(work, i, isProse)) return i;
    // A site blurb above a "4 Comments" link: the article is the long unbroken prose below.
    if (proseBeforeChars < THRESHOLDS.commentArticleChars && longestProseRun(work, i, isProse) > 3 * Math.max(proseBeforeChars, THRESHOLDS.commentArticleChars / 1.5)) continue;
    // Count alternations: a marker line after prose. A thread alternates; an article with a few
    // tool rows around it does not.
    let m = 0;
    let p = 0;
    let afterProse = false;
    for (let j = i + 1; j < Math.min(work.length, i + window); j++) {
      const x = work[j]!;
      if (commentMarker(x)) {
        if (afterProse) m++;
        afterProse = false;
      } else if (isProse(x)) {
        p++;
        afterProse = true;
      } else if (boilerKind(x) === null && x.f.words >= THRESHOLDS.commentMinWords && x.f.letterRatio >= 0.6 && (x.f.endsSentence || x.f.sentences >= 1)) {
        // A comment may be one short remark: a sentence between two markers, prose or not (a
        // teaser list's titles end no sentence).
        afterProse = true;
      }
    }
    if (m >= markers && p >= prose && firstComment(work, i) && !headsAgain(work, i, isProse) && (!stampedRun(work, i) || threadEnds(work, i, isProse))) return i;
  }
  return -1;
}

/** A heading that names the thread ("Comments", "12 Responses"), not a comment's "Reply" link. */
const THREAD_WORD = /\b(?:comments|responses|discussion)\b/iu;

/**
 * Whether the thread is headed again below `start`, past prose and before any comment: "10
 * Comments" beside the byline is a link over the article, and the thread starts at the
 * "Comments" heading under it. (A heading with another count is a teaser's: "15 comments" and "10
 * comments" under a list of stories.)
 */
function headsAgain(work: readonly Work[], start: number, isProse: (w: Work) => boolean): boolean {
  let prose = false;
  const end = Math.min(work.length, start + THRESHOLDS.commentCluster.window);
  for (let j = start + 1; j < end; j++) {
    const w = work[j]!;
    if (commentMarker(w)) {
      if (prose) return THREAD_HEADINGS.has(w.boiler?.row.id ?? '') && THREAD_WORD.test(w.block.text) && (!hasDigit(w.block.text) || w.block.text === work[start]!.block.text);
    } else if (isProse(w)) prose = true;
  }
  return false;
}

/** Rows of the lines that head a thread. */
const THREAD_HEADINGS = new Set(['comments-heading', 'comment-count-title']);

/** A thread that says it holds no comment ("No comments yet.", "Be the first to comment!"). */
const NO_COMMENT = /^(?:no\s+(?:comments|responses)(?:\s+yet)?|be\s+the\s+first\s+to\s+(?:comment|reply|respond))\b/iu;

/** The comment form's heading ("Leave a comment"): a text browser prints the form's fields as empty boxes. */
const FORM_HEADING = new RegExp(`^${FORM_PROMPT}`, 'iu');

/**
 * A line saying the thread holds no comment, with the comment form right under it (within
 * `THRESHOLDS.emptyThreadLines` lines, no sentence between; its "Leave a comment" heading will
 * do): the empty thread under the article. "No Comments" in a post's header is a link over the
 * article, whose prose follows it.
 */
function emptyThread(work: readonly Work[], at: number): boolean {
  if (work[at]!.boiler?.row.id !== 'comments-heading' || !NO_COMMENT.test(work[at]!.block.text)) return false;
  const end = Math.min(work.length, at + 1 + THRESHOLDS.emptyThreadLines);
  for (let j = at + 1; j < end; j++) {
    const w = work[j]!;
    if (w.boiler?.row.id === 'comment-form' || (w.boiler?.row.id === 'comments-heading' && FORM_HEADING.test(w.block.text))) return true;
    if (w.f.endsSentence && w.f.words >= THRESHOLDS.commentMinWords && !commentMarker(w)) return false;
  }
  return false;
}

/**
 * A heading that counts the comments ("2 comments:") followed, within the comment window, by as
 * many comment author lines ("martinealison said...", "Steve Wilson says:"): the thread it counts,
 * however few its comments (a thread of two alternates too little for the marker count). The first
 * author comes before any paragraph of prose: a count beside the byline ("In Personal Branding | 1
 * Comment") stands over the article, and its thread starts further down.
 */
function countedThread(work: readonly Work[], at: number, isProse: (w: Work) => boolean): boolean {
  const w = work[at]!;
  if (countedHeading(w) !== 'count') return false;
  const n = Number(/\d+/.exec(w.block.text)?.[0] ?? 0);
  if (n < 1 || n > THRESHOLDS.commentCluster.window) return false;
  let authors = 0;
  const end = Math.min(work.length, at + 1 + THRESHOLDS.commentCluster.window);
  for (let j = at + 1; j < end && authors < n; j++) {
    const x = work[j]!;
    // (A short "BG Says:" is the comment-meta row's, which comes first in the table: both rows count.)
    if (AUTHOR_ROWS.has(x.boiler?.row.id ?? '')) authors++;
    else if (authors === 0 && isProse(x) && x.f.length >= THREAD_PROSE_CHARS) return false;
  }
  return authors >= n;
}
/** Characters of a line of prose that counts as a paragraph of the article (see `commentSectionStart`, `countedThread`). */
const THREAD_PROSE_CHARS = 80;

/** Rows of the line a comment opens with, one per comment: its author ("Steve Wilson says:") or its stamp ("Posted by jim on May 3, 2008", "3 hours ago"). */
const AUTHOR_ROWS: ReadonlySet<string> = new Set(['comment-author', 'comment-meta']);

/** A sign-in prompt for commenting ("Log in to comment", "LOGIN TO COMMENT | REGISTER TODAY"). */
const SIGN_IN_PROMPT = new RegExp(`^${SIGN_IN}`, 'iu');

/** Lines under a bare "Comments" heading within which the comment form makes it the thread's. */
const FORM_UNDER = 2;

/**
 * A line of the comment form (its fields' notices, its "Leave a Reply" heading, a sign-in prompt)
 * in the `reach` lines after `at`: under a "Comments" heading right away, the heading is the
 * thread's, not a link in a toolbar; in the comment window under a count, the thread is there,
 * however short.
 */
function formWithin(work: readonly Work[], at: number, reach: number): boolean {
  const end = Math.min(work.length, at + 1 + reach);
  for (let j = at + 1; j < end; j++) {
    const w = work[j]!;
    const id = w.boiler?.row.id;
    if (id === 'comment-form' || (id === 'comments-heading' && (FORM_HEADING.test(w.block.text) || SIGN_IN_PROMPT.test(w.block.text)))) return true;
  }
  return false;
}

/** Rows whose line under the article's prose says the post has ended (see `articleEnd`). */
const POST_ENDS = new Set(['post-nav', 'post-nav-titles', 'post-footer', 'comment-form', 'tag-list']);
/** A pagination line that names pages or numbers them ("Next Page »", "1 2 3 Next"): a bare "Next" may be a slider's. */
const PAGED = /\bpages?\b|\d/iu;

/**
 * Where the article ends inside the body span, after `THRESHOLDS.commentArticleChars` of its
 * prose (before that, a count or a post's navigation is its header's: above the article they end
 * nothing). One scan for two kinds of line:
 * - `thread`: a heading that counts the comments ("{ 167 comments }", "40 Responses to “Title”",
 *   see `countedHeading`) with prose after it: the thread it heads, whether or not its comments
 *   show a name and a date ({@link commentSectionStart} needs those); so does the comment form's
 *   heading ("Post a Comment", above the thread as Blogger and Disqus print it), or a bare
 *   "Comments" heading with the form right under it;
 * - `end`: the first line where the post has ended, whatever prose follows (its comments, other
 *   posts' teasers): such a heading, or the post's links to the previous and next post ("«
 *   Previous Post", "Older posts Home") or to its next page ("Next Page »"), its footer ("This entry
 *   was posted in … Bookmark the permalink."), its tags ("Tags: …") or a comment form's notice
 *   ("Your email address will not be published.").
 * -1 for what is not there.
 */
export function articleEnd(work: readonly Work[], span: Span, favor: Favor): { thread: number; end: number } {
  const threshold = THRESHOLDS.spanThreshold[favor];
  const isProse = (w: Work): boolean => boilerKind(w) === null && w.score >= threshold;
  let chars = 0;
  let end = -1;
  for (let i = span.start; i <= span.end; i++) {
    const w = work[i]!;
    const heading = countedHeading(w);
    const id = w.boiler?.row.id;
    if (heading !== null) {
      if (chars < THRESHOLDS.commentArticleChars) continue;
      // A count of responses to the post by its title, or comments closed, heads nothing but the
      // thread (or its absence): related links may stand between it and the article's end.
      // A thread of one comment has the comment form right under it.
      const follows = threadFollows(work, i, isProse) || formWithin(work, i, THRESHOLDS.commentCluster.window);
      if ((heading === 'closed' || (heading === 'titled' && follows)) || (endsArticle(work, i) && follows)) {
        return { thread: i, end: end >= 0 ? end : i };
      }
    } else if (id === 'comments-heading' && chars >= THRESHOLDS.commentArticleChars && (FORM_HEADING.test(w.block.text) || (THREAD_WORD.test(w.block.text) && formWithin(work, i, FORM_UNDER)))) {
      return { thread: i, end: end >= 0 ? end : i };
    } else if ((id !== undefined && POST_ENDS.has(id)) || w.postNav || (id === 'pagination' && PAGED.test(w.block.text))) {
      if (end < 0 && chars >= THRESHOLDS.commentArticleChars) end = i;
    } else if (isProse(w)) chars += w.f.length;
  }
  return { thread: -1, end };
}

/** A count of the responses by the post's title: "40 Responses to “Taurus Judge”", "Two thoughts on …". */
const TITLED_COUNT = new RegExp(String.raw`${COUNT}\s+(?:comments?|responses?|replies|reactions|thoughts?)\s+(?:to|on)\s`, 'iu');
/** Comments closed or switched off ("Comments are closed.", "Comments disabled"). */
const CLOSED = /\b(?:closed|disabled)\b/iu;
/** A count opening a heading, in figures or in words: "12 Comments", "One comment". */
const OPENS_COUNT = new RegExp(String.raw`^${COUNT}\s`, 'i');

/**
 * A heading that counts the comments: "{ 167 comments }", "16 Responses", "One comment" (`count`), a count of
 * responses to the post by its title ("40 Responses to “Taurus Judge”", "12 thoughts on …",
 * `titled`), or a thread that is closed ("Comments are closed.", `closed`). A bare count ("4
 * Comments", "{ 3 comments… read them below or add one }") also stands in a post's meta line
 * under its headline: it counts only right after a sentence of the article (see `endsArticle`).
 */
export function countedHeading(w: Work): 'count' | 'titled' | 'closed' | null {
  const id = w.boiler?.row.id;
  if (id === 'comments-heading') return hasDigit(w.block.text) || OPENS_COUNT.test(w.block.text) ? 'count' : CLOSED.test(w.block.text) ? 'closed' : null;
  if (id !== 'comment-count-title') return null;
  return TITLED_COUNT.test(w.block.text) ? 'titled' : 'count';
}

/**
 * A sentence of the article shortly before `at` (its last paragraph, then perhaps tags, share
 * buttons or a bio): a count under the headline follows the title and the byline instead (a
 * headline that exclaims is no sentence of the article: it is in title case).
 */
function endsArticle(work: readonly Work[], at: number): boolean {
  for (let j = at - 1; j >= Math.max(0, at - 6); j--) {
    const w = work[j]!;
    if (w.f.endsSentence && w.f.words >= 8 && w.media === null && w.meta === null && w.f.titleRatio < 0.6) return true;
  }
  return false;
}

/** At least two blocks of prose in the window (THRESHOLDS.commentCluster) after `start`. */
function threadFollows(work: readonly Work[], start: number, isProse: (w: Work) => boolean): boolean {
  let prose = 0;
  const end = Math.min(work.length, start + THRESHOLDS.commentCluster.window);
  for (let j = start + 1; j < end && prose < 2; j++) if (isProse(work[j]!)) prose++;
  return prose >= 2;
}

/** The most characters of prose between two comment markers in the window after `start`. */
function longestProseRun(work: readonly Work[], start: number, isProse: (w: Work) => boolean): number {
  let best = 0;
  let run = 0;
  const end = Math.min(work.length, start + THRESHOLDS.commentCluster.window);
  for (let j = start + 1; j < end; j++) {
    const w = work[j]!;
    if (commentMarker(w)) run = 0;
    else if (isProse(w)) best = Math.max(best, (run += w.f.length));
  }
  return best;
}

/**
 * Whether the text between the marker at `start` and the next marker is one comment long: a
 * "Comments" link above an article is followed by the whole article first.
 */
function firstComment(work: readonly Work[], start: number): boolean {
  let chars = 0;
  for (let j = start + 1; j < work.length && !commentMarker(work[j]!); j++) {
    chars += work[j]!.f.length;
    if (chars > THRESHOLDS.commentMaxChars) return false;
  }
  return true;
}

/** Whether the marker run from `start` relies on timestamped lines the tables do not name. */
function stampedRun(work: readonly Work[], start: number): boolean {
  const end = Math.min(work.length, start + THRESHOLDS.commentCluster.window);
  for (let j = start; j < end; j++) if (work[j]!.stampShape === true && work[j]!.boiler?.row.kind !== 'comments') return true;
  return false;
}

/**
 * A thread found through timestamps alone must be the page's last prose: a dated teaser list
 * before or inside the article is followed by more article, a comment thread is not. The run
 * ends at its last marker (markers at most a window and `threadGapChars` of prose apart: one
 * comment, not a stretch of article); the prose after it, past the last comment, must not
 * outweigh the prose inside the run.
 */
function threadEnds(work: readonly Work[], start: number, isProse: (w: Work) => boolean): boolean {
  const gap = THRESHOLDS.commentCluster.window;
  let last = start;
  let since = 0;
  for (let j = start + 1; j < work.length && j - last <= gap && since <= THRESHOLDS.threadGapChars; j++) {
    if (commentMarker(work[j]!)) {
      last = j;
      since = 0;
    } else if (isProse(work[j]!)) since += work[j]!.f.length;
  }
  let inside = 0;
  let proseBlocks = 0;
  let markerCount = 0;
  for (let j = start; j <= last; j++) {
    if (commentMarker(work[j]!)) markerCount++;
    else if (isProse(work[j]!)) {
      inside += work[j]!.f.length;
      proseBlocks++;
    }
  }
  // The last comment: as many prose blocks as a comment of the run has on average.
  let k = last + 1;
  for (let n = Math.max(1, Math.round(proseBlocks / Math.max(1, markerCount - 1))); n > 0 && k < work.length && !commentMarker(work[k]!); k++) if (isProse(work[k]!)) n--;
  let after = 0;
  for (; k < work.length; k++) if (isProse(work[k]!)) after += work[k]!.f.length;
  return after <= THRESHOLDS.threadAfterShare * inside;
}

/** Barrier rows of the lines that close a page, or a blog post (its footer, its links to the previous and next post). */
const FINAL = new Set(['copyright', 'cookies', 'post-nav', 'post-footer']);

/** Barrier rows of boxes that a page floats into its article (sidebars), not its end. */
const FLOATING_BOX = new Set(['related-heading', 'most-read']);

/** Value of a block in the span search: its weight (see `spanWeight`) times its prose score over the threshold, or a barrier's cost. */
export function spanValue(w: Work, threshold: number): number {
  if (w.folded) return 0;
  const weight = w.weight;
  const b = w.block;
  const kind = boilerKind(w);
  const id = w.boiler?.row.id ?? '';
  const strong = strongBarrier(w);
  // Out of the markup's main container, a copyright line or a comment section still ends the
  // article; a related-stories box is often a sidebar floated into it, and ends nothing.
  const cost = FINAL.has(id) ? THRESHOLDS.barrierCost.final : strong ? THRESHOLDS.barrierCost.strong : THRESHOLDS.barrierCost.weak;
  if (b.dom?.inMain === false) return -(weight + (FLOATING_BOX.has(id) ? THRESHOLDS.barrierCost.weak : cost));
  if (b.fixed) return b.role === 'body' ? weight : -weight * 0.1;
  if (kind !== null) return -(weight + cost);
  if (w.media !== null || w.meta !== null) return -weight * 0.2;
  return weight * (w.score - threshold);
}

/** Total value of the blocks in [from, to]; `barrier` is true when one of them ends body runs. */
function rangeValue(work: Work[], from: number, to: number, threshold: number): { sum: number; barrier: boolean } {
  let sum = 0;
  let barrier = false;
  for (let i = from; i <= to; i++) {
    const w = work[i]!;
    sum += spanValue(w, threshold);
    if (strongBarrier(w)) barrier = true;
  }
  return { sum, barrier };
}

/** Blocks beyond the largest gap within which the next run of prose is looked for. */
const WINDOW_RUN = 40;

/**
 * Widen the body span across a gap of furniture (a chart's labels, an image block, an ad slot)
 * when another strong run of prose follows (or precedes) it: the body is one article, and a gap
 * without any barrier line does not end it. The gap's own blocks are judged one by one later.
 */
export function extendSpan(work: Work[], span: Span, favor: Favor, limit = work.length, from = 0): Span {
  const threshold = THRESHOLDS.spanThreshold[favor];
  const { maxGap, minShare } = THRESHOLDS.spanMerge;
  let { start, end } = span;
  let core = rangeValue(work, start, end, threshold).sum;
  for (;;) {
    const after = bestSpanIn(work, end + 1, Math.min(limit, end + 1 + maxGap + WINDOW_RUN), threshold);
    if (after === null || after.start - end - 1 > maxGap) break;
    const gap = rangeValue(work, end + 1, after.start - 1, threshold);
    const run = rangeValue(work, after.start, after.end, threshold);
    if (gap.barrier || run.sum < minShare * core) break;
    end = after.end;
    core += run.sum;
  }
  for (;;) {
    const before = bestSpanIn(work, Math.min(start, Math.max(from, start - maxGap - WINDOW_RUN)), start, threshold);
    if (before === null || start - before.end - 1 > maxGap) break;
    const gap = rangeValue(work, before.end + 1, start - 1, threshold);
    const run = rangeValue(work, before.start, before.end, threshold);
    if (gap.barrier || run.sum < minShare * core) break;
    start = before.start;
    core += run.sum;
  }
  return { start, end };
}

/** Kadane over [from, to): the run with the greatest total value, or null when none is positive. */
export function bestSpanIn(work: Work[], from: number, to: number, threshold: number): Span | null {
  let best: Span | null = null;
  let bestSum = 0;
  let sum = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const v = spanValue(work[i]!, threshold);
    if (sum <= 0) {
      sum = v;
      start = i;
    } else {
      sum += v;
    }
    if (sum > bestSum) {
      bestSum = sum;
      best = { start, end: i };
    }
  }
  return best;
}

/**
 * The run of greatest positive value that starts in [from, startTo) and ends before `to` and
 * before the first line that ends body runs (see `strongBarrier`).
 */
export function runFrom(work: Work[], from: number, startTo: number, to: number, threshold: number): Span | null {
  let best: Span | null = null;
  let bestSum = 0;
  for (let s = from; s < startTo; s++) {
    let sum = 0;
    for (let i = s; i < to; i++) {
      if (strongBarrier(work[i]!)) break;
      sum += spanValue(work[i]!, threshold);
      if (sum > bestSum) {
        bestSum = sum;
        best = { start: s, end: i };
      }
    }
  }
  return best;
}

/** The contiguous run with the greatest total value (Kadane), or null when none is positive. */
export function bestSpan(work: Work[], favor: Favor, limit = work.length, from = 0): Span | null {
  return bestSpanIn(work, from, limit, THRESHOLDS.spanThreshold[favor]);
}

/**
 * Last resort when no run clears even the recall threshold: the single most prose-like block that
 * no pattern claims, so a page with text never comes back empty.
 */
export function bestSingleBlock(work: Work[], from = 0, to = work.length): Span | null {
  let best = -1;
  let bestValue = -Infinity;
  for (let i = from; i < to; i++) {
    const w = work[i]!;
    if (boilerKind(w) !== null || w.block.fixed || w.block.dom?.inMain === false || w.f.words < 3) continue;
    // Scores may all be negative here: prefer the better-scored block, then the longer one.
    const value = w.score + Math.log2(Math.max(2, w.f.length));
    if (value > bestValue) {
      bestValue = value;
      best = i;
    }
  }
  return best < 0 ? null : { start: best, end: best };
}

/** A short line inside the body that reads as a subheading, not furniture. */
function subheadingLike(w: Work): boolean {
  const f = w.f;
  return f.words >= 1 && f.words <= THRESHOLDS.subheadingMaxWords && f.letterRatio >= 0.6 && !f.bullet;
}

/** A headline-like line: title case, no sentence end. A list of them is a list of links. */
export function titleLine(w: Work): boolean {
  return !w.f.endsSentence && w.f.words >= 2 && w.f.words <= 15 && w.f.titleRatio >= 0.6;
}

/** A weak line with a weak neighbour: a subheading stands alone, a list of links does not. */
function shortRun(work: Work[], i: number, keep: number): boolean {
  const weak = (j: number): boolean => {
    const w = work[j];
    if (w === undefined || boilerKind(w) !== null || w.media !== null || w.meta !== null) return false;
    return w.score < keep || titleLine(w);
  };
  return weak(i) && (weak(i - 1) || weak(i + 1));
}

/**
 * A line of program code: ends in a brace or semicolon, opens with a comment or a keyword of the
 * common languages, or calls a function. Code inside an article (a tutorial's listing) is part
 * of it; in a row of short lines it would read as a link list.
 */
const CODE = /[{};]\s*$|^\s*(?:\/\/|\/\*|#include\b|import\s|from\s+\S+\s+import\b|def\s|class\s|function\b|var\s|let\s|const\s|return\b|if\s*\(|for\s*\(|while\s*\(|<\/?[a-z][\w-]*[\s>])|[=!]==|=>|[\w.]\w*\([^()]*\)\s*[;.]?\s*$/u;

function codeLine(w: Work | undefined): boolean {
  return w !== undefined && boilerKind(w) === null && w.f.length <= 200 && CODE.test(w.block.text);
}

/** Ends in a full stop, maybe inside closing quotes or brackets. */
export const FULL_STOP = /\.["'”’»)\]]*$/u;

/**
 * A line that, at the top of a text with more after it, stands where the title stands: it does not
 * end in a full stop (a headline may ask or exclaim; it rarely ends in a period) and is not longer
 * than a headline can be.
 */
export function titlePlaced(w: Work): boolean {
  // A line of stopwords alone names nothing: no title. Nor does a letter's salutation.
  return !FULL_STOP.test(w.block.text) && w.f.length <= 300 && !(w.f.stopRatio >= 1) && !salutation(w);
}

/** A line that announces what follows, ending in a colon ("The new camera will have these specs:"). */
export const LEAD_IN = /[:：]\s*$/;

/**
 * The line right above the span that ends in a colon and reads as prose ("The post opens with a
 * quote from Niels Henrik Abel:", "Sarmad Asgher asked a variant of a perennial question:")
 * announces the span's first lines (a quote, a list): it is the article's first paragraph, not a
 * deck (a deck announces nothing). So does a letter's salutation ("Dear readers,"). It joins the
 * span, down to `top` (a post header's byline).
 */
export function leadInAbove(work: readonly Work[], span: Span, top = 0): Span {
  const i = span.start - 1;
  if (i < top) return span;
  const w = work[i]!;
  if (!unclaimed(w) || w.media !== null || w.block.fixed || w.block.dom?.inMain === false) return span;
  // A letter's salutation ("Dear readers,") opens the letter below it.
  if (salutation(w)) return { start: i, end: span.end };
  if (w.f.words < THRESHOLDS.commentMinWords || w.score <= 0 || !LEAD_IN.test(w.block.text)) return span;
  return { start: i, end: span.end };
}

/**
 * A table's rows (a data table's row is one block: see src/segment/html.ts's flatRow) and a
 * definition list's terms and definitions: items of what a line announces. Not cells: an old
 * layout table's cells are the page's blocks.
 */
const TABLE_ITEM = new Set(['tr', 'dt', 'dd']);

/**
 * A list item: an `li` of the markup, a table's row or a definition list's term or definition (not
 * outside the main container), or a short paragraph or `<div>` line inside its main container (a
 * list written one `<p>` per item, or as a div's lines parted by `<br>`); in text, a bulleted
 * line, or a short line (1 to `THRESHOLDS.plainItemMaxWords` words) that is no credit, caption or
 * byline and announces nothing itself: innerText prints a list's items without their bullets ("The new camera will
 * have these specs:", then "24MP DX-format CMOS sensor", "EXPEED 3 processor", …).
 */
function listItem(w: Work): boolean {
  const dom = w.block.dom;
  if (dom?.tag === 'li' || (dom !== undefined && TABLE_ITEM.has(dom.tag) && dom.inMain !== false)) return true;
  // With no main container to go by (none found, or one doubted), markup's lines are read as text's.
  if (dom !== undefined && dom.inMain !== undefined) return (dom.tag === 'p' || dom.tag === 'div') && dom.inMain === true && w.f.words <= THRESHOLDS.plainItemMaxWords && !LEAD_IN.test(w.block.text);
  return w.f.bullet || (w.meta === null && w.media === null && w.f.words >= 1 && w.f.words <= THRESHOLDS.plainItemMaxWords && !LEAD_IN.test(w.block.text));
}

/**
 * The end (exclusive) of the list that starts right after `lead`: the run of list items (see
 * `listItem`), at most `THRESHOLDS.announcedMaxItems`. (A run of unbulleted lines with no blank
 * line between them, as innerText writes a list, was tried: dragnet +0.001, but the text output
 * writes each item as a paragraph of its own, and read back they were a list no more.)
 */
function listEnd(work: readonly Work[], lead: number, limit: number): number {
  let j = lead + 1;
  while (j < limit && j - lead <= THRESHOLDS.announcedMaxItems && listItem(work[j]!) && boilerKind(work[j]!) === null && work[j]!.block.dom?.inMain !== false) j++;
  return j;
}

/**
 * A paragraph that points to a list right under it in words ("… e-mailed to the appropriate
 * department listed below.", "… as follows."), where others end in a colon.
 */
const POINTS_DOWN = /\b(?:listed|shown|named|given|set out|included)\s+below\b|\bas follows\b|\bbelow (?:is|are) (?:a |the )?(?:list|some)\b/i;
/** `POINTS_DOWN`, run only on a line that holds "elow" or "ollows" (most hold neither). */
const pointsDown = (text: string): boolean => (text.includes('elow') || text.includes('ollows')) && POINTS_DOWN.test(text);

/**
 * The items of the lists that a body paragraph announces ("The new camera will have these
 * specs:"), up to `limit`: the run of list items right after a line of the span (or the line just
 * after it) that ends in a colon, or a line of the span that says so in words (`POINTS_DOWN`),
 * until a line that is no list item, a line a pattern claims, or one outside the markup's main
 * container. Short items (specs, steps) read as labels one by one;
 * the paragraph that announces them says they are the article's. The span is widened over them.
 */
export function announcedLists(work: readonly Work[], span: Span, limit = work.length): { span: Span; items: Set<number> } {
  const items = new Set<number>();
  let end = span.end;
  // The line right after the span may announce a list too: a colon ends no sentence, so the span
  // search can leave it out (see below for what it must announce).
  // (An image between them, a text browser's "[photo]" or a caption, or a short sentence, is passed over.)
  let reach = pastAsides(work, end + 1, limit);
  for (let i = span.start; i <= reach && i < limit; i++) {
    const w = work[i]!;
    const after = i > end;
    if (after && i < reach) continue;
    // A photo credit or a byline ("Photo: …:", "Text:") announces nothing; nor does a line that is
    // no prose opening the span (the title's place: read back as the headline, it announces no list).
    if (!(LEAD_IN.test(w.block.text) || (!after && pointsDown(w.block.text))) || boilerKind(w) !== null || w.media !== null || w.meta !== null || (i === span.start && w.score <= 0) || (after && w.block.dom?.inMain === false)) continue;
    const j = listEnd(work, i, limit);
    if (after && !announcesAfter(w, j - i - 1, work, span)) break;
    for (let k = i + 1; k < j; k++) items.add(k);
    if (after) {
      items.add(i);
      // A short sentence passed over on the way ("We are SO thrilled.") is the article's too.
      for (let k = end + 1; k < i; k++) if (shortSentence(work[k]!)) items.add(k);
    }
    if (j - 1 > end) {
      end = j - 1;
      reach = pastAsides(work, end + 1, limit);
    }
  }
  return { span: { start: span.start, end }, items };
}

/**
 * The document's first line (after the `lead` lines of a photo's credit or caption that open it),
 * in the title's place (`titlePlaced`), that ends in a colon announces the list under it when that
 * list runs down to the span or into it, or when the line is the span
 * (`items` gains the list, the span runs from under the title over the list): the headline of a
 * text output whose article opens with a line announcing a list. Read as the body's first line,
 * that line announced the list; read back from the text output, where it stands first as the
 * headline, it still does (fuzz, text-stable at seeds 20261801, 20261802 and 20261901).
 */
export function titleAnnouncedList(work: readonly Work[], span: Span, items: Set<number>, limit = work.length, lead = 0): Span {
  const head = work[lead];
  // However weak the line reads here (below 0, the span found by the fallbacks: the line alone, or
  // a line under the list): read as the body's first line, under a caption, the document's share of
  // stopwords made it prose, and it announced the list (fuzz, text-stable at seed 20261903).
  const alone = span.start === lead && span.end === lead;
  if (head === undefined || (span.start < lead + 1 && !alone) || !LEAD_IN.test(head.block.text) || !titlePlaced(head)) return span;
  if (boilerKind(head) !== null || head.media !== null || head.meta !== null || head.block.dom !== undefined) return span;
  const end = listEnd(work, lead, limit);
  if (end < span.start || end <= lead + 1) return span;
  for (let k = lead + 1; k < end; k++) items.add(k);
  return { start: lead + 1, end: Math.max(span.end, end - 1) };
}

/**
 * Whether a line ending in a colon after the span, over `items` list items, announces them: a line
 * that reads as prose announces two items or more; a short one ("Top deal:", "Ingredients for 4
 * portions:") three, under a last paragraph that reads as prose, and not in title case (a box's
 * heading: "Top Projects this Week:", "Related Recipes & Stories:"). A span of one line shaped as
 * a title (`titlePlaced`) is no such paragraph: with the list under it, it is read as the headline
 * (fuzz, text-stable at seed 20261703).
 */
function announcesAfter(lead: Work, items: number, work: readonly Work[], span: Span): boolean {
  if (lead.score > 0) return items >= 2;
  const last = work[span.end]!;
  return items >= 3 && lead.f.titleRatio <= THRESHOLDS.leadInMaxTitleRatio && last.score > 0 && (span.end > span.start || !titlePlaced(last));
}

/**
 * The first block at or after `from` (before `limit`) that is no image (a placeholder, a caption
 * or a credit) and no short sentence no pattern claims (at most `THRESHOLDS.shortSentenceWords`
 * words: "We are SO thrilled.", between the last paragraph and the line announcing a list).
 */
function pastAsides(work: readonly Work[], from: number, limit: number): number {
  let i = from;
  while (i < limit && (work[i]!.boiler?.row.id === 'image-placeholder' || work[i]!.media !== null || shortSentence(work[i]!))) i++;
  return i;
}

/** A sentence of at most `THRESHOLDS.shortSentenceWords` words that no pattern claims and that announces nothing. */
function shortSentence(w: Work): boolean {
  return unclaimed(w) && w.f.endsSentence && w.f.words <= THRESHOLDS.shortSentenceWords && !LEAD_IN.test(w.block.text);
}

/**
 * No letter or figure in the line. An ASCII letter or digit answers at once; the Unicode classes
 * (WORDY) are compiled only for a line without one (~0.15 ms at start-up otherwise).
 */
function wordless(text: string): boolean {
  let wide = false;
  for (let i = 0, n = text.length; i < n; i++) {
    const u = CHAR_CODE_AT.call(text, i);
    const lower = u | 0x20;
    if ((lower >= 0x61 && lower <= 0x7a) || (u >= 0x30 && u <= 0x39)) return false;
    if (u >= 0x80) wide = true;
  }
  return !wide || !WORDY.test(text);
}

/** Assign body/boilerplate roles from the span; media/meta roles are left to `assignMeta`. */
export function assignRoles(work: Work[], span: Span | null, favor: Favor, commentStart = -1, listed: ReadonlySet<number> = new Set()): void {
  const keep = THRESHOLDS.keepInSpan[favor];
  let inComments = false;
  for (let i = 0; i < work.length; i++) {
    const w = work[i]!;
    const b = w.block;
    if (b.fixed) continue;
    if (trace.reasons) b.reasons.push(...w.why);
    const kind = boilerKind(w);
    const inside = span !== null && i >= span.start && i <= span.end;
    if (span !== null && i > span.end && (kind === 'comments' || i === commentStart)) inComments = true;
    if (kind !== null) {
      setBoiler(b, kind, `pattern ${w.boiler?.row.id ?? 'appeal span'}`);
      continue;
    }
    if (b.dom?.inMain === false) {
      setBoiler(b, domKind(b.dom.hints), 'outside the main content container');
      continue;
    }
    if (!inside) {
      setBoiler(b, inComments ? 'comments' : 'other', span === null ? 'no body found' : i < span.start ? 'before the body' : inComments ? 'in the comment section' : 'after the body');
      continue;
    }
    if (b.dom === undefined && codeLine(w) && (codeLine(work[i - 1]) || codeLine(work[i + 1]))) {
      b.role = 'body';
      if (trace.reasons) b.reasons.push('program code inside the body span');
      continue;
    }
    // A rule or a row of symbols ("━━━━", "* * *"): the layout's, no paragraph (a code listing's
    // lone "}" is the listing's: above).
    if (wordless(b.text)) {
      setBoiler(b, 'other', 'no letter or figure: a rule or a row of symbols');
      continue;
    }
    if (listed.has(i)) {
      b.role = 'body';
      if (trace.reasons) b.reasons.push(listItem(w) ? 'item of a list a body paragraph announces' : 'announces a list after the body span');
      continue;
    }
    const edge = b.dom === undefined && (i === span!.start || i === span!.end);
    // A weak line next to another weak line: a list of links, not a subheading. Inside the markup's
    // main container it must also fail the (lowered) keep threshold to go.
    // With markup, a line hardly linked is no link of a list.
    const linkList = shortRun(work, i, keep) && !(b.dom !== undefined && b.dom.linkDensity < THRESHOLDS.linkListMinLinkDensity);
    if (edge && (w.score < keep || linkList)) {
      // The span's ends were chosen as prose (by the span search or the single-block fallback): a
      // weak neighbour outside the span does not make them a link list.
      b.role = 'body';
      if (trace.reasons) b.reasons.push('end of the body span');
    } else if (linkList && !b.dom?.inMain) {
      setBoiler(b, 'navigation', 'one of several short lines in a row: a link list');
    } else if (w.score >= (b.dom?.inMain ? keep - THRESHOLDS.mainKeepBonus : keep)) {
      b.role = 'body';
      if (trace.reasons) b.reasons.push('inside the body span');
    } else if (linkList) {
      setBoiler(b, 'navigation', 'one of several short lines in a row: a link list');
    } else if (subheadingLike(w) && i > span!.start && i < span!.end) {
      b.role = 'body';
      if (trace.reasons) b.reasons.push('short line between body paragraphs (subheading)');
    } else if (b.dom?.tag === 'tr' && b.dom.inMain === true && b.dom.linkDensity < THRESHOLDS.linkListMinLinkDensity) {
      // A row of a data table in the article's container, inside the span ("Phoenix $83 28.7%
      // -2.1%"): figures, no sentence, but the article's own table, which the markup shows.
      b.role = 'body';
      if (trace.reasons) b.reasons.push('a row of a data table inside the body span');
    } else {
      setBoiler(b, 'other', 'weak line inside the body span');
    }
  }
}

const DOM_KINDS: Array<[RegExp, BoilerplateKind]> = [
  [/\b(?:share|social|sharing)\b/, 'share'],
  [/\b(?:newsletter|subscribe|signup)\b/, 'newsletter'],
  [/\bcomment/, 'comments'],
  [/\b(?:ad|ads|advert\w*|sponsor\w*|promo\w*)\b/, 'advertisement'],
  [/\b(?:copyright|legal|cookie\w*)\b/, 'legal'],
  [/\b(?:nav\w*|menu|breadcrumb\w*|related|footer|header|sidebar|widget|most-?read|popular)\b/, 'navigation'],
];

function domKind(hints: string): BoilerplateKind {
  for (const [re, kind] of DOM_KINDS) if (re.test(hints)) return kind;
  return 'other';
}
