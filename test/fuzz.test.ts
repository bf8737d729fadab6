/**
 * Property-based tests (fast-check), fixed seed, ~300 runs per property. The properties live in
 * fuzz/properties.mjs and are shared with the long run (`npm run fuzz`, on the built dist).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { analyze, extract, NewscleanError } from '../src/index.js';
import { decode } from '../src/decode/index.js';
import { closeRunawayTitle } from '../src/segment/html.js';
import { capNesting } from '../src/segment/nesting.js';
import { parseDocument } from 'htmlparser2';
import { isMarkdown, markdownToText } from '../src/segment/markdown.js';
import { withoutLinkTargets } from '../src/segment/text.js';
import { renderText } from '../src/render/text.js';
// @ts-expect-error plain ESM module without type declarations
import { bytesArb, htmlArb, htmlText, isProse, makeChecks, markdownArb, squash, stableVerdict, textArb } from '../fuzz/properties.mjs';

const schemaPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'article.schema.json');
const hasSchema = existsSync(schemaPath);
if (!hasSchema) console.warn('fuzz: schema/article.schema.json is absent, the schema check is skipped');
const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: true, strict: false });
const validate = hasSchema ? ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object) : undefined;

const checks = makeChecks({ extract, decode, NewscleanError, renderText, closeRunawayTitle, isMarkdown, markdownToText, withoutLinkTargets }, validate);
const SEED = 20240611;
const RUNS = 300;
const params = { seed: SEED, numRuns: RUNS, endOnFailure: false } as const;
type Format = 'text' | 'html' | 'auto';

describe('properties (fast-check, seed ' + SEED + ')', () => {
  it('the helpers do what they say', () => {
    expect(squash(' a \u00a0b\n c ')).toBe('abc');
    expect(htmlText('<p title="T &amp; U">x &lt; y<b>z</b></p><script>s()</script>')).toContain('x < yz');
    expect(htmlText('<p title="T &amp; U">x</p>')).toContain('T & U');
    expect(() => checks.wellBehaved('plain text', 'text')).not.toThrow();
  });

  it('the stability verdict: text keeps the body exactly; HTML may drop only what text alone cannot vouch for', () => {
    const prose = 'The council approved the new budget for the schools on Tuesday, officials said.';
    const prose2 = 'The mayor said the money would go to roads and to the two new schools in the north.';
    expect(isProse(prose)).toBe(true);
    expect(isProse('Share on Facebook')).toBe(false);
    expect(isProse('Photo/Evan 😀 ꊃࢀ՜ޥꬍ🂃 ﳋア⟓ 12:30 © 2024 « » | AFP Getty Images !')).toBe(false);
    // text input: identical or unstable
    expect(stableVerdict([prose, prose2], [prose, prose2], false)).toBeNull();
    expect(stableVerdict([prose, prose2], [prose2], false)).toMatch(/2 paragraphs became 1/);
    expect(stableVerdict([prose, prose2], ['Headline', prose2], false)).toMatch(/paragraph 1 changed/);
    expect(stableVerdict([prose], [prose, 'Headline'], false)).toMatch(/1 paragraphs became 2/);
    // HTML input: a markup-only short paragraph may go, prose may not, nothing may be added
    expect(stableVerdict(['Paris', prose, prose2], [prose, prose2], true)).toBeNull();
    expect(stableVerdict([prose, prose2], [prose2], true)).toMatch(/prose paragraph 1 lost/);
    expect(stableVerdict([prose], [prose, 'Read more'], true)).toMatch(/not in the HTML body/);
    expect(stableVerdict([prose, prose2], [prose2, prose], true)).not.toBeNull();
    // the headline: one ending in a full stop reads as a sentence; the never-empty fallback
    expect(stableVerdict([prose], ['Council backs budget.', prose], true, 'Council backs budget.')).toBeNull();
    expect(stableVerdict([prose], ['Council backs budget', prose], true, 'Council backs budget')).not.toBeNull();
    expect(stableVerdict(['Paris'], ['Council backs budget'], true, 'Council backs budget')).toBeNull();
    expect(stableVerdict([prose], ['Council backs budget'], true, 'Council backs budget')).not.toBeNull();
    // a headline longer than any headline is a paragraph to text alone; a headline-sized one is not
    const long = `${'Council backs the budget for the schools and the roads after a long night '.repeat(3)}at city hall`;
    expect(stableVerdict([prose], [long, prose], true, long)).toBeNull();
    expect(stableVerdict([prose], [long.slice(0, 150), prose], true, long.slice(0, 150))).not.toBeNull();
    // no headline: the first paragraph stands in the title's place and may be read as the title,
    // unless it ends in a full stop; the rest of the body must stay
    const asks = 'Will the council approve the new budget for the schools on Tuesday?';
    expect(stableVerdict([asks, prose], [prose], true, null)).toBeNull();
    expect(stableVerdict([asks, prose, prose2], [prose], true, null)).toMatch(/prose paragraph 3 lost/);
    expect(stableVerdict([prose, prose2], [prose2], true, null)).toMatch(/prose paragraph 1 lost/);
    expect(stableVerdict([asks, prose], [asks, prose], true, null)).toBeNull();
    expect(stableVerdict([asks, prose], [prose, asks], true, null)).not.toBeNull();
    // a paragraph that asks may be what text alone takes for the headline; one that ends in a full stop may not
    expect(stableVerdict([prose, asks, prose2], [prose, prose2], true, 'Budget', asks)).toBeNull();
    expect(stableVerdict([prose, asks, prose2], [prose, prose2], true, 'Budget', null)).toMatch(/prose paragraph 2 lost/);
    expect(stableVerdict([prose, prose2], [prose2], true, 'Budget', prose)).toMatch(/prose paragraph 1 lost/);
  });

  it('prose is sentences of different words held together by function words, in any language', () => {
    expect(isProse('Совет утвердил новый бюджет для школ во вторник, сообщили чиновники в мэрии после долгого заседания.')).toBe(true);
    expect(isProse('Der Rat hat am Dienstag den neuen Haushalt für die Schulen und die Straßen beschlossen, sagten Beamte.')).toBe(true);
    // 12+ words: a shorter line ending in "?" or "!" may be a headline or a label row
    expect(isProse('Will the council approve the budget on Tuesday?')).toBe(false);
    // a list of names and labels (found by the 100k run: text alone scores it 1.49, under the body's 1.5)
    expect(isProse('café AFP naïve ТАСС to Images approved Reuters council ?')).toBe(false);
    // one stopword said twelve times
    expect(isProse('the the the the the the the the the the the the ?')).toBe(false);
    expect(isProse('Share Facebook Subscribe newsletter Advertisement Support journalism Comments Tuesday.')).toBe(false);
  });

  it('clean text read back keeps its body (classes found by the 100k run)', () => {
    const body = [
      'The city council approved the budget on Tuesday after a debate that lasted more than six hours, officials said.',
      'The new budget gives more money to the schools and to the roads than last year, and the mayor said she was pleased.',
    ];
    const cases = [
      // a long headline (no sentence end) above the body
      `The council approved a new budget for the schools and the roads after a long debate at the city hall on Tuesday night\n\n${body.join('\n\n')}\n`,
      // a headline that asks
      `Will the schools get the money they were promised?\n\n${body.join('\n\n')}\n`,
      // a short article whose only paragraph is weak: the title line must not take its place
      'Share budget on &amp; Images\n\njournalism Photo/Evan » &nbsp; « Advertisement 12:30 UPDATED\n',
    ];
    for (const text of cases) {
      const a = extract(text, { inputFormat: 'text' });
      expect(a.paragraphs.length).toBeGreaterThan(0);
      expect(() => checks.stable(text, 'text')).not.toThrow();
    }
    expect(extract(cases[0]!, { inputFormat: 'text' }).paragraphs).toEqual(body);
    // a sentence that reads as prose, cut off from the body by furniture, is no headline: at the
    // top of the text output it would read as the first paragraph (found with prose-shaped input)
    const cut = `In Tuesday's vote the council approved money for the city and for the schools.\n\n© 2024 Reuters\n\n${body.join('\n\n')}\n`;
    expect(extract(cut, { inputFormat: 'text' }).headline).toBeNull();
    expect(() => checks.stable(cut, 'text')).not.toThrow();
    // a weak article whose first paragraph ends in a full stop: the fallbacks do not skip it as the
    // title's line (fuzz seed 90210, text-stable, shrunk)
    const weak = 'the\nthe the the Support the journalism .\nthe the journalism !\u{10000} !\u{10000}\u{10000}\u{10000} \u{10300} …\n';
    expect(extract(weak, { inputFormat: 'text' }).paragraphs).toHaveLength(2);
    expect(() => checks.stable(weak, 'text')).not.toThrow();
    // a short headline with a full stop stays one
    const short = `Council backs budget for schools and roads.\n\n© 2024 Reuters\n\n${body.join('\n\n')}\n`;
    expect(extract(short, { inputFormat: 'text' }).headline).toBe('Council backs budget for schools and roads.');
    expect(() => checks.stable(short, 'text')).not.toThrow();
    // HTML whose <title> is a long prose-like line above one weak paragraph
    const html = `<html><head><title>${'council said the budget is on the way and '.repeat(3)}</title></head><body><p>AFP our approved Images !</p></body></html>`;
    expect(() => checks.stable(html, 'html')).not.toThrow();
    // a caption glued to two labelled credits gives up both at once: read again as text, it gives
    // up no third (fuzz seed 20261129, html-stable)
    const twice = '<p><p>the\n! the ! ª the the the the the ! ª ! the\nthe ! Ġ ! the . Фото:\n<time>UPDATED ! Photo: the the &bogus; thethe approved¡ ! ! !! journalism &bogus; the Фото: UPDATED Support';
    expect(() => checks.stable(twice, 'html')).not.toThrow();
    expect(extract(twice, { inputFormat: 'html' }).paragraphs).toEqual(['the ! the ! ª the the the the the ! ª ! the the ! Ġ ! the .']);
    // a headline that ends in a labelled credit, read again as text, is no caption carrying a photo
    // essay (fuzz seed 20261202, html-stable)
    const credited = '<html><head></head><body><p><p><p>the thethe the ?<h1>! Advertisement\nthe the the the the the\nthe the the\nthe ¡ the the the the thethe the ?Photo:\nthe</body></html>';
    expect(() => checks.stable(credited, 'html')).not.toThrow();
    // a labelled credit closing a caption is cut the same from the caption element as from the
    // text ("Фото: the !"), and one that names no one ("Фото: !") is no credit either way (fuzz
    // seed 20261208, html-stable, also failed at the session's start)
    for (const credit of ['Фото: !', 'Фото: the !']) {
      const fig = `<html><head></head><body><p><figcaption><p><p><p>the the thethe the the the the the  the the the  ! Ń the ! the the the\nthe . ${credit}</body></html>`;
      expect(() => checks.stable(fig, 'html')).not.toThrow();
    }
    // a "credit" of a sentence's length after "Photo:" is the caption's own text (same seed)
    const long = '<p><figcaption>the ? Photo: the the the the\nthe of the the\nour the the the\nthe the the UPDATED .';
    expect(() => checks.stable(long, 'html')).not.toThrow();
    // a labelled credit closing with a period ("Фото: our the the the .") is cut from the caption
    // element as the plain text reads it, capital or not (same seed, 24,968th case; a rule that
    // took credits of stopwords alone for text was dropped: the document's language, which tells
    // stopwords, changes when the output is read back alone, "the Photo: the", "Facebook Photo:
    // more", "Фото: the the the")
    const stopwordsOnly = '<p><figcaption>the ? Photo: the the the the\nthe of the Фото:\nour the the the\nthe the the the .';
    expect(() => checks.stable(stopwordsOnly, 'html')).not.toThrow();
    expect(() => checks.stable(stopwordsOnly.replace('the the the .', 'the the UPDATED .'), 'html')).not.toThrow();
    for (const text of ['the\nthe Photo: the\n', 'the\nFacebook Photo: more\n']) expect(() => checks.stable(text, 'text')).not.toThrow();
    // a labelled "credit" holding a time or a colon ("Фото: 12:30 the .") is no credit, in a
    // caption element as in text (fuzz seed 20261250, html-stable; also failed at the session's start)
    for (const credit of ['Фото: 12:30 .', 'Фото: 12:30 the .']) {
      const fig = `<html><head></head><body><p><figcaption>\n<p>the the the the the\nthe the the the ! ! UPDATED the\nthe the the ! the the !\n${credit}</body></html>`;
      expect(() => checks.stable(fig, 'html')).not.toThrow();
    }
    // a photo credit ending in a colon announces no list: the dash after it is no item of the body
    // (same seed, text-stable)
    expect(() => checks.stable('Photo: the Photo:\n—\n', 'text')).not.toThrow();
    // nor does a line that is no prose at the span's start, which the text output writes as the
    // headline (seed 20261253, text-stable; also failed at the session's start)
    expect(() => checks.stable('the\n\u{10000} the Фото:\n—\n– 0 ¼ the\n', 'text')).not.toThrow();
    // a tiny document whose title line lost a tool row ("| Share more") keeps it as the headline
    // when read back, over a body line too short for any evidence (seed 20261254, text-stable;
    // also failed at the start of session 11)
    const tiny = 'Müller the the | Share more\n一\n';
    expect(() => checks.stable(tiny, 'text')).not.toThrow();
    const read = extract(tiny, { inputFormat: 'text' });
    expect([read.headline, read.paragraphs]).toEqual(['Müller the the', ['一']]);
    // the text output's headline and paragraph between guillemets ("« (AP", "𐀀 the the »") are no
    // links to the previous and next post when read back (seed 20261701, text-stable; also failed
    // at the start of session 17)
    expect(() => checks.stable('« (AP\nthe\n\u{10000}  the the »\n', 'text')).not.toThrow();
    // a short lead-in after a span of one title-shaped line announces no list: with the list under
    // it, that line is the headline, and the lead-in read back announced one item fewer ("㋐", a
    // row of symbols the output drops) or stood in the title's place (seed 20261703, text-stable;
    // also failed at the start of session 17)
    expect(() => checks.stable('! ! the Advertisement the ⺀ \u{10000}\u{10000} ｱ\u{10000}ｱ Subscribe the\nthe Photo:\n㋐\nthe\nthe\n', 'text')).not.toThrow();
    expect(() => checks.stable('the\n! ! the Advertisement the ⺀ \u{10000}\u{10000} ｱ\u{10000}ｱ Subscribe the\nthe Photo:\n一\nthe\nthe the the\n', 'text')).not.toThrow();
    // a line ending in a colon that opens the article and announces a list is the headline, and
    // read back in the title's place it still announces the list (seeds 20261801, 20261802,
    // 20261901 and 20261903, text-stable; all failed at the start of session 19)
    for (const announcing of [
      'the\nthe 一 ㇰ! !  ⺀ ぁ \u{10000}À Photo/Evan Support &lt; Photo:\n¹\nthe the 0\n',
      'the\nAdvertisement the the Photo/Evan the \u{20000}⺀ｦ !豈\u{10000} Comments Vucci) the Photo:\nͰ\n0  the the\n',
      // the list runs on past the span: read back, the span is its first item alone
      'the\n! !  Advertisement the the the 豈豈\u{20000} !! Reuters Фото:\nⰀ  the the\nthe\n',
      'the the the the Advertisement the\napproved the ! Москва &amp; ｦｦ\u{10000} café Фото:\n\n\n〡 the က\nthe\nФото:  ⺀  一 approved\n',
      // read back without the caption above it, the line is no prose (its score came from the
      // document's share of stopwords) and the fallback takes it alone for the body (seed 20261903)
      'the the Tuesday the Advertisement the\nthe Фото: ¼ the the the !\n\n\nthe the \u{10000}! Getty the . Фото:\nthe the\nthe\n',
      // ... or takes a line under the list for the body (seed 20261903)
      'the the Tuesday the Advertisement the\nthe Фото: ¼ the the the !\n\n\nthe the \u{10000}! Getty the . Фото:\nthe the\nthe the the\n',
    ]) {
      expect(() => checks.stable(announcing, 'text')).not.toThrow();
      const read = extract(announcing, { inputFormat: 'text' });
      expect(read.headline).toMatch(/(?:Photo|Фото):$/);
      expect(read.paragraphs).toHaveLength(2);
    }
    // a byline-shaped line that is the body's only paragraph stays the body: the text output,
    // which writes no byline, holds nothing else (seed 20261906, text-stable; also failed at the
    // start of session 19)
    expect(() => checks.stable('By ТАСС\nBy Comments in\n', 'text')).not.toThrow();
    expect(extract('By Comments in\n', { inputFormat: 'text' }).paragraphs).toEqual(['By Comments in']);
    // a sentence-shaped first line over a weak line, when only the fallbacks found the body (the
    // line under it), is no headline: read back without the weak line, it read as a paragraph
    // (seed 20262004, text-stable; also failed at the start of session 20)
    const overWeak = 'Comments naïve Support &amp; 2024 .\nthe\n2024 Photo/Evan Москва naïve &amp; …\n';
    expect(() => checks.stable(overWeak, 'text')).not.toThrow();
    expect(extract(overWeak, { inputFormat: 'text' })).toMatchObject({ headline: null, paragraphs: ['2024 Photo/Evan Москва naïve &amp; …'] });
    // so a list under a title that announces it is the article, however short its items
    const recipe = 'Ingredients:\n2 eggs\n1 cup flour\n';
    expect(() => checks.stable(recipe, 'text')).not.toThrow();
    expect(extract(recipe, { inputFormat: 'text' })).toMatchObject({ headline: 'Ingredients:', paragraphs: ['2 eggs', '1 cup flour'] });
    // a photo's credit or caption that opens the text stands outside its order: the line after it
    // is in the title's place, as it is first in the text output read back (seed 20262103,
    // text-stable; also failed at the start of session 21)
    expect(() => checks.stable('the Photo: Subscribe .\nthe Фото:\nⰀ\n0\nⰀ\n', 'text')).not.toThrow();
    expect(extract(`Photo: Jane Doe / AP\n${recipe}`, { inputFormat: 'text' })).toMatchObject({ headline: 'Ingredients:', paragraphs: ['2 eggs', '1 cup flour'], photoCredits: ['Jane Doe / AP'] });
    // nor is such a line a sample of the text's language: "Reuters Photo: !一" made the note French,
    // and "to" a stopword only once read back without it (seed 20262104, text-stable)
    expect(() => checks.stable('Reuters Photo: !一\non !𐀀𐀀 𐀀𐀀 ! a\nto\n', 'text')).not.toThrow();
    // a figcaption "Photo: <sentence>" whose captions carry the article gives the sentence without
    // its label, as the text read back does (seed 20261801, html-stable; also failed at the start
    // of session 18)
    const labelled = '<p><figcaption><p>Photo:\nthe the the the the the the the the the\nthe the the the ! ! ! Έ the ?';
    expect(() => checks.stable(labelled, 'html')).not.toThrow();
    expect(extract(labelled, { inputFormat: 'html' }).paragraphs).toEqual(['the the the the the the the the the the the the the the ! ! ! Έ the ?']);
    // so does a caption glued to its credit ("Photo: <sentence> Фото: the") (seed 20261802,
    // html-stable; also failed at the start of session 18)
    const glued = '<html><head></head><body><p><p>Photo:\n! ! the ! the the\nthe the the the the ! the the\nthe the the . Read ! Фото: the</body></html>';
    expect(() => checks.stable(glued, 'html')).not.toThrow();
    expect(extract(glued, { inputFormat: 'html' }).paragraphs[0]).toMatch(/^! ! the/);
    // a link target written in brackets is cut from the text of an HTML page as from plain text
    // (found by hand when the text path began to cut them, session 9)
    const para = 'The council met on Tuesday and voted [/votes/2008.html] on the budget for the coming year, which rises by three percent.';
    const linked = `<html><head><title>Budget passes</title></head><body><h1>Budget passes</h1><p>${para}</p><p>${para.replace('council', 'mayor')}</p><p>${para.replace('council', 'board')}</p></body></html>`;
    expect(() => checks.stable(linked, 'html')).not.toThrow();
    // preformatted prose with no mark of code is read as text reads it: a copyright-shaped line in
    // <pre> is not kept as a code sample's, to be dropped once written out (seed 20262405,
    // html-stable; also failed at the start of session 24); a code sample keeps its copyright line
    const pre = '<html><head></head><body>Москва\n<pre>the the the the the\nthe © AÀ the the our Москва By …</body></html>';
    expect(() => checks.stable(pre, 'html')).not.toThrow();
    const sample = '<html><head></head><body><p>The council published the script it uses to count the votes, and explained how it works.</p><pre>// © 2024 City Council\nfunction count(votes) { return votes.length; }</pre></body></html>';
    const code = analyze(sample, { inputFormat: 'html' }).blocks.find((b) => b.text.includes('© 2024 City Council'));
    expect(code?.kind).not.toBe('legal');
  });

  it('the schema is there and accepts a real Article', () => {
    if (!hasSchema) return;
    expect(validate!(extract('Headline\n\nA paragraph of body text that is long enough to count as a real body paragraph here.'))).toBe(true);
  });

  it('text: never throws, schema-valid, deterministic, invents nothing', { timeout: 300_000 }, () => {
    fc.assert(fc.property(textArb, fc.constantFrom<Format>('text', 'auto'), (t: string, f: Format) => checks.wellBehaved(t, f)), params);
  });

  it('HTML: never throws, schema-valid, deterministic, invents nothing', { timeout: 300_000 }, () => {
    fc.assert(fc.property(htmlArb, fc.constantFrom<Format>('html', 'auto'), (h: string, f: Format) => checks.wellBehaved(h, f)), params);
  });

  it('bytes: only NOT_TEXT / TOO_LARGE errors, otherwise well-behaved', { timeout: 300_000 }, () => {
    fc.assert(fc.property(bytesArb, (b: Uint8Array) => checks.wellBehaved(b, 'auto')), params);
  });

  it('text: stable (the text output read back gives the same body)', { timeout: 300_000 }, () => {
    fc.assert(fc.property(textArb, (t: string) => checks.stable(t, 'text')), params);
  });

  it('HTML: stable (the text output read back keeps the body; only markup-vouched short paragraphs may go)', { timeout: 300_000 }, () => {
    fc.assert(fc.property(htmlArb, (h: string) => checks.stable(h, 'html')), params);
  });

  it('HTML: a page parsed by the caller gives the Article its source gives (bytes 0)', { timeout: 300_000 }, () => {
    fc.assert(fc.property(htmlArb, (h: string) => checks.parsedSame(h, parseDocument, (t: string) => capNesting(closeRunawayTitle(t)))), params);
  });

  // No stability property for Markdown: its text output is read back by the text reader's rules,
  // not Markdown's (a hard break's one-word line, a heading's literal "> "), so tiny documents may
  // come back otherwise; the text output of clean text is what must be stable (above).
  it('Markdown: never throws, schema-valid, deterministic, invents nothing beyond what it renders to', { timeout: 300_000 }, () => {
    fc.assert(fc.property(markdownArb, fc.constantFrom<Format>('text', 'auto'), (m: string, f: Format) => checks.wellBehaved(m, f)), params);
  });
});
