/**
 * Batch mode through the built CLI (`node bin/newsclean.js`, from dist/): directories and globs,
 * --files-from, JSONL on stdin as a streaming filter (and under GNU parallel --pipe), the summary
 * line and exit codes, Ctrl-C, a closed pipe, and lazy loading of the batch code.
 * `npm test` builds first; when running this file alone, run `npx tsc -p .` before.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleHtml, tempDir, warcFile, warcRequest, warcResponse } from './batch-helpers.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/newsclean.js');
const SEED = '/work/shared/seeds/000_f9c01edc88d73acc.txt';
const SUMMARY = /^newsclean: (\d+) ok, (\d+) no article, (\d+) failed, (\d+) skipped in \d+\.\d s \(\d+ docs\/s\)$/m;

let dir: string;

function cli(args: string[], input: string | Buffer = ''): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: dir, input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

const records = (stdout: string): Record<string, any>[] =>
  stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, any>);

/** The summary's counters; their sum must equal the number of input documents. */
function summary(stderr: string): { ok: number; noArticle: number; failed: number; skipped: number; total: number } {
  const m = SUMMARY.exec(stderr);
  expect(m, `no summary line in: ${stderr}`).not.toBeNull();
  const [ok, noArticle, failed, skipped] = m!.slice(1, 5).map(Number) as [number, number, number, number];
  return { ok, noArticle, failed, skipped, total: ok + noArticle + failed + skipped };
}

/** A JSONL of n articles, with ids. */
function jsonl(n: number, paragraphs = 4): string {
  return Array.from({ length: n }, (_, i) => JSON.stringify({ id: `doc-${i}`, html: articleHtml(`Story number ${i}`, paragraphs + (i % 5)) })).join('\n') + '\n';
}

beforeAll(() => {
  dir = tempDir('batchcli');
  mkdirSync(join(dir, 'site/2024'), { recursive: true });
  writeFileSync(join(dir, 'site/2024/a.html'), articleHtml('Alpha'));
  writeFileSync(join(dir, 'site/2024/b.html.gz'), gzipSync(articleHtml('Beta')));
  writeFileSync(join(dir, 'site/seed.txt'), readFileSync(SEED));
  writeFileSync(join(dir, 'site/empty.txt'), '\n\n');
  writeFileSync(join(dir, 'feed.jsonl'), jsonl(6));
  const w = warcFile([warcRequest('https://n.example/x'), warcResponse('https://n.example/x', 200, 'text/html', articleHtml('Gamma'))], true);
  writeFileSync(join(dir, 'crawl.warc.gz'), w.bytes);
});

