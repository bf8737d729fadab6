#!/usr/bin/env node
/**
 * Long fuzz run on the built library (run `npm run build` first):
 *
 *   npm run fuzz                      # 100,000 cases per property, random seed
 *   npm run fuzz -- 500000            # case count as an argument (or FUZZ_RUNS=…)
 *   FUZZ_SEED=42 npm run fuzz         # reproduce a run
 *   npm run fuzz -- 20000 --only=html-wellBehaved,text-stable
 *
 * Properties are those of test/fuzz.test.ts (fuzz/properties.mjs). Two more run only when named:
 *
 *   npm run fuzz -- 10000 --only=prose-text-stable,prose-html-stable
 *
 * stability on prose-shaped documents (`proseTextArb`, `proseHtmlArb`), which still fail now and
 * then. Status (session 3, FUZZ_SEED=12, 20,000 cases each, failures collected without stopping):
 * prose-text-stable 13 failures, prose-html-stable 6. The classes: a paragraph above a photo
 * credit line is taken for its caption (captions are not in the text output), so the next one
 * moves up into the title's place or to the body's edge, where a paragraph just under the body
 * threshold (1.49 against 1.5) reads as the headline, a subheadline or furniture; and a paragraph
 * with a fifth of its words stopwords, where the document's other paragraphs have half or more,
 * which text alone scores down (the classifier's relative stopword rule) while `isProse` keeps it
 * as prose.
 *
 * Prints one line per property with the case count, time and, on failure, fast-check's shrunk
 * counterexample; exits 1 when any property failed.
 */
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { bytesArb, htmlArb, makeChecks, markdownArb, proseHtmlArb, proseTextArb, textArb } from './properties.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distIndex = join(root, 'dist', 'index.js');
if (!existsSync(distIndex)) {
  console.error('fuzz: dist/index.js not found; run `npm run build` first');
  process.exit(2);
}
const { extract, NewscleanError } = await import(new URL('../dist/index.js', import.meta.url).href);
const { decode } = await import(new URL('../dist/decode/index.js', import.meta.url).href);
const { closeRunawayTitle } = await import(new URL('../dist/segment/html.js', import.meta.url).href);
const { isMarkdown, markdownToText } = await import(new URL('../dist/segment/markdown.js', import.meta.url).href);
const { withoutLinkTargets } = await import(new URL('../dist/segment/text.js', import.meta.url).href);
const { renderText } = await import(new URL('../dist/render/text.js', import.meta.url).href);
const { capNesting } = await import(new URL('../dist/segment/nesting.js', import.meta.url).href);
const { parseDocument } = createRequire(import.meta.url)('htmlparser2');

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? process.env.FUZZ_RUNS ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const only = (args.find((a) => a.startsWith('--only=')) ?? '').slice(7).split(',').filter(Boolean);

let validate;
const schemaPath = join(root, 'schema', 'article.schema.json');
if (existsSync(schemaPath)) {
  const require = createRequire(import.meta.url);
  const Ajv2020 = require('ajv/dist/2020.js').default;
  validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
} else {
  console.log('fuzz: schema/article.schema.json is absent, the schema check is skipped');
}
const checks = makeChecks({ extract, decode, NewscleanError, renderText, closeRunawayTitle, isMarkdown, markdownToText, withoutLinkTargets }, validate);
const formats = fc.constantFrom('text', 'html', 'auto');

const properties = {
  'text-wellBehaved': fc.property(textArb, formats, (t, f) => checks.wellBehaved(t, f === 'html' ? 'text' : f)),
  'html-wellBehaved': fc.property(htmlArb, formats, (h, f) => checks.wellBehaved(h, f === 'text' ? 'html' : f)),
  'bytes-wellBehaved': fc.property(bytesArb, (b) => checks.wellBehaved(b, 'auto')),
  'text-stable': fc.property(textArb, (t) => checks.stable(t, 'text')),
  'html-stable': fc.property(htmlArb, (h) => checks.stable(h, 'html')),
  'html-parsed': fc.property(htmlArb, (h) => checks.parsedSame(h, parseDocument, (t) => capNesting(closeRunawayTitle(t)))),
  'markdown-wellBehaved': fc.property(markdownArb, formats, (m, f) => checks.wellBehaved(m, f === 'html' ? 'text' : f)),
};
/** Opt-in (run only when named in --only): stability on prose-shaped documents, see `proseTextArb`. */
const optIn = {
  'prose-text-stable': fc.property(proseTextArb, (t) => checks.stable(t, 'text')),
  'prose-html-stable': fc.property(proseHtmlArb, (h) => checks.stable(h, 'html')),
};
for (const name of only) if (name in optIn) properties[name] = optIn[name];

console.log(`fuzz: ${runs} cases per property, seed ${seed} (FUZZ_SEED=${seed} to reproduce)`);
let failed = 0;
for (const [name, prop] of Object.entries(properties)) {
  if (only.length && !only.includes(name)) continue;
  const t0 = performance.now();
  const out = fc.check(prop, { seed, numRuns: runs, endOnFailure: false });
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  if (out.failed) {
    failed++;
    console.log(`FAIL ${name}: after ${out.numRuns} cases, ${secs} s`);
    console.log(`  counterexample: ${JSON.stringify(out.counterexample)}`);
    console.log(`  error: ${String(out.errorInstance?.message ?? out.error).split('\n')[0]}`);
  } else {
    console.log(`ok   ${name}: ${out.numRuns} cases, ${secs} s`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
