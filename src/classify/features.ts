/**
 * Stage 5a, features: what a block looks like on its own, language-independent where possible.
 */
import type { Block } from '../article.js';
import type { LanguageInfo } from './language.js';
/**
 * String.prototype's code unit and code point readers, for the loops that read texts character
 * by character: `CHAR_CODE_AT.call(text, i)` for `text.charCodeAt(i)`.
 *
 * `text.charCodeAt(i)` first looks `charCodeAt` up on `text`. The texts of a document's lines and
 * blocks come in many string representations (flat or cut from the page or the document, one or
 * two bytes per character, made by a concatenation, internalized); past four of them V8's inline
 * cache for that look-up gives up (megamorphic: `node --log-ic` showed it for this file's loops,
 * the line layout, the headline search...), and optimized code then looks the method up in a
 * global cache at every character. Called through the method itself there is no look-up on the
 * text: this file's loop alone read so took the text path 8% fewer instructions. Each module that
 * reads so declares the two constants itself: imported from one module, or wrapped in a
 * function, they made the loops slower than the look-up did (a call V8 no longer inlines). A loop
 * over the one string its function made (a lower-cased copy, a join: TextWords, the language
 * detector's trigrams) keeps `text.charCodeAt(i)`: that look-up stays monomorphic and V8 inlines
 * the call, cheaper than through `.call` (measured: text path 0.4% fewer instructions so).
 */
const CHAR_CODE_AT = String.prototype.charCodeAt;
const CODE_POINT_AT = String.prototype.codePointAt;

export interface Features {
  /** Length in characters, with characters of spaceless scripts counted ×3 (a CJK character carries about a word). */
  length: number;
  /** Word tokens (for spaceless scripts: characters / 2). */
  words: number;
  /** Share of word tokens that are stopwords, or NaN when the language gives none. */
  stopRatio: number;
  /** Ends in sentence punctuation (optionally followed by closing quotes or brackets). */
  endsSentence: boolean;
  /** Sentence-ending punctuation marks inside the text. */
  sentences: number;
  /** Share of words (3+ letters) starting with a capital. */
  titleRatio: number;
  /** Share of characters that are letters. */
  letterRatio: number;
  /** Starts with a list bullet or arrow. */
  bullet: boolean;
  /** All letters are capitals (and there are at least 4). */
  allCaps: boolean;
}

const BULLET = /^[•●·▪◦■□▶►»›*–—-]\s*/u;

// One scan per block. Each code point gets a few class bits; ASCII from a table, others from the
// same Unicode property regexes the definitions use, cached per code point.
const LETTER = 1; // \p{L}
const UPPER = 2; // \p{Lu}
const WORDCH = 4; // [\p{L}\p{M}\p{N}'’]: word tokens are maximal runs of these
const MARK = 8; // [.!?。！？]: sentence marks
const SPACE = 16; // \s (Unicode, as in a u-flag regex)
const CLOSER = 32; // ["'”’»)]: may follow a sentence mark
const SENTENCE_END = 64; // [.!?。！？…]
const TRAILER = 128; // ["'”’»)\]]: may follow the sentence end at the end of the text
const ASCII_WORD = 256; // \w without the u-flag's case folding: [A-Za-z0-9_]
const STOP = 512; // [.!?]
const UNSPACED = 1024; // [\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]: scripts written without spaces

