/**
 * Stage 3 for HTML: the DOM becomes blocks, with markup evidence on each.
 *
 * One parse (htmlparser2, loaded lazily so a plain-text run never pays for it), whose events are
 * walked as they come ({@link PageWalk}, {@link WalkHandler}): no tree of the page is built. A page
 * the caller parsed already (htmlparser2's document, which is what a cheerio document holds) is
 * walked from its tree by the same code ({@link replay}), without a second parse. Building a tree
 * first cost its allocation and, above all, the scavenges that copied the live tree during the
 * parse and the walk (cheerio's `load()` was worse still: +0.58 ms a page, mostly garbage
 * collection, when the parse alone took 0.83 ms). A page nested past 1,024 levels is parsed again
 * with its nesting capped (nesting.ts: the parser's stack costs the square of the depth).
 * Then the main container is chosen, priors are set, and the roles the markup settles are fixed
 * (html-roles.ts).
 */
import { createRequire } from 'node:module';
import { newBlock, type Block } from '../article.js';
import type { PageMeta } from './meta.js';
import { buildMeta, type RawMeta } from '../meta/collect.js';
import { HintCache, TAG_KIND, NEG, ROLE_WORD, kindOf, type HintInfo } from './html-hints.js';
import { chooseMain, linkedSentence, proseValue, titleHeading, MAIN, type MainBlock, type MainEl } from './html-main.js';
import { assignRoles, blockPrior, type RoleInfo } from './html-roles.js';
import { normalizeSpace, withoutLinkTargets } from './text.js';
import { capNesting, MAX_NESTING } from './nesting.js';
/** `CHAR_CODE_AT.call(text, i)` for `text.charCodeAt(i)` in character loops: no megamorphic look-up on the text (see src/classify/features.ts). */
const CHAR_CODE_AT = String.prototype.charCodeAt;

type Htmlparser2 = typeof import('htmlparser2');
let htmlparser2: Htmlparser2 | null = null;
function loadParser(): Htmlparser2 {
  if (htmlparser2 === null) htmlparser2 = createRequire(import.meta.url)('htmlparser2') as Htmlparser2;
  return htmlparser2;
}

/** A parsed page: htmlparser2's document (what `cheerio.load(html).root()[0]` is too). */
export type HtmlDocument = ReturnType<Htmlparser2['parseDocument']>;
type ParserHandler = Partial<import('htmlparser2').Handler>;

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'embed', 'head', 'select', 'button', 'canvas', 'math', 'textarea', 'input', 'audio', 'video', 'map', 'title']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul', 'html', 'caption', 'center', 'option',
  'tbody', 'thead', 'tfoot', 'menu', 'legend', 'hgroup', 'frameset', 'frame',
]);
/** {@link TAG_FACTS} bits above a tag's furniture flags (the low 8 bits: {@link NEG} of its TAG_KIND). */
const SKIP_TAG = 0x100;
const BLOCK_TAG = 0x200;
const ROLE_TAG_BIT = 0x400;
/** What the walk does with a tag name, in one look-up per element rather than one per set. */
const TAG_FACTS = new Map<string, number>();
function addTagFacts(names: Iterable<string>, bits: number): void {
  for (const name of names) TAG_FACTS.set(name, (TAG_FACTS.get(name) ?? 0) | bits);
}
/** Words per class/id chain kept on a block's `dom.hints` (innermost kept when capped). */
const MAX_HINT_WORDS = 24;
/** A longer `<title>` is not a title. */
const MAX_TITLE_CHARS = 400;
/** Style declarations that hide an element. */
const HIDDEN_STYLE = /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

export interface HtmlSegments {
  blocks: Block[];
  meta: PageMeta;
}

interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

/** An element of the walk (only what the later steps need). */
interface El extends MainEl {
  tag: string;
  parent: El | null;
  kids: El[] | null;
  hints: string[];
  /** Own furniture flags (class/id words, tag). */
  ownNeg: number;
  /** Nearest ancestor-or-self with own furniture flags. */
  negEl: El | null;
  /** Nearest ancestor-or-self whose class/id words name a writer's bio (HintInfo.bio). */
  bioEl: El | null;
  inLink: boolean;
  role: RoleInfo;
  /** Its classes mark a blog post (HintInfo.post). */
  post: boolean;
  /** Its class/id words name a set of pictures (a gallery, a slideshow, a carousel). */
  gallery: boolean;
  /** It is a block of its own (a BLOCK tag, but not a cell of a {@link flatRow}). */
  block: boolean;
  /** A table row whose cells hold only inline content: one line, as a browser renders it. */
  flat: boolean;
}

/**
 * The tree of a table row read ahead ({@link WalkHandler}), as domhandler's `DomHandler` (what
 * `parseDocument` runs) builds it, in the fields the walk reads ({@link DomNode}): elements (`tag`,
 * or `script` and `style` for those) with their name, attributes and children, and text nodes,
 * the parser's consecutive pieces of text (a character reference splits them) joined into one.
 * Nothing else: no parent, siblings or source positions per node, no comments nor directives. A
 * comment or a directive still parts the text nodes around it, as it parts domhandler's. (The
 * parser reads a CDATA section as a comment in its HTML mode, the one it runs in here.)
 */
