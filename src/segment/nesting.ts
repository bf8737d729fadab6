/**
 * A cap on element nesting, before the parse.
 *
 * htmlparser2 keeps its stack of open elements with `unshift`/`shift`, which move the whole array:
 * a page of 200,000 nested `<div>`s (1 MB) took 10 s, and the time grows with the square of the
 * depth (a 50 MB input of them would run for hours). Browsers cap the tree instead: Blink's parser
 * puts elements deeper than 512 levels beside each other. So does this module, at `MAX_NESTING`,
 * by dropping the start and end tags of elements past that depth (their text stays, in order).
 *
 * One scan of the tags measures the depth; only a page that goes past the cap is rewritten. The
 * depth is an estimate from the tags alone: void elements (`<br>`, `<img>`) and elements whose
 * end tag is optional (`<p>`, `<li>`, `<td>`, which the next one closes) do not count, and the
 * insides of comments, scripts and styles are passed over; an end tag closes one level.
 */

/** Nesting depth past which start and end tags are dropped. Real pages stay well under 100. */
export const MAX_NESTING = 1024;

/** Elements that have no end tag, or whose end tag the next sibling implies: they add no depth. */
const FLAT = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rp', 'rtc',
]);

/** Elements whose content is raw text up to their end tag: no tags inside. */
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);

/** Characters of a name packed into its numeric key (7 bits each: 49 bits, exact in a double). */
const KEY_CHARS = 7;

function keyOf(name: string): number {
  let key = 0;
  for (let i = 0; i < name.length; i++) key = key * 128 + (name.charCodeAt(i) | 32);
  return name.length > KEY_CHARS ? -1 : key;
}

const FLAT_KEYS = keysOf(FLAT);
const RAW_KEYS = keysOf(RAW);

function keysOf(names: ReadonlySet<string>): Set<number> {
  return new Set([...names].filter((t) => t.length <= KEY_CHARS).map(keyOf));
}

/** Whether the name at html[from, to), of key `key` (-1 when longer than KEY_CHARS), is in `names`. */
function named(names: ReadonlySet<string>, keys: ReadonlySet<number>, key: number, html: string, from: number, to: number): boolean {
  return key >= 0 ? keys.has(key) : names.has(html.slice(from, to).toLowerCase());
}

const SLASH = 47; // /
const BANG = 33; // !
const QUESTION = 63; // ?

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 95;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * Walk the tags of `html`, calling `tag(start, end, level)` for each start or end tag that changes
 * the depth: `end` is just past its `>`, `level` the level it opens or closes (1 for a top-level
 * element). Returns the greatest depth reached; with `stopAbove`, as soon as it goes past that.
 */
function walkTags(html: string, tag: ((start: number, end: number, level: number) => void) | null, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  const n = html.length;
  let i = html.indexOf('<');
  while (i !== -1 && i < n - 1) {
    const c = html.charCodeAt(i + 1);
    if (c === BANG || c === QUESTION) {
      // A comment runs to "-->"; a doctype, CDATA or processing instruction to ">".
      const close = html.startsWith('<!--', i) ? html.indexOf('-->', i + 4) : html.indexOf('>', i + 2);
      if (close === -1) break;
      i = html.indexOf('<', close + 1);
      continue;
    }
    const closing = c === SLASH;
    const from = closing ? i + 2 : i + 1;
    if (!isLetter(html.charCodeAt(from))) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    // The name as a number (7 bits a character, lower case): no string for the common short names.
    let key = 0;
    let k = from;
    for (let ch = html.charCodeAt(k); k < n && isNameChar(ch); ch = html.charCodeAt(++k)) if (k - from < KEY_CHARS) key = key * 128 + (ch | 32);
    if (k - from > KEY_CHARS) key = -1;
    const gt = html.indexOf('>', k);
    if (gt === -1) break;
    const end = gt + 1;
    if (closing) {
      if (!named(FLAT, FLAT_KEYS, key, html, from, k) && depth > 0) {
        tag?.(i, end, depth);
        depth--;
      }
    } else if (named(RAW, RAW_KEYS, key, html, from, k)) {
      // Skip to the element's end tag: what looks like markup inside a script is not.
      const close = indexOfEndTag(html, html.slice(from, k).toLowerCase(), end);
      if (close === -1) break;
      i = html.indexOf('<', close + 2);
      continue;
    } else if (!named(FLAT, FLAT_KEYS, key, html, from, k) && html.charCodeAt(gt - 1) !== SLASH) {
      depth++;
      tag?.(i, end, depth);
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    }
    i = html.indexOf('<', end);
  }
  return deepest;
}

/** Where `</name` starts at or after `from`, in any letter case; -1 if nowhere. */
function indexOfEndTag(html: string, name: string, from: number): number {
  for (let j = html.indexOf('</', from); j !== -1; j = html.indexOf('</', j + 2)) {
    if (html.slice(j + 2, j + 2 + name.length).toLowerCase() === name && !isNameChar(html.charCodeAt(j + 2 + name.length))) return j;
  }
  return -1;
}

/**
 * The page with its element nesting capped at `max` levels: unchanged (the same string) when it
 * never goes deeper, else without the start and end tags of the elements past that depth.
 */
export function capNesting(html: string, max = MAX_NESTING): string {
  if (walkTags(html, null, max) <= max) return html;
  const parts: string[] = [];
  let kept = 0;
  walkTags(html, (start, end, level) => {
    // A start tag that opens level max+1 or deeper goes, and so does the end tag that closes it.
    if (level > max) {
      parts.push(html.slice(kept, start));
      kept = end;
    }
  });
  parts.push(html.slice(kept));
  return parts.join('');
}
