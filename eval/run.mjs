#!/usr/bin/env node
/**
 * `npm run eval`: body quality of newsclean on the development corpora, beside Mozilla Readability
 * 0.6 (on linkedom) on the HTML rendering. The metric is `eval/metric.mjs` (the corpus README's).
 *
 * Usage: node eval/run.mjs [--set NAME[,NAME]]... [--rendering NAME[,NAME]]... [--no-peer]
 *          [--favor balanced|precision|recall] [--dial] [--worst N] [--limit N] [--report FILE]
 *          [--peer-cache FILE] [--raw-gold]
 *
 * The corpus directory defaults to ../shared/corpus beside the checkout, else /work/shared/corpus
 * (override with NEWSCLEAN_CORPUS). `--rendering text-html-to-text` adds a rendering made here from
 * each page's HTML by html-to-text (see CONVERTED): other scrapers' text. Everything
 * runs in-process against the built library (`dist/`, so run `npm run build` first). Readability's
 * outputs are cached in eval/out/peer-cache.json, keyed by set/id and a hash of the Readability and
 * linkedom sources, so only the first run pays for the peer.
 *
 * The functions are exported for test/eval-guard.test.ts; the CLI runs only when this file is the
 * entry point.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { aggregate, scoreDoc } from './metric.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const require = createRequire(import.meta.url);

/**
 * Default location of the corpora: `shared/corpus` beside the checkout (where CI lays it), else
 * the development machine's /work/shared/corpus.
 */
export const DEFAULT_CORPUS = [resolve(ROOT, '..', 'shared', 'corpus'), '/work/shared/corpus'].find((d) => existsSync(d)) ?? '/work/shared/corpus';
/** The renderings every set has, in table order. */
export const RENDERINGS = /** @type {const} */ (['text-chromium', 'text-w3m', 'html']);
/**
 * Renderings made at eval time from each page's HTML by a converter scrapers use, so the text path
 * is also measured on other scrapers' text than the corpus's two: `text-html-to-text` is the
 * html-to-text package (a devDependency) with its default options (lines wrapped at 80, link
 * targets and image sources in brackets); `text-markdown` is the page as Markdown, written by
 * turndown (a devDependency; ATX headings, `-` bullets, fenced code; script, style, noscript,
 * iframe and template elements removed first, as a scraper that saves Markdown does);
 * `text-nodes` is every text node of the page on a line of its own, trimmed, no blank line
 * anywhere, as BeautifulSoup's `get_text('\n', strip=True)` writes it (htmlparser2's DOM; script,
 * style, noscript, template and the title left out); `text-content` is the same text nodes joined
 * as they stand, the page source's own line breaks and indentation kept, as BeautifulSoup's bare
 * `get_text()` and the DOM's `textContent` give it. Opt-in:
 * `--rendering text-html-to-text,text-markdown,text-nodes,text-content`.
 */
export const CONVERTED = /** @type {const} */ (['text-html-to-text', 'text-markdown', 'text-nodes', 'text-content']);
/** The favor dial values. */
export const FAVORS = /** @type {const} */ (['balanced', 'precision', 'recall']);

/** @returns {string} the corpus directory in use */
export function corpusDir() {
  return process.env.NEWSCLEAN_CORPUS || DEFAULT_CORPUS;
}

/**
 * The set names found in a corpus directory (sub-directories holding a gold.json), sorted.
 * @param {string} [dir]
 * @returns {string[]}
 */
export function listSets(dir = corpusDir()) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'gold.json')))
    .map((e) => e.name)
    .sort();
}

/**
 * @typedef {object} GoldEntry
 * @property {string} articleBody
 * @property {string} [headline]
 * @property {string} [url]
 */

/** @type {Map<string, Record<string, GoldEntry>>} */
const goldCache = new Map();
/** Per gold.json path, the ids whose body `repairGold` mended, by repair. */
export const goldRepairs = /** @type {Map<string, { utf16: string[]; comments: string[]; notes: string[] }>} */ (new Map());
/** Score against the golds as the corpus ships them, unrepaired (`--raw-gold`). */
let rawGold = false;

