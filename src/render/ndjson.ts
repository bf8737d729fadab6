/**
 * NDJSON renderer: the Article as one compact JSON line (JSON Lines / NDJSON record).
 */
import type { Article } from '../article.js';

/**
 * The Article as a single line of JSON, ending with a newline. `JSON.stringify` escapes every
 * control character inside strings, so the record never spans two lines.
 */
export function renderNdjson(article: Article): string {
  return `${JSON.stringify(article)}\n`;
}
