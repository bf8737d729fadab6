/**
 * Main-content detection: which container holds the article.
 *
 * Every block gets a value: its length in characters, positive when it reads like article prose
 * (a sentence, few links, no furniture hints around it; the jusText idea), negative when it looks
 * like furniture (link lists, short labels, anything under nav/footer/comment/related hints).
 * Each element covers a contiguous range of blocks, so its score, the sum of its blocks' values,
 * is a difference of prefix sums; the element with the highest score is the container (the
 * maximum-sum subtree: it takes in the article's parts and stops where the furniture outweighs
 * them). Positive siblings of the container join it (Readability's sibling step). When the page
 * embeds its `articleBody` in JSON-LD, a block's value comes from whether its text is in that body.
 */

import { TITLE_PART_SEPARATOR, titleKey } from '../meta/title.js';

/** Named thresholds of the container choice. */
export const MAIN = {
  /** Words for a block to count as prose (a real sentence, not a label). */
  proseMinWords: 10,
  /** Link density above which a block is a link list, never prose. */
  proseMaxLinkDensity: 0.35,
  /** Link density above which a block counts fully as furniture. */
  linkListDensity: 0.5,
  /** Weight of prose outside a `p` (div/td text in old table layouts is prose too, slightly less sure). */
  proseNonPWeight: 0.85,
  /** Weight of short sentence-ish blocks (subheads, one-liners): a little positive. */
  shortSentenceWeight: 0.3,
  /** Minimum words for the short sentence-ish weight. */
  shortSentenceMinWords: 5,
  /** Weight of running text that ends no sentence (list items, a clause per bullet). */
  runningTextWeight: 0.1,
  /** Weight (negative) of blocks that are neither prose nor sentences: labels, menus, dates. */
  labelWeight: -0.4,
  /** Weight (negative) of link lists. */
  linkListWeight: -0.8,
  /** Weight (negative) of blocks under furniture hints (nav, footer, comments, related…). */
  furnitureWeight: -1,
  /**
   * The container widens to an ancestor whose class/id name an article container and that loses
   * at most this share of its score: a list of short specs or bullet points inside the article
   * reads as labels, and costs the article's own container up to half its score.
   */
  climbLoss: 0.5,
  /** A sibling joins the container when its score is at least this share of the container's… */
  siblingShare: 0.2,
  /** …and at least this many characters of net prose. */
  siblingMinScore: 120,
  /** A sibling of at most this many blocks, each of positive value (see `allProse`), joins whatever its score. */
  siblingProseBlocks: 3,
  /** Blocks at most in a list or table that joins the container because a member's last paragraph announces it (ends in a colon). */
  announcedMaxBlocks: 40,
  /** Blocks after the page's title heading within which the article's container starts. */
  titleReach: 3,
  /** Words an article-named element after the title needs to be taken over a denser one far below. */
  titleContentMinWords: 50,
  /** …when that denser one holds at most this many prose blocks (a bio, a blurb). */
  titleFarProse: 2,
  /** A teaser list has at least this many summaries right after a linked title… */
  teaserPairs: 3,
  /** …that make at least this share of its prose blocks… */
  teaserShare: 0.6,
  /** …where a title is linked at least this much (as a whole, give or take a word). */
  teaserTitleDensity: 0.9,
  /** Below this score (characters of net prose) no container is chosen at all. */
  minMainScore: 100,
  /** articleBody mode: share of a block's word trigrams found in articleBody for it to count as body. */
  bodyMatchShare: 0.5,
  /** articleBody mode: words articleBody needs to be trusted. */
  bodyMinWords: 40,
  /** articleBody mode: the chosen container must cover this share of articleBody's words. */
  bodyMinCoverage: 0.5,
  /** An element whose own hints say furniture but that holds this share of the page's prose is a wrapper. */
  wrapperShare: 0.5,
  /** …and at least this many prose blocks (a sidebar's one-paragraph author bio is no wrapper). */
  wrapperMinProse: 3,
  /** The same for comment hints (comment sections can hold much prose): stricter. */
  commentsWrapperShare: 0.8,
  /** Inside the container, a block with this link density and few words is furniture (related-link lists). */
  inMainLinkListDensity: 0.6,
  /** …with at most this many words. */
  inMainLinkListMaxWords: 25,
  /** …unless it is a sentence of at least this many words (see `linkedSentence`). */
  linkedSentenceMinWords: 6,
  /**
   * …with some words outside its links (a sentence linked whole is a teaser or a ticker), or its
   * full stop outside them: the writer linked the words of a sentence ("The [AWS Storage Gateway is
   * now generally available]."), where a teaser's link holds all of it.
   */
  linkedSentenceMaxDensity: 0.95,
  /**
   * Items at least of a list of links, between two paragraphs of its parent, that stays in the
   * container (html.ts's listAmidProse: a post's reading list).
   */
  listAmidProseItems: 3,
} as const;

