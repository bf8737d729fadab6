#!/usr/bin/env node
/**
 * `npm run bench`: speed and memory of newsclean beside Mozilla Readability and a parse-only floor.
 * Prints Markdown tables; it is a script, never a test.
 *
 * Usage: node bench/run.mjs [--set NAME[,NAME]]... [--limit N] [--runs K] [--jsdom-limit N]
 *          [--cold-runs N] [--no-cold] [--batch] [--batch-docs N]
 *
 * - Throughput: every tool runs in a fresh child process (`bench/worker.mjs`), so peak RSS is the
 *   tool's own. Inputs (`corpus/SET/html/*.html.gz`, gunzipped, and the matching `text-chromium`
 *   files) are read once before timing; each tool makes K passes (default 3); docs/s and MB/s come
 *   from the median pass; the ratios compare the sums of per-document medians on the SAME documents
 *   (so the jsdom row, which runs on a subset, is compared fairly).
 * - Cold start: whole-process medians of `node bin/newsclean.js SEED.txt`, `... SEED.html` and
 *   `node -e ''` (hyperfine when installed, else timed spawns), in 3 rounds of `--cold-runs`
 *   runs (default 10) with the commands' order rotated, so drift does not favour one of them.
 * - Batch (`--batch`): `--jobs 1` vs `--jobs 2` on a generated JSONL, when the CLI has `--jobs`.
 *
 * The corpus directory defaults to shared/corpus beside the checkout, else /work/shared/corpus
 * (override with NEWSCLEAN_CORPUS); the seed to shared/seeds/000_f9c01edc88d73acc.txt (NEWSCLEAN_SEED).
 * Needs the built library (`npm run build`).
 *
 * @module
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const BIN = join(ROOT, 'bin', 'newsclean.js');
const WORKER = join(HERE, 'worker.mjs');
/** shared/ beside the checkout (where CI lays it), else the development machine's /work/shared. */
const SHARED = [resolve(ROOT, '..', 'shared'), '/work/shared'].find((d) => existsSync(join(d, 'corpus'))) ?? '/work/shared';
const DEFAULT_CORPUS = join(SHARED, 'corpus');
const DEFAULT_SEED = join(SHARED, 'seeds', '000_f9c01edc88d73acc.txt');

/**
 * @typedef {object} Options
 * @property {string[]} sets
 * @property {number} limit       documents per set (0 = all)
 * @property {number} runs        passes per tool
 * @property {number} jsdomLimit  documents for Readability on jsdom (0 = all)
 * @property {number} coldRuns
 * @property {boolean} cold
 * @property {boolean} batch
 * @property {number} batchDocs
 */

/**
 * @param {string[]} argv
 * @returns {Options}
 */
