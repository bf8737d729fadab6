/**
 * Stage 3 for plain text: every non-blank line becomes a block. Blank lines are kept as the
 * `gapBefore` of the next block, since scrapers mark paragraph breaks with them.
 */
import type { Block } from '../article.js';

/** Collapse runs of whitespace (including NBSP and other Unicode spaces) and trim. */
export function normalizeSpace(s: string): string {
  return s.replace(/[\s\u00a0\u200b\u2000-\u200a\u202f\u205f\u3000\ufeff]+/g, ' ').trim();
}

export function segmentText(text: string): Block[] {
  const blocks: Block[] = [];
  let lineNo = 0;
  let gap = 0;
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = start;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    lineNo++;
    const norm = normalizeSpace(text.slice(start, end));
    if (norm === '') {
      gap++;
    } else {
      blocks.push({ index: blocks.length, text: norm, line: lineNo, gapBefore: blocks.length === 0 ? 0 : gap, role: 'body', reasons: [] });
      gap = 0;
    }
    if (end >= n) break;
    // \r\n counts as one line break
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
  return blocks;
}
