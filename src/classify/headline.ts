/**
 * Stage 6b, the article's own furniture: headline, subheadline, byline, dateline, photo credits
 * and captions. The headline precedes the body; bylines and datelines sit near it; credits sit
 * next to their captions.
 */
import type { Block } from '../article.js';
import { THRESHOLDS } from '../options.js';
import { boilerplateTable, captionSentence, metaTable } from '../patterns/index.js';
import { DATE } from '../patterns/bylines.js';
import { commentCountTail } from '../patterns/comments.js';
import type { PageMeta } from '../segment/meta.js';
import { ASCII } from '../meta/title.js';
import { FULL_STOP, LEAD_IN, salutation, titlePlaced, type Span } from './revise.js';
import { hasDigit, mediaMatch, type Work } from './rules.js';
import { WORDY } from './features.js';
import { trace } from './trace.js';
/** `CHAR_CODE_AT.call(text, i)` for `text.charCodeAt(i)` in character loops: no megamorphic look-up on the text (see src/classify/features.ts). */
const CHAR_CODE_AT = String.prototype.charCodeAt;

const normTitle = (s: string): string => s.toLowerCase().replace(/[\s"'“”‘’«»]+/g, ' ').trim();

const TOKEN = /[\p{L}\p{N}]{3,}/gu;
/** TOKEN for ASCII text (lower-cased), where letters and digits are [a-z0-9]: several times faster. */
const ASCII_TOKEN = /[a-z0-9]{3,}/g;

/** The text {@link tokensOf} read last, and its words. */
let tokensText: string | null = null;
let lastTokens: readonly string[] = [];

/**
 * The lower-case words of 3+ letters or digits of a text (TOKEN). A title candidate's words are
 * asked for three or four times in a row (its overlap with the body, whether it names something,
 * its overlap with the lead): the last text's words are kept, so the callers must not change them.
 */
function tokensOf(text: string): readonly string[] {
  if (text !== tokensText) {
    const lower = text.toLowerCase();
    lastTokens = (ASCII.test(lower) ? lower.match(ASCII_TOKEN) : lower.match(TOKEN)) ?? [];
    tokensText = text;
  }
  return lastTokens;
}

/** A letter or digit beyond ASCII (TOKEN's class), by code point (see {@link wordPoint}). */
const WORD_POINT = /[\p{L}\p{N}]/u;
const wordPoints = new Map<number, boolean>();
/** Code points whose answer {@link wordPoint} keeps, at most (a Latin text holds a few dozen). */
const WORD_POINTS_KEPT = 65_536;
/** Whether code point `cp` (beyond ASCII) is a letter or a digit, remembered. */
function wordPoint(cp: number): boolean {
  let yes = wordPoints.get(cp);
  if (yes === undefined) {
    yes = WORD_POINT.test(String.fromCodePoint(cp));
    if (wordPoints.size < WORD_POINTS_KEPT) wordPoints.set(cp, yes);
  }
  return yes;
}

/** One step of the hash of a word's UTF-16 code units (FNV-1a's multiplier). */
const hashStep = (h: number, c: number): number => Math.imul(h ^ c, 16777619);
const HASH_START = -2128831035;

/**
 * The words {@link tokensOf} reads in a text, as a set that makes no string per word: each
 * different word is kept as where it first stands in the lower-cased text, in an open-addressing
 * table (linear probing, at most half full) by a hash of its code units. A body's vocabulary holds
 * thousands of words and is asked about a few dozen (the title candidates'): a `Set` of the
 * strings its matches cut out made a tenth of the text path's garbage.
 */
class TextWords {
  private readonly text: string;
  /**
   * Three numbers per slot: the word's hash, its length (0: an empty slot) and where it starts in
   * {@link text}. One array, sized for the text's words at first: each typed array's store is an
   * allocation of its own.
   */
  private slots: Int32Array;
  /** Different words. */
  size = 0;

  constructor(text: string) {
    const t = (this.text = text.toLowerCase());
    const n = t.length;
    // A word and the character after it take 4 characters at least: at most n / 4 words.
    let capacity = 16;
    while (capacity < Math.min(n / 2, MAX_FIRST_SLOTS)) capacity *= 2;
    this.slots = new Int32Array(capacity * 3);
    // Runs of letters and digits (a character beyond the BMP is one, as for TOKEN's `u` flag).
    let start = -1;
    let points = 0;
    let h = HASH_START;
    for (let i = 0; i <= n; ) {
      let width = 1;
      let word = false;
      if (i < n) {
        const u = t.charCodeAt(i);
        if (u < 128) word = (u >= 97 && u <= 122) || (u >= 48 && u <= 57);
        else {
          const cp = t.codePointAt(i)!;
          if (cp > 0xffff) width = 2;
          word = wordPoint(cp);
        }
      }
      if (word) {
        if (start < 0) {
          start = i;
          points = 0;
          h = HASH_START;
        }
        h = hashStep(h, t.charCodeAt(i));
        if (width === 2) h = hashStep(h, t.charCodeAt(i + 1));
        points++;
      } else if (start >= 0) {
        if (points >= 3) this.add(h, start, i - start);
        start = -1;
      }
      i += width;
    }
  }

  /** Whether the text holds `word` (lower case, as {@link tokensOf} gives it). */
  has(word: string): boolean {
    const length = word.length;
    let h = HASH_START;
    for (let j = 0; j < length; j++) h = hashStep(h, word.charCodeAt(j));
    const { slots, text } = this;
    const mask = slots.length / 3 - 1;
    for (let at = h & mask; slots[3 * at + 1] !== 0; at = (at + 1) & mask) {
      if (slots[3 * at] !== h || slots[3 * at + 1] !== length) continue;
      const from = slots[3 * at + 2]!;
      let j = 0;
      while (j < length && text.charCodeAt(from + j) === word.charCodeAt(j)) j++;
      if (j === length) return true;
    }
    return false;
  }

  /** Add the word text[start, start + length) of hash `h`, unless it is there. */
  private add(h: number, start: number, length: number): void {
    const { slots, text } = this;
    const mask = slots.length / 3 - 1;
    let at = h & mask;
    for (; slots[3 * at + 1] !== 0; at = (at + 1) & mask) {
      if (slots[3 * at] !== h || slots[3 * at + 1] !== length) continue;
      const from = slots[3 * at + 2]!;
      let j = 0;
      while (j < length && text.charCodeAt(from + j) === text.charCodeAt(start + j)) j++;
      if (j === length) return;
    }
    slots[3 * at] = h;
    slots[3 * at + 1] = length;
    slots[3 * at + 2] = start;
    if (++this.size * 6 > slots.length) this.grow();
  }

  /** Twice the slots, the words placed again. */
  private grow(): void {
    const old = this.slots;
    const slots = (this.slots = new Int32Array(old.length * 2));
    const mask = slots.length / 3 - 1;
    for (let k = 0; k < old.length; k += 3) {
      if (old[k + 1] === 0) continue;
      let at = old[k]! & mask;
      while (slots[3 * at + 1] !== 0) at = (at + 1) & mask;
      slots[3 * at] = old[k]!;
      slots[3 * at + 1] = old[k + 1]!;
      slots[3 * at + 2] = old[k + 2]!;
    }
  }
}
/** Slots a {@link TextWords} table starts with, at most: a long text's words are fewer than a quarter of its characters. */
const MAX_FIRST_SLOTS = 4096;

/** Two names each followed by a score of up to three digits, the line ending in the second. */
const RESULT_LINE = /\p{L}\s+\(?\d{1,3}\)?\b.*\p{L}\s+\(?\d{1,3}\)?$/u;

/** A line that holds a full date (with its year) anywhere. */
export const DATED = new RegExp(`\\b${DATE}\\b`, 'iu');
/** A line that ends with a date after a comma (a wire photo's caption). */
const CAPTION_DATED = new RegExp(`,\\s*${DATE}$`, 'iu');

/**
 * The caption before a credit glued to it, without a second credit it still ends with ("… Фото: A
 * Photo: B") nor a label before its sentence (`captionSentence`): read again as a line, the caption
 * must not give up one more credit or its label (the text output fed back in reads the same).
 */
function captionBefore(text: string): string {
  let caption = text;
  for (let k = 0; k < 3 && caption !== ''; k++) {
    const again = mediaMatch(caption);
    if (again === null || again.row.kind !== 'photoCredit' || again.match.index === 0) break;
    caption = caption.slice(0, again.match.index).trim();
  }
  return captionSentence(caption);
}

/**
 * Where someone stands in the photo, or that it is one ("Nicolas Sarkozy (L) shakes hands with …",
 * "Salman with Katrina (TOI Photo)", "… (2nd R)", "(file photo)"): a caption's words, never a
 * title's. A space stands before it: "Magellan(R)" is a trademark.
 */
const PHOTO_POSITION = /\s\((?:(?:\d(?:st|nd|rd|th)\s+|second\s+|third\s+)?(?:from\s+)?(?:L|R|C|left|right|cent(?:re|er)|top|bottom|front|rear|back|above|below|pictured)|[^()]{0,20}\b(?:photo|pic|file\s+photo))\)/iu;

/**
 * The heading of a figures box beside a match report ("San Jose State-Nevada statistics", "K.J.
 * Choi's Final Stats"): the line ends in one of these words. (Suffix tests, not a regex: every
 * title candidate takes it, and a regex's first run compiles it, ~0.1 ms of a start.)
 */
const STATS_WORDS = ['stats', 'statistics', 'box score', 'boxscore', 'scorecard'];
function statsBox(text: string): boolean {
  const l = text.toLowerCase();
  return STATS_WORDS.some((w) => l.endsWith(w) && (l.length === w.length || !WORDY.test(l[l.length - w.length - 1]!)));
}

/** "Label: Name" ("Director : Anurag Kashyap", "Artist: Cohl, Dusty"). */
const FIELD_ROW = /^\p{Lu}\p{L}+\s?:\s+(\p{Lu}\p{L}*,?(?:\s+\p{Lu}[\p{L}.]*){0,2})$/u;

/**
 * A field of an info box: one label word, a colon and a name of up to three capitalised words,
 * none a stopword.
 */
function fieldRow(text: string, stopwords: Set<string> | null): boolean {
  // The colon first: most lines have none, and the regex is then never compiled (~0.5 ms of a start).
  if (!text.includes(':')) return false;
  const m = FIELD_ROW.exec(text);
  if (m === null) return false;
  return !m[1]!.toLowerCase().split(/[\s,]+/u).some((t) => stopwords?.has(t));
}

/** The line is one phrase of two words or more, twice over. */
export function doubled(text: string): boolean {
  const t = text.split(' ');
  if (t.length < 4 || t.length % 2 !== 0) return false;
  const h = t.length / 2;
  return t.slice(0, h).join(' ').toLowerCase() === t.slice(h).join(' ').toLowerCase();
}

/** Ends in three dots, maybe inside closing quotes or brackets. */
const ELLIPSIS = /\.\.\.["'”’»)\]]*$/u;


/**
 * Lower-case words of 3+ letters of the body (`body`: a headline is written in the body's
 * vocabulary) and of its lead, its first `THRESHOLDS.headlineLeadBlocks` paragraphs (`lead`: a
 * news lead restates its headline). One pass: each line of the span is read into words once.
 */
function vocabularies(work: readonly Work[], span: Span | null): { body: TextWords; lead: Set<string> } {
  const lead = new Set<string>();
  if (span === null) return { body: new TextWords(''), lead };
  // The body's words are those of its lines joined by line breaks, read in one pass: a line break
  // parts words as a line's ends do, and lower-cases nothing differently (a final sigma, the one
  // letter lower-cased by its context, reads its line's end alike).
  const texts: string[] = [];
  let taken = 0;
  for (let i = span.start; i <= span.end; i++) {
    const b = work[i]!.block;
    texts.push(b.text);
    if (taken < THRESHOLDS.headlineLeadBlocks && b.role === 'body') {
      taken++;
      for (const t of tokensOf(b.text)) lead.add(t);
    }
  }
  return { body: new TextWords(texts.join('\n')), lead };
}

/**
 * How much of the line's content words (3+ letters, not stopwords) the body uses too. A share
 * from one word is weak evidence ("World", "Feed" occur in many bodies): the share is scaled down
 * until two words are found.
 */
function overlap(text: string, vocab: { has(word: string): boolean }, stopwords: Set<string> | null): number {
  let n = 0;
  let hit = 0;
  for (const t of tokensOf(text)) {
    if (stopwords?.has(t)) continue;
    n++;
    if (vocab.has(t)) hit++;
  }
  // A line of stopwords alone (a long stoplist holds content words too) is judged by all its words.
  if (n === 0 && stopwords !== null) return overlap(text, vocab, null);
  return n === 0 ? 0 : (hit / n) * Math.min(1, hit / 2);
}

/** Whether the line names something: a word of 3+ letters that is not a stopword, or three different words. */
function hasContentWord(text: string, stopwords: Set<string>): boolean {
  const tokens = tokensOf(text);
  for (const t of tokens) if (!stopwords.has(t)) return true;
  // A long stoplist (stopwords-iso's English has some 1,300 words, "opens", "cases" and
  // "microsoft" among them) can leave a real title ("EU opens new cases against Microsoft") with
  // none: three different words name something all the same; "the the the ?" does not.
  return new Set(tokens).size >= 3;
}

/**
 * A news lead's place line: the city in capitals, perhaps its state or country and the agency,
 * then a dash ("LONDON — ", "BEVERLY HILLS, Calif. (AP) - ", "BOISBRIAND, Quebec -- ").
 */
const PLACE_LEAD = /^\p{Lu}[\p{Lu}.'’-]{2,}(?:[ ,]+\p{Lu}[\p{L}.'’-]*){0,4}(?:\s*\([^)]{1,40}\))?\s*(?:—|–|--?)\s/u;

/** Two words of two letters or more: what is left names something. */
const twoWords = (text: string): boolean => (text.match(/\p{L}{2,}/gu)?.length ?? 0) >= 2;

/** The most trailing words a title's glued tool row ("Save Email Print", "| Print | E-mail") has. */
const TOOL_TAIL_WORDS = 8;

/**
 * A title glued to the article's tool row by the scraper ("Title Save Email Print", innerText
 * joining cells with a tab): the title without the row, or null when the line does not end in one.
 * The tail must be what the boilerplate table reads as a share/tool row on its own, hold two tool
 * words at least (one trailing "Share" or "Like" may be the title's own word), and leave a title
 * of three words or more; a line ending in a full stop is a sentence, not a title and its tools.
 */
export function toolTail(text: string): { title: string; tail: string } | null {
  // A tool row ends in no full stop: "You must be logged in to post a comment." is a sentence.
  if (FULL_STOP.test(text)) return null;
  // The tail is a stretch of the line: a line that holds no share row's literal has none (most
  // title candidates), and its up to seven tails are not matched one by one.
  if (!boilerplateTable.mayHold(text, 'share')) return null;
  const tokens = text.split(' ');
  let cut = -1;
  for (let k = 2; k <= Math.min(TOOL_TAIL_WORDS, tokens.length - 3); k++) {
    const tail = tokens.slice(tokens.length - k).join(' ');
    const hit = boilerplateTable.match(tail);
    if (hit?.row.kind !== 'share') continue;
    if (twoWords(tail)) cut = k;
  }
  if (cut < 0) return null;
  const title = tokens.slice(0, tokens.length - cut).join(' ').replace(/[\s|·•:–—-]+$/u, '');
  if (title.split(' ').length < 3 || boilerplateTable.match(title) !== null) return null;
  return { title, tail: tokens.slice(tokens.length - cut).join(' ') };
}

/**
 * What a text-mode browser leaves around a title from the cells beside it: image alt texts and
 * form widgets in brackets ("[advertisement_]", "[ ]", "[digg_] [email]"), bullets, an ad label
 * between stars ("* * * advertisement *"). At the end of the line any of them; at its start an
 * alt text that names a file or slot (an underscore or digit in it, or empty) or is followed by a
 * bullet ("[star] It's not …" is kept whole, "[d_unkle166] * Home woes for Flyers" is cut).
 */
const RESIDUE_TAIL = /(?:\s*(?:\[[^[\]]{0,40}\]|[*●•▪■]|\(\s?\)))+$|(?:\s+\*){2,}\s+\p{L}+(?:\s\p{L}+){0,2}\s\*$/u;
const RESIDUE_HEAD = /^(?:\[[^[\]\s]*[_\d][^[\]\s]*\]\s*|\[\s?\]\s*|\[[^[\]]{0,40}\]\s*[*●•▪■]\s*|[*●•▪■]\s+)+/u;

/** The longest line {@link residueCut} reads: a title is shorter, and the tail regex is quadratic on a line of brackets. */
const RESIDUE_MAX_LENGTH = 300;

/** The title without the widget residue at its edges, or null when there is none to cut. */
export function residueCut(text: string): { title: string; tail: string } | null {
  if (text.length > RESIDUE_MAX_LENGTH || (!text.includes('[') && !/[*●•▪■]/u.test(text))) return null;
  const title = text.replace(RESIDUE_TAIL, '').replace(RESIDUE_HEAD, '').trim();
  if (title === text || !twoWords(title)) return null;
  return { title, tail: text.replace(title, '…') };
}

/**
 * A title glued to what stands beside it, judged as the title alone: its tool row or a text
 * browser's widget residue (on a line the boilerplate table leaves alone or reads as navigation or
 * tools), or its comment count (a line it reads as a comment heading), else null.
 */
function titleCut(w: Work): { title: string; tail: string } | null {
  const kind = w.boiler?.row.kind;
  if (kind === undefined || kind === 'navigation' || kind === 'share') return toolTail(w.block.text) ?? residueCut(w.block.text) ?? commentCountTail(w.block.text) ?? gluedMeta(w.block.text);
  return kind === 'comments' ? commentCountTail(w.block.text) : null;
}

/**
 * Where a text node ends and the next begins with no space between (a minified page's text nodes
 * joined as they stand: "…Tenzing Airport15 Jan, 2008", "December 31, 2007Camilla's…"): a small
 * letter, a figure or closing punctuation, then at once a capital; or a small letter or closing
 * punctuation, then at once a figure (not a figure's next figure, "06:55", nor a decimal's, "2.5").
 */
export const NODE_GLUE = /(?<=[\p{Ll}\d.!?)’'"])(?=\p{Lu})|(?<=[\p{Ll})’'"])(?=\d)/gu;
/**
 * Whether the line may hold a {@link NODE_GLUE} point: false for an ASCII line without one (read
 * character by character: most window lines are ASCII and glue nothing, and the Unicode regex
 * cost each of them more), true for any other line.
 */
export function mayBeGlued(text: string): boolean {
  let prev = 32;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = CHAR_CODE_AT.call(text, i);
    if (c >= 128) return true;
    const small = prev >= 97 && prev <= 122;
    const closing = prev === 41 /* ) */ || prev === 39 /* ' */ || prev === 34; /* " */
    // A capital after a small letter, a figure, a stop or closing punctuation; a figure after a
    // small letter or closing punctuation.
    if (c >= 65 && c <= 90 && (small || closing || (prev >= 48 && prev <= 57) || prev === 46 || prev === 33 || prev === 63)) return true;
    if (c >= 48 && c <= 57 && (small || closing)) return true;
    prev = c;
  }
  return false;
}

/** Glue points looked at, at most, in a line: a title is a few words. */
const NODE_GLUE_MAX = 8;
/** The longest line {@link gluedMeta} reads. */
const GLUED_META_MAX_LENGTH = 300;

/**
 * A title glued to its date line or byline with no space between (a minified page's text nodes
 * joined as they stand: "Jewell close to striker move17:20, Jan 1 2008", "December 31,
 * 2007Camilla's 'cursed' cruise ship is struck…"): the title alone, when the other side of a glue
 * point is a line the meta table reads as a date line or byline and the title holds three words.
 */
function gluedMeta(text: string): { title: string; tail: string } | null {
  if (text.length > GLUED_META_MAX_LENGTH || !mayBeGlued(text)) return null;
  let seen = 0;
  for (const m of text.matchAll(NODE_GLUE)) {
    if (++seen > NODE_GLUE_MAX) break;
    const head = text.slice(0, m.index).trim();
    const tail = text.slice(m.index).trim();
    if (head.split(' ').length >= 3 && metaTable.match(tail) !== null) return { title: head, tail };
    if (tail.split(' ').length >= 3 && metaTable.match(head) !== null) return { title: tail, tail: head };
  }
  return null;
}

/**
 * `distance` counts the lines between the candidate and the body; `rivals` only those of them
 * that could be the title themselves (a row of share buttons, dates or captions between the title
 * and the body does not push the title away). `bodyOverlap` gives the line's {@link overlap} with
 * the body's vocabulary (asked only of a line that can be the title), null without a body;
 * `proseLevel` is the body span's threshold (the recall setting's when only the fallbacks found a
 * body).
 */
function headlineScore(w: Work, distance: number, rivals: number, meta: PageMeta | null, bodyOverlap: (() => number) | null, lead: Set<string>, stopwords: Set<string> | null, proseLevel: number): number {
  const f = w.f;
  const b = w.block;
  if (w.boiler !== null || w.fill !== undefined || w.media !== null || w.meta !== null) return -Infinity;
  // A sentence that reads as body prose is no headline: at the top of the text output (headline
  // first) it would read as the body's first paragraph.
  if (FULL_STOP.test(b.text) && w.score >= proseLevel) return -Infinity;
  // Out of the main container only an h1 or a line right above the body can be the headline
  // (pages often put the title beside the story's container, not in it), and not under furniture
  // hints.
  if (b.dom?.inMain === false && b.dom.tag !== 'h1' && (rivals > THRESHOLDS.headlineOutsideReach || b.kind !== 'other')) return -Infinity;
  if (f.words < 2 || f.length > 300 || f.letterRatio < 0.5 || f.bullet) return -Infinity;
  // A letter's salutation ("Dear readers,") opens the letter under the title, it names nothing.
  if (salutation(w)) return -Infinity;
  // A headline names something: a line of stopwords alone ("the the the ?") is none.
  if (stopwords !== null && stopwords.size > 0 && !hasContentWord(b.text, stopwords)) return -Infinity;
  let s = 2;
  if (bodyOverlap !== null) s += 2 * bodyOverlap() + overlap(b.text, lead, stopwords) - 1;
  // A label row or a breadcrumb ("Home > News > Sport", "Section »"): separators, or a trailing one.
  if (/[:|>»›]$|[|»›]|\s[>/]\s/u.test(b.text)) s -= 1.5;
  // A standfirst (the summary sentence under the headline) reads like prose: long, stopword-rich.
  if (f.words >= 12 && w.score >= 2) s -= 1;
  // A line that holds a date ("Premier League Friday, Jan 11, 2008", "12/01/2008 Sport") is a date
  // line or a section label with the page's date; a title carries no date.
  // (Both regexes, and RESULT_LINE's below, need a digit: most titles have none, and a line without
  // one skips them, so they are not even compiled, ~0.6 ms of a start.)
  const digit = hasDigit(b.text);
  if (digit && (/^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/u.test(b.text) || DATED.test(b.text))) s -= 1.5;
  if (f.allCaps) s -= 1;
  // An info-box field ("Director : Anurag Kashyap") names a person, not the story.
  if (fieldRow(b.text, stopwords)) s -= 1.5;
  // One phrase written twice ("ad link ad link", "Next » Next »") is a widget the scraper read twice.
  if (doubled(b.text)) s -= 3;
  // A results line ("Doncaster Rovers 1 Carlisle United 0", "No. 14 Boston College 24, Michigan
  // State 21") heads a match report's score box; the report's title is a phrase.
  if (digit && RESULT_LINE.test(b.text)) s -= 2;
  // A line that ends in a parenthesis ("… (Pic: PA)", "By … (Contact)", "(Source: …)") is a caption,
  // credit or byline more often than a title.
  if (/\([^()]*\)$/u.test(b.text)) s -= 1;
  if (b.text.includes('(') && PHOTO_POSITION.test(b.text)) s -= 2;
  if (statsBox(b.text)) s -= 2.5;
  // A title is set apart from what stands above it by a blank line; a label or caption in a run of
  // furniture lines is not.
  if (b.gapBefore > 0) s += 0.5;
  if (f.words >= 4 && f.words <= 20) s += 1;
  else if (f.words <= 2) s -= 1;
  else if (f.words > 30) s -= 3;
  else if (f.words > 20) s -= 1.5;
  // A trailing ellipsis ("From our writers' mail bags...") trails off; it ends no sentence.
  if (FULL_STOP.test(b.text) && !ELLIPSIS.test(b.text)) s -= 1.5;
  if (f.sentences >= 2) s -= 1;
  // A heading of the markup, or of Markdown text.
  if (b.dom?.tag === 'h1' || b.heading === 1) s += 3;
  else if ((b.dom && /^h[2-3]$/.test(b.dom.tag)) || b.heading === 2 || b.heading === 3) s += 1;
  if (meta?.headline && normTitle(meta.headline) === normTitle(b.text)) s += 5;
  s -= THRESHOLDS.headlineDistanceCost * rivals;
  return s;
}


/**
 * A person's name alone, or where the reporter was: "Mahalakshmi Hariharan", "Jane Q. Doe", "Paul
 * Wilson at Villa Park".
 */
const NAME_ONLY = /^\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}\.)? \p{Lu}[\p{Ll}'’-]+(?: (?:at|in) \p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){0,2})?$/u;

/**
 * A name alone right above a date line is the article's byline without its "By": a title of two
 * words names no person. A line no pattern or markup claims, and not the first of the page.
 */
function nameAboveDate(work: readonly Work[], i: number): boolean {
  const w = work[i]!;
  return i > 0 && work[i + 1]?.meta?.row.kind === 'dateline' && NAME_ONLY.test(w.block.text) && plainLine(w);
}

/** The labels of a summary box under the headline ("Story Highlights", "Key points"), lower case, without a colon. */
const SUMMARY_LABELS = new Set(['story highlights', 'highlights', 'key points', 'key facts', 'at a glance', 'in brief', 'summary', 'what you need to know', 'tl;dr', 'tldr']);
function summaryLabel(text: string): boolean {
  const l = text.toLowerCase();
  return SUMMARY_LABELS.has(l.endsWith(':') ? l.slice(0, -1).trimEnd() : l);
}

/** How many lines above the title's place a summary box may start. */
const SUMMARY_REACH = 10;

/**
 * Where a summary box starts above `first` (the title's place), or `first + 1`: its label, and the
 * points of four words or more below it, sum the story up under the headline; none of them is the
 * title. (The label alone, over a one-word link, is a menu item.)
 */
function summaryBox(work: readonly Work[], first: number): number {
  for (let i = first - 1; i >= Math.max(0, first - SUMMARY_REACH); i--) {
    const w = work[i]!;
    if (w.f.words <= 5 && work[i + 1]!.f.words >= 4 && summaryLabel(w.block.text)) return i;
  }
  return first + 1;
}

/** A line no pattern or markup claims. */
function plainLine(w: Work): boolean {
  return !w.block.fixed && w.boiler === null && w.fill === undefined && w.media === null && w.meta === null && w.f.words >= 1;
}

/** Whether line `i` is the body's one paragraph. */
function onlyBody(work: readonly Work[], i: number): boolean {
  return work[i]!.block.role === 'body' && !work.some((x, j) => j !== i && x.block.role === 'body');
}

/**
 * Whether a byline or date line follows the line within `THRESHOLDS.headlineMetaReach` lines: a
 * headline is followed by its deck, byline or dateline, then the body. (A date in the page header
 * says nothing about the lines below it.)
 */
function metaFollows(work: readonly Work[], i: number): boolean {
  for (let k = i + 1; k <= Math.min(work.length - 1, i + THRESHOLDS.headlineMetaReach); k++) if (work[k]!.meta !== null) return true;
  return false;
}

/**
 * Whether the next line that could be a title, within two lines below, is a deck: a sentence-long
 * line (`THRESHOLDS.deckMinWords`) half as long again as this one (the bonus asks more than
 * `deckBelow`: at `THRESHOLDS.deckRatio` it took one `l3s-gn1` title too many). A headline (of 3 words or more)
 * is followed by its longer deck or standfirst; a section label stands above a headline, which is
 * shorter than a deck.
 */
function deckFollows(work: readonly Work[], i: number, candidates: ReadonlySet<number>, words: number): boolean {
  if (words < 3) return false;
  for (let k = i + 1; k <= i + 2; k++) {
    if (!candidates.has(k)) continue;
    const n = work[k]!.f.words;
    return n >= THRESHOLDS.deckMinWords && n >= 1.5 * words;
  }
  return false;
}

/**
 * Two different lines that open with the same three words or more, half their words at least
 * ("World Superbike: Phillip Island Test Day 1" / "… Day 2"): items of one series or list.
 */
function siblings(a: string, b: string): boolean {
  if (a === b) return false;
  const x = a.toLowerCase().split(' ');
  const y = b.toLowerCase().split(' ');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n >= 3 && n >= Math.max(x.length, y.length) / 2;
}

/** The body overlap a line right above its deck needs to be lifted by the topmost rule. */
const DECK_TOPMOST_OVERLAP = 0.1;

/**
 * Whether the candidate `lower` is the deck of the candidate `upper`: within
 * `THRESHOLDS.headlineMetaReach` lines below it with no other candidate between (a date or
 * byline line may stand there), a sentence-long line (`THRESHOLDS.deckMinWords`) longer by
 * `THRESHOLDS.deckRatio` than a line of three words or more.
 */
function deckBelow(work: readonly Work[], scored: ReadonlyArray<{ i: number }>, upper: number, lower: number): boolean {
  if (lower - upper > THRESHOLDS.headlineMetaReach || scored.some((o) => o.i > upper && o.i < lower)) return false;
  const up = work[upper]!.f.words;
  const low = work[lower]!.f.words;
  return up >= 3 && low >= THRESHOLDS.deckMinWords && low >= THRESHOLDS.deckRatio * up;
}

function take(b: Block, role: Block['role'], reason: string): void {
  b.role = role;
  b.kind = undefined;
  if (trace.reasons) b.reasons.push(reason);
}

/** Choose headline, subheadline, byline and dateline around the body's start; label credits and captions. */
export function assignMeta(work: Work[], span: Span | null, meta: PageMeta | null, stopwords: Set<string> | null, proseLevel: number, opening = 0): void {
  const bodyStart = span?.start ?? work.length;
  const fixedHeadline = work.some((w) => w.block.fixed && w.block.role === 'headline');

  // Headline: the best title-like block shortly before the body (or the body's first line).
  let headline = -1;
  if (!fixedHeadline) {
    let best = 1.5;
    const scored: Array<{ i: number; s: number; overlap: number }> = [];
    let distance = 0;
    let rivals = 0;
    // The lines below that could be the title (the loop runs upwards).
    const candidates = new Set<number>();
    const from = Math.max(0, bodyStart - THRESHOLDS.headlineWindow);
    // The headline stands before the body span: a line the span search took as prose is body.
    // A markup container is chosen by structure, not prose, so its first block may be the title,
    // when it does not read as a sentence.
    const lead = work[bodyStart];
    let first = span !== null && span.end > span.start && lead?.block.dom !== undefined && !FULL_STOP.test(lead.block.text) && lead.f.words <= 20 ? bodyStart : bodyStart - 1;
    // The span may open with what stands above the title (a caption, a breadcrumb): a title-like
    // line among its first lines that a byline or date line follows directly is where the article
    // starts, so the title is looked for from there.
    if (span !== null) {
      for (let k = bodyStart; k < Math.min(span.end - 1, bodyStart + THRESHOLDS.headlineInSpan); k++) {
        const w = work[k]!;
        if (work[k + 1]!.meta !== null && !FULL_STOP.test(w.block.text) && w.f.words <= 20 && w.meta === null) {
          first = Math.max(first, k);
          break;
        }
      }
    }
    // The body's words are those after the title's place.
    const bodyAfter = span !== null && first >= span.start ? { start: first + 1, end: span.end } : span;
    const { body: vocab, lead: leadVocab } = vocabularies(work, bodyAfter);
    const cuts = new Map<number, { title: string; tail: string }>();
    const summary = summaryBox(work, first);
    for (let i = Math.min(first, work.length - 1); i >= from; i--) {
      let w = work[i]!;
      if (w.block.fixed || i >= summary) continue;
      // A title glued to its tool row is judged as the title alone.
      const cut = w.meta === null && w.media === null ? titleCut(w) : null;
      if (cut !== null) {
        cuts.set(i, cut);
        const words = cut.title.split(' ').length;
        w = { ...w, block: { ...w.block, text: cut.title }, boiler: null, f: { ...w.f, words, length: cut.title.length } };
      }
      // The line's overlap with the body, worked out only for a line that can be the title (most
      // of the window's lines are furniture, sentences or too short, and headlineScore turns them
      // down first).
      let bodyOverlap: number | undefined;
      const text = w.block.text;
      const overlapOf = (): number => (bodyOverlap ??= overlap(text, vocab, stopwords));
      let s = nameAboveDate(work, i) ? -Infinity : headlineScore(w, distance, rivals, meta, vocab.size > 0 ? overlapOf : null, leadVocab, stopwords, proseLevel);
      if (metaFollows(work, i)) s += THRESHOLDS.headlineMetaBonus;
      if (s > -Infinity && deckFollows(work, i, candidates, w.f.words)) s += THRESHOLDS.headlineDeckBonus;
      if (s > best) {
        best = s;
        headline = i;
      }
      if (s > -Infinity) {
        scored.push({ i, s, overlap: vocab.size > 0 ? overlapOf() : 0 });
        candidates.add(i);
        rivals++;
      }
      distance++;
    }
    // Headline above its deck, caption or byline: among the close contenders written in the body's
    // words, the topmost is the headline; not the previous item of a series the headline belongs to.
    const { margin, deckMargin, minOverlap } = THRESHOLDS.headlineTopmost;
    for (const c of scored) {
      if (headline < 0 || c.i >= headline || siblings(work[c.i]!.block.text, work[headline]!.block.text)) continue;
      // A short headline is written in fewer of the body's words than its deck: right above its
      // deck, a few of them will do. The deck, nearer the body, gains more from the body's words:
      // a headline above a deck written as a sentence (not in title case) may score lower, when it
      // is no label whose every word is capitalised ("The Washington Post", "From The Times").
      const deck = deckBelow(work, scored, c.i, headline);
      const sentenceDeck = deck && work[headline]!.f.titleRatio < 0.5 && work[c.i]!.f.titleRatio < 1;
      if (c.s >= best - (sentenceDeck ? deckMargin : margin) && c.overlap >= (deck ? DECK_TOPMOST_OVERLAP : minOverlap)) headline = c.i;
    }
    if (headline >= 0) {
      const b = work[headline]!.block;
      take(b, 'headline', 'title-like line just before the body');
      const cut = cuts.get(headline);
      if (cut !== undefined) {
        b.text = cut.title;
        if (trace.reasons) b.reasons.push(`"${cut.tail}" beside it cut from the title`);
      }
    } else if (!meta?.headline && span !== null) {
      // No title-like line: the line in the title's place is the title (the same rule as for the
      // body span, see `titlePlaced`), so the text output, headline first, reads back the same.
      // That is the document's first line when it comes before the body, else the article's own
      // first line when body follows it.
      // (The document's first line after a photo's credit or caption that opens it, see label.)
      const top = work[opening]!;
      const first = work[span.start]!;
      const more = work.slice(span.start + 1, span.end + 1).some((w) => w.block.role === 'body');
      if (span.start > opening && work.length > opening + 1 && titlePlaced(top) && plainLine(top)) {
        take(top.block, 'headline', 'first line of the document, in the title\'s place');
        headline = opening;
      } else if (more && first.block.role === 'body' && titlePlaced(first) && plainLine(first)) {
        take(first.block, 'headline', 'first line of the article, not a sentence, no headline above it');
        headline = span.start;
      }
    }
  } else {
    headline = work.findIndex((w) => w.block.fixed && w.block.role === 'headline');
  }

  // Byline and dateline near the top of the article; subheadline between headline and body.
  const top = headline >= 0 ? headline : Math.max(0, bodyStart - 3);
  // …up to the first few lines of body text (a markup container may open with title, caption, share row).
  let firstBody = bodyStart;
  while (firstBody < work.length - 1 && firstBody < bodyStart + THRESHOLDS.headlineWindow && work[firstBody]!.block.role !== 'body') firstBody++;
  const limit = Math.min(work.length - 1, firstBody + 4);
  let byline = work.some((w) => w.block.fixed && w.block.role === 'byline');
  let dateline = work.some((w) => w.block.fixed && w.block.role === 'dateline');
  let subheadline = work.some((w) => w.block.fixed && w.block.role === 'subheadline');
  for (let i = Math.max(0, top - 2); i <= limit; i++) {
    const w = work[i]!;
    const b = w.block;
    // A line the revision gave to a box (a teaser's date, a line of an appeal) is the box's.
    if (b.fixed || i === headline || w.fill !== undefined) continue;
    if (w.meta === null) {
      if (!byline && i > headline && i < firstBody && nameAboveDate(work, i)) {
        take(b, 'byline', 'a name alone above the date line');
        byline = true;
      }
      continue;
    }
    // A byline-shaped line that is the body's only paragraph stays the body: read back from the
    // text output (no byline in it), it is all the article has (fuzz, text-stable at seed 20261906).
    if (w.meta.row.kind === 'byline' && !byline && !onlyBody(work, i)) {
      take(b, 'byline', `pattern ${w.meta.row.id}`);
      byline = true;
      // The post's comment count beside its byline is no part of it.
      const counted = commentCountTail(b.text);
      if (counted !== null) {
        b.text = counted.title;
        if (trace.reasons) b.reasons.push(`"${counted.tail}" beside it cut from the byline`);
      }
    } else if (w.meta.row.kind === 'dateline') {
      if (!dateline) {
        take(b, 'dateline', `pattern ${w.meta.row.id}`);
        dateline = true;
      } else if (b.role === 'body') {
        // A second date at the top of the article (the page's date was taken first) is still
        // metadata, never a body paragraph.
        take(b, 'boilerplate', `pattern ${w.meta.row.id}: a second date line`);
        b.kind = 'other';
      }
    }
  }
  // The article's lead opens with the place it was filed from ("CAIRO — President…", "CALGARY,
  // Alberta (AP) - Six people…"): between the headline and the body (a photo or a box stood
  // between them), it is the body's first paragraph, never a deck.
  if (headline >= 0) {
    for (let i = headline + 1; i < bodyStart; i++) {
      const w = work[i]!;
      const b = w.block;
      if (b.fixed || b.role !== 'boilerplate' || b.kind !== 'other' || w.media !== null || w.meta !== null) continue;
      if (w.f.words >= THRESHOLDS.leadMinWords && w.f.endsSentence && PLACE_LEAD.test(b.text)) {
        take(b, 'body', 'the article\'s lead: it opens with the place it was filed from');
        break;
      }
    }
  }
  if (headline >= 0 && !subheadline) {
    for (let i = headline + 1; i < bodyStart; i++) {
      const w = work[i]!;
      const b = w.block;
      if (b.fixed || b.role !== 'boilerplate' || b.kind !== 'other' || w.media !== null || w.meta !== null) continue;
      if (w.f.words >= 6 && w.f.words <= 60 && w.f.letterRatio >= 0.7 && !w.f.bullet) {
        // A wire photo's caption ends with the day it was taken, after a comma and no full stop
        // ("Donald Tusk waves flowers after he won the confidence vote…, 24 Nov 2007"); a deck
        // does not.
        if (!w.f.endsSentence && hasDigit(b.text) && CAPTION_DATED.test(b.text)) {
          take(b, 'caption', 'a photo\'s caption: it ends with the day, after a comma');
          continue;
        }
        take(b, 'subheadline', 'sentence between the headline and the body');
        subheadline = true;
        break;
      }
    }
  }

  // Credits and captions, wherever they are.
  for (let i = 0; i < work.length; i++) {
    const w = work[i]!;
    const b = w.block;
    if (b.fixed || w.media === null || i === headline) continue;
    if (b.role === 'boilerplate' && b.kind !== 'other') continue;
    const m = w.media.match;
    const captured = (m[1] ?? m[2] ?? '').trim();
    if (w.media.row.kind === 'caption') {
      take(b, 'caption', `pattern ${w.media.row.id}`);
      b.caption = captured || b.text;
      continue;
    }
    const before = captionBefore(b.text.slice(0, m.index).trim());
    take(b, 'photoCredit', `pattern ${w.media.row.id}`);
    if (captured === '' && i + 1 < work.length && w.media.row.id === 'credit-dots') {
      // "Credit..." alone: the name is the next line.
      const next = work[i + 1]!.block;
      b.credit = next.text;
      take(next, 'photoCredit', 'the name after a "Credit..." line');
      next.credit = next.text;
      i++;
      continue;
    }
    b.credit = w.media.row.id === 'name-slash-agency' || w.media.row.id === 'agency-only' ? b.text : captured || b.text;
    // A credit glued before its caption (the one row not anchored at the line's end): the caption is the rest of the line.
    const after = b.text.slice(m.index + m[0].length).trim();
    if (before !== '' || after !== '') {
      b.role = 'caption';
      b.caption = before !== '' ? before : after;
      if (trace.reasons) b.reasons.push('caption glued to its credit');
    }
  }
  // A short line right before a whole-line credit is its caption.
  for (let i = 1; i < work.length; i++) {
    const b = work[i]!.block;
    const prev = work[i - 1]!;
    if (b.role !== 'photoCredit' || prev.block.fixed || prev.block.role === 'headline') continue;
    if (prev.block.role === 'byline' || prev.block.role === 'dateline' || prev.block.role === 'subheadline') continue;
    // A photo's caption and credit stand in one container: a paragraph of the article is no caption
    // of a "Photos: …" link outside it.
    if (b.dom?.inMain !== undefined && prev.block.dom?.inMain !== b.dom.inMain) continue;
    // A photo has one caption: when the line after the credit is its caption, the line before is text.
    if (work[i + 1]?.block.role === 'caption') continue;
    if (prev.boiler !== null || prev.fill !== undefined || prev.block.role === 'photoCredit' || prev.block.role === 'caption') continue;
    // A sentence that goes on from a body paragraph above it is the article's last (or next) line, the
    // photo's credit under the image after it ("Apple did not immediately return a request for comment.").
    if (prev.block.role === 'body' && prev.f.endsSentence && bodyAbove(work, i - 1)) continue;
    // A line that announces what follows ("Such as stock quotes:") introduces the image, it is no caption.
    if (LEAD_IN.test(prev.block.text)) continue;
    if (prev.f.words >= 3 && prev.f.words <= 50 && prev.f.sentences <= 2 && b.gapBefore <= 1) {
      take(prev.block, 'caption', 'line before a photo credit');
      prev.block.caption = prev.block.text;
    }
  }
}

/** Lines above a caption candidate within which a body paragraph makes it the article's. */
const CAPTION_BODY_REACH = 3;

/** A body paragraph within `CAPTION_BODY_REACH` lines above `at`. */
function bodyAbove(work: readonly Work[], at: number): boolean {
  for (let j = at - 1; j >= Math.max(0, at - CAPTION_BODY_REACH); j--) if (work[j]!.block.role === 'body') return true;
  return false;
}
