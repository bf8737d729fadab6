/**
 * Layout analysis for fixed-width text dumps (`w3m -dump`, `lynx -dump`, `links -dump`).
 *
 * Text browsers lay HTML tables out as fixed-width columns side by side and wrap each cell's text
 * at the column width, so one line of the dump can hold a menu item on the left and a piece of an
 * article sentence on the right. {@link layoutLines} turns such a dump back into logical lines in
 * reading order:
 *
 * 1. Column detection, a recursive cut: inside a region (a range of lines and a range of display
 *    columns), a candidate gutter is a display position `s` where, on several lines, a word starts
 *    after a gap of at least {@link MIN_GUTTER} blank cells with text on its left (or, for a column
 *    whose left edge is ragged, within {@link RAGGED_EDGE} cells to its right). The gutter's run
 *    is a maximal range of consecutive lines that have no text in the cells `[s-2, s)`; a run with
 *    at least {@link MIN_EVIDENCE} lines that carry text on both sides is a column split. Runs are
 *    chosen best first without overlap; each run is cut into its left and right halves, which are
 *    analysed again (nested tables), and emitted left first. Ordinary prose with double spaces is
 *    not split: full prose lines cross any gutter that is not a real one, which ends the run.
 *    A line with {@link WIDE_GAP} blanks or more between two words that no split took apart (a
 *    headline with "Other stories in" far to its right) is cut there; the right part is read
 *    after the column, so a paragraph that runs on below it stays whole.
 * 2. Reflow: inside one column, a line whose next word would not have fitted before the column's
 *    right margin was wrapped, and is joined with the next line (without a space after `letter-`
 *    when the next line starts lower case). A column reflows only when its right margin is attested
 *    by several lines ending near it, so innerText dumps (one paragraph per line, lines of any
 *    length) are left alone. Lines that open with an address (`[http://…]`, a word no wrapper
 *    breaks) are no evidence for or against a margin: they follow lines of any length, and
 *    converters measure them their own way.
 *
 * Display widths follow w3m: Han, Hiragana, Katakana, Hangul and fullwidth forms are two cells,
 * combining marks and zero-width characters none, everything else one.
 *
 * Cost is linear in the input: lines too wide for a dump are opaque (never split), the number of
 * candidate gutters per region and the recursion depth are capped, and a text with no run of
 * three spaces inside a line and no attested wrap margin takes a fast path that only splits lines.
 *
 * @module
 */
/** `CHAR_CODE_AT.call(text, i)` for `text.charCodeAt(i)` in character loops: no megamorphic look-up on the text (see src/classify/features.ts). */
const CHAR_CODE_AT = String.prototype.charCodeAt;

/** One logical line of the dump, in reading order. */
export interface LogicalLine {
  /** The line's text: the cells joined (whitespace is not normalised here). */
  text: string;
  /** 1-based line number in the input where the logical line starts. */
  line: number;
  /** Blank lines (in its column) before it; at least 1 where a new column or region starts. */
  gapBefore: number;
  /** Markdown input: the line's heading level (1–6) when it is an ATX heading (src/segment/markdown.ts). */
  heading?: number;
}

/** Least blank cells between two columns. */
export const MIN_GUTTER = 2;
/** A column split needs at least this many lines with text on both sides of the gutter. */
export const MIN_EVIDENCE = 3;
/** ... and at least this many lines whose right-hand text starts exactly at the gutter. */
export const MIN_ALIGNED = 2;
/** Lines wider than this many cells are not from a fixed-width layout: never split, never joined. */
export const MAX_LINE_CELLS = 4096;
/** Candidate gutter positions examined per region (the most frequent ones). */
const MAX_CANDIDATES = 16;
/** Cells to the right of a column's left edge where its lines may start (see findRuns). */
export const RAGGED_EDGE = 4;
/** Ragged-edge candidate gutters examined per region, besides the MAX_CANDIDATES exact ones. */
const MAX_RAGGED = 4;
/** Depth of nested column splits. */
const MAX_DEPTH = 8;
/** Cells of either side of a data table (rows kept, not split into columns) are shorter than this. */
const TABLE_CELL_MAX = 40;

/** Display width of one code point in a text browser's dump. */
export function charWidth(cp: number): number {
  if (cp < 0x300) return 1;
  if (cp <= 0x36f) return 0; // combining diacritical marks
  if (cp < 0x1100) return 1;
  if (cp <= 0x115f) return 2; // Hangul Jamo initials
  if (cp >= 0x200b && cp <= 0x200f) return 0; // zero-width space, joiners, marks
  if (cp < 0x2e80) return 1;
  if (cp <= 0x303e) return 2; // CJK radicals, Kangxi, CJK symbols and punctuation (incl. U+3000)
  if (cp >= 0x3041 && cp <= 0x33ff) return 2; // Hiragana, Katakana, Bopomofo, Hangul compat, CJK compat
  if (cp >= 0x3400 && cp <= 0x4dbf) return 2; // CJK extension A
  if (cp >= 0x4e00 && cp <= 0x9fff) return 2; // CJK unified ideographs
  if (cp >= 0xa000 && cp <= 0xa4cf) return 2; // Yi
  if (cp >= 0xa960 && cp <= 0xa97f) return 2; // Hangul Jamo extended A
  if (cp >= 0xac00 && cp <= 0xd7a3) return 2; // Hangul syllables
  if (cp >= 0xf900 && cp <= 0xfaff) return 2; // CJK compatibility ideographs
  if (cp >= 0xfe10 && cp <= 0xfe19) return 2; // vertical forms
  if (cp >= 0xfe30 && cp <= 0xfe6f) return 2; // CJK compatibility forms, small forms
  if (cp >= 0xff00 && cp <= 0xff60) return 2; // fullwidth forms
  if (cp >= 0xffe0 && cp <= 0xffe6) return 2; // fullwidth signs
  if (cp >= 0x20000 && cp <= 0x3fffd) return 2; // CJK extensions B and beyond
  return 1;
}

/** Display width of a string. */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0, n = s.length; i < n; i++) {
    let cp = CHAR_CODE_AT.call(s, i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const lo = CHAR_CODE_AT.call(s, i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    w += charWidth(cp);
  }
  return w;
}

/**
 * Blank characters of a dump: space, tab, NBSP, ideographic space, form feed, vertical tab, and the
 * vertical borders text browsers draw around table cells (`│`, `┃`, `║`): for the layout they
 * separate cells like spaces do, and they are no part of a cell's text.
 */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || c === 12 || c === 11 || c === 0x2502 || c === 0x2503 || c === 0x2551;
}

