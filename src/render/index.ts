/**
 * The output formats, in one place: the CLI's `--format` choices and the dispatcher over the
 * renderers.
 */
import type { ChalkInstance } from 'chalk';
import type { Analysis } from '../index.js';
import { renderAnnotate } from './annotate.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderNdjson } from './ndjson.js';
import { renderText } from './text.js';

export const FORMATS = ['text', 'json', 'ndjson', 'markdown', 'annotate'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** text: add subheadline, byline, dateline, captions and credits. */
  withMeta?: boolean;
  /** annotate: add each block's reasons. */
  explain?: boolean;
  /** annotate: colour with this chalk instance. */
  chalk?: ChalkInstance;
}

/** Render one analysed document in `format`. */
export function render(format: Format, analysis: Analysis, options: RenderOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(analysis.article, { withMeta: options.withMeta ?? false });
    case 'json':
      return renderJson(analysis.article);
    case 'ndjson':
      return renderNdjson(analysis.article);
    case 'markdown':
      return renderMarkdown(analysis.article);
    case 'annotate':
      return renderAnnotate(analysis.blocks, {
        explain: options.explain ?? false,
        ...(options.chalk ? { chalk: options.chalk } : {}),
      });
  }
}

export { renderAnnotate, roleLabel, ROLE_COLUMN_WIDTH } from './annotate.js';
export { renderJson } from './json.js';
export { renderMarkdown, escapeMarkdown } from './markdown.js';
export { renderNdjson } from './ndjson.js';
export { renderText } from './text.js';
