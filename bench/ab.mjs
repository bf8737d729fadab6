#!/usr/bin/env node
/**
 * `npm run bench:ab -- --base DIR`: this checkout's build against another's, in one process, passes
 * interleaved. Prints a Markdown table; it is a script, never a test.
 *
 * Usage: node bench/ab.mjs --base DIR [--input text|html|both] [--rounds N] [--passes N]
 *          [--set NAME[,NAME]]... [--limit N]
 *
 * A machine's rate drifts by a third between runs minutes apart (session 17 measured 491 and 719
 * text docs/s for the same code), far more than most changes for speed move it, so two `npm run
 * bench` runs cannot tell a 5% gain from noise. Here the two builds (`DIR` is the other checkout,
 * built: `git worktree add /tmp/base main && cd /tmp/base && npm ci && npm run build`) run over the
 * same documents round after round, in turn first (ABBA...), and the figures are medians over the
 * rounds. Each round runs each build in a process of its own (a warm-up pass, then `--passes`
 * timed ones): loaded into one process, the two builds shared htmlparser2 and the process's heap,
 * and an A/A run of one build against itself read 20% apart on the HTML pages, by load order.
 *
 * Inputs are the corpus's `html/` pages (gunzipped) and `text-chromium/` renderings, read before
 * timing. Both builds must give the same bodies: the table says how many documents differ (a
 * change for speed gives none).
 *
 * @module
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = [resolve(ROOT, '..', 'shared'), '/work/shared'].find((d) => existsSync(join(d, 'corpus'))) ?? '/work/shared';
const CORPUS = process.env.NEWSCLEAN_CORPUS ?? join(SHARED, 'corpus');

/** @param {string} msg @returns {never} */
function usage(msg) {
  process.stderr.write(`bench/ab: ${msg}\nusage: node bench/ab.mjs --base DIR [--input text|html|both] [--rounds N] [--passes N] [--set NAME[,NAME]]... [--limit N]\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const o = { base: '', input: 'both', rounds: 6, passes: 2, sets: /** @type {string[]} */ ([]), limit: 0, child: '' };
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
    else if (a === '--passes') o.passes = Math.max(1, count());
    // Internal: run one build (its checkout DIR) in this process and print its figures as JSON.
    else if (a === '--child') o.child = resolve(value());
    else if (a === '--set') o.sets.push(...value().split(','));
    else if (a === '--limit') o.limit = count();
    else usage(`unknown argument: ${a}`);
  }
  if (o.base === '' && o.child === '') usage('--base DIR is required (another checkout, built)');
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

/**
 * One build's figures in this process (`--child DIR`): a warm-up pass (its regexes compiled, its
 * code optimised), then `passes` timed ones. Prints the median pass's wall and CPU milliseconds
 * and, per document, the md5 of its body.
 */
async function child(o) {
  const lib = await library(o.child);
  const docs = documents(o.input, o.sets, o.limit);
  const bodies = docs.map((d) => lib.extract(d, { inputFormat: o.input }).body);
  const wall = [];
  const cpu = [];
  for (let p = 0; p < o.passes; p++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const d of docs) lib.extract(d, { inputFormat: o.input });
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const md5 = (s) => createHash('md5').update(s).digest('hex');
  process.stdout.write(JSON.stringify({ docs: docs.length, bytes: docs.reduce((n, d) => n + Buffer.byteLength(d), 0), ms: median(wall), cpuMs: median(cpu), bodies: bodies.map(md5) }));
}

/** Run build `dir` in a child process over the `input` documents; its figures. */
function runChild(dir, input, o, sets) {
  const args = [join(ROOT, 'bench', 'ab.mjs'), '--child', dir, '--input', input, '--passes', String(o.passes), '--limit', String(o.limit), '--set', sets.join(',')];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bench/ab: the run of ${dir} failed (exit ${r.status}): ${r.stderr.trim()}`);
  return JSON.parse(r.stdout);
}

const o = parseArgs(process.argv.slice(2));
const sets = o.sets.length > 0 ? o.sets : readdirSync(CORPUS).filter((d) => existsSync(join(CORPUS, d, 'html')));
if (o.child !== '') {
  await child({ ...o, sets });
  process.exit(0);
}
if (!existsSync(join(o.base, 'dist', 'index.js'))) usage(`${join(o.base, 'dist', 'index.js')} not found (run npm run build there)`);
if (!existsSync(join(ROOT, 'dist', 'index.js'))) usage(`${join(ROOT, 'dist', 'index.js')} not found (run npm run build)`);
const rows = [];
for (const input of o.input === 'both' ? ['text', 'html'] : [o.input]) {
  if (documents(input, sets, 1).length === 0) usage(`no ${input} documents in ${CORPUS} (${sets.join(', ')})`);
  const times = { here: [], base: [] };
  const cpu = { here: [], base: [] };
  /** The body md5s of each build's first run. */
  const first = { here: [], base: [] };
  let docs = 0;
  let bytes = 0;
  for (let r = 0; r < o.rounds; r++) {
    for (const which of r % 2 === 0 ? ['base', 'here'] : ['here', 'base']) {
      const res = runChild(which === 'here' ? ROOT : o.base, input, o, sets);
      if (r === 0) first[which] = res.bodies;
      times[which].push(res.ms);
      cpu[which].push(res.cpuMs);
      docs = res.docs;
      bytes = res.bytes;
    }
    process.stderr.write(`bench/ab: ${input} round ${r + 1}/${o.rounds}\n`);
  }
  const differ = first.here.filter((b, i) => b !== first.base[i]).length;
  const rate = (ms) => (docs / ms) * 1000;
  rows.push({ input, docs, mb: bytes / 1e6, base: rate(median(times.base)), here: rate(median(times.here)), gain: median(times.base) / median(times.here) - 1, cpuGain: median(cpu.base) / median(cpu.here) - 1, differ });
}

console.log(`this checkout (${ROOT}) against --base ${o.base}; ${o.rounds} rounds of one process per build (alternating which goes first), each the median of ${o.passes} timed passes after a warm-up; medians over the rounds\n`);
console.log('| input | docs | MB | base docs/s | this docs/s | gain (wall) | gain (CPU) | bodies that differ |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.input} | ${r.docs} | ${r.mb.toFixed(1)} | ${r.base.toFixed(1)} | ${r.here.toFixed(1)} | ${(r.gain * 100).toFixed(1)}% | ${(r.cpuGain * 100).toFixed(1)}% | ${r.differ} |`);
