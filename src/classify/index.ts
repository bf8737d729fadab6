/**
 * Stages 4–6: language, context-free labels, revision from neighbours and the body span.
 */
import type { Block, BoilerplateKind, DomInfo, InputFormat } from '../article.js';
import { THRESHOLDS, type Favor } from '../options.js';
import type { PageMeta } from '../segment/meta.js';
import { detectLanguage, type LanguageInfo } from './language.js';
import { blockFeatures, WORDY, type Features } from './features.js';
import { applyRules, hasDigit, mediaMatch, type Verdicts, type Work } from './rules.js';
import { flatText } from '../patterns/table.js';
import { announcedLists, titleAnnouncedList, assignRoles, boilerKind, bestSingleBlock, bestSpan, bestSpanIn, runFrom, spanValue, commentSectionStart, articleEnd, countedHeading, extendSpan, leadInAbove, fillAuthorBios, LEAD_IN, markSiteAbout, markDoubledLines, markFolded, markPostNavTitles, markRelatedTitles, markShoutedLines, markStampLines, markTeaserSummaries, markLinkedTeasers, markWriterBios, spanAppeals, strongBarrier, titleLine, FULL_STOP, HEADING_TAG, titlePlaced, type Span } from './revise.js';
import { assignMeta, DATED } from './headline.js';
import { trace } from './trace.js';

