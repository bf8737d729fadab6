/**
 * Stage 3 for plain text: every non-blank line becomes a block. Blank lines are kept as the
 * `gapBefore` of the next block, since scrapers mark paragraph breaks with them. Link targets a
 * converter wrote in brackets are cut from the lines; Markdown is read as its text (markdown.ts).
 */
import { newBlock, type Block } from '../article.js';
import { layoutLines, startsLower, type LogicalLine } from './layout.js';
import { isMarkdown, markdownLines } from './markdown.js';
import { metaTable } from '../patterns/index.js';
import { linkTextsGlued } from '../classify/rules.js';
/** `CHAR_CODE_AT.call(text, i)` for `text.charCodeAt(i)` in character loops: no megamorphic look-up on the text (see src/classify/features.ts). */
const CHAR_CODE_AT = String.prototype.charCodeAt;

const SPACE_RUNS = /[\s\u00a0\u200b\u2000-\u200a\u202f\u205f\u3000\ufeff]+/g;

/** Whether UTF-16 code unit `c` is in SPACE_RUNS's class (test/layout.test.ts checks all 65536). */
export function isSpaceUnit(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * What a line that is not normal holds: a space at either end, two spaces in a row, or a white
 * space character other than the space (isSpaceUnit's others: test/layout.test.ts checks it
 * against them).
 */
const NOT_NORMAL = /^ | $|  |[\t-\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** Collapse runs of whitespace (including NBSP and other Unicode spaces) and trim. */
export function normalizeSpace(s: string): string {
  // Most lines are already normal (single spaces between words, none at the ends): then the
  // replacement would only copy them. The regex reads a line (a slice of the page or document)
  // in place: ~1.6x faster than a charCodeAt loop over the corpus's 517,192 text lines.
  return s.length === 0 || !NOT_NORMAL.test(s) ? s : s.replace(SPACE_RUNS, ' ').trim();
}

/**
 * A link target or image source a converter wrote in brackets after the text ("[http://…]",
 * "[/news/]", "[images/logo.gif]": html-to-text's default, w3m's image names): an address, no part
 * of the text. An address with a scheme may hold spaces, as a page's `href` left unencoded
 * ("[http://reddit.com/submit?url=…&title=Beyonce and Schwarzenegger to star]": html-to-text
 * writes it so and wraps inside it; reflowed, it is one line again), and so may a script's
 * ("[javascript:window.external.AddFavorite('http://…','Vitalfootball Blackburn')]"). Every run is bounded, so a
 * long line of brackets fails fast at each start.
 */
export const BRACKETED_ADDRESS = String.raw`\[(?:(?:https?|ftp|mailto|javascript):|www\.|\.{0,2}\/|#)[^\]\s]{0,2048}\]|\[(?:(?:https?|ftp):\/\/|javascript:)[^\]\[\s]{1,2048}(?: [^\]\[\s]{1,2048}){1,40}\]|\[[^\]\s]{0,300}\.(?:gif|jpe?g|png|webp|svg|bmp|ico|html?|shtml|php\d?|aspx?|jsp|cgi|rm|ram|swf|mp[34]|pdf)(?:[?#][^\]\s]{0,2048})?\]`;
/**
 * A text browser's link number glued to the link's text ("[12]Home", `lynx -dump`'s default; the
 * addresses are listed under "References" at the end): after a blank, a line's start or an opening
 * bracket or quote, before a word. A footnote mark follows its word ("text.[1] Next") and stays.
 */
const LINK_NUMBER = String.raw`(?<=^|[\s(«"“‘'])\[\d{1,5}\](?=[\p{L}\p{N}(«"“‘'\[])`;
/**
 * A text browser's image placeholder: w3m writes an image with no alt text as its file's name in
 * brackets ("[icon-print]Print", "[star] It's not 'monkey'…"). A name in lower case, no blank in
 * it, glued to the word after it (or to another such name), or opening the line before its text;
 * a note in brackets ("[sic]", "[Update]") stands inside a sentence or in capitals, and stays.
 */
const IMAGE_NAME = String.raw`(?<=^|[\s\]])\[[a-z][a-z0-9_.-]{0,40}\](?=\p{L}|\[[a-z])|^\[[a-z][a-z0-9_.-]{0,40}\][ \t]+(?=\S)`;
/** Made on first use: most documents have no bracket at all. */
let LINK_TARGET: RegExp | null = null;
let IMAGE_PLACEHOLDER: RegExp | null = null;

/** The line without the link targets, image sources, image placeholders and link numbers a converter wrote into it. */
export function withoutLinkTargets(line: string): string {
  if (!line.includes('[')) return line;
  const cut = line.replace((LINK_TARGET ??= new RegExp(`${BRACKETED_ADDRESS}|${LINK_NUMBER}`, 'giu')), '');
  return cut.includes('[') ? cut.replace((IMAGE_PLACEHOLDER ??= new RegExp(IMAGE_NAME, 'gu')), '') : cut;
}

/** Lines at least, for a text without any blank line to be read as text nodes one per line. */
const NODE_LINES_MIN = 10;
/** Lines at least that open with closing punctuation ("," after a link): text cut at its inline elements. */
const NODE_CUT_MIN = 2;
/** A line that continues the one before it: it opens in lower case or with closing punctuation. */
const CONTINUES = /^(?:\p{Ll}|[,.;:!?)\]}%])/u;
/** Punctuation that follows the word before it without a space. */
const CLOSING = /^[,.;:!?)\]}%]/u;

