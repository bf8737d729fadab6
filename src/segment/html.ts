/**
 * Stage 3 for HTML: the DOM becomes blocks. Block-level elements start new blocks; inline text
 * joins the current one. Scripts, styles and other non-content elements are skipped.
 *
 * cheerio (htmlparser2 mode, via `cheerio/slim`) is loaded lazily and synchronously, so a
 * plain-text run never pays for it.
 */
import { createRequire } from 'node:module';
import type { Block } from '../article.js';
import { emptyMeta, type PageMeta } from './meta.js';

type CheerioSlim = typeof import('cheerio/slim');
let cheerioSlim: CheerioSlim | null = null;
function loadCheerio(): CheerioSlim {
  if (cheerioSlim === null) cheerioSlim = createRequire(import.meta.url)('cheerio/slim') as CheerioSlim;
  return cheerioSlim;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'head', 'select', 'button', 'canvas', 'math']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul', 'html', 'caption', 'center', 'option',
]);

export interface HtmlSegments {
  blocks: Block[];
  meta: PageMeta;
}

interface DomNode {
  type: string;
  name?: string;
  data?: string;
  children?: DomNode[];
}

export function segmentHtml(html: string): HtmlSegments {
  const { load } = loadCheerio();
  const $ = load(html);
  const root = $.root()[0] as unknown as DomNode;
  const blocks: Block[] = [];
  let current = '';
  let gap = 0;
  const flush = (): void => {
    const text = current.replace(/\s+/g, ' ').trim();
    current = '';
    if (text === '') {
      gap++;
      return;
    }
    blocks.push({ index: blocks.length, text, line: blocks.length + 1, gapBefore: blocks.length === 0 ? 0 : Math.min(gap, 1), role: 'body', reasons: [] });
    gap = 0;
  };
  // Iterative walk: an explicit stack, so deeply nested input cannot overflow the call stack.
  const stack: Array<DomNode | 'flush'> = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'flush') {
      flush();
      continue;
    }
    if (node.type === 'text') {
      current += node.data ?? '';
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'root' && node.type !== 'script' && node.type !== 'style') continue;
    const name = node.name?.toLowerCase() ?? '';
    if (SKIP.has(name) || node.type === 'script' || node.type === 'style') continue;
    const isBlock = BLOCK.has(name);
    if (isBlock) {
      flush();
      stack.push('flush');
    }
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  const meta = emptyMeta();
  const title = $('title').first().text().replace(/\s+/g, ' ').trim();
  meta.headline = title === '' ? null : title;
  return { blocks, meta };
}