class TreeBuilder implements ParserHandler {
  readonly root: DomNode = { type: 'root', children: [] };
  /** The open elements, innermost last (domhandler's tag stack). */
  private readonly open: DomNode[] = [this.root];
  /** The text node that the next piece of text joins, or null: after anything but text, none. */
  private text: DomNode | null = null;

  onopentag(name: string, attribs: Record<string, string>): void {
    const el: DomNode = { type: name === 'script' ? 'script' : name === 'style' ? 'style' : 'tag', name, attribs, children: [] };
    this.open[this.open.length - 1]!.children!.push(el);
    this.open.push(el);
    this.text = null;
  }

  onclosetag(): void {
    this.text = null;
    this.open.pop();
  }

  ontext(data: string): void {
    if (this.text !== null) this.text.data += data;
    else {
      this.text = { type: 'text', data };
      this.open[this.open.length - 1]!.children!.push(this.text);
    }
  }

  oncommentend(): void {
    this.text = null;
  }

  onprocessinginstruction(): void {
    this.text = null;
  }
}

/**
 * The walk's mark for leaving an element: pushed after its children, with the element on the
 * parents stack. One shared object compared by identity (no object per element, no `in` test on
 * the parser's many node shapes).
 */
const EXIT: DomNode = { type: '#exit' };

/** Per-block facts gathered during the walk. */
export interface WalkBlock {
  text: string;
  words: number;
  tag: string;
  owner: El;
  linkChars: number;
  chars: number;
  /** Its last visible character is link text (a teaser linked whole, full stop and all). */
  endLinked: boolean;
  /** Text inside credit / byline / time markup of this block, whitespace-normalised. */
  creditText: string;
  bylineText: string;
  timeText: string;
}

/**
 * Characters at most in a cell of a flat row: a data table's cells are short; a layout table's cell
 * of inline text (an old page's story, no paragraph in it) is a block of its own beside its menu.
 */
const FLAT_CELL_MAX_CHARS = 1000;

/**
 * Whether table row `row` is one line of a data table: two or more cells (`td`, `th`) and nothing
 * else, none holding a block (a paragraph, a list, a line break, a nested table) or more than
 * `FLAT_CELL_MAX_CHARS` characters. A browser's text
 * puts such a row on one line (its cells parted by tabs); read cell by cell, "Yes", "164" and
 * "81%" are scraps no rule can place, while "Yes 164 81% 76% +5%" is a line of the article's table.
 */
function flatRow(row: DomNode): boolean {
  let cells = 0;
  for (const cell of row.children ?? []) {
    if (cell.type === 'text') {
      if ((cell.data ?? '').trim() !== '') return false;
      continue;
    }
    if (cell.type !== 'tag') continue;
    if (cell.name !== 'td' && cell.name !== 'th') return false;
    cells++;
    let chars = 0;
    const stack: DomNode[] = [...(cell.children ?? [])];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.type === 'text') {
        chars += (n.data ?? '').length;
        if (chars > FLAT_CELL_MAX_CHARS) return false;
        continue;
      }
      if (n.type !== 'tag') continue;
      if (BLOCK.has(n.name ?? '')) return false;
      if (n.children) for (const c of n.children) stack.push(c);
    }
  }
  return cells >= 2;
}

/**
 * `s.trim().length`. The builtin, though it makes the trimmed string when there is white space to
 * cut (a slice of the page, or the empty string), beat a `charCodeAt` loop over the parser's text
 * nodes by 1.5-2x (666,000 of the corpus's text nodes): the parser's strings are slices of the page
 * and joins of pieces, and every `charCodeAt` on them dispatches on the kind of string.
 */
export function trimmedLength(s: string): number {
  return s.trim().length;
}

/** Ideographs and kana: scripts written without spaces between words. */
const UNSPACED = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Words of a block's text (white space normalised: one space between words): its spaces, and in
 * scripts written without them (Chinese, Japanese), one per two ideographs or kana (the mean length
 * of a word there). The spaces are found by `indexOf` and the ideographs only in a text the regex
 * finds one in: 2.5x faster over the corpus's 78,000 block texts (a quarter of its pages) than one
 * `charCodeAt` loop testing every character for both.
 */
function countWords(text: string): number {
  let words = 1;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) words++;
  if (!UNSPACED.test(text)) return words;
  let unspaced = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = CHAR_CODE_AT.call(text, i);
    if (c >= 0x3040 && ((c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff))) unspaced++;
  }
  return words + (unspaced >> 1);
}

const TITLE_OPEN = /<title\b[^>]{0,400}>/i;
/** Global, so a search starts where the title does (lastIndex) without copying the page. */
const TITLE_CLOSE = /<\/title\s*>/gi;

/**
 * A `<title>` never closed (a crawler cut the page, or spliced script into it) is raw text to the
 * end of the page for a browser and for htmlparser2: the whole page, body and all, becomes the
 * title. It ends where its first line or the first markup does; the rest is parsed as the page.
 */
export function closeRunawayTitle(html: string): string {
  const open = TITLE_OPEN.exec(html);
  if (open === null) return html;
  const from = open.index + open[0].length;
  TITLE_CLOSE.lastIndex = from;
  if (TITLE_CLOSE.test(html)) return html;
  let end = from;
  while (end < html.length && html[end] !== '<' && html[end] !== '\n' && html[end] !== '\r') end++;
  return html.slice(0, end) + '</title>' + html.slice(end);
}