/** A line of the input, with its words (maximal runs of non-blank characters) located in cells. */
interface Line {
  /** 1-based input line number. */
  no: number;
  text: string;
  /** Display start and end (exclusive) of each word; null for an opaque line. */
  c0: Int32Array | null;
  c1: Int32Array | null;
  /** String start and end (exclusive) of each word. */
  i0: Int32Array | null;
  i1: Int32Array | null;
  /** Number of words (0 = blank line). */
  n: number;
}

const EMPTY = new Int32Array(0);

function parseLine(no: number, text: string): Line {
  const len = text.length;
  if (len > 2 * MAX_LINE_CELLS) {
    return { no, text, c0: null, c1: null, i0: null, i1: null, n: /\S/.test(text) ? 1 : 0 };
  }
  const c0: number[] = [];
  const c1: number[] = [];
  const i0: number[] = [];
  const i1: number[] = [];
  let col = 0;
  let inWord = false;
  for (let i = 0; i < len; i++) {
    let cp = CHAR_CODE_AT.call(text, i);
    const start = i;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < len) {
      const lo = CHAR_CODE_AT.call(text, i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    const w = charWidth(cp);
    if (isBlank(cp)) {
      if (inWord) {
        c1.push(col);
        i1.push(start);
        inWord = false;
      }
    } else if (!inWord) {
      c0.push(col);
      i0.push(start);
      inWord = true;
    }
    col += w;
  }
  if (inWord) {
    c1.push(col);
    i1.push(len);
  }
  if (col > MAX_LINE_CELLS) {
    return { no, text, c0: null, c1: null, i0: null, i1: null, n: c0.length > 0 ? 1 : 0 };
  }
  if (c0.length === 0) return { no, text, c0: EMPTY, c1: EMPTY, i0: EMPTY, i1: EMPTY, n: 0 };
  return {
    no,
    text,
    c0: Int32Array.from(c0),
    c1: Int32Array.from(c1),
    i0: Int32Array.from(i0),
    i1: Int32Array.from(i1),
    n: c0.length,
  };
}

/** Index of the first word of `ln` whose end lies after cell `x` (words are sorted). */
function firstEndingAfter(ln: Line, x: number): number {
  const c1 = ln.c1!;
  let lo = 0;
  let hi = ln.n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c1[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first word of `ln` that starts at or after cell `x`. */
function firstStartingAt(ln: Line, x: number): number {
  const c0 = ln.c0!;
  let lo = 0;
  let hi = ln.n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c0[mid]! >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** True when some word of `ln` covers a cell in `[a, b)`. */
function inkIn(ln: Line, a: number, b: number): boolean {
  if (ln.n === 0 || a >= b) return false;
  const k = firstEndingAfter(ln, a);
  return k < ln.n && ln.c0![k]! < b;
}

/** The words of `ln` inside the cells `[x0, x1)`, as an index range `[lo, hi)`. */
function wordsIn(ln: Line, x0: number, x1: number): [number, number] {
  if (ln.n === 0) return [0, 0];
  const lo = x0 <= 0 ? 0 : firstStartingAt(ln, x0);
  const hi = x1 === Infinity ? ln.n : firstStartingAt(ln, x1);
  return [lo, Math.max(lo, hi)];
}

/** A piece of one input line inside a column: its text and where it sits. */
interface Cell {
  no: number;
  text: string;
  /** Display start and end of the cell's text (0 width when blank). */
  start: number;
  end: number;
  /** Display width of the first word. */
  firstWord: number;
  blank: boolean;
  /** Starts with a bullet or list number: never a continuation. */
  bullet: boolean;
}

function cellOf(ln: Line, x0: number, x1: number): Cell {
  if (ln.c0 === null) {
    const t = ln.text.trim();
    return { no: ln.no, text: t, start: 0, end: MAX_LINE_CELLS + 1, firstWord: 0, blank: t === '', bullet: false };
  }
  const [lo, hi] = wordsIn(ln, x0, x1);
  return lo >= hi ? blankCell(ln.no) : wordsCell(ln, lo, hi);
}

/** A blank cell of line `no`. */
const blankCell = (no: number): Cell => ({ no, text: '', start: 0, end: 0, firstWord: 0, blank: true, bullet: false });

/** The cell of words `[lo, hi)` of a line that is no opaque one. */
function wordsCell(ln: Line, lo: number, hi: number): Cell {
  const text = ln.text.slice(ln.i0![lo]!, ln.i1![hi - 1]!);
  return { no: ln.no, text, start: ln.c0![lo]!, end: ln.c1![hi - 1]!, firstWord: ln.c1![lo]! - ln.c0![lo]!, blank: false, bullet: BULLET.test(text) };
}

/** Blank cells in a row between two words of one line that only a layout leaves. */
const WIDE_GAP = 6;
/** A part of a line worth a line of its own: a letter or a figure in it. */
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * The line's cells in `[x0, x1)`, split where WIDE_GAP blank cells or more lie between two words:
 * cells side by side that no column split took apart (a headline with "Other stories in" far to
 * its right, one line of a sidebar beside the article). Prose never leaves such a gap. A text
 * field ("[          ]") stays whole, and so do a part without a letter or a figure (a bullet) and a
 * list number padded to its item's indent ("1)      Give hope").
 * The first part stays in the flow (`out`), the others go `aside`, each a line of its own.
 */
function splitWide(ln: Line, x0: number, x1: number, out: Cell[], aside: Cell[]): void {
  if (ln.c0 === null) {
    out.push(cellOf(ln, x0, x1));
    return;
  }
  const [lo, hi] = wordsIn(ln, x0, x1);
  if (lo >= hi) {
    out.push(blankCell(ln.no));
    return;
  }
  let from = lo;
  const push = (a: number, b: number): void => void (a === lo ? out : aside).push(wordsCell(ln, a, b));
  for (let k = lo + 1; k < hi; k++) {
    if (ln.c0![k]! - ln.c1![k - 1]! < WIDE_GAP) continue;
    const left = ln.text.slice(ln.i0![from]!, ln.i1![k - 1]!);
    if (left.endsWith('[') || ln.text.charCodeAt(ln.i0![k]!) === 93 || !HAS_WORD.test(left) || (k === from + 1 && isListMarker(left))) continue;
    let e = k + 1;
    while (e < hi && ln.c0![e]! - ln.c1![e - 1]! < WIDE_GAP) e++;
    if (!HAS_WORD.test(ln.text.slice(ln.i0![k]!, ln.i1![e - 1]!))) continue;
    push(from, k);
    from = k;
  }
  push(from, hi);
}

/**
 * A list item or other line that starts its own logical line whatever the wrap says. An image's
 * address glued to a capitalised word ("[http://…/bullet1.gif]NBA Roundup: …", html-to-text's
 * `<img>`) is a bullet drawn as an image.
 */
const BULLET = /^(?:[•·◦▪▫■□●○☆★◆◇►▸‣⁃∙*+\-–—]\s|\d{1,3}[.)]\s|[a-zA-Z][.)]\s|\[\d+\]|\[[^\]\s]{1,300}\.(?:gif|png|jpe?g|webp|svg)\](?=\p{Lu}))/u;

/** `letter-` at the end of a wrapped line, continued in lower case: a word broken by the wrap. */
const HYPHEN_END = /\p{L}-$/u;
const LOWER_START = /^\p{Ll}/u;
/**
 * `/^\p{Ll}/u.test(s)`, a line opening in lower case: an ASCII first character (most lines') is
 * read directly, not through a regex call (~800,000 of them per pass over the corpus's texts).
 */
export function startsLower(s: string): boolean {
  const c = CHAR_CODE_AT.call(s, 0);
  return c < 128 ? c >= 97 && c <= 122 : LOWER_START.test(s);
}

/**
 * Reflow the cells of one column (top to bottom) into logical lines.
 *
 * @param rows - When true (a data table), every non-blank cell is its own logical line.
 */
/**
 * @param fixedWidth - The text has gutters, so it is a fixed-width dump whose flows may hold some
 *   wider lines (nested tables); otherwise nearly nothing may run past the margin.
 */
function reflow(cells: Cell[], out: LogicalLine[], rows: boolean, lead: number, fixedWidth: boolean): void {
  // joins[k] = 1: cell k continues the previous cell. One flow can hold text wrapped at different
  // margins (a narrow box above the article): up to MAX_MARGINS margins are found in turn, each
  // among the cells the earlier ones did not join.
  const joins = new Uint8Array(cells.length);
  let joinedAny = false;
  if (!rows) {
    const used = new Uint8Array(cells.length);
    const maxOverflow = fixedWidth ? MAX_OVERFLOW_SHARE : MAX_OVERFLOW_SHARE_PAGE;
    for (let m = 0; m < MAX_MARGINS; m++) {
      const right = wrapMargin(cells, maxOverflow, used);
      if (right === null) break;
      let any = false;
      let p = -1;
      for (let k = 0; k < cells.length; k++) {
        const c = cells[k]!;
        if (c.blank || used[k]) {
          p = -1;
          continue;
        }
        if (p >= 0) {
          const prev = cells[p]!;
          if (joinable(prev, c) && (marginWrap(prev, c, right) || addressOverflow(prev, c, right.w))) {
            joins[k] = 1;
            any = true;
          }
        }
        p = k;
      }
      if (!any) break;
      joinedAny = true;
      // the cells of this margin's paragraphs are done
      for (let k = 0; k < cells.length; k++) {
        if (joins[k]) {
          used[k] = 1;
          let q = k - 1;
          while (q >= 0 && cells[q]!.blank) q--;
          if (q >= 0) used[q] = 1;
        }
      }
    }
  }
  // No margin held for the page as a whole (a page of menus and teasers with a few wrapped
  // paragraphs): paragraph by paragraph, a run whose every line was wrapped is joined.
  if (!rows && !fixedWidth && !joinedAny) paragraphReflow(cells, joins);
  let gap = lead;
  let cur: LogicalLine | null = null;
  // The last cell joined into `cur`: the end of cur.text. Reading cur.text itself per join would
  // flatten V8's string rope each time and make long flows quadratic.
  let tail = '';
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k]!;
    if (c.blank) {
      gap++;
      continue;
    }
    if (joins[k] && cur !== null) {
      if (HYPHEN_END.test(tail) && startsLower(c.text)) cur.text += c.text;
      else cur.text += ' ' + c.text;
    } else {
      cur = { text: c.text, line: c.no, gapBefore: gap };
      out.push(cur);
    }
    tail = c.text;
    gap = 0;
  }
}

