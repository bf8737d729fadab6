/**
 * Property-based checks for newsclean, shared by the CI test (test/fuzz.test.ts, on the sources)
 * and the long fuzz run (fuzz/run.mjs, on the built dist). Plain ESM so both can import it.
 *
 * Properties, for arbitrary text, HTML-like strings and bytes:
 * - never throws, except NewscleanError NOT_TEXT / TOO_LARGE (binary-looking or oversized input);
 * - the Article is valid against schema/article.schema.json (when the schema exists);
 * - deterministic: the same input gives the same Article;
 * - invents no text: headline, subheadline, byline, dateline, every paragraph, credit and caption
 *   occurs in the input's text (after decoding; for HTML the text nodes and attribute values with
 *   entities decoded), compared with all whitespace removed;
 * - stable: an extraction of already-clean text keeps it. Precisely: the text output
 *   (`--format text`, `renderText`: the headline, a blank line, the paragraphs separated by blank
 *   lines) read back as text gives the same body, that is the same `paragraphs`, each unchanged, in
 *   the same order, none added, none lost (so the headline line above the body must not join the
 *   body and no paragraph may be taken for a headline or trimmed off as furniture). The re-fed
 *   headline is not compared: the body is what must survive (and with an identical body, the only
 *   line left for the headline is the original one). See `stableVerdict`.
 *   For HTML input the markup vouches for short paragraphs (a one-word list item, a heading-like
 *   `<p>`) that the text alone cannot; the re-fed body must then be the HTML body with only such
 *   paragraphs dropped: in order, each unchanged, none added, and every prose paragraph kept
 *   (see `isProse`). The markup also decides what the text output's first line is, the headline
 *   or (with none) the first paragraph; where the text alone cannot tell, either may go the other
 *   way (see `stableVerdict`).
 *
 *   Why the HTML verdict is not stricter: the HTML extractor keeps weak paragraphs (short lines,
 *   word lists ending in "?") because the markup vouches for them (a `<p>` in `<main>`); the text
 *   alone has only their words, and keeping every such line would make the text extractor keep
 *   page furniture. What text alone must keep is prose: long sentences of different words held
 *   together by function words (`isProse`). The html-stable counterexamples of session 3 (seeds 1,
 *   2, 3, 777; 1 per 100-200k cases; all word lists the generator strings together) were the
 *   property's imprecision, not the extractor's, and the extractor was left as it is for them:
 *   - "prose" without function words or shorter than the classifier's long sentence ("café AFP
 *     naïve ТАСС to Images approved Reuters council ?", 9 words, which text alone scores 1.49
 *     against the body threshold 1.5), or one stopword said eight times;
 *   - a paragraph ending in "?" or "!" read by text alone as the headline: the first paragraph of
 *     an article without one (the text output opens with it), or the first body paragraph under a
 *     junk `<title>` match the text alone does not take for a title;
 *   - a 303-character `<title>` match taken as the headline, which text alone reads as a paragraph.
 *   One extractor fix came from prose-shaped input (`proseTextArb`): a full-stop sentence that
 *   reads as body prose, cut off from the body by a furniture line, was taken for the headline and
 *   came back as the first paragraph; such a sentence is no headline now (classify/headline.ts).
 *   And one from text-stable at seed 90210: in the weak-evidence fallbacks the first line was
 *   skipped as the title's line whatever its shape, so a weak article whose text output opened
 *   with a full-stop paragraph lost it; the fallbacks no longer skip a line ending in a full stop
 *   (skipping only `titlePlaced` lines failed at seed 20261126: its stopword test depends on the
 *   document's stoplist, which changes when the furniture is gone).
 *   The verdict still bites: with a deliberate instability (text input losing its last paragraph
 *   when that is a sentence of 8+ words), html-stable failed at seed 1 after 6,942 cases and
 *   prose-html-stable at its first case.
 */
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { createRequire } from 'node:module';

// ---------------------------------------------------------------- arbitraries

