/**
 * Site names around page titles: "Headline | The Moscow Times", "Headline - BBC News",
 * "Site: Headline". With a known site name (og:site_name, JSON-LD publisher) the name is removed
 * where it stands at either end behind a separator; without one, a short segment at the end
 * behind a separator is taken for the site name (the separator heuristic).
 */

/** Separators between a title and a site or section name, with the spaces around them. */
const SEPARATOR = /\s+[|\-–—·•»«:~/]{1,2}\s+|\s*[|•»«·]\s*/;
/** A trailing site segment is at most this many words (heuristic, no known site name). */
const MAX_SITE_WORDS = 5;
/** What must remain of the title after stripping, in words. */
const MIN_HEADLINE_WORDS = 3;

/**
 * Separators between the parts of a page title, for matching a line against those parts: spaced
 * bars, dashes, colons, slashes, and bars, bullets and dashes with or without spaces.
 */
export const TITLE_PART_SEPARATOR = /\s+[|\-–—·•»«:~/]{1,2}\s+|\s*[|•»«·—–]\s*/;

/** A title or a line reduced to its letters and digits, lower case: the key titles are compared by. */
export function titleKey(s: string): string {
  // Most lines are ASCII, where the letters and digits are [a-z0-9] once lower-cased: a plain
  // regex is several times faster than a Unicode property one (the page's every short block is
  // keyed, ~2% of the HTML path).
  if (ASCII.test(s)) return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
/** ASCII text, where a Unicode property class has a plain ASCII equivalent (several times faster). */
export const ASCII = /^[\x00-\x7f]*$/;

const words = (s: string): number => (s === '' ? 0 : s.split(' ').length);

function canon(s: string): string {
  return s.toLowerCase().replace(/^the\s+/, '').replace(/\.(?:com|co\.uk|org|net)$/, '').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Split a title into segments at separators (each separator kept on the segment's left). */
function segments(title: string): string[] {
  const parts: string[] = [];
  let rest = title;
  for (;;) {
    const m = SEPARATOR.exec(rest);
    if (!m || m.index === 0) {
      parts.push(rest);
      return parts;
    }
    parts.push(rest.slice(0, m.index));
    rest = rest.slice(m.index + m[0].length);
  }
}

/**
 * Remove the site name from a page title.
 *
 * @param title - The raw title (og:title, twitter:title or `<title>`).
 * @param siteName - The site's name when the page states it, else null.
 * @returns The title without the site name; the input itself when nothing safe can be removed.
 */
export function stripSiteName(title: string, siteName: string | null): string {
  const t = title.replace(/\s+/g, ' ').trim();
  if (siteName) {
    // "Site: Headline" (a colon right after the name, which the segment split does not see).
    const lead = siteName.trim();
    if (t.length > lead.length + 2 && t.slice(0, lead.length).toLowerCase() === lead.toLowerCase() && /^\s*[:|\-–—·•»]\s*/.test(t.slice(lead.length))) {
      return t.slice(lead.length).replace(/^\s*[:|\-–—·•»]\s*/, '');
    }
  }
  const parts = segments(t);
  if (parts.length < 2) return t;
  const site = siteName ? canon(siteName) : '';
  const isSite = (p: string): boolean => {
    if (site === '') return false;
    const c = canon(p);
    return c !== '' && (c === site || (c.length >= 3 && (site.startsWith(c) || c.startsWith(site) || site.includes(c))));
  };
  let lo = 0;
  let hi = parts.length;
  // Known site name: strip it at either end, with any section name beside it at the end.
  if (site !== '') {
    let stripped = false;
    for (let i = hi - 1; i >= 1; i--) {
      if (isSite(parts[i]!)) {
        hi = i;
        stripped = true;
        break;
      }
    }
    if (!stripped && isSite(parts[0]!)) {
      lo = 1;
      stripped = true;
    }
    if (stripped) {
      const kept = parts.slice(lo, hi).join(' - ');
      if (words(kept) >= 1) return rejoin(t, parts, lo, hi);
    }
  }
  // Heuristic: drop short trailing segments ("… | Section | Site") while a real headline remains.
  while (hi - lo >= 2) {
    const last = parts[hi - 1]!;
    const restWords = words(parts.slice(lo, hi - 1).join(' '));
    if (words(last) <= MAX_SITE_WORDS && restWords >= MIN_HEADLINE_WORDS && restWords > words(last)) hi--;
    else break;
    if (hi - lo >= 2 && words(parts[hi - 1]!) > MAX_SITE_WORDS) break;
  }
  // A short leading segment ("Site | Headline", "Computerworld - Headline", "Goal.com - Section - Headline").
  // A leading domain name goes even when a trailing segment went too ("site.com - Headline - Section").
  while (hi - lo >= 2) {
    const head = parts[lo]!;
    const restWords = words(parts.slice(lo + 1, hi).join(' '));
    const domain = words(head) <= 2 && /\.(?:com|net|org|co\.uk|tv)\b/i.test(head);
    if ((domain || (hi === parts.length && words(head) <= 2)) && restWords >= MIN_HEADLINE_WORDS + 1) lo++;
    else break;
  }
  return rejoin(t, parts, lo, hi);
}

/** The original text of segments lo..hi-1, separators between them preserved. */
function rejoin(title: string, parts: string[], lo: number, hi: number): string {
  if (lo === 0 && hi === parts.length) return title;
  let pos = 0;
  let start = 0;
  let end = title.length;
  for (let i = 0; i < hi; i++) {
    const idx = title.indexOf(parts[i]!, pos);
    if (i === lo) start = idx;
    pos = idx + parts[i]!.length;
    if (i === hi - 1) end = pos;
  }
  return title.slice(start, end).trim();
}