/**
 * `prev` was wrapped at margin `w`: it ends before the margin, and `c`'s first word would not have
 * fitted after it. A short line wraps so only before a link's address (html-to-text's
 * `[http://…]`, too long for what is left of the line: "… on Amazon (Click here)" then the
 * address on a line of its own); other short lines end a paragraph or are a menu's items.
 */
function marginWrap(prev: Cell, c: Cell, m: { w: number; left: number }): boolean {
  return prev.end <= m.w && prev.end + 1 + c.firstWord > m.w && (prev.end >= m.left + (m.w - m.left) * MIN_JOIN_FILL || (c.text.charCodeAt(0) === 91 && !GLUED_AFTER_ADDRESS.test(c.text)));
}

/**
 * An address with more than punctuation glued after it: an image's source and its link's bare
 * target ("[…/discuss_icon.gif]/politics/news/display.php#comments"), a block of its own.
 */
const GLUED_AFTER_ADDRESS = /^\[[^\]\s]*\][^\s.,;:!?)"”’»]/;

/** Punctuation glued after a line's closing bracket ("[http://…]." or "[…],"): the sentence went on after the link. */
const AFTER_ADDRESS = /\][.,;:!?)"”’»]{1,3}$/;

/**
 * `prev` runs past margin `w` because it ends in an address no wrapper breaks, so the next word
 * went below it: `c` continues `prev` when it opens in lower case or when the sentence went on
 * right after the address ("[http://…]." then "Only two of them are left…"). A bare address at
 * the end of a block (a title's link) leaves `c` a line of its own.
 */
function addressOverflow(prev: Cell, c: Cell, w: number): boolean {
  return prev.end > w && lastWordLength(prev) >= LONG_WORD && (startsLower(c.text) || AFTER_ADDRESS.test(prev.text));
}

/** Cells past the busiest window's edge where counted line ends still move the margin. */
const MARGIN_REACH = 2;