/** Thrown by a {@link WalkHandler} at an element nested deeper than its limit. */
const TOO_DEEP = new Error('nesting past the cap');

const ROOT_ROLE: RoleInfo = { caption: null, credit: null, byline: null, time: null, figure: null, header: false, headingLevel: 0 };

/**
 * The walk over a page's elements and text in document order, fed one event at a time: by the
 * parser itself ({@link WalkHandler}: no tree of the page is built), or from a tree
 * ({@link replay}: a page parsed already, and a table row read ahead). It
 * - starts a block at each block-level element, joins inline text into the current block;
 * - records per block its tag, class/id hints, link density and the role markup around it
 *   (caption, credit, byline, time);
 * - records each element's range of blocks, for the container choice (html-main.ts);
 * - collects `<meta>`, `<title>` and JSON-LD for PageMeta (src/meta/).
 */
class PageWalk {
  readonly raw: RawMeta = { tags: new Map(), jsonLd: [], title: null, bodyClass: null };
  /** The block elements, in document order. */
  readonly els: El[] = [];
  /** Every element walked (not those skipped), in document order, parents first. */
  readonly allEls: El[] = [];
  readonly walk: WalkBlock[] = [];
  readonly rootEl: El = {
    tag: '#root', parent: null, kids: null, content: false, depth: 0, hints: [], neg: 0, ownNeg: 0, negEl: null, bioEl: null, inLink: false,
    first: 0, end: 0, role: ROOT_ROLE, post: false, gallery: false, block: true, flat: false,
  };
  private readonly hintCache = new HintCache();
  /** The open elements, innermost last: each one's El, or its parent's for `<head>` (walked through). */
  private readonly open: El[] = [this.rootEl];
  /** Whether each entry of `open` is the element's own El. */
  private readonly own: boolean[] = [true];
  private readonly blockStack: El[] = [this.rootEl];
  /** Levels of a skipped element still open (a script, a hidden box, `<meta>`): 0 outside one. */
  skip = 0;
  /** The text of the skipped element is gathered (`<title>`, JSON-LD), into `gathered`. */
  private gather: 'title' | 'json' | null = null;
  private gathered = '';
  // The current block's text and counts.
  private buf = '';
  private linkChars = 0;
  private chars = 0;
  private endLinked = false;
  // Where the text of credit, byline and time markup starts and ends in the block's text: from its
  // first piece to its last, with whatever stands between (a "“", an " and " outside the markup),
  // so that the role's text is a stretch of the page's text, never pieces glued together.
  private creditFrom = -1;
  private creditTo = 0;
  private bylineFrom = -1;
  private bylineTo = 0;
  private timeFrom = -1;
  private timeTo = 0;

  /** Whether the element just opened is skipped with all it holds (no text of it is wanted). */
  get skipsAll(): boolean {
    return this.skip > 0 && this.gather === null;
  }

  /** An element opens; `flat` says whether it is a {@link flatRow} (read only for `tr`). */
  openElement(tag: string, a: Attribs, flat: boolean): void {
    if (this.skip > 0) {
      this.skip++;
      return;
    }
    const raw = this.raw;
    if (tag === 'meta') {
      const key = (a.property ?? a.name ?? a.itemprop ?? '').toLowerCase();
      const content = a.content;
      if (key !== '' && content && !raw.tags.has(key)) {
        const v = normalizeSpace(content);
        if (v !== '') raw.tags.set(key, v);
      }
      this.skip = 1;
      return;
    }
    if (tag === 'title') {
      this.skip = 1;
      if (raw.title === null) this.startGather('title');
      return;
    }
    if (tag === 'script') {
      this.skip = 1;
      if ((a.type ?? '').toLowerCase().includes('ld+json')) this.startGather('json');
      return;
    }
    const parent = this.open[this.open.length - 1]!;
    if (tag === 'head') {
      // Not content, but its <title>, <meta> and JSON-LD are read: its children are its parent's.
      this.open.push(parent);
      this.own.push(false);
      return;
    }
    const facts = TAG_FACTS.get(tag) ?? 0;
    if ((facts & SKIP_TAG) !== 0) {
      this.skip = 1;
      return;
    }
    if (tag === 'body' && a.cls !== undefined && raw.bodyClass === null) raw.bodyClass = a.cls;
    if (a.hidden || a.ariaHidden === 'true' || (a.style !== undefined && HIDDEN_STYLE.test(a.style))) {
      this.skip = 1;
      return;
    }

    const info = this.hintCache.info(a.cls, a.id);
    const ownNeg = (info?.neg ?? 0) | (facts & 0xff);
    const hints = info !== null && info.words.length > 0 ? chainHints(parent.hints, info) : parent.hints;
    const walk = this.walk;
    const el: El = {
      tag, parent, kids: null, content: info?.content ?? false, depth: parent.depth + 1, hints,
      neg: parent.neg | ownNeg, ownNeg, negEl: ownNeg !== 0 ? null : parent.negEl, bioEl: info?.bio === true ? null : parent.bioEl,
      inLink: parent.inLink || (tag === 'a' && a.href),
      first: walk.length, end: walk.length,
      role: roleOf(tag, (facts & ROLE_TAG_BIT) !== 0, a.itemprop, a.rel, info?.roles ?? 0, parent.role),
      post: info?.post ?? false,
      gallery: info?.gallery ?? false,
      block: (facts & BLOCK_TAG) !== 0 && !(parent.flat && (tag === 'td' || tag === 'th')),
      flat: tag === 'tr' && flat,
    };
    if (ownNeg !== 0) el.negEl = el;
    if (info?.bio === true) el.bioEl = el;
    this.allEls.push(el);
    // A flat row's cells are parted by a space, as its line's are by tabs.
    if (!el.block && parent.flat) this.buf += ' ';
    if (el.block) {
      this.flush();
      this.blockStack.push(el);
      this.els.push(el);
      (parent.kids ??= []).push(el);
    }
    // Inline elements get no block and are no container candidates; their role markup and
    // link state still flow to their text.
    this.open.push(el);
    this.own.push(true);
  }

