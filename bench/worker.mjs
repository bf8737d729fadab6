#!/usr/bin/env node
/**
 * One benchmark tool, measured in a process of its own so that its peak RSS is its own:
 *
 *   node bench/worker.mjs TOOL --list FILE --runs K
 *
 * FILE is a JSON array of input paths written by bench/run.mjs (`.html.gz` pages, or `.txt`
 * renderings). Every input is read (and gunzipped) ONCE before timing. Then one warm-up pass over
 * the first few documents, then K timed passes over all of them. Prints one JSON object on stdout:
 * `{ tool, docs, bytes, passMs: number[], perDocMs: number[] (median per document),
 *    maxRssKb, loadRssKb, errors, firstError, check }`. `check` is a count derived from the outputs so
 * no pass can be optimised away and so a broken tool shows (0 output characters).
 *
 * Tools:
 * - newsclean-html       extract(html, {inputFormat: 'html'})
 * - readability-linkedom new Readability(linkedom.parseHTML(html).document).parse()
 * - readability-jsdom    new Readability(new JSDOM(html).window.document).parse()
 * - floor-html           htmlparser2.parseDocument(html), nothing else
 * - newsclean-text       extract(text, {inputFormat: 'text'})
 * - floor-text           split the text into lines and \w tokens, nothing else
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** @typedef {(input: string) => number} ToolFn  returns a size derived from the output */

/**
 * Build the function for a tool name.
 * @param {string} tool
 * @returns {Promise<ToolFn>}
 */
async function makeTool(tool) {
  switch (tool) {
    case 'newsclean-html':
    case 'newsclean-text': {
      const { extract } = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
      const inputFormat = tool === 'newsclean-html' ? 'html' : 'text';
      return (input) => extract(input, { inputFormat }).body.length;
    }
    case 'readability-linkedom': {
      const { Readability } = require('@mozilla/readability');
      const { parseHTML } = require('linkedom');
      return (input) => {
        const parsed = new Readability(parseHTML(input).document).parse();
        return parsed?.textContent?.length ?? 0;
      };
    }
    case 'readability-jsdom': {
      const { Readability } = require('@mozilla/readability');
      const { JSDOM, VirtualConsole } = require('jsdom');
      // A silent console: jsdom reports CSS it cannot parse, which is noise here. No scripts, no network.
      const virtualConsole = new VirtualConsole();
      return (input) => {
        const dom = new JSDOM(input, { virtualConsole });
        const parsed = new Readability(dom.window.document).parse();
        dom.window.close();
        return parsed?.textContent?.length ?? 0;
      };
    }
    case 'floor-html': {
      const { parseDocument } = require('htmlparser2');
      return (input) => parseDocument(input).children.length;
    }
    case 'floor-text': {
      const word = /[\p{L}\p{N}_]+/gu;
      return (input) => {
        const lines = input.split(/\r\n|\r|\n/);
        let tokens = 0;
        for (const line of lines) tokens += line.match(word)?.length ?? 0;
        return lines.length + tokens;
      };
    }
    default:
      throw new Error(`unknown tool ${tool}`);
  }
}

/** @param {number[]} xs */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function main() {
  const [tool, ...rest] = process.argv.slice(2);
  let listFile = '';
  let runs = 3;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--list') listFile = rest[++i];
    else if (rest[i] === '--runs') runs = Number(rest[++i]);
    else throw new Error(`unknown argument ${rest[i]}`);
  }
  if (!tool || !listFile) throw new Error('usage: node bench/worker.mjs TOOL --list FILE [--runs K]');
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');

  /** @type {string[]} */
  const paths = JSON.parse(readFileSync(listFile, 'utf8'));
  const inputs = paths.map((p) => {
    const raw = readFileSync(p);
    return (p.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  });
  const bytes = inputs.reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0);
  const fn = await makeTool(tool);
  const loadRssKb = process.resourceUsage().maxRSS;

  let errors = 0;
  /** @type {string | null} */
  let firstError = null;
  let check = 0;
  /** @param {number} i */
  const one = (i) => {
    try {
      check += fn(inputs[i]);
    } catch (e) {
      errors++;
      if (!firstError) firstError = `${paths[i]}: ${e instanceof Error ? e.message : String(e)}`;
    }
  };

  // Warm-up: the first few documents, untimed.
  for (let i = 0; i < Math.min(10, inputs.length); i++) one(i);
  errors = 0;
  firstError = null;
  check = 0;

  /** @type {number[][]} */
  const perDoc = inputs.map(() => []);
  /** @type {number[]} */
  const passMs = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < inputs.length; i++) {
      const d0 = process.hrtime.bigint();
      one(i);
      perDoc[i].push(Number(process.hrtime.bigint() - d0) / 1e6);
    }
    passMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  process.stdout.write(
    `${JSON.stringify({
      tool,
      docs: inputs.length,
      bytes,
      passMs,
      perDocMs: perDoc.map(median),
      maxRssKb: process.resourceUsage().maxRSS,
      loadRssKb,
      errors: errors / runs,
      firstError,
      check: check / runs,
    })}\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`bench worker: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