const WORDS = [
  'the', 'council', 'approved', 'budget', 'on', 'Tuesday', 'said', 'officials', 'Photo:', 'By', 'Reuters', 'AFP', '/',
  'Getty', 'Images', 'Share', 'Facebook', 'Subscribe', 'newsletter', 'Advertisement', 'Support', 'our', 'journalism',
  'Москва', 'ТАСС', 'Фото:', 'café', 'Müller', 'naïve', '—', '–', '«', '»', '“', '”', '’', '…', '|', '©', '2024', '12:30',
  'UPDATED', 'Read', 'more', 'Comments', '(AP', 'Photo/Evan', 'Vucci)', 'a', 'is', 'and', 'of', 'to', 'in', '.', ',', '!', '?',
  '&amp;', '&lt;', '&#233;', '&nbsp;', '&bogus;', '\u00a0', '\u200b', '😀', 'Ã©', 'â€™', 'РџСЂРё',
];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
);

/** A line of words, sometimes a sentence. */
const line = fc.array(word, { minLength: 0, maxLength: 30 }).map((ws) => ws.join(' '));

/** Plain text the way scrapers save it: lines, blank lines, odd line ends. */
export const textArb = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.tuple(line, fc.constantFrom('\n', '\n\n', '\r\n', '\n\n\n', '\r')), { maxLength: 40 }).map((ls) => ls.map(([l, e]) => l + e).join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 400 }) },
);

/** Markdown as converters write it: links, images, headings, list items, emphasis, escapes, fences, quotes, rules. */
const mdPiece = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 2, arbitrary: fc.tuple(line, fc.constantFrom('/news/', 'https://example.com/a_b', '/a-(b)', '#top', '', '<x y>')).map(([t, u]) => `[${t}](${u})`) },
  { weight: 1, arbitrary: fc.tuple(line, fc.constantFrom('/img/a.jpg', '/logo.gif "Logo"')).map(([t, u]) => `![${t}](${u})`) },
  { weight: 1, arbitrary: fc.constantFrom('**', '__', '*', '_', '\\*', '\\_', '\\[', '\\]', '\\#', '1\\.', '`', '~~', '<https://example.com>', '[', '](', ']', ')', '\\') },
);
const mdLine = fc
  .tuple(fc.constantFrom('', '', '', '# ', '## ', '-   ', '* ', '1.  ', '> ', '    '), fc.array(mdPiece, { maxLength: 25 }), fc.constantFrom('', '', '  ', '\\'))
  .map(([lead, ps, end]) => lead + ps.join(' ') + end);
export const markdownArb = fc
  .tuple(fc.array(fc.oneof({ weight: 8, arbitrary: mdLine }, { weight: 1, arbitrary: fc.constantFrom('```', '~~~', '* * *', '---', '| --- | --- |', '[1]: /x', '') }), { maxLength: 40 }), fc.constantFrom('# ', ''))
  .map(([ls, first]) => `${first}${ls.join('\n')}\n`);

const TAGS = ['p', 'div', 'span', 'h1', 'h2', 'h3', 'a', 'b', 'i', 'em', 'li', 'ul', 'ol', 'figure', 'figcaption', 'article', 'main',
  'section', 'nav', 'footer', 'header', 'aside', 'blockquote', 'table', 'tr', 'td', 'pre', 'time', 'address', 'small', 'script', 'style',
  'noscript', 'title', 'button', 'form', 'label'];
const VOID = ['br', 'hr', 'img', 'meta', 'input', 'link'];
const ATTR_NAMES = ['class', 'id', 'href', 'alt', 'title', 'content', 'name', 'property', 'itemprop', 'rel', 'datetime', 'data-x', 'role'];
const ATTR_VALUES = ['byline', 'author', 'article-body', 'content', 'nav', 'menu', 'footer', 'share', 'caption', 'credit',
  'og:title', 'og:description', 'author', 'description', 'headline', 'ad', 'newsletter', 'comments', 'related', 'main'];