  /** The innermost open element closes. */
  closeElement(): void {
    if (this.skip > 0) {
      if (--this.skip === 0 && this.gather !== null) this.endGather();
      return;
    }
    const el = this.open.pop()!;
    if (!this.own.pop()) return;
    if (el.block) {
      this.flush();
      this.blockStack.pop();
    }
    el.end = this.walk.length;
  }

  /** A text node: the parser's consecutive pieces of text, joined. */
  text(data: string): void {
    if (this.skip > 0) {
      if (this.gather !== null) this.gathered += data;
      return;
    }
    if (data === '') return;
    const n = trimmedLength(data);
    if (n === 0) {
      // Indentation between tags reads as one space; none opens a block.
      if (this.buf !== '') this.buf += ' ';
      return;
    }
    const parent = this.open[this.open.length - 1]!;
    const at = this.buf.length;
    this.buf += data;
    this.chars += n;
    this.endLinked = parent.inLink;
    if (this.endLinked) this.linkChars += n;
    const r = parent.role;
    if (r.credit !== null) {
      if (this.creditFrom < 0) this.creditFrom = at;
      this.creditTo = this.buf.length;
    }
    if (r.byline !== null) {
      if (this.bylineFrom < 0) this.bylineFrom = at;
      this.bylineTo = this.buf.length;
    }
    if (r.time !== null) {
      if (this.timeFrom < 0) this.timeFrom = at;
      this.timeTo = this.buf.length;
    }
  }

  /** The end of the page. */
  finish(): void {
    this.flush();
    this.rootEl.end = this.walk.length;
  }

  private startGather(kind: 'title' | 'json'): void {
    this.gather = kind;
    this.gathered = '';
  }

  private endGather(): void {
    const t = this.gathered;
    if (this.gather === 'json') this.raw.jsonLd.push(t);
    else {
      // An unclosed <title> swallows the page as raw text: keep what precedes the first tag.
      const lt = t.indexOf('<');
      const title = normalizeSpace(lt >= 0 ? t.slice(0, lt) : t);
      if (title !== '' && title.length <= MAX_TITLE_CHARS) this.raw.title = title;
    }
    this.gather = null;
    this.gathered = '';
  }

  private flush(): void {
    const buf = this.buf;
    if (buf === '') return;
    if (this.chars !== 0) {
      // Link targets written into the text in brackets go, as from plain text (src/segment/text.ts).
      const text = normalizeSpace(withoutLinkTargets(buf));
      if (text !== '') {
        const owner = this.blockStack[this.blockStack.length - 1]!;
        this.walk.push({
          text, words: countWords(text), tag: owner.tag, owner, linkChars: this.linkChars, chars: this.chars, endLinked: this.endLinked,
          creditText: this.creditFrom < 0 ? '' : normalizeSpace(buf.slice(this.creditFrom, this.creditTo)),
          bylineText: this.bylineFrom < 0 ? '' : normalizeSpace(buf.slice(this.bylineFrom, this.bylineTo)),
          timeText: this.timeFrom < 0 ? '' : normalizeSpace(buf.slice(this.timeFrom, this.timeTo)),
        });
      }
    }
    // (White space only, the indentation between tags: no block, nothing to normalise.)
    this.buf = '';
    this.linkChars = this.chars = 0;
    this.endLinked = false;
    this.creditFrom = this.bylineFrom = this.timeFrom = -1;
  }
}

/**
 * The parser's events, handed to a {@link PageWalk} as they come: no tree of the page is built.
 * A tree of the page (domhandler's, or the {@link TreeBuilder} one the walk read before) held every
 * element, attribute object and text node until the walk, and every scavenge during the parse
 * copied them. Text comes as one
 * node per run of the parser's pieces (a character reference splits them; a comment or a
 * directive parts two runs), as domhandler joins them. The one look-ahead of the walk, whether a
 * table row is a {@link flatRow}, reads the row's cells before its first child is walked: a row is
 * gathered into a small tree as it is parsed, then replayed.
 */
class WalkHandler implements ParserHandler {
  /** Text pieces since the last other event. */
  private pending = '';
  /** Elements on the parser's stack. */
  private depth = 0;
  /** The table row being read ahead, and how many of its elements are open (itself included). */
  private row: TreeBuilder | null = null;
  private rowOpen = 0;

  /**
   * The element whose start tag is being read, or null; its attributes, as they come. The parser
   * is given no `onopentag`, so it makes no object of each element's attributes: keyed stores of
   * every attribute name into objects of thousands of shapes were about a fifth of its time. The start
   * tag ends at the next event of any kind (a void element's is its close).
   */
  private tag: string | null = null;
  private readonly attribs: Attribs = emptyAttribs();

