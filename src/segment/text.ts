/**
 * Stage 3 for plain text: every non-blank line becomes a block. Blank lines are kept as the
 * `gapBefore` of the next block, since scrapers mark paragraph breaks with them.
 */
import type { Block } from '../article.js';
import { layoutLines } from './layout.js';

/** Collapse runs of whitespace (including NBSP and other Unicode spaces) and trim. */
export function normalizeSpace(s: string): string {
  return s.replace(/[\s\u00a0\u200b\u2000-\u200a\u202f\u205f\u3000\ufeff]+/g, ' ').trim();
}

export function segmentText(text: string): Block[] {
  // Fixed-width dumps (w3m, lynx) are turned into logical lines first: columns read one after
  // the other, wrapped lines joined (see layout.ts). Plain innerText comes back line for line.
  const blocks: Block[] = [];
  let carry = 0; // a logical line that normalises to nothing (zero-width characters) is a blank line
  for (const l of layoutLines(text)) {
    const norm = normalizeSpace(l.text);
    if (norm === '') {
      carry += l.gapBefore + 1;
      continue;
    }
    blocks.push({ index: blocks.length, text: norm, line: l.line, gapBefore: blocks.length === 0 ? 0 : l.gapBefore + carry, role: 'body', reasons: [] });
    carry = 0;
  }
  return blocks;
}