const SENTENCE_END = /[.!?…。！？]["”’»)\]]?$/u;
/** A sentence end inside a text, before the next sentence's capital. */
const INNER_SENTENCE_END = /[.!?…]["”’»)\]]?\s+\p{Lu}/gu;

export interface ClassifyContext {
  favor: Favor;
  inputFormat: InputFormat;
  meta: PageMeta | null;
}

function mainSpan(blocks: readonly Block[]): { start: number; end: number } | null {
  const start = blocks.findIndex((b) => b.dom?.inMain === true);
  if (start < 0) return null;
  let end = start;
  for (let i = blocks.length - 1; i > start; i--) {
    if (blocks[i]!.dom?.inMain === true) {
      end = i;
      break;
    }
  }
  return { start, end };
}

/**
 * The body span inside the main container: its best run of prose (a related list, comment section
 * or sidebar that the container took in is left out).
 */
function mainBody(work: Work[], main: Span, limit: number, favor: Favor): Span {
  const threshold = THRESHOLDS.spanThreshold[favor];
  const found = bestSpanIn(work, main.start, Math.max(main.start + 1, Math.min(limit, main.end + 1)), threshold);
  if (found === null) return main;
  const best = overBoxes(work, found, { start: main.start, end: Math.min(limit - 1, main.end) }, threshold);
  // What the run leaves out of the container must be mostly furniture: when more prose-like text
  // would go than stays (hard-wrapped lines, a page of short paragraphs), the container stands.
  // Prose past a related-stories heading, a comment section or a copyright line after the run is
  // another region the container took in (a sidebar's teasers and bios), not the article's.
  let kept = 0;
  let dropped = 0;
  for (let i = main.start; i <= main.end; i++) {
    const w = work[i]!;
    if (i > best.end && strongBarrier(w)) break;
    if (w.block.dom?.inMain !== true || w.score <= 0) continue;
    if (i >= best.start && i <= best.end) kept += w.f.length;
    else dropped += w.f.length;
  }
  if (dropped > kept) return main;
  return { start: best.start, end: boxCut(work, best) };
}

/**
 * The run widened over boxes nested among the article's paragraphs: a fact box or a pull-out list
 * between the lead paragraphs and the rest of the story costs the span search one line at a time,
 * and may outweigh the paragraphs on its far side. Paragraphs that are siblings of the run's first
 * (last) paragraph in the markup, on the far side of one or more such boxes, each a sentence worth
 * a place in the run on its own, join it; the boxes' lines stay out of the body, as they were out of
 * the run (a list a line announces "…are:" excepted: `announcedLists` judges it). A sibling line
 * that announces a box ("His record stands thus:") is passed over with it. The widening stops at
 * a sibling that is no such paragraph (the byline, the headline), at a line that ends body runs,
 * and at the parent element's edge.
 */
function overBoxes(work: Work[], run: Span, within: Span, threshold: number): Span {
  const edge = (from: number, step: 1 | -1): number => {
    // The run's outermost paragraph on this side, and its parent element's blocks.
    let at = from;
    while (at >= run.start && at <= run.end && work[at]!.block.dom?.tag !== 'p') at -= step;
    const dom = work[at]?.block.dom;
    if (at < run.start || at > run.end || dom?.parentFirst === undefined || dom.parentEnd === undefined) return from;
    const { parentFirst, parentEnd } = dom;
    const sibling = (d: DomInfo): boolean => d.parentFirst === parentFirst && d.parentEnd === parentEnd;
    let out = from;
    let boxed = false;
    for (let i = from + step; i >= within.start && i <= within.end && i >= parentFirst && i < parentEnd; i += step) {
      const w = work[i]!;
      if (strongBarrier(w)) break;
      const d = w.block.dom!;
      if (!sibling(d)) {
        boxed = true;
        continue;
      }
      if (d.tag !== 'p' || d.inMain !== true) break;
      // The line that announces the box ("His record stands thus:") is passed over with it.
      if (LEAD_IN.test(w.block.text)) continue;
      if (!w.f.endsSentence || spanValue(w, threshold) <= 0) break;
      if (boxed) out = i;
    }
    // The boxes jumped: out of the body, but for an announced list and the line announcing it.
    const [lo, hi] = step < 0 ? [out, from] : [from, out];
    let announced = LEAD_IN.test(work[lo]!.block.text);
    for (let i = lo + 1; i < hi; i++) {
      const w = work[i]!;
      const d = w.block.dom!;
      const lead = LEAD_IN.test(w.block.text);
      if (lead || d.tag !== 'li') announced = lead;
      if (sibling(d) || lead || announced || w.block.fixed || boilerKind(w) !== null || w.media !== null || w.meta !== null) continue;
      w.fill = 'other';
      if (trace.reasons) w.why.push("a box among the article's paragraphs");
    }
    return out;
  };
  return { start: edge(run.start, -1), end: edge(run.end, 1) };
}

/**
 * A line that reads as a title (see `titleLine`) of 3 words or more that announces nothing ("JMP
 * Securities Mark Harding said:" is a lead-in).
 */
function titleLike(w: Work): boolean {
  return titleLine(w) && w.f.words >= 3 && !LEAD_IN.test(w.block.text);
}

/**
 * Where the body run ends inside the container, at a heading of a box the container took in:
 * - a comment count or "comments are closed" after `THRESHOLDS.commentArticleChars` of the run's
 *   prose (a bare "Comment" is as often a share tool's link in the article);
 * - a related-stories heading that heads a list of teasers (a linked title or a title line, then its summary, at
 *   least `THRESHOLDS.teaserPairs` times) with no more prose after the list than before the
 *   heading. A "Related:" heading with one link in the middle of an article is followed by more
 *   paragraphs, not by title-summary pairs.
 */
function boxCut(work: readonly Work[], best: Span): number {
  const prose = (w: Work): boolean => w.block.dom?.inMain === true && w.score > 0;
  // A teaser's title: a link, or a title line (a slideshow's slide titles are no links).
  const linky = (w: Work): boolean => w.block.dom?.inMain === false || (w.block.dom?.linkDensity ?? 0) >= 0.5 || titleLike(w);
  // Prose of the run before block i.
  let before = 0;
  for (let i = best.start + 1; i <= best.end; i++) {
    if (prose(work[i - 1]!)) before += work[i - 1]!.f.length;
    // A heading that can head nothing but the thread: a count ("12 Comments"), or comments closed.
    if (countedHeading(work[i]!) !== null) {
      if (before >= THRESHOLDS.commentArticleChars) return i - 1;
      continue;
    }
    const id = work[i]!.boiler?.row.id;
    if (id !== 'related-heading' && id !== 'most-read') continue;
    // The list: title-summary pairs, until a paragraph follows a paragraph (the article resumes).
    let pairs = 0;
    let resumed = 0;
    let listEnd = best.end + 1;
    for (let k = i + 1; k <= best.end; k++) {
      const w = work[k]!;
      if (!prose(w)) continue;
      if (listEnd <= best.end) resumed += w.f.length;
      else if (linky(work[k - 1]!)) pairs++;
      else if (k - 1 > i) {
        listEnd = k;
        resumed += w.f.length;
      }
    }
    if (pairs >= THRESHOLDS.teaserPairs && resumed <= before) return i - 1;
  }
  return best.end;
}

/**
 * Median of the stopword share over the document's longer sentences (12+ words, ending a sentence):
 * its own prose's level. A long run of link text or furniture does not set it, so the level stays
 * when the furniture is gone (clean text read back).
 */
function documentStopLevel(work: readonly { f: { words: number; stopRatio: number; endsSentence: boolean } }[]): number {
  const ratios = work.filter((w) => w.f.words >= 12 && w.f.endsSentence && !Number.isNaN(w.f.stopRatio)).map((w) => w.f.stopRatio);
  if (ratios.length === 0) return Number.NaN;
  ratios.sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length / 2)]!;
}

/**
 * The document writes its prose in lists: at least `THRESHOLDS.listProseShare` of its sentence
 * lines (12+ words, ending a sentence) are bulleted list items.
 */
