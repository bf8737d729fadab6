#!/usr/bin/env node
/**
 * Bundle the CLI (`npm run build` runs this after `tsc`): the tsc output under dist/ becomes
 * dist/bin/, which bin/newsclean.js imports. One file to load instead of ~60 modules and their
 * package lookups saves most of the CLI's module-resolution time at start-up.
 *
 * - Input is dist/ (tsc's output), never src/: the bundle runs exactly the code the library runs.
 * - Entry points: dist/cli/main.js and the batch worker dist/batch/worker.js. With code splitting,
 *   what the CLI imports dynamically (the batch machinery, tinyglobby, warcio) stays in chunks of
 *   its own that a single-document run never loads, and the worker shares the pipeline's chunk.
 * - dist/bin/ sits at the same depth as dist/cli/, so `new URL('../../package.json', import.meta.url)`
 *   (the version) still finds the package root, and the pool's `new URL('./worker.js', ...)` finds
 *   dist/bin/worker.js.
 * - htmlparser2 (loaded on the first HTML input only) becomes dist/bin/htmlparser2.cjs, one
 *   bundled file, and the lazy `createRequire(import.meta.url)('htmlparser2')` of
 *   dist/segment/html.js is pointed at it. chardet, iconv-lite and the stopword JSON stay lazy
 *   runtime requires (rare paths, or data better parsed with JSON.parse).
 * - The pattern tables' gate plans (src/patterns/table.ts, gatePlan) are worked out here and
 *   defined as __NEWSCLEAN_GATE_PLANS__ (keyed by row id), so the CLI does not read the row
 *   sources at start-up, nor make the regex of a row before a line passes its gates (lazyRows);
 *   here they also read the non-ASCII literals of case-insensitive rows (too slow to check at
 *   every library load). The literal index those plans make (the Aho-Corasick automaton of every
 *   literal the gates look for, savedLiteralIndex) is built here too and defined as
 *   __NEWSCLEAN_LITERAL_INDEX__ (~1.2 ms of a start-up less). A row that cheapToCompile rewrites
 *   carries the rewritten source in its plan: its regex literal is never made. Each plan also
 *   carries the row's rewrite for plain lines (src/patterns/plain.ts: no `u`, property classes
 *   listed), which a plain line runs instead: on most documents the row's own regex is never made.
 * - The character classes of common code points (src/classify/features.ts, classTable) are
 *   computed here and defined as __NEWSCLEAN_CHAR_CLASSES__: a Latin-script document then never
 *   makes the ten Unicode-property regexes that define them.
 * - The stoplists the language detector can ask for are written one per file
 *   (dist/bin/stopwords/LANG.json, stopwords-iso's lists as they are) and named in
 *   __NEWSCLEAN_STOPWORD_FILES__, so a run parses one list, not all of stopwords-iso (200 KB).
 * - The package version (--version) is package.json's when the bundle is built
 *   (__NEWSCLEAN_VERSION__): the CLI does not read package.json at every start.
 * - Whether franc's Latin expression is the only one matching ASCII (language.ts,
 *   canShortcutLatin) is worked out here too (__NEWSCLEAN_LATIN_SHORTCUT__).
 * - franc-min's trigram data keeps only the languages the detector allows (the others are never
 *   scored), in the same order, every script still present.
 * - chalk's colour detection (its vendored supports-color, which loads node:tty and node:net) is
 *   replaced by "no colour": the CLI makes its chalk instances with an explicit level.
 * - commander loads node:child_process (and with it net, dgram, ...) only to spawn executable
 *   subcommands, which newsclean has none of: its require is made lazy.
 * - The build fails when a single-document run would statically load batch, glob, WARC or
 *   worker code, or when the parser load it rewrites is not found.
 * - The same CLI is bundled a second time as one CommonJS file, dist/bin/cli.cjs, which the bin
 *   compiles itself (vm.Script) with a V8 code cache: the build runs the bin once on a sample
 *   text and HTML page and saves the code V8 compiled (cli.cjs.cache, htmlparser2.cjs.cache).
 *   Node 20 has no compile cache for modules; this skips parsing the 480 KB bundle and compiling
 *   the functions a run uses (seed text: ~10 ms of CPU; with the parser's cache an HTML page ~20 ms).
 *   In cli.cjs the batch machinery is imported through the bin from the ES module build
 *   (dist/bin/batch.js, `__ncImport`), htmlparser2 required through the bin (`__ncRequireCached`).
 *   cli.cjs is written already wrapped in the function the bin calls (CommonJS's module wrapper
 *   with those two loaders first), so the bin compiles the file as it reads it.
 *   Both files are written in ASCII (asciiOnly), which the bin reads as Latin-1 without decoding.
 *
 * bin/newsclean.js runs a bundle only while it is at least as new as tsc's output (tsc rewrites
 * every file of dist/ on each build): cli.cjs, else main.js, else dist/cli/main.js, so a plain
 * `tsc -p .` never leaves the bin running stale code.
 *
 * Usage: node scripts/bundle.mjs [--if-stale]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const OUT = join(DIST, 'bin');
const ENTRY = join(DIST, 'cli', 'main.js');
const WORKER = join(DIST, 'batch', 'worker.js');
const BATCH = join(DIST, 'batch', 'run.js');
/** The CLI's import of the batch machinery (dist/cli/batch.js), rewritten in cli.cjs. */
const BATCH_IMPORT = "import('../batch/run.js')";
const PARSER_FILE = 'htmlparser2.cjs';
/** The lazy parser load in dist/segment/html.js, rewritten to the bundled copy. */
const PARSER_LOAD = "createRequire(import.meta.url)('htmlparser2')";
/** The pipeline's import of the HTML segmenter (dist/index.js), made lazy in cli.cjs. */
const HTML_IMPORT = "import { segmentHtml } from './segment/html.js';";
const HTML_IMPORT_LAZY =
  "let __ncHtml;\nconst segmentHtml = (...args) => (__ncHtml ??= require('./segment/html.js')).segmentHtml(...args);";