/** Cells below the margin within which a wrapped line of a paragraph ends (before a longer word, down to `MIN_JOIN_FILL` of the margin). */
const PARAGRAPH_SLACK = 12;

/** Lines continued in lower case at least, for those alone to set the paragraph margin. */
const MIN_CONTINUED = 3;

/**
 * The margin most multi-word lines end just before: the `w` with the most line ends in
 * (w - PARAGRAPH_SLACK, w], or -1. When enough lines are continued by a line that starts in lower
 * case (a sentence wrapped), only those count: on a page of menus and few paragraphs, the menus'
 * short lines would set the margin otherwise.
 */
function commonMargin(cells: readonly Cell[]): number {
  const multiWord = (c: Cell): boolean => !c.blank && !oneWord(c) && c.end <= MAX_LINE_CELLS;
  const continued = (c: Cell, i: number): boolean => multiWord(c) && i + 1 < cells.length && !cells[i + 1]!.blank && startsLower(cells[i + 1]!.text);
  let n = 0;
  for (let i = 0; i < cells.length && n < MIN_CONTINUED; i++) if (continued(cells[i]!, i)) n++;
  const counted = n >= MIN_CONTINUED ? continued : multiWord;
  return marginOf(cells, counted);
}

/** The `w` with the most ends of the `counted` cells in (w - PARAGRAPH_SLACK, w], or -1. */
function marginOf(cells: readonly Cell[], counted: (c: Cell, i: number) => boolean): number {
  let max = -1;
  for (let i = 0; i < cells.length; i++) if (counted(cells[i]!, i) && cells[i]!.end > max) max = cells[i]!.end;
  if (max < 0) return -1;
  const count = new Int32Array(max + 2);
  for (let i = 0; i < cells.length; i++) if (counted(cells[i]!, i)) count[wrapEnd(cells[i]!)]!++;
  let best = -1;
  let bestN = 0;
  let n = 0;
  for (let w = 0; w <= max; w++) {
    n += count[w]! - (w - PARAGRAPH_SLACK >= 0 ? count[w - PARAGRAPH_SLACK]! : 0);
    if (w >= MIN_WRAP_WIDTH && n > bestN) {
      bestN = n;
      best = w;
    }
  }
  // A wrapped line ends at the margin at most: counted lines that end just past the window's
  // edge (15 lines end at 79 and 3 at 80, so the window ending at 79 holds more) set it.
  for (let w = best + MARGIN_REACH; w > best; w--) {
    if (w <= max && count[w]! > 0) return w;
  }
  return best;
}

/**
 * Reflow paragraph by paragraph, at the page's common margin: a run of lines between blank lines
 * is one wrapped paragraph when every line but its last was wrapped there (it ends within
 * PARAGRAPH_SLACK cells of the margin and the next line's first word would not have fitted, or
 * the break falls around an address no wrapper breaks) and one continuation at least starts in
 * lower case. innerText's lines of every length never all end at one margin. In a text whose
 * lines keep within that margin (`heldMargin`), a run that is not one paragraph as a whole may
 * hold one under a caption or a title line (`wrappedParts`), when the text has
 * `MIN_WRAPPED_RUNS` such paragraphs, whole runs and stretches.
 */
function paragraphReflow(cells: readonly Cell[], joins: Uint8Array): void {
  const w = commonMargin(cells);
  if (w < 0) return;
  // Runs that are not one paragraph as a whole, for the second pass.
  const mixed: number[] = [];
  let wrapped = 0;
  for (let a = 0; a < cells.length; ) {
    if (cells[a]!.blank) {
      a++;
      continue;
    }
    let b = a;
    while (b + 1 < cells.length && !cells[b + 1]!.blank) b++;
    if (b > a && wrappedRun(cells, a, b, w)) {
      for (let k = a + 1; k <= b; k++) joins[k] = 1;
      wrapped++;
    } else if (b > a + MIN_PART_WRAPS) mixed.push(a, b);
    a = b + 1;
  }
  if (w < MIN_PART_WIDTH || !heldMargin(cells, w)) return;
  const parts: number[] = [];
  for (let i = 0; i < mixed.length; i += 2) wrappedParts(cells, mixed[i]!, mixed[i + 1]!, w, parts);
  if (wrapped + parts.length / 2 < MIN_WRAPPED_RUNS) return;
  for (let i = 0; i < parts.length; i += 2) for (let k = parts[i]! + 1; k <= parts[i + 1]!; k++) joins[k] = 1;
}

/**
 * The text's lines of several words keep within margin `w` (but a share `MAX_OVERFLOW_SHARE_PAGE`,
 * and words no wrapper breaks): the text was wrapped there. innerText's lines run to any length.
 */
function heldMargin(cells: readonly Cell[], w: number): boolean {
  let lines = 0;
  let over = 0;
  for (const c of cells) {
    if (c.blank || oneWord(c)) continue;
    lines++;
    if (overflowEnd(c) > w) over++;
  }
  return over <= lines * MAX_OVERFLOW_SHARE_PAGE;
}

/** Wraps in a row that make a wrapped paragraph inside a run of lines that is not one as a whole… */
const MIN_PART_WRAPS = 2;
/** …in a text with at least this many paragraphs wrapped at the margin (whole runs and such stretches)… */
const MIN_WRAPPED_RUNS = 2;
/**
 * …at a margin at least this wide (cells). Converters wrap at 72 to 80 columns; a narrower common
 * margin is as often a list of titles of about one length ("top 5 posts of the week.").
 */
const MIN_PART_WIDTH = 60;

/**
 * A run of lines with no blank line between a caption (or a title, a byline) and a wrapped
 * paragraph (a converter that writes one block straight under another, "…overnight Tuesday.
 * Eugene Paik/Star-Ledger" then "Hurricane Sandy has scattered so many downed trees, … and"):
 * each stretch of `MIN_PART_WRAPS` or more lines in a row wrapped at `w`, continued in lower case
 * at least as often as in upper case (as prose is; a form's list of options wrapped by the
 * converter, "Select Movie 27 Dresses 30 Days of Night …", is in title case; a continuation that
 * opens with a figure or an address counts for neither), is a paragraph; the lines around it stay
 * as they are.
 */