export function listProse(feats: readonly Features[]): boolean {
  let prose = 0;
  let bulleted = 0;
  for (const f of feats) {
    if (f.words < 12 || !f.endsSentence) continue;
    prose++;
    if (f.bullet) bulleted++;
  }
  return prose > 0 && bulleted >= prose * THRESHOLDS.listProseShare;
}

export function classifyDocument(blocks: Block[], ctx: ClassifyContext): { language: string | null } {
  // Without a main container, "outside it" means nothing: let the text evidence decide.
  if (!blocks.some((b) => b.dom?.inMain === true)) forgetMain(blocks);
  // Flat copies of the texts (one-byte for Latin-1 ones): the features, the tables and the rules read them faster (see flatText).
  for (const b of blocks) b.text = flatText(b.text);
  // A photo's credit or caption is no sample of the text's language: the text output writes none,
  // and read back, the document must read in the same language (fuzz, text-stable at seed 20262104:
  // with "Reuters Photo: !一" a note of three short lines read as French, without it as English).
  const lang = detectLanguage(blocks.map((b) => b.text), (line) => mediaMatch(line) !== null);
  const feats = blocks.map((b) => blockFeatures(b, lang));
  const docStop = documentStopLevel(feats.map((f) => ({ f })));
  // Only a markup container can be fallen back from (labelling leaves `inMain` as it is): text
  // input, or a page without one, needs no copy of the blocks' labels.
  const canFallBack = blocks.some((b) => b.dom?.inMain !== undefined);
  const saved = canFallBack ? blocks.map((b) => ({ role: b.role, kind: b.kind, reasons: [...b.reasons], credit: b.credit, caption: b.caption })) : [];
  label(blocks, feats, docStop, lang, ctx);
  const noBody = !blocks.some((b) => b.role === 'body');
  if (canFallBack && (noBody || farFromHeadline(blocks))) {
    // Named fallback: the markup's main container held no body, or a body far from the page's
    // headline (a sidebar's blurb, another story's comments); judge the page by its text (and the
    // markup priors) alone.
    const why = noBody ? 'main container held no body: judged by text' : 'main container far from the headline: judged by text';
    blocks.forEach((b, i) => {
      b.role = saved[i]!.role;
      b.kind = saved[i]!.kind;
      b.reasons = [...saved[i]!.reasons, why];
      b.credit = saved[i]!.credit;
      b.caption = saved[i]!.caption;
    });
    forgetMain(blocks);
    label(blocks, feats, docStop, lang, ctx);
  }
  photoEssay(blocks);
  secondCopy(blocks);
  // A page the markup calls one blog post's is no front page: its river is the post's round-up.
  if (ctx.meta?.singlePost !== true) teaserRiver(blocks, feats);
  furnitureBody(blocks, feats);
  return { language: lang.code };
}

/**
 * A page that prints its article twice (a print view and the screen view, or text a text browser
 * shows that the page hides): a run of body paragraphs followed at once by the same paragraphs
 * again. The second copy goes, with the short body lines between the copies (the second copy's
 * byline). Lines of a few words (`THRESHOLDS.copyLineWords`) are not compared: the first copy's
 * byline may be the article's byline, the second's a body line. The run holds at least two
 * different paragraphs of `THRESHOLDS.copyMinWords` words, so a page that repeats one paragraph
 * (lorem ipsum filler, a refrain) keeps every repetition.
 */
function secondCopy(blocks: Block[]): void {
  const body = blocks.filter((b) => b.role === 'body');
  // Most pages repeat no paragraph: then there is nothing to look for.
  const texts = new Set<string>();
  for (const b of body) texts.add(b.text);
  if (texts.size === body.length) return;
  const seq = body.filter((b) => b.text.split(' ').length >= THRESHOLDS.copyLineWords);
  const keys = seq.map((b) => b.text);
  // Where each paragraph appears next: a copy of the run from i starts at the next appearance of
  // its first paragraph (runs of at most `THRESHOLDS.copyMaxBlocks`, so the search stays linear).
  const next = new Array<number>(keys.length).fill(-1);
  const seen = new Map<string, number>();
  for (let i = keys.length - 1; i >= 0; i--) {
    next[i] = seen.get(keys[i]!) ?? -1;
    seen.set(keys[i]!, i);
  }
  const copies = new Set<Block>();
  for (let i = 0; i < seq.length; i++) {
    const len = next[i]! - i;
    if (len < 2 || len > THRESHOLDS.copyMaxBlocks || i + 2 * len > seq.length) continue;
    let same = true;
    const long = new Set<string>();
    for (let j = 0; j < len && same; j++) {
      same = keys[i + j] === keys[i + len + j];
      if (seq[i + j]!.text.split(' ').length >= THRESHOLDS.copyMinWords) long.add(keys[i + j]!);
    }
    if (!same || long.size < 2) continue;
    // From the body line after the first copy's last paragraph to the second copy's last.
    for (let k = body.indexOf(seq[i + len - 1]!) + 1; k <= body.indexOf(seq[i + 2 * len - 1]!); k++) copies.add(body[k]!);
    i += 2 * len - 1;
  }
  for (const b of copies) {
    b.role = 'boilerplate';
    b.kind = 'other';
    if (trace.reasons) b.reasons.push('a second copy of the body paragraphs above it');
  }
}

