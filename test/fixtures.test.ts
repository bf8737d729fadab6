/**
 * Golden fixtures: every folder `fixtures/<area>--<case>/` holds `input.txt` or `input.html` and an
 * `expected.json`. This runner runs `extract()` on each input (read as bytes, `inputFormat` from
 * the extension, `favor` from expected.json) and asserts every field that expected.json names.
 *
 * expected.json fields (all optional, but at least one assertion):
 *   headline, subheadline, byline, dateline      exact string, or null
 *   photoCredits, captions, paragraphs           exact arrays
 *   paragraphCount                               number of paragraphs
 *   firstParagraphStartsWith, lastParagraphEndsWith
 *   mustContain, mustNotContain                  snippets that must / must not be in `body`
 *                                                (whitespace runs compared as one space)
 *   boilerplateKinds                             exact ordered array of the boilerplate kinds
 *   boilerplateContains                          [{kind, text}]: some entry of that kind holds text
 *   language                                     ISO 639-1 code
 *   inputFormat                                  what `inputFormat: 'auto'` must detect
 *   favor                                        option passed to extract (not an assertion)
 *   knownIssue                                   the classifier is known to get this case wrong:
 *                                                the case runs as `it.fails`, so it turns red the
 *                                                day it passes, and the marker must then be removed
 *   source, description                          free text (where the input came from)
 *
 * Folders whose area has its own runner are only checked for their layout here:
 *   encoding--*  test/decode.test.ts (its `mustContain` spans every Article field, not the body,
 *                and it checks the decoded bytes against decoded.txt);
 *   html--*      test/html.test.ts (segmentation and main-container choice; `extracted`: the Article).
 * They still count in the photo-credit summary below, which runs extract() on every fixture
 * that lists photoCredits.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOILERPLATE_KINDS, extract, type Article, type Favor } from '../src/index.js';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'fixtures');

/** Areas whose fixtures another test file runs; see the header. */
const OWN_RUNNER: Record<string, string> = {
  encoding: 'test/decode.test.ts',
  html: 'test/html.test.ts',
};

const STRING_FIELDS = ['headline', 'subheadline', 'byline', 'dateline'] as const;
const ARRAY_FIELDS = ['photoCredits', 'captions', 'paragraphs'] as const;
const ASSERTIONS = [
  ...STRING_FIELDS,
  ...ARRAY_FIELDS,
  'paragraphCount',
  'firstParagraphStartsWith',
  'lastParagraphEndsWith',
  'mustContain',
  'mustNotContain',
  'boilerplateKinds',
  'boilerplateContains',
  'language',
  'inputFormat',
] as const;
const NON_ASSERTIONS = ['favor', 'knownIssue', 'source', 'description'] as const;
/** Keys the other runners' expected.json files use (only allowed in their areas). */
const FOREIGN_KEYS: Record<string, readonly string[]> = { encoding: ['encoding'], html: ['extracted'] };

interface Expected {
  headline?: string | null;
  subheadline?: string | null;
  byline?: string | null;
  dateline?: string | null;
  photoCredits?: string[];
  captions?: string[];
  paragraphs?: string[];
  paragraphCount?: number;
  firstParagraphStartsWith?: string;
  lastParagraphEndsWith?: string;
  mustContain?: string[];
  mustNotContain?: string[];
  boilerplateKinds?: string[];
  boilerplateContains?: { kind: string; text: string }[];
  language?: string | null;
  inputFormat?: 'text' | 'html';
  favor?: Favor;
  knownIssue?: string;
  source?: string;
  description?: string;
}