describe('batch CLI', () => {
  it('cleans a directory into NDJSON with a summary line and exit code 1 when a document has no article', () => {
    const r = cli(['site']);
    const recs = records(r.stdout);
    const s = summary(r.stderr);
    expect(recs.map((x) => x.source.name)).toEqual(['site/2024/a.html', 'site/2024/b.html.gz', 'site/empty.txt', 'site/seed.txt']);
    expect(s).toEqual({ ok: 3, noArticle: 1, failed: 0, skipped: 0, total: 4 });
    expect(r.status).toBe(1);
  });

  it('expands globs, reads --files-from, and mixes archives; every document accounted for once', () => {
    const list = join(dir, 'list.txt');
    writeFileSync(list, 'feed.jsonl\n\ncrawl.warc.gz\r\nmissing.html\n');
    const r = cli(['site/**/*.html*', '--files-from', list]);
    const recs = records(r.stdout);
    const s = summary(r.stderr);
    // 2 html + 6 jsonl + 1 warc response + 1 missing = 10 records; the WARC request is skipped
    expect(recs).toHaveLength(10);
    expect(s).toEqual({ ok: 9, noArticle: 0, failed: 1, skipped: 1, total: 11 });
    expect(recs.at(-1)).toMatchObject({ source: { name: 'missing.html' }, error: { code: 'UNREADABLE' } });
    expect(recs.filter((x) => x.source.line !== undefined).map((x) => x.input.id)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `doc-${i}`));
    expect(recs.find((x) => x.source.record !== undefined)!.source.name).toBe('https://n.example/x');
    expect(r.status).toBe(1);
  });

  it('reads the list of paths from stdin with --files-from -', () => {
    const r = cli(['--files-from', '-', '--jobs', '1'], 'site/2024/a.html\nsite/seed.txt\n');
    expect(records(r.stdout).map((x) => x.source.name)).toEqual(['site/2024/a.html', 'site/seed.txt']);
    expect(summary(r.stderr).total).toBe(2);
    expect(r.status).toBe(0);
  });

  it('acts as a streaming filter on JSONL stdin, in input order, same records for --jobs 1 and 2', () => {
    const input = jsonl(30);
    const one = cli(['--format', 'ndjson', '--jobs', '1', '-'], input);
    const two = cli(['--format', 'ndjson', '--jobs', '2', '-'], input);
    expect(one.status).toBe(0);
    expect(records(one.stdout).map((x) => x.input.id)).toEqual(Array.from({ length: 30 }, (_, i) => `doc-${i}`));
    expect(records(one.stdout).every((x) => x.source.name === '-' && x.paragraphs.length > 0)).toBe(true);
    expect(two.stdout).toBe(one.stdout);
    expect(summary(two.stderr)).toMatchObject({ ok: 30, total: 30 });
  });

  it('gives the same records under GNU parallel --pipe as in one process', () => {
    const hasParallel = spawnSync('sh', ['-c', 'command -v parallel']).status === 0;
    expect(hasParallel, 'GNU parallel is required (apt-get install -y parallel; .ci/run installs it)').toBe(true);
    const input = jsonl(50);
    writeFileSync(join(dir, 'pipe.jsonl'), input);
    const single = cli(['--format', 'ndjson', '-'], input);
    const cmd = `parallel --will-cite --pipe -k -N 12 -j 2 ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} --format ndjson --jobs 1 --quiet - < pipe.jsonl`;
    const par = spawnSync('sh', ['-c', cmd], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(par.status, par.stderr).toBe(0);
    // line numbers are relative to each chunk under --pipe; everything else must be identical
    const strip = (xs: Record<string, any>[]) => xs.map((x) => ({ ...x, source: { ...x.source, line: undefined } }));
    const a = records(single.stdout);
    const b = records(par.stdout);
    expect(b).toHaveLength(50);
    expect(strip(b)).toEqual(strip(a));
  });

  it('writes per-input files with --out-dir and skips them with --resume', () => {
    const out = join(dir, 'out-md');
    const r = cli(['--out-dir', out, '--format', 'markdown', 'site', 'feed.jsonl']);
    expect(summary(r.stderr)).toEqual({ ok: 9, noArticle: 1, failed: 0, skipped: 0, total: 10 });
    expect(r.stdout).toBe('');
    expect(readFileSync(join(out, 'site/2024/a.html.md'), 'utf8')).toMatch(/^# Alpha/m);
    expect(readdirSync(join(out, 'feed.jsonl')).sort()).toEqual(['1.md', '2.md', '3.md', '4.md', '5.md', '6.md']);
    const again = cli(['--out-dir', out, '--format', 'markdown', '--resume', 'site', 'feed.jsonl']);
    expect(summary(again.stderr)).toEqual({ ok: 0, noArticle: 0, failed: 0, skipped: 10, total: 10 });
    expect(again.status).toBe(0);
    // Without --format the files are JSON Articles.
    const json = join(dir, 'out-json');
    expect(cli(['--out-dir', json, 'feed.jsonl']).status).toBe(0);
    expect(readdirSync(join(json, 'feed.jsonl')).sort()).toEqual(['1.json', '2.json', '3.json', '4.json', '5.json', '6.json']);
    expect(JSON.parse(readFileSync(join(json, 'feed.jsonl', '1.json'), 'utf8')).source).toBeDefined();
  });

  it('refuses batch combinations that make no sense (exit 2)', () => {
    expect(cli(['--format', 'text', 'site']).status).toBe(2);
    expect(cli(['--resume', 'site']).status).toBe(2);
    expect(cli(['--format', 'annotate', 'site']).status).toBe(2);
    expect(cli(['--jobs', '0', 'site']).status).toBe(2);
  });

  it('ends quietly when the reader closes the pipe', () => {
    writeFileSync(join(dir, 'many.jsonl'), jsonl(400));
    const r = spawnSync('bash', ['-c', `set -o pipefail; ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} --jobs 2 many.jsonl | head -1`], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(records(r.stdout)).toHaveLength(1);
  });

  it('stops on Ctrl-C: exit 130, interrupted summary, no partial files', async () => {
    writeFileSync(join(dir, 'huge.jsonl'), jsonl(3000, 30));
    const out = join(dir, 'out-int');
    const child = spawn(process.execPath, [BIN, '--out-dir', out, '--jobs', '2', 'huge.jsonl'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const target = join(out, 'huge.jsonl');
    await new Promise<void>((res) => {
      const t = setInterval(() => {
        if (existsSync(target) && readdirSync(target).length >= 20) {
          clearInterval(t);
          res();
        }
      }, 20);
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
    expect(code).toBe(130);
    const m = /^newsclean: interrupted after (\d+) documents: (\d+) ok, (\d+) no article, (\d+) failed, (\d+) skipped/m.exec(stderr);
    expect(m, stderr).not.toBeNull();
    const n = Number(m![1]);
    expect(n).toBeLessThan(3000);
    expect(readdirSync(target).length).toBe(Number(m![2]) + Number(m![3]));
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('loads no batch machinery for a single document on stdin', () => {
    const log = join(dir, 'modules.log');
    const hooks = join(dir, 'hooks.mjs');
    const register = join(dir, 'register.mjs');
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }\n`,
    );
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify('file://' + hooks)});\n`);
    const run = (input: string): string => {
      writeFileSync(log, '');
      // The unbundled module graph (dist/cli/main.js): the bin runs the bundle of it, whose
      // chunks test/bundle.test.ts checks the same way.
      const r = spawnSync(process.execPath, ['--import', register, join(ROOT, 'dist/cli/main.js'), '--format', 'ndjson', '-'], { cwd: dir, input, encoding: 'utf8' });
      expect(records(r.stdout).length).toBeGreaterThan(0);
      return readFileSync(log, 'utf8');
    };
    const single = run(readFileSync(SEED, 'utf8'));
    expect(single).toMatch(/dist\/cli\/main\.js/);
    for (const heavy of ['tinyglobby', 'warcio', 'batch/run.js', 'batch/pool.js', 'batch/worker.js', 'sources/warc.js']) {
      expect(single).not.toContain(heavy);
    }
    // and the same probe does see them when batch mode is on
    const batch = run(jsonl(2));
    expect(batch).toContain('batch/run.js');
    expect(batch).toContain('batch/worker.js');
  });
});