const attrValue = fc.oneof(fc.constantFrom(...ATTR_VALUES), line);
const attr = fc.tuple(fc.constantFrom(...ATTR_NAMES), attrValue, fc.constantFrom('"', "'", '')).map(([n, v, q]) =>
  q === '' ? ` ${n}=${v.replace(/[\s"'<>=`]/g, '') || 'x'}` : ` ${n}=${q}${v.split(q).join('')}${q}`,
);

/** An HTML-ish tree: tags, attributes, words and entities, sometimes left unclosed. */
const { node } = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: line },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...VOID), fc.array(attr, { maxLength: 3 })).map(([t, as]) => `<${t}${as.join('')}>`) },
    { weight: 1, arbitrary: fc.constant('<!-- a comment -->') },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...TAGS), fc.array(attr, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 5 }), fc.boolean(), fc.boolean())
        .map(([t, as, kids, close, breakLines]) => `<${t}${as.join('')}>${kids.join(breakLines ? '\n' : '')}${close ? `</${t}>` : ''}`),
    },
  ),
}));

export const htmlArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.option(fc.tuple(line, fc.array(attr, { maxLength: 2 }))), fc.array(node, { maxLength: 12 }), fc.boolean())
      .map(([head, body, doctype]) =>
        `${doctype ? '<!DOCTYPE html>' : ''}<html><head>${head ? `<title>${head[0]}</title><meta${head[1].join('')}>` : ''}</head><body>${body.join('\n')}</body></html>`,
      ),
  },
  { weight: 1, arbitrary: fc.array(node, { maxLength: 8 }).map((ns) => ns.join('')) },
);

/** Bytes: random, or text/HTML in a legacy encoding, or with binary magic in front. */
export const bytesArb = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  textArb.map((t) => new TextEncoder().encode(t)),
  fc.tuple(fc.constantFrom('%PDF-1.4\n', '\x1f\x8b\x08', 'PK\x03\x04', '\x89PNG\r\n\x1a\n', 'GIF89a'), textArb).map(([m, t]) =>
    Uint8Array.from([...Array.from(m, (c) => c.charCodeAt(0)), ...new TextEncoder().encode(t)]),
  ),
  fc.tuple(textArb, fc.constantFrom(0xe9, 0xe0, 0xff, 0x80, 0xc3, 0xd0)).map(([t, b]) => Uint8Array.from(Array.from(t, (c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : b)))),
);

/**
 * Prose-shaped documents: a title, then paragraphs of sentences (capitalised, 10-28 words of
 * function and content words, ending in ".", "?" or "!") among furniture lines, as plain text or
 * as HTML (`<title>`, `<h1>`, `<p>`, `<div>`, sometimes a `<main>`). The junk generators above
 * seldom write a paragraph that `isProse` accepts (about 2 in 10,000 HTML cases), so the prose
 * clause of the HTML verdict rarely fires there; here it fires on nearly every case. Opt-in
 * properties of the long run (`--only=prose-text-stable,prose-html-stable`), not yet in the
 * default run nor in CI: see fuzz/run.mjs for what they still find.
 */
const FUNCTION_WORDS = ['the', 'a', 'of', 'to', 'in', 'and', 'on', 'for', 'that', 'with', 'was', 'is', 'it', 'at', 'by', 'from', 'his', 'her', 'they', 'would'];
const CONTENT_WORDS = ['council', 'approved', 'budget', 'Tuesday', 'said', 'officials', 'schools', 'roads', 'mayor', 'money', 'city', 'year', 'new',
  'plan', 'vote', 'members', 'debate', 'hours', 'residents', 'taxes', 'Müller', 'café', 'Москва'];
const sentence = fc
  .tuple(fc.array(fc.constantFrom(...FUNCTION_WORDS, ...CONTENT_WORDS), { minLength: 10, maxLength: 28 }), fc.constantFrom('.', '.', '.', '?', '!'))
  .map(([ws, end]) => { const s = ws.join(' '); return s[0].toUpperCase() + s.slice(1) + end; });
const proseParagraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((ss) => ss.join(' '));
const proseTitle = fc.array(fc.constantFrom(...CONTENT_WORDS), { minLength: 3, maxLength: 10 }).map((ws) => ws.join(' '));
const furniture = fc.constantFrom('Share on Facebook', 'Subscribe to our newsletter', 'Advertisement', 'Read more', 'Comments', 'Photo: AFP / Getty Images', '© 2024 Reuters');
const proseBlocks = fc.array(fc.oneof({ weight: 3, arbitrary: proseParagraph.map((p) => ['p', p]) }, { weight: 1, arbitrary: furniture.map((f) => ['div', f]) }), { minLength: 1, maxLength: 8 });

export const proseTextArb = fc
  .tuple(fc.option(proseTitle), proseBlocks)
  .map(([t, bs]) => `${t ? `${t}\n\n` : ''}${bs.map(([, x]) => x).join('\n\n')}\n`);

export const proseHtmlArb = fc
  .tuple(fc.option(proseTitle), fc.option(proseTitle), proseBlocks, fc.boolean())
  .map(([t, h1, bs, main]) =>
    `<html><head>${t ? `<title>${t}</title>` : ''}</head><body>${h1 ? `<h1>${h1}</h1>` : ''}${main ? '<main>' : ''}${bs.map(([tag, x]) => `<${tag}>${x}</${tag}>`).join('\n')}${main ? '</main>' : ''}</body></html>`,
  );

// ---------------------------------------------------------------- helpers

const SPACE = /[\s\u00a0\u200b\u2000-\u200a\u202f\u205f\u3000\ufeff]+/g;
/** Whitespace removed: blocks may be joined with or without a space, lines rewrapped. */
export const squash = (s) => s.normalize('NFC').replace(SPACE, '');

/** Elements whose text a reader never sees; the text around them joins up. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'head', 'select', 'button', 'canvas', 'math', 'title']);

/** The text an HTML string holds: text nodes and attribute values, entities decoded. */
export function htmlText(html) {
  const parts = [];
  const shown = [];
  const attrs = [];
  let hidden = 0;
  const p = new Parser(
    {
      ontext: (t) => {
        parts.push(t);
        if (hidden === 0) shown.push(t);
      },
      onattribute: (_n, v) => attrs.push(v),
      onopentag: (name) => {
        if (HIDDEN.has(name)) hidden++;
      },
      onclosetag: (name) => {
        if (HIDDEN.has(name) && hidden > 0) hidden--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  p.write(html);
  p.end();
  // the text without hidden elements (neighbours join across them), all text content, then each
  // attribute value on its own (never glued to the text)
  return [shown.join(''), parts.join(''), ...attrs].join('\u0001');
}

/** Every text the Article shows that must come from the input. */
export function producedTexts(a) {
  return [a.headline, a.subheadline, a.byline, a.dateline, ...a.photoCredits, ...a.captions, ...a.paragraphs].filter((s) => typeof s === 'string' && s !== '');
}

/** A word of running text: 2+ letters (marks, apostrophes and hyphens inside), punctuation around it. */
const PROSE_WORD = /^[\p{P}\p{S}]*\p{L}[\p{L}\p{M}'’-]*\p{L}[\p{P}]*$/u;

/** The stoplists of stopwords-iso (every language it has), each a set of lower-case words. */
const STOPLISTS = Object.values(createRequire(import.meta.url)('stopwords-iso/stopwords-iso.json')).map((ws) => new Set(ws));

/** The bare lower-case word of a token (punctuation around it removed). */
const bare = (t) => t.toLowerCase().replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');

/**
 * A paragraph that reads as prose from its text alone, as the classifier's own measure of the
 * document's prose does (a sentence of 12+ words): a sentence end, 12+ words, words for at least
 * 80% of its space-separated tokens (running prose is almost all words; a row of symbols, emoji,
 * numbers and stray letters is not), 5+ different words (a stopword said twelve times is no
 * sentence), and held together by function words: at least a fifth of its words, and 3 different
 * ones, are stopwords of one language (a stopwords-iso list; real sentences are 30-50% stopwords,
 * a row of names and labels such as "café AFP naïve ТАСС to Images approved Reuters council ?" is
 * not, nor is one that says "Москва", a word of the Russian list, three times). Of the 23,321
 * gold paragraphs of the four corpora that the 8-word test without function words called prose,
 * 22,095 still are; the rest are 1,168 of 8-11 words and 58 lists of names or terse headlinese.
 */
export function isProse(p) {
  if (!/[.!?…]["'”’»)]*$/u.test(p)) return false;
  const tokens = p.split(/\s+/u).filter(Boolean);
  const words = tokens.filter((t) => PROSE_WORD.test(t)).map(bare);
  if (words.length < 12 || words.length < 0.8 * tokens.length || new Set(words).size < 5) return false;
  for (const list of STOPLISTS) {
    const stop = words.filter((w) => list.has(w));
    if (stop.length >= 0.2 * words.length && new Set(stop).size >= 3) return true;
  }
  return false;
}

/** Ends in a full stop (inside closing quotes or brackets): text alone reads the line as a sentence. */
const FULL_STOP = /\.["'”’»)\]]*$/u;

/**
 * Longer than any headline (in code points): text alone reads such a line as a paragraph. News
 * headlines run to about 150 characters; the classifier takes no line over 300 (CJK counted
 * triple) for a title.
 */
const LONGER_THAN_A_HEADLINE = 200;

/**
 * The stability verdict: null when `again` (the paragraphs of the re-fed text output) is the same
 * body as `before`, else what is wrong. For text input the two must be identical. For HTML input
 * `again` must be `before` with only non-prose paragraphs left out (the markup vouched for them),
 * each kept one unchanged and in order. What is a title and what a paragraph, the markup decided;
 * where text alone cannot tell, it may decide the other way:
 * - the headline (a `<title>`, an `<h1>`) may open the re-fed body when text alone cannot read it
 *   as a title: it ends in a full stop (a sentence) or is longer than any headline; or when every
 *   paragraph is non-prose (the never-empty fallback's pick when the text alone finds no body
 *   below the headline);
 * - a paragraph that does not end in a full stop (it asks, exclaims or just stops) may be what the
 *   text alone takes for the headline (`againHeadline`), and so be missing from the re-fed body;
 * - without a headline, the text output opens with the first paragraph, in the title's place:
 *   when it does not end in a full stop, text alone may read it as the title's line (the headline,
 *   or a line above the body) and leave it out of the body. The text output has no mark for "no
 *   headline", so this is the format's own ambiguity.
 * @param {readonly string[]} before
 * @param {readonly string[]} again
 * @param {boolean} html
 * @param {string | null} [headline] - the headline above the body in the text output
 * @param {string | null} [againHeadline] - the headline the text alone found in it
 * @returns {string | null}
 */
export function stableVerdict(before, again, html, headline = null, againHeadline = null) {
  if (!html) {
    if (again.length !== before.length) return `${before.length} paragraphs became ${again.length}`;
    const k = before.findIndex((p, i) => again[i] !== p);
    return k < 0 ? null : `paragraph ${k + 1} changed`;
  }
  let j = 0;
  let i = 0;
  if (headline !== null && again[0] === headline && before[0] !== headline) {
    if (FULL_STOP.test(headline) || [...headline].length > LONGER_THAN_A_HEADLINE) j = 1;
    else if (again.length === 1 && !before.some(isProse)) return null;
  } else if (headline === null && before.length > 0 && again[0] !== before[0] && !FULL_STOP.test(before[0])) {
    i = 1;
  }
  for (; i < before.length; i++) {
    if (j < again.length && again[j] === before[i]) j++;
    else if (isProse(before[i]) && !(before[i] === againHeadline && !FULL_STOP.test(before[i]))) return `prose paragraph ${i + 1} lost`;
  }
  return j === again.length ? null : `paragraph ${j + 1} of the re-fed body is not in the HTML body, or out of order`;
}

// ---------------------------------------------------------------- properties

/**
 * @param {object} api - `{ extract, decode, NewscleanError, renderText, closeRunawayTitle, isMarkdown,
 *   markdownToText, withoutLinkTargets }` from the sources or the dist
 * @param {((a: unknown) => boolean) & { errors?: unknown }} [validate] - compiled schema validator
 * @returns the checks, each throwing an Error that describes the failure
 */
export function makeChecks(api, validate) {
  const { extract, decode, NewscleanError, renderText, closeRunawayTitle, isMarkdown, markdownToText, withoutLinkTargets } = api;

  /** Run extract; null when it refused the input with an allowed error. */
  function run(input, options) {
    try {
      return extract(input, options);
    } catch (e) {
      if (e instanceof NewscleanError && (e.code === 'NOT_TEXT' || e.code === 'TOO_LARGE')) return null;
      throw e;
    }
  }

  function checkArticle(a, input, format) {
    if (validate && !validate(a)) throw new Error(`not valid against the schema: ${JSON.stringify(validate.errors)}`);
    if (a.body !== a.paragraphs.join('\n\n')) throw new Error('body is not the paragraphs joined by a blank line');
    const decoded = decode(input, { name: null }).text;
    // A <title> never closed ends at its first line or markup (segment/html.ts): the page's text
    // is read both ways.
    // Markdown is read as the text it renders to (escapes undone, paragraphs joined); plain text
    // without quote markers opening its lines (segment/layout.ts) and the link targets a converter
    // wrote in brackets (segment/text.ts).
    let text = decoded;
    if (isMarkdown !== undefined && isMarkdown(decoded)) text += `\u0001${markdownToText(decoded)}`;
    else if (withoutLinkTargets !== undefined) {
      text += `\u0001${decoded
        .split(/\r\n?|\n/)
        .map((l) => withoutLinkTargets(l.replace(/^[ \t]*(?:>+(?:[ \t]|$))+/, '')))
        .join('\n')}`;
    }
    const source = format === 'html' ? squash(htmlText(decoded) + '\u0001' + htmlText(closeRunawayTitle(decoded))) : squash(text);
    for (const t of producedTexts(a)) {
      if (!source.includes(squash(t))) throw new Error(`invented text: ${JSON.stringify(t)}`);
    }
  }

  return {
    run,
    /** Never throws (beyond NOT_TEXT/TOO_LARGE), schema-valid, invents nothing, deterministic. */
    wellBehaved(input, format) {
      const options = { inputFormat: format, name: 'fuzz' };
      const a = run(input, options);
      if (a === null) return;
      if (format !== 'auto') checkArticle(a, input, format);
      else checkArticle(a, input, a.source.inputFormat);
      const b = run(input, options);
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('not deterministic');
    },
    /**
     * The page parsed by the caller (`parse`: htmlparser2's parseDocument, or cheerio) gives the
     * Article the page's source gives, but for `source.bytes` (0: no bytes were read). The source
     * is parsed as the segmenter parses it: decoded, a runaway `<title>` closed, nesting capped.
     */
    parsedSame(input, parse, prepare) {
      const a = run(input, { inputFormat: 'html' });
      if (a === null) return;
      const b = extract(parse(prepare(decode(input, { name: null }).text)));
      if (b.source.bytes !== 0) throw new Error(`a parsed page reports ${b.source.bytes} bytes`);
      const same = JSON.stringify({ ...b, source: { ...b.source, bytes: a.source.bytes } });
      if (same !== JSON.stringify(a)) throw new Error(`parsed page differs: ${JSON.stringify(a.paragraphs)} vs ${JSON.stringify(b.paragraphs)}`);
    },
    /** The text output read back as text gives the same body (see the module comment). */
    stable(input, format) {
      const a = run(input, { inputFormat: format });
      if (a === null || a.paragraphs.length === 0) return;
      const again = run(renderText(a), { inputFormat: 'text' });
      const got = again === null ? [] : again.paragraphs;
      const problem = stableVerdict(a.paragraphs, got, format === 'html' || a.source.inputFormat === 'html', a.headline, again?.headline ?? null);
      if (problem !== null) throw new Error(`not stable (${problem}): ${JSON.stringify(a.paragraphs)} → ${JSON.stringify(got)}`);
    },
  };
}
