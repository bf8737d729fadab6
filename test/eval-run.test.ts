/**
 * The eval runner (eval/run.mjs) on a small corpus it writes to a temp directory: the table, the
 * report, the peer cache, per-document error handling, and its helpers. Quality is not asserted here
 * (see eval-guard.test.ts); the shapes and the bookkeeping are.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-ignore -- plain ESM JavaScript with JSDoc types, outside the TypeScript project
import { goldRepairs, htmlToBlocks, loadGold, normHeadline, parseArgs, repairGold, runReadability } from '../eval/run.mjs';

const require = createRequire(import.meta.url);
const RUN = resolve(__dirname, '..', 'eval', 'run.mjs');

describe('normHeadline', () => {
  it('collapses whitespace and straightens quotes and dashes', () => {
    expect(normHeadline('  \u201CYes\u201D,  she said \u2014 it\u2019s\n done ')).toBe('"Yes", she said - it\'s done');
    expect(normHeadline('A\u00A0B \u2013 C')).toBe('A B - C');
  });
  it('keeps case and treats null as empty', () => {
    expect(normHeadline('Title')).not.toBe(normHeadline('title'));
    expect(normHeadline(null)).toBe('');
  });
});

describe('htmlToBlocks', () => {
  const { parseHTML } = require('linkedom');
  it('separates block elements by blank lines and keeps inline text together', () => {
    const html = '<div><p>One <b>bold</b> word</p><p>Two</p><ul><li>a</li><li>b</li></ul>tail<br>line</div><script>x()</script>';
    expect(htmlToBlocks(html, parseHTML)).toBe('One bold word\n\nTwo\n\na\n\nb\n\ntail\n\nline');
  });
  it('does not glue the words of adjacent paragraphs', () => {
    expect(htmlToBlocks('<p>end</p><p>Start</p>', parseHTML)).toBe('end\n\nStart');
  });
});

describe('runReadability', () => {
  it('extracts the article and title of a simple page', () => {
    const paras = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of the story, long enough to count as prose, with commas, and more words in it than a menu has.</p>`);
    const page = `<html><head><title>The Story</title></head><body><nav><a href="/">Home</a></nav><article>${paras.join('')}</article></body></html>`;
    const r = runReadability(page);
    expect(r.title).toBe('The Story');
    expect(r.body.split('\n\n')).toHaveLength(6);
    expect(r.body).not.toContain('Home');
  });
});

describe('parseArgs', () => {
  it('reads repeatable and comma-separated lists and numbers', () => {
    const o = parseArgs(['--set', 'a,b', '--set=c', '--rendering', 'html', '--limit', '5', '--worst', '2', '--no-peer', '--dial']);
    expect(o.sets).toEqual(['a', 'b', 'c']);
    expect(o.renderings).toEqual(['html']);
    expect(parseArgs(['--rendering', 'text-html-to-text']).renderings).toEqual(['text-html-to-text']);
    expect([o.limit, o.worst, o.peer, o.dial]).toEqual([5, 2, false, true]);
  });
  it('refuses unknown renderings, favors and arguments', () => {
    expect(() => parseArgs(['--rendering', 'pdf'])).toThrow(/unknown rendering/);
    expect(() => parseArgs(['--favor', 'speed'])).toThrow(/--favor/);
    expect(() => parseArgs(['--limit', '-1'])).toThrow(/integer/);
    expect(() => parseArgs(['--bogus'])).toThrow(/unknown argument/);
  });
});

describe('repairGold', () => {
  const thread = '\n\n!@#$%^&*()  COMMENTS\n\nAnn says:\nGreat post, thanks.';
  it('cuts the Dragnet comment mark and the thread under it, in each hand-typed form', () => {
    for (const mark of [
      '!@#$%^&*()  COMMENTS',
      '!@#$%^&**()  COMMENTS',
      '!@#$%^&*   COMMENTS',
      '!@#$%$%^&*()  COMMENTS',
      '!@ $%^&*()  COMMENTS',
      '!#@$%^&*()  COMMENTS',
      '@#$%^&*() COMMENTS',
      '#$%^&*()  COMMENTS',
      '!@#$%^&*()  COMMNENTS',
      '!@#$%^&*()  CORRECTED',
      '!@#$%^&*()',
    ]) {
      expect(repairGold(`The story ends here.\n\n${mark}\n\nAnn says:\nGreat post.`)).toEqual({ body: 'The story ends here.', utf16: false, comments: true, notes: false });
    }
  });
  it('decodes a body saved as UTF-16LE bytes and read as Latin-1, then cuts its thread', () => {
    const mangled = Buffer.from(`\ufeffA caf\u00e9\u2019s \u201cstory\u201d.${thread}`, 'utf16le').toString('latin1');
    expect(mangled.startsWith('\u00ff\u00fe')).toBe(true);
    expect(repairGold(mangled)).toEqual({ body: 'A caf\u00e9\u2019s \u201cstory\u201d.', utf16: true, comments: true, notes: false });
    // an odd byte at the end (a truncated save) is dropped
    expect(repairGold(`${Buffer.from('\ufeffHi.', 'utf16le').toString('latin1')}\u0000`).body).toBe('Hi.');
  });
  it("drops an annotator's note in an HTML comment: the no-article mark is an empty body", () => {
    expect(repairGold('<!-- this page contains no article -->')).toEqual({ body: '', utf16: false, comments: false, notes: true });
    expect(repairGold('First part.\n\n<!-- unclear -->\n\nSecond part.').body).toBe('First part.\n\n\n\nSecond part.');
  });
  it('leaves every other body as it is', () => {
    for (const body of ['Plain story.', 'He typed !@#$ in anger. Comments are closed.', '\u00ff\u00fe without NULs', 'COMMENTS', 'Up 5% (*) COMMENTS', 'An arrow <-- and -->', '', 'A reader wrote:\n\n**************\n\nEducation = A Chance', 'Swearing: !@#$%^&*() COMMENTS, he said.']) {
      expect(repairGold(body)).toEqual({ body, utf16: false, comments: false, notes: false });
    }
  });
  it('is applied by loadGold, which records the ids; --raw-gold turns it off', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsclean-gold-'));
    try {
      mkdirSync(join(dir, 'g'));
      writeFileSync(
        join(dir, 'g', 'gold.json'),
        JSON.stringify({ a: { articleBody: `Story.${thread}` }, b: { articleBody: 'Other story.' }, c: { articleBody: '<!-- this page contains no article -->' } }),
      );
      const gold = loadGold('g', dir);
      expect([gold.a.articleBody, gold.b.articleBody, gold.c.articleBody]).toEqual(['Story.', 'Other story.', '']);
      expect(goldRepairs.get(join(dir, 'g', 'gold.json'))).toEqual({ utf16: [], comments: ['a'], notes: ['c'] });
      expect(parseArgs(['--raw-gold']).rawGold).toBe(true);
      expect(parseArgs([]).rawGold).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('node eval/run.mjs on a corpus in a temp directory', () => {
  let dir = '';
  const para = (n: number) =>
    `Paragraph ${n} tells the council story in plain words, with figures such as ${n * 17} and names of people who spoke at the meeting on Tuesday.`;
  const body = (k: number) => [para(k), para(k + 1), para(k + 2)].join('\n\n');

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsclean-eval-'));
    const set = join(dir, 'mini');
    for (const r of ['html', 'text-chromium', 'text-w3m']) mkdirSync(join(set, r), { recursive: true });
    const gold: Record<string, { articleBody: string; headline?: string }> = {};
    for (const [i, id] of ['a1', 'b2', 'c3'].entries()) {
      const headline = `Council votes on budget number ${i}`;
      gold[id] = { articleBody: body(i * 10), headline };
      const text = `Home | News | Sport\n\n${headline}\n\nBy Jane Doe\n\n${body(i * 10)}\n\nShare this article\n© 2024 Example News\n`;
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${headline}</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>${headline}</h1><p class="byline">By Jane Doe</p>${body(i * 10)
        .split('\n\n')
        .map((p) => `<p>${p}</p>`)
        .join('')}</article><footer>© 2024 Example News</footer></body></html>`;
      writeFileSync(join(set, 'text-chromium', `${id}.txt`), text);
      writeFileSync(join(set, 'html', `${id}.html.gz`), gzipSync(html));
      // c3's w3m rendering is binary: newsclean refuses it, which the runner must count as an error.
      writeFileSync(join(set, 'text-w3m', `${id}.txt`), id === 'c3' ? Buffer.from([0, 1, 2, 0, 0, 255, 0, 3, 0, 0, 0, 7]) : text);
    }
    writeFileSync(join(set, 'gold.json'), JSON.stringify(gold));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [RUN, ...args], { encoding: 'utf8', env: { ...process.env, NEWSCLEAN_CORPUS: dir } });

  it('prints one row per rendering plus the peer, writes the report and the peer cache', () => {
    const report = join(dir, 'out', 'report.json');
    const cache = join(dir, 'out', 'cache.json');
    const r = run('--report', report, '--peer-cache', cache, '--worst', '2', '--dial');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('| corpus | rendering | tool | docs | F1 | P | R | article F1 | empty | errors | headline | seconds |');
    for (const row of ['| mini | text-chromium | newsclean | 3 |', '| mini | text-w3m | newsclean | 3 |', '| mini | html | newsclean | 3 |', '| mini | html | readability | 3 |']) {
      expect(r.stdout).toContain(row);
    }
    expect(r.stdout).toContain('Favor dial');
    expect(r.stdout).toMatch(/mini\/text-w3m\/newsclean c3: \S+/);
    expect(r.stdout).toContain('**Worst 2: mini / html / readability**');
    expect(r.stderr).toContain('3 computed, 0 cached');

    const rep = JSON.parse(readFileSync(report, 'utf8'));
    expect(rep.summary).toHaveLength(4);
    const w3m = rep.rows.find((x: { rendering: string }) => x.rendering === 'text-w3m');
    expect(w3m.errors).toBe(1);
    expect(w3m.errorList[0].id).toBe('c3');
    const c3 = w3m.docs.find((d: { id: string }) => d.id === 'c3');
    expect(c3.empty).toBe(true);
    expect(c3.f1).toBe(0);
    for (const row of rep.rows) {
      expect(row.docs).toHaveLength(3);
      expect(row.headlineDocs).toBe(3);
      for (const d of row.docs) {
        expect(d.f1).toBeGreaterThanOrEqual(0);
        expect(d.f1).toBeLessThanOrEqual(1);
        expect(d.goldTokens).toBeGreaterThan(0);
      }
    }
    expect(rep.dial.map((s: { favor: string }) => s.favor).sort()).toEqual(
      ['balanced', 'balanced', 'precision', 'precision', 'recall', 'recall'],
    );

    const c = JSON.parse(readFileSync(cache, 'utf8'));
    expect(Object.keys(c.entries).sort()).toEqual(['mini/a1', 'mini/b2', 'mini/c3']);
    expect(typeof c.hash).toBe('string');

    // Second run: the peer comes from the cache, with the same scores.
    const again = run('--rendering', 'html', '--report', report, '--peer-cache', cache);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain('0 computed, 3 cached');
    const rep2 = JSON.parse(readFileSync(report, 'utf8'));
    const peer1 = rep.summary.find((s: { tool: string }) => s.tool === 'readability');
    const peer2 = rep2.summary.find((s: { tool: string }) => s.tool === 'readability');
    expect(peer2.f1).toBe(peer1.f1);
  });

  it('honours --limit and --no-peer', () => {
    const report = join(dir, 'out', 'limited.json');
    const r = run('--limit', '2', '--no-peer', '--report', report);
    expect(r.status, r.stderr).toBe(0);
    const rep = JSON.parse(readFileSync(report, 'utf8'));
    expect(rep.summary.map((s: { docs: number }) => s.docs)).toEqual([2, 2, 2]);
    expect(rep.summary.every((s: { tool: string }) => s.tool === 'newsclean')).toBe(true);
  });

  it.each([
    ['text-html-to-text', 'html-to-text'],
    ['text-markdown', 'turndown (Markdown)'],
    ['text-nodes', "text nodes one per line (BeautifulSoup's get_text('\\n', strip=True))"],
    ['text-content', "text nodes as they stand (BeautifulSoup's get_text(), textContent)"],
  ])('converts each page\'s HTML for --rendering %s (%s), and reads that text', (rendering) => {
    const report = join(dir, 'out', `${rendering}.json`);
    const r = run('--rendering', rendering, '--no-peer', '--report', report);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`| mini | ${rendering} | newsclean | 3 |`);
    const rep = JSON.parse(readFileSync(report, 'utf8'));
    const row = rep.rows.find((x: { rendering: string }) => x.rendering === rendering);
    expect(row.docs.every((d: { path: string }) => d.path.endsWith('.html.gz'))).toBe(true);
    // the converter's text, not the markup: the story's words come through, no tags
    expect(row.f1).toBeGreaterThan(0.5);
  });

  it('fails with a message on an unknown set or a missing corpus', () => {
    const r = run('--set', 'nope', '--report', join(dir, 'out', 'x.json'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unknown set nope');
    const m = spawnSync(process.execPath, [RUN], { encoding: 'utf8', env: { ...process.env, NEWSCLEAN_CORPUS: join(dir, 'absent') } });
    expect(m.status).toBe(1);
    expect(m.stderr).toContain('no corpus sets');
    expect(existsSync(join(dir, 'out', 'x.json'))).toBe(false);
  });
});
