import { lazyRows, type PatternRow } from './table.js';

/**
 * Author bios: the box at the end of a post or story that presents its writer. The heading (or the
 * label the bio starts with) marks it; in the span search it ends the body like a comment heading
 * (src/classify/rules.ts, STRONG_BARRIER), so the bio paragraph under it stays out too.
 */
export const AUTHOR_BIO: readonly PatternRow<'other'>[] = lazyRows<'other'>([
  {
    id: 'author-bio',
    kind: 'other',
    pattern: () =>
      /^[\s\p{P}\p{S}]*(?:about\s+(?:the\s+(?:author|writer|reporter|contributor|blogger)s?|me)|author\s+(?:bio(?:graphy)?|information|profile)|(?:über|ueber)\s+(?:den|die)\s+autor(?:in|en)?|à\s+propos\s+de\s+l['’]auteure?|sobre\s+(?:el|la|o|a)\s+autora?|об\s+авторе|o\s+autorovi)(?:[\s\p{P}\p{S}]*$|\s*[:–—-]\s*\S.*$)/iu,
    note: 'An author-bio heading ("About the Author", "About Me", "Über den Autor", "Об авторе"), alone or as the label the bio starts with ("About the Author: Derek Halpern is …"). Not "about the author\'s new book" in a sentence.',
    example: 'About the Author: Derek Halpern is the marketing guy at DIYthemes, and founder of Social Triggers.',
    nearMiss: 'About the author of the report, little is known.',
    maxLength: 800,
  },
]);