/** The CLI's chalk import (dist/cli/color.js), made lazy in cli.cjs: only --format annotate colours. */
const CHALK_IMPORT = "import { Chalk } from 'chalk';";
const CHALK_IMPORT_LAZY = "const Chalk = function (options) { return new (require('chalk').Chalk)(options); };";
/** commander's eager child_process load, and its lazy replacement (only `.spawn` is used). */
const COMMANDER_CHILD = "const childProcess = require('node:child_process');";
const COMMANDER_CHILD_LAZY = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
/** The function cli.cjs is written in (bin/newsclean.js checks for it): CommonJS's wrapper plus the bin's loaders. */
const CLI_WRAPPER = '(function (__ncRequireCached, __ncImport, exports, require, module, __filename, __dirname) { ';
/** Modules a single-document run must not load statically (they are behind dynamic imports). */
const FORBIDDEN_STATIC = [/node_modules\/(?:tinyglobby|fdir|picomatch|warcio|pako|cheerio|htmlparser2|domhandler)\//, /dist\/batch\/(?:run|pool|worker|sinks)\.js$/, /dist\/batch\/sources\/(?:files|warc)\.js$/];

/** True when the bundle (either build, or the code cache) is missing or older than tsc's output. */
export function bundleIsStale() {
  const files = ['main.js', 'cli.cjs', 'cli.cjs.cache'].map((f) => join(OUT, f));
  if (!existsSync(ENTRY) || files.some((f) => !existsSync(f))) return true;
  return files.some((f) => statSync(f).mtimeMs < statSync(ENTRY).mtimeMs);
}

export async function bundle() {
  if (!existsSync(ENTRY)) throw new Error('dist/cli/main.js is missing: run tsc first');
  rmSync(OUT, { recursive: true, force: true });

  // htmlparser2: one CommonJS file, required on the first HTML input.
  await build({
    entryPoints: [join(ROOT, 'node_modules', 'htmlparser2', 'dist', 'commonjs', 'index.js')],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: join(OUT, PARSER_FILE),
    logLevel: 'warning',
    legalComments: 'none',
  });

  // The pattern tables' gate plans, read from the row sources now instead of at every start-up.
  const { TABLES } = await import(pathToFileURL(join(DIST, 'patterns', 'index.js')).href);
  const { gatePlan, savedLiteralIndex } = await import(pathToFileURL(join(DIST, 'patterns', 'table.js')).href);
  const plans = {};
  for (const rows of Object.values(TABLES)) {
    for (const row of rows) {
      if (Object.prototype.hasOwnProperty.call(plans, row.id)) throw new Error(`bundle: two pattern rows have the id ${row.id} (gate plans are keyed by id)`);
      plans[row.id] = gatePlan(row.pattern, true);
    }
  }
  // And the literal index those plans make (its Aho-Corasick automaton), built now, not at start-up.
  const literalIndex = savedLiteralIndex(Object.values(TABLES), plans);

  // One file per stoplist the detector can ask for.
  const { STOPLIST_LANGS, FRANC_LANGS, canShortcutLatin } = await import(pathToFileURL(join(DIST, 'classify', 'language.js')).href);
  const require = createRequire(join(ROOT, 'package.json'));
  const stopwords = require('stopwords-iso/stopwords-iso.json');
  const stopwordFiles = STOPLIST_LANGS.filter((lang) => Object.prototype.hasOwnProperty.call(stopwords, lang));
  mkdirSync(join(OUT, 'stopwords'), { recursive: true });
  for (const lang of stopwordFiles) writeFileSync(join(OUT, 'stopwords', `${lang}.json`), JSON.stringify(stopwords[lang]));

  // The character classes of common code points (src/classify/features.ts, classTable).
  const { classTable } = await import(pathToFileURL(join(DIST, 'classify', 'features.js')).href);

  const defines = {
    __NEWSCLEAN_GATE_PLANS__: JSON.stringify(plans),
    __NEWSCLEAN_LITERAL_INDEX__: JSON.stringify(literalIndex),
    __NEWSCLEAN_STOPWORD_FILES__: JSON.stringify(stopwordFiles),
    __NEWSCLEAN_CHAR_CLASSES__: JSON.stringify(classTable()),
    __NEWSCLEAN_LATIN_SHORTCUT__: JSON.stringify(canShortcutLatin()),
    __NEWSCLEAN_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version),
  };
  let rewrote = 0;
  /** franc's data and commander's child_process, rewritten in both bundles (counted per build). */
  const dataPlugin = (counts) => ({
    name: 'newsclean-data',
    setup(b) {
      b.onLoad({ filter: /[\\/]franc-min[\\/]data\.js$/ }, async (args) => {
        const { data } = await import(pathToFileURL(args.path).href);
        const kept = {};
        for (const [script, models] of Object.entries(data)) {
          kept[script] = {};
          for (const [lang, model] of Object.entries(models)) if (FRANC_LANGS.includes(lang)) kept[script][lang] = model;
        }
        counts.franc++;
        return { contents: `export const data = ${JSON.stringify(kept)};\n`, loader: 'js' };
      });
      // chalk works out the colour support of the process's own stdout and stderr when it loads
      // (node:tty, and with it node:net), for its default instances; the CLI only makes instances
      // with an explicit level (src/cli/color.ts), so the detection is replaced by "none".
      b.onLoad({ filter: /[\\/]chalk[\\/]source[\\/]vendor[\\/]supports-color[\\/]index\.js$/ }, () => {
        counts.supportsColor++;
        return { contents: 'export default { stdout: false, stderr: false };\n', loader: 'js' };
      });
      b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
        const src = readFileSync(args.path, 'utf8');
        if (!src.includes(COMMANDER_CHILD) || (src.match(/childProcess\./g) ?? []).length !== (src.match(/childProcess\.spawn\(/g) ?? []).length) {
          throw new Error(`${args.path}: expected ${COMMANDER_CHILD}, used for spawn only (update scripts/bundle.mjs)`);
        }
        counts.commander++;
        return { contents: src.replace(COMMANDER_CHILD, COMMANDER_CHILD_LAZY), loader: 'js' };
      });
    },
  });
  /** The segmenter's parser load, rewritten to `replacement` (which loads the parser's bundle file). */
  const HTML_MODULE = { filter: /[\\/]dist[\\/]segment[\\/]html\.js$/ };
  const loadParserAs = (replacement, hit) => (args) => {
    const src = readFileSync(args.path, 'utf8');
    if (!src.includes(PARSER_LOAD)) throw new Error(`${args.path}: expected ${PARSER_LOAD} (update scripts/bundle.mjs)`);
    hit();
    return { contents: src.replaceAll(PARSER_LOAD, replacement), loader: 'js' };
  };
  const checkCounts = (counts, what) => {
    if (counts.commander !== 1) throw new Error(`${what}: commander's child_process load rewritten in ${counts.commander} files, expected 1`);
    if (counts.franc !== 1) throw new Error(`${what}: franc-min data filtered in ${counts.franc} files, expected 1`);
    if (counts.supportsColor !== 1) throw new Error(`${what}: chalk's supports-color replaced in ${counts.supportsColor} files, expected 1`);
  };
  const esmCounts = { franc: 0, commander: 0, supportsColor: 0 };
  const rewriteParser = {
    name: 'newsclean-parser',
    setup(b) {
      b.onLoad(HTML_MODULE, loadParserAs(`createRequire(import.meta.url)('./${PARSER_FILE}')`, () => rewrote++));
    },
  };

  const result = await build({
    entryPoints: { main: ENTRY, worker: WORKER, batch: BATCH },
    absWorkingDir: ROOT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: OUT,
    chunkNames: 'chunk-[hash]',
    // Bundled CommonJS packages (commander) call require() for Node built-ins.
    banner: { js: "import { createRequire as __ncCreateRequire } from 'node:module'; const require = __ncCreateRequire(import.meta.url);" },
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    plugins: [rewriteParser, dataPlugin(esmCounts)],
    define: defines,
  });
  if (rewrote !== 1) throw new Error(`parser load rewritten in ${rewrote} files, expected 1`);
  checkCounts(esmCounts, 'main.js');

  // What main.js loads before it runs: its static imports, transitively.
  const outputs = result.metafile.outputs;
  const key = (p) => Object.keys(outputs).find((k) => resolve(ROOT, k) === resolve(ROOT, p));
  const seen = new Set();
  const visit = (k) => {
    if (k === undefined || seen.has(k)) return;
    seen.add(k);
    for (const imp of outputs[k].imports) if (imp.kind === 'import-statement' && !imp.external) visit(key(imp.path));
  };
  visit(key(join(OUT, 'main.js')));
  for (const k of seen) {
    for (const input of Object.keys(outputs[k].inputs)) {
      if (FORBIDDEN_STATIC.some((re) => re.test(input))) throw new Error(`bundle: ${input} would load on every run (through ${k})`);
    }
  }

  // The same CLI as one CommonJS file, which bin/newsclean.js compiles with a V8 code cache. The
  // batch machinery stays in the ES module build (dist/bin/batch.js, imported through the bin),
  // the parser in its own file (required through the bin, with its own cache).
  const cjsCounts = { franc: 0, commander: 0, supportsColor: 0 };
  let cjsRewrites = 0;
  const cjsLoads = {
    name: 'newsclean-cjs-loads',
    setup(b) {
      b.onLoad(HTML_MODULE, loadParserAs(`__ncRequireCached('./${PARSER_FILE}')`, () => cjsRewrites++));
      // The HTML segmenter (its own modules: roles, hints, main-content choice, metadata) is
      // required on the first HTML input only: in one CommonJS file every module's top level runs
      // at start-up otherwise (its regexes made, its tables built), for a text document too.
      b.onLoad({ filter: /[\\/]dist[\\/]index\.js$/ }, (args) => {
        const src = readFileSync(args.path, 'utf8');
        if (!src.includes(HTML_IMPORT)) throw new Error(`${args.path}: expected ${HTML_IMPORT} (update scripts/bundle.mjs)`);
        cjsRewrites++;
        return { contents: src.replace(HTML_IMPORT, HTML_IMPORT_LAZY), loader: 'js' };
      });
      // chalk's top level (its styles, ansi-styles' tables) runs only when a chalk is made.
      b.onLoad({ filter: /[\\/]dist[\\/]cli[\\/]color\.js$/ }, (args) => {
        const src = readFileSync(args.path, 'utf8');
        if (!src.includes(CHALK_IMPORT)) throw new Error(`${args.path}: expected ${CHALK_IMPORT} (update scripts/bundle.mjs)`);
        cjsRewrites++;
        return { contents: src.replace(CHALK_IMPORT, CHALK_IMPORT_LAZY), loader: 'js' };
      });
      b.onLoad({ filter: /[\\/]dist[\\/]cli[\\/]batch\.js$/ }, (args) => {
        const src = readFileSync(args.path, 'utf8');
        if (!src.includes(BATCH_IMPORT)) throw new Error(`${args.path}: expected ${BATCH_IMPORT} (update scripts/bundle.mjs)`);
        cjsRewrites++;
        return { contents: src.replaceAll(BATCH_IMPORT, "__ncImport('./batch.js')"), loader: 'js' };
      });
    },
  };
  const cjs = await build({
    entryPoints: { cli: ENTRY },
    absWorkingDir: ROOT,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outdir: OUT,
    outExtension: { '.js': '.cjs' },
    minifyWhitespace: true,
    // __ncRequireCached and __ncImport are parameters of the wrapper bin/newsclean.js compiles.
    banner: { js: "var __ncMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    plugins: [cjsLoads, dataPlugin(cjsCounts)],
    define: { 'import.meta.url': '__ncMetaUrl', ...defines },
  });
  if (cjsRewrites !== 4) throw new Error(`cli.cjs: ${cjsRewrites} of the 4 loads (parser, batch, HTML segmenter, chalk) rewritten`);
  checkCounts(cjsCounts, 'cli.cjs');
  for (const [k, out] of Object.entries(cjs.metafile.outputs)) {
    for (const input of Object.keys(out.inputs)) {
      if (FORBIDDEN_STATIC.some((re) => re.test(input))) throw new Error(`bundle: ${input} would load on every run (through ${k})`);
    }
  }
  // cli.cjs is only ever compiled by the bin: written already wrapped in the function the bin
  // calls, which saves the bin two copies of the 0.5 MB source at every start (~1.5 ms).
  const cliFile = join(OUT, 'cli.cjs');
  writeFileSync(cliFile, asciiOnly(`${CLI_WRAPPER}${readFileSync(cliFile, 'utf8')}\n});`));
  const parserFile = join(OUT, PARSER_FILE);
  writeFileSync(parserFile, asciiOnly(readFileSync(parserFile, 'utf8')));
  saveCodeCaches();
  return result;
}

