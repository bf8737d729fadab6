/**
 * Batch layer tests: real archives built in temp dirs (a directory tree with a broken file, gzip,
 * JSONL with a malformed line, WARC and WARC.gz), out-dir atomicity, path escape, resume, order,
 * interrupt. Every test checks that each input document is accounted for exactly once.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runBatch, type BatchOptions } from '../dist/batch/run.js';
import { outputRelPath, relPathOfUrl, resolveInside, safeSegment } from '../dist/batch/outpath.js';
import { parseJsonlLine } from '../dist/batch/process.js';
import { createPool } from '../dist/batch/pool.js';
import { splitLines } from '../dist/batch/sources/streams.js';
import { sniffJsonl } from '../dist/batch/sources/stdin.js';
import { totalOf } from '../dist/batch/types.js';
import { articleHtml, Capture, tempDir, warcFile, warcInfo, warcRequest, warcResponse } from './batch-helpers.js';

const SEED = '/work/shared/seeds/000_f9c01edc88d73acc.txt';
const config = { mode: 'ndjson' as const, inputFormat: 'auto' as const, favor: 'balanced' as const, maxBytes: 50 * 1024 * 1024 };

async function batch(inputs: string[], extra: Partial<BatchOptions> = {}) {
  const stdout = new Capture();
  const stderr = new Capture();
  const report = await runBatch({ inputs, stdout, stderr, config, jobs: 1, ...extra });
  const records = stdout.lines().map((l) => JSON.parse(l) as Record<string, any>);
  return { report, records, stdout, stderr };
}

/** A tree: two good pages, a gzipped one, a binary file, a dangling symlink, a dot file. */
function makeTree(): { dir: string; files: number } {
  const dir = tempDir('tree');
  mkdirSync(join(dir, 'a/b'), { recursive: true });
  writeFileSync(join(dir, 'seed.txt'), readFileSync(SEED));
  writeFileSync(join(dir, 'a/one.html'), articleHtml('One'));
  writeFileSync(join(dir, 'a/b/two.html.gz'), gzipSync(articleHtml('Two')));
  writeFileSync(join(dir, 'a/b/blob.bin'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 1, 2, 0, 0, 3]));
  symlinkSync(join(dir, 'missing-target'), join(dir, 'a/dangling.html'));
  writeFileSync(join(dir, '.hidden'), 'not an input');
  return { dir, files: 5 };
}

