/**
 * Markdown renderer: `# headline`, the subheadline in bold, `*byline*` and the dateline in
 * italics, the body paragraphs, then a final "Photos" section listing captions and credits.
 * Text from the page is escaped so that it stays literal text in any CommonMark renderer.
 */
import type { Article } from '../article.js';

/** Characters with inline meaning in CommonMark. */
const INLINE_SPECIALS = /[\\`*_[\]<>|~&]/g;
/** Line starts that would turn a paragraph into a heading, quote, list item or rule. */
const BLOCK_START = /^(\s*)([#>+=-]|\d+[.)])/;

/** Escape a line of page text so Markdown shows it literally. */
export function escapeMarkdown(text: string): string {
  const inline = text.replace(INLINE_SPECIALS, (c) => `\\${c}`);
  return inline.replace(BLOCK_START, (_m, space: string, marker: string) => {
    if (/^\d/.test(marker)) return `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`;
    return `${space}\\${marker}`;
  });
}

/** The article as a Markdown document ending with a newline; empty when there is nothing. */
export function renderMarkdown(article: Article): string {
  const blocks: string[] = [];
  if (article.headline) blocks.push(`# ${escapeMarkdown(article.headline)}`);
  if (article.subheadline) blocks.push(`**${escapeMarkdown(article.subheadline)}**`);
  if (article.byline) blocks.push(`*${escapeMarkdown(article.byline)}*`);
  if (article.dateline) blocks.push(`*${escapeMarkdown(article.dateline)}*`);
  for (const p of article.paragraphs) blocks.push(escapeMarkdown(p));

  const items: string[] = [];
  for (const caption of article.captions) items.push(`- ${escapeMarkdown(caption)}`);
  for (const credit of article.photoCredits) items.push(`- Photo: ${escapeMarkdown(credit)}`);
  if (items.length > 0) blocks.push('---', '## Photos', items.join('\n'));

  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}
