/**
 * Plain lines and the rows' plain rewrites (src/patterns/plain.ts): the characters a plain line may
 * hold have no case and are no letters; a rewrite answers as the row's own regex on every plain
 * line (the rows' examples and near misses, every plain line of the fixtures, generated lines);
 * what the rewrite refuses; and the tables run the rewrite on plain lines, the row's own regex on
 * the others.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../src/patterns/index.js';
import { isPlain, PLAIN_RANGES, plainFlags, plainSource } from '../src/patterns/plain.js';
import { compileTable, plainPattern, type PatternRow } from '../src/patterns/table.js';

const plainCodes = PLAIN_RANGES.flatMap(([lo, hi]) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i));
const ROWS: PatternRow[] = Object.values(TABLES).flat();
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** Both regexes' answers on `line` (index and every group), for comparison. */
const answer = (re: RegExp, line: string): unknown => {
  re.lastIndex = 0;
  const m = re.exec(line);
  return m === null ? null : { index: m.index, groups: [...m] };
};

describe('plain characters', () => {
  it('have no case, are no letters and no marks, and no other character has them for its case', () => {
    const plain = new Set(plainCodes);
    for (const c of plainCodes) {
      const s = String.fromCharCode(c);
      expect(s.toUpperCase(), c.toString(16)).toBe(s);
      expect(s.toLowerCase(), c.toString(16)).toBe(s);
      expect(/[\p{L}\p{M}\p{Cn}]/u.test(s), c.toString(16)).toBe(false);
    }
    for (let x = 0x80; x < 0x10000; x++) {
      if ((x >= 0xd800 && x < 0xe000) || plain.has(x)) continue;
      const s = String.fromCharCode(x);
      for (const t of [s.toUpperCase(), s.toLowerCase()]) if (t.length === 1) expect(plain.has(t.charCodeAt(0)), x.toString(16)).toBe(false);
    }
  });

  it('match themselves alone, with and without u, case-insensitive', () => {
    // Each against every plain character and ASCII: a plain character folds to nothing else.
    const subjects = [...Array.from({ length: 128 }, (_, c) => c), ...plainCodes].map((c) => String.fromCharCode(c));
    for (const c of plainCodes.filter((_, i) => i % 29 === 0)) {
      const esc = `\\u${c.toString(16).padStart(4, '0')}`;
      const withU = new RegExp(`^${esc}$`, 'iu');
      const without = new RegExp(`^${esc}$`, 'i');
      for (const s of subjects) expect(withU.test(s), `${c.toString(16)} ~ ${s}`).toBe(s.charCodeAt(0) === c);
      for (const s of subjects) expect(without.test(s), `${c.toString(16)} ~ ${s}`).toBe(s.charCodeAt(0) === c);
    }
  });

  it('make a plain line, with ASCII', () => {
    expect(isPlain('')).toBe(true);
    expect(isPlain('Russia’s “very serious” sanctions — 5 € … © 2024 • ™ → ✓')).toBe(true);
    expect(isPlain('Café')).toBe(false);
    expect(isPlain('ſubscribe')).toBe(false);
    expect(isPlain('\u212a')).toBe(false);
    expect(isPlain('😀')).toBe(false);
    expect(isPlain('Фото')).toBe(false);
  });
});

