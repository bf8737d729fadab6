/**
 * Markdown read as the text it renders to. Scrapers and reader APIs increasingly save pages as
 * Markdown (turndown, html2text, the reader services LLM pipelines use): links as `[text](url)`,
 * images as `![alt](src)`, headings as `## Title`, list items as `-   item`, emphasis, and
 * backslash escapes of every character Markdown would read. Left as they are, the addresses and
 * markers are most of a page's tokens (a menu is a column of `[Home](/ "Home")` lines) and every
 * link of a paragraph carries its target into the body.
 *
 * The document is read as Markdown only when it is one (`isMarkdown`: inline links or images, or
 * headings); then its paragraphs are read as Markdown joins them (`markdownLines`, instead of the
 * layout stage's reading of fixed-width dumps) and each becomes its text: images and reference
 * definitions go, links keep their text, heading, quote and emphasis markers go, list markers
 * become bullets, escapes are undone, code fences go.
 */
import type { LogicalLine } from './layout.js';
import { emptyMeta, type PageMeta } from './meta.js';
/** `CHAR_CODE_AT.call(text, i)` for `text.charCodeAt(i)` in character loops: no megamorphic look-up on the text (see src/classify/features.ts). */
const CHAR_CODE_AT = String.prototype.charCodeAt;

/**
 * An inline link or image: `[text](target "title")`, bounded runs (no backtracking blow-up). A
 * title may hold its quote escaped (turndown writes a teaser's `"` as `\"`) and run to a teaser's
 * length.
 */
