#!/usr/bin/env node
/**
 * Batch benchmark: builds a large JSONL (default 1 GiB) in the temp dir from the development
 * corpus pages (HTML, repeated with an id), then runs the built CLI over it with --jobs 1 and
 * --jobs 2 under `/usr/bin/time -v`, and prints docs/s, MB/s and peak RSS for each.
 *
 *   node bench/batch.mjs [--size-mb 1024] [--jobs 1,2] [--keep]
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
const keep = args.includes('--keep');
const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/newsclean.js');
const CORPUS = '/work/shared/corpus';

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

const rows = [];
for (const jobs of jobsList) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, BIN, '--jobs', String(jobs), '--quiet', file], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const secs = (performance.now() - t0) / 1000;
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  // --quiet hides the summary; count documents from the file instead
  rows.push({ jobs, secs, rss, status: r.status });
}
const docs = Number(spawnSync('wc', ['-l', file], { encoding: 'utf8' }).stdout.trim().split(/\s+/)[0]);
console.log(`input: ${file}, ${(bytes / 1048576).toFixed(0)} MiB, ${docs} documents`);
console.log('| jobs | seconds | docs/s | MiB/s | peak RSS MiB | speed-up | exit |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.jobs} | ${r.secs.toFixed(1)} | ${(docs / r.secs).toFixed(0)} | ${(bytes / 1048576 / r.secs).toFixed(1)} | ${r.rss.toFixed(0)} | ${(rows[0].secs / r.secs).toFixed(2)}x | ${r.status} |`,
  );
}
if (!keep) unlinkSync(file);
