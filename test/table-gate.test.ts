/**
 * The pattern tables' matching (src/patterns/table.ts) gates anchored rows by the characters they
 * can begin with and runs only those. Its answers must be those of the former implementation, one
 * combined sticky regex per case mode: that implementation is kept below as the reference and
 * both are run on every line of corpus renderings, on the rows' examples and near misses, and on
 * generated lines built from them. Also: what firstAtoms reads from a source.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../src/patterns/index.js';
import { cheapToCompile, compileTable, firstAtoms, gatePlan, LiteralIndex, savedLiteralIndex, isAnchored, lastAtoms, requiredLiterals, writtenInIndex, type CompiledTable, type PatternHit, type PatternRow } from '../src/patterns/table.js';

function referenceCompileTable<K extends string>(rows: readonly PatternRow<K>[]): CompiledTable<K> {
  for (const r of rows) {
    if (r.pattern.global || r.pattern.sticky || !r.pattern.unicode) {
      throw new Error(`pattern row ${r.id}: use the flags u or iu only`);
    }
  }
  // Rows anchored at the start are combined into one sticky regex per case mode, tried at position
  // 0 only: one regex to compile and one exec per line, whatever the number of rows. (JS has no
  // inline flag groups on Node 20, so case-insensitive and case-sensitive rows need two.) Rows that
  // can match anywhere run one by one, each only on lines holding one of its keywords: in V8 a
  // combined alternation of unanchored rows is slower than the rows alone.
  const anchored = rows.filter((r) => isAnchored(r.pattern));
  const floating = rows.filter((r) => !isAnchored(r.pattern));
  const build = (group: readonly PatternRow<K>[], flags: string): RegExp | null =>
    group.length === 0 ? null : new RegExp(group.map((r) => `(?<r${rows.indexOf(r)}>${r.pattern.source})`).join('|'), flags);
  const combined = [build(anchored.filter((r) => r.pattern.ignoreCase), 'iuy'), build(anchored.filter((r) => !r.pattern.ignoreCase), 'uy')].filter(
    (r): r is RegExp => r !== null,
  );
  const longest = Math.max(...anchored.map((r) => r.maxLength ?? Infinity), 0);
  const fits = (row: PatternRow<K>, text: string): boolean => row.maxLength === undefined || text.length <= row.maxLength;
  const rowHit = (row: PatternRow<K>, text: string): PatternHit<K> | null => {
    const own = row.pattern.exec(text);
    return own === null ? null : { row, match: own };
  };
  return {
    rows,
    match(text: string): PatternHit<K> | null {
      if (text.length <= longest) {
        for (const re of combined) {
          re.lastIndex = 0;
          const m = re.exec(text);
          if (m === null || m.groups === undefined) continue;
          let row: PatternRow<K> | undefined;
          for (const name in m.groups) {
            if (m.groups[name] !== undefined) {
              row = rows[Number(name.slice(1))]!;
              break;
            }
          }
          if (row === undefined) continue;
          // Re-run the row alone for its own numbered capture groups. A row whose length limit
          // the line exceeds does not count: then the other anchored rows are tried one by one.
          if (fits(row, text)) return rowHit(row, text);
          for (const other of anchored) {
            if (other !== row && fits(other, text)) {
              const hit = rowHit(other, text);
              if (hit !== null) return hit;
            }
          }
          break;
        }
      }
      let best: PatternHit<K> | null = null;
      let lower: string | null = null;
      for (const row of floating) {
        if (!fits(row, text)) continue;
        if (row.keywords !== undefined) {
          lower ??= text.toLowerCase();
          if (!row.keywords.some((k) => lower!.includes(k))) continue;
        }
        const hit = rowHit(row, text);
        if (hit !== null && (best === null || hit.match.index < best.match.index)) best = hit;
      }
      return best;
    },
  };
}

const tables = { boilerplate: TABLES.boilerplate, media: TABLES.media, meta: TABLES.meta, captionCredits: TABLES.captionCredits } as const;
// `gated` as the library reads the gates, `thorough` as the bundle does (non-ASCII literals too).
const pairs = Object.entries(tables).map(([name, rows]) => ({
  name,
  gated: compileTable(rows as readonly PatternRow[]),
  thorough: compileTable(rows as readonly PatternRow[], true),
  reference: referenceCompileTable(rows as readonly PatternRow[]),
}));
const show = (h: PatternHit | null): unknown => (h === null ? null : { id: h.row.id, index: h.match.index, all: [...h.match] });

function same(line: string): void {
  for (const p of pairs) {
    const want = show(p.reference.match(line));
    expect(show(p.gated.match(line)), `${p.name}: ${JSON.stringify(line)}`).toEqual(want);
    expect(show(p.thorough.match(line)), `${p.name} (thorough): ${JSON.stringify(line)}`).toEqual(want);
  }
}

describe('gated table matching', () => {
  it('answers as the combined regexes did on corpus lines', () => {
    let lines = 0;
    let hits = 0;
    for (const set of readdirSync('/work/shared/corpus').filter((s) => !s.includes('.'))) {
      for (const kind of ['text-chromium', 'text-w3m']) {
        const dir = join('/work/shared/corpus', set, kind);
        for (const f of readdirSync(dir).sort().slice(0, 12)) {
          for (const raw of readFileSync(join(dir, f), 'utf8').split('\n')) {
            const line = raw.replace(/\s+/g, ' ').trim();
            same(line);
            lines++;
            if (pairs[0]!.reference.match(line) !== null) hits++;
          }
        }
      }
    }
    expect(lines).toBeGreaterThan(5000);
    expect(hits).toBeGreaterThan(100);
  });

  it('answers as they did on the rows’ examples, near misses and generated lines', () => {
    const samples = Object.values(tables).flatMap((rows) => rows.flatMap((r) => [r.example, r.nearMiss]));
    for (const s of samples) {
      same(s);
      same(s.toUpperCase());
      same(s.toLowerCase());
      same(` ${s}`);
    }
    const bits = [...samples.flatMap((s) => s.split(/(?<=\s)/)), 'ſubscribe', 'K', '»', '—', '•', '', ' ', '😀', 'İ', 'ẞ', 'Σ', '7', '2024', '12:30', '٣', 'РЕКЛАМА', 'ᲂ', 'ς', 'É'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...bits), { maxLength: 12 }), (parts) => same(parts.join(''))),
      { numRuns: 4000, seed: 3 },
    );
    same('');
  });
});

describe('mayHold', () => {
  it('says no only when no stretch of the line matches a row of the kind', () => {
    const table = compileTable(TABLES.boilerplate);
    const kinds = [...new Set(TABLES.boilerplate.map((r) => r.kind))];
    let no = 0;
    for (const set of readdirSync('/work/shared/corpus').filter((s) => !s.includes('.'))) {
      const dir = join('/work/shared/corpus', set, 'text-chromium');
      for (const f of readdirSync(dir).sort().slice(0, 2)) {
        for (const raw of readFileSync(join(dir, f), 'utf8').split('\n')) {
          const line = raw.replace(/\s+/g, ' ').trim();
          const words = line.split(' ');
          for (const kind of kinds) {
            if (table.mayHold(line, kind)) continue;
            no++;
            for (let k = 0; k < words.length; k++) {
              for (let j = k + 1; j <= Math.min(words.length, k + 8); j++) expect(table.match(words.slice(k, j).join(' '))?.row.kind, `${kind}: ${line}`).not.toBe(kind);
            }
          }
        }
      }
    }
    expect(no).toBeGreaterThan(1000);
  });
});

describe('firstAtoms', () => {
  it('reads the atoms a match can begin with', () => {
    expect(firstAtoms('^(?:please\\s+)?(?:donate|give)x').atoms).toEqual(new Set(['p', 'd', 'g']));
    expect(firstAtoms('^[\\s\\p{P}]*(?:a|b)').atoms).toEqual(new Set(['[\\s\\p{P}]', 'a', 'b']));
    expect(firstAtoms('^(?<r1>\\p{Lu}{1,3}|c)|^\\d').atoms).toEqual(new Set(['\\p{Lu}', 'c', '\\d']));
    expect(firstAtoms('^(?=x)\\bq').atoms).toEqual(new Set(['q']));
    expect(firstAtoms('^a{0,2}b').atoms).toEqual(new Set(['a', 'b']));
  });
  it('says when a pattern can match the empty string', () => {
    expect(firstAtoms('^a*$').nullable).toBe(true);
    expect(firstAtoms('^a+$').nullable).toBe(false);
    expect(firstAtoms('^(?:a|)b?').nullable).toBe(true);
  });
  it('refuses back-references', () => {
    expect(() => firstAtoms('^(a)\\1')).toThrow();
  });
});

describe('lastAtoms', () => {
  it('reads the atoms a match that ends the input can end with', () => {
    expect(lastAtoms('^(?:a|b)c?$')).toEqual(new Set(['c', 'a', 'b']));
    expect(lastAtoms('^x[\\s\\p{P}]*(?:-|—)\\b$|^y(?:z$|q$)')).toEqual(new Set(['-', '—', 'z', 'q']));
    expect(lastAtoms('^a(?<=a)$')).toEqual(new Set(['a']));
  });
  it('gives no gate when a match may end before the end, or be empty', () => {
    expect(lastAtoms('^a$|^b')).toBeNull();
    expect(lastAtoms('^a*$')).toBeNull();
    expect(lastAtoms('^(?:a$)?')).toBeNull();
    expect(lastAtoms('^(a)\\1$')).toBeNull();
  });
});

describe('requiredLiterals', () => {
  it('reads literals every match holds, lower-cased', () => {
    expect(requiredLiterals('^(?:[Pp]lease\\s+)?[Ss]upport\\s+x')).toEqual(['support']);
    expect(requiredLiterals('^comments?$')).toEqual(['comment']);
    expect(requiredLiterals('^(?:a\\d+|b)c')).toEqual(['c']);
    expect(requiredLiterals('^(?:a\\d+|\\s)\\w')).toBeNull();
    expect(requiredLiterals('^(?:staff|editor)s?\\s+\\p{Lu}')?.sort()).toEqual(['editor', 'staff']);
    expect(requiredLiterals('^\\p{Lu}.{0,9}\\/\\s*\\p{Lu}')).toEqual(['/']);
    // Non-ASCII characters only when every character matching them lower-cases alike.
    expect(requiredLiterals('^реклама$')).toBeNull();
    expect(requiredLiterals('^реклама$', false, true)).toEqual(['реклама']);
    expect(requiredLiterals('^ок$', false, true)).toEqual(['к']);
    expect(requiredLiterals('^σ$', false, true)).toBeNull();
    expect(requiredLiterals('^ſ$', false, true)).toBeNull();
    // Digits are read as 0 (the literal index folds every ASCII digit to 0).
    expect(requiredLiterals('^(?:[Jj]an|\\d+)\\s')?.sort()).toEqual(['0', 'jan']);
    expect(requiredLiterals('^[0-9]{4}$')).toEqual(['0']);
    expect(requiredLiterals('^(?:page|p[1-3x])$')?.sort()).toEqual(['p0', 'page', 'px']);
    // As written (case-sensitive rows): case kept, any characters.
    expect(requiredLiterals('^(?:[Bb]y|От)\\s', true)?.sort()).toEqual(['By', 'by', 'От'].sort());
    expect(requiredLiterals('^\\p{Lu}.{0,9}(?:TASS|ТАСС|AP)$', true)?.sort()).toEqual(['AP', 'TASS', 'ТАСС'].sort());
    expect(requiredLiterals('^реклама$', true)).toEqual(['реклама']);
    expect(requiredLiterals('^\\d[0-9]77$', true)).toEqual(['77']);
    expect(requiredLiterals('^(a)\\1')).toBeNull();
    // A word of one or two letters is in most lines: other literals of the match are preferred,
    // but for figures.
    expect(requiredLiterals('^(?:re|aw|sv)\\s?:')).toEqual([':']);
    expect(requiredLiterals('^by\\s+\\d')).toEqual(['by']);
  });
  it('reads literals for plain lines: words no plain line holds drop out, plain punctuation is itself', () => {
    expect(requiredLiterals('^(?:реклама|ad|publicité)$')).toBeNull();
    expect(requiredLiterals('^(?:реклама|ad|publicité)$', false, false, true)?.sort()).toEqual(['ad']);
    expect(requiredLiterals('^(?:[àé]x|yz)', false, false, true)).toEqual(['yz']);
    expect(requiredLiterals('^(?:[àa]x|yz)', false, false, true)?.sort()).toEqual(['ax', 'yz']);
    expect(requiredLiterals('^(?:é+|yz)', false, false, true)).toEqual(['yz']);
    expect(requiredLiterals('^(?:é?|yz)', false, false, true)).toBeNull();
    expect(requiredLiterals('^(?:l[\'’]auteur|реклама)$', false, false, true)?.sort()).toEqual(["l'auteur", 'l’auteur']);
    // No plain line can match: no literal lets one through.
    expect(requiredLiterals('^реклама$', false, false, true)).toEqual([]);
    // The long s and the Kelvin sign match ASCII letters: unknown characters, as before.
    expect(requiredLiterals('^(?:ſx|yz)', false, false, true)?.sort()).toEqual(['x', 'yz']);
    expect(requiredLiterals('^(?:ſ|yz)', false, false, true)).toBeNull();
    expect(requiredLiterals('^(?:\u212A|yz)', false, false, true)).toBeNull();
  });
  it('gates a row by its plain-line literals on plain lines only', () => {
    const rows = [{ id: 'x', kind: 'k', pattern: /^(?:реклама|ads?)$/iu, note: 'n', example: 'ads', nearMiss: 'b' }];
    expect(gatePlan(rows[0]!.pattern).plainOnly).toBe(true);
    expect(gatePlan(rows[0]!.pattern, true).plainOnly).toBeUndefined();
    const t = compileTable(rows);
    expect(t.match('РЕКЛАМА')?.row.id).toBe('x');
    expect(t.match('ADS')?.row.id).toBe('x');
    expect(t.match('news')).toBeNull();
  });
  it('finds case-insensitive rows with non-ASCII literals in any spelling that matches them', () => {
    const t = compileTable(
      [
        { id: 'x', kind: 'k', pattern: /^реклама$/iu, note: 'n', example: 'реклама', nearMiss: 'b' },
        { id: 'y', kind: 'k', pattern: /^ок$/iu, note: 'n', example: 'ок', nearMiss: 'b' },
        { id: 'z', kind: 'k', pattern: /^(?:σ|ſ)x$/iu, note: 'n', example: 'σx', nearMiss: 'b' },
      ],
      true,
    );
    expect(t.match('РЕКЛАМА')?.row.id).toBe('x');
    expect(t.match('\u1C82К')?.row.id).toBe('y');
    expect(t.match('ςX')?.row.id).toBe('z');
    expect(t.match('SX')?.row.id).toBe('z');
  });
  it('looks for a case-sensitive row’s literals as written', () => {
    const t = compileTable(
      [
        { id: 'x', kind: 'k', pattern: /^\p{Lu}\p{L}+ \/ (?:TASS|ТАСС|AP)$/u, note: 'n', example: 'Ivan / TASS', nearMiss: 'b' },
        { id: 'y', kind: 'k', pattern: /^tass$/iu, note: 'n', example: 'tass', nearMiss: 'b' },
      ],
      true,
    );
    expect(t.match('Ivan / ТАСС')?.row.id).toBe('x');
    expect(t.match('Ivan / AP')?.row.id).toBe('x');
    expect(t.match('Ivan / Ap')).toBeNull();
    expect(t.match('TASS')?.row.id).toBe('y');
    expect(t.match('İvan / ТАСС')?.row.id).toBe('x');
    // Looked for in the literal index's reading first: lower-cased, digits as 0; not with Σ or ſ.
    expect(writtenInIndex(['AP', 'ТАСС', 'Kremlin.ru', 'A1'])).toEqual(['ap', 'тасс', 'kremlin.ru', 'a0']);
    expect(writtenInIndex(['AP', 'ΣΑΣ'])).toBeNull();
    expect(writtenInIndex(null)).toBeNull();
  });
  it('finds rows whose literals hold digits, and keywords holding digits only as written', () => {
    const t = compileTable([
      { id: 'x', kind: 'k', pattern: /^page\s+\d+\s+of\s+2\d$/iu, note: 'n', example: 'page 3 of 20', nearMiss: 'b' },
      { id: 'y', kind: 'k', pattern: /top\s?\d+/iu, note: 'n', example: 'top 10', nearMiss: 'b', keywords: ['top 1'] },
    ]);
    expect(t.match('Page 7 of 24')?.row.id).toBe('x');
    expect(t.match('Page 7 of 34')).toBeNull();
    expect(t.match('the top 12 films')?.row.id).toBe('y');
    expect(t.match('the top 22 films')).toBeNull();
    expect(t.match('the top 22 films, ſo')).toBeNull();
  });
  it('still finds a case-insensitive row in a line spelt with the long s or the Kelvin sign', () => {
    const t = compileTable([
      { id: 'x', kind: 'k', pattern: /^support us$/iu, note: 'n', example: 'support us', nearMiss: 'b' },
      { id: 'y', kind: 'k', pattern: /^kick off$/iu, note: 'n', example: 'kick off', nearMiss: 'b' },
    ]);
    expect(t.match('ſupport uſ')?.row.id).toBe('x');
    expect(t.match('\u212Aick off')?.row.id).toBe('y');
    expect(t.match('support them')).toBeNull();
  });

  it('gates every anchored row of the tables by a literal or a length limit', () => {
    // A row with neither runs on every line of prose its first character admits: script-source,
    // all lookaheads, ran on every line of 120+ characters (~2% of the text path) until its keyword
    // alternation consumed text and so gave literals.
    const ungated = Object.values(TABLES)
      .flat()
      .filter((r) => isAnchored(r.pattern) && r.maxLength === undefined && requiredLiterals(r.pattern.source, !r.pattern.ignoreCase) === null)
      .map((r) => r.id);
    expect(ungated).toEqual([]);
  });
});

describe('cheapToCompile', () => {
  const NOT_LINE_END = String.raw`[^\n\r\u2028\u2029]`;

  it('rewrites the dots of case-insensitive Unicode regexes only, not escaped dots or dots in classes', () => {
    expect(cheapToCompile(/^a.b\.c[.x](?:d.)$/iu).source).toBe(String.raw`^a${NOT_LINE_END}b\.c[.x](?:d${NOT_LINE_END})$`);
    expect(cheapToCompile(/[\].]./iu).source).toBe(String.raw`[\].]${NOT_LINE_END}`);
    for (const re of [/a.b/u, /a.b/i, /a.b/ius, /a\.b/iu]) expect(cheapToCompile(re)).toBe(re);
    expect(cheapToCompile(/a.b/iu).flags).toBe('iu');
  });

  // Every row of the tables whose regex was rewritten, against the regex as written: characters
  // that case-fold specially (Kelvin sign, long s, dotted I), line terminators, and the rows' own
  // examples cut and spliced.
  const rewritten = Object.values(TABLES)
    .flat()
    .filter((r) => r.pattern.source.includes(NOT_LINE_END))
    .map((r) => ({ row: r, original: new RegExp(r.pattern.source.replaceAll(NOT_LINE_END, '.'), r.pattern.flags) }));

  it('finds rows to rewrite', () => {
    expect(rewritten.length).toBeGreaterThan(10);
  });

  it('matches exactly as the regex as written, on every rewritten row', () => {
    const chars = fc.constantFrom(...'aAbByKkSs\u212a\u017f\u0130i.,:;!?-–/()\'"’ \t\n\r\u2028\u2029\u00a0\u0085é0179'.split(''), '😀');
    const words = rewritten.flatMap(({ row }) => [row.example, row.nearMiss]).flatMap((s) => s.split(/(?<=\s)/));
    const text = fc.array(fc.oneof(fc.string({ unit: chars, maxLength: 6 }), fc.constantFrom(...words)), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (line) => {
        for (const { row, original } of rewritten) {
          expect(JSON.stringify(row.pattern.exec(line)), `${row.id}: ${JSON.stringify(line)}`).toBe(JSON.stringify(original.exec(line)));
        }
      }),
      { numRuns: 3000 },
    );
    for (const { row, original } of rewritten) {
      for (const line of [row.example, row.nearMiss, row.example.toUpperCase(), row.example.replace(/ /g, '\u2028')]) {
        expect(JSON.stringify(row.pattern.exec(line)), row.id).toBe(JSON.stringify(original.exec(line)));
      }
    }
  });
});

describe('saved literal index', () => {
  const plans = Object.fromEntries(Object.values(TABLES).flat().map((r) => [r.id, gatePlan(r.pattern, true)]));
  const saved = savedLiteralIndex(Object.values(TABLES), plans);

  it('holds every literal the tables look for, and loads into the same automaton', () => {
    expect(saved.literals.length).toBeGreaterThan(300);
    const built = new LiteralIndex();
    for (const literal of saved.literals) built.id(literal);
    const loaded = new LiteralIndex();
    loaded.load(saved);
    expect(loaded.save()).toEqual(built.save());
    // A literal no table has is added, and the index rebuilt with it.
    const extra = loaded.id('zqxj');
    loaded.scan('a zqxj b');
    expect(loaded.has(extra)).toBe(true);
    expect(() => loaded.load(saved)).toThrow(/already has literals/);
  });

  it('finds the same literals in any line as an index built at run time', () => {
    const built = new LiteralIndex();
    for (const literal of saved.literals) built.id(literal);
    const loaded = new LiteralIndex();
    loaded.load(saved);
    const words = saved.literals.flatMap((l) => [l, l.toUpperCase()]);
    const line = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 4 }), fc.constantFrom(' ', 'ſ', 'é', '0', '9')), { maxLength: 10 }).map((p) => p.join(''));
    fc.assert(
      fc.property(line, (text) => {
        built.scan(text);
        loaded.scan(text);
        for (let id = 0; id < saved.literals.length; id++) expect(loaded.has(id), `${saved.literals[id]} in ${JSON.stringify(text)}`).toBe(built.has(id));
      }),
      { numRuns: 500 },
    );
  });
});