function wrappedParts(cells: readonly Cell[], a: number, b: number, w: number, out: number[]): void {
  for (let s = a; s < b; ) {
    let e = s;
    let lower = 0;
    let upper = 0;
    while (e < b && wrappedPair(cells[e]!, cells[e + 1]!, w)) {
      const next = cells[e + 1]!.text;
      if (startsLower(next)) lower++;
      else if (CAPITAL_START.test(next)) upper++;
      e++;
    }
    if (e - s >= MIN_PART_WRAPS && lower > 0 && lower >= upper) out.push(s, e);
    s = e + 1;
  }
}

/** Every line of cells[a..b] but the last was wrapped at `w`, and one continuation starts in lower case. */
function wrappedRun(cells: readonly Cell[], a: number, b: number, w: number): boolean {
  let lower = false;
  for (let k = a; k < b; k++) {
    if (!wrappedPair(cells[k]!, cells[k + 1]!, w)) return false;
    if (startsLower(cells[k + 1]!.text)) lower = true;
  }
  return lower;
}

/**
 * `prev` was wrapped at `w` and `c` continues it: `prev` ends within PARAGRAPH_SLACK cells of the
 * margin (or past `MIN_JOIN_FILL` of it, before a longer word) and `c`'s first word would not have
 * fitted, or the break falls around an address no wrapper breaks.
 */
function wrappedPair(prev: Cell, c: Cell, w: number): boolean {
  if (!joinable(prev, c)) return false;
  return (prev.end <= w && (prev.end > w - PARAGRAPH_SLACK || prev.end >= w * MIN_JOIN_FILL) && prev.end + 1 + c.firstWord > w) || (c.firstWord >= LONG_WORD && prev.end <= w) || (prev.end > w && lastWordLength(prev) >= LONG_WORD);
}

/** Wrap margins looked for in one flow. */
const MAX_MARGINS = 3;

/** A wrapped line reaches at least this share of the column's width. */
const MIN_JOIN_FILL = 0.6;

/** Rows and rules of drawn tables and separators (w3m draws `<hr>` and borders with these). */
const BOX_DRAWING = /[\u2500-\u257f]/;

/**
 * Structural conditions for `c` to continue `prev` (whatever the margin): not more indented (code),
 * except under a bullet, not a bullet itself, not a drawn table or rule.
 */
function joinable(prev: Cell, c: Cell): boolean {
  return prev.end <= MAX_LINE_CELLS && c.end <= MAX_LINE_CELLS && (c.start <= prev.start || (prev.bullet && c.start <= prev.start + 4)) && !c.bullet && !BOX_DRAWING.test(prev.text) && !BOX_DRAWING.test(c.text);
}

/**
 * The column's wrap margin, or null when its lines do not look wrapped.
 *
 * A line was wrapped at margin W when it ends at or before W and the next line's first word would
 * not have fitted after it (`end + 1 + firstWord > W`). The margin chosen is the W that explains
 * the most line pairs as wraps (a difference array over W, so linear in lines + width); a few wider
 * lines (a nested table, a centred header) do not move it. It counts only when those wraps are
 * at least two and at least {@link MIN_WRAP_SHARE} of the lines that reach past half of W, which
 * innerText paragraphs of random lengths never do.
 */
function wrapMargin(cells: Cell[], maxOverflow: number, used: Uint8Array): { w: number; left: number } | null {
  let left = Infinity;
  let maxEnd = 0;
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k]!;
    if (c.blank || used[k] || c.end > MAX_LINE_CELLS) continue;
    if (c.start < left) left = c.start;
    if (c.end > maxEnd) maxEnd = c.end;
  }
  if (maxEnd <= left) return null;
  const diff = new Int32Array(maxEnd + 2);
  const diffLower = new Int32Array(maxEnd + 2);
  const endCount = new Int32Array(maxEnd + 2);
  // The same, without the lines an address follows (see addressFirst), for the long lines a
  // margin must explain.
  const endCountEvidence = new Int32Array(maxEnd + 2);
  let pairs = 0;
  let prev: Cell | null = null;
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k]!;
    if (c.blank || used[k]) {
      prev = null;
      continue;
    }
    if (c.end <= MAX_LINE_CELLS) {
      const e = overflowEnd(c);
      const next = k + 1 < cells.length && !used[k + 1] ? cells[k + 1]! : null;
      endCount[e]!++;
      if (next === null || next.blank || !addressFirst(next)) endCountEvidence[e]!++;
    }
    if (prev !== null && joinable(prev, c) && !addressFirst(c)) {
      const lo = prev.end;
      const hi = Math.min(prev.end + c.firstWord, Math.floor(left + (prev.end - left) / MIN_JOIN_FILL), maxEnd);
      if (hi >= lo) {
        diff[lo]!++;
        diff[hi + 1]!--;
        if (startsLower(c.text)) {
          diffLower[lo]!++;
          diffLower[hi + 1]!--;
        }
        pairs++;
      }
    }
    prev = c;
  }
  if (pairs < 2) return null;
  // prefix sums of line ends, for "lines reaching past half of W"
  const endPrefix = new Int32Array(maxEnd + 2);
  const evidencePrefix = new Int32Array(maxEnd + 2);
  for (let e = 0; e <= maxEnd; e++) {
    endPrefix[e + 1] = endPrefix[e]! + endCount[e]!;
    evidencePrefix[e + 1] = evidencePrefix[e]! + endCountEvidence[e]!;
  }
  // every W is a candidate; keep the one explaining the most wraps among those that pass the tests
  const total = endPrefix[maxEnd + 1]!;
  let best = 0;
  let bestW = -1;
  let most = 0;
  let run = 0;
  let runLower = 0;
  for (let w = 0; w <= maxEnd; w++) {
    run += diff[w]!;
    runLower += diffLower[w]!;
    if (run < 2 || w - left < MIN_WRAP_WIDTH) continue;
    if (run > most) most = run;
    // and at least as many as any narrower one, which failed the tests: a wider margin that
    // explains fewer is a few long lines' coincidence
    if (run < best || run < most) continue;
    // a wrap cuts sentences anywhere, so many continuations start in lower case; a list of
    // titles of similar lengths (which can look wrapped) has few
    if (runLower < 2 || runLower < MIN_LOWER_SHARE * run) continue;
    // most lines that reach past half the width end near the margin
    const half = Math.ceil((w + left) / 2);
    const long = evidencePrefix[w + 1]! - evidencePrefix[Math.min(half, w + 1)]!;
    if (run < MIN_WRAP_SHARE * long) continue;
    // wrapped text never runs past its margin: only some wider lines (nested content) are allowed
    if (total - endPrefix[w + 1]! > maxOverflow * total) continue;
    best = run;
    bestW = w;
  }
  return bestW < 0 ? null : { w: bestW, left };
}