/**
 * Text with no blank line at all is a parser's text nodes one per line (BeautifulSoup's
 * `get_text('\n', strip=True)`, a DOM walk's): a paragraph's links and emphasis cut it into
 * fragments ("Topics like" / "mapping" / "," / "security"), and there is no blank line to tell
 * paragraphs apart. Such a text (no blank line, two lines or more opening with closing
 * punctuation) has each line that opens in lower case or with closing punctuation joined to the
 * line before it. (Where paragraphs stand apart, or no sentence was cut at a link, a line is what
 * it is: a list of lower-case labels stays a list.)
 */
function joinTextNodes(lines: LogicalLine[]): LogicalLine[] {
  if (lines.length < NODE_LINES_MIN) return lines;
  let cut = 0;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.gapBefore > 0) return lines;
    if (CLOSING.test(lines[i]!.text.trimStart())) cut++;
  }
  // The mark of text nodes: lines that open with the punctuation closing a link's sentence.
  if (cut < NODE_CUT_MIN) return lines;
  const out: LogicalLine[] = [];
  // The end of the last line out, as far as `linkInSentence` reads it: reading the line itself
  // after every join would flatten V8's string rope each time and make a long run of fragments
  // quadratic.
  let tail = '';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const text = l.text.trim();
    const last = out[out.length - 1];
    if (last !== undefined && text !== '' && (CONTINUES.test(text) || linkInSentence(tail, text, lines[i + 1]?.text.trim()))) {
      const piece = (CLOSING.test(text) ? '' : ' ') + text;
      last.text += piece;
      tail = (tail + piece).slice(-TAIL_CHARS);
    } else {
      out.push(l);
      tail = l.text.slice(-TAIL_CHARS);
    }
  }
  return out;
}

/** Characters of a line's end that `linkInSentence` reads: a few words since its last full stop are enough. */
const TAIL_CHARS = 200;

/** Words at most in a link's text that a sentence runs through ("… in Stock via" / "Norman Camera on Amazon" / ". Only two …"). */
const LINK_WORDS = 8;
/** A line broken off mid-sentence: it ends in a lower-case letter or a comma. */
const MID_SENTENCE = /[\p{Ll},]$/u;

/**
 * `text` is a link's (or an emphasis's) text inside a sentence: the line before it breaks off
 * mid-sentence, it is a few words, and the line after it goes on with the sentence (lower case or
 * closing punctuation). A capitalised link text ("Norman Camera on Amazon") does not open a line
 * of its own then.
 */