/**
 * A photo essay tells its story in the captions: when the captions hold more text than the body
 * and several of them are sentences, they are the article's paragraphs (their credits stay credits).
 * With markup only, where most captions are stated (figcaption, a caption class). In plain text a
 * caption is a guess from a line's shape, and a page's text whose guessed captions outweighed its
 * body more often lost its body to a gallery's or a sidebar's captions than it held an essay (the
 * four corpora's six plain-text renderings: 11 document scores up, 1 down, without it).
 */
function photoEssay(blocks: Block[]): void {
  if (blocks.length === 0 || blocks[0]!.dom === undefined) return;
  let body = 0;
  let captions = 0;
  let sentences = 0;
  let slide = false;
  for (const b of blocks) {
    if (b.role === 'body') body += b.text.length;
    else if (b.role === 'caption') {
      const text = b.caption ?? b.text;
      captions += text.length;
      const words = text.split(' ').length;
      if (SENTENCE_END.test(text) && words >= THRESHOLDS.essayCaptionWords) sentences++;
      if (words >= THRESHOLDS.slideCaptionWords && (text.match(INNER_SENTENCE_END)?.length ?? 0) >= 1 && SENTENCE_END.test(text)) slide = true;
    }
  }
  // Several sentence captions, or one of a few sentences that holds twice the body's text (a
  // one-photo slide).
  if (captions <= body || (sentences < THRESHOLDS.essaySentences && !(slide && captions >= 2 * body))) return;
  for (const b of blocks) {
    const text = b.caption ?? b.text;
    if (b.role !== 'caption' || text.split(' ').length < THRESHOLDS.essayCaptionWords) continue;
    // The paragraph is the caption's text; a credit glued to it stays a photo credit.
    b.role = 'body';
    b.text = text;
    b.caption = undefined;
    if (trace.reasons) b.reasons.push('captions carry the article (photo essay)');
  }
}

/**
 * The markup fixed a headline, and the body found in the main container lies entirely before it,
 * or starts more than `THRESHOLDS.farFromHeadline` text blocks after it: the container is likely
 * not the article's.
 */
function farFromHeadline(blocks: readonly Block[]): boolean {
  const head = blocks.findIndex((b) => b.fixed === true && b.role === 'headline');
  if (head < 0) return false;
  let gap = 0;
  for (let i = head + 1; i < blocks.length; i++) {
    if (blocks[i]!.role === 'body') return gap > THRESHOLDS.farFromHeadline;
    if (blocks[i]!.text.length > 0) gap++;
  }
  // No body after the headline: far when there is one before it.
  return blocks.some((b) => b.role === 'body');
}

function forgetMain(blocks: Block[]): void {
  for (const b of blocks) {
    if (b.dom) b.dom.inMain = undefined;
    if (b.priorWithoutMain !== undefined) b.prior = b.priorWithoutMain;
  }
}

/**
 * The lines from `start` up to the headline at `head` are a header: none is as long as a paragraph
 * (`THRESHOLDS.aboveHeadlineMaxChars`), and they hold less text than the lines after it up to `end`.
 */
function headerAbove(work: readonly Work[], start: number, head: number, end: number): boolean {
  let above = 0;
  for (let i = start; i < head; i++) {
    const n = work[i]!.block.text.length;
    if (n > THRESHOLDS.aboveHeadlineMaxChars) return false;
    above += n;
  }
  let below = 0;
  for (let i = head + 1; i < end && below <= above; i++) below += work[i]!.block.text.length;
  return above < below;
}

/**
 * The container's blocks right above the body span, under its fixed headline and byline, that no
 * pattern, caption or metadata row claims and whose markup says content (a contact page's "Main
 * phone numbers: …" and "Address: …" over its questions): the article's first lines, which read as
 * too little prose to start the span.
 */
function containerTop(work: readonly Work[], span: Span, mainStart: number): Span {
  let start = span.start;
  for (let i = span.start - 1; i >= 0; i--) {
    const w = work[i]!;
    const b = w.block;
    // Only under the headline or byline the markup fixed (in the container or right above it):
    // above them stands the page's header.
    if (b.fixed) return start === span.start || (b.role !== 'headline' && b.role !== 'byline') ? span : { start, end: span.end };
    if (i < mainStart || b.dom?.inMain !== true || w.boiler !== null || w.fill !== undefined || w.meta !== null || w.media !== null || (b.prior ?? 0) <= 0 || w.f.words < 3) break;
    // A short line with a date is the story's date line ("Associated Press - January 11, 2008 4:13 PM ET"),
    // one with a tag list inside it a post's meta line ("sounds — Tags: animation — jo @ 11:07").
    if (w.f.words <= 12 && hasDigit(b.text) && DATED.test(b.text)) break;
    if (w.f.words <= 20 && INNER_TAGS.test(b.text)) break;
    start = i;
  }
  return span;
}