describe('batch sources and accounting', () => {
  it('walks a directory tree: gzip read transparently, broken files become error records', async () => {
    const { dir, files } = makeTree();
    const { report, records } = await batch([dir]);
    expect(totalOf(report.counts)).toBe(files);
    expect(records).toHaveLength(files); // one record per document, none for nothing
    const names = records.map((r) => r.source.name);
    // name order within each directory, directories walked depth-first
    expect(names).toEqual([
      join(dir, 'a/b/blob.bin'),
      join(dir, 'a/b/two.html.gz'),
      join(dir, 'a/dangling.html'),
      join(dir, 'a/one.html'),
      join(dir, 'seed.txt'),
    ]);
    const byName = new Map(records.map((r) => [r.source.name, r]));
    expect(byName.get(join(dir, 'a/dangling.html'))!.error.code).toBe('UNREADABLE');
    expect(byName.get(join(dir, 'a/dangling.html'))!.error.message).toMatch(/ENOENT/);
    const blob = byName.get(join(dir, 'a/b/blob.bin'))!;
    expect(blob.paragraphs ?? []).toEqual([]); // binary is never an article
    const two = byName.get(join(dir, 'a/b/two.html.gz'))!;
    expect(two.source.inputFormat).toBe('html');
    expect(two.body).toContain('Paragraph 1 of the story about Two');
    expect(byName.get(join(dir, 'seed.txt'))!.source.inputFormat).toBe('text');
    expect(report.counts.failed + report.counts.noArticle).toBeGreaterThanOrEqual(2);
    expect(report.exitCode).toBe(1);
  });

  it('reads JSONL: one record per line, BAD_RECORD for a malformed line, extra fields under input', async () => {
    const dir = tempDir('jsonl');
    const lines = [
      JSON.stringify({ id: 'a1', url: 'https://example.com/a', html: articleHtml('Alpha') }),
      '{"id": "broken", "html": "<p>unterminated',
      '',
      '{"__proto__": {"polluted": true}, "constructor": 1, "id": "c3", "text": ' + JSON.stringify(readFileSync(SEED, 'utf8')) + '}',
      JSON.stringify({ id: 'd4', other: 'no document field here' }),
      JSON.stringify([1, 2]),
    ];
    const file = join(dir, 'pages.jsonl');
    writeFileSync(file, lines.join('\r\n') + '\n');
    const { report, records } = await batch([file], { jobs: 2 });
    expect(records).toHaveLength(5); // the blank line is not a document
    expect(totalOf(report.counts)).toBe(5);
    expect(records.map((r) => r.source.line)).toEqual([1, 2, 4, 5, 6]);
    expect(records.every((r) => r.source.name === file)).toBe(true);
    expect(records[0]!.input).toEqual({ id: 'a1', url: 'https://example.com/a' });
    expect(records[0]!.body).toContain('Paragraph 3 of the story about Alpha');
    expect(records[1]!.error.code).toBe('BAD_RECORD');
    expect(records[2]!.input).toEqual({ id: 'c3' });
    expect(Object.keys(records[2]!.input)).toEqual(['id']);
    expect(({} as any).polluted).toBeUndefined();
    expect(records[2]!.paragraphs.length).toBeGreaterThan(0);
    expect(records[3]!.error.code).toBe('BAD_RECORD');
    expect(records[3]!.input).toEqual({ id: 'd4', other: 'no document field here' });
    expect(records[4]!.error.code).toBe('BAD_RECORD');
    expect(report.counts.failed).toBe(3);
    expect(report.counts.ok).toBe(2);
  });

  it('reads a record\'s markdown field when it has no html, content or text, as Markdown', async () => {
    const dir = tempDir('markdown');
    const md = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'text--markdown-seed', 'input.txt'), 'utf8');
    const file = join(dir, 'crawl.jsonl');
    writeFileSync(file, JSON.stringify({ url: 'https://example.com/a', markdown: md }) + '\n');
    const { records } = await batch([file], { jobs: 1 });
    expect(records[0]!.headline).toBe('Ukraine Rejected Offer to Negotiate, Kremlin Says');
    expect(records[0]!.input).toEqual({ url: 'https://example.com/a' });
    expect(records[0]!.body).not.toContain('](');
  });

  it('honours --field and gunzips .jsonl.gz', async () => {
    const dir = tempDir('field');
    const file = join(dir, 'x.ndjson.gz');
    const rows = [1, 2, 3].map((i) => JSON.stringify({ page: articleHtml(`Story ${i}`), html: 'decoy', n: i }));
    writeFileSync(file, gzipSync(rows.join('\n')));
    const { report, records } = await batch([file], { config: { ...config, field: 'page' } });
    expect(report.counts).toEqual({ ok: 3, noArticle: 0, failed: 0, skipped: 0 });
    expect(records.map((r) => r.input)).toEqual([1, 2, 3].map((n) => ({ html: 'decoy', n })));
    expect(records[2]!.body).toContain('Story 3');
  });

  for (const gzip of [false, true]) {
    it(`reads ${gzip ? 'WARC.gz' : 'WARC'}: HTML responses only, named by URI, with record offsets`, async () => {
      const dir = tempDir('warc');
      const latin1 = Buffer.from(articleHtml('Caf\u00e9 owners protest'), 'latin1');
      const { bytes, offsets } = warcFile(
        [
          warcInfo(),
          warcRequest('https://news.example/a'),
          warcResponse('https://news.example/a', 200, 'text/html; charset=utf-8', articleHtml('Alpha')),
          warcResponse('https://news.example/logo.png', 200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])),
          warcResponse('https://news.example/old', 301, 'text/html', '<a href="/a">moved</a>'),
          warcResponse('https://news.example/caf%C3%A9?x=1', 200, 'text/html; charset="ISO-8859-1"', latin1),
        ],
        gzip,
      );
      const file = join(dir, gzip ? 'crawl.warc.gz' : 'crawl.warc');
      writeFileSync(file, bytes);
      const { report, records } = await batch([file], { jobs: 2 });
      expect(report.counts).toEqual({ ok: 2, noArticle: 0, failed: 0, skipped: 4 });
      expect(records.map((r) => r.source.name)).toEqual(['https://news.example/a', 'https://news.example/caf%C3%A9?x=1']);
      expect(records.map((r) => r.source.record)).toEqual([offsets[2], offsets[5]]);
      expect(records[0]!.input).toEqual({ warc: file });
      expect(records[0]!.body).toContain('story about Alpha');
      expect(records[1]!.source.inputFormat).toBe('html');
    });
  }

  it('reports a truncated WARC as an error document and keeps going with the next input', async () => {
    const dir = tempDir('badwarc');
    const { bytes } = warcFile([warcResponse('https://a.example/', 200, 'text/html', articleHtml('A'))], true);
    writeFileSync(join(dir, 'bad.warc.gz'), bytes.subarray(0, bytes.length - 20));
    // plain WARC cut inside a skipped record (warcio alone would loop forever here)
    const plain = warcFile([warcResponse('https://a.example/', 200, 'text/html', articleHtml('A')), warcRequest('https://b.example/')]).bytes;
    writeFileSync(join(dir, 'cut.warc'), plain.subarray(0, plain.length - 10));
    writeFileSync(join(dir, 'good.html'), articleHtml('Good'));
    const { report, records } = await batch([dir]);
    expect(totalOf(report.counts)).toBe(records.length);
    expect(records.map((r) => r.error?.code ?? 'ok')).toEqual(['UNREADABLE', 'ok', 'UNREADABLE', 'ok']);
    expect(records[0]!.error.message).toMatch(/bad\.warc\.gz: .*truncated/);
    expect(records[2]!.error.message).toMatch(/cut\.warc: .*truncated/);
    expect(records.at(-1)!.source.name).toBe(join(dir, 'good.html'));
    expect(records.at(-1)!.paragraphs.length).toBeGreaterThan(0);
  });

  it('keeps input order with several workers, and the same records unordered', async () => {
    const dir = tempDir('order');
    const n = 40;
    const rows = Array.from({ length: n }, (_, i) =>
      JSON.stringify({ id: i, html: articleHtml(`Story ${i}`, 1 + (i % 7) * 6) }),
    );
    writeFileSync(join(dir, 'many.jsonl'), rows.join('\n'));
    const one = await batch([join(dir, 'many.jsonl')], { jobs: 1 });
    const two = await batch([join(dir, 'many.jsonl')], { jobs: 2 });
    const loose = await batch([join(dir, 'many.jsonl')], { jobs: 2, ordered: false });
    expect(one.records.map((r) => r.input.id)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(two.stdout.text).toBe(one.stdout.text);
    expect(loose.records).toHaveLength(n);
    const key = (r: any) => r.input.id;
    expect([...loose.records].sort((a, b) => key(a) - key(b))).toEqual(one.records);
    for (const r of [one, two, loose]) expect(totalOf(r.report.counts)).toBe(n);
  });

  it('survives a worker running out of memory: that document fails, every job settles, the pool goes on', async () => {
    // a real V8 heap limit, low enough that one huge page exhausts it while ordinary pages fit
    const pool = createPool(config, { jobs: 2, resourceLimits: { maxOldGenerationSizeMb: 32 } });
    const enc = new TextEncoder();
    const page = (i: number) => ({ name: `p${i}`, bytes: enc.encode(articleHtml(`Page ${i}`)) });
    const huge = { name: 'huge', bytes: enc.encode(`<html><body>${'<div><p>word word word word word</p></div>'.repeat(400_000)}</body></html>`) };
    const jobs = [page(0), page(1), page(2), huge, ...Array.from({ length: 8 }, (_, i) => page(4 + i))];
    try {
      const results = await Promise.all(jobs.map((j) => pool.run(j)));
      expect(results).toHaveLength(jobs.length);
      const hugeResult = results[3]!;
      expect(hugeResult.status).toBe('failed');
      expect(hugeResult.error?.code).toBe('INTERNAL');
      expect(hugeResult.error?.message).toMatch(/worker crashed .*memory/);
      // at most the one page queued behind it in the same worker is lost with it
      const failed = results.filter((r) => r.status === 'failed');
      expect(failed.length).toBeLessThanOrEqual(2);
      for (const r of results.filter((x) => x.status === 'ok')) expect(new TextDecoder().decode(r.bytes)).toMatch(/"paragraphs":\[".+\n$/);
      // the pool goes on: a page sent after the crash is served by the replacement worker (which
      // pages were queued behind the huge one depends on timing, so it is checked here, after all)
      const after = await pool.run(page(99));
      expect(after.status).toBe('ok');
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('stops on abort: interrupted summary, exit 130, nothing half-written', async () => {
    const dir = tempDir('abort');
    const rows = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: i, html: articleHtml(`S${i}`, 20) }));
    writeFileSync(join(dir, 'big.jsonl'), rows.join('\n'));
    const out = join(dir, 'out');
    const ac = new AbortController();
    const stderr = new Capture();
    let written = 0;
    const stdout = new Capture();
    const p = runBatch({ inputs: [join(dir, 'big.jsonl')], stdout, stderr, config, jobs: 2, outDir: out, signal: ac.signal });
    const timer = setInterval(() => {
      written = existsSync(join(out, 'big.jsonl')) ? readdirSync(join(out, 'big.jsonl')).length : 0;
      if (written >= 5) ac.abort();
    }, 5);
    const report = await p;
    clearInterval(timer);
    expect(report.interrupted).toBe(true);
    expect(report.exitCode).toBe(130);
    expect(report.summary).toMatch(/^newsclean: interrupted after \d+ documents: /);
    expect(totalOf(report.counts)).toBeLessThan(300);
    const leftovers = readdirSync(out).filter((f) => f.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
    expect(readdirSync(join(out, 'big.jsonl')).length).toBe(report.counts.ok + report.counts.noArticle);
  });
});

describe('out-dir', () => {
  it('mirrors relative paths, writes atomically, and resumes', async () => {
    const { dir, files } = makeTree();
    const out = join(tempDir('out'), 'result');
    const first = await batch([dir], { outDir: out, config: { ...config, mode: 'text' } });
    expect(first.records).toEqual([]); // nothing on stdout in out-dir mode
    expect(totalOf(first.report.counts)).toBe(files);
    // an absolute directory argument is mirrored under its base name
    const top = basename(dir);
    const written = readdirSync(out, { recursive: true }).map(String).sort();
    expect(written).toContain(join(top, 'seed.txt.txt'));
    expect(written).toContain(join(top, 'a', 'one.html.txt'));
    expect(written).toContain(join(top, 'a', 'b', 'two.html.txt')); // .gz dropped
    expect(written.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(join(out, top, 'a/one.html.txt'), 'utf8')).toContain('story about One');
    expect(first.stderr.text).toMatch(/dangling\.html: cannot read/);
    const okFiles = first.report.counts.ok + first.report.counts.noArticle;

    // second run: everything with an output is skipped
    const second = await batch([dir], { outDir: out, resume: true, config: { ...config, mode: 'text' } });
    expect(second.report.counts.skipped).toBe(okFiles);
    expect(totalOf(second.report.counts)).toBe(files);

    unlinkSync(join(out, top, 'a/one.html.txt'));
    const third = await batch([dir], { outDir: out, resume: true, config: { ...config, mode: 'text' } });
    expect(third.report.counts.skipped).toBe(okFiles - 1);
    expect(third.report.counts.ok).toBe(1);
    expect(existsSync(join(out, top, 'a/one.html.txt'))).toBe(true);
  });

  it('writes the same files from workers (bytes) as in-process (strings), in every format', async () => {
    const { dir, files } = makeTree();
    for (const mode of ['json', 'text', 'markdown'] as const) {
      const one = join(tempDir('out1'), 'r');
      const two = join(tempDir('out2'), 'r');
      const a = await batch([dir], { outDir: one, jobs: 1, config: { ...config, mode } });
      const b = await batch([dir], { outDir: two, jobs: 2, config: { ...config, mode } });
      expect(totalOf(a.report.counts)).toBe(files);
      expect(b.report.counts).toEqual(a.report.counts);
      const list = (d: string) => readdirSync(d, { recursive: true }).map(String).sort();
      expect(list(two)).toEqual(list(one));
      const written = list(one).filter((f) => /\.(json|txt|md)$/.test(f));
      expect(written.length).toBe(a.report.counts.ok + a.report.counts.noArticle);
      for (const f of written) expect(readFileSync(join(two, f), 'utf8')).toBe(readFileSync(join(one, f), 'utf8'));
    }
  });

  it('never writes outside the output directory', async () => {
    const dir = tempDir('escape');
    const outside = tempDir('outside');
    const out = join(dir, 'out');
    mkdirSync(join(out, 'c.warc'), { recursive: true });
    // a symlink planted inside the output directory, pointing out of it
    symlinkSync(outside, join(out, 'c.warc', 'www.evil.example'));
    const { bytes } = warcFile([
      warcResponse('https://a.example/../../../../etc/cron.d/x', 200, 'text/html', articleHtml('Escape 1')),
      warcResponse('file:///etc/passwd', 200, 'text/html', articleHtml('Escape 2')),
      warcResponse('https://www.evil.example/p', 200, 'text/html', articleHtml('Escape 3')),
      warcResponse('https://a.example/%2e%2e/%2E%2E/y', 200, 'text/html', articleHtml('Escape 4')),
    ]);
    writeFileSync(join(dir, 'c.warc'), bytes);
    const { report, stderr } = await batch([join(dir, 'c.warc')], { outDir: out });
    expect(totalOf(report.counts)).toBe(4);
    expect(report.counts.failed).toBe(1); // the symlinked one
    expect(stderr.text).toMatch(/escapes the output directory/);
    expect(readdirSync(outside)).toEqual([]);
    const all = readdirSync(out, { recursive: true }).map(String);
    expect(all.filter((f) => f.endsWith('.json')).length).toBe(3);
    for (const f of all) expect(f.includes('..')).toBe(false);
  });

  it('sanitises names into safe relative paths', () => {
    expect(outputRelPath({ name: 'https://Example.com:8080/a/b/../c d?q=1', record: 12 }, 'json')).toMatch(
      /^example\.com_8080\/a\/c_d_q[0-9a-f]{8}@12\.json$/,
    );
    expect(outputRelPath({ name: 'https://x.example/', record: 3, relPath: 'w/c.warc.gz' }, 'text')).toBe('w/c.warc/x.example/index@3.txt');
    expect(relPathOfUrl('not a url/../../x', 0)).toBe('no-host/not a url/x@0');
    expect(safeSegment('..')).toBe('__');
    expect(safeSegment('.hidden')).toBe('_hidden');
    expect(safeSegment('x'.repeat(300)).length).toBeLessThanOrEqual(120);
    expect(outputRelPath({ name: '/etc/passwd' }, 'json')).toBe('passwd.json');
    expect(outputRelPath({ name: '../../up/x.html' }, 'markdown')).toBe('x.html.md');
    expect(outputRelPath({ name: 'd.jsonl', relPath: 'sub/d.jsonl', line: 7 }, 'text')).toBe('sub/d.jsonl/7.txt');
    expect(outputRelPath({ name: '-' }, 'json')).toBe('stdin.json');
    expect(() => resolveInside('/tmp/o', '../x')).toThrow(/escapes/);
    expect(() => resolveInside('/tmp/o', '/etc/x')).toThrow(/escapes/);
    expect(resolveInside('/tmp/o', 'a/b.json')).toBe('/tmp/o/a/b.json');
  });
});

describe('stream pieces', () => {
  async function* chunks(parts: string[]) {
    for (const p of parts) yield Buffer.from(p);
  }
  it('splits lines across chunks, drops CR and blank lines, bounds long lines', async () => {
    const got: { line: number; text?: string; tooLong?: number }[] = [];
    for await (const l of splitLines(chunks(['ab', 'c\r\n\n  \nde', 'f\n', 'x'.repeat(30), 'y\nlast']), 10)) {
      got.push({ line: l.line, ...(l.bytes ? { text: Buffer.from(l.bytes).toString() } : { tooLong: l.tooLong }) });
    }
    expect(got).toEqual([
      { line: 1, text: 'abc' },
      { line: 4, text: 'def' },
      { line: 5, tooLong: 31 },
      { line: 6, text: 'last' },
    ]);
  });

  it('sniffs JSONL on stdin and gives the whole stream back', async () => {
    const yes = await sniffJsonl(chunks(['\n  {"te', 'xt": "hello"}\n{"text":"b"}\n']), 1000);
    expect(yes.jsonl).toBe(true);
    let all = '';
    for await (const c of yes.stream) all += Buffer.from(c).toString();
    expect(all).toBe('\n  {"text": "hello"}\n{"text":"b"}\n');
    expect((await sniffJsonl(chunks(['{"id": 1}\n']), 1000)).jsonl).toBe(false);
    expect((await sniffJsonl(chunks(['{"id": 1}\n']), 1000, 'id')).jsonl).toBe(false); // not a string
    expect((await sniffJsonl(chunks(['<html>{"text":"x"}']), 1000)).jsonl).toBe(false);
    expect((await sniffJsonl(chunks(['{ a story in braces }\n']), 1000)).jsonl).toBe(false);
  });

  it('parses JSONL records without prototype effects', () => {
    const r = parseJsonlLine(Buffer.from('{"__proto__":{"x":1},"prototype":2,"constructor":{"y":1},"body":"t","id":5}'), undefined);
    expect('code' in r).toBe(false);
    if (!('code' in r)) {
      expect(r.input).toBe('t');
      expect(Object.getPrototypeOf(r.extra)).toBe(null);
      expect(Object.keys(r.extra!)).toEqual(['id']);
    }
    const bad = parseJsonlLine(Buffer.from('{"text": 5}'), 'text');
    expect(bad).toMatchObject({ code: 'BAD_RECORD', message: 'field "text" is missing or not a string' });
  });
});