export interface MainBlock {
  text: string;
  words: number;
  linkDensity: number;
  tag: string;
  /** Furniture flags inherited from the block's ancestors. */
  neg: number;
  /**
   * The `p` element whose text the block is, when line breaks part it into several blocks (a verse,
   * an address, a list written with `<br>`): the lines are valued as the one paragraph they make.
   */
  para?: MainEl | null;
  /** Its last visible character is link text. */
  endLinked?: boolean;
}

export interface MainEl {
  first: number;
  end: number;
  depth: number;
  neg: number;
  parent: MainEl | null;
  kids: MainEl[] | null;
  /** Its own class/id words name an article container. */
  content: boolean;
}

const SENTENCE = /[.!?…。！？]["”’»)\]]?(?:\s|$)/;

/** A block's value as jusText-style markup-free evidence, in characters. */
export function proseValue(b: MainBlock): number {
  const chars = b.text.length;
  if (b.neg !== 0) return MAIN.furnitureWeight * chars;
  // A sentence with most of its words linked, some not ("If you like it, you'll like other games,
  // like Apples to Apples …"): the words outside its links are prose.
  if (b.linkDensity > MAIN.linkListDensity && (b.linkDensity < MAIN.linkedSentenceMaxDensity || b.endLinked === false) && b.words >= MAIN.proseMinWords && linkedSentence(b.text, b.words)) {
    return chars * (1 - b.linkDensity);
  }
  if (b.linkDensity > MAIN.linkListDensity) return MAIN.linkListWeight * chars;
  const sentence = SENTENCE.test(b.text);
  if (b.words >= MAIN.proseMinWords && b.linkDensity <= MAIN.proseMaxLinkDensity && sentence) {
    return chars * (b.tag === 'p' ? 1 : MAIN.proseNonPWeight);
  }
  // A sentence with a long linked title in it ("It is titled [How the Internet of Everything Will
  // Change the World], and here is a quote:"): its words outside the link are prose, as above the
  // link-list density.
  if (b.words >= MAIN.proseMinWords && b.linkDensity <= MAIN.linkListDensity && sentence) return chars * (1 - b.linkDensity);
  if (b.words >= MAIN.shortSentenceMinWords && sentence && b.linkDensity < 0.2) return chars * MAIN.shortSentenceWeight;
  // Running text without a full stop (list items, verse, a clause per bullet) is not a label.
  if (b.words >= MAIN.proseMinWords && b.linkDensity < 0.2) return chars * MAIN.runningTextWeight;
  return MAIN.labelWeight * chars;
}

/**
 * Every block's value (`proseValue`). The lines of one paragraph parted by line breaks share the
 * value of the paragraph they make, each by its share of the characters: one by one they read as
 * labels ("In a car;" / "at the office;" / …), together as the prose the author wrote.
 */
export function proseValues(blocks: readonly MainBlock[]): number[] {
  const out = new Array<number>(blocks.length);
  for (let i = 0; i < blocks.length; ) {
    const b = blocks[i]!;
    let j = i + 1;
    if (b.para != null) while (j < blocks.length && blocks[j]!.para === b.para && blocks[j]!.neg === b.neg) j++;
    if (j - i === 1) {
      out[i++] = proseValue(b);
      continue;
    }
    let chars = 0;
    let words = 0;
    let linked = 0;
    const parts: string[] = [];
    for (let k = i; k < j; k++) {
      const x = blocks[k]!;
      chars += x.text.length;
      words += x.words;
      linked += x.linkDensity * x.text.length;
      parts.push(x.text);
    }
    const v = proseValue({ text: parts.join(' '), words, linkDensity: chars > 0 ? linked / chars : 0, tag: b.tag, neg: b.neg, endLinked: blocks[j - 1]!.endLinked });
    for (let k = i; k < j; k++) out[k] = (v * blocks[k]!.text.length) / chars;
    i = j;
  }
  return out;
}

/** Ends in a full stop or an exclamation mark (a title may end in a question mark), closers allowed. */
const STATEMENT_END = /[.!。！]["”’»)\]]?$/;
const CAPITALISED_WORD = /(?:^|\s)[\p{Lu}][\p{L}'’-]{3,}/gu;
const LONG_WORD = /(?:^|\s)[\p{L}][\p{L}'’-]{3,}/gu;

/**
 * A block written as a sentence, however much of it is linked ("We released version 2 of the SDK
 * for PHP." with the product name linked): a statement of `MAIN.linkedSentenceMinWords`+ words,
 * not in title case. A related-links list holds titles, which end no statement.
 */
export function linkedSentence(text: string, words: number): boolean {
  if (words < MAIN.linkedSentenceMinWords || !STATEMENT_END.test(text)) return false;
  const long = text.match(LONG_WORD)?.length ?? 0;
  return long > 0 && (text.match(CAPITALISED_WORD)?.length ?? 0) < long / 2;
}

const WORD = /[\p{L}\p{N}]+/gu;
function tokens(s: string): string[] {
  return s.toLowerCase().match(WORD) ?? [];
}

/** Values from articleBody: a block whose word trigrams are mostly in the body counts as body. */
function bodyValues(blocks: readonly MainBlock[], articleBody: string): { values: number[]; bodyWords: number } | null {
  const bt = tokens(articleBody);
  if (bt.length < MAIN.bodyMinWords) return null;
  const grams = new Set<string>();
  for (let i = 0; i + 2 < bt.length; i++) grams.add(bt[i] + ' ' + bt[i + 1] + ' ' + bt[i + 2]);
  const words = new Set(bt);
  const values = blocks.map((b) => {
    const t = tokens(b.text);
    let hit = 0;
    let n = 0;
    if (t.length < 3) {
      n = t.length;
      for (const w of t) if (words.has(w)) hit++;
      // A one- or two-word block says little either way.
      return hit === n && n > 0 ? 0 : -b.text.length * 0.5;
    }
    for (let i = 0; i + 2 < t.length; i++, n++) if (grams.has(t[i] + ' ' + t[i + 1] + ' ' + t[i + 2])) hit++;
    return hit / n >= MAIN.bodyMatchShare ? b.text.length : -b.text.length;
  });
  return { values, bodyWords: bt.length };
}

export interface MainChoice {
  /** Per block: inside the article container (furniture inside it excluded). */
  inMain: boolean[];
  /** The container, or null when no element scores enough. */
  container: MainEl | null;
  /** How the container was chosen. */
  method: 'articleBody' | 'density' | 'none';
}

/**
 * The element with the highest score (sum of `prefix` over its blocks) among those with blocks,
 * no furniture hint, and `ok` (all by default).
 */
function best(els: readonly MainEl[], prefix: Float64Array, ok?: (e: MainEl) => boolean): { el: MainEl | null; score: number } {
  let el: MainEl | null = null;
  let score = -Infinity;
  for (const e of els) {
    if (e.end <= e.first || e.neg !== 0 || (ok !== undefined && !ok(e))) continue;
    const s = prefix[e.end]! - prefix[e.first]!;
    // ">=": among equal scores the later element in document order, i.e. the deeper one, wins.
    if (s >= score) {
      score = s;
      el = e;
    }
  }
  return { el, score };
}

/**
 * Every block of the element has a positive value: prose, a short sentence or running text, no
 * label or link list (Readability's sibling test: a short paragraph that ends a sentence and holds
 * no links belongs with its article).
 */
function allProse(prefix: Float64Array, e: MainEl): boolean {
  if (e.end - e.first > MAIN.siblingProseBlocks) return false;
  for (let i = e.first; i < e.end; i++) if (prefix[i + 1]! - prefix[i]! <= 0) return false;
  return true;
}

/**
 * The page's title heading stands above its article. When the densest element lies entirely before
 * it (a box of teasers above the story), the best element that holds the title or starts right
 * after it, and that does not hold the densest one, is the article's container. When the densest
 * element starts far after it (a bio or a sidebar's blurb below the story), so is an element named
 * for article content (entry-content, post-body) of some words there, however its blocks read (a
 * round-up of links, a poem: short lines, little prose); and when the densest element far below is
 * a list of teasers (`teaserList`), so is any element of `MAIN.titleContentMinWords` words there,
 * however few words it has against the list's; and when the title stands in a blog post's element
 * (`titlePost`) that does not hold the densest element far below, so is that post, whatever it
 * holds.
 */
function underTitle(blocks: readonly MainBlock[], els: readonly MainEl[], prefix: Float64Array, words: Float64Array, container: MainEl, title: number, titlePost: MainEl | null): { el: MainEl | null; score: number } {
  const before = container.end <= title;
  if (!before && container.first <= title + MAIN.titleReach) return { el: null, score: 0 };
  // The title in a blog post's element, the densest element far below and outside that post (a
  // sidebar's product blurb under a photo post): the post is the article, however little it holds.
  const post = before ? null : titlePost;
  if (post !== null && (container.first < post.first || container.end > post.end)) return { el: post, score: Math.max(prefix[post.end]! - prefix[post.first]!, MAIN.minMainScore) };
  const list = !before && teaserList(blocks, prefix, container);
  if (!before && !list && !fewProse(prefix, container)) return { el: null, score: 0 };
  const least = list ? MAIN.titleContentMinWords : Math.max(MAIN.titleContentMinWords, words[container.end]! - words[container.first]!);
  const alt = best(els, prefix, (e) => {
    if (!nearTitle(e, title) || (e.first <= container.first && container.end <= e.end)) return false;
    return before || ((list || e.content) && words[e.end]! - words[e.first]! >= least);
  });
  // Above the title, the densest element is no article: the one under the title is, however short,
  // when it holds any prose at all (a blog post of one sentence below a sidebar's bio).
  if (before && alt.score <= 0) return alt;
  return { el: alt.el, score: Math.max(alt.score, MAIN.minMainScore) };
}

/**
 * The element that holds the title heading or starts right after it, has at least
 * `MAIN.titleContentMinWords` words after the title, no furniture hint, no prose under a furniture
 * hint inside (`hidden` counts such blocks), and the best score among those; null when none.
 */
function underTitleList(els: readonly MainEl[], prefix: Float64Array, words: Float64Array, hidden: Float64Array, title: number): MainEl | null {
  return best(els, prefix, (e) => nearTitle(e, title) && words[e.end]! - words[Math.max(e.first, title + 1)]! >= MAIN.titleContentMinWords && hidden[e.end] === hidden[e.first]).el;
}

/** The element holds the title heading's block or starts within `MAIN.titleReach` blocks after it. */
function nearTitle(e: MainEl, title: number): boolean {
  return e.first <= title + MAIN.titleReach && e.end > title;
}

/**
 * A list of teasers: at least `MAIN.teaserPairs` of its prose blocks come right after a title
 * that is a link as a whole (a story's linked headline, then its summary), and most of them do.
 * An article's subheads are seldom links; a related-stories or comparisons box's titles are.
 */
function teaserList(blocks: readonly MainBlock[], prefix: Float64Array, e: MainEl): boolean {
  let prose = 0;
  let pairs = 0;
  for (let i = e.first; i < e.end; i++) {
    if (prefix[i + 1]! - prefix[i]! <= 0) continue;
    prose++;
    const t = blocks[i - 1];
    if (i > e.first && t !== undefined && t.linkDensity >= MAIN.teaserTitleDensity && t.words >= 2 && !STATEMENT_END.test(t.text)) pairs++;
  }
  return pairs >= MAIN.teaserPairs && pairs >= prose * MAIN.teaserShare;
}

/** At most `MAIN.titleFarProse` blocks of positive value: a blurb, a bio, not an article. */
function fewProse(prefix: Float64Array, e: MainEl): boolean {
  let n = 0;
  for (let i = e.first; i < e.end; i++) if (prefix[i + 1]! - prefix[i]! > 0 && ++n > MAIN.titleFarProse) return false;
  return true;
}

const LEAD_IN = /[:：]$/;

/**
 * A paragraph of one short statement with no link ("We are SO thrilled."): Readability's sibling
 * test for a paragraph under 80 characters, which the value of its few words (a label's) leaves out.
 */
function shortStatement(blocks: readonly MainBlock[], s: MainEl): boolean {
  if (s.end - s.first !== 1) return false;
  const b = blocks[s.first]!;
  return b.tag === 'p' && b.linkDensity === 0 && b.text.length < 80 && b.words >= 2 && /\.(?:\s|$)/.test(b.text);
}

/**
 * The sibling is what a member's last paragraph announces ("… will have these specs:"): it starts
 * right after that paragraph, and it is no link list and no more than `MAIN.announcedMaxBlocks`
 * blocks (a list of specs or steps, a table, whose short lines read as labels).
 */
function announced(blocks: readonly MainBlock[], members: readonly MainEl[], s: MainEl): boolean {
  const lead = blocks[s.first - 1];
  if (lead === undefined || !LEAD_IN.test(lead.text) || s.end - s.first > MAIN.announcedMaxBlocks) return false;
  if (!members.some((m) => m.first < s.first && m.end === s.first)) return false;
  for (let i = s.first; i < s.end; i++) if (blocks[i]!.linkDensity > MAIN.linkListDensity || blocks[i]!.neg !== 0) return false;
  return true;
}

const HEADING_TAG = /^h[1-6]$/;
const TITLE_PARTS = new RegExp(TITLE_PART_SEPARATOR.source, 'g');

/**
 * The block of the page's title heading: the first h1–h6 outside furniture hints (a "Recent posts"
 * box lists the same title) whose text is the metadata headline, the `<title>`, a part of it
 * between separators of 3+ words (the site's name cut off), or most of its beginning; -1 if none.
 * The site's name, when the page states it (og:site_name), is no part: a blog's banner h1 repeats it
 * above every post.
 */
export function titleHeading(blocks: readonly MainBlock[], headline: string | null, rawTitle: string | null, siteName: string | null = null): number {
  const wants = new Set<string>();
  const site = siteName === null ? '' : titleKey(siteName);
  const add = (t: string): void => {
    if (t.trim().split(/\s+/).length >= 2 && titleKey(t) !== site) wants.add(titleKey(t));
  };
  if (headline) add(headline);
  if (rawTitle) {
    add(rawTitle);
    for (const part of rawTitle.split(TITLE_PART_SEPARATOR)) if (part.trim().split(/\s+/).length >= 3) add(part);
    // "Site Blog: Post title - date": the site's name before the first colon.
    const colon = rawTitle.indexOf(': ');
    if (colon > 0) add(rawTitle.slice(colon + 2));
    // "Post title - date | Site": the site's name after the last separator.
    let last = -1;
    for (const m of rawTitle.matchAll(TITLE_PARTS)) last = m.index;
    if (last > 0) add(rawTitle.slice(0, last));
  }
  if (wants.size === 0) return -1;
  // A heading cut in two by a line break ("The Daily Edit – Monday<br>11.12.12") shows the title's
  // first part: a heading of 3+ words that opens the <title> and holds most of it.
  const whole = rawTitle !== null ? titleKey(rawTitle) : '';
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.neg !== 0 || !HEADING_TAG.test(b.tag) || b.text.length > 300) continue;
    const key = titleKey(b.text);
    if (wants.has(key)) return i;
    if (key.length * 2 >= whole.length && whole.startsWith(key) && b.text.trim().split(/\s+/).length >= 3) return i;
  }
  return -1;
}

function prefixOf(values: readonly number[]): Float64Array {
  const p = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) p[i + 1] = p[i]! + values[i]!;
  return p;
}

/**
 * Choose the article container among the elements (given in document order, parents first).
 *
 * @param blocks - The blocks, in order; element ranges index into this list.
 * @param els - Every element with at least one block.
 * @param articleBody - JSON-LD articleBody, when the page has one.
 */
export function chooseMain(blocks: readonly MainBlock[], els: readonly MainEl[], articleBody: string | null, title = -1, titlePost: MainEl | null = null): MainChoice {
  const inMain = new Array<boolean>(blocks.length).fill(false);
  let method: MainChoice['method'] = 'none';
  let chosen: { el: MainEl | null; score: number } = { el: null, score: 0 };
  let prefix: Float64Array | null = null;
  // Word counts summed over blocks, made when the title heading needs them.
  let words: Float64Array | null = null;

  if (articleBody !== null) {
    const bv = bodyValues(blocks, articleBody);
    if (bv !== null) {
      const p = prefixOf(bv.values);
      const c = best(els, p);
      if (c.el !== null) {
        // Coverage: matched words inside the container against articleBody's words.
        let covered = 0;
        for (let i = c.el.first; i < c.el.end; i++) if (bv.values[i]! > 0) covered += blocks[i]!.words;
        if (covered >= MAIN.bodyMinCoverage * bv.bodyWords) {
          chosen = c;
          prefix = p;
          method = 'articleBody';
        }
      }
    }
  }
  if (method === 'none') {
    const p = prefixOf(proseValues(blocks));
    const c = best(els, p);
    if (c.el !== null && c.score >= MAIN.minMainScore) {
      chosen = c;
      prefix = p;
      method = 'density';
    } else if (title >= 0) {
      // No element reads as prose (a changelog, a poem, a link round-up: short lines). Under the
      // page's title heading, the best element of some words is the article all the same.
      // Prose under a furniture hint (an article paragraph in a "share" box) says the hints are
      // wrong here: then the text decides, not the markup.
      const hidden = prefixOf(blocks.map((b) => (b.neg !== 0 && proseValue({ ...b, neg: 0 }) > 0 && b.words >= MAIN.proseMinWords ? 1 : 0)));
      words ??= prefixOf(blocks.map((b) => b.words));
      const t = underTitleList(els, p, words, hidden, title);
      if (t !== null) {
        chosen = { el: t, score: p[t.end]! - p[t.first]! };
        prefix = p;
        method = 'density';
      }
    }
  }
  let container = chosen.el;
  if (container === null || prefix === null) return { inMain, container: null, method: 'none' };
  // The element passed over for the title's: it does not come back as a sibling, nor do siblings
  // that end before the title.
  let passed: MainEl | null = null;
  let siblingsFrom = 0;
  if (method === 'density' && title >= 0) {
    words ??= prefixOf(blocks.map((b) => b.words));
    const alt = underTitle(blocks, els, prefix, words, container, title, titlePost);
    if (alt.el !== null && alt.score >= MAIN.minMainScore) {
      passed = container;
      container = alt.el;
      chosen = alt;
      siblingsFrom = title + 1;
    }
  }
  // The smallest element with the best score can be one paragraph of the article, when the rest
  // (list items, subheads, captions) reads as labels. For such a paragraph, an ancestor whose
  // class/id name an article container ("entry", "post-body") and that loses little of the score
  // is the container instead.
  for (let p = container.kids === null ? container.parent : null; p !== null && p.neg === 0 && p.end > p.first; p = p.parent) {
    const s = prefix[p.end]! - prefix[p.first]!;
    if (s < chosen.score * (1 - MAIN.climbLoss)) break;
    if (p.content) container = p;
  }

  // A wrapper that adds no blocks of its own (a blockquote or div around one paragraph) is the
  // same container: its siblings, not the paragraph's, are the article's other parts.
  for (let p = container.parent; p !== null && p.neg === 0 && p.parent !== null && p.first === container.first && p.end === container.end; p = p.parent) {
    container = p;
  }

  const members: MainEl[] = [container];
  const siblings = container.parent?.kids ?? [];
  const minSibling = Math.max(MAIN.siblingMinScore, MAIN.siblingShare * chosen.score);
  for (const s of siblings) {
    if (s === container || s.neg !== 0 || s.end <= s.first || s.end < siblingsFrom) continue;
    if (passed !== null && s.first <= passed.first && passed.end <= s.end) continue;
    if (prefix[s.end]! - prefix[s.first]! >= minSibling || allProse(prefix, s) || announced(blocks, members, s) || shortStatement(blocks, s)) members.push(s);
  }
  for (const m of members) for (let i = m.first; i < m.end; i++) inMain[i] = true;
  return { inMain, container, method };
}