/**
 * The Dragnet data's own mark between an article and its comment thread ("!@#$%^&*() COMMENTS", typed
 * by hand: "!@#$%^&**()", "!@#$%^&*", "!@#$%$%^&*()", "!@ $%^&*()", "!#@$%^&*()", "@#$%^&*()" and
 * "#$%^&*()" occur too: six or more of the shifted digit-row symbols, five of them different, on a
 * line of their own), with the annotator's label beside it ("COMMENTS", also "COMMNENTS",
 * "CORRECTED", or none), and what follows it. The corpus README defines the Dragnet gold as the
 * body with comments excluded, but 27 of its bodies kept the thread under this mark. A row of one
 * symbol ("*****" in a reader's comment) is no mark.
 */
const COMMENT_MARK = /(?:^|\n)[ \t]*((?:[!@#$%^&*()] ?){6,})[ \t]*(?:[A-Z]{4,12})?[ \t]*(?=\n|$)/g;

/** Where `text`'s comment mark starts (see {@link COMMENT_MARK}), or -1. */
function commentMark(text) {
  for (const m of text.matchAll(COMMENT_MARK)) if (new Set(m[1].replace(/ /g, '')).size >= 5) return m.index;
  return -1;
}

/**
 * An HTML comment in a gold body: an annotator's note, not text of the page. CleanPortalEval marks a
 * page with no article by the body "<!-- this page contains no article -->" (its other such page has
 * the body ""; the corpus README counts the set's empty golds as empty).
 */
const ANNOTATOR_NOTE = /<!--[\s\S]*?-->/g;

/**
 * A gold body mended of two conversion faults of the corpus, both against its README's own
 * definitions, in the same way for every tool scored against it:
 * - a body saved as UTF-16LE bytes and read as Latin-1 ("ÿþ" then a NUL after every ASCII
 *   letter: 5 Dragnet bodies) is decoded as UTF-16LE;
 * - Dragnet's comment mark and the thread under it are cut (the gold is the body without comments);
 * - an annotator's note in an HTML comment is dropped, so "<!-- this page contains no article -->"
 *   is the empty body it stands for (1 CleanPortalEval body).
 * Returns the mended body and which repairs it took.
 * @param {string} body
 * @returns {{ body: string; utf16: boolean; comments: boolean; notes: boolean }}
 */
export function repairGold(body) {
  let text = body;
  const utf16 = text.startsWith('\u00ff\u00fe') && text.includes('\u0000') && !/[^\u0000-\u00ff]/.test(text);
  if (utf16) {
    const bytes = Buffer.from(text, 'latin1');
    text = bytes.subarray(0, bytes.length & ~1).toString('utf16le').replace(/^\ufeff/, '');
  }
  const mark = commentMark(text);
  const cut = mark < 0 ? text : text.slice(0, mark).trimEnd();
  const noted = cut.replace(ANNOTATOR_NOTE, '');
  return { body: noted === cut ? cut : noted.trim(), utf16, comments: cut !== text, notes: noted !== cut };
}

/**
 * Load a set's gold.json (cached per process), its bodies mended by `repairGold` unless `--raw-gold`.
 * @param {string} set
 * @param {string} [dir]
 * @returns {Record<string, GoldEntry>}
 */
export function loadGold(set, dir = corpusDir()) {
  const path = join(dir, set, 'gold.json');
  let gold = goldCache.get(path);
  if (!gold) {
    gold = /** @type {Record<string, GoldEntry>} */ (JSON.parse(readFileSync(path, 'utf8')));
    const repairs = { utf16: /** @type {string[]} */ ([]), comments: /** @type {string[]} */ ([]), notes: /** @type {string[]} */ ([]) };
    if (!rawGold) {
      for (const [id, entry] of Object.entries(gold)) {
        if (typeof entry.articleBody !== 'string') continue;
        const r = repairGold(entry.articleBody);
        if (r.utf16) repairs.utf16.push(id);
        if (r.comments) repairs.comments.push(id);
        if (r.notes) repairs.notes.push(id);
        entry.articleBody = r.body;
      }
    }
    goldRepairs.set(path, repairs);
    goldCache.set(path, gold);
  }
  return gold;
}

/**
 * The ids of a set, sorted, optionally only the first `limit`.
 * @param {string} set
 * @param {number} [limit]
 * @param {string} [dir]
 * @returns {string[]}
 */
export function setIds(set, limit, dir = corpusDir()) {
  const ids = Object.keys(loadGold(set, dir)).sort();
  return limit && limit > 0 ? ids.slice(0, limit) : ids;
}

/**
 * Path of one document's input in a rendering.
 * @param {string} set @param {string} rendering @param {string} id @param {string} [dir]
 * @returns {string}
 */
export function inputPath(set, rendering, id, dir = corpusDir()) {
  return rendering === 'html' || isConverted(rendering) ? join(dir, set, 'html', `${id}.html.gz`) : join(dir, set, rendering, `${id}.txt`);
}

/** @param {string} rendering @returns {boolean} */
function isConverted(rendering) {
  return CONVERTED.includes(/** @type {any} */ (rendering));
}

/** @type {((html: string) => string) | null} */
let htmlToText = null;
/** @type {((html: string) => string) | null} */
let htmlToMarkdown = null;

/**
 * A page's HTML as html-to-text (default options), turndown or a parser's text dump writes it (see
 * CONVERTED). The page's bytes are read as UTF-8, as a scraper that does not look at the charset
 * would.
 * @param {Buffer} html @param {string} rendering @returns {Buffer}
 */
function convertHtml(html, rendering) {
  if (rendering === 'text-markdown') {
    if (htmlToMarkdown === null) {
      const TurndownService = require('turndown');
      const service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });
      service.remove(['script', 'style', 'noscript', 'iframe', 'template']);
      htmlToMarkdown = (page) => service.turndown(page);
    }
    return Buffer.from(htmlToMarkdown(html.toString('utf8')), 'utf8');
  }
  if (rendering === 'text-nodes') return Buffer.from(textNodes(html.toString('utf8')), 'utf8');
  if (rendering === 'text-content') return Buffer.from(textNodes(html.toString('utf8'), true), 'utf8');
  htmlToText ??= /** @type {{ convert: (html: string) => string }} */ (require('html-to-text')).convert;
  return Buffer.from(htmlToText(html.toString('utf8')), 'utf8');
}

/** Elements whose text a parser's text dump leaves out (`text-nodes`). */
const NO_TEXT = new Set(['script', 'style', 'noscript', 'template', 'title']);

/**
 * The page's text nodes, each trimmed and whitespace-collapsed, one per line (BeautifulSoup's
 * `get_text('\n', strip=True)` on a page whose scripts and styles were removed); with `raw`, as
 * they stand, joined with nothing (`get_text()`, `textContent`).
 * @param {string} html @param {boolean} [raw] @returns {string}
 */
function textNodes(html, raw = false) {
  const { parseDocument } = /** @type {typeof import('htmlparser2')} */ (require('htmlparser2'));
  /** @type {string[]} */
  const out = [];
  /** @param {any} node */
  const walk = (node) => {
    if (node.type === 'text') {
      if (raw) {
        out.push(node.data);
        return;
      }
      const t = node.data.replace(/\s+/g, ' ').trim();
      if (t !== '') out.push(t);
    } else if ((node.type === 'tag' && !NO_TEXT.has(node.name)) || node.type === 'root') {
      for (const c of node.children) walk(c);
    }
  };
  walk(parseDocument(html));
  return out.join(raw ? '' : '\n');
}

/**
 * Read one document's input as bytes (html is gunzipped).
 * @param {string} set @param {string} rendering @param {string} id @param {string} [dir]
 * @returns {Buffer}
 */
export function readInput(set, rendering, id, dir = corpusDir()) {
  const raw = readFileSync(inputPath(set, rendering, id, dir));
  if (isConverted(rendering)) return convertHtml(gunzipSync(raw), rendering);
  return rendering === 'html' ? gunzipSync(raw) : raw;
}

/**
 * Normalise a headline for comparison: whitespace collapsed and trimmed, curly/prime quotes made
 * straight, dash variants made `-`.
 * @param {string | null | undefined} s
 * @returns {string}
 */
export function normHeadline(s) {
  if (!s) return '';
  return s
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/[\s\u00A0\u200B]+/g, ' ')
    .trim();
}

