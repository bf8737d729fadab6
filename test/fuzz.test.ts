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
import { extract, NewscleanError } from '../src/index.js';
import { decode } from '../src/decode/index.js';
import { renderText } from '../src/render/text.js';
// @ts-expect-error plain ESM module without type declarations
import { bytesArb, htmlArb, htmlText, makeChecks, squash, textArb } from '../fuzz/properties.mjs';

const schemaPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'article.schema.json');
const hasSchema = existsSync(schemaPath);
if (!hasSchema) console.warn('fuzz: schema/article.schema.json is absent, the schema check is skipped');
const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: true, strict: false });
const validate = hasSchema ? ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object) : undefined;

const checks = makeChecks({ extract, decode, NewscleanError, renderText }, validate);
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
});