function parseArgs(argv) {
  /** @type {Options} */
  const o = { sets: [], limit: 0, runs: 3, jsdomLimit: 150, coldRuns: 10, cold: true, batch: false, batchDocs: 1500 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const int = (/** @type {number} */ min) => {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) throw new Error(`${a} needs an integer >= ${min}, got ${v}`);
      return n;
    };
    switch (a) {
      case '--set':
        o.sets.push(...value().split(',').map((s) => s.trim()).filter(Boolean));
        break;
      case '--limit':
        o.limit = int(0);
        break;
      case '--runs':
        o.runs = int(1);
        break;
      case '--jsdom-limit':
        o.jsdomLimit = int(0);
        break;
      case '--cold-runs':
        o.coldRuns = int(1);
        break;
      case '--no-cold':
        o.cold = false;
        break;
      case '--batch':
        o.batch = true;
        break;
      case '--batch-docs':
        o.batchDocs = int(1);
        break;
      case '-h':
      case '--help':
        process.stdout.write(
          'usage: node bench/run.mjs [--set NAME[,NAME]]... [--limit N] [--runs K] [--jsdom-limit N]\n' +
            '         [--cold-runs N] [--no-cold] [--batch] [--batch-docs N]\n',
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument: ${a}`);
    }
  }
  return o;
}

/** @param {number[]} xs */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * @typedef {object} Doc
 * @property {string} key   set/id
 * @property {string} html  path of the .html.gz
 * @property {string} text  path of the text-chromium .txt
 */

/**
 * The documents to measure: per set, ids sorted, first `limit`.
 * @param {string} dir @param {string[]} sets @param {number} limit
 * @returns {Doc[]}
 */
function collectDocs(dir, sets, limit) {
  /** @type {Doc[]} */
  const docs = [];
  for (const set of sets) {
    const htmlDir = join(dir, set, 'html');
    let ids = readdirSync(htmlDir)
      .filter((f) => f.endsWith('.html.gz'))
      .map((f) => f.slice(0, -'.html.gz'.length))
      .sort();
    if (limit > 0) ids = ids.slice(0, limit);
    for (const id of ids) {
      docs.push({ key: `${set}/${id}`, html: join(htmlDir, `${id}.html.gz`), text: join(dir, set, 'text-chromium', `${id}.txt`) });
    }
  }
  return docs;
}

/**
 * An evenly spread, deterministic subset of n items (all when n is 0 or larger than the list).
 * @template T
 * @param {T[]} xs @param {number} n
 * @returns {T[]}
 */
function spread(xs, n) {
  if (n <= 0 || n >= xs.length) return xs;
  return Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]);
}

/**
 * @typedef {object} WorkerResult
 * @property {string} tool
 * @property {number} docs
 * @property {number} bytes
 * @property {number[]} passMs
 * @property {number[]} perDocMs
 * @property {number} maxRssKb
 * @property {number} loadRssKb
 * @property {number} errors
 * @property {string | null} firstError
 * @property {number} check
 */

/**
 * Run one tool in a fresh process.
 * @param {string} tool @param {Doc[]} docs @param {'html' | 'text'} input @param {number} runs @param {string} tmp
 * @returns {WorkerResult & { keys: string[] }}
 */
function runWorker(tool, docs, input, runs, tmp) {
  const list = join(tmp, `${tool}.json`);
  writeFileSync(list, JSON.stringify(docs.map((d) => d[input])));
  process.stderr.write(`bench: ${tool} on ${docs.length} ${input} docs × ${runs} … `);
  const t0 = Date.now();
  const out = execFileSync(process.execPath, [WORKER, tool, '--list', list, '--runs', String(runs)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stderr.write(`${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  return { ...JSON.parse(out), keys: docs.map((d) => d.key) };
}

/**
 * Sum of per-document medians of `a` divided by that of `b`, on the documents both measured.
 * @param {WorkerResult & {keys: string[]}} a @param {WorkerResult & {keys: string[]} | undefined} b
 * @returns {number | null}
 */
function ratio(a, b) {
  if (!b) return null;
  const bt = new Map(b.keys.map((k, i) => [k, b.perDocMs[i]]));
  let sa = 0;
  let sb = 0;
  a.keys.forEach((k, i) => {
    const t = bt.get(k);
    if (t !== undefined) {
      sa += a.perDocMs[i];
      sb += t;
    }
  });
  return sb > 0 ? sa / sb : null;
}

/** @param {number | null} x @param {number} [d] */
const fmt = (x, d = 1) => (x === null || !Number.isFinite(x) ? '–' : x.toFixed(d));

/**
 * Whole-process timing of commands: hyperfine when present, else timed spawns. The commands take
 * turns: `rounds` rounds, each timing every command `runs` times with the order rotated, and the
 * statistics pool the rounds. Timed one after the other, a command's median also carries the
 * machine's drift during the run (on these machines the same command moved by 1-2% between the
 * first and last place of a hyperfine call), which a ratio of two commands should not.
 * @param {{name: string, argv: string[]}[]} cmds @param {number} runs @param {string} tmp
 * @param {boolean} [allowFail]  time commands that exit non-zero too (batch runs with failed documents)
 * @returns {{ name: string, medianMs: number, minMs: number, maxMs: number }[] & { via?: string }}
 */
function timeCommands(cmds, runs, tmp, allowFail = false, rounds = 1) {
  /** @type {number[][]} milliseconds per command, all rounds */
  const times = cmds.map(() => []);
  /** @param {number} round @returns {number[]} the command indexes in this round's order */
  const order = (round) => cmds.map((_, i) => (i + round) % cmds.length);
  /** @param {number[]} ts */
  const stats = (ts) => ({ medianMs: median(ts), minMs: Math.min(...ts), maxMs: Math.max(...ts) });
  const turns = rounds > 1 ? `, ${rounds} rounds, order rotated` : '';
  const hf = spawnSync('hyperfine', ['--version'], { encoding: 'utf8' });
  /** @param {string} s */
  const q = (s) => (/^[\w./=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  if (hf.status === 0) {
    let ok = true;
    for (let round = 0; round < rounds && ok; round++) {
      const json = join(tmp, `hf-${Date.now()}-${round}.json`);
      const args = ['-N', '--warmup', '2', '--runs', String(runs), '--export-json', json, '--style', 'none'];
      if (allowFail) args.push('-i');
      const these = order(round);
      for (const i of these) args.push('-n', cmds[i].name, cmds[i].argv.map(q).join(' '));
      const r = spawnSync('hyperfine', args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
      if (r.status !== 0) {
        process.stderr.write(`bench: hyperfine failed (${r.stderr.trim().split('\n').pop()}); timing spawns instead\n`);
        ok = false;
        break;
      }
      const res = JSON.parse(readFileSync(json, 'utf8')).results;
      res.forEach((/** @type {any} */ x, /** @type {number} */ k) => times[these[k]].push(...x.times.map((/** @type {number} */ t) => t * 1000)));
    }
    if (ok) {
      const rows = cmds.map((c, i) => ({ name: c.name, ...stats(times[i]) }));
      return Object.assign(rows, { via: `hyperfine ${hf.stdout.trim().split(' ').pop()}, ${runs * rounds} runs, 2 warm-up${turns}` });
    }
    for (const ts of times) ts.length = 0;
  }
  for (let round = 0; round < rounds; round++) {
    for (const i of order(round)) {
      const c = cmds[i];
      for (let k = 0; k < runs + 2; k++) {
        const t0 = process.hrtime.bigint();
        const r = spawnSync(c.argv[0], c.argv.slice(1), { stdio: 'ignore' });
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (r.status !== 0 && !(allowFail && r.status !== null)) throw new Error(`${c.argv.join(' ')} exited ${r.status}`);
        if (k >= 2) times[i].push(ms);
      }
    }
  }
  const rows = cmds.map((c, i) => ({ name: c.name, ...stats(times[i]) }));
  return Object.assign(rows, { via: `timed spawns, ${runs * rounds} runs, 2 warm-up${turns} (hyperfine not found)` });
}

/**
 * Wrap a plain-text article as a simple HTML page: first line the title and h1, the rest paragraphs.
 * @param {string} text
 * @returns {string}
 */
function wrapHtml(text) {
  /** @param {string} s */
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const [title = '', ...rest] = lines;
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head>\n<body><article><h1>${esc(title)}</h1>\n${rest.map((l) => `<p>${esc(l)}</p>`).join('\n')}\n</article></body></html>\n`;
}

/** The CLI's --help text (empty when it fails). */
function cliHelp() {
  const r = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout : '';
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const dir = process.env.NEWSCLEAN_CORPUS || DEFAULT_CORPUS;
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) throw new Error('dist/index.js is missing: run `npm run build` first');
  const available = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'html')))
        .map((e) => e.name)
        .sort()
    : [];
  if (available.length === 0) throw new Error(`no corpus sets under ${dir} (set NEWSCLEAN_CORPUS)`);
  const sets = o.sets.length ? o.sets : available;
  for (const s of sets) if (!available.includes(s)) throw new Error(`unknown set ${s}: have ${available.join(', ')}`);

  const tmp = mkdtempSync(join(tmpdir(), 'newsclean-bench-'));
  /** @type {string[]} */
  const out = [];
  /** Print what is ready: each section as soon as it is measured. */
  const flush = () => {
    if (out.length) process.stdout.write(`${out.join('\n')}\n`);
    out.length = 0;
  };
  try {
    const docs = collectDocs(dir, sets, o.limit);
    const jsdomDocs = spread(docs, o.jsdomLimit);
    out.push(
      `node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}; corpus ${dir} (${sets.join(', ')}${o.limit ? `, first ${o.limit} per set` : ''}); ${o.runs} passes per tool, medians\n`,
    );

    /** @type {{tool: string, input: 'html' | 'text', docs: Doc[], note: string}[]} */
    const plan = [
      { tool: 'floor-html', input: 'html', docs, note: 'htmlparser2.parseDocument only' },
      { tool: 'newsclean-html', input: 'html', docs, note: "extract(html, {inputFormat: 'html'})" },
      { tool: 'readability-linkedom', input: 'html', docs, note: 'Readability 0.6 on linkedom' },
      {
        tool: 'readability-jsdom',
        input: 'html',
        docs: jsdomDocs,
        note: `Readability 0.6 on jsdom 26${jsdomDocs.length < docs.length ? `: subset of ${jsdomDocs.length} pages spread over the list (--jsdom-limit)` : ''}`,
      },
      { tool: 'floor-text', input: 'text', docs, note: 'split into lines and \\w tokens only' },
      { tool: 'newsclean-text', input: 'text', docs, note: "extract(text, {inputFormat: 'text'}) on text-chromium" },
    ];
    /** @type {Map<string, WorkerResult & {keys: string[]}>} */
    const results = new Map();
    for (const p of plan) results.set(p.tool, runWorker(p.tool, p.docs, p.input, o.runs, tmp));

    const floorFor = (/** @type {string} */ input) => results.get(input === 'html' ? 'floor-html' : 'floor-text');
    const peer = results.get('readability-linkedom');
    out.push('| tool | input | docs | docs/s | MB/s | peak RSS (MB) | × floor | × Readability (linkedom) | errors | note |');
    out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const p of plan) {
      const r = /** @type {WorkerResult & {keys: string[]}} */ (results.get(p.tool));
      const sec = median(r.passMs) / 1000;
      const floor = floorFor(p.input);
      out.push(
        `| ${p.tool} | ${p.input === 'html' ? 'html' : 'text-chromium'} | ${r.docs} | ${fmt(r.docs / sec)} | ${fmt(r.bytes / 1e6 / sec, 2)} | ${fmt(r.maxRssKb / 1024, 0)} | ${r === floor ? '1.0' : fmt(ratio(r, floor), 1)} | ${r === peer ? '1.00' : fmt(ratio(r, peer), 2)} | ${r.errors} | ${p.note} |`,
      );
      if (r.firstError) process.stderr.write(`bench: ${p.tool} first error: ${r.firstError}\n`);
    }
    for (const tool of ['newsclean-html', 'newsclean-text']) {
      const r = results.get(tool);
      if (!r) continue;
      const slow = r.keys
        .map((k, i) => ({ k, ms: r.perDocMs[i] }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5);
      const total = r.perDocMs.reduce((a, b) => a + b, 0);
      out.push(`\nslowest ${tool}: ${slow.map((x) => `${x.k} ${x.ms.toFixed(0)} ms`).join(', ')} (${((slow.reduce((a, x) => a + x.ms, 0) / total) * 100).toFixed(0)}% of the time)`);
    }
    out.push(
      '\n× floor = time ÷ the parse-only floor of the same input on the same documents (html: htmlparser2; text: line/token split). ' +
        '× Readability = time ÷ Readability-on-linkedom on the same documents (for text rows: newsclean from the text rendering vs Readability from the page). ' +
        'Peak RSS includes the inputs held in memory (the floors show that baseline).',
    );

    flush();

    if (o.cold) {
      try {
        const seedPath = process.env.NEWSCLEAN_SEED || DEFAULT_SEED;
        if (!existsSync(seedPath)) {
          out.push(`\ncold start: seed ${seedPath} not found`);
        } else {
          const seedTxt = join(tmp, basename(seedPath));
          writeFileSync(seedTxt, readFileSync(seedPath));
          const seedHtml = join(tmp, basename(seedPath).replace(/\.txt$/, '') + '.html');
          writeFileSync(seedHtml, wrapHtml(readFileSync(seedPath, 'utf8')));
          for (const f of [seedTxt, seedHtml]) {
            const r = spawnSync(process.execPath, [BIN, f], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
            if (r.status !== 0) throw new Error(`newsclean ${f} exited ${r.status}: ${r.stderr.trim()}`);
          }
          process.stderr.write(`bench: cold start × ${o.coldRuns} …\n`);
          const rows = timeCommands(
            [
              { name: "node -e ''", argv: [process.execPath, '-e', ''] },
              { name: 'newsclean SEED.txt', argv: [process.execPath, BIN, seedTxt] },
              { name: 'newsclean SEED.html', argv: [process.execPath, BIN, seedHtml] },
            ],
            o.coldRuns,
            tmp,
            false,
            3,
          );
          const floor = rows[0].medianMs;
          out.push(`\n**Cold start** (${rows.via})\n`);
          // The targets (issue #7) are ratios to `node -e ''` measured in the same run.
          out.push('| command | median ms | min ms | max ms | over `node -e` (ms) | × `node -e` |');
          out.push('|---|---:|---:|---:|---:|---:|');
          for (const r of rows) out.push(`| ${r.name} | ${fmt(r.medianMs)} | ${fmt(r.minMs)} | ${fmt(r.maxMs)} | ${fmt(r.medianMs - floor)} | ${(r.medianMs / floor).toFixed(2)} |`);
        }
      } catch (e) {
        out.push(`\ncold start: failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      flush();
    }

    if (o.batch) {
      try {
        const help = cliHelp();
        if (!/--jobs\b/.test(help)) {
          out.push('\nbatch: not available (the CLI has no --jobs yet)');
        } else {
          // Enough documents that worker start-up does not dominate: the pages repeat when the
          // selection holds fewer than --batch-docs.
          const picked = spread(docs, o.batchDocs);
          const batchDocs = Array.from({ length: Math.max(picked.length, o.batchDocs) }, (_, i) => picked[i % picked.length]);
          const jsonl = join(tmp, 'batch.jsonl');
          writeFileSync(
            jsonl,
            batchDocs.map((d) => JSON.stringify({ id: d.key, html: gunzipSync(readFileSync(d.html)).toString('utf8') })).join('\n') + '\n',
          );
          const mb = readFileSync(jsonl).length / 1e6;
          const json = /--json\b/.test(help) ? ['--json'] : [];
          const cmds = [1, 2].map((j) => ({ name: `jobs ${j}`, argv: [process.execPath, BIN, ...json, '--jobs', String(j), jsonl] }));
          // One untimed run each: its exit status and the CLI's own summary line go in the table.
          const probes = cmds.map((c) => {
            const r = spawnSync(c.argv[0], c.argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
            return { status: r.status, summary: (r.stderr ?? '').trim().split('\n').pop() ?? '' };
          });
          process.stderr.write(`bench: batch --jobs 1 vs 2 on ${batchDocs.length} docs …\n`);
          // Timed interleaved (1, 2, 1, 2, ...; the probes above were the warm-up), so both settings
          // share whatever load the machine has; CPU seconds (user + sys) show the cost of
          // parallelism whatever the load.
          const rounds = Math.max(3, Math.min(o.runs, 5));
          const timed = cmds.map(() => /** @type {{ms: number, cpu: number}[]} */ ([]));
          const hasTime = existsSync('/usr/bin/time');
          for (let round = 0; round < rounds; round++) {
            cmds.forEach((c, i) => {
              const argv = hasTime ? ['/usr/bin/time', '-f', 'cpu %U %S', ...c.argv] : c.argv;
              const t0 = process.hrtime.bigint();
              const r = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
              const ms = Number(process.hrtime.bigint() - t0) / 1e6;
              if (r.status === null) throw new Error(`${c.argv.join(' ')} died (${r.signal})`);
              const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
              timed[i].push({ ms, cpu: m ? Number(m[1]) + Number(m[2]) : NaN });
            });
          }
          const med = timed.map((t) => ({ ms: median(t.map((x) => x.ms)), cpu: median(t.map((x) => x.cpu)) }));
          const ratios = timed[0].map((t, k) => t.ms / timed[1][k].ms);
          out.push(`\n**Batch** (${batchDocs.length} pages in one JSONL, ${mb.toFixed(1)} MB; ${rounds} interleaved rounds, medians)\n`);
          out.push('| command | median s | docs/s | speed-up | CPU s | exit | CLI summary |');
          out.push('|---|---:|---:|---:|---:|---:|---|');
          med.forEach((r, i) =>
            out.push(
              `| newsclean ${json.join(' ')} --${cmds[i].name} FILE.jsonl | ${fmt(r.ms / 1000, 2)} | ${fmt(batchDocs.length / (r.ms / 1000))} | ${fmt(med[0].ms / r.ms, 2)} | ${fmt(r.cpu, 1)} | ${probes[i].status} | ${probes[i].summary.replace(/\|/g, '/')} |`,
            ),
          );
          out.push(`\nSpeed-up of --jobs 2 per round (each pair back to back): ${ratios.map((x) => fmt(x, 2)).join(', ')}; median ${fmt(median(ratios), 2)}.`);
        }
      } catch (e) {
        out.push(`\nbatch: failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      flush();
    }
  } finally {
    flush();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