/**
 * @typedef {object} DocResult
 * @property {string} id
 * @property {string} path        input file
 * @property {number} f1
 * @property {number | null} precision
 * @property {number | null} recall
 * @property {number} tp @property {number} fp @property {number} fn
 * @property {number} predTokens
 * @property {number} goldTokens
 * @property {boolean} empty      our body empty while the gold body is not
 * @property {{f1: number, tp: number, fp: number, fn: number}} article  the same metric on the
 *   article text: headline, subheadline, captions and body in page order (Readability: title and content)
 * @property {boolean | null} headlineOk  null when gold has no headline
 * @property {string | null} [error]
 */

/**
 * @typedef {object} RowSummary
 * @property {string} set
 * @property {string} rendering
 * @property {string} tool        'newsclean' or 'readability'
 * @property {string} favor
 * @property {number} docs
 * @property {number} f1
 * @property {number} precision
 * @property {number} recall
 * @property {number} articleF1  F1 of the article text (see DocResult.article)
 * @property {number} empty
 * @property {number} errors
 * @property {number} headlineDocs  docs whose gold has a headline
 * @property {number} headlineOk
 * @property {number | null} headlineAcc
 * @property {number} seconds
 */

/**
 * @typedef {object} Row
 * @property {RowSummary} summary
 * @property {DocResult[]} docs
 * @property {{id: string, message: string}[]} errors
 */