/** A tag list's label inside a line: "… — Tags: graphic design — …", "| Filed under: …". */
const INNER_TAGS = /(?:^|[\s|—–-])(?:tags|tagged|filed\s+under|categories)\s*:/iu;

/** Lines below a post's dated byline within which its body starts (share tools, a category between). */
const BODY_REACH = 3;

/**
 * A headline above a dated byline: a short line (2 to 20 words) that does not end in a full stop,
 * in title case or not ("Startups, chickens, and eggs"), asking or exclaiming or not.
 */
function headlineShaped(w: Work): boolean {
  return w.f.words >= 2 && w.f.words <= 20 && !FULL_STOP.test(w.block.text);
}

/**
 * The first post header: a dated byline (the post-meta row) with a headline at most two lines
 * above it, or a byline right under a headline that a date line heads (Blogger's "October 31,
 * 2012" / title / "Posted by Hannah Hayes"). Returns the byline's index and the headline's, or null.
 */
function postHeader(work: readonly Work[], limit: number): { byline: number; headline: number } | null {
  for (let i = 1; i < limit; i++) {
    const meta = work[i]!.meta?.row;
    // A byline that is also a post's footer ("Posted by … | Permalink", under the article) heads nothing.
    if (meta === undefined || work[i]!.boiler !== null) continue;
    if (meta.id !== 'post-meta') {
      const k = i - 1;
      if (meta.kind === 'byline' && k > 0 && work[k - 1]!.meta?.row.id === 'date-line' && titleAt(work[k]!)) return { byline: i, headline: k };
      continue;
    }
    // The headline right above, or above its deck (a line of a sentence or two): a post's footer
    // ("Posted on … by …" under the article) has the last paragraph above it.
    for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
      const w = work[k]!;
      if (titleAt(w)) return { byline: i, headline: k };
      if (w.f.words > THRESHOLDS.deckMaxWords) break;
    }
  }
  return null;
}

/** A headline-shaped line no pattern claims. */
function titleAt(w: Work): boolean {
  return w.boiler === null && w.meta === null && headlineShaped(w);
}

/**
 * A blog post opens with its headline and a dated byline ("by Jane Doe on March 3, 2012"): when
 * the best run of prose lies below the header (a sidebar's blurbs) or starts well above it (a
 * column of testimonials), the body is the run right after the header, if it holds prose and no
 * other such byline (a comment thread's "by … on …" lines). A header below the run is a post
 * footer or a comment's, and says nothing.
 */
function postAfterHeader(work: Work[], span: Span, header: { byline: number; headline: number }, limit: number, threshold: number): Span {
  const h = header.byline;
  // A span that starts under the headline (at its deck) or right after the byline is the post's.
  if (h >= span.end || (span.start > header.headline && span.start <= h + BODY_REACH)) return span;
  const after = runFrom(work, h + 1, Math.min(limit, h + 1 + BODY_REACH), limit, threshold);
  if (after === null) return span;
  for (let i = h + 1; i <= after.end; i++) if (work[i]!.meta?.row.id === 'post-meta') return span;
  if (span.start < h) return { start: after.start, end: Math.max(span.end, after.end) };
  // Between the header and a span below it, no line of prose: the header's furniture (share
  // tools, a related list) stands before the article, and the span is the article's.
  for (let i = h + 1; i < span.start; i++) if (spanValue(work[i]!, threshold) > 0) return after;
  return span;
}

/**
 * Markup headings that end the body, nothing of it under them: the heading of a box after the
 * article ("Car Comparisons" over teasers the rules took out, "Related stories" over links) that the
 * body span reached. An article's own heading has its section under it. The body's last line
 * stays.
 */
export function danglingHeadings(work: readonly Work[]): void {
  let body = 0;
  for (const w of work) if (w.block.role === 'body') body++;
  for (let i = work.length - 1; i >= 0 && body > 1; i--) {
    const w = work[i]!;
    const b = w.block;
    if (b.role !== 'body') continue;
    // A heading's shape: a title, no sentence (a page may set its paragraphs in heading tags).
    if (b.fixed || !HEADING_TAG.test(b.dom?.tag ?? '') || w.f.endsSentence || w.f.words > THRESHOLDS.danglingHeadingMaxWords) return;
    body--;
    b.role = 'boilerplate';
    b.kind = 'other';
    if (trace.reasons) b.reasons.push('a heading that ends the body: nothing of the body under it');
  }
}