/**
 * `source` with every character beyond ASCII written as a `\u` escape, for the files the bin
 * compiles itself (it reads them as Latin-1: a one-byte copy, ~0.5 ms less than decoding 0.5 MB of
 * UTF-8 at every start). esbuild escapes strings but leaves regex literals and `String.raw`
 * templates as written; in a regex and in a regex source made from `String.raw` (the only use
 * newsclean makes of it) the escape means the same character, in a string literal too. An astral
 * character becomes its surrogate pair, which a `u` regex reads as one code point. An identity
 * escape (`\’`) loses its backslash: `\u2019` alone means the same.
 * @param {string} source
 * @returns {string}
 */
export function asciiOnly(source) {
  const escape = (/** @type {number} */ c) => `\\u${c.toString(16).padStart(4, '0')}`;
  let out = '';
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x5c) {
      // A backslash and the character it escapes.
      const next = source.charCodeAt(i + 1);
      if (next >= 0x80) {
        out += source.slice(from, i) + escape(next);
        from = i + 2;
      }
      i++;
    } else if (c >= 0x80) {
      out += source.slice(from, i) + escape(c);
      from = i + 1;
    }
  }
  return out + source.slice(from);
}

/**
 * Run the bin once on a sample text and a sample HTML page with NEWSCLEAN_SAVE_CODE_CACHE=1: it
 * saves the code V8 compiled for cli.cjs and htmlparser2.cjs beside them (`*.cjs.cache`).
 */