/** A word at least this wide (cells) is an address or the like, which no wrapper breaks. */
const LONG_WORD = 40;

/**
 * Where a cell ends for the margin's evidence. A line of one word (a URL, a path) cannot be
 * wrapped, and a long word at a line's end is kept whole after the words before it (html-to-text
 * and lynx leave addresses so): running past the margin, they are no evidence against it. Such a
 * line counts as ending where its wrappable text does.
 */
function wrapEnd(c: Cell): number {
  if (oneWord(c)) return c.start;
  const last = lastWordLength(c);
  return last >= LONG_WORD && c.end - last - 1 > c.start ? c.end - last - 1 : c.end;
}

/**
 * The cell opens with an address or a reference: a first word no wrapper breaks, or a bracket
 * (html-to-text's `[address]` of a link or an image, lynx's `[12]`). It goes to a line of its own
 * after a line of any length, so a pair of lines it continues is no evidence of a wrap margin.
 */
function addressFirst(c: Cell): boolean {
  return c.firstWord >= LONG_WORD || c.text.charCodeAt(0) === 91;
}

/**
 * Where a cell ends when lines past a margin are counted ({@link wrapEnd}), except that a line
 * that opens with an address ({@link addressFirst}) does not run past any: wrappers measure such
 * lines their own way (html-to-text's lines of 80 columns that open with a link's `[address]`
 * reach 82).
 */
function overflowEnd(c: Cell): number {
  return addressFirst(c) ? c.start : wrapEnd(c);
}

/** The cell is a single word (no wrapper could have broken it). */
function oneWord(c: Cell): boolean {
  return c.firstWord >= c.end - c.start;
}

/** Length of the cell's last word. */
function lastWordLength(c: Cell): number {
  return c.text.length - c.text.lastIndexOf(' ') - 1;
}

/** Narrowest column that reflows (cells): below it, menus of short items would look wrapped. */
const MIN_WRAP_WIDTH = 25;
/** Largest share of a flow's lines that may run past its wrap margin in a dump with gutters. */
const MAX_OVERFLOW_SHARE = 0.5;
/**
 * The same in a text without gutters, where the margin can only be the page width: nothing but the
 * odd URL runs past it. innerText lines of every length fail this.
 */
const MAX_OVERFLOW_SHARE_PAGE = 0.03;
/** Least share of the wraps at the margin whose continuation does not start with a capital. */
const MIN_LOWER_SHARE = 0.25;
// A continuation starts in lower case (startsLower). Scripts without case give no such evidence,
// so a dump of only CJK text is not reflowed (its lists of titles would look wrapped).
/** A line that opens with a capital letter. */
const CAPITAL_START = /^\p{Lu}/u;

/** Share of the long lines of a column that must be explained as wraps for the column to reflow. */
const MIN_WRAP_SHARE = 0.3;

/** A run of lines split by a gutter at cell `s`. */
interface Run {
  a: number;
  b: number;
  s: number;
  score: number;
  aligned: number;
  table: boolean;
}

/** A binary heap of runs, best (by `cmp`, negative = better) on top. */
class RunHeap {
  private readonly items: { run: Run; piece: boolean }[] = [];
  constructor(private readonly cmp: (p: Run, q: Run) => number) {}
  push(x: { run: Run; piece: boolean }): void {
    const h = this.items;
    h.push(x);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.cmp(h[i]!.run, h[parent]!.run) >= 0) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }
  pop(): { run: Run; piece: boolean } | undefined {
    const h = this.items;
    if (h.length === 0) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.cmp(h[l]!.run, h[m]!.run) < 0) m = l;
        if (r < h.length && this.cmp(h[r]!.run, h[m]!.run) < 0) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * The run of a gutter at `s` over `lines[i, j)` (all compatible with it): null without enough
 * evidence; trimmed of blank lines and of short lines set off from the right column.
 */
function makeRun(lines: Line[], i: number, j: number, s: number, x0: number, x1: number): Run | null {
  let two = 0;
  let aligned = 0;
  let maxL = 0;
  let maxR = 0;
  let firstR = -1;
  let lastR = -1;
  for (let q = i; q < j; q++) {
    const ln = lines[q]!;
    if (ln.n === 0) continue;
    const l = inkIn(ln, x0, s - MIN_GUTTER);
    const k = firstStartingAt(ln, s);
    const r = k < ln.n && ln.c0![k]! < x1;
    if (l && r) two++;
    if (r) {
      if (firstR < 0) firstR = q;
      lastR = q;
      if (ln.c0![k]! === s) aligned++;
      const [, hi] = wordsIn(ln, x0, x1);
      const w = ln.c1![hi - 1]! - ln.c0![k]!;
      if (w > maxR) maxR = w;
    }
    if (l) {
      const [lo] = wordsIn(ln, x0, x1);
      const w = ln.c1![k - 1]! - ln.c0![lo]!;
      if (w > maxL) maxL = w;
    }
  }
  if (two < MIN_EVIDENCE || aligned < MIN_ALIGNED) return null;
  let ra = i;
  let rb = j;
  // Lines above the right column's first text or below its last one that are set off by a blank
  // line are not part of the table (a footer, a header line that happens to be short) ...
  // ... unless they fill the left column to its width: the left column's text going on.
  const full = x0 + FULL_LEFT * (s - MIN_GUTTER - Math.max(0, x0));
  if (maxEndIn(lines, lastR + 1, rb, x0, s) < full) {
    for (let k = lastR + 1; k < rb; k++) if (lines[k]!.n === 0) { rb = k; break; }
  }
  if (maxEndIn(lines, ra, firstR, x0, s) < full) {
    for (let k = firstR - 1; k >= ra; k--) if (lines[k]!.n === 0) { ra = k + 1; break; }
  }
  while (ra < rb && isBlankIn(lines[ra]!, x0, x1)) ra++;
  while (rb > ra && isBlankIn(lines[rb - 1]!, x0, x1)) rb--;
  return { a: ra, b: rb, s, score: two, aligned, table: maxL < TABLE_CELL_MAX && maxR < TABLE_CELL_MAX };
}

/**
 * Find the column splits of the region `lines[a, b)` × cells `[x0, x1)`: candidate gutters, their
 * runs, the best non-overlapping ones in line order.
 */
