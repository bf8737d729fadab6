/**
 * Roles the markup settles beyond doubt, fixed on the blocks before the classifier runs:
 * the headline (`h1`, or the element that matches the page's metadata headline), captions and
 * photo credits (figcaption, caption/credit classes and itemprops, trailing credit patterns),
 * the byline (rel=author, byline/author classes, itemprop author) and the dateline (`<time>` or
 * date markup in the article's header). Also the markup prior of each block.
 */
import { newBlock, type Block } from '../article.js';
import type { PageMeta } from './meta.js';
import { isCreditOnly, splitCredit } from './html-credit.js';
import { DATE } from '../patterns/bylines.js';
import { commentCountTail } from '../patterns/comments.js';
import { kindOf } from './html-hints.js';
import { boilerplateTable, captionSentence, metaTable } from '../patterns/index.js';
import { ASCII, TITLE_PART_SEPARATOR, titleKey } from '../meta/title.js';
import { trace } from '../classify/trace.js';

/** Role markup an element carries or inherits from its ancestors (tag names, or null). */
export interface RoleInfo {
  caption: string | null;
  credit: string | null;
  byline: string | null;
  time: string | null;
  figure: string | null;
  header: boolean;
  headingLevel: number;
}

export interface RoleFacts {
  role: RoleInfo;
  creditText: string;
  bylineText: string;
  timeText: string;
  /** Furniture flags of the block's element chain. */
  neg: number;
  words: number;
  /** It lies in a comment thread the markup shows (in a comments element inside another). */
  thread: boolean;
  /** The blog post element that holds it (compared by identity), or null. */
  post: object | null;
  /** Its element chain names a writer's bio ("bio", "authorBio", "extendedBio"). */
  bio: boolean;
}

/** Named limits of the role rules. */
export const ROLE_LIMITS = {
  /** A byline or dateline block has at most this many words. */
  maxBylineWords: 15,
  /** Share of a block's text the byline/time/credit markup must cover. */
  markupShare: 0.5,
  /** A headline has at most this many words. */
  maxHeadlineWords: 40,
  /** Blocks into the container within which a byline/dateline may still sit. */
  headerReach: 6,
  /** Blocks before the container within which the headline is looked for. */
  headlineLookBack: 12,
  /** The lead: the container's first prose blocks (of at least `leadMinWords` words) a headline restates. */
  leadBlocks: 5,
  leadMinWords: 12,
  /** A site's or section's name in a title has at most this many words; a longer title names a story. */
  maxLabelWords: 5,
  /**
   * A caption describes a photo in a sentence or three. Caption markup around more words than
   * this, in more sentences than `maxCaptionSentences`, wraps prose (a misnested caption element
   * that swallowed the article, a post written in the caption field): the classifier decides.
   */
  maxCaptionWords: 80,
  maxCaptionSentences: 3,
} as const;