const INLINE_LINK = /(!?)\[([^[\]\n]{0,1000}(?:\[[^[\]\n]{0,1000}\][^[\]\n]{0,1000}){0,4})\]\((?:<[^<>\n]{0,2048}>|[^()\s]{0,2048}(?:\([^()\s]{0,512}\)[^()\s]{0,2048}){0,2})(?:[ \t]{1,8}(?:"(?:[^"\\\n]|\\.){0,2000}"|'(?:[^'\\\n]|\\.){0,2000}'|\([^()\n]{0,500}\)))?[ \t]{0,8}\)/g;
/** A reference link or image: `[text][id]`, `[text][]`. */
const REFERENCE_LINK = /(!?)\[([^[\]\n]{1,1000})\]\[[^[\]\n]{0,200}\]/g;
/** A link reference definition: `[id]: http://… "title"`. */
const DEFINITION = /^ {0,3}\[[^[\]\n]{1,200}\]:[ \t]{0,8}\S/;
/** An ATX heading's markers: `## Title ##`. */
const HEADING = /^ {0,3}#{1,6}(?:[ \t]+|$)/;
const HEADING_CLOSE = /[ \t]+#+[ \t]*$/;
/** A thematic break (`* * *`, `---`, `___`) or a setext heading's underline (`====`). */
const RULE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$/;
/** A bullet list item's marker. Ordered items ("1. ") keep their number: it is text. */
const BULLET_ITEM = /^([ \t]{0,16})[-*+][ \t]{1,8}(?=\S)/;
/** A code fence line (its info string included). */
const FENCE = /^ {0,3}(?:`{3,}|~{3,})/;
/** Strong and emphasis with `*` or `_` (intraword underscores are no emphasis), strikethrough. */
const STRONG = /(\*\*|__)(?=\S)([^\n]{0,2000}?\S)\1/g;
const EMPHASIS_STAR = /(?<![\w*\\])\*(?=[^\s*])([^*\n]{0,2000}?[^\s*\\])\*(?![\w*])/g;
const EMPHASIS_UNDERSCORE = /(?<![\p{L}\p{N}_\\])_(?=[^\s_])([^_\n]{0,2000}?[^\s_\\])_(?![\p{L}\p{N}_])/gu;
const STRIKE = /~~(?=\S)([^~\n]{0,2000}?\S)~~/g;
/** Inline code: the backticks go, the code stays. */
const CODE_SPAN = /(`{1,3})([^`\n]{1,2000}?)\1/g;
/** An autolink: `<http://…>` reads as its address. */
const AUTOLINK = /<((?:https?|ftp|mailto):[^<>\s]{1,2048})>/g;
/** A backslash escape of ASCII punctuation. */
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
/** Escaped characters while a line is read: each becomes a private-use code point, restored at the end. */
const HIDDEN = /[\ue000-\ue07f]/g;

/**
 * Markdown's signs in a line: an inline link or image whose target reads as an address (a path, a
 * file, a fragment, a scheme; "[Enter your name](Required)", a text browser's form field, does not),
 * and an ATX heading.
 */
const LINK_SIGN = /\]\((?:<|\)|[^()\s]{0,2048}[/.#:?=][^()\s]{0,2048}(?:[ \t]|\)))/;
const HEADING_SIGN = /^#{1,6}[ \t]+\S/;

/** YAML front matter's fences, and one `key: value` line of it (or of a reader API's header). */
const FRONT_OPEN = /^---[ \t]*$/;
const FRONT_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const FIELD = /^([A-Za-z][\w -]{0,40}?)[ \t]*:[ \t]*(.*)$/;
/** A YAML list item or continuation under a field (`  - Jane Doe`). */
const FIELD_MORE = /^[ \t]+\S/;
/** The line that ends a reader API's header (r.jina.ai): `Markdown Content:`. */
const READER_END = /^Markdown Content:[ \t]*$/;
/** Lines a header may take at most. */
const HEADER_LINES = 60;

/** A Markdown document's metadata header: its fields (keys in lower case) and the lines it takes. */
export interface MarkdownHeader {
  fields: Map<string, string>;
  lines: number;
}

/**
 * The metadata a Markdown document opens with, or null: YAML front matter (`---`, `title: …`,
 * `---`, as MarkDownload, Obsidian's web clipper and trafilatura write it) or a reader API's header
 * (`Title: …`, `URL Source: …`, `Published Time: …`, `Markdown Content:`, as r.jina.ai writes it).
 */
export function markdownHeader(text: string): MarkdownHeader | null {
  const front = FRONT_OPEN.test(text.slice(0, text.indexOf('\n') + 1 || text.length).trimEnd());
  if (!front && !text.startsWith('Title:')) return null;
  const lines = text.split('\n', HEADER_LINES + 1);
  const fields = new Map<string, string>();
  let key: string | null = null;
  for (let i = front ? 1 : 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (front ? FRONT_CLOSE.test(line) : READER_END.test(line)) return fields.size > 0 ? { fields, lines: i + 1 } : null;
    const m = FIELD.exec(line);
    if (m !== null) {
      key = m[1]!.trim().toLowerCase();
      if (!fields.has(key)) fields.set(key, unquoteValue(m[2]!));
    } else if (key !== null && FIELD_MORE.test(line)) {
      // A list under the key (authors): its first item, when the key had no value of its own.
      if (fields.get(key) === '') fields.set(key, unquoteValue(line.trim().replace(/^-[ \t]+/, '')));
    } else if (line.trim() !== '') return null;
  }
  return null;
}

/** A YAML scalar without its quotes. */
function unquoteValue(v: string): string {
  const t = v.trim();
  return t.length >= 2 && (t[0] === '"' || t[0] === "'") && t.endsWith(t[0]) ? t.slice(1, -1) : t;
}

/** The first non-empty field among `keys`. */
function field(fields: ReadonlyMap<string, string>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = fields.get(k);
    if (v !== undefined && v !== '') return v;
  }
  return null;
}

/**
 * The page metadata a Markdown document's header states (see `markdownHeader`), as the HTML path
 * reads a page's meta tags: its title is a metadata headline (the line that shows it is the
 * headline; with none, the Article's headline is the title), its author the byline when no line
 * gives one. Null without a header or a title.
 */
export function markdownMeta(text: string): PageMeta | null {
  const header = markdownHeader(text);
  if (header === null) return null;
  const meta = emptyMeta();
  meta.headline = field(header.fields, ['title', 'headline']);
  if (meta.headline === null) return null;
  meta.author = field(header.fields, ['author', 'authors', 'byline']);
  meta.datePublished = field(header.fields, ['published time', 'published', 'date', 'published_time', 'date published']);
  meta.description = field(header.fields, ['description', 'excerpt', 'summary']);
  meta.siteName = field(header.fields, ['site', 'sitename', 'site_name', 'hostname']);
  return meta;
}

/** Lines looked at to decide; a converter's Markdown shows its signs in any stretch of a page. */
const SAMPLE_LINES = 2000;

/**
 * Whether the text is Markdown a converter wrote: it opens with a metadata header (see
 * `markdownHeader`), or has two lines with inline links or images, or one and an ATX heading.
 * Plain text hardly ever writes `](` before an address; a page's innerText never does.
 */
export function isMarkdown(text: string): boolean {
  if ((text.startsWith('---') || text.startsWith('Title:')) && markdownHeader(text) !== null) return true;
  if (!text.includes('](') && !text.includes('# ')) return false;
  let links = 0;
  let headings = 0;
  let start = 0;
  for (let n = 0; n < SAMPLE_LINES && start < text.length; n++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (line.includes('](') && LINK_SIGN.test(line)) links++;
    if (line.charCodeAt(0) === 35 && HEADING_SIGN.test(line)) headings++;
    if (links >= 2 || (headings >= 1 && links >= 1)) return true;
    start = end + 1;
  }
  return false;
}

/** One line of Markdown as the text it renders to. */
export function markdownLine(line: string): string {
  if (DEFINITION.test(line) || RULE.test(line)) return '';
  const escaped = line.includes('\\');
  let s = escaped ? line.replace(ESCAPE, (_, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0))) : line;
  const heading = HEADING.exec(s);
  if (heading !== null) s = s.slice(heading[0].length).replace(HEADING_CLOSE, '');
  s = s.replace(BULLET_ITEM, '$1• ');
  if (s.includes('[')) {
    // Images first: a linked image (`[![alt](src)](url)`) leaves an empty link, which goes too.
    for (let i = 0; i < 3 && s.includes(']('); i++) {
      const before = s;
      s = s.replace(INLINE_LINK, (_, image: string, label: string) => (image === '!' ? '' : label));
      if (s === before) break;
    }
    if (s.includes('][')) s = s.replace(REFERENCE_LINK, (_, image: string, label: string) => (image === '!' ? '' : label));
  }
  if (s.includes('<')) s = s.replace(AUTOLINK, '$1');
  if (s.includes('`')) s = s.replace(CODE_SPAN, '$2');
  if (s.includes('**') || s.includes('__')) s = s.replace(STRONG, '$2');
  if (s.includes('*')) s = s.replace(EMPHASIS_STAR, '$1');
  if (s.includes('_')) s = s.replace(EMPHASIS_UNDERSCORE, '$1');
  if (s.includes('~~')) s = s.replace(STRIKE, '$1');
  return escaped ? s.replace(HIDDEN, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000)) : s;
}

/** A table's delimiter row (`---|---`, `| --- | :-: |`). */
const TABLE_RULE = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$/;
/** A line that starts a block of its own: a list item, a heading, a quote, a table row. */
const BLOCK_START = /^[ \t]{0,16}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}(?:[ \t]|$)|>|\|)/;
/** Quote markers (`> `, `>>`): the quoted text is text. */
const QUOTE = /^[ \t]{0,3}(?:>[ \t]?)+/;
/** A hard line break: two spaces or a backslash at the end. */
const HARD_BREAK = /(?: {2,}|\\)$/;