  /** @param maxDepth - Nesting past which the parse stops with {@link TOO_DEEP}. */
  constructor(private readonly page: PageWalk, private readonly maxDepth: number) {}

  onopentagname(name: string): void {
    if (this.tag !== null) this.open();
    this.tag = name;
    clearAttribs(this.attribs);
  }

  onattribute(name: string, value: string): void {
    if (this.tag !== null) setAttrib(this.attribs, name, value);
  }

  /** The start tag read: its element opens. */
  private open(): void {
    const name = this.tag!;
    this.tag = null;
    // A void element is closed before the next event, as the parser's stack never holds it.
    if (this.depth >= this.maxDepth) throw TOO_DEEP;
    this.depth++;
    if (this.row !== null) {
      this.rowOpen++;
      this.row.onopentag(name, attribsRecord(this.attribs));
      return;
    }
    if (this.pending !== '') this.flushText();
    if (name === 'tr' && this.page.skip === 0) {
      this.row = new TreeBuilder();
      this.rowOpen = 1;
      this.row.onopentag(name, attribsRecord(this.attribs));
      return;
    }
    this.page.openElement(name, this.attribs, false);
  }

  onclosetag(): void {
    if (this.tag !== null) this.open();
    this.depth--;
    const row = this.row;
    if (row !== null) {
      row.onclosetag();
      if (--this.rowOpen === 0) {
        this.row = null;
        replay(this.page, row.root);
      }
      return;
    }
    if (this.pending !== '') this.flushText();
    this.page.closeElement();
  }

  ontext(data: string): void {
    if (this.tag !== null) this.open();
    if (this.row !== null) this.row.ontext(data);
    else this.pending += data;
  }

  oncommentend(): void {
    if (this.tag !== null) this.open();
    if (this.row !== null) this.row.oncommentend();
    else if (this.pending !== '') this.flushText();
  }

  onprocessinginstruction(): void {
    if (this.tag !== null) this.open();
    if (this.row !== null) this.row.onprocessinginstruction();
    else if (this.pending !== '') this.flushText();
  }

  /** After the parse: the text that ends the page. */
  finish(): void {
    if (this.tag !== null) this.open();
    if (this.pending !== '') this.flushText();
    this.page.finish();
  }

  private flushText(): void {
    const text = this.pending;
    this.pending = '';
    this.page.text(text);
  }
}

/**
 * Walk a tree's nodes below `top` into `page`, in document order (an explicit stack: deep nesting
 * cannot overflow the call stack). Elements are domhandler's `tag`, `script` and `style` nodes;
 * comments, directives and CDATA sections hold nothing the walk reads.
 */
function replay(page: PageWalk, top: DomNode): void {
  const stack: DomNode[] = [];
  const pushChildren = (node: DomNode): void => {
    const ch = node.children;
    if (ch) for (let i = ch.length - 1; i >= 0; i--) stack.push(ch[i]!);
  };
  pushChildren(top);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === EXIT) {
      page.closeElement();
      continue;
    }
    if (node.type === 'text') {
      page.text(node.data ?? '');
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const name = node.name ?? '';
    page.openElement(name, readAttribs(node.attribs ?? NO_ATTRIBS), name === 'tr' && flatRow(node));
    stack.push(EXIT);
    if (!page.skipsAll) pushChildren(node);
  }
}

/** The walk of a page's source: one parse, no tree. */
function walkSource(html: string): PageWalk {
  try {
    return parseInto(html, MAX_NESTING);
  } catch (e) {
    if (e !== TOO_DEEP) throw e;
  }
  // A page nested deeper than MAX_NESTING is parsed again with its nesting capped (nesting.ts): the
  // first parse stopped at that depth, where the parser's stack had cost little. Measuring the
  // depth in the parse spares every other page the cap's scan of its tags. The cap counts tags,
  // not the parser's stack (a `<li>` adds no level to it): however deep the capped page still
  // goes, it is parsed to the end.
  return parseInto(capNesting(html), Infinity);
}

function parseInto(html: string, maxDepth: number): PageWalk {
  const page = new PageWalk();
  const handler = new WalkHandler(page, maxDepth);
  new (loadParser().Parser)(handler).end(html);
  handler.finish();
  return page;
}

/**
 * Segment an HTML page into blocks and read its metadata.
 *
 * @param html - The page source, or the page parsed already (htmlparser2's document, as cheerio
 *   holds it; a single element is read as a page holding only it).
 * @returns The blocks, in document order, with `dom`, `prior` and fixed roles where the markup
 *   settles them, and the page's {@link PageMeta}.
 */
