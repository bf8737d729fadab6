/**
 * Pathological input: every case must end in a well-formed Article or a clear NewscleanError,
 * never a crash, a stack overflow or a hang. No speed assertions: each case runs `extract()` from
 * the built dist (`npm test` builds first) in a worker thread, in both input formats, and only a
 * run that has not finished after {@link HANG_MS} counts as a hang (the worker is terminated, so a
 * quadratic or exponential blow-up fails this file instead of stalling the whole suite).
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'index.js');
/** A run still going after this long is a hang (the slowest sane case takes ~25 s on a busy 2-core box). */
const HANG_MS = 120_000;
const T = 2 * HANG_MS + 30_000;

interface Outcome {
  format: 'text' | 'html';
  ok: boolean;
  hung?: boolean;
  /** For ok runs: what the Article looked like. */
  paragraphs?: number;
  /** Whether the Article's texts hold the `needle` given to {@link survives}. */
  found?: boolean | null;
  wellFormed?: string[];
  /** For errors. */
  name?: string;
  code?: string;
  message?: string;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { extract } = await import(workerData.dist);
  const { input, format, needle } = workerData;
  try {
    const a = extract(input, { inputFormat: format, name: 'hostile.' + format });
    const problems = [];
    if (!Array.isArray(a.paragraphs) || a.paragraphs.some((p) => typeof p !== 'string')) problems.push('paragraphs not strings');
    if (a.body !== a.paragraphs.join('\\n\\n')) problems.push('body is not the joined paragraphs');
    if (a.source.inputFormat !== format) problems.push('source.inputFormat ' + a.source.inputFormat);
    const json = JSON.stringify(a);
    if (/\\\\ud[89a-f][0-9a-f]{2}/i.test(json)) problems.push('lone surrogate in the JSON');
    if (json.includes('\\\\u0000')) problems.push('NUL in the JSON');
    if (JSON.stringify(JSON.parse(json)) !== json) problems.push('JSON does not round-trip');
    const all = [a.headline, a.subheadline, a.byline, a.dateline, ...a.photoCredits, ...a.captions, ...a.paragraphs, ...a.boilerplate.map((b) => b.text)]
      .filter((s) => typeof s === 'string').join('\\n');
    parentPort.postMessage({ format, ok: true, paragraphs: a.paragraphs.length, found: needle ? all.includes(needle) : null, wellFormed: problems });
  } catch (e) {
    parentPort.postMessage({ format, ok: false, name: e && e.name, code: e && e.code, message: String(e && e.message).slice(0, 500) });
  }
})();
`;

function runOne(input: string | Uint8Array, format: 'text' | 'html', needle: string | null): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, {
      eval: true,
      workerData: { dist: pathToFileURL(dist).href, input, format, needle },
      resourceLimits: { maxOldGenerationSizeMb: 6144 },
    });
    const timer = setTimeout(() => {
      void w.terminate();
      resolve({ format, ok: false, hung: true });
    }, HANG_MS);
    w.once('message', (m: Outcome) => {
      clearTimeout(timer);
      void w.terminate();
      resolve(m);
    });
    w.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Both formats must give a well-formed Article, or a NewscleanError with an allowed code. */
async function survives(input: string | Uint8Array, allowed: string[] = [], needle: string | null = null): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const format of ['text', 'html'] as const) {
    const o = await runOne(input, format, needle);
    expect(o.hung, `${format}: no result after ${HANG_MS / 1000} s (hang or runaway complexity)`).not.toBe(true);
    if (o.ok) {
      expect(o.wellFormed, format).toEqual([]);
    } else {
      expect(o.name, `${format}: ${o.message}`).toBe('NewscleanError');
      expect(allowed, `${format}: ${o.message}`).toContain(o.code);
      expect(o.message).toMatch(new RegExp(`^hostile\\.${format}: `));
    }
    out.push(o);
  }
  return out;
}

const sentence = 'The council approved the budget after a long debate on Tuesday evening, officials said. ';

describe('hostile input', () => {
  it('the built library exists (run `npm run build` first)', () => {
    expect(existsSync(dist)).toBe(true);
  });

  it('100,000 nested elements', { timeout: T }, async () => {
    const html = '<html><body>' + '<div>'.repeat(1e5) + sentence.repeat(3) + '</div>'.repeat(1e5) + '</body></html>';
    const [, asHtml] = await survives(html, [], 'The council approved the budget');
    expect(asHtml!.found).toBe(true);
    await survives('<div>'.repeat(1e5));
  });

  it('a million nested elements, closed or not: the nesting is capped (the stack of the parser grows with the square of the depth)', { timeout: T }, async () => {
    const html = '<html><body>' + '<div>'.repeat(1e6) + sentence.repeat(3) + '</div>'.repeat(1e6) + '</body></html>';
    const [, asHtml] = await survives(html, [], 'The council approved the budget');
    expect(asHtml!.found).toBe(true);
    await survives('<div><i>x</i>'.repeat(5e5) + sentence);
  });

  it('100,000 nested unclosed inline and block elements, mixed', { timeout: T }, async () => {
    await survives('<span><b><p><i><li><a href="#">'.repeat(2e4) + sentence);
  });

  it('a single 20 MB line', { timeout: T }, async () => {
    await survives(sentence.repeat(Math.ceil(20e6 / sentence.length)).slice(0, 20e6));
    await survives('x'.repeat(20e6));
  });

  it('a million short lines', { timeout: T }, async () => {
    await survives('Short line.\n'.repeat(1e6));
  });

  it('a million short lines, many of them distinct photo credits', { timeout: T }, async () => {
    const lines: string[] = [];
    for (let i = 0; i < 1e6; i++) lines.push(i % 3 === 0 ? '' : i % 7 === 0 ? sentence : `Photo: Agency ${i} / Share`);
    await survives(lines.join('\n'));
  });

  it('unclosed tags, broken comments and stray brackets', { timeout: T }, async () => {
    await survives('<html><body><p>' + sentence + '<div><p><b>unclosed <a href="x' + sentence + '<!-- never closed <script>var a = "<p>";');
    await survives('<<<<>>>><p<p>>' + '<'.repeat(1e5) + sentence + '>'.repeat(1e5));
    await survives('<![CDATA[' + sentence.repeat(1000) + '<?php echo 1; <title>' + sentence);
  });

  it('an enormous (10 MB) attribute', { timeout: T }, async () => {
    await survives(`<html><body><div class="${'a '.repeat(5e6)}"><p>${sentence}</p></div><img alt="${'x'.repeat(1e7)}"><p>${sentence}</p></body></html>`);
    await survives(`<html><body><p title="${'y'.repeat(1e7)}`); // never closed
  });

  it('NUL bytes inside text: refused as binary when they are 1% of the first 8 KB, else removed', { timeout: T }, async () => {
    const early = `<p>${sentence}\u0000\u0000\u0000\u0000${sentence}</p>`;
    for (const o of await survives(early, ['NOT_TEXT'])) expect(o.message).toMatch(/not text or HTML \(NUL bytes/);
    for (const o of await survives(Buffer.from(early), ['NOT_TEXT'])) expect(o.code).toBe('NOT_TEXT');
    const stray = `<p>${sentence.repeat(3)}\u0000${sentence.repeat(3)}</p>`;
    for (const o of await survives(stray)) expect(o.ok).toBe(true);
    for (const o of await survives(Buffer.from(stray))) expect(o.ok).toBe(true);
    const late = `<p>${sentence.repeat(200)}</p>\n<p>${sentence}\u0000\u0000${sentence}</p>`;
    for (const o of await survives(Buffer.from(late))) expect(o.ok).toBe(true);
  });

  it('lone surrogates in string input', { timeout: T }, async () => {
    const text = `Headline \uD800 here\n\n${sentence}\uDC00 ${sentence} \uDBFF\n\n${'\uDFFF'.repeat(1000)}${sentence}`;
    for (const o of await survives(text)) expect(o.ok).toBe(true);
    await survives(`<p>${sentence}\uD83D</p><p>\uDE00${sentence}</p>`);
  });

  it('control characters, bidi overrides and zero-width noise', { timeout: T }, async () => {
    await survives(('\u0001\u0007\u001b[31m\u202e\u200b\u200d\ufeff\u2028\u2029\u0085' + sentence).repeat(2000));
  });

  it('deeply nested tables and lists', { timeout: T }, async () => {
    await survives('<table><tr><td>'.repeat(2e4) + sentence + '</td></tr></table>'.repeat(2e4));
    await survives('<ul><li>'.repeat(3e4) + sentence);
  });

  it('a huge number of entities and a huge script', { timeout: T }, async () => {
    await survives('<p>' + '&amp;&#x1F600;&#0;&#xD800;&nbsp;&bogus;'.repeat(2e5) + '</p>');
    await survives('<script>' + 'var x = "<p>not text</p>";\n'.repeat(4e5) + '</script><p>' + sentence + '</p>');
  });

  it('over the size limit: a clear TOO_LARGE error, in both formats', { timeout: T }, async () => {
    const small = await survives('x'.repeat(2000));
    expect(small.every((o) => o.ok)).toBe(true);
    // the limit is an option: check it through the worker-free API too
    const { extract } = (await import(pathToFileURL(dist).href)) as typeof import('../src/index.js');
    for (const inputFormat of ['text', 'html'] as const) {
      expect(() => extract('x'.repeat(2000), { inputFormat, maxBytes: 1000, name: 'big' })).toThrowError(/^big: input is 2000 bytes, over the limit of 1000 bytes/);
    }
  });
});
