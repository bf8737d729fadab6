/**
 * The shortcuts of the HTML path's speed work (session 26) give what the long ways gave: class
 * hints found by the class string alone, shared class/id chains, attributes read in one pass,
 * words counted by spaces, and the decode scans an ASCII text or a NUL-free one skips.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HintCache } from '../src/segment/html-hints.js';
import { segmentHtml } from '../src/segment/html.js';
import { decode } from '../src/decode/index.js';
import { flatText } from '../src/patterns/table.js';

const facts = (h: ReturnType<HintCache['info']>) => h && { words: h.words, neg: h.neg, content: h.content, post: h.post, gallery: h.gallery, roles: h.roles };

describe('class hints without an id', () => {
  it('are those of the joined key class#, whatever the class holds', () => {
    const h = new HintCache();
    // "tag-" at the end is a taxonomy class only with the '#' after it (TAXONOMY_TWICE wants a
    // character there): the class alone must be read as class + '#', as the joined key always was.
    expect(h.info('x category-a tag-', undefined)!.words).toEqual(['x']);
    expect(facts(h.info('x category-a tag-', ''))).toEqual(facts(h.info('x category-a tag-', undefined)));
    // A class holding '#' is no class#id pair.
    expect(h.info('a#b', undefined)!.words).toEqual(['a', 'b']);
    expect(h.info('widget Blog', undefined)!.words).toEqual(['blog']);
    expect(h.info(undefined, 'more')).toBeNull();
    expect(h.info('', undefined)).toBeNull();
  });

  it('are the same on a second look-up (cached) as on the first', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (cls) => {
        const first = facts(new HintCache().info(cls, undefined));
        return JSON.stringify(facts(new HintCache().info(cls, undefined))) === JSON.stringify(first);
      }),
    );
  });
});

describe('class/id chains of the HTML walk', () => {
  const hintsOf = (body: string): string[] => segmentHtml(`<html><body>${body}</body></html>`).blocks.map((b) => b.dom!.hints);

  it('are the parent\'s words then the element\'s new ones, for siblings alike', () => {
    const li = '<li class="item story">Some text here</li>';
    expect(hintsOf(`<ul class="list story">${li}${li}</ul><div class="item">Other text</div>`)).toEqual([
      'list story item', 'list story item', 'item',
    ]);
  });

  it('keep the innermost 24 words', () => {
    const open = Array.from({ length: 30 }, (_, i) => `<div class="w${i}">`).join('');
    const [hints] = hintsOf(`${open}Deep text${'</div>'.repeat(30)}`);
    expect(hints!.split(' ')).toEqual(Array.from({ length: 24 }, (_, i) => `w${i + 6}`));
  });
});

describe('attributes read in one pass', () => {
  it('hide, link and mark roles as the look-ups by name did', () => {
    const { blocks } = segmentHtml(
      '<html><body><p hidden>Gone one</p><p aria-hidden="true">Gone two</p><p style="display: none">Gone three</p>' +
        '<p id="x" class="y" aria-hidden="false">Kept <a href="/a">a link</a></p><p rel="author" itemprop="author">Jo Doe</p></body></html>',
    );
    expect(blocks.map((b) => b.text)).toEqual(['Kept a link', 'Jo Doe']);
    expect(blocks[0]!.dom!.hints).toBe('y x');
    expect(blocks[0]!.dom!.linkDensity).toBeGreaterThan(0);
  });
});

describe('decode of a string, scans shared or skipped', () => {
  it('an ASCII string with a NUL past the first 8 KB loses it, with a warning', () => {
    const d = decode('a'.repeat(9000) + '\u0000b', { name: null });
    expect(d.text).toBe('a'.repeat(9000) + 'b');
    expect(d.warnings.some((w) => w.includes('NUL'))).toBe(true);
  });
  it('a non-ASCII string still has lone surrogates replaced and mojibake repaired', () => {
    expect(decode('caf\u00e9 \ud800', { name: null }).text).toBe('caf\u00e9 \ufffd');
    expect(decode('caf\u00c3\u00a9 na\u00c3\u00afve', { name: null }).text).toBe('caf\u00e9 na\u00efve');
  });
  it('an ASCII string comes back as it is, without warnings', () => {
    const d = decode('<p>plain text</p>', { name: null });
    expect(d.text).toBe('<p>plain text</p>');
    expect(d.warnings).toEqual([]);
  });
});

describe('flatText (the classifier reads flat copies of its block texts)', () => {
  it('copies every string exactly, lone surrogates and all', () => {
    const unit = fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), fc.string({ maxLength: 20 }), (a, b) => {
        // A slice of a larger string, as the block texts are.
        const s = (b + a + b).slice(b.length, b.length + a.length);
        return flatText(s) === a;
      }),
      { numRuns: 3000 },
    );
    expect(flatText('\ud800x\udc00')).toBe('\ud800x\udc00');
    expect(flatText('café “quoted”')).toBe('café “quoted”');
  });
});