describe('plainSource', () => {
  it('replaces property classes by their plain members, inside a class and out', () => {
    const src = plainSource(String.raw`^\p{Lu}[\p{L}'’.-]*\s+\P{N}$`, 'u')!;
    expect(src).not.toContain('\\p');
    expect(src).not.toContain('\\P');
    const re = new RegExp(src, plainFlags('u'));
    expect(re.test('Jane’s x')).toBe(true);
    expect(re.test('jane x')).toBe(false);
    expect(re.test('Jane 5')).toBe(false);
    expect(plainFlags('iu')).toBe('i');
  });

  it('lists a property with no plain member as an empty class', () => {
    const re = new RegExp(plainSource(String.raw`^a\p{M}?b[\p{M}x]$`, 'u')!, 'i');
    expect(re.test('abx')).toBe(true);
    expect(re.test('ab')).toBe(false);
  });

  it('refuses what it cannot rewrite', () => {
    expect(plainSource('^ſubscribe$', 'iu')).toBeNull();
    expect(plainSource(String.raw`^\u212a$`, 'iu')).toBeNull();
    expect(plainSource(String.raw`^[\u0100-\u024f]+$`, 'iu')).toBeNull();
    expect(plainSource(String.raw`^[a-\u2200]$`, 'iu')).toBeNull();
    expect(plainSource(String.raw`^\u{1F600}$`, 'u')).toBeNull();
    expect(plainSource('^😀$', 'u')).toBeNull();
    expect(plainSource(String.raw`^[^\P{L}]$`, 'u')).toBeNull();
    expect(plainSource('^a$', 'i')).toBeNull();
    // Case-sensitive: ſ and K fold to nothing, so they stay.
    expect(plainSource('^ſ$', 'u')).toBe('^ſ$');
    expect(plainSource(String.raw`^[\u0100-\u024f]+$`, 'u')).toBe(String.raw`^[\u0100-\u024f]+$`);
  });

  it('rewrites every row of the tables', () => {
    for (const row of ROWS) expect(plainSource(row.pattern.source, row.pattern.flags), row.id).not.toBeNull();
  });
});

describe('plain rewrites of the rows', () => {
  const rewrites = ROWS.map((row) => ({ row, plain: plainPattern(row) }));
  const same = (line: string): void => {
    if (!isPlain(line)) return;
    for (const { row, plain } of rewrites) expect(answer(plain, line), `${row.id}: ${JSON.stringify(line)}`).toEqual(answer(row.pattern, line));
  };

  it('answer as the rows on their examples and near misses', () => {
    let plain = 0;
    for (const row of ROWS) {
      for (const s of [row.example, row.nearMiss, row.example.toLowerCase(), row.example.toUpperCase()]) {
        if (isPlain(s)) plain++;
        same(s);
      }
    }
    expect(plain).toBeGreaterThan(300);
  });

  it('answer as the rows on every plain line of the text fixtures', () => {
    let lines = 0;
    for (const dir of readdirSync(FIXTURES)) {
      for (const file of ['input.txt', 'decoded.txt']) {
        let text: string;
        try {
          text = readFileSync(join(FIXTURES, dir, file), 'utf8');
        } catch {
          continue;
        }
        for (const raw of text.split('\n')) {
          const line = raw.replace(/\s+/g, ' ').trim();
          if (!isPlain(line)) continue;
          same(line);
          lines++;
        }
      }
    }
    expect(lines).toBeGreaterThan(1000);
  });

  it('answer as the rows on generated plain lines', () => {
    const samples = ROWS.flatMap((r) => [r.example, r.nearMiss]).filter(isPlain);
    const bits = [...samples.flatMap((s) => s.split(/(?<=\s)|(?=[,.:;!?’”)])/)), ...plainCodes.filter((_, i) => i % 31 === 0).map((c) => String.fromCharCode(c)), '’', '“', '”', '—', '–', '…', '\u00a0', '©', '•', '|', 's', 'k', 'S', 'K', ' ', '', '2024', 'By ', 'Photo: '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...bits), { maxLength: 10 }), (parts) => same(parts.join(''))),
      { numRuns: 1500, seed: 21 },
    );
  });
});

describe('compiled tables', () => {
  /** A row whose regex counts its runs. */
  class Counted extends RegExp {
    static runs = 0;
    override exec(s: string): RegExpExecArray | null {
      Counted.runs++;
      return super.exec(s);
    }
  }
  const row: PatternRow<'x'> = { id: 'counted', kind: 'x', pattern: new Counted(String.raw`^\p{Lu}\p{L}+ (?:photo|foto)$`, 'iu'), note: 'a test row', example: 'Reuters photo', nearMiss: 'reuters' };
  const table = compileTable([row]);

  it('run the plain rewrite on a plain line, the row on any other, with the same answers', () => {
    Counted.runs = 0;
    expect(table.match('Reuters photo')?.row.id).toBe('counted');
    expect(table.match('Reuters’ photo')).toBeNull();
    expect(Counted.runs).toBe(0);
    expect(table.match('Štěpán photo')?.row.id).toBe('counted');
    expect(table.match('Ünal fotos')).toBeNull();
    expect(Counted.runs).toBe(2);
  });
});