interface Fixture {
  dir: string;
  area: string;
  inputFile: string | null;
  expectedPath: string;
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
const show = (v: unknown): string => JSON.stringify(v);

function listFixtures(root: string = FIXTURES): Fixture[] {
  return readdirSync(root)
    .filter((d) => statSync(join(root, d)).isDirectory())
    .sort()
    .map((dir) => {
      const area = dir.includes('--') ? dir.slice(0, dir.indexOf('--')) : '';
      const inputs = ['input.txt', 'input.html'].filter((f) => existsSync(join(root, dir, f)));
      return { dir, area, inputFile: inputs.length === 1 ? inputs[0]! : null, expectedPath: join(root, dir, 'expected.json') };
    });
}

/** Problems with the folder and its expected.json itself, before any extraction. */
function layoutProblems(f: Fixture): string[] {
  const problems: string[] = [];
  if (!f.area) problems.push(`folder name "${f.dir}" is not <area>--<case>`);
  if (f.inputFile === null) problems.push('needs exactly one of input.txt / input.html');
  if (!existsSync(f.expectedPath)) return [...problems, 'expected.json is missing'];
  let exp: Record<string, unknown>;
  try {
    exp = JSON.parse(readFileSync(f.expectedPath, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    return [...problems, `expected.json does not parse: ${(e as Error).message}`];
  }
  const known = new Set<string>([...ASSERTIONS, ...NON_ASSERTIONS, ...(FOREIGN_KEYS[f.area] ?? [])]);
  for (const k of Object.keys(exp)) if (!known.has(k)) problems.push(`unknown field "${k}" in expected.json`);
  // An area runner's own keys assert there (html's `extracted`, whose runner checks it holds one).
  if (![...ASSERTIONS, ...(FOREIGN_KEYS[f.area] ?? [])].some((k) => k in exp)) problems.push('expected.json asserts nothing');
  if (exp['knownIssue'] !== undefined && (typeof exp['knownIssue'] !== 'string' || !exp['knownIssue'].trim())) {
    problems.push('knownIssue must be a non-empty string saying what is wrong');
  }
  if ('paragraphs' in exp && 'paragraphCount' in exp) problems.push('give paragraphs or paragraphCount, not both');
  if ('favor' in exp && !['balanced', 'precision', 'recall'].includes(exp['favor'] as string)) problems.push(`bad favor ${show(exp['favor'])}`);
  for (const bc of (exp['boilerplateContains'] as { kind: string }[] | undefined) ?? []) {
    if (!(BOILERPLATE_KINDS as readonly string[]).includes(bc.kind)) problems.push(`boilerplateContains: unknown kind ${show(bc.kind)}`);
  }
  for (const k of (exp['boilerplateKinds'] as string[] | undefined) ?? []) {
    if (!(BOILERPLATE_KINDS as readonly string[]).includes(k)) problems.push(`boilerplateKinds: unknown kind ${show(k)}`);
  }
  return problems;
}

function readExpected(f: Fixture): Expected {
  return JSON.parse(readFileSync(f.expectedPath, 'utf8')) as Expected;
}

function run(f: Fixture, exp: Expected, inputFormat?: 'auto' | 'text' | 'html'): Article {
  const bytes = readFileSync(join(FIXTURES, f.dir, f.inputFile!));
  return extract(bytes, {
    name: `fixtures/${f.dir}/${f.inputFile}`,
    inputFormat: inputFormat ?? (f.inputFile!.endsWith('.html') ? 'html' : 'text'),
    favor: exp.favor ?? 'balanced',
  });
}

/** Every way the Article differs from expected.json, one line each (empty when it matches). */
function mismatches(a: Article, exp: Expected): string[] {
  const out: string[] = [];
  for (const k of STRING_FIELDS) {
    if (exp[k] !== undefined && a[k] !== exp[k]) out.push(`${k}: got ${show(a[k])}, want ${show(exp[k])}`);
  }
  for (const k of ARRAY_FIELDS) {
    const want = exp[k];
    if (want === undefined) continue;
    if (show(a[k]) === show(want)) continue;
    if (a[k].length !== want.length) out.push(`${k}: got ${a[k].length} entries, want ${want.length}`);
    const n = Math.max(a[k].length, want.length);
    for (let i = 0; i < n; i++) {
      if (a[k][i] !== want[i]) out.push(`${k}[${i}]: got ${show(a[k][i] ?? null)}, want ${show(want[i] ?? null)}`);
    }
  }
  if (exp.paragraphCount !== undefined && a.paragraphs.length !== exp.paragraphCount) {
    out.push(`paragraphCount: got ${a.paragraphs.length}, want ${exp.paragraphCount}`);
  }
  if (exp.firstParagraphStartsWith !== undefined && !norm(a.paragraphs[0] ?? '').startsWith(norm(exp.firstParagraphStartsWith))) {
    out.push(`firstParagraphStartsWith: first paragraph is ${show((a.paragraphs[0] ?? null)?.slice(0, 120) ?? null)}`);
  }
  if (exp.lastParagraphEndsWith !== undefined && !norm(a.paragraphs.at(-1) ?? '').endsWith(norm(exp.lastParagraphEndsWith))) {
    out.push(`lastParagraphEndsWith: last paragraph is ${show((a.paragraphs.at(-1) ?? null)?.slice(-120) ?? null)}`);
  }
  const body = norm(a.body);
  for (const s of exp.mustContain ?? []) if (!body.includes(norm(s))) out.push(`mustContain: body lacks ${show(s)}`);
  for (const s of exp.mustNotContain ?? []) if (body.includes(norm(s))) out.push(`mustNotContain: body has ${show(s)}`);
  if (exp.boilerplateKinds !== undefined) {
    const kinds = a.boilerplate.map((b) => b.kind);
    if (show(kinds) !== show(exp.boilerplateKinds)) out.push(`boilerplateKinds: got ${show(kinds)}, want ${show(exp.boilerplateKinds)}`);
  }
  for (const { kind, text } of exp.boilerplateContains ?? []) {
    if (!a.boilerplate.some((b) => b.kind === kind && norm(b.text).includes(norm(text)))) {
      const where = a.boilerplate.find((b) => norm(b.text).includes(norm(text)));
      const elsewhere = where ? `it is in ${where.kind}` : body.includes(norm(text)) ? 'it is in the body' : 'it is nowhere in boilerplate or body';
      out.push(`boilerplateContains: no ${kind} entry holds ${show(text)} (${elsewhere})`);
    }
  }
  if (exp.language !== undefined && a.language !== exp.language) out.push(`language: got ${show(a.language)}, want ${show(exp.language)}`);
  return out;
}

const fixtures = listFixtures();
const mine = fixtures.filter((f) => !(f.area in OWN_RUNNER));

describe('fixture folders', () => {
  it('there are at least 15 plain-text fixtures', () => {
    expect(fixtures.filter((f) => f.area === 'text').length).toBeGreaterThanOrEqual(15);
  });

  for (const f of fixtures) {
    it(`${f.dir}: layout (input file, expected.json with at least one assertion, known fields)`, () => {
      expect(layoutProblems(f)).toEqual([]);
    });
  }

  it('the README quick start runs: node bin/newsclean.js fixtures/text--seed-moscow-times/input.txt', () => {
    // Uses the built dist/ (npm test builds first; alone: npx tsc -p . before).
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/newsclean.js'), 'fixtures/text--seed-moscow-times/input.txt'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // Field-by-field correctness is the golden case text--seed-moscow-times; this checks the command.
    // Into a pipe (as here) the default output is JSON; on a terminal it is the text.
    const a = JSON.parse(r.stdout) as Article;
    expect(a.body).toContain('Peskov also told reporters that Western sanctions against Russia were');
    expect(a.body).not.toContain('we have a small favor to ask');
    expect(a.boilerplate.some((e) => e.kind === 'support-appeal' && e.text.includes('we have a small favor to ask'))).toBe(true);
  });
});

describe('golden fixtures', () => {
  for (const f of mine) {
    if (layoutProblems(f).length > 0) continue; // reported by the layout test above
    const exp = readExpected(f);
    const title = exp.knownIssue ? `${f.dir} [knownIssue: ${exp.knownIssue}]` : f.dir;
    const test = exp.knownIssue ? it.fails : it;
    test(title, () => {
      const article = run(f, exp);
      const problems = mismatches(article, exp);
      if (exp.inputFormat !== undefined) {
        const sniffed = run(f, exp, 'auto').source.inputFormat;
        if (sniffed !== exp.inputFormat) problems.push(`inputFormat: auto detected ${sniffed}, want ${exp.inputFormat}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('photo credits across all fixtures', () => {
  const withCredits = fixtures.filter((f) => layoutProblems(f).length === 0 && readExpected(f).photoCredits !== undefined);

  it('summary: credits found exactly (printed), and every text case not marked knownIssue finds all of its own (other areas: printed only)', () => {
    let want = 0;
    let exact = 0;
    let extra = 0;
    const lines: string[] = [];
    const unmarkedMisses: string[] = [];
    for (const f of withCredits) {
      const exp = readExpected(f);
      const got = run(f, exp).photoCredits;
      const wanted = exp.photoCredits!;
      const found = wanted.filter((c) => got.includes(c));
      const spurious = got.filter((c) => !wanted.includes(c));
      want += wanted.length;
      exact += found.length;
      extra += spurious.length;
      const missing = wanted.filter((c) => !got.includes(c));
      lines.push(`  ${f.dir}: ${found.length}/${wanted.length}` + (missing.length ? ` missing ${show(missing)}` : '') + (spurious.length ? ` extra ${show(spurious)}` : ''));
      if (missing.length && !exp.knownIssue && !(f.area in OWN_RUNNER)) unmarkedMisses.push(`${f.dir}: ${show(missing)}`);
    }
    console.log(`photo credits found exactly: ${exact}/${want} over ${withCredits.length} fixtures (${extra} extra credits)\n${lines.join('\n')}`);
    expect(want).toBeGreaterThan(0);
    expect(unmarkedMisses).toEqual([]);
  });
});

describe('the runner itself', () => {
  it('rejects a folder without expected.json, with an unknown field, asserting nothing, or without input', () => {
    const root = mkdtempSync(join(tmpdir(), 'newsclean-fixtures-'));
    try {
      const make = (dir: string, files: Record<string, string>): void => {
        mkdirSync(join(root, dir));
        for (const [name, body] of Object.entries(files)) writeFileSync(join(root, dir, name), body);
      };
      make('text--no-expected', { 'input.txt': 'Hello.' });
      make('text--typo', { 'input.txt': 'Hello.', 'expected.json': '{"headlin": "Hello"}' });
      make('text--nothing', { 'input.txt': 'Hello.', 'expected.json': '{"favor": "recall", "source": "x"}' });
      make('text--no-input', { 'expected.json': '{"headline": null}' });
      make('text--ok', { 'input.txt': 'Hello.', 'expected.json': '{"headline": null, "knownIssue": "x"}' });
      make('noarea', { 'input.html': '<p>x</p>', 'expected.json': '{"paragraphCount": 1}' });
      const got = Object.fromEntries(listFixtures(root).map((f) => [f.dir, layoutProblems(f)]));
      expect(got).toEqual({
        'noarea': ['folder name "noarea" is not <area>--<case>'],
        'text--no-expected': ['expected.json is missing'],
        'text--no-input': ['needs exactly one of input.txt / input.html'],
        'text--nothing': ['expected.json asserts nothing'],
        'text--ok': [],
        'text--typo': ['unknown field "headlin" in expected.json', 'expected.json asserts nothing'],
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reports every field that differs, and nothing when all match', () => {
    const article: Article = {
      headline: 'Town hall reopens',
      subheadline: null,
      byline: 'By Ann Lee',
      dateline: null,
      photoCredits: ['AP Photo/Evan Vucci'],
      captions: ['The hall on Monday.'],
      paragraphs: ['The town hall reopened on Monday after a two-year refit.', 'The mayor cut the ribbon.'],
      body: 'The town hall reopened on Monday after a two-year refit.\n\nThe mayor cut the ribbon.',
      boilerplate: [
        { kind: 'support-appeal', text: 'Support local news.' },
        { kind: 'navigation', text: 'Read more' },
      ],
      language: 'en',
      source: { name: null, inputFormat: 'text', bytes: 100 },
    };
    const right: Expected = {
      headline: 'Town hall reopens',
      subheadline: null,
      byline: 'By Ann Lee',
      photoCredits: ['AP Photo/Evan Vucci'],
      captions: ['The hall on Monday.'],
      paragraphCount: 2,
      firstParagraphStartsWith: 'The town hall reopened',
      lastParagraphEndsWith: 'cut the ribbon.',
      mustContain: ['two-year refit. The mayor'],
      mustNotContain: ['Support local news'],
      boilerplateKinds: ['support-appeal', 'navigation'],
      boilerplateContains: [{ kind: 'navigation', text: 'Read more' }],
      language: 'en',
    };
    expect(mismatches(article, right)).toEqual([]);
    const wrong: Expected = {
      headline: null,
      photoCredits: [],
      paragraphs: ['The town hall reopened on Monday after a two-year refit.'],
      firstParagraphStartsWith: 'The mayor',
      lastParagraphEndsWith: 'refit.',
      mustContain: ['the council'],
      mustNotContain: ['mayor'],
      boilerplateKinds: ['support-appeal'],
      boilerplateContains: [{ kind: 'share', text: 'Read more' }],
      language: 'fr',
    };
    expect(mismatches(article, wrong).map((m) => m.slice(0, m.indexOf(':')))).toEqual([
      'headline',
      'photoCredits',
      'photoCredits[0]',
      'paragraphs',
      'paragraphs[1]',
      'firstParagraphStartsWith',
      'lastParagraphEndsWith',
      'mustContain',
      'mustNotContain',
      'boilerplateKinds',
      'boilerplateContains',
      'language',
    ]);
  });
});