function saveCodeCaches() {
  const tmp = mkdtempSync(join(tmpdir(), 'newsclean-cache-'));
  try {
    const paragraphs = [
      'The city council voted on Tuesday to expand the bus network, after months of debate over the cost of the plan and its effect on traffic in the old town.',
      '"We have waited long enough," the mayor told reporters after the vote. "This is a good day for everyone who takes the bus to work."',
      'The first new lines will open next spring, the council said. Critics argue the money would be better spent on repairing the roads, which they say are in a poor state.',
      'The plan still needs the approval of the regional government, which is expected to decide by the end of the year.',
    ];
    const lines = ['Council approves bigger bus network', 'By Jane Smith, Staff Writer', 'Published March 3, 2024', 'Share this article', ...paragraphs, 'Advertisement', 'Related stories', 'Read more: City budget', '© 2024 The Daily News. All rights reserved.'];
    const text = join(tmp, 'sample.txt');
    writeFileSync(text, lines.join('\n\n') + '\n');
    const esc = (x) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const html = join(tmp, 'sample.html');
    writeFileSync(
      html,
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(lines[0])}</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>` +
        `<article><h1>${esc(lines[0])}</h1><p class="byline">${esc(lines[1])}</p><time>${esc(lines[2])}</time>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}` +
        `<figure><img src="a.jpg"><figcaption>The bus station. Photo: John Doe/AP</figcaption></figure></article><footer>${esc(lines.at(-1))}</footer></body></html>`,
    );
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'newsclean.js'), '--quiet', text, html], {
      cwd: tmp,
      env: { ...process.env, NEWSCLEAN_SAVE_CODE_CACHE: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`bundle: the code-cache run failed (${r.status}): ${r.stderr}`);
    for (const f of ['cli.cjs', PARSER_FILE]) if (!existsSync(join(OUT, `${f}.cache`))) throw new Error(`bundle: no code cache for ${f}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && !bundleIsStale()) process.exit(0);
  await bundle();
}