function findRuns(lines: Line[], a: number, b: number, x0: number, x1: number): Run[] {
  const counts = new Map<number, number>();
  for (let i = a; i < b; i++) {
    const ln = lines[i]!;
    if (ln.c0 === null || ln.n < 2) continue;
    const [lo, hi] = wordsIn(ln, x0, x1);
    for (let k = lo + 1; k < hi; k++) {
      if (ln.c0[k]! - ln.c1![k - 1]! >= MIN_GUTTER && !isCellBorder(ln.text, ln.i1![k - 1]! - 1) && !(k === 1 && isListMarker(ln.text.slice(ln.i0![0]!, ln.i1![0]!)))) {
        const s = ln.c0[k]!;
        counts.set(s, (counts.get(s) ?? 0) + 1);
      }
    }
  }
  const cands = [...counts.entries()]
    .filter(([, n]) => n >= MIN_EVIDENCE)
    .sort((p, q) => q[1] - p[1] || p[0] - q[0])
    .slice(0, MAX_CANDIDATES)
    .map(([s]) => s);
  // A column's left edge is ragged: a list's bullets hang out of it ("• Oral Sex …" at 148, its
  // next line at 150), a box heading or a marker starts further left ("More News", "*" at 146). The
  // edge is then a gutter that few lines start at exactly: where the starts within
  // RAGGED_EDGE cells to its right add up to the evidence, it is a candidate too (makeRun still
  // wants MIN_ALIGNED lines starting exactly there).
  const ragged: [number, number][] = [];
  for (const [s, n] of counts) {
    if (n >= MIN_EVIDENCE) continue;
    let near = n;
    for (let d = 1; d <= RAGGED_EDGE; d++) near += counts.get(s + d) ?? 0;
    if (near >= MIN_EVIDENCE) ragged.push([s, near]);
  }
  ragged.sort((p, q) => q[1] - p[1] || p[0] - q[0]);
  for (const [s] of ragged.slice(0, MAX_RAGGED)) cands.push(s);
  if (cands.length === 0) return [];

  const runs: Run[] = [];
  for (const s of cands) {
    let i = a;
    while (i < b) {
      // skip lines crossing the gutter
      while (i < b && !compatible(lines[i]!, s)) i++;
      let j = i;
      while (j < b && compatible(lines[j]!, s)) j++;
      const r = makeRun(lines, i, j, s, x0, x1);
      if (r !== null) runs.push(r);
      i = j;
    }
  }
  const byScore = (p: Run, q: Run): number => q.score - p.score || q.aligned - p.aligned || q.b - q.a - (p.b - p.a) || p.s - q.s;
  // Best first, without overlap. A run that overlaps runs already taken keeps its free stretches
  // that still hold enough evidence (a nested gutter taken first must not hide the outer one
  // above and below it); they go back into the queue with their own, smaller scores. Pieces are
  // not cut again. A line map keeps the overlap tests linear.
  const queue = new RunHeap(byScore);
  for (const r of runs) queue.push({ run: r, piece: false });
  const picked: Run[] = [];
  const taken = new Uint8Array(b - a);
  for (let item = queue.pop(); item !== undefined; item = queue.pop()) {
    const r = item.run;
    let free = true;
    for (let k = r.a; k < r.b && free; k++) if (taken[k - a]) free = false;
    if (free) {
      taken.fill(1, r.a - a, r.b - a);
      picked.push(r);
      continue;
    }
    if (item.piece) continue;
    let k = r.a;
    while (k < r.b) {
      while (k < r.b && taken[k - a]) k++;
      let e = k;
      while (e < r.b && !taken[e - a]) e++;
      const piece = e > k ? makeRun(lines, k, e, r.s, x0, x1) : null;
      if (piece !== null) queue.push({ run: piece, piece: true });
      k = e;
    }
  }
  picked.sort((p, q) => p.a - q.a);
  return picked;
}

/** A list item's marker: a bullet, or a number or letter with its stop ("3.", "b)"). */
const LIST_MARKER = /^(?:[•·◦▪▫‣⁃∙●○■□◆◇►▸*+–-]|\d{1,3}[.)]|[a-z][.)])$/u;

/**
 * A list item's marker opening the line: the blanks after it indent the item's text (a text
 * browser pads a bullet to the list's indent: "•    Electric motors"), they are no gutter between
 * layout columns (which would read all the markers first, then all the items). A marker after
 * other text ("Sections _  ●   Published on …") may well be a column's edge.
 */
function isListMarker(word: string): boolean {
  return word.length <= 4 && LIST_MARKER.test(word);
}

/**
 * A drawn table border (`|`, `│`): spaces right after it pad a cell of a data table (rows to keep),
 * they are not a gutter between layout columns. (Spaces before a border can be: a bordered box
 * standing beside the article.)
 */
function isCellBorder(text: string, i: number): boolean {
  const c = CHAR_CODE_AT.call(text, i);
  return c === 0x7c || c === 0x2502 || c === 0x2503 || c === 0x2551 || c === 0xa6;
}

/** Left-only lines next to a run stay in it when they reach this share of the left column's width. */
const FULL_LEFT = 0.7;

/** The largest text end in the cells `[x0, x1)` over `lines[a, b)` (0 when none). */
function maxEndIn(lines: Line[], a: number, b: number, x0: number, x1: number): number {
  let m = 0;
  for (let i = a; i < b; i++) {
    const ln = lines[i]!;
    if (ln.n === 0 || ln.c0 === null) continue;
    const [lo, hi] = wordsIn(ln, x0, x1);
    if (hi > lo && ln.c1![hi - 1]! > m) m = ln.c1![hi - 1]!;
  }
  return m;
}

/** True when `ln` has text in the cells `[s, x1)`. */
function hasInkFrom(ln: Line, s: number, x1: number): boolean {
  if (ln.n === 0 || ln.c0 === null) return false;
  const k = firstStartingAt(ln, s);
  return k < ln.n && ln.c0[k]! < x1;
}

/**
 * A line fits a gutter at `s` when it has no text in the cells `[s - MIN_GUTTER, s)`. (Tolerating
 * the one-blank spacing of a cell filled to its width, when the right text starts exactly at `s`,
 * was measured: it splits more real tables than it saves and costs 0.04-0.05 F1 on three corpora.)
 */