const SENTENCE_END = /[.!?…]["”’»)]*(?=\s|$)/g;

/** Caption markup vouches for a block only when the block reads like a caption, not like prose. */
function captionSized(text: string, words: number): boolean {
  if (words <= ROLE_LIMITS.maxCaptionWords) return true;
  let n = 0;
  for (SENTENCE_END.lastIndex = 0; SENTENCE_END.exec(text) !== null; ) if (++n > ROLE_LIMITS.maxCaptionSentences) return false;
  return true;
}

function fix(b: Block, role: Block['role'], reason: string): void {
  b.role = role;
  b.fixed = true;
  b.reasons = [reason];
  b.kind = undefined;
}

/**
 * Separators between a title and a site or section name, finer than {@link TITLE_PART_SEPARATOR}
 * (a spaced separator, a bar or a dash even when unspaced on one side: "Headline- Section-Site"):
 * also a dash or a colon unspaced on its left ("Site News: Headline") and an opening parenthesis
 * ("Headline (from The Times)"). A title's own colon splits too, so both splits count.
 */
const TITLE_SEPARATOR = new RegExp(`${TITLE_PART_SEPARATOR.source}|-\\s+|:\\s+|\\s+\\(`);
/**
 * Title segments that could be the headline: the parts between separators, of 3+ words, canonical.
 * The first entry is the page's metadata headline ('' when it has none). `labels` holds those that
 * name the site or the section rather than the story: short, and sharing no long word with the
 * lead ("cbs11tv.com - Local Sports Wire", "Lifestyle & Entertainment").
 */
function titleWants(meta: PageMeta, rawTitle: string | null, lead: ReadonlySet<string>): { wants: string[]; labels: Set<string>; metaWants: number; site: string } {
  const out: string[] = [];
  const labels = new Set<string>();
  const add = (t: string | null | undefined): void => {
    const c = t ? titleKey(t) : '';
    if (c.length >= 8 && !out.includes(c)) {
      out.push(c);
      if (lead.size > 0 && t!.trim().split(/\s+/).length <= ROLE_LIMITS.maxLabelWords && !sharesWord(t!, lead)) labels.add(c);
    } else if (out.length === 0) out.push('');
  };
  add(meta.headline);
  for (const t of meta.otherHeadlines) add(t);
  // The metadata headlines: wants[0] and the others that made it in.
  const metaWants = out.length;
  // The site's name, when the page states it (og:site_name), is no segment of the title to look for:
  // a blog's banner h1 repeats it above every post.
  const site = meta.siteName ? titleKey(meta.siteName) : '';
  if (rawTitle && titleKey(rawTitle) !== site) add(rawTitle);
  for (const t of [meta.headline, rawTitle]) {
    if (!t) continue;
    for (const sep of [TITLE_PART_SEPARATOR, TITLE_SEPARATOR]) for (const part of t.split(sep)) if (part.trim().split(/\s+/).length >= 3 && titleKey(part) !== site) add(part);
    // A title that joins the headline and its deck with a comma ("Headline, Deck - Site").
    const comma = t.indexOf(', ');
    if (comma > 0 && t.slice(0, comma).trim().split(/\s+/).length >= 3) add(t.slice(0, comma));
  }
  if (site !== '') labels.add(site);
  return { wants: out, labels, metaWants, site };
}

/** Lower case, one space between words, plain quotes. */
function loose(s: string): string {
  return s.toLowerCase().replace(/[‘’‚‛′`]/g, "'").replace(/[“”„‟«»]/g, '"').replace(/\s+/g, ' ').trim();
}

/** A title separator, spaced or not. */
const BOUNDARY = /^\s*[-|:,(–—·•»~/]/;
/** Whether `line` is the start of `title` up to a separator, or its end after one. */
function boundedPart(title: string, line: string): 'start' | 'end' | null {
  if (line.length >= title.length) return null;
  if (title.startsWith(line)) return BOUNDARY.test(title.slice(line.length)) ? 'start' : null;
  if (title.endsWith(line)) return /[-|:,)–—·•»~/]\s*$/.test(title.slice(0, title.length - line.length)) ? 'end' : null;
  return null;
}

/**
 * Class/id words of headline elements. A plural ("headlines", "titles") names a list of teasers,
 * not the article's title.
 */
const TITLE_HINT = /(?:^| )(?:hed|head|(?!sub)[a-z]*(?:headline|heading|title)(?:[a-z]*[a-rt-z])?)(?: |$)/;
/**
 * Class/id words of an element that names the site or the section ("site-title", "litSectionName",
 * "masthead", "logo"), not the story. The hints hold the words split at non-alphanumerics
 * ("blog-title" reads "blog title"), so the two parts may stand a space apart.
 */
const NAME_HINT = /(?:site|section|channel|category|blog)[-_ ]?(?:name|title|label|logo)|(?:^| )(?:masthead|branding|logo)(?: |$)/;
/** A line that is a date alone, or a row of links parted by bars or bullets: furniture, not a title. */
const DATE_ONLY = new RegExp(`^${DATE}$`, 'i');
const LINK_ROW = /\s[|•·]\s/;
/** The innermost class/id words of a block (its own element and the nearest ancestors). */
function lastHints(b: Block): string {
  const h = b.dom?.hints ?? '';
  // The text after the third space from the end (no array of words: this runs for every block).
  let i = h.length;
  for (let k = 0; k < 3; k++) {
    i = h.lastIndexOf(' ', i - 1);
    if (i < 0) return h;
  }
  return h.slice(i + 1);
}

/** Words of four letters or more: content words in any language that spaces its words. */
const LONG_WORD = /[\p{L}\p{N}]{4,}/gu;
/** Words are compared by their first letters, a crude stem ("recalls", "recalled"). */
const STEM = 5;
/** Scripts written without spaces between words: word overlap says nothing there. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Long words of the lead: the first prose blocks of the article container. */
function leadWords(blocks: readonly Block[], facts: readonly RoleFacts[], containerFirst: number | null, limit: number): Set<string> {
  const out = new Set<string>();
  if (containerFirst === null) return out;
  let taken = 0;
  for (let i = containerFirst; i < blocks.length && taken < limit; i++) {
    if (facts[i]!.words < ROLE_LIMITS.leadMinWords || blocks[i]!.dom?.inMain !== true) continue;
    taken++;
    for (const t of blocks[i]!.text.toLowerCase().match(LONG_WORD) ?? []) {
      out.add(t.slice(0, STEM));
      // A four-letter word matches its longer forms ("book", "books").
      if (t.length > 4) out.add(t.slice(0, 4));
    }
  }
  return out;
}

/**
 * An h1 outside the article container that shares no long word with the article's lead is the
 * site's or the section's name ("Latest News", "Sports Wire", a blog's name): a news lead restates
 * its headline.
 */
function labelHeading(b: Block, lead: ReadonlySet<string>): boolean {
  return b.dom?.inMain === false && lead.size > 0 && !sharesWord(b.text, lead);
}

/** Whether the text shares a long word with the lead (always, in a script without spaces). */
function sharesWord(text: string, lead: ReadonlySet<string>): boolean {
  if (UNSPACED.test(text)) return true;
  const words = text.toLowerCase().match(LONG_WORD);
  if (words === null) return true;
  for (const t of words) if (lead.has(t.slice(0, STEM))) return true;
  return false;
}

/**
 * The article's first block of prose in the main content, from `from` on (`blocks.length` when
 * none): a block of `leadMinWords` words or more in which a sentence ends. The headline stands
 * above it, never below.
 */
function firstProse(blocks: readonly Block[], facts: readonly RoleFacts[], from: number): number {
  for (let i = from; i < blocks.length; i++) {
    if (blocks[i]!.dom?.inMain === true && facts[i]!.words >= ROLE_LIMITS.leadMinWords && PROSE_END.test(blocks[i]!.text)) return i;
  }
  return blocks.length;
}
/** A sentence ends in the text (at its end, or before a space: prose runs on past a full stop). */
const PROSE_END = /[.!?…]["'”’»)]*(?:\s|$)/;

/** A date at the start or the end of a line, with the separator that parts it from the rest. */
const LEADING_DATE = new RegExp(`^${DATE}(?:\\s*[,:|–—-]\\s*|\\s+)`, 'i');
const TRAILING_DATE = new RegExp(`(?:\\s*[,:|–—@-]\\s*|\\s+)${DATE}$`, 'i');

/**
 * The line without the date it opens or closes with ("Wednesday, 09 January 2008 Jeremy Clarkson
 * ripped off"): the date marked up as a time inside the line, else one the date pattern reads.
 * Null when the line holds no such date or little else.
 */
function undated(text: string, timeText: string): string | null {
  // Every date the pattern reads has a digit; most lines have none.
  if (timeText === '' && !/\d/.test(text)) return null;
  let rest: string | null = null;
  if (timeText !== '' && timeText.length < text.length) {
    if (text.startsWith(timeText)) rest = text.slice(timeText.length);
    else if (text.endsWith(timeText)) rest = text.slice(0, text.length - timeText.length);
  }
  if (rest === null) {
    const m = LEADING_DATE.exec(text) ?? TRAILING_DATE.exec(text);
    if (m === null) return null;
    rest = text.slice(0, m.index) + text.slice(m.index + m[0].length);
  }
  rest = rest.replace(/^[\s,:|–—@-]+|[\s,:|–—@-]+$/g, '');
  return rest.split(' ').length >= 2 ? rest : null;
}

/**
 * The headline's block, and its text: a date the line opens or closes with is cut off when time
 * markup marks it, or when what remains is the page's headline or a segment of its title.
 */
function headlineIndex(blocks: Block[], facts: readonly RoleFacts[], meta: PageMeta, rawTitle: string | null, containerFirst: number | null, lead: ReadonlySet<string>): { index: number; text: string; match: number } {
  // Each piece of evidence adds up: matching the page's metadata headline or a title segment,
  // the heading level, class/id words of a title element, and standing near the article container.
  const { wants, labels, metaWants, site } = titleWants(meta, rawTitle, lead);
  const headCanon = meta.headline ? titleKey(meta.headline) : '';
  const fromTitle = headCanon !== '' && rawTitle !== null && titleKey(rawTitle).includes(headCanon);
  const looseTitles = [meta.headline, rawTitle].filter((t): t is string => !!t).map(loose);
  // Their keys: an ASCII line's key starts or ends the key of a title it starts or ends (keys of
  // ASCII text are per character), so other lines are not made loose (four replacements each).
  const titleKeys = looseTitles.map(titleKey);
  // What each wanted title is, whatever the line (worked out once, not per line and want).
  const labelWants = wants.map((want) => labels.has(want));
  // A title segment the site-name stripping dropped (a section's or the site's name) counts less
  // than one of the headline it kept. (Only when the headline comes from that title: a <title>
  // unlike og:title is a title of its own.)
  const keptWants = wants.map((want, w) => !fromTitle || w < metaWants || headCanon.includes(want));
  // A line's key is a label only when as long as one: most lines' keys need no hashing.
  let labelMin = Infinity;
  let labelMax = 0;
  for (const l of labels) {
    labelMin = Math.min(labelMin, l.length);
    labelMax = Math.max(labelMax, l.length);
  }
  const isLabel = (c: string): boolean => c.length >= labelMin && c.length <= labelMax && labels.has(c);
  const lo = containerFirst === null ? 0 : containerFirst - ROLE_LIMITS.headlineLookBack;
  const hi = containerFirst === null ? blocks.length : Math.min(containerFirst + ROLE_LIMITS.headerReach, firstProse(blocks, facts, containerFirst));
  let best = -1;
  let bestText = '';
  let bestMatch = 0;
  let bestScore = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const f = facts[i]!;
    const tag = b.dom?.tag ?? '';
    const heading = tag.length === 2 && tag[0] === 'h' && tag[1]! >= '1' && tag[1]! <= '6';
    // A heading in a blog post's element names the post, however short ("Stud Love", "LFW..."):
    // elsewhere a line of one word, or a title part of two, names a section as often.
    const postHeading = heading && f.post !== null;
    if (f.words > ROLE_LIMITS.maxHeadlineWords || (f.words < 2 && !postHeading)) continue;
    const near = i >= lo && i <= hi;
    const dateless = undated(b.text, f.timeText);
    const text = dateless !== null && (f.timeText !== '' || titleKey(dateless) === wants[0]) ? dateless : b.text;
    let match = 0;
    let label = false;
    if (wants.length > 0 && (heading || f.words >= 3)) {
      const c = titleKey(text);
      if (c.length >= 8 || (postHeading && c.length >= 2)) {
        // Outside the article container, a line that is a label title is that label (the site's
        // or the section's name).
        label = b.dom?.inMain === false && isLabel(c);
        for (let w = 0; w < wants.length; w++) {
          const want = wants[w]!;
          // A label title matches the site's or the section's name, except an h1 far from the
          // article container (which the container may have missed: the classifier then doubts it),
          // and a line of the main content equal to it (the label test guessed from the lead's
          // words: a pun of a headline shares none), which counts as little as a dropped segment.
          const labelWant = labelWants[w]!;
          if (want === '' || (labelWant && (b.dom?.inMain !== true || c !== want) && (near || tag !== 'h1'))) continue;
          const weak = labelWant && near;
          // A metadata headline itself (JSON-LD's, og:title) counts more than a title fragment.
          const rank = w < metaWants ? 1 : 0;
          if (c === want) match = Math.max(match, weak ? 1 : (keptWants[w]! ? 3 : 1) + rank);
          // A line longer than the headline it holds (the title bar "Site | Headline") is not
          // that headline: only a shorter one gets the headline's rank. (Lengths first: most
          // lines are far from every title's.)
          else if (Math.min(c.length, want.length) / Math.max(c.length, want.length) >= 0.6 && (want.includes(c) || c.includes(want))) match = Math.max(match, 2 + (c.length < want.length ? rank : 0));
        }
        // The title's start or end up to a separator, even an unspaced one ("Headline-Section-Site").
        // A title's trailing part names the site or the section more often than its start: a
        // label line matches only at the start; the site's stated name matches nowhere.
        if (match < 2 && (f.words >= 3 || postHeading) && c !== site && (!ASCII.test(text) || titleKeys.some((k) => k.startsWith(c) || k.endsWith(c)))) {
          const l = loose(text);
          for (const t of looseTitles) {
            const at = boundedPart(t, l);
            if (at === 'start' || (at === 'end' && !isLabel(c))) match = 2;
          }
        }
      }
    }
    // Without a metadata match, a heading far from the article is a section title. (Tested first of
    // the reasons to pass a line over, all of them pure: it is the cheapest, and it spares most
    // lines the pattern tables' look-ups below.)
    if (match === 0 && !near && tag !== 'h1') continue;
    // An element that names the site or the section holds a label, whatever title segment it equals.
    const tail = lastHints(b);
    if (match < 4 && NAME_HINT.test(tail)) continue;
    // Under a furniture hint, only the page's own headline written out above the chosen article
    // container (a list of the latest posts that wraps the post itself: the container is then
    // doubted): a line there that merely resembles the title is a teaser.
    if (f.neg !== 0 && (match < 4 || containerFirst === null || i >= containerFirst)) continue;
    const titled = !heading && f.words >= 3 && f.words <= 25 && TITLE_HINT.test(tail);
    if (match === 0 && (label || (!heading && !titled))) continue;
    // Nor is a byline or a date line, whatever its class says ("by Meghann on November 13, 2012"
    // in a "headline_meta" element, under the headline).
    if (match === 0 && (DATE_ONLY.test(b.text) || (tag !== 'h1' && LINK_ROW.test(b.text)) || metaTable.match(b.text) !== null)) continue;
    // A subheading of one or two words with nothing else for it is a section label; so is one the
    // boilerplate table knows ("About the author", "Related stories", "3 Comments").
    // So is a line whose class names a title ("MAIL THIS STORY" in a "section-heading" link).
    const subheading = heading && tag !== 'h1';
    if (match === 0 && ((subheading && f.words < 3) || ((subheading || titled) && boilerplateTable.match(b.text) !== null))) continue;
    // A label h1 is left to the classifier, which weighs it against the lines near the body.
    if (match === 0 && tag === 'h1' && i >= lo && labelHeading(b, lead)) continue;
    let score = match;
    if (tag === 'h1') score += 1.5;
    else if ((tag === 'h2' || tag === 'h3') && f.words >= 3) score += 0.5;
    if (titled) score += 1;
    if (near) score += 1;
    // A line far above the article that matches the page's title may be the site's banner (a
    // <title> that names only the site): it must beat the evidence near the article. The page's
    // own headline above the article is trusted; below the container's start and outside it, it
    // stands in a sidebar.
    else if (match > 0 && (match < 4 || (i > hi && b.dom?.inMain === false)) && tag !== 'h1') score -= 1.5;
    if (score > bestScore) {
      bestScore = score;
      best = i;
      bestText = text;
      bestMatch = match;
    }
  }
  return { index: best, text: bestText, match: bestMatch };
}

/**
 * A block at the article's start that opens with the page's metadata headline and goes on (the
 * title and the deck or the first paragraph in one element, the title an inline span): the index
 * of that block and the length of the headline in its text, or null. Looked for from the article's
 * first in-main block up to its first sentence of prose.
 */
function gluedHeadline(blocks: readonly Block[], facts: readonly RoleFacts[], meta: PageMeta, start: number | null): { index: number; cut: number } | null {
  if (start === null || !meta.headline) return null;
  const want = loose(meta.headline);
  if (want.split(' ').length < 3) return null;
  const end = Math.min(start + ROLE_LIMITS.headerReach, firstProse(blocks, facts, start));
  for (let i = start; i <= end && i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.fixed || b.dom?.inMain !== true || facts[i]!.neg !== 0) continue;
    const text = b.text;
    // The cut falls on a word boundary of the block's own text (loose() keeps the length of text
    // whose lower case keeps it).
    if (text.length <= want.length + 1 || text.toLowerCase().length !== text.length || text[want.length] !== ' ') continue;
    if (loose(text.slice(0, want.length)) !== want) continue;
    if (text.slice(want.length + 1).split(' ').length < 3) continue;
    return { index: i, cut: want.length };
  }
  return null;
}

/**
 * Split block `i` at `cut`: a new block before it holds the text up to the cut, with the same markup
 * facts; blocks after it are renumbered. `facts` gets the new block's facts at the same place.
 */
function splitBlock(blocks: Block[], facts: RoleFacts[], i: number, cut: number): void {
  const b = blocks[i]!;
  const head = newBlock(i, b.text.slice(0, cut).trim(), b.line, b.gapBefore);
  head.dom = b.dom === undefined ? undefined : { ...b.dom };
  head.prior = b.prior;
  head.priorWithoutMain = b.priorWithoutMain;
  // The separator between the title and the text goes with neither ("Title | Text").
  b.text = b.text.slice(cut).replace(/^[\s|:–—-]+/, '');
  b.gapBefore = 1;
  blocks.splice(i, 0, head);
  const f = facts[i]!;
  const headWords = head.text.split(' ').length;
  facts.splice(i, 0, { ...f, words: headWords });
  facts[i + 1] = { ...f, words: Math.max(0, f.words - headWords) };
  for (let k = i + 1; k < blocks.length; k++) {
    blocks[k]!.index = k;
    blocks[k]!.line = k + 1;
  }
}

/**
 * Where the article starts: the container's first block that lies in the main content. A container
 * may open with furniture the segmenter left out of the main content (a menu, a teaser list in the
 * same table): the headline stands near the article's text, not near that furniture.
 */
function articleStart(blocks: readonly Block[], containerFirst: number | null): number | null {
  if (containerFirst === null) return null;
  for (let i = containerFirst; i < blocks.length; i++) if (blocks[i]!.dom?.inMain === true) return i;
  return containerFirst;
}

/**
 * Fix the roles the markup settles. Blocks under furniture hints are left to the classifier.
 *
 * @param containerFirst - Index of the first block of the main container, or null.
 */
export function assignRoles(blocks: Block[], roleFacts: readonly RoleFacts[], meta: PageMeta, rawTitle: string | null, containerFirst: number | null): void {
  let facts = roleFacts;
  const lead = leadWords(blocks, facts, containerFirst, ROLE_LIMITS.leadBlocks);
  const start = articleStart(blocks, containerFirst);
  const found = headlineIndex(blocks, facts, meta, rawTitle, start, lead);
  // No line is the page's headline, but the article's first block opens with it: it becomes a line.
  const glued = found.match < 3 ? gluedHeadline(blocks, facts, meta, start) : null;
  if (glued !== null) {
    const copy = [...facts];
    splitBlock(blocks, copy, glued.index, glued.cut);
    facts = copy;
    found.index = glued.index;
    found.text = blocks[glued.index]!.text;
  }
  const head = found.index;
  if (head >= 0) {
    const b = blocks[head]!;
    fix(b, 'headline', b.dom?.tag === 'h1' ? 'html: h1 headline' : 'html: matches the page headline');
    if (found.text !== b.text) {
      if (trace.reasons) b.reasons.push('html: the date beside the headline cut off');
      b.text = found.text;
    }
    const counted = commentCountTail(b.text);
    if (counted !== null) {
      if (trace.reasons) b.reasons.push(`html: the comment count beside the headline ("${counted.tail}") cut off`);
      b.text = counted.title;
    }
  }

  // A thread apart from the headline (below it, or on a page whose headline no markup fixes)
  // holds the readers' words, whatever they say, even when the post above has no prose of its own
  // (a recipe video, a photo, a video tutorial): never the post's body.
  if (head < 0 || !facts[head]!.thread) {
    for (let i = head + 1; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (b.fixed || !facts[i]!.thread) continue;
      fix(b, 'boilerplate', 'html: inside the comment thread');
      b.kind = 'comments';
    }
  }

  // A writer's bio tells of the writer, never the story, wherever it sits (a box above the post, a
  // note under it), and whatever prose it holds ("Born in 1975, the product of two beautiful
  // parents..."): the post's body, however short, is looked for elsewhere.
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.fixed || !facts[i]!.bio) continue;
    fix(b, 'boilerplate', 'html: a writer\'s bio');
    b.kind = 'other';
  }

  // The headline in a blog post's element (hentry): furniture outside that post (a sidebar's
  // "about this blog", a footer's theme credit) is not its body, even when the post holds no
  // prose of its own (a photo post).
  const post = head >= 0 ? facts[head]!.post : null;
  if (post !== null) {
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      const f = facts[i]!;
      if (b.fixed || f.neg === 0 || f.post === post) continue;
      fix(b, 'boilerplate', 'html: furniture outside the headline\'s post');
      b.kind = kindOf(f.neg) ?? 'other';
    }
  }

  let byline = false;
  let dateline = false;
  const reach = containerFirst === null ? Infinity : containerFirst + ROLE_LIMITS.headerReach;
  let bodyBegun = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const f = facts[i]!;
    if (b.fixed || f.neg !== 0) continue;
    const r = f.role;
    if (r.caption !== null && captionSized(b.text, f.words)) {
      let caption = b.text;
      let credit: string | null = null;
      if (f.creditText !== '' && f.creditText.length < b.text.length * 0.9) {
        credit = f.creditText;
        const at = creditAt(b.text, credit);
        // Cut the credit out; the text around it stays apart (a space, never glued words).
        caption = (at >= 0 ? `${b.text.slice(0, at)} ${b.text.slice(at + credit.length)}`.replace(/\s+/g, ' ') : b.text).replace(/^[\s|–—:-]+|[\s|–—:-]+$/g, '');
      } else if (f.creditText !== '') {
        credit = f.creditText;
        caption = '';
      } else {
        const s = splitCredit(b.text);
        caption = s.caption.replace(/[\s|–—-]+$/g, '');
        credit = s.credit;
      }
      if (caption === '' && credit !== null) {
        fix(b, 'photoCredit', `html: credit in ${r.caption}`);
        b.credit = credit;
      } else {
        fix(b, 'caption', `html: ${r.caption === 'figcaption' ? 'figcaption' : 'caption markup'}`);
        b.caption = captionSentence(caption);
        if (credit !== null) b.credit = credit;
      }
      continue;
    }
    if (r.credit !== null && f.words <= ROLE_LIMITS.maxBylineWords && f.creditText.length >= b.text.length * ROLE_LIMITS.markupShare) {
      fix(b, 'photoCredit', 'html: credit markup');
      b.credit = b.text.replace(/^(?:photo(?:graph)?|image|credit|foto)s?\s*(?::|by)\s*/i, '');
      continue;
    }
    if (r.figure !== null && isCreditOnly(b.text)) {
      fix(b, 'photoCredit', 'html: credit in figure');
      b.credit = splitCredit(b.text).credit ?? b.text;
      continue;
    }
    if (i > reach) continue;
    // A byline stands above the body: byline markup around the whole entry (a post's
    // "author-name" class) would otherwise mark the body's first short line.
    // (A block longer than a byline can be; it is no byline itself.)
    if (b.dom?.inMain === true && f.words > ROLE_LIMITS.maxBylineWords) bodyBegun = true;
    if (!byline && !bodyBegun && r.byline !== null && f.words <= ROLE_LIMITS.maxBylineWords && f.bylineText.length >= b.text.length * ROLE_LIMITS.markupShare) {
      fix(b, 'byline', 'html: byline markup');
      byline = true;
      continue;
    }
    if (!dateline && f.timeText !== '' && f.words <= ROLE_LIMITS.maxBylineWords && f.timeText.length >= b.text.length * ROLE_LIMITS.markupShare && /\d/.test(f.timeText)) {
      fix(b, 'dateline', `html: ${r.time === 'time' ? '<time>' : 'date markup'} in the header`);
      dateline = true;
    }
  }
  if (head < 0) bylineHeadline(blocks, facts, lead);
}

/**
 * Without a headline from markup or metadata, the line right above the byline (or the dateline)
 * markup is the headline when it reads like one, in the lead's words: a headline is followed by its
 * byline, and its lead restates it.
 */
function bylineHeadline(blocks: Block[], facts: readonly RoleFacts[], lead: ReadonlySet<string>): void {
  const at = blocks.findIndex((b) => b.fixed && (b.role === 'byline' || b.role === 'dateline'));
  if (at < 1) return;
  const b = blocks[at - 1]!;
  const f = facts[at - 1]!;
  if (b.fixed || f.neg !== 0 || f.words < 3 || f.words > 25 || /[.:]["'”’)]*$/.test(b.text) || DATE_ONLY.test(b.text) || LINK_ROW.test(b.text) || !sharesWord(b.text, lead)) return;
  fix(b, 'headline', 'html: the line above the byline');
}

/** Markup prior of a block, in [-1, 1]. */
export function blockPrior(b: Block, neg: number, haveMain: boolean): number {
  const dom = b.dom!;
  let p = 0;
  if (haveMain) p += dom.inMain ? 0.5 : -0.4;
  if (dom.tag === 'p') p += 0.2;
  if (neg !== 0) p -= 0.4;
  p -= 0.6 * dom.linkDensity;
  return Math.max(-1, Math.min(1, Math.round(p * 100) / 100));
}

/**
 * Where the credit can be cut from the block's text: at its end or its start, so what remains is
 * one contiguous piece of the page's text. -1 otherwise (the caption then keeps the credit).
 */
function creditAt(text: string, credit: string): number {
  if (text.endsWith(credit)) return text.length - credit.length;
  if (text.startsWith(credit)) return 0;
  return -1;
}
