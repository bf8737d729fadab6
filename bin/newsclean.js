#!/usr/bin/env node
// Thin shim. `npm run build` (scripts/bundle.mjs) bundles the CLI twice: dist/bin/cli.cjs, which
// this shim compiles with the V8 code cache the build saved beside it (no parsing and no lazy
// compiling of the functions a run uses: Node 20 has no compile cache for modules of its own), and
// dist/bin/main.js (ES modules), used when cli.cjs is missing. A bundle runs only while it is at
// least as new as tsc's output, so a plain `tsc -p .` never leaves the bin running stale code (it
// then runs the unbundled dist/cli/main.js). A cache V8 rejects (another Node) only costs time.
// The shim is CommonJS (bin/package.json): an ES module entry point costs Node its ES module loader
// and a facade per imported built-in, ~4 ms of CPU at every start.
'use strict';
const { readFileSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');
// Built-in modules come with code caches made under Node's default V8 flags: one first loaded after
// the flags below are set fails V8's check and is compiled from source (and its cache made again).
// commander loads node:process on every run, so it loads here, first.
require('node:process');

const dist = join(__dirname, '..', 'dist');
const stat = (file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
const built = stat(join(dist, 'cli', 'main.js'));
const cli = join(dist, 'bin', 'cli.cjs');

// V8 flags, set before any of the CLI's code is compiled or run: V8 accepts a code cache only under
// the flags it was made with, and a flag changed after regexes ran crashed the unbundled CLI now and
// then (a segfault in about 1 of 300 runs of `--format annotate --explain`, with the flag set at
// the top of src/cli/main.ts, after its imports had run; none in 900 runs with it set first).
// - Regexes are compiled lazily, at their first exec. V8 normally interprets a new regex first and
//   compiles it to machine code once it is hot; the pattern tables are hot from the first document,
//   so that means compiling each twice. Compiling straight to machine code cut the seed's cold
//   start from 267 to 195 ms and made batch extraction ~9% faster; re-measured once the pattern
//   tables ran only the rows a line can match and the CLI was bundled, still the best trade for
//   start-up, ahead of the default tier-up and of tier-up after 10 or 50 executions (seed: ~160 ms
//   of user CPU against ~180 ms for both). Batch workers inherit the process's flags.
// - Four times V8's interrupt budget (67584 bytes of bytecode): a short document then ends before
//   any function is hot enough for TurboFan, whose background compiles cost the seed ~10 ms of CPU
//   (and wall time on a busy machine) for code that runs once; a batch or a large page only
//   reaches optimised code a little later (throughput unchanged on 1604 corpus documents).
// - They are set through the binding node:v8 wraps: node:v8 itself loads Node's stream machinery and
//   heap utilities (~1.2 ms of a start-up of ~77), which nothing else of a single-document run does
//   (it writes with fs.writeSync). process.binding('v8') is deprecated (DEP0111, a warning on first
//   use, silenced here for that one call); where it is gone or lacks the function, node:v8 it is.
const setFlagsFromString = (() => {
  const quiet = process.noDeprecation;
  process.noDeprecation = true;
  try {
    const set = process.binding('v8').setFlagsFromString;
    if (typeof set === 'function') return (flags) => set(flags);
  } catch {
    // process.binding is gone, or no longer lends 'v8'
  } finally {
    process.noDeprecation = quiet;
  }
  return require('node:v8').setFlagsFromString;
})();
setFlagsFromString('--no-regexp-tier-up');
setFlagsFromString('--interrupt-budget=270336');

if (stat(cli) >= built) {
  const caches = [];
  /** CommonJS's module wrapper with the bin's two loaders first (as scripts/bundle.mjs writes cli.cjs). */
  const WRAPPED = '(function (__ncRequireCached, __ncImport, exports, require, module, __filename, __dirname) { ';
  /** CommonJS `require` of a file of dist/bin/, compiled with its code cache when there is one. */
  const requireCached = (file) => {
    const cacheFile = `${file}.cache`;
    let cachedData;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
    // cli.cjs comes wrapped from the build (scripts/bundle.mjs); other files are wrapped here.
    // ASCII as the build writes them (scripts/bundle.mjs, asciiOnly): read as Latin-1, one byte a
    // character, without decoding UTF-8.
    const source = readFileSync(file, 'latin1');
    const wrapped = source.startsWith(WRAPPED) ? source : `${WRAPPED}${source}\n});`;
    const script = new Script(wrapped, { filename: file, cachedData });
    caches.push({ script, cacheFile });
    const module = { exports: {} };
    const dir = dirname(file);
    const load = (rel) => requireCached(join(dir, rel));
    const imp = (rel) => import(pathToFileURL(join(dir, rel)).href);
    script.runInThisContext()(load, imp, module.exports, Module.createRequire(file), module, file, dir);
    return module.exports;
  };
  // The build runs the CLI once on sample documents with this set, then saves what V8 compiled.
  if (process.env.NEWSCLEAN_SAVE_CODE_CACHE === '1') {
    process.on('exit', () => {
      for (const { script, cacheFile } of caches) {
        try {
          writeFileSync(cacheFile, script.createCachedData());
        } catch (err) {
          process.stderr.write(`newsclean: cannot save ${cacheFile} (${err.message})\n`);
          process.exitCode = 1;
        }
      }
    });
  }
  requireCached(cli);
} else {
  const bundled = join(dist, 'bin', 'main.js');
  void import(pathToFileURL(stat(bundled) >= built ? bundled : join(dist, 'cli', 'main.js')).href);
}