function compatible(ln: Line, s: number): boolean {
  if (ln.c0 === null) return false;
  return !inkIn(ln, s - MIN_GUTTER, s);
}

function isBlankIn(ln: Line, x0: number, x1: number): boolean {
  if (ln.c0 === null) return ln.n === 0;
  const [lo, hi] = wordsIn(ln, x0, x1);
  return lo >= hi;
}

/** Emit the region `lines[a, b)` × cells `[x0, x1)` in reading order. */
function layoutRegion(lines: Line[], a: number, b: number, x0: number, x1: number, depth: number, out: LogicalLine[][]): void {
  const runs = depth < MAX_DEPTH && b - a >= MIN_EVIDENCE ? findRuns(lines, a, b, x0, x1) : [];
  let i = a;
  for (const r of runs) {
    if (r.a > i) emitFlow(lines, i, r.a, x0, x1, false, out);
    if (r.table) {
      emitFlow(lines, r.a, r.b, x0, x1, true, out);
    } else {
      layoutRegion(lines, r.a, r.b, x0, r.s, depth + 1, out);
      const n = out.length;
      layoutRegion(lines, r.a, r.b, r.s, x1, depth + 1, out);
      // the right column starts a new block even when its first line has no blank line before it
      const first = n < out.length ? out[n]![0] : undefined;
      if (first && first.gapBefore === 0) first.gapBefore = 1;
    }
    i = r.b;
  }
  if (i < b) emitFlow(lines, i, b, x0, x1, false, out);
}

/**
 * Reflow the cells `lines[a, b)` × `[x0, x1)` as one column. The first logical line's gap also
 * counts the blank input lines just before `a`.
 */
function emitFlow(lines: Line[], a: number, b: number, x0: number, x1: number, rows: boolean, out: LogicalLine[][]): void {
  const cells: Cell[] = [];
  // cells split off the right of a line (see splitWide), read after the flow as a column would be
  const aside: Cell[] = [];
  for (let i = a; i < b; i++) {
    if (rows) cells.push(cellOf(lines[i]!, x0, x1));
    else splitWide(lines[i]!, x0, x1, cells, aside);
  }
  if (aside.length > 0) {
    cells.push(blankCell(aside[0]!.no));
    for (const c of aside) cells.push(c);
  }
  let lead = 0;
  for (let i = a - 1; i >= 0 && lead < 100 && lines[i]!.n === 0; i--) lead++;
  const flow: LogicalLine[] = [];
  reflow(cells, flow, rows, lead, true);
  if (flow.length > 0) out.push(flow);
}

/** Split text into lines like the text segmenter does: `\n`, `\r\n` and lone `\r` end a line. */
function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (text.includes('>')) for (let i = 0; i < lines.length; i++) lines[i] = unquote(lines[i]!);
  return lines;
}

/** Quote markers opening a line: `>` (or `> > `, `>>`) followed by a blank or the line's end. */
const QUOTE_MARKERS = /^[ \t]*(?:>+(?:[ \t]|$))+/;

/**
 * A quoted line ("> text", as html-to-text writes a block quote and mail quotes a message) read as
 * its text, indented by the markers' width: a quoted paragraph wrapped over several lines then
 * reflows like any other, and its markers are no part of its text.
 */
function unquote(line: string): string {
  let i = 0;
  while (CHAR_CODE_AT.call(line, i) === 32 || CHAR_CODE_AT.call(line, i) === 9) i++;
  if (CHAR_CODE_AT.call(line, i) !== 62) return line;
  const m = QUOTE_MARKERS.exec(line);
  return m === null ? line : ' '.repeat(m[0].length) + line.slice(m[0].length);
}

/** Internal run of three blanks (text on both sides): the mark of a fixed-width table layout. */
const GUTTER_RUN = /[^\s] {3,}[^\s]/;

/**
 * Turn a text dump into logical lines in reading order: columns split and read left first, wrapped
 * lines joined. Text with no columns and no wrapping comes back one logical line per non-blank line.
 */
export function layoutLines(text: string): LogicalLine[] {
  const raw = splitLines(text);
  const flows: LogicalLine[][] = [];
  if (!GUTTER_RUN.test(text)) {
    // Fast path: no gutters, so no columns. One flow, which reflows only if its wrap margin is
    // attested; innerText dumps come back line for line.
    const cells: Cell[] = new Array<Cell>(raw.length);
    for (let i = 0; i < raw.length; i++) cells[i] = plainCell(i + 1, raw[i]!);
    const flow: LogicalLine[] = [];
    reflow(cells, flow, false, 0, false);
    return flow;
  }
  const lines: Line[] = new Array<Line>(raw.length);
  for (let i = 0; i < raw.length; i++) lines[i] = parseLine(i + 1, raw[i]!);
  // Opaque lines (too wide to be a layout) cut the text into independent regions.
  let a = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || lines[i]!.c0 === null) {
      if (i > a) layoutRegion(lines, a, i, 0, Infinity, 0, flows);
      if (i < lines.length) emitFlow(lines, i, i + 1, 0, Infinity, false, flows);
      a = i + 1;
    }
  }
  const out: LogicalLine[] = [];
  for (const flow of flows) for (const l of flow) out.push(l);
  return out;
}

/** Characters whose display width is not one cell start at U+0300. */
const NARROW_ONLY = /^[\u0000-\u02ff]*$/;

/** A whole input line as a cell (the fast path), measured in display cells. */
function plainCell(no: number, line: string): Cell {
  const text = line.trim();
  if (text === '') return { no, text, start: 0, end: 0, firstWord: 0, blank: true, bullet: false };
  if (line.length > 2 * MAX_LINE_CELLS) return { no, text, start: 0, end: MAX_LINE_CELLS + 1, firstWord: 0, blank: false, bullet: false };
  let lead = 0;
  while (isBlank(CHAR_CODE_AT.call(line, lead))) lead++;
  const sp = text.search(/\s/);
  const first = sp < 0 ? text : text.slice(0, sp);
  const narrow = NARROW_ONLY.test(line);
  const start = narrow ? lead : displayWidth(line.slice(0, lead));
  const end = start + (narrow ? text.length : displayWidth(text));
  return { no, text, start, end, firstWord: narrow ? first.length : displayWidth(first), blank: false, bullet: BULLET.test(text) };
}

/** The logical lines' texts (see {@link layoutLines}). */
export function layoutText(text: string): string[] {
  return layoutLines(text).map((l) => l.text);
}