/**
 * Score a list of (pred, gold) results into a row.
 * @param {object} info
 * @param {string} info.set @param {string} info.rendering @param {string} info.tool @param {string} info.favor
 * @param {number} info.seconds
 * @param {DocResult[]} info.docs
 * @param {{id: string, message: string}[]} info.errors
 * @returns {Row}
 */
function makeRow({ set, rendering, tool, favor, seconds, docs, errors }) {
  const agg = aggregate(docs);
  const headlineDocs = docs.filter((d) => d.headlineOk !== null).length;
  const headlineOk = docs.filter((d) => d.headlineOk === true).length;
  return {
    summary: {
      set,
      rendering,
      tool,
      favor,
      docs: docs.length,
      f1: agg.f1,
      precision: agg.precision,
      recall: agg.recall,
      articleF1: aggregate(docs.map((d) => d.article)).f1,
      empty: docs.filter((d) => d.empty).length,
      errors: errors.length,
      headlineDocs,
      headlineOk,
      headlineAcc: headlineDocs > 0 ? headlineOk / headlineDocs : null,
      seconds,
    },
    docs,
    errors,
  };
}

/**
 * Build one document's result.
 * @param {string} id @param {string} path @param {string} pred @param {string | null} predHeadline
 * @param {GoldEntry} gold @param {string | null} error
 * @returns {DocResult}
 */
function docResult(id, path, pred, predHeadline, gold, error, articleText = pred) {
  const goldBody = gold.articleBody ?? '';
  const s = scoreDoc(pred, goldBody);
  const a = articleText === pred ? s : scoreDoc(articleText, goldBody);
  const goldHeadline = typeof gold.headline === 'string' && gold.headline.trim() !== '' ? gold.headline : null;
  return {
    id,
    path,
    f1: s.f1,
    precision: s.precision,
    recall: s.recall,
    tp: s.tp,
    fp: s.fp,
    fn: s.fn,
    predTokens: s.predTokens,
    goldTokens: s.goldTokens,
    empty: pred.trim() === '' && goldBody.trim() !== '',
    article: { f1: a.f1, tp: a.tp, fp: a.fp, fn: a.fn },
    headlineOk: goldHeadline === null ? null : normHeadline(predHeadline) === normHeadline(goldHeadline),
    ...(error ? { error } : {}),
  };
}

/**
 * The roles of the article text, for the "article F1" column. Some golds (cleanportaleval, dragnet)
 * annotate the whole article region, headline and photo captions included; newsclean reports those
 * apart from the body, so the body alone cannot match them. The article text is what newsclean
 * keeps of the article in page order; Readability's counterpart is its title and content.
 */
const ARTICLE_ROLES = new Set(['headline', 'subheadline', 'caption', 'body']);

