/**
 * newsclean: turn raw scraped news into clean, labelled article text.
 *
 * The one-document pipeline, stage by stage (this list is the only place the order lives):
 *
 * 1. decode    bytes → string (BOM, declared charset, detection), refuse binary and oversized input
 * 2. sniff     HTML or plain text
 * 3. segment   text → lines, or HTML → block elements; both become `Block[]`, plus page metadata
 * 4. language  detect the language, pick its stoplist
 * 5. classify  context-free label per block from its own features and the pattern tables
 * 6. revise    relabel from the neighbours, choose the body span, fix its edges
 * 7. assemble  blocks → Article
 *
 * @packageDocumentation
 */
import type { Article, Block, InputFormat } from './article.js';
import { decode } from './decode/index.js';
import { sniffFormat } from './decode/sniff.js';
import { segmentText } from './segment/text.js';
import { markdownMeta } from './segment/markdown.js';
import { segmentHtml } from './segment/html.js';
import type { HtmlDocument } from './segment/html.js';
import type { CheerioAPI } from 'cheerio';
import { classifyDocument } from './classify/index.js';
import { assemble } from './assemble.js';
import { trace } from './classify/trace.js';
import type { ExtractOptions } from './options.js';
import type { PageMeta } from './segment/meta.js';

export type { Article, Block, BoilerplateEntry, BoilerplateKind, Role, InputFormat, ArticleSource, DomInfo } from './article.js';
export { BOILERPLATE_KINDS, ROLES } from './article.js';
export type { ExtractOptions, Favor } from './options.js';
export { DEFAULTS } from './options.js';
export { NewscleanError, ERROR_CODES } from './errors.js';
export type { ErrorCode } from './errors.js';

export type { HtmlDocument } from './segment/html.js';

/**
 * A page parsed already: a cheerio document (`cheerio.load(html)`, in either of cheerio's parsing
 * modes) or htmlparser2's (`parseDocument(html)`). A scraper that loaded the page with cheerio hands
 * it over as it is, and the page is not parsed a second time. It is read as HTML; its metadata
 * (`<title>`, `<meta>`, JSON-LD) is read from it when it holds its `<head>`.
 */
export type ParsedPage = CheerioAPI | HtmlDocument;

/** Everything the pipeline learnt about one document: the Article plus the labelled blocks. */
export interface Analysis {
  article: Article;
  /** Every block in document order, with its role and the reasons for it. */
  blocks: Block[];
  /** Non-fatal problems met on the way (e.g. invalid UTF-8 replaced by U+FFFD). */
  warnings: string[];
}

/**
 * Run the whole pipeline and keep the labelled blocks (what `--format annotate` shows).
 *
 * @param input - The page's HTML or the plain text a scraper saved, as a string or as bytes, or the
 *   page parsed already ({@link ParsedPage}).
 * @param options - See {@link ExtractOptions}.
 * @returns The Article, the blocks with their roles and reasons, and any warnings.
 * @throws {@link NewscleanError} with code `NOT_TEXT` or `TOO_LARGE` for input that cannot be read.
 */
export function analyze(input: string | Uint8Array | ParsedPage, options: ExtractOptions = {}): Analysis {
  const recorded = trace.reasons;
  trace.reasons = options.explain ?? true;
  try {
    return run(input, options);
  } finally {
    trace.reasons = recorded;
  }
}

/** The document of a parsed page, or null for source text and bytes. */
function parsedDocument(input: string | Uint8Array | ParsedPage): HtmlDocument | null {
  if (typeof input === 'string' || input instanceof Uint8Array) return null;
  if (typeof input === 'function' && typeof input.root === 'function') return input.root()[0] as unknown as HtmlDocument;
  if (typeof input === 'object' && input !== null && typeof (input as { type?: unknown }).type === 'string') return input as HtmlDocument;
  throw new TypeError('newsclean: the input must be a string, bytes, or a page parsed by cheerio or htmlparser2');
}

function run(input: string | Uint8Array | ParsedPage, options: ExtractOptions): Analysis {
  const name = options.name ?? null;
  const page = parsedDocument(input);
  const decoded = page === null ? decode(input as string | Uint8Array, { name, encoding: options.encoding, maxBytes: options.maxBytes }) : { text: '', bytes: 0, warnings: [] };
  const requested = options.inputFormat ?? 'auto';
  const inputFormat: InputFormat = page !== null ? 'html' : requested === 'auto' ? sniffFormat(decoded.text) : requested;

  let blocks: Block[];
  let meta: PageMeta | null = null;
  if (inputFormat === 'html') {
    const seg = segmentHtml(page ?? decoded.text);
    blocks = seg.blocks;
    meta = seg.meta;
  } else {
    blocks = segmentText(decoded.text);
    // Markdown's metadata header (front matter, a reader API's Title:/URL Source: lines).
    meta = markdownMeta(decoded.text);
  }

  const { language } = classifyDocument(blocks, { favor: options.favor ?? 'balanced', inputFormat, meta });
  const article = assemble(blocks, {
    meta,
    language,
    source: { name, inputFormat, bytes: decoded.bytes },
  });
  return { article, blocks, warnings: decoded.warnings };
}

/**
 * Separate a scraped news article into headline, byline, photo credits, captions, body
 * paragraphs and labelled boilerplate.
 *
 * @param input - The page's HTML or the plain text a scraper saved, as a string or as bytes, or the
 *   page parsed already by cheerio or htmlparser2 ({@link ParsedPage}: read as HTML, not parsed again).
 * @param options - `inputFormat` (`auto` | `text` | `html`), `name` (sets `source.name`), `favor`, …
 * @returns The {@link Article}. An input with no article gives an Article with no paragraphs.
 * @throws {@link NewscleanError} with code `NOT_TEXT` or `TOO_LARGE` for input that cannot be read.
 *
 * @example
 * ```ts
 * import { extract } from 'newsclean';
 * const article = extract(fs.readFileSync('page.html'), { name: 'page.html' });
 * console.log(article.headline, article.paragraphs.length);
 * ```
 */
export function extract(input: string | Uint8Array | ParsedPage, options: ExtractOptions = {}): Article {
  // The Article carries no reasons: they are not written down.
  return analyze(input, { ...options, explain: false }).article;
}
