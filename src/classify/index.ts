/**
 * Stages 4–6: language, context-free labels, revision from neighbours and the body span.
 */
import type { Block, InputFormat } from '../article.js';
import type { Favor } from '../options.js';
import type { PageMeta } from '../segment/meta.js';

export interface ClassifyContext {
  favor: Favor;
  inputFormat: InputFormat;
  meta: PageMeta | null;
}

export function classifyDocument(blocks: Block[], _ctx: ClassifyContext): { language: string | null } {
  for (const b of blocks) {
    const words = b.text.split(' ').length;
    b.role = words >= 12 ? 'body' : 'boilerplate';
    if (b.role === 'boilerplate') b.kind = 'other';
  }
  return { language: null };
}
