/**
 * JSON-LD (`<script type="application/ld+json">`) read defensively: invalid JSON is repaired
 * where a common slip explains it (raw newlines in strings, trailing commas, HTML comments,
 * CDATA wrappers) and skipped otherwise; the object graph is walked iteratively with a node cap,
 * so a huge or deeply nested graph costs bounded time and never overflows the stack.
 */
/** `CHAR_CODE_AT.call(text, i)` for `text.charCodeAt(i)` in character loops: no megamorphic look-up on the text (see src/classify/features.ts). */
const CHAR_CODE_AT = String.prototype.charCodeAt;

/** What the article object of a page's JSON-LD says. Every field may be missing. */
export interface JsonLdArticle {
  headline: string | null;
  authors: string[];
  datePublished: string | null;
  description: string | null;
  articleBody: string | null;
  publisher: string | null;
  images: Array<{ caption: string | null; credit: string | null }>;
}

/** Largest script we parse (characters); a bigger one is skipped, not parsed. */
const MAX_SCRIPT_CHARS = 5_000_000;
/** Most JSON values we visit in one page's JSON-LD graph. */
const MAX_VISITED = 20_000;

/** `@type` values that name an article. */
const ARTICLE_TYPE = /^(?:\w*Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report|WebPageElement)$/;
const PREFERRED_TYPE = /^(?:NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|Article|BlogPosting|LiveBlogPosting)$/;

function tryParse(src: string): unknown {
  try {
    return JSON.parse(src);
  } catch {
    return undefined;
  }
}

/** Replace raw control characters inside JSON strings by escapes (a frequent CMS slip). */
function escapeControlsInStrings(s: string): string {
  let out = '';
  let inStr = false;
  let last = 0;
  for (let i = 0, n = s.length; i < n; i++) {
    const c = CHAR_CODE_AT.call(s, i);
    if (inStr) {
      if (c === 92) {
        i++;
        continue;
      }
      if (c === 34) inStr = false;
      else if (c < 32) {
        out += s.slice(last, i) + (c === 10 ? '\\n' : c === 13 ? '\\r' : c === 9 ? '\\t' : ' ');
        last = i + 1;
      }
    } else if (c === 34) inStr = true;
  }
  return out + s.slice(last);
}

/** Parse one ld+json script's text, repairing the common slips; `undefined` when hopeless. */
export function parseJsonLd(raw: string): unknown {
  if (raw.length > MAX_SCRIPT_CHARS) return undefined;
  let src = raw.trim();
  if (src === '') return undefined;
  let v = tryParse(src);
  if (v !== undefined) return v;
  src = src
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
    .trim()
    .replace(/;\s*$/, '');
  src = escapeControlsInStrings(src).replace(/,\s*([}\]])/g, '$1');
  v = tryParse(src);
  if (v !== undefined) return v;
  // Several objects glued together: `{...}{...}` → an array.
  if (/^\{[\s\S]*\}\s*\{/.test(src)) v = tryParse('[' + src.replace(/\}\s*\{/g, '},{') + ']');
  return v;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function types(o: Record<string, unknown>): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function str(v: unknown): string | null {
  if (typeof v === 'string') {
    const s = v.replace(/\s+/g, ' ').trim();
    return s === '' ? null : s;
  }
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = str(x);
      if (s !== null) return s;
    }
  }
  return null;
}

/** Names from an author value: a string, a Person/Organization, or an array of them. */
function names(v: unknown): string[] {
  const out: string[] = [];
  const list = Array.isArray(v) ? v : [v];
  for (const x of list.slice(0, 20)) {
    let n: string | null = null;
    if (typeof x === 'string') n = str(x);
    else if (isObj(x)) n = str(x['name']) ?? [str(x['givenName']), str(x['familyName'])].filter(Boolean).join(' ');
    if (n && !/^https?:\/\//i.test(n) && !out.includes(n)) out.push(n);
  }
  return out;
}

function images(v: unknown): Array<{ caption: string | null; credit: string | null }> {
  const out: Array<{ caption: string | null; credit: string | null }> = [];
  const list = Array.isArray(v) ? v : [v];
  for (const x of list.slice(0, 20)) {
    if (!isObj(x)) continue;
    const caption = str(x['caption']) ?? str(x['description']);
    const holder = x['copyrightHolder'];
    const credit =
      str(x['creditText']) ??
      (isObj(holder) ? str(holder['name']) : str(holder)) ??
      (names(x['author'])[0] ?? null) ??
      str(x['copyrightNotice']);
    if (caption !== null || credit !== null) out.push({ caption, credit });
  }
  return out;
}

/** Find the page's article object in parsed JSON-LD values (arrays, `@graph`, nesting). */
export function findArticle(values: unknown[]): JsonLdArticle | null {
  const stack: unknown[] = [...values].reverse();
  let visited = 0;
  let best: Record<string, unknown> | null = null;
  let bestRank = -1;
  while (stack.length > 0 && visited < MAX_VISITED) {
    const v = stack.pop();
    visited++;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
      continue;
    }
    if (!isObj(v)) continue;
    const t = types(v);
    if (t.some((x) => ARTICLE_TYPE.test(x))) {
      // Prefer the named news types, then the object that carries a body, then a headline.
      const rank =
        (t.some((x) => PREFERRED_TYPE.test(x)) ? 4 : 0) + (typeof v['articleBody'] === 'string' ? 2 : 0) + (v['headline'] ? 1 : 0);
      if (rank > bestRank) {
        best = v;
        bestRank = rank;
      }
    }
    for (const key of Object.keys(v)) {
      const child = v[key];
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  if (best === null) return null;
  const publisher = best['publisher'];
  return {
    headline: str(best['headline']) ?? str(best['name']),
    authors: names(best['author'] ?? best['creator']),
    datePublished: str(best['datePublished']) ?? str(best['dateCreated']),
    description: str(best['description']),
    articleBody: typeof best['articleBody'] === 'string' ? (best['articleBody'] as string).trim() || null : null,
    publisher: isObj(publisher) ? str(publisher['name']) : str(publisher),
    images: images(best['image']),
  };
}