export function segmentHtml(html: string | HtmlDocument): HtmlSegments {
  let page: PageWalk;
  if (typeof html === 'string') page = walkSource(closeRunawayTitle(html));
  else {
    const given = html as unknown as DomNode;
    page = new PageWalk();
    replay(page, given.type === 'root' ? given : { type: 'root', children: [given] });
    page.finish();
  }
  const { raw, els, allEls, walk } = page;

  const meta = buildMeta(raw);
  const mainBlocks: MainBlock[] = walk.map((w) => ({ text: w.text, words: w.words, linkDensity: w.chars > 0 ? w.linkChars / w.chars : 0, tag: w.tag, neg: 0, para: w.tag === 'p' ? w.owner : null, endLinked: w.endLinked }));
  // Threads are read before a wrapper's hints are cleared: a thread that holds most of the page's
  // prose (the post above it a photo) is still a thread.
  const thread = threadBlocks(walk, allEls);
  clearWrapperHints(mainBlocks, allEls);
  for (let i = 0; i < walk.length; i++) mainBlocks[i]!.neg = walk[i]!.owner.neg;
  const title = titleHeading(mainBlocks, meta.headline, raw.title, meta.siteName);
  // The blog post element that holds the title heading, if any: the article however little it holds.
  const choice = chooseMain(mainBlocks, els, meta.articleBody, title, title >= 0 ? postOf(walk[title]!.owner) : null);

  let lineStart = 0;
  // Blocks share chains (those of one element, or of siblings, or inherited): each joined once.
  const joined = new Map<string[], string>();
  const hintsText = (hints: string[]): string => {
    let text = joined.get(hints);
    if (text === undefined) {
      text = hints.join(' ');
      joined.set(hints, text);
    }
    return text;
  };
  const blocks: Block[] = walk.map((w, i) => {
    const ld = w.chars > 0 ? Math.min(1, w.linkChars / w.chars) : 0;
    let inMain = choice.inMain[i]!;
    if (inMain && choice.container !== null) {
      // Furniture nested inside the container (a share row, a related-links box) stays out.
      const negEl = w.owner.negEl;
      if (negEl !== null && negEl.depth > choice.container.depth) inMain = false;
      else if (ld >= MAIN.inMainLinkListDensity && w.words <= MAIN.inMainLinkListMaxWords && !((ld < MAIN.linkedSentenceMaxDensity || !w.endLinked) && linkedSentence(w.text, w.words)) && !listAmidProse(walk, w.owner)) inMain = false;
    }
    const block = newBlock(i, w.text, i + 1, i === 0 ? 0 : 1);
    const up = w.owner.parent;
    block.dom = { tag: w.tag, hints: hintsText(w.owner.hints), linkDensity: Math.round(ld * 1000) / 1000, inMain: choice.method === 'none' ? undefined : inMain, furniture: kindOf(w.owner.neg) ?? undefined, parentFirst: up?.first, parentEnd: up?.end };
    // The lines of one `<p>` parted by `<br>`: each knows the paragraph's first.
    const continues = i > 0 && walk[i - 1]!.owner === w.owner;
    if (!continues) lineStart = i;
    if (w.tag === 'p' && (continues || (i + 1 < walk.length && walk[i + 1]!.owner === w.owner))) block.dom.lineOf = lineStart;
    block.prior = blockPrior(block, w.owner.neg, choice.method !== 'none');
    if (choice.method !== 'none') block.priorWithoutMain = blockPrior(block, w.owner.neg, false);
    return block;
  });
  assignRoles(blocks, walk.map((w, i) => ({ role: w.owner.role, creditText: w.creditText, bylineText: w.bylineText, timeText: w.timeText, neg: w.owner.neg, words: w.words, thread: thread !== null && thread[i] === 1, post: postOf(w.owner), bio: inBio(w.owner) })), meta, raw.title, choice.container?.first ?? null);
  return { blocks, meta };
}

/**
 * Which blocks lie in a comment thread the markup shows: inside an element named for comments
 * that is itself inside another (each comment's box, its author or its body in the thread's list:
 * "comments" > "comment-body", Disqus's "dsq-comments" > "dsq-comment-message", "comments_container"
 * > "comments_displayed"). A furniture word alone on a wrapper ("comments-enabled" on the article,
 * even around the thread) nests in no other: the article's own paragraphs are never marked.
 */
function threadBlocks(walk: readonly WalkBlock[], allEls: readonly El[]): Uint8Array | null {
  let out: Uint8Array | null = null;
  for (const el of allEls) {
    if ((el.ownNeg & NEG.comments) === 0 || el.end <= el.first) continue;
    for (let p = el.parent; p !== null; p = p.parent) {
      if ((p.ownNeg & NEG.comments) !== 0) {
        (out ??= new Uint8Array(walk.length)).fill(1, el.first, el.end);
        break;
      }
    }
  }
  return out;
}

/** The blog post element (hentry, type-post…) that holds an element, or null. */
function postOf(el: El): El | null {
  for (let p: El | null = el; p !== null; p = p.parent) if (p.post) return p;
  return null;
}

const LIST_TAG = new Set(['ul', 'ol', 'dl']);

/**
 * The block is an item of a list that stands between two paragraphs of prose of its own parent (a
 * post's reading list, its titles linked, between the paragraphs that introduce and close it): the
 * article's list, not a link list inside its container. One or two links between paragraphs are
 * more often a "related" box inlined in the story ("BBC Africa Live updates from Kenya"): a list of
 * `MAIN.listAmidProseItems` items at least.
 */
function listAmidProse(walk: readonly WalkBlock[], owner: El): boolean {
  const list = owner.parent;
  if (list === null || !LIST_TAG.has(list.tag) || list.neg !== 0 || list.parent === null || list.end - list.first < MAIN.listAmidProseItems) return false;
  const prose = (b: WalkBlock | undefined): boolean => b !== undefined && b.tag === 'p' && b.owner.parent === list.parent && b.words >= MAIN.proseMinWords && b.chars > 0 && b.linkChars / b.chars <= MAIN.linkListDensity;
  return prose(walk[list.first - 1]) && prose(walk[list.end]);
}