/** The classes' definitions, made on first use (see {@link CLASS_TABLE_RANGES}). */
let CLASS_DEFINITIONS: readonly [number, RegExp][] | null = null;
const classDefinitions = (): readonly [number, RegExp][] =>
  (CLASS_DEFINITIONS ??= [
    [LETTER, /\p{L}/gu],
    [UPPER, /\p{Lu}/gu],
    [WORDCH, /[\p{L}\p{M}\p{N}'’]/gu],
    [MARK, /[.!?。！？]/gu],
    [SPACE, /\s/gu],
    [CLOSER, /["'”’»)]/gu],
    [SENTENCE_END, /[.!?。！？…]/gu],
    [TRAILER, /["'”’»)\]]/gu],
    [ASCII_WORD, /\w/gu],
    [STOP, /[.!?]/gu],
    [UNSPACED, /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu],
  ]);
/** Class bits of each code point of `chars` (one regex pass per class), by code-unit index. */
function classifyAll(chars: string): Uint16Array {
  const bits = new Uint16Array(chars.length);
  for (const [bit, re] of classDefinitions()) for (const m of chars.matchAll(re)) bits[m.index] |= bit;
  return bits;
}
const classify = (ch: string): number => classifyAll(ch)[0]!;

/**
 * The code points whose classes the CLI reads from a table: ASCII, Latin-1 and Latin Extended-A
 * and -B (U+0000-U+024F), and General Punctuation (U+2000-U+206F: dashes, curly quotes, the
 * ellipsis). scripts/bundle.mjs computes it at build time with {@link classTable} (defined as
 * `__NEWSCLEAN_CHAR_CLASSES__`): a document in a Latin script then never makes nor compiles the
 * eleven definition regexes (~1.3 ms of a CLI start). Unbundled, ASCII is classified at load and
 * other code points on first sight.
 */
export const CLASS_TABLE_RANGES = [
  [0x0000, 0x024f],
  [0x2000, 0x206f],
] as const;
/** The class bits of every code point of {@link CLASS_TABLE_RANGES}, in order. */
export function classTable(): number[] {
  return CLASS_TABLE_RANGES.flatMap(([lo, hi]) => Array.from(classifyAll(String.fromCharCode(...Array.from({ length: hi - lo + 1 }, (_, i) => lo + i)))));
}
declare const __NEWSCLEAN_CHAR_CLASSES__: readonly number[] | undefined;
const CLASS_TABLE: Uint16Array | null = typeof __NEWSCLEAN_CHAR_CLASSES__ === 'undefined' ? null : Uint16Array.from(__NEWSCLEAN_CHAR_CLASSES__);
const [[, LATIN_END], [PUNCT_START, PUNCT_END]] = CLASS_TABLE_RANGES;
/** Where General Punctuation starts in {@link CLASS_TABLE}. */
const PUNCT_AT = LATIN_END + 1;
const ASCII_CLASS = CLASS_TABLE?.subarray(0, 128) ?? Uint16Array.from(classifyAll(Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('')));
const classCache = new Map<number, number>();
/** The class bits of code point `cp` (exported for tests). */
export function classOf(cp: number): number {
  if (cp < 128) return ASCII_CLASS[cp]!;
  if (CLASS_TABLE !== null) {
    if (cp <= LATIN_END) return CLASS_TABLE[cp]!;
    if (cp >= PUNCT_START && cp <= PUNCT_END) return CLASS_TABLE[PUNCT_AT + cp - PUNCT_START]!;
  }
  let c = classCache.get(cp);
  if (c === undefined) {
    c = classify(String.fromCodePoint(cp));
    classCache.set(cp, c);
  }
  return c;
}
/** Class of the code point that ends just before `end` (a lone or paired surrogate included). */
function classBefore(s: string, end: number): { c: number; start: number } {
  let start = end - 1;
  const lo = CHAR_CODE_AT.call(s, start);
  if (lo >= 0xdc00 && lo <= 0xdfff && start > 0) {
    const hi = CHAR_CODE_AT.call(s, start - 1);
    if (hi >= 0xd800 && hi <= 0xdbff) start--;
  }
  return { c: classOf(CODE_POINT_AT.call(s, start)!), start };
}

/**
 * `[.!?。！？…]["'”’»)\]]*$|[.!?]\s*\(\w[^()]{0,40}\)$`, read from the end of the text: the
 * closing characters are disjoint from the sentence marks, so the first alternative holds when
 * the character before the trailing run of closers is a mark; the second needs the last `(` to
 * open 1 to 41 characters without parentheses starting with an ASCII word character, preceded by
 * spaces and a full stop, `!` or `?`; or, in full-width parentheses, a note of at most 20
 * characters right after `。`, `！` or `？` ({@link fullwidthParenthesisedEnd}).
 */
function endsSentence(s: string): boolean {
  let end = s.length;
  while (end > 0) {
    const { c, start } = classBefore(s, end);
    if ((c & TRAILER) === 0) return (c & SENTENCE_END) !== 0 || parenthesisedEnd(s);
    end = start;
  }
  return parenthesisedEnd(s);
}
function parenthesisedEnd(s: string): boolean {
  const n = s.length;
  if (n >= 4 && CHAR_CODE_AT.call(s, n - 1) === 0xff09 /* ） */) return fullwidthParenthesisedEnd(s);
  if (n < 4 || CHAR_CODE_AT.call(s, n - 1) !== 0x29 /* ) */) return false;
  const open = s.lastIndexOf('(', n - 2);
  if (open < 0) return false;
  const inner = n - 2 - open; // code units between the parentheses
  if (s.indexOf(')', open + 1) !== n - 1) return false;
  const first = CODE_POINT_AT.call(s, open + 1)!;
  if (first >= 128 || (ASCII_CLASS[first]! & ASCII_WORD) === 0) return false;
  // [^()]{0,40} counts code points (u flag); the first character is ASCII.
  let points = 0;
  for (let i = open + 2; i < n - 1; i++) {
    const u = CHAR_CODE_AT.call(s, i);
    if (!(u >= 0xdc00 && u <= 0xdfff && i > open + 2 && CHAR_CODE_AT.call(s, i - 1) >= 0xd800 && CHAR_CODE_AT.call(s, i - 1) <= 0xdbff)) points++;
  }
  if (inner < 1 || points > 40) return false;
  let end = open;
  while (end > 0) {
    const { c, start } = classBefore(s, end);
    if ((c & SPACE) === 0) return (c & STOP) !== 0;
    end = start;
  }
  return false;
}

/**
 * `[。！？]（[^（）]{1,20}）$`: a Chinese or Japanese paragraph that ends in a sentence mark and a
 * note in full-width parentheses (the translator's or editor's credit: "…上。（编译/林靖东）").
 */
function fullwidthParenthesisedEnd(s: string): boolean {
  const n = s.length;
  const open = s.lastIndexOf('（', n - 2);
  if (open < 1 || n - 2 - open < 1 || n - 2 - open > 20 || s.indexOf('）', open + 1) !== n - 1) return false;
  const before = CHAR_CODE_AT.call(s, open - 1);
  return before === 0x3002 /* 。 */ || before === 0xff01 /* ！ */ || before === 0xff1f /* ？ */;
}

/**
 * A stoplist's lower-case ASCII words by their hash ({@link hashStep}): lets an ASCII token be
 * looked up without cutting it out of the line nor lower-casing a copy ("The" is hashed and
 * compared as "the", in place).
 */
const stopHashes = new WeakMap<ReadonlySet<string>, StopHashes>();
/** 31-bit FNV-1a-like hash step over UTF-16 code units. */
const hashStep = (h: number, c: number): number => Math.imul(h ^ c, 16777619) >>> 1;
const HASH_START = 1083068131;
/**
 * Tokens looked up in stoplists (by slicing them out, lower-cased) before a stoplist's hashes are
 * built: building them for a stoplist of ~1,300 words costs ~0.5 ms of a single short document's
 * start-up, more than its few hundred tokens gain from them; a batch builds them at its first
 * documents. The answers are the same either way.
 */
const HASH_AFTER_LOOKUPS = 20_000;
let lookups = 0;
function hashesOf(stopwords: ReadonlySet<string>): StopHashes | null {
  let table = stopHashes.get(stopwords);
  if (table === undefined) {
    if (lookups < HASH_AFTER_LOOKUPS) return null;
    table = new StopHashes(stopwords);
    stopHashes.set(stopwords, table);
  }
  return table;
}

/**
 * The words of a stoplist by their hash, in an open-addressing table of typed arrays (linear
 * probing, at most half full). The features' scan looks up every ASCII token: with a `Map` of the
 * hashes that lookup was a fifth of the scan's time. Each word has its own slot (words of the same
 * hash sit in the slots after the first), with its length and where its characters start in one
 * array of all the words' code units: a look-up compares the token with the words of its hash
 * there, reading no string and walking no list.
 */
class StopHashes {
  /** Each slot's hash (hashes are 31-bit, never -1), or -1 for an empty slot. */
  private readonly keys: Int32Array;
  /** Each slot's word: its length, and its first code unit's index in {@link chars}. */
  private readonly lengths: Int32Array;
  private readonly starts: Int32Array;
  /** The code units of every word, one after the other. */
  private readonly chars: Uint16Array;
  private readonly mask: number;

  constructor(words: Iterable<string>) {
    const all = [...words];
    let size = 16;
    while (size < all.length * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size).fill(-1);
    this.lengths = new Int32Array(size);
    this.starts = new Int32Array(size);
    this.chars = new Uint16Array(all.reduce((n, w) => n + w.length, 0));
    let next = 0;
    for (const w of all) {
      let h = HASH_START;
      for (let i = 0; i < w.length; i++) h = hashStep(h, CHAR_CODE_AT.call(w, i));
      let at = h & this.mask;
      while (this.keys[at] !== -1) at = (at + 1) & this.mask;
      this.keys[at] = h;
      this.lengths[at] = w.length;
      this.starts[at] = next;
      for (let i = 0; i < w.length; i++) this.chars[next++] = CHAR_CODE_AT.call(w, i);
    }
  }

  /**
   * Whether text[start, end), ASCII, lower-cased (hash `h`), is one of the words (compared in
   * place: capitals read as small letters).
   */
  has(h: number, text: string, start: number, end: number): boolean {
    const { keys, lengths, starts, chars, mask } = this;
    const length = end - start;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const k = keys[at]!;
      if (k === -1) return false;
      if (k !== h || lengths[at] !== length) continue;
      let same = true;
      for (let j = 0, from = starts[at]!; j < length && same; j++) {
        const u = CHAR_CODE_AT.call(text, start + j);
        same = (u >= 65 && u <= 90 ? u + 32 : u) === chars[from + j];
      }
      if (same) return true;
    }
  }
}

/** Letters or digits: text that says something. */
export const WORDY = /[\p{L}\p{N}]/u;

/**
 * A URL in a line ("https://…", "file://…", "www.…"). (The link targets a converter writes in brackets are cut
 * from the lines by the segmenters: see BRACKETED_ADDRESS in src/segment/text.ts.) Made on first
 * use; the run is bounded, so a line of "http://http://…" fails fast at each start.
 */
let URL_RE: RegExp | null = null;

/**
 * The line as prose: its URLs are no words of it. A line of URLs alone (perhaps with punctuation
 * between them, or a list number before them) reads as nothing: a line of them is no prose however
 * long. A line with words in it reads as its words ("…, try http://…" as "…, try"; a converter's
 * share bar "Email Print | http://… http://… More" as three words, not a long line), each URL's
 * closing punctuation kept ("… learn more at http://x.org." still ends a sentence). A line without
 * a URL, the common case, is returned as it is.
 */
export function proseView(text: string): string {
  if (!text.includes('://') && !text.includes('www.')) return text;
  const url = (URL_RE ??= /(?<![\p{L}\p{N}])(?:(?:https?|ftp|file):\/\/|www\.)[^\s\]]{1,2048}/giu);
  url.lastIndex = 0;
  if (!url.test(text)) return text;
  // A numbered address ("77. http://…"): a text browser's list of the page's links ("References").
  // An address is no words of prose; the punctuation it ends with is the sentence's ("… at http://x.org.").
  const words = text.replace(url, closingPunctuation);
  return WORDY.test(words.replace(LIST_NUMBER, '')) ? words : '';
}
/**
 * The punctuation a URL ends with ("http://x.org." → "."), read backwards: a search for it from
 * the front would retry at every character of a URL of dots (hostile input).
 */
function closingPunctuation(url: string): string {
  let k = url.length;
  while (k > 0 && CLOSING.includes(url[k - 1]!)) k--;
  return url.slice(k);
}
const CLOSING = '.,;:!?)';
/** A list item's number opening a line ("77. ", "3) "). */
const LIST_NUMBER = /^\s*\d{1,5}[.)]\s/;

export function blockFeatures(b: Block, lang: LanguageInfo): Features {
  const text = proseView(b.text);
  const stopwords = lang.stopwords;
  let tokens = 0;
  let stop = 0;
  let capital = 0;
  let longWords = 0;
  let letters = 0;
  let upperLetters = 0;
  let sentences = 0;
  // Characters of scripts written without spaces (Chinese, Japanese, Thai), whatever the
  // document's language: a Chinese post on a page whose menus and scripts read as English.
  let spaceless = 0;
  let tokenStart = -1;
  let tokenUpper = false;
  // While the token is ASCII: the hash of its lower case so far.
  let tokenAscii = true;
  let tokenHash = HASH_START;
  const hashes = stopwords === null ? null : hashesOf(stopwords);
  let inMarks = false;
  const n = text.length;
  for (let i = 0; i <= n; ) {
    let c = 0;
    let width = 1;
    let u = 0;
    if (i < n) {
      u = CHAR_CODE_AT.call(text, i);
      if (u >= 97 && u <= 122) {
        // A run of small ASCII letters, most of any text: each is a letter and a word character
        // (LETTER | WORDCH | ASCII_WORD) and nothing else, so it only extends the token (starting
        // one at the run's first letter), its hash and the letter count, and ends a run of marks.
        if (tokenStart < 0) {
          tokenStart = i;
          tokenUpper = false;
          tokenAscii = true;
          tokenHash = HASH_START;
        }
        inMarks = false;
        do {
          tokenHash = hashStep(tokenHash, u);
          letters++;
          u = ++i < n ? CHAR_CODE_AT.call(text, i) : 0;
        } while (u >= 97 && u <= 122);
        continue;
      }
      if (u < 128) c = ASCII_CLASS[u]!;
      else {
        const cp = CODE_POINT_AT.call(text, i)!;
        width = cp > 0xffff ? 2 : 1;
        c = classOf(cp);
        if ((c & UNSPACED) !== 0) spaceless++;
      }
    }
    if ((c & WORDCH) !== 0) {
      if (tokenStart < 0) {
        tokenStart = i;
        tokenUpper = (c & UPPER) !== 0;
        tokenAscii = true;
        tokenHash = HASH_START;
      }
      if (u >= 128) tokenAscii = false;
      else tokenHash = hashStep(tokenHash, (c & UPPER) !== 0 ? u + 32 : u);
    } else if (tokenStart >= 0) {
      tokens++;
      if (stopwords !== null) {
        if (tokenAscii && hashes !== null) {
          if (hashes.has(tokenHash, text, tokenStart, i)) stop++;
        } else if (stopwords.has(text.slice(tokenStart, i).toLowerCase())) stop++;
      }
      if (i - tokenStart >= 3) {
        longWords++;
        if (tokenUpper) capital++;
      }
      tokenStart = -1;
    }
    if ((c & MARK) !== 0) inMarks = true;
    else {
      // A run of sentence marks counts when a space, the end or a closing quote follows it.
      if (inMarks && (i === n || (c & (SPACE | CLOSER)) !== 0)) sentences++;
      inMarks = false;
    }
    if ((c & LETTER) !== 0) {
      letters++;
      if ((c & UPPER) !== 0) upperLetters++;
    }
    i += width;
  }
  if (hashes === null && stopwords !== null) lookups += tokens;
  const words = spaceless > 0 ? Math.max(tokens, Math.round(spaceless / 2)) : tokens;
  return {
    length: text.length + spaceless * 2,
    words,
    stopRatio: stopwords === null || tokens === 0 ? Number.NaN : stop / tokens,
    endsSentence: endsSentence(text),
    sentences,
    titleRatio: longWords === 0 ? 0 : capital / longWords,
    letterRatio: text.length === 0 ? 0 : letters / text.length,
    bullet: BULLET.test(text),
    allCaps: letters >= 4 && upperLetters === letters,
  };
}