/**
 * The lines of one `<p>` parted by `<br>` share one fate: when at least half its text is body (a
 * changelog's "+ Added Slime Block" lines under its longer ones, a verse), its other lines that no
 * pattern claims are body too. Lines read one by one look like a list of labels.
 */
export function wholeParagraphs(work: readonly Work[]): void {
  for (let i = 0; i < work.length; ) {
    const first = work[i]!.block.dom?.lineOf;
    if (first === undefined) {
      i++;
      continue;
    }
    let j = i;
    let all = 0;
    let body = 0;
    while (j < work.length && work[j]!.block.dom?.lineOf === first) {
      const b = work[j]!.block;
      all += b.text.length;
      if (b.role === 'body') body += b.text.length;
      j++;
    }
    if (body > 0 && body * 2 >= all) {
      for (let k = i; k < j; k++) {
        const w = work[k]!;
        if (w.block.role !== 'boilerplate' || w.block.fixed || boilerKind(w) !== null || w.media !== null || w.meta !== null || w.block.dom?.inMain === false) continue;
        w.block.role = 'body';
        w.block.kind = undefined;
        if (trace.reasons) w.block.reasons.push('a line of a paragraph that is body');
      }
    }
    i = j;
  }
}

/** Stages 5–6 on analysed blocks: rules, appeals, the body span and its revision, the furniture. */
function label(blocks: Block[], feats: Features[], docStop: number, lang: LanguageInfo, ctx: ClassifyContext): void {
  const lists = listProse(feats);
  // One map of the tables' verdicts for the document: its repeated lines are matched once.
  const seen = new Map<string, Verdicts>();
  const work: Work[] = blocks.map((b, i) => applyRules(b, feats[i]!, docStop, lists, THRESHOLDS.priorWeight, seen));
  spanAppeals(work);
  markSiteAbout(work);
  markWriterBios(work);
  fillAuthorBios(work);
  markStampLines(work);
  markTeaserSummaries(work);
  markLinkedTeasers(work);
  markRelatedTitles(work);
  markPostNavTitles(work);
  markFolded(work);
  markDoubledLines(work);
  markShoutedLines(work);
  // Comments follow the article: the body span ends before the comment section.
  const comments = commentSectionStart(work, ctx.favor);
  const limit = comments >= 0 ? comments : work.length;
  // With markup, the main-content container found by the HTML segmenter is the body span.
  // The document's first line, when text follows it and it does not end in a full stop (a
  // headline may ask or exclaim, it rarely ends in a period), stands where the title stands (the
  // text output is the headline, a blank line, then the body): the body is looked for after it
  // first. So is it on weak evidence (the fallbacks) whatever its shape, except a line that ends
  // in a full stop: when the text output opens with the first paragraph (no headline), skipping
  // that would lose it (found by text-stable at fuzz seed 90210).
  // A photo's credit or caption that opens a text (a hero image's, above the headline) stands
  // outside the text's order: the title's place is the first line after such lines. The text
  // output writes no credit, so read back, that line is first (fuzz, text-stable at seed 20262103).
  const lead = leadingMedia(work);
  const head = work[lead];
  const titlePlace = work.length > lead + 1 && head !== undefined && titlePlaced(head) ? lead + 1 : lead;
  const main = mainSpan(blocks);
  let span = main !== null ? mainBody(work, main, limit, ctx.favor) : bestSpan(work, ctx.favor, limit, titlePlace);
  // The headline the markup fixed, if any (-1).
  const fixedHead = blocks.findIndex((b) => b.fixed === true && b.role === 'headline');
  // The article starts under that headline: what the container holds above it, in a few short
  // lines, is the page's header (a blog's name and tagline, a login prompt, a photo's caption), not
  // the body. A paragraph above it, or more text than below it (a recipe card's title under the
  // story), says the article opens above the heading.
  if (span !== null && main !== null && fixedHead > span.start && fixedHead < span.end && headerAbove(work, span.start, fixedHead, span.end + 1)) {
    span = { start: fixedHead + 1, end: span.end };
  }
  // What reads as the body's prose: the span's threshold, or the recall setting's when only the
  // fallbacks found a body (a line ending in a full stop that reads so is no headline, see
  // assignMeta: read back from the text output, headline first, it would be a paragraph).
  let proseLevel = THRESHOLDS.spanThreshold[ctx.favor];
  if (span === null) {
    proseLevel = Math.min(proseLevel, THRESHOLDS.spanThreshold.recall);
    // Named fallbacks: nothing cleared the threshold, so try the recall setting, then the single
    // best prose block (above the comment thread, else anywhere), first after the first block, then
    // with it.
    const weak = (from: number): Span | null =>
      (ctx.favor !== 'recall' ? bestSpan(work, 'recall', limit, from) : null) ?? bestSingleBlock(work, from, limit) ?? bestSingleBlock(work, from);
    // A tiny document whose only candidate is its first line (the rest too short for any
    // evidence) is left to `tinyDocument`, which reads that line as the title: so its text output,
    // read back, gives the same article (fuzz, text-stable at seed 20261254).
    // Under a headline the markup fixed, the article's text is looked for below it first: a blog's
    // tagline above it outweighs a post of one short line ("Wow… just wow.").
    span = (fixedHead >= 0 ? weak(fixedHead + 1) : null) ?? (head !== undefined && FULL_STOP.test(head.block.text) ? null : weak(lead + 1)) ?? (titlePlace === lead + 1 && tinyText(work, lead) ? null : weak(lead));
  }
  // A post header above the span's start is the article's top: the span is not widened above it.
  const header = span !== null && main === null ? postHeader(work, limit) : null;
  if (span !== null && header !== null) span = postAfterHeader(work, span, header, limit, THRESHOLDS.spanThreshold[ctx.favor]);
  const top = span !== null && header !== null && header.byline < span.start ? Math.max(titlePlace, header.byline + 1) : titlePlace;
  if (span !== null && !blocks.some((b) => b.dom?.inMain === true)) span = extendSpan(work, span, ctx.favor, limit, top);
  // A heading counting the comments inside the span, after the article: the thread starts there
  // (also when a comment section was found further down: the thread's first comments are above it).
  // It, or links to the previous and next post, the post's footer or a comment form, end the body.
  let commentStart = comments;
  if (span !== null) {
    const cut = articleEnd(work, span, ctx.favor);
    if (cut.thread > span.start) commentStart = cut.thread;
    if (cut.end > span.start) span = { start: span.start, end: cut.end - 1 };
  }
  if (span !== null && main !== null) span = containerTop(work, span, main.start);
  let listed: Set<number> | undefined;
  if (span !== null) ({ span, items: listed } = announcedLists(work, leadInAbove(work, span, top), commentStart >= 0 ? commentStart : work.length));
  if (span !== null && listed !== undefined && main === null && titlePlace === lead + 1) span = titleAnnouncedList(work, span, listed, commentStart >= 0 ? commentStart : work.length, lead);
  assignRoles(work, span, ctx.favor, commentStart, listed);
  wholeParagraphs(work);
  danglingHeadings(work);
  // The headline is looked for from the container's start, even when the body run starts later.
  assignMeta(work, main !== null && span !== null ? { start: Math.min(main.start, span.start), end: span.end } : span, ctx.meta, lang.stopwords, proseLevel, lead);
  if (span === null) tinyDocument(work, ctx.meta?.headline != null, lead);
}