/**
 * A furniture word on a wrapper of most of the page's prose ("has-no-ticker" on the page body,
 * "comments-enabled" on the article) does not make the prose furniture: such an element's own
 * hints are dropped, and the inherited flags recomputed (elements in document order, parents first).
 */
function clearWrapperHints(blocks: readonly MainBlock[], allEls: readonly El[]): void {
  const prefix = new Float64Array(blocks.length + 1);
  const count = new Uint32Array(blocks.length + 1);
  for (let i = 0; i < blocks.length; i++) {
    const v = proseValue(blocks[i]!);
    prefix[i + 1] = prefix[i]! + Math.max(0, v);
    count[i + 1] = count[i]! + (v > 0 ? 1 : 0);
  }
  const total = prefix[blocks.length]!;
  if (total <= 0) return;
  let changed = false;
  for (const el of allEls) {
    if (el.ownNeg === 0 || el.tag === 'nav') continue;
    const share = (prefix[el.end]! - prefix[el.first]!) / total;
    const comments = (el.ownNeg & NEG.comments) !== 0;
    const limit = comments ? MAIN.commentsWrapperShare : MAIN.wrapperShare;
    // A comment section follows its article: one that article prose precedes within its parent
    // is the thread, however much it holds.
    const follows = comments && el.parent !== null && prefix[el.first]! - prefix[el.parent.first]! >= MAIN.minMainScore;
    // A gallery inside the article's content element is a box of the article, however much its
    // captions say: no wrapper of the page.
    if (el.gallery && insideContent(el)) continue;
    if (share >= limit && count[el.end]! - count[el.first]! >= MAIN.wrapperMinProse && !follows) {
      el.ownNeg = 0;
      changed = true;
    }
  }
  // A blog platform's post element of some prose ("hentry": a post, not a teaser of one) is the
  // article, whatever generic box holds it: Blogger puts the posts in a "widget" like every gadget
  // of its sidebar. Furniture named only in general terms (sidebar, widget, aside, form) above it
  // is no furniture.
  for (const el of allEls) {
    if (!el.post || el.ownNeg !== 0 || count[el.end]! - count[el.first]! < MAIN.wrapperMinProse) continue;
    for (let p = el.parent; p !== null; p = p.parent) {
      if (p.ownNeg !== 0 && (p.ownNeg & ~NEG.other) === 0) {
        p.ownNeg = 0;
        changed = true;
      }
    }
  }
  if (!changed) return;
  for (const el of allEls) {
    const parent = el.parent!;
    el.neg = parent.neg | el.ownNeg;
    el.negEl = el.ownNeg !== 0 ? el : parent.negEl;
  }
}

/**
 * The class/id words of an element with own words `info` under a parent whose chain is `under`:
 * the parent's, then its own that the parent's lack, the innermost {@link MAX_HINT_WORDS} kept.
 *
 * Chains are never changed once made, so elements share them: one without class or id has its
 * parent's, and siblings of one class (a list's items, a feed's teasers) have one chain, made for
 * the first and kept on the HintInfo (its last parent chain and result) for the next. One copy at
 * most, made by a loop: `concat` of a `filter` made two arrays and a closure per element.
 */
function chainHints(under: string[], info: HintInfo): string[] {
  if (info.chainUnder === under) return info.chain!;
  const words = info.words;
  let hints: string[];
  // Under a parent without words (the page's outer elements), the chain is the element's own
  // words: the HintInfo's array itself.
  if (under.length === 0 && words.length <= MAX_HINT_WORDS) hints = words;
  else {
    hints = under.slice();
    for (const w of words) if (!under.includes(w)) hints.push(w);
    if (hints.length > MAX_HINT_WORDS) hints = hints.slice(hints.length - MAX_HINT_WORDS);
  }
  info.chainUnder = under;
  info.chain = hints;
  return hints;
}

/**
 * The element lies in one whose class/id words name a writer's bio, and that element is still
 * furniture: a wrapper of most of the page's prose has had its hints cleared (`clearWrapperHints`),
 * a page about a person in an element named "bio" among them.
 */
function inBio(el: El): boolean {
  return el.bioEl !== null && el.bioEl.ownNeg !== 0;
}

/** An ancestor's class/id words name article content. */
function insideContent(el: El): boolean {
  for (let p = el.parent; p !== null; p = p.parent) if (p.content) return true;
  return false;
}

/** The attributes the walk reads of an element (undefined, or false: the element has none). */
interface Attribs {
  cls: string | undefined;
  id: string | undefined;
  style: string | undefined;
  hidden: boolean;
  ariaHidden: string | undefined;
  href: boolean;
  itemprop: string | undefined;
  rel: string | undefined;
  // <meta> and <script>
  property: string | undefined;
  name: string | undefined;
  content: string | undefined;
  type: string | undefined;
}

function emptyAttribs(): Attribs {
  return { cls: undefined, id: undefined, style: undefined, hidden: false, ariaHidden: undefined, href: false, itemprop: undefined, rel: undefined, property: undefined, name: undefined, content: undefined, type: undefined };
}

function clearAttribs(a: Attribs): void {
  a.cls = a.id = a.style = a.ariaHidden = a.itemprop = a.rel = a.property = a.name = a.content = a.type = undefined;
  a.hidden = a.href = false;
}

