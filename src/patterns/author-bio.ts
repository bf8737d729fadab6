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
  {
    id: 'site-about',
    kind: 'other',
    // Case-sensitive: "About" capitalised, as a heading is written. Not "About <Name>": a press
    // release ends in "About Acme Corp." and the company's description, part of the release.
    pattern: () =>
      /^[\s\p{P}\p{S}]*(?:(?:About|ABOUT)\s+(?:[Tt]his\s+(?:[Bb]log|[Ss]ite|[Ww]ebsite)|[Tt]he\s+(?:[Bb]log|[Ss]ite|[Ww]ebsite))|Write\s+for\s+[Uu]s|WRITE\s+FOR\s+US|Be(?:come)?\s+[Aa]\s+[Cc]ontributor|BE(?:COME)?\s+A\s+CONTRIBUTOR|Über\s+uns|À\s+propos(?:\s+de\s+nous)?|Qui\s+sommes-nous\s*\??|Quiénes\s+somos|Sobre\s+(?:nosotros|nós)|Chi\s+siamo|О\s+нас|O\s+nás)[\s:.]*$/u,
    note: 'The heading of a site\'s or publisher\'s presentation ("About this blog", "Über uns", "О нас") or of its call for writers ("Write for us", "Become a contributor"), alone on its line: the blurb under it is the site\'s, not the article\'s. A bare "About" is a menu\'s, "About us" a footer link of the terms row; "About <the site>" is recognised by the page\'s copyright line (markSiteAbout, src/classify/revise.ts). Not "About" opening a sentence or a lower-case subject ("About the money").',
    example: 'About this blog',
    nearMiss: 'About the money, little is known.',
    maxLength: 60,
  },
]);
