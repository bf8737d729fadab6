/**
 * What a page states about itself (JSON-LD, Open Graph, meta tags). Filled by the HTML path;
 * plain text has none.
 */
export interface PageImage {
  caption: string | null;
  credit: string | null;
}

export interface PageMeta {
  /** Headline from JSON-LD, og:title or <title>, site-name suffix stripped. */
  headline: string | null;
  /**
   * The page's other metadata headlines (og:title when JSON-LD's headline differs from it), site
   * name stripped: a page may show any of them in its heading.
   */
  otherHeadlines: string[];
  description: string | null;
  author: string | null;
  datePublished: string | null;
  siteName: string | null;
  images: PageImage[];
  /** The full article text when the page embeds it (JSON-LD articleBody). */
  articleBody: string | null;
  /** The page's markup says it is the page of one blog post (`<body class="single-post">`). */
  singlePost: boolean;
}

export function emptyMeta(): PageMeta {
  return { headline: null, otherHeadlines: [], description: null, author: null, datePublished: null, siteName: null, images: [], articleBody: null, singlePost: false };
}
