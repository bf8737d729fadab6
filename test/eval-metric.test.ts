/**
 * The corpus metric (eval/metric.mjs), checked on hand-computed cases. Token expectations for
 * non-Latin text are Python 3.11's `re.findall(r'\w+', s)`, which the corpus metric is defined by.
 */
import { describe, expect, it } from 'vitest';
// @ts-ignore -- plain ESM JavaScript with JSDoc types, outside the TypeScript project
import { aggregate, scoreDoc, shingles, tokenize } from '../eval/metric.mjs';

describe('tokenize (Python \\w+)', () => {
  const cases: [string, string[]][] = [
    ['Hello, world_1!', ['Hello', 'world_1']],
    ["don't stop_me now", ['don', 't', 'stop_me', 'now']],
    ['Привет, мир! 2024г.', ['Привет', 'мир', '2024г']],
    ['東京都の天気は晴れ', ['東京都の天気は晴れ']],
    ['مرحبا بالعالم', ['مرحبا', 'بالعالم']],
    ['naïve café déjà-vu', ['naïve', 'café', 'déjà', 'vu']],
    // Combining marks are not \w in Python: decomposed accents and Devanagari vowel signs split words.
    ['e\u0301te\u0301', ['e', 'te']],
    ['हिन्दी भाषा', ['ह', 'न', 'द', 'भ', 'ष']],
    // Other numbers (No, Nl) are \w.
    ['x²³ Ⅻ ½', ['x²³', 'Ⅻ', '½']],
    ['', []],
    ['  ... — ', []],
  ];
  for (const [text, tokens] of cases) {
    it(JSON.stringify(text), () => {
      expect(tokenize(text)).toEqual(tokens);
    });
  }
  it('treats null and undefined as empty', () => {
    expect(tokenize(null)).toEqual([]);
    expect(tokenize(undefined)).toEqual([]);
  });
});

describe('shingles', () => {
  const list = (text: string) => Object.fromEntries((shingles(text).shingles as Map<string, number>).entries());
  it('makes consecutive 4-token windows', () => {
    expect(list('a b c d e')).toEqual({ 'a b c d': 1, 'b c d e': 1 });
  });
  it('counts repeated shingles (multiset)', () => {
    expect(list('x x x x x x')).toEqual({ 'x x x x': 3 });
  });
  it('makes one shingle of a text with fewer than 4 tokens', () => {
    expect(list('one, two; three')).toEqual({ 'one two three': 1 });
    expect(list('solo')).toEqual({ solo: 1 });
  });
  it('makes no shingle of a text with no token', () => {
    expect(list('')).toEqual({});
    expect(list(' -- ')).toEqual({});
  });
  it('ignores punctuation and line breaks between tokens', () => {
    expect(list('a.\n\nb, c!\td')).toEqual({ 'a b c d': 1 });
  });
});

describe('scoreDoc', () => {
  it('scores identical texts as perfect', () => {
    const s = scoreDoc('The cat sat on the mat today.', 'The cat sat on the mat today.');
    expect(s.rawTp).toBe(4);
    expect([s.tp, s.fp, s.fn]).toEqual([1, 0, 0]);
    expect([s.precision, s.recall, s.f1]).toEqual([1, 1, 1]);
  });
  it('counts extra predicted shingles as FP and normalises by TP+FP+FN', () => {
    const s = scoreDoc('a b c d e f', 'a b c d e');
    expect([s.rawTp, s.rawFp, s.rawFn]).toEqual([2, 1, 0]);
    expect(s.tp).toBeCloseTo(2 / 3, 12);
    expect(s.fp).toBeCloseTo(1 / 3, 12);
    expect(s.precision).toBeCloseTo(2 / 3, 12);
    expect(s.recall).toBe(1);
    expect(s.f1).toBeCloseTo(0.8, 12);
  });
  it('counts missing gold shingles as FN', () => {
    const s = scoreDoc('a b c d', 'z a b c d e');
    // pred {abcd}; gold {zabc, abcd, bcde}
    expect([s.rawTp, s.rawFp, s.rawFn]).toEqual([1, 0, 2]);
    expect(s.precision).toBe(1);
    expect(s.recall).toBeCloseTo(1 / 3, 12);
    expect(s.f1).toBeCloseTo(0.5, 12);
  });
  it('matches shingles with multiplicity', () => {
    const s = scoreDoc('x x x x x x', 'x x x x x');
    expect([s.rawTp, s.rawFp, s.rawFn]).toEqual([2, 1, 0]);
  });
  it('is case sensitive, like the reference', () => {
    const s = scoreDoc('the cat sat down', 'The cat sat down');
    expect([s.rawTp, s.rawFp, s.rawFn]).toEqual([0, 1, 1]);
    expect(s.f1).toBe(0);
  });
  it('does not match a short text against a longer one', () => {
    const s = scoreDoc('one two three', 'one two three four');
    expect([s.rawTp, s.rawFp, s.rawFn]).toEqual([0, 1, 1]);
  });
  it('gives an empty prediction no precision and zero recall', () => {
    const s = scoreDoc('', 'some gold text here now');
    expect(s.precision).toBeNull();
    expect(s.recall).toBe(0);
    expect(s.predTokens).toBe(0);
    expect(s.goldTokens).toBe(5);
  });
  it('gives an empty gold no recall', () => {
    const s = scoreDoc('predicted words that are wrong', '');
    expect(s.precision).toBe(0);
    expect(s.recall).toBeNull();
  });
  it('scores two empty texts as all zero, left out of both means', () => {
    const s = scoreDoc('', '');
    expect([s.tp, s.fp, s.fn]).toEqual([0, 0, 0]);
    expect(s.precision).toBeNull();
    expect(s.recall).toBeNull();
  });
});

describe('aggregate', () => {
  it('averages per-document precision and recall, then takes F1 of the means', () => {
    const a = aggregate([
      { tp: 0.5, fp: 0.5, fn: 0 }, // P 0.5, R 1
      { tp: 0, fp: 0, fn: 1 }, // P excluded, R 0
      { tp: 1, fp: 0, fn: 0 }, // P 1, R 1
    ]);
    expect(a.docs).toBe(3);
    expect(a.precision).toBeCloseTo(0.75, 12);
    expect(a.recall).toBeCloseTo(2 / 3, 12);
    expect(a.f1).toBeCloseTo((2 * 0.75 * (2 / 3)) / (0.75 + 2 / 3), 12);
  });
  it('weighs every document the same, whatever its length', () => {
    const long = 'w '.repeat(10).split(' ').map((_, i) => `t${i}`).join(' ');
    const a = aggregate([scoreDoc(long, long), scoreDoc('p q r s', 'a b c d')]);
    expect(a.precision).toBeCloseTo(0.5, 12);
    expect(a.recall).toBeCloseTo(0.5, 12);
    expect(a.f1).toBeCloseTo(0.5, 12);
  });
  it('leaves documents with both texts empty out of both means', () => {
    const a = aggregate([scoreDoc('', ''), scoreDoc('a b c d e', 'a b c d')]);
    // second doc: pred {abcd, bcde}, gold {abcd}: P 1/2, R 1
    expect(a.precision).toBeCloseTo(0.5, 12);
    expect(a.recall).toBe(1);
  });
  it('gives F1 0 when nothing matches', () => {
    expect(aggregate([scoreDoc('a b c d', 'e f g h')]).f1).toBe(0);
  });
  it('returns NaN means for no documents', () => {
    const a = aggregate([]);
    expect(a.docs).toBe(0);
    expect(Number.isNaN(a.precision)).toBe(true);
  });
});
