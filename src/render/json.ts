/**
 * JSON renderer: the Article as is, pretty-printed (two-space indent), one document per call.
 */
import type { Article } from '../article.js';

/** The Article as indented JSON, ending with a newline. */
export function renderJson(article: Article): string {
  return `${JSON.stringify(article, null, 2)}\n`;
}