function linkInSentence(before: string, text: string, after: string | undefined): boolean {
  // The sentence goes on after the link: closing punctuation, or words ("and on", not a lone
  // "on" between a commenter's name and the date: "by" / "Athletix Man" / "on" / "Aug 8, 2012").
  if (after === undefined || !CONTINUES.test(after) || !MID_SENTENCE.test(before) || (!CLOSING.test(after) && wordCount(after, 2) < 2)) return false;
  // A sentence under way: some words since the last full stop ("… in Stock via"), not a byline's
  // lone "by" after a comment ("Go A's! by" / "Athletix Man" / "on Aug 8, 2012").
  return sentenceUnderWay(before, SENTENCE_WORDS) && wordCount(text, LINK_WORDS + 1) <= LINK_WORDS;
}

/** Words at least since a line's last full stop for a sentence to be under way at its end. */
const SENTENCE_WORDS = 3;

/** Words in `s` (runs between spaces), counted up to `max`. */
function wordCount(s: string, max: number): number {
  let words = 0;
  let inWord = false;
  for (let i = 0, n = s.length; i < n && words < max; i++) {
    const space = CHAR_CODE_AT.call(s, i) === 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Words at least on a line that a lower-case line continues, for the pair to be one wrapped sentence. */
const RAGGED_WORDS = 4;

/**
 * Lines broken off mid-sentence where the page's source was wrapped: a scraper that keeps the
 * source's white space (BeautifulSoup's `get_text()`, `textContent`) or saves text a mail client or
 * an editor wrapped at no fixed width. A line that breaks off mid-sentence (`RAGGED_END`,
 * `RAGGED_WORDS` words since its last full stop) and is followed, with no blank line between, by a
 * line that opens in lower case holds one sentence with it; the layout's margins (layout.ts) find
 * no ragged wrap. Only in a text with `RAGGED_MIN_PAIRS` such pairs (one is a heading over a
 * lower-case label), for a run with prose punctuation somewhere (a tag cloud has none), never
 * after a line in title case nor before a byline or a dateline.
 */
function joinRagged(lines: LogicalLine[]): LogicalLine[] {
  let pairs = 0;
  for (let i = 1; i < lines.length && pairs < RAGGED_MIN_PAIRS; i++) if (brokenOff(lines[i - 1]!.text, lines[i]!)) pairs++;
  if (pairs < RAGGED_MIN_PAIRS) return lines;
  const out: LogicalLine[] = [];
  for (let i = 0; i < lines.length; ) {
    const first = lines[i]!;
    // The run of lines that each go on with the one before: wrapped prose when punctuation
    // parts its words somewhere (a tag cloud's lower-case lines run on with none).
    let tail = first.text.slice(-TAIL_CHARS);
    let punctuated = PUNCTUATION.test(first.text);
    let j = i + 1;
    while (j < lines.length && brokenOff(tail, lines[j]!) && !titleCase(tail) && metaTable.match(lines[j]!.text.trim()) === null) {
      const next = lines[j]!.text.trim();
      punctuated ||= PUNCTUATION.test(next);
      tail = (tail + ' ' + next).slice(-TAIL_CHARS);
      j++;
    }
    if (j > i + 1 && punctuated) {
      let text = first.text;
      for (let k = i + 1; k < j; k++) text += ' ' + lines[k]!.text.trim();
      out.push({ ...first, text });
      i = j;
    } else {
      out.push(first);
      i++;
    }
  }
  return out;
}

/** A line broken off mid-sentence where a source was wrapped: after a word ("… sealed the 2000") or a comma. */
const RAGGED_END = /[\p{Ll}\p{N},]$/u;
/** Punctuation of prose: what parts the words of a sentence, or ends it. */
const PUNCTUATION = /[.!?…,;:]/u;
/** Lines at least that break off mid-sentence before a line in lower case, for a text to be read as wrapped so. */
const RAGGED_MIN_PAIRS = 3;

/** `before` (a line, or the end of one) breaks off mid-sentence and `line` goes on with it, no blank line between. */
function brokenOff(before: string, line: LogicalLine): boolean {
  return line.gapBefore === 0 && startsLower(line.text.trimStart()) && RAGGED_END.test(before.trimEnd()) && sentenceUnderWay(before, RAGGED_WORDS);
}
/** Words of four letters or more, and those of them capitalised. */
const LONG_WORDS = /\p{L}{4,}/gu;
const CAPITALISED = /^\p{Lu}/u;

/**
 * A line in title case (most of its long words capitalised): a headline, which a byline or a
 * dateline in lower case follows ("… Patent Case" / "by Tameka Kee, Friday, …"), never a sentence
 * that runs on.
 */
function titleCase(line: string): boolean {
  const words = line.match(LONG_WORDS);
  if (words === null || words.length < 3) return false;
  let capitalised = 0;
  for (const w of words) if (CAPITALISED.test(w)) capitalised++;
  return capitalised >= words.length * TITLE_SHARE;
}
/** Share of a line's long words capitalised for it to be in title case. */
const TITLE_SHARE = 0.8;

/** At least `words` words (runs between spaces) since the last full stop of `before`. */
function sentenceUnderWay(before: string, words: number): boolean {
  const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '));
  return wordCount(before.slice(stop + 1), words) >= words;
}

/** Characters at least in a line for it to be read as a page's elements glued together. */
const GLUED_MIN_CHARS = 1000;
/** Glued sentence ends at least in such a line. */
const GLUED_MIN_POINTS = 3;
/**
 * Where one element's text ends and the next one's begins with no space between: a sentence ends
 * after a word ("…followers.Extra soldiers…", "…(and those who visit).A final…") and the next
 * opens at once in upper case. The word stands after a space and ends in two lower-case letters,
 * so an abbreviation ("U.S.A", "Ph.D") or an address ("/ProductDetails.asp?ProductCode=…") is no
 * such place.
 */
const GLUED_END = /(?=[“‘(\[]?\p{Lu})(?<=(?:^|\s)["“‘(]?\p{L}*\p{Ll}{2}["”’)\]]?[.!?…]["”’)\]]*)/gu;

/** A tag in a line. */
const MARKUP = /<\/?[a-z][a-z0-9]*[\s>]/gi;
/**
 * Characters per tag at most in a line that is a page's source shown as text (a broken page's
 * runaway title spills its markup), not its text nodes. A comment form's "You can use these HTML
 * tags: <a href…> <b> <blockquote…>" is a few tags in a page's text.
 */
const MARKUP_CHARS = 100;

/** Whether the line is markup rather than text: a tag in every `MARKUP_CHARS` characters or more. */
function isMarkup(line: string): boolean {
  const tags = line.match(MARKUP);
  return tags !== null && tags.length * MARKUP_CHARS >= line.length;
}

/**
 * A page's text nodes joined with nothing between them: `textContent` or BeautifulSoup's bare
 * `get_text()` of a page whose source was minified (no line break or space between its tags) puts
 * the whole page on one line, each paragraph glued to the next ("…into your account.Share this:").
 * Such a line (`GLUED_MIN_CHARS` long, `GLUED_MIN_POINTS` glued sentence ends, no markup) is cut at
 * its glued sentence ends into lines; in prose a sentence's stop is followed by a space. Pieces
 * that are rows of link texts glued together ("Weather Related ClosingsSchool Closing Email
 * Alerts…", `linkRow`) stay one line with the pieces of the same kind next to them: cut at the
 * one link text that ends in a stop, a menu would give lines that end a sentence, as prose does.
 */
function splitGlued(lines: LogicalLine[]): LogicalLine[] {
  if (!lines.some((l) => l.text.length >= GLUED_MIN_CHARS)) return lines;
  const out: LogicalLine[] = [];
  for (const l of lines) {
    const pieces = l.text.length < GLUED_MIN_CHARS || isMarkup(l.text) ? [] : l.text.split(GLUED_END);
    if (pieces.length <= GLUED_MIN_POINTS) {
      out.push(l);
      continue;
    }
    let links = false;
    pieces.forEach((text, k) => {
      const row = linkRow(text);
      if (k > 0 && row && links) out[out.length - 1]!.text += text;
      else out.push({ ...l, text, gapBefore: k === 0 ? l.gapBefore : 0 });
      links = row;
    });
  }
  return out;
}

/**
 * A row of link texts glued together (`linkTextsGlued`): two or more here, where the rules ask for
 * three in a block; a piece of a glued line is short, and in a row of a few headlines ("…the Nobel
 * Peace PrizeThe V SpotIn public break-ups…") only some glue at a capital.
 */
const linkRow = (text: string): boolean => linkTextsGlued(text, wordCount(text, Infinity), 2) > 0;

/** A text browser's list of the page's links, appended after the page: its heading… */
const REFERENCES = /\nReferences[ \t]*\r?\n/g;
/** …and its lines: "  12. http://…" (any scheme: "javascript:commonPopup('…', 540)"), "Visible links:", "Hidden links:". */
const REFERENCE_LINE = /^\s*(?:\d{1,5}\.\s+[A-Za-z][\w+.-]{0,20}:.{0,4096}|(?:Visible|Hidden)\s+links:?\s*)$/;

/**
 * Where the list of link addresses a text browser appends to its dump begins (`lynx -dump`,
 * `links -dump`: "References", then "   1. http://…" lines to the end), or -1. Its numbered
 * addresses are no text; read with the page, their lengths hide the page's wrap margin.
 */
function referencesStart(text: string): number {
  if (!text.includes('\nReferences')) return -1;
  let start = -1;
  for (const m of text.matchAll(REFERENCES)) start = m.index;
  if (start < 0) return -1;
  const lines = text.slice(start + 1).split(/\r?\n/).slice(1);
  let n = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (!REFERENCE_LINE.test(line)) return -1;
    n++;
  }
  return n > 0 ? start + 1 : -1;
}

/**
 * The logical lines of a text that is no Markdown: the layout's, text nodes joined; a text
 * browser's link list is laid out apart from the page, one line per address, after it.
 */
function plainLines(text: string): LogicalLine[] {
  const refs = referencesStart(text);
  if (refs < 0) return joinRagged(joinTextNodes(splitGlued(layoutLines(text))));
  const lines = joinRagged(joinTextNodes(splitGlued(layoutLines(text.slice(0, refs)))));
  const list = text.slice(refs).split(/\r?\n/);
  const first = text.slice(0, refs).split(/\r\n|\n|\r/).length;
  for (let k = 0; k < list.length; k++) if (list[k]!.trim() !== '') lines.push({ text: list[k]!, line: first + k, gapBefore: 1 });
  return lines;
}

export function segmentText(text: string): Block[] {
  // Fixed-width dumps (w3m, lynx) are turned into logical lines first: columns read one after
  // the other, wrapped lines joined (see layout.ts). Plain innerText comes back line for line.
  // Markdown (a converter's or a reader API's) is read as Markdown: its paragraphs joined as
  // Markdown joins lines, each read as the text it renders to (see markdown.ts).
  const lines = isMarkdown(text) ? markdownLines(text) : plainLines(text);
  const blocks: Block[] = [];
  let carry = 0; // a logical line that normalises to nothing (zero-width characters) is a blank line
  for (const l of lines) {
    // Link targets and image sources in brackets go (a line of them alone is then blank).
    const norm = normalizeSpace(withoutLinkTargets(l.text));
    if (norm === '') {
      carry += l.gapBefore + 1;
      continue;
    }
    const block = newBlock(blocks.length, norm, l.line, blocks.length === 0 ? 0 : l.gapBefore + carry);
    if (l.heading !== undefined) block.heading = l.heading;
    blocks.push(block);
    carry = 0;
  }
  return blocks;
}
