/**
 * PageMeta from what the DOM walk collected: JSON-LD first, then Open Graph / Twitter / named
 * meta tags, then the DOM (`<title>`). The first source that states a field wins.
 */
import { emptyMeta, type PageMeta } from '../segment/meta.js';
import { findArticle, parseJsonLd } from './jsonld.js';
import { stripSiteName, titleKey } from './title.js';

/** What the DOM walk hands over: meta tags by lower-cased key, ld+json texts, the title. */
export interface RawMeta {
  /** `name`, `property` or `itemprop` of `<meta>` (lower case) → first non-empty `content`. */
  tags: Map<string, string>;
  jsonLd: string[];
  title: string | null;
  /** The `<body>` element's class attribute, when it has one. */
  bodyClass: string | null;
}

/**
 * A blog platform's classes on `<body>` for the page of one post (WordPress: "single single-post
 * postid-34569"): an article's page, no index or front page.
 */
const SINGLE_POST = /(?:^|\s)(?:single-post|postid-\d+)(?:\s|$)/;

/** Meta keys in precedence order, per field. */
const KEYS = {
  headline: ['og:title', 'twitter:title', 'sailthru.title', 'headline', 'dc.title'],
  author: ['author', 'article:author', 'byl', 'sailthru.author', 'parsely-author', 'dc.creator', 'twitter:creator'],
  date: ['article:published_time', 'datepublished', 'pubdate', 'publishdate', 'date', 'dc.date.issued', 'dc.date', 'sailthru.date', 'parsely-pub-date', 'og:published_time'],
  siteName: ['og:site_name', 'application-name', 'twitter:site'],
  description: ['og:description', 'description', 'twitter:description'],
} as const;

function firstTag(tags: Map<string, string>, keys: readonly string[], accept: (v: string) => boolean = () => true): string | null {
  for (const k of keys) {
    const v = tags.get(k);
    if (v !== undefined && accept(v)) return v;
  }
  return null;
}

const notUrl = (v: string): boolean => !/^(?:https?:)?\/\//i.test(v) && !/^@/.test(v);

export function buildMeta(raw: RawMeta): PageMeta {
  const meta = emptyMeta();
  meta.singlePost = raw.bodyClass !== null && SINGLE_POST.test(raw.bodyClass);
  const values: unknown[] = [];
  for (const src of raw.jsonLd) {
    const v = parseJsonLd(src);
    if (v !== undefined) values.push(v);
  }
  const ld = values.length > 0 ? findArticle(values) : null;
  const tags = raw.tags;

  meta.siteName = firstTag(tags, KEYS.siteName, notUrl) ?? ld?.publisher ?? null;
  const rawHeadline = ld?.headline ?? firstTag(tags, KEYS.headline) ?? raw.title;
  meta.headline = rawHeadline ? stripSiteName(rawHeadline, meta.siteName) || null : null;
  const tagHeadline = ld?.headline ? firstTag(tags, KEYS.headline) : null;
  const other = tagHeadline ? stripSiteName(tagHeadline, meta.siteName) : '';
  if (other !== '' && meta.headline !== null && titleKey(other) !== titleKey(meta.headline)) meta.otherHeadlines.push(other);
  meta.author = ld && ld.authors.length > 0 ? ld.authors.join(', ') : firstTag(tags, KEYS.author, notUrl);
  meta.datePublished = ld?.datePublished ?? firstTag(tags, KEYS.date);
  meta.description = ld?.description ?? firstTag(tags, KEYS.description);
  meta.articleBody = ld?.articleBody ?? null;
  meta.images = ld?.images ?? [];
  return meta;
}