/**
 * A teaser's title in markup: a short line, all of it a link, that ends no sentence (at least
 * `THRESHOLDS.teaserTitleLinkDensity` of its characters linked; 2 to 20 words).
 */
function linkedTitle(b: Block, f: Features): boolean {
  const ld = b.dom?.linkDensity;
  return ld !== undefined && ld >= THRESHOLDS.teaserTitleLinkDensity && f.words >= 2 && f.words <= 20 && !FULL_STOP.test(b.text);
}

/**
 * A section's front page holds no article: its "body" is a river of teasers, each summary under its
 * story's linked title (at least `THRESHOLDS.riverPairs` pairs, and nearly every body paragraph
 * one: `THRESHOLDS.riverShare`). A summary is a sentence or two
 * (`THRESHOLDS.riverSummaryMaxChars`): a list article's items (games, products, each linked over
 * its review) are paragraphs of several; a round-up post opens with a paragraph of its writer's
 * above its teasers. The page's body is then empty, its teasers are navigation, and so is a
 * headline that is a teaser's title.
 */
function teaserRiver(blocks: readonly Block[], feats: readonly Features[]): void {
  let body = 0;
  let pairs = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.role !== 'body' || linkedTitle(blocks[i]!, feats[i]!)) continue;
    body++;
    if (i > 0 && blocks[i]!.text.length <= THRESHOLDS.riverSummaryMaxChars && linkedTitle(blocks[i - 1]!, feats[i - 1]!)) pairs++;
    // A paragraph of the writer's own above the teasers (a round-up post's "You missed a week of
    // posts: here they are") makes them an article's list.
    else if (pairs === 0) return;
  }
  if (pairs < THRESHOLDS.riverPairs || pairs < THRESHOLDS.riverShare * body) return;
  blocks.forEach((b, i) => {
    if (b.role === 'body' || (b.role === 'headline' && linkedTitle(b, feats[i]!))) {
      b.role = 'boilerplate';
      b.kind = 'navigation';
      if (trace.reasons) b.reasons.push('a river of teasers: a section\'s front page, no article');
    }
  });
}

