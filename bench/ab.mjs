#!/usr/bin/env node
/**
 * `npm run bench:ab -- --base DIR`: this checkout's build against another's, in one process, passes
 * interleaved. Prints a Markdown table; it is a script, never a test.
 *
 * Usage: node bench/ab.mjs --base DIR [--input text|html|both] [--rounds N] [--set NAME[,NAME]]...
 *          [--limit N]
 *
 * A machine's rate drifts by a third between runs minutes apart (session 17 measured 491 and 719
 * text docs/s for the same code), far more than most changes for speed move it, so two `npm run
 * bench` runs cannot tell a 5% gain from noise. Here both builds' `dist/index.js` are loaded into
 * the same process (`DIR` is the other checkout, built: `git worktree add /tmp/base main && cd
 * /tmp/base && npm ci && npm run build`) and run over the same documents, pass for pass: each round
 * runs both, in turn first (ABBA...), and the figures are medians over the rounds after the
 * first. Run it once more with the roles swapped (`--base` the other way round) when the gain is
 * small: the second module loaded tends to run a little faster.
 *
 * Inputs are the corpus's `html/` pages (gunzipped) and `text-chromium/` renderings, read before
 * timing. Both builds must give the same bodies: the table says how many documents differ (a
 * change for speed gives none).
 *
 * @module
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = [resolve(ROOT, '..', 'shared'), '/work/shared'].find((d) => existsSync(join(d, 'corpus'))) ?? '/work/shared';
const CORPUS = process.env.NEWSCLEAN_CORPUS ?? join(SHARED, 'corpus');

/** @param {string} msg @returns {never} */
function usage(msg) {
  process.stderr.write(`bench/ab: ${msg}\nusage: node bench/ab.mjs --base DIR [--input text|html|both] [--rounds N] [--set NAME[,NAME]]... [--limit N]\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const o = { base: '', input: 'both', rounds: 8, sets: /** @type {string[]} */ ([]), limit: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? usage(`${a} needs a value`);
    const count = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) usage(`${a} needs a whole number`);
      return n;
    };
    if (a === '--base') o.base = resolve(value());
    else if (a === '--input') o.input = value();
    else if (a === '--rounds') o.rounds = Math.max(2, count());
    else if (a === '--set') o.sets.push(...value().split(','));
    else if (a === '--limit') o.limit = count();
    else usage(`unknown argument: ${a}`);
  }
  if (o.base === '') usage('--base DIR is required (another checkout, built)');
  if (!['text', 'html', 'both'].includes(o.input)) usage('--input is text, html or both');
  return o;
}

/** The library of a checkout, loaded from its dist/. */
async function library(dir) {
  const entry = join(dir, 'dist', 'index.js');
  if (!existsSync(entry)) usage(`${entry} not found (run npm run build there)`);
  return import(pathToFileURL(entry).href);
}

/** @param {string} input @param {string[]} sets @param {number} limit */
function documents(input, sets, limit) {
  const docs = [];
  for (const set of sets) {
    const dir = join(CORPUS, set, input === 'html' ? 'html' : 'text-chromium');
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir).sort();
    for (const f of limit > 0 ? files.slice(0, limit) : files) {
      const raw = readFileSync(join(dir, f));
      docs.push((f.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
    }
  }
  return docs;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
};

const o = parseArgs(process.argv.slice(2));
const sets = o.sets.length > 0 ? o.sets : readdirSync(CORPUS).filter((d) => existsSync(join(CORPUS, d, 'html')));
const here = await library(ROOT);
const base = await library(o.base);
const rows = [];
for (const input of o.input === 'both' ? ['text', 'html'] : [o.input]) {
  const docs = documents(input, sets, o.limit);
  if (docs.length === 0) usage(`no ${input} documents in ${CORPUS} (${sets.join(', ')})`);
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
  const run = (lib) => {
    const t0 = performance.now();
    const bodies = docs.map((d) => lib.extract(d, { inputFormat: input }).body);
    return { ms: performance.now() - t0, bodies };
  };
  const times = { here: [], base: [] };
  /** The bodies of the first round, by build. */
  const first = { here: [], base: [] };
  for (let r = 0; r < o.rounds; r++) {
    for (const which of r % 2 === 0 ? ['base', 'here'] : ['here', 'base']) {
      const { ms, bodies } = run(which === 'here' ? here : base);
      // The first round warms both up (and compiles their regexes): it is not counted.
      if (r === 0) first[which] = bodies;
      else times[which].push(ms);
    }
    process.stderr.write(`bench/ab: ${input} round ${r + 1}/${o.rounds}\n`);
  }
  const differ = first.here.filter((b, i) => b !== first.base[i]).length;
  const tb = median(times.base);
  const th = median(times.here);
  rows.push({ input, docs: docs.length, mb: bytes / 1e6, base: (docs.length / tb) * 1000, here: (docs.length / th) * 1000, gain: tb / th - 1, differ });
}

console.log(`this checkout (${ROOT}) against --base ${o.base}; ${o.rounds} rounds, medians of the last ${o.rounds - 1}\n`);
console.log('| input | docs | MB | base docs/s | this docs/s | gain | bodies that differ |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.input} | ${r.docs} | ${r.mb.toFixed(1)} | ${r.base.toFixed(1)} | ${r.here.toFixed(1)} | ${(r.gain * 100).toFixed(1)}% | ${r.differ} |`);