/** @type {Promise<typeof import('../dist/index.js')> | null} */
let libPromise = null;
/** Import the built library once. */
function lib() {
  if (!libPromise) {
    const entry = join(ROOT, 'dist', 'index.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
    libPromise = import(pathToFileURL(entry).href);
  }
  return libPromise;
}

/**
 * Run newsclean on one set × rendering and score it.
 * @param {object} opts
 * @param {string} opts.set
 * @param {string} opts.rendering  'text-chromium' | 'text-w3m' | 'html'
 * @param {string} [opts.favor]    default 'balanced'
 * @param {number} [opts.limit]    first N ids (sorted)
 * @param {string} [opts.dir]      corpus directory
 * @returns {Promise<Row>}
 */
export async function evalNewsclean({ set, rendering, favor = 'balanced', limit, dir = corpusDir() }) {
  const { analyze } = await lib();
  const gold = loadGold(set, dir);
  const ids = setIds(set, limit, dir);
  /** @type {DocResult[]} */
  const docs = [];
  /** @type {{id: string, message: string}[]} */
  const errors = [];
  const t0 = process.hrtime.bigint();
  const inputFormat = rendering === 'html' ? 'html' : 'text';
  for (const id of ids) {
    const path = inputPath(set, rendering, id, dir);
    let body = '';
    let articleText = '';
    /** @type {string | null} */
    let headline = null;
    /** @type {string | null} */
    let error = null;
    try {
      const bytes = readInput(set, rendering, id, dir);
      const { article, blocks } = analyze(bytes, { name: path, inputFormat, favor: /** @type {any} */ (favor) });
      body = article.body ?? '';
      headline = article.headline;
      articleText = blocks.filter((b) => ARTICLE_ROLES.has(b.role)).map((b) => b.text).join('\n\n');
    } catch (e) {
      error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      errors.push({ id, message: error });
    }
    docs.push(docResult(id, path, body, headline, gold[id], error, articleText));
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return makeRow({ set, rendering, tool: 'newsclean', favor, seconds, docs, errors });
}

// ---------------------------------------------------------------------------------------------
// The peer: Mozilla Readability 0.6 on linkedom.

/** Elements whose content starts a new text block when walking Readability's output. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template']);

/**
 * Turn an HTML fragment (Readability's `content`) into block texts joined by blank lines, so block
 * boundaries separate words as a reader sees them (textContent would glue `</p><p>` neighbours).
 * @param {string} html
 * @param {(html: string) => {document: any}} parseHTML
 * @returns {string}
 */
export function htmlToBlocks(html, parseHTML) {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  /** @type {string[]} */
  const blocks = [];
  let cur = '';
  const flush = () => {
    const t = cur.replace(/\s+/g, ' ').trim();
    if (t) blocks.push(t);
    cur = '';
  };
  /** @param {any} node */
  const walk = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        cur += child.nodeValue ?? '';
      } else if (child.nodeType === 1) {
        const tag = String(child.tagName).toLowerCase();
        if (SKIP_TAGS.has(tag)) continue;
        const block = BLOCK_TAGS.has(tag);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(document.body ?? document.documentElement);
  flush();
  return blocks.join('\n\n');
}

/** @type {{ Readability: any, parseHTML: any, hash: string, version: string } | null} */
let peerLib = null;
/** Load Readability and linkedom, and hash their versions for the cache key. */
function peer() {
  if (!peerLib) {
    const { Readability } = require('@mozilla/readability');
    const { parseHTML } = require('linkedom');
    const rPkg = require('@mozilla/readability/package.json');
    const lPkg = JSON.parse(readFileSync(join(dirname(require.resolve('linkedom')), '..', 'package.json'), 'utf8'));
    const h = createHash('sha256');
    h.update(readFileSync(require.resolve('@mozilla/readability/Readability.js')));
    h.update(`readability@${rPkg.version} linkedom@${lPkg.version} walker@1`);
    peerLib = { Readability, parseHTML, hash: h.digest('hex').slice(0, 16), version: `${rPkg.version}/${lPkg.version}` };
  }
  return peerLib;
}

/**
 * Run Readability on one HTML page.
 * @param {string} html
 * @returns {{ body: string, title: string | null }}
 */
export function runReadability(html) {
  const { Readability, parseHTML } = peer();
  const { document } = parseHTML(html);
  const parsed = new Readability(document).parse();
  if (!parsed) return { body: '', title: null };
  return { body: htmlToBlocks(parsed.content ?? '', parseHTML), title: parsed.title ?? null };
}

/** Default cache file of the peer. */
export const PEER_CACHE = join(HERE, 'out', 'peer-cache.json');

/**
 * @typedef {{ hash: string, entries: Record<string, { body: string, title: string | null, error?: string }> }} PeerCache
 */

/**
 * @param {string} file
 * @returns {PeerCache}
 */
function loadPeerCache(file) {
  const { hash } = peer();
  try {
    const c = JSON.parse(readFileSync(file, 'utf8'));
    if (c && c.hash === hash && c.entries && typeof c.entries === 'object') return c;
  } catch {
    // absent or unreadable: start afresh
  }
  return { hash, entries: {} };
}

/**
 * @param {string} file @param {PeerCache} cache
 */
function savePeerCache(file, cache) {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(cache));
  renameSync(tmp, file);
}

/**
 * Run (or read from the cache) Readability on one set's html rendering and score it.
 * @param {object} opts
 * @param {string} opts.set
 * @param {number} [opts.limit]
 * @param {string} [opts.dir]
 * @param {string | null} [opts.cacheFile]  null disables the cache
 * @returns {Promise<Row & { computed: number }>}
 */
export async function evalPeer({ set, limit, dir = corpusDir(), cacheFile = PEER_CACHE }) {
  const gold = loadGold(set, dir);
  const ids = setIds(set, limit, dir);
  const cache = cacheFile ? loadPeerCache(cacheFile) : { hash: peer().hash, entries: {} };
  /** @type {DocResult[]} */
  const docs = [];
  /** @type {{id: string, message: string}[]} */
  const errors = [];
  let computed = 0;
  const t0 = process.hrtime.bigint();
  for (const id of ids) {
    const path = inputPath(set, 'html', id, dir);
    const key = `${set}/${id}`;
    let entry = cache.entries[key];
    if (!entry) {
      try {
        entry = runReadability(readInput(set, 'html', id, dir).toString('utf8'));
      } catch (e) {
        entry = { body: '', title: null, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
      }
      cache.entries[key] = entry;
      computed++;
    }
    if (entry.error) errors.push({ id, message: entry.error });
    docs.push(docResult(id, path, entry.body, entry.title, gold[id], entry.error ?? null, entry.title ? `${entry.title}\n\n${entry.body}` : entry.body));
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (cacheFile && computed > 0) savePeerCache(cacheFile, cache);
  return { ...makeRow({ set, rendering: 'html', tool: 'readability', favor: '-', seconds, docs, errors }), computed };
}

// ---------------------------------------------------------------------------------------------
// Printing.

/** @param {number | null | undefined} x */
const f3 = (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(3));

/**
 * @param {RowSummary} s
 * @returns {string}
 */
function headlineCell(s) {
  return s.headlineAcc === null ? '–' : `${f3(s.headlineAcc)} (${s.headlineOk}/${s.headlineDocs})`;
}

/**
 * The main Markdown table: one row per set × rendering, the peer's row beside ours for html.
 * @param {RowSummary[]} rows
 * @returns {string}
 */
export function markdownTable(rows) {
  const lines = [
    '| corpus | rendering | tool | docs | F1 | P | R | article F1 | empty | errors | headline | seconds |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const s of rows) {
    lines.push(
      `| ${s.set} | ${s.rendering} | ${s.tool}${s.tool === 'newsclean' && s.favor !== 'balanced' ? ` (${s.favor})` : ''} | ${s.docs} | ${f3(s.f1)} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.articleF1)} | ${s.empty} | ${s.errors} | ${headlineCell(s)} | ${s.seconds.toFixed(2)} |`,
    );
  }
  return lines.join('\n');
}

/**
 * The dial table: F1/P/R for every favor value.
 * @param {RowSummary[]} rows
 * @returns {string}
 */
export function dialTable(rows) {
  /** @type {Map<string, Map<string, RowSummary>>} */
  const by = new Map();
  for (const s of rows) {
    const k = `${s.set}\u0000${s.rendering}`;
    if (!by.has(k)) by.set(k, new Map());
    by.get(k)?.set(s.favor, s);
  }
  const lines = [
    '| corpus | rendering | precision: F1 / P / R | balanced: F1 / P / R | recall: F1 / P / R |',
    '|---|---|---|---|---|',
  ];
  for (const [k, m] of by) {
    const [set, rendering] = k.split('\u0000');
    const cell = (/** @type {string} */ f) => {
      const s = m.get(f);
      return s ? `${f3(s.f1)} / ${f3(s.precision)} / ${f3(s.recall)}` : '–';
    };
    lines.push(`| ${set} | ${rendering} | ${cell('precision')} | ${cell('balanced')} | ${cell('recall')} |`);
  }
  return lines.join('\n');
}

/**
 * The N worst documents of a row by F1.
 * @param {Row} row @param {number} n
 * @returns {string}
 */
export function worstTable(row, n) {
  const s = row.summary;
  const worst = [...row.docs].sort((a, b) => a.f1 - b.f1 || a.id.localeCompare(b.id)).slice(0, n);
  const lines = [
    `\n**Worst ${worst.length}: ${s.set} / ${s.rendering} / ${s.tool}${s.tool === 'newsclean' ? ` (${s.favor})` : ''}**\n`,
    '| id | F1 | P | R | pred tok | gold tok | input |',
    '|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const d of worst) {
    lines.push(`| ${d.id} | ${f3(d.f1)} | ${f3(d.precision)} | ${f3(d.recall)} | ${d.predTokens} | ${d.goldTokens} | ${d.path} |`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// CLI.

/**
 * @typedef {object} CliOptions
 * @property {string[]} sets
 * @property {string[]} renderings
 * @property {boolean} peer
 * @property {string} favor
 * @property {boolean} dial
 * @property {number} worst
 * @property {number} limit
 * @property {string} report
 * @property {string} peerCache
 * @property {boolean} rawGold
 */

/**
 * Parse the command line.
 * @param {string[]} argv
 * @returns {CliOptions}
 */
export function parseArgs(argv) {
  /** @type {CliOptions} */
  const o = {
    sets: [],
    renderings: [],
    peer: true,
    favor: 'balanced',
    dial: false,
    worst: 0,
    limit: 0,
    report: join(HERE, 'out', 'report.json'),
    peerCache: PEER_CACHE,
    rawGold: false,
  };
  const list = (/** @type {string} */ v) => v.split(',').map((x) => x.trim()).filter(Boolean);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const inline = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : undefined;
    const value = () => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const int = () => {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a non-negative integer, got ${v}`);
      return n;
    };
    switch (flag) {
      case '--set':
        o.sets.push(...list(value()));
        break;
      case '--rendering':
        o.renderings.push(...list(value()));
        break;
      case '--no-peer':
        o.peer = false;
        break;
      case '--favor':
        o.favor = value();
        if (!FAVORS.includes(/** @type {any} */ (o.favor))) throw new Error(`--favor must be one of ${FAVORS.join(', ')}`);
        break;
      case '--dial':
        o.dial = true;
        break;
      case '--worst':
        o.worst = int();
        break;
      case '--limit':
        o.limit = int();
        break;
      case '--report':
        o.report = resolve(value());
        break;
      case '--peer-cache':
        o.peerCache = resolve(value());
        break;
      case '--raw-gold':
        o.rawGold = true;
        break;
      case '-h':
      case '--help':
        process.stdout.write(
          'usage: node eval/run.mjs [--set NAME[,NAME]]... [--rendering NAME[,NAME]]... [--no-peer]\n' +
            '         [--favor balanced|precision|recall] [--dial] [--worst N] [--limit N] [--report FILE] [--peer-cache FILE]\n' +
            '         [--raw-gold]\n' +
            `corpus: $NEWSCLEAN_CORPUS or ${DEFAULT_CORPUS}\n`,
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument: ${a}`);
    }
  }
  for (const r of o.renderings) {
    if (!RENDERINGS.includes(/** @type {any} */ (r)) && !isConverted(r)) throw new Error(`unknown rendering ${r}: use ${[...RENDERINGS, ...CONVERTED].join(', ')}`);
  }
  return o;
}

/**
 * Run the evaluation the options describe, print the tables, write the report.
 * @param {CliOptions} o
 */
export async function main(o) {
  if (o.rawGold !== rawGold) {
    rawGold = o.rawGold;
    goldCache.clear();
    goldRepairs.clear();
  }
  const dir = corpusDir();
  const available = listSets(dir);
  if (available.length === 0) throw new Error(`no corpus sets under ${dir} (set NEWSCLEAN_CORPUS)`);
  const sets = o.sets.length ? o.sets : available;
  for (const s of sets) if (!available.includes(s)) throw new Error(`unknown set ${s}: have ${available.join(', ')}`);
  const renderings = o.renderings.length ? o.renderings : [...RENDERINGS];

  /** @type {Row[]} */
  const rows = [];
  /** @type {Row[]} */
  const dialRows = [];
  const log = (/** @type {string} */ m) => process.stderr.write(`${m}\n`);
  for (const set of sets) {
    for (const rendering of renderings) {
      const row = await evalNewsclean({ set, rendering, favor: o.favor, limit: o.limit, dir });
      rows.push(row);
      log(`${set} ${rendering}: F1 ${f3(row.summary.f1)} in ${row.summary.seconds.toFixed(2)} s`);
      if (o.dial && rendering !== 'html') {
        for (const favor of FAVORS) {
          if (favor === o.favor) dialRows.push(row);
          else dialRows.push(await evalNewsclean({ set, rendering, favor, limit: o.limit, dir }));
        }
      }
      if (rendering === 'html' && o.peer) {
        const p = await evalPeer({ set, limit: o.limit, dir, cacheFile: o.peerCache });
        rows.push(p);
        log(`${set} html readability: F1 ${f3(p.summary.f1)} (${p.computed} computed, ${p.docs.length - p.computed} cached) in ${p.summary.seconds.toFixed(2)} s`);
      }
    }
  }

  const out = [];
  out.push(`corpus: ${dir}${o.limit ? `, first ${o.limit} ids per set` : ''}, favor ${o.favor}${o.peer ? `, peer Readability ${peer().version} (readability/linkedom)` : ''}`);
  const mended = [...goldRepairs].filter(([, r]) => r.utf16.length + r.comments.length + r.notes.length > 0);
  /** @param {{ utf16: string[]; comments: string[]; notes: string[] }} r */
  const mends = (r) =>
    [
      r.utf16.length ? `${r.utf16.length} bodies decoded from UTF-16` : '',
      r.comments.length ? `${r.comments.length} cut at the comment mark` : '',
      r.notes.length ? `${r.notes.length} annotator's note dropped` : '',
    ]
      .filter(Boolean)
      .join(', ');
  out.push(
    o.rawGold
      ? 'gold: as shipped (--raw-gold)\n'
      : `gold: ${mended.length === 0 ? 'as shipped' : mended.map(([path, r]) => `${basename(dirname(path))} ${mends(r)}`).join('; ')} (--raw-gold: as shipped)\n`,
  );
  out.push(markdownTable(rows.map((r) => r.summary)));
  if (o.dial && dialRows.length) {
    out.push('\n**Favor dial (text renderings)**\n');
    out.push(dialTable(dialRows.map((r) => r.summary)));
  }
  const withErrors = rows.filter((r) => r.errors.length > 0);
  if (withErrors.length) {
    out.push('\n**Errors (first 3 per row)**\n');
    for (const r of withErrors) {
      for (const e of r.errors.slice(0, 3)) out.push(`- ${r.summary.set}/${r.summary.rendering}/${r.summary.tool} ${e.id}: ${e.message}`);
      if (r.errors.length > 3) out.push(`- … and ${r.errors.length - 3} more`);
    }
  }
  if (o.worst > 0) for (const r of rows) out.push(worstTable(r, o.worst));
  process.stdout.write(`${out.join('\n')}\n`);

  const report = {
    generatedAt: new Date().toISOString(),
    corpus: dir,
    options: { ...o },
    summary: rows.map((r) => r.summary),
    dial: dialRows.map((r) => r.summary),
    rows: rows.map((r) => ({ ...r.summary, errorList: r.errors, docs: r.docs })),
  };
  mkdirSync(dirname(o.report), { recursive: true });
  writeFileSync(o.report, JSON.stringify(report, null, 1));
  log(`report: ${o.report}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await main(parseArgs(process.argv.slice(2)));
  } catch (e) {
    process.stderr.write(`eval: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
