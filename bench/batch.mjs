#!/usr/bin/env node
/**
 * Batch benchmark: builds a large JSONL (default 1 GiB) in the temp dir from the development
 * corpus pages (../shared/corpus next to the repository, or NEWSCLEAN_CORPUS; HTML, repeated with
 * an id), then runs the built CLI over it with --jobs 1 and --jobs 2 under `/usr/bin/time -v`, and
 * prints docs/s, MB/s and peak RSS for each. With `--repeat N` the jobs settings run back to back
 * N times (1, 2, 1, 2, ...) so that they share the machine's load, and the table gives medians.
 *
 *   node bench/batch.mjs [--size-mb 1024] [--jobs 1,2] [--repeat 1] [--keep]
 *
 * Targets (issue 5): peak RSS < 300 MB on 1 GiB; --jobs 2 at least 1.6x --jobs 1.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const sizeMb = Number(opt('--size-mb', '1024'));
const jobsList = opt('--jobs', '1,2').split(',').map(Number);
const repeat = Math.max(1, Number(opt('--repeat', '1')));
const keep = args.includes('--keep');
const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/newsclean.js');
const CORPUS = process.env.NEWSCLEAN_CORPUS || join(ROOT, '..', 'shared', 'corpus');

const file = join(tmpdir(), `newsclean-bench-${sizeMb}mb.jsonl`);
if (!existsSync(file) || statSync(file).size < sizeMb * 1024 * 1024) {
  const pages = [];
  for (const set of readdirSync(CORPUS)) {
    const d = join(CORPUS, set, 'html');
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) if (f.endsWith('.html.gz')) pages.push(gunzipSync(readFileSync(join(d, f))).toString('utf8'));
  }
  if (pages.length === 0) throw new Error(`no pages under ${CORPUS}`);
  const out = createWriteStream(file);
  let written = 0;
  let n = 0;
  while (written < sizeMb * 1024 * 1024) {
    const line = `${JSON.stringify({ id: n, url: `https://bench.example/${n}`, html: pages[n % pages.length] })}\n`;
    n++;
    written += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  console.error(`built ${file}: ${n} documents, ${(written / 1048576).toFixed(0)} MiB from ${pages.length} corpus pages`);
}
const bytes = statSync(file).size;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** @type {Map<number, {secs: number, cpu: number, rss: number, status: number | null}[]>} */
const runs = new Map(jobsList.map((j) => [j, []]));
for (let round = 0; round < repeat; round++) {
  for (const jobs of jobsList) {
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, BIN, '--jobs', String(jobs), '--quiet', file], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const secs = (performance.now() - t0) / 1000;
    const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
    const cpuOf = (what) => Number(new RegExp(`${what} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr)?.[1] ?? NaN);
    const cpu = cpuOf('User') + cpuOf('System');
    runs.get(jobs).push({ secs, cpu, rss, status: r.status });
    if (repeat > 1) {
      const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
      console.error(`round ${round + 1}: --jobs ${jobs} ${secs.toFixed(1)} s, ${cpu.toFixed(1)} CPU s, peak RSS ${rss.toFixed(0)} MiB (load ${load})`);
    }
  }
}
// --quiet hides the summary; count documents from the file instead
const docs = Number(spawnSync('wc', ['-l', file], { encoding: 'utf8' }).stdout.trim().split(/\s+/)[0]);
const rows = jobsList.map((jobs) => {
  const rs = runs.get(jobs);
  return {
    jobs,
    secs: median(rs.map((r) => r.secs)),
    cpu: median(rs.map((r) => r.cpu)),
    rss: Math.max(...rs.map((r) => r.rss)),
    status: [...new Set(rs.map((r) => r.status))].join(','),
  };
});
console.log(`input: ${file}, ${(bytes / 1048576).toFixed(0)} MiB, ${docs} documents${repeat > 1 ? `; median of ${repeat} interleaved runs, highest peak RSS` : ''}`);
// CPU seconds (user + system, all threads) and cores busy on average: with --jobs 1 V8's GC and
// compiler threads use part of the second core, so --jobs 1 is already more than one core
console.log('| jobs | seconds | docs/s | MiB/s | CPU s | cores | peak RSS MiB | speed-up | exit |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.jobs} | ${r.secs.toFixed(1)} | ${(docs / r.secs).toFixed(0)} | ${(bytes / 1048576 / r.secs).toFixed(1)} | ${r.cpu.toFixed(1)} | ${(r.cpu / r.secs).toFixed(2)} | ${r.rss.toFixed(0)} | ${(rows[0].secs / r.secs).toFixed(2)}x | ${r.status} |`,
  );
}
if (repeat > 1 && jobsList.length > 1) {
  // per-round ratios: each pair ran back to back, under the same load
  const ratios = runs.get(jobsList[0]).map((r0, i) => r0.secs / runs.get(jobsList.at(-1))[i].secs);
  console.log(`speed-up of --jobs ${jobsList.at(-1)} per round: ${ratios.map((x) => x.toFixed(2)).join(', ')} (median ${median(ratios).toFixed(2)})`);
}
if (!keep) unlinkSync(file);
