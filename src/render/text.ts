/**
 * Plain-text renderer: the headline, a blank line, then the body paragraphs separated by blank
 * lines. With `withMeta`, the subheadline, byline and dateline follow the headline and the
 * captions and photo credits close the document.
 */
import type { Article } from '../article.js';

export interface TextRenderOptions {
  /** Add subheadline, byline, dateline, captions and photo credits. */
  withMeta?: boolean;
}

/** The article as plain text; an empty string when it has no headline, no body and no meta. */
export function renderText(article: Article, options: TextRenderOptions = {}): string {
  const sections: string[] = [];
  const head: string[] = [];
  if (article.headline) head.push(article.headline);
  if (options.withMeta) {
    if (article.subheadline) head.push(article.subheadline);
  }
  if (head.length > 0) sections.push(head.join('\n'));

  if (options.withMeta) {
    const meta: string[] = [];
    if (article.byline) meta.push(article.byline);
    if (article.dateline) meta.push(article.dateline);
    if (meta.length > 0) sections.push(meta.join('\n'));
  }

  sections.push(...article.paragraphs);

  if (options.withMeta) {
    const tail: string[] = [];
    for (const caption of article.captions) tail.push(`Caption: ${caption}`);
    for (const credit of article.photoCredits) tail.push(`Photo: ${credit}`);
    if (tail.length > 0) sections.push(tail.join('\n'));
  }

  const kept = sections.filter((s) => s.length > 0);
  return kept.length === 0 ? '' : `${kept.join('\n\n')}\n`;
}