/**
 * A Markdown document's lines as the layout stage gives a text's (src/segment/layout.ts), read as
 * Markdown reads them: the lines of a paragraph (soft-wrapped, as html2text wraps at 78 columns,
 * links and all) are one line; a list item, heading, quote or table row starts a new one, and so
 * does the line after a hard break (two spaces or a backslash at its end: a `<br>`). Blank lines,
 * code fences, table delimiter rows, thematic breaks and reference definitions separate
 * paragraphs. Each line is then the text it renders to (`markdownLine`). A fenced code block's
 * lines are read like the others: a news page's code is rare, and code kept verbatim would carry
 * Markdown's syntax into the text (read back, text that is Markdown is read as Markdown).
 */
export function markdownLines(text: string): LogicalLine[] {
  const raw = text.split('\n');
  const out: LogicalLine[] = [];
  // The metadata header is no text (markdownMeta reads it).
  const header = markdownHeader(text)?.lines ?? 0;
  let gap = 0;
  let open: LogicalLine | null = null;
  let inTarget = false;
  for (let i = header; i < raw.length; i++) {
    let line = raw[i]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '' || FENCE.test(line) || TABLE_RULE.test(line) || RULE.test(line) || DEFINITION.test(line)) {
      gap++;
      open = null;
      continue;
    }
    const quoted = QUOTE.exec(line);
    const body = quoted === null ? line : line.slice(quoted[0].length);
    if (open !== null && quoted === null && !BLOCK_START.test(line)) {
      // A link target wrapped at a hyphen (html2text breaks long addresses, over several lines)
      // joins without a space.
      open.text += (inTarget ? '' : ' ') + body.trim();
    } else {
      open = { text: body, line: i + 1, gapBefore: gap };
      out.push(open);
      gap = 0;
      inTarget = false;
    }
    // Inside a link target after this line: it opens one it does not close, or it neither opens nor
    // closes one inside a target (the state is kept per line: re-reading the paragraph so far at
    // every line made a paragraph of 20,000 lines take seconds).
    const opens = body.lastIndexOf('](');
    const closes = body.lastIndexOf(')');
    if (opens >= 0 || closes >= 0) inTarget = opens > closes;
    const heading = HEADING.exec(body);
    if (heading !== null) {
      open.heading = heading[0].trim().length;
      // A heading is one line, unless a wrapper broke it inside a link (html2text wraps headings).
      if (!inTarget && !unclosedBracket(body)) open = null;
    } else if (HARD_BREAK.test(line)) {
      open.text = open.text.replace(HARD_BREAK, '');
      open = null;
    }
  }
  for (const l of out) l.text = markdownLine(l.text);
  return out;
}

/** More `[` than `]` in the line: a link's text goes on on the next line. */
function unclosedBracket(line: string): boolean {
  let depth = 0;
  for (let i = 0, n = line.length; i < n; i++) {
    const c = CHAR_CODE_AT.call(line, i);
    if (c === 92) i++; // an escaped character
    else if (c === 91) depth++;
    else if (c === 93 && depth > 0) depth--;
  }
  return depth > 0;
}

/** A Markdown document as the text it renders to, one line per paragraph, list item or heading. */
export function markdownToText(text: string): string {
  return markdownLines(text)
    .map((l) => l.text)
    .join('\n');
}