/**
 * Furniture kinds a page's markup states plainly (a footer, a signup box, a share bar, an ad).
 * Words such as "latest", "gallery" or "ticker" (navigation, other) name a short story's own
 * element often enough ("blog latest postmain", "post page gallery"), and a page's settings name
 * comments on the whole page ("newcomments disablecomments" on Gawker's body): left out.
 */
const STATED_FURNITURE: ReadonlySet<BoilerplateKind> = new Set(['legal', 'newsletter', 'share', 'support-appeal', 'advertisement']);

/**
 * A page with no article text (a photo post, a video page, an error page): the classifier's body is
 * then the best prose the page has, a few lines of its furniture (a footer's licence or publisher
 * line, a signup box's pitch). A body of at most `THRESHOLDS.furnitureBodyMaxWords` words, outside
 * the main container, every line of it under a {@link STATED_FURNITURE} hint, is that furniture, and
 * the page's body is empty.
 */
function furnitureBody(blocks: Block[], feats: readonly Features[]): void {
  let words = 0;
  let any = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.role !== 'body') continue;
    const kind = b.dom?.furniture;
    // Under any furniture word, a line linked whole is a teaser's title ("What Would Facebook Look
    // Like at the North Pole?" in a "popularsidebar"), never a short story's text.
    if (kind === undefined || b.dom!.inMain === true || !(STATED_FURNITURE.has(kind) || b.dom!.linkDensity >= THRESHOLDS.teaserTitleLinkDensity)) return;
    any = true;
    words += feats[i]!.words;
    if (words > THRESHOLDS.furnitureBodyMaxWords) return;
  }
  if (!any) return;
  for (const b of blocks) {
    if (b.role !== 'body') continue;
    b.role = 'boilerplate';
    b.kind = b.dom!.furniture!;
    if (trace.reasons) b.reasons.push('the only body lines are furniture\'s, and few: the page has no article text');
  }
}

/**
 * At most `THRESHOLDS.tinyDocumentLines` lines after the `lead` lines of a photo's credit or caption
 * that open it, and no caption or credit among them (that makes a photo page with a headline, not a
 * note).
 */
function tinySize(work: readonly Work[], lead = 0): boolean {
  const rest = work.length - lead;
  return rest > 0 && rest <= THRESHOLDS.tinyDocumentLines && work.every((w, i) => i < lead || w.media === null);
}

/**
 * How many lines of a photo's credit or caption open the text (none when every line is one): they
 * stand outside the text's order. Markup places its own blocks.
 */
function leadingMedia(work: readonly Work[]): number {
  let i = 0;
  while (i < work.length && work[i]!.media !== null && work[i]!.block.dom === undefined) i++;
  return i === work.length ? 0 : i;
}

/** A line no pattern claims that names something (stopwords alone, "the the", say nothing). */
function tinyLine(w: Work): boolean {
  return w.boiler === null && w.meta === null && w.fill === undefined && WORDY.test(w.block.text) && !(w.f.stopRatio >= 1);
}

/**
 * Before the span search: a tiny document whose lines after the first are all too short for any
 * evidence (under 3 words: the single-block fallback passes them over) and of the kind
 * `tinyDocument` reads.
 */
function tinyText(work: readonly Work[], lead = 0): boolean {
  if (!tinySize(work, lead)) return false;
  const open = work.slice(lead).filter((w) => !w.block.fixed && w.boiler?.row.id !== 'image-placeholder');
  return open.length > 1 && open.every(tinyLine) && open.slice(1).every((w) => w.f.words < 3);
}

/**
 * A document of a few short lines that no pattern claims, and nothing else ("Test", "abc / def /
 * ghi"): too short for any prose evidence, it is all the text there is, so it is the body, not
 * lost. Without a headline (from the page's metadata or markup), the first of several such lines
 * stands in the title's place and is the headline, as the text output writes it: read back, the
 * output gives the same article. (Lines the markup fixed and dates keep their roles.)
 */
function tinyDocument(work: readonly Work[], metaHeadline: boolean, lead = 0): void {
  if (!tinySize(work, lead)) return;
  // A text browser's image placeholders ("[logo]") are no text: as if the line were blank.
  const open = work.filter((w) => !w.block.fixed && w.block.role === 'boilerplate' && w.boiler?.row.id !== 'image-placeholder');
  if (open.length === 0 || !open.every(tinyLine)) return;
  const headline = metaHeadline || work.some((w) => w.block.role === 'headline');
  if (!headline && open.length > 1 && titlePlaced(open[0]!)) {
    const b = open.shift()!.block;
    b.role = 'headline';
    b.kind = undefined;
    if (trace.reasons) b.reasons.push('first of a few short lines, in the title\'s place');
  }
  for (const w of open) {
    w.block.role = 'body';
    w.block.kind = undefined;
    if (trace.reasons) w.block.reasons.push('a few short lines no pattern claims, and nothing else: all the text there is');
  }
}
