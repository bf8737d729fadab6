/**
 * schema/article.schema.json against real outputs: the seed article and pages from every
 * development corpus, as plain text (text-chromium) and as HTML, through the library and the CLI.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import Ajv2020Module from 'ajv/dist/2020.js';
import { extract, BOILERPLATE_KINDS } from '../src/index.js';
import type { Article } from '../src/index.js';

const ROOT = join(import.meta.dirname, '..');
const SEED = '/work/shared/seeds/000_f9c01edc88d73acc.txt';
const CORPUS = '/work/shared/corpus';
const SETS = ['l3s-gn1', 'cleanportaleval', 'dragnet', 'readability'];

const schema = JSON.parse(readFileSync(join(ROOT, 'schema/article.schema.json'), 'utf8'));
type AjvClass = typeof import('ajv/dist/2020.js').default;
const Ajv2020 = ((Ajv2020Module as unknown as { default?: AjvClass }).default ?? Ajv2020Module) as AjvClass;
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

function assertValid(value: unknown, label: string): void {
  const ok = validate(value);
  expect(ok, `${label}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

/** The first `n` files of a corpus folder, sorted, so the sample is the same on every run. */
function sample(set: string, folder: string, n: number): string[] {
  return readdirSync(join(CORPUS, set, folder)).sort().slice(0, n).map((f) => join(CORPUS, set, folder, f));
}

const tmp = mkdtempSync(join(tmpdir(), 'newsclean-schema-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('article.schema.json', () => {
  it('is a valid draft 2020-12 schema whose kinds and fields follow src/article.ts', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$defs.boilerplateKind.enum).toEqual([...BOILERPLATE_KINDS]);
    const article = extract('Headline\n\nA body paragraph of some length, written for this test.', { name: 'x' });
    // Batch mode adds the optional `input` and `source.line` / `source.record`; extract() never sets them.
    const BATCH_ONLY = ['input'];
    const BATCH_SOURCE_ONLY = ['line', 'record'];
    expect(Object.keys(schema.properties).sort()).toEqual([...Object.keys(article), ...BATCH_ONLY].sort());
    expect([...schema.required].sort()).toEqual(Object.keys(article).sort());
    expect(Object.keys(schema.$defs.source.properties).sort()).toEqual([...Object.keys(article.source), ...BATCH_SOURCE_ONLY].sort());
    expect(schema.$defs.source.required).not.toContain('line');
  });

  it('validates the seed article', () => {
    const article = extract(readFileSync(SEED), { name: SEED });
    assertValid(article, 'seed');
    expect(article.source.name).toBe(SEED);
  });

  it.each(SETS)('validates text-chromium pages from %s', (set) => {
    for (const file of sample(set, 'text-chromium', 4)) {
      assertValid(extract(readFileSync(file), { name: file }), file);
    }
  });

  it.each(SETS)('validates HTML pages from %s', (set) => {
    for (const file of sample(set, 'html', 2)) {
      const article = extract(gunzipSync(readFileSync(file)), { name: file });
      expect(article.source.inputFormat).toBe('html');
      assertValid(article, file);
    }
  });

  it('validates an article with no body (empty paragraphs)', () => {
    const article = extract('', { name: 'empty' });
    expect(article.paragraphs).toEqual([]);
    assertValid(article, 'empty');
  });

  it('rejects what the Article type forbids', () => {
    const good = extract(readFileSync(SEED), { name: 'seed' });
    const bad: Array<[string, unknown]> = [
      ['extra field', { ...good, extra: 1 }],
      ['missing field', Object.fromEntries(Object.entries(good).filter(([k]) => k !== 'body'))],
      ['unknown kind', { ...good, boilerplate: [{ kind: 'weather', text: 'x' }] }],
      ['number headline', { ...good, headline: 3 }],
      ['bad input format', { ...good, source: { ...good.source, inputFormat: 'pdf' } }],
      ['extra source field', { ...good, source: { ...good.source, url: 'x' } }],
      ['negative bytes', { ...good, source: { ...good.source, bytes: -1 } }],
    ];
    for (const [label, value] of bad) expect(validate(value), label).toBe(false);
  });

  it('validates what the built CLI prints (--json, and ndjson over several inputs)', () => {
    const html = join(tmp, 'page.html');
    writeFileSync(html, gunzipSync(readFileSync(sample('readability', 'html', 1)[0]!)));
    const bin = join(ROOT, 'bin/newsclean.js');
    const one = spawnSync(process.execPath, [bin, '--json', SEED], { encoding: 'utf8' });
    expect(one.stderr).toBe('');
    assertValid(JSON.parse(one.stdout) as Article, 'cli --json seed');
    const many = spawnSync(process.execPath, [bin, '--format', 'ndjson', SEED, html], { encoding: 'utf8' });
    const lines = many.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) assertValid(JSON.parse(line), 'cli ndjson');
  });
});