/** Record attribute `name` if the walk reads it; of two of one name the first counts, as the parser keeps it. */
function setAttrib(a: Attribs, name: string, value: string): void {
  switch (name) {
    case 'class': a.cls ??= value; break;
    case 'id': a.id ??= value; break;
    case 'style': a.style ??= value; break;
    case 'hidden': a.hidden = true; break;
    case 'aria-hidden': a.ariaHidden ??= value; break;
    case 'href': a.href = true; break;
    case 'itemprop': a.itemprop ??= value; break;
    case 'rel': a.rel ??= value; break;
    case 'property': a.property ??= value; break;
    case 'name': a.name ??= value; break;
    case 'content': a.content ??= value; break;
    case 'type': a.type ??= value; break;
  }
}

/** {@link readAttribs}'s result: one object, refilled for each element (its fields are read at once). */
const ATTRIBS: Attribs = emptyAttribs();
const NO_ATTRIBS: Record<string, string> = {};

/**
 * The attributes the walk reads of a tree's element, in one pass over those it has. Asking for
 * each by name (a dozen look-ups, nearly all of names the element lacks) on objects of ten thousand
 * shapes (one per list of attribute names) missed V8's caches every time; an element has 1.4
 * attributes on average, and `for…in` reads them from its shape's enumeration cache.
 */
function readAttribs(attribs: Record<string, string>): Attribs {
  const a = ATTRIBS;
  clearAttribs(a);
  for (const name in attribs) setAttrib(a, name, attribs[name]!);
  return a;
}

/** The attributes as a tree's element holds them (for a table row read ahead: only those the walk reads). */
function attribsRecord(a: Attribs): Record<string, string> {
  const r: Record<string, string> = {};
  if (a.cls !== undefined) r['class'] = a.cls;
  if (a.id !== undefined) r['id'] = a.id;
  if (a.style !== undefined) r['style'] = a.style;
  if (a.hidden) r['hidden'] = '';
  if (a.ariaHidden !== undefined) r['aria-hidden'] = a.ariaHidden;
  if (a.href) r['href'] = '';
  if (a.itemprop !== undefined) r['itemprop'] = a.itemprop;
  if (a.rel !== undefined) r['rel'] = a.rel;
  if (a.property !== undefined) r['property'] = a.property;
  if (a.name !== undefined) r['name'] = a.name;
  if (a.content !== undefined) r['content'] = a.content;
  if (a.type !== undefined) r['type'] = a.type;
  return r;
}

/** A copy of a RoleInfo, built field by field so that every RoleInfo shares one hidden class. */
function copyRole(r: RoleInfo): RoleInfo {
  return { caption: r.caption, credit: r.credit, byline: r.byline, time: r.time, figure: r.figure, header: r.header, headingLevel: r.headingLevel };
}

/** The role markup an element carries or inherits (`roleTag`: its tag is one of {@link ROLE_TAG}). */
function roleOf(tag: string, roleTag: boolean, prop: string | undefined, rel: string | undefined, words: number, parent: RoleInfo): RoleInfo {
  // Most elements have none of the marks: they share their parent's role object.
  if (words === 0 && prop === undefined && rel === undefined && !roleTag) return parent;
  const itemprop = (prop ?? '').toLowerCase();
  const r = copyRole(parent);
  if (tag === 'figure') r.figure = tag;
  if (tag === 'header') r.header = true;
  if (tag === 'h1' || tag === 'h2' || tag === 'h3') r.headingLevel = Number(tag[1]);
  const isCaption = tag === 'figcaption' || itemprop === 'caption' || (words & ROLE_WORD.caption) !== 0;
  if (isCaption) r.caption = tag;
  const inPicture = r.caption !== null || r.figure !== null;
  if (itemprop === 'credittext' || itemprop === 'copyrightholder' || (words & (inPicture ? ROLE_WORD.credit : ROLE_WORD.creditAnywhere)) !== 0) {
    r.credit = tag;
  } else if (inPicture && (itemprop === 'author' || (words & ROLE_WORD.byline) !== 0)) {
    r.credit = tag;
  } else if (!inPicture && ((rel !== undefined && rel.toLowerCase().split(' ').includes('author')) || itemprop === 'author' || (words & ROLE_WORD.byline) !== 0)) {
    r.byline = tag;
  }
  if (tag === 'time' || itemprop === 'datepublished' || itemprop === 'datecreated' || (words & ROLE_WORD.time) !== 0) r.time = tag;
  return sameRole(r, parent) ? parent : r;
}

/** Tags that set a role field themselves (roleOf). */
const ROLE_TAG = new Set(['figure', 'header', 'h1', 'h2', 'h3', 'figcaption', 'time']);

addTagFacts(SKIP, SKIP_TAG);
addTagFacts(BLOCK, BLOCK_TAG);
addTagFacts(ROLE_TAG, ROLE_TAG_BIT);
for (const [name, kind] of TAG_KIND) addTagFacts([name], NEG[kind]);

function sameRole(a: RoleInfo, b: RoleInfo): boolean {
  return a.caption === b.caption && a.credit === b.credit && a.byline === b.byline && a.time === b.time && a.figure === b.figure && a.header === b.header && a.headingLevel === b.headingLevel;
}
