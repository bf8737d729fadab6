/**
 * The bundled CLI (scripts/bundle.mjs → dist/bin/): the bin runs it (dist/bin/cli.cjs, compiled
 * with the V8 code cache the build saved), it is current with tsc's output (test/global-setup.ts),
 * and a run loads only what it needs: a text document loads no HTML parser, glob, WARC or worker
 * code; an HTML document loads the bundled htmlparser2 (with its code cache); a batch run imports the
 * batch machinery and starts the bundled worker. What a process loads is recorded by a preload script that wraps
 * Node's CommonJS loader and registers ESM loader hooks (module.register), in a temp dir.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/newsclean.js');
const SEED = '/work/shared/seeds/000_f9c01edc88d73acc.txt';

let tmp: string;
let preload: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'newsclean-bundle-'));
  const hooks = join(tmp, 'hooks.mjs');
  // ESM: every loaded URL; CommonJS: every resolved file. Both go to one log file (env LOADLOG).
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';\n` +
      `export async function load(url, context, next) { appendFileSync(process.env.LOADLOG, url + '\\n'); return next(url, context); }\n`,
  );
  preload = join(tmp, 'preload.mjs');
  writeFileSync(
    preload,
    `import { register, createRequire } from 'node:module';\n` +
      `import { appendFileSync } from 'node:fs';\n` +
      `register(${JSON.stringify(pathToFileURL(hooks).href)});\n` +
      `const Module = createRequire(import.meta.url)('node:module');\n` +
      `const orig = Module._load;\n` +
      `Module._load = function (request, parent, isMain) { try { appendFileSync(process.env.LOADLOG, 'cjs:' + Module._resolveFilename(request, parent, isMain) + '\\n'); } catch {} return orig.apply(this, arguments); };\n` +
      // The bin compiles dist/bin/*.cjs itself (vm.Script with a code cache): log those too, with
      // whether V8 took the cache.
      `const vm = createRequire(import.meta.url)('node:vm');\n` +
      `const Script = vm.Script;\n` +
      `vm.Script = class extends Script { constructor(code, options) { super(code, options); appendFileSync(process.env.LOADLOG, 'vm:' + options.filename + '\\n'); if (options.cachedData) appendFileSync(process.env.LOADLOG, 'cache:' + (this.cachedDataRejected ? 'rejected:' : 'used:') + options.filename + '\\n'); } };\n` +
      // The stoplist files are read with fs (not required): log those reads.
      `const fs = createRequire(import.meta.url)('node:fs');\n` +
      `const readFileSync = fs.readFileSync;\n` +
      `fs.readFileSync = function (file, ...rest) { const f = file instanceof URL ? file.pathname : String(file); if (f.includes('/stopwords/')) appendFileSync(process.env.LOADLOG, 'read:' + f + '\\n'); return readFileSync.call(this, file, ...rest); };\n` +
      `Module.syncBuiltinESMExports();\n`,
  );
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** Run the bin and return what it loaded (file paths under the project, and built-ins). */
function loaded(args: string[], name: string): { status: number | null; stdout: string; files: string[]; caches: string[] } {
  const log = join(tmp, `${name}.log`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, BIN, ...args], {
    cwd: tmp,
    encoding: 'utf8',
    env: { ...process.env, LOADLOG: log },
  });
  const files = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .filter((l) => !l.startsWith('cache:'))
    .map((l) => l.replace(/^(?:cjs|vm|read):/, '').replace(/^file:\/\//, ''));
  const caches = readFileSync(log, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('cache:'));
  return { status: r.status, stdout: r.stdout, files, caches };
}

describe('bundled CLI', () => {
  it('is built and at least as new as tsc output, so the bin runs it', () => {
    const bundle = statSync(join(ROOT, 'dist/bin/main.js')).mtimeMs;
    expect(bundle).toBeGreaterThanOrEqual(statSync(join(ROOT, 'dist/cli/main.js')).mtimeMs);
  });

  it('a text document loads the bundle only: no HTML parser, batch, glob, WARC or worker code', () => {
    const r = loaded([SEED], 'text');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Kremlin');
    const ours = r.files.filter((f) => f.startsWith(ROOT));
    // The CommonJS bundle, compiled with its code cache; none of the ES module build.
    expect(ours.filter((f) => f.includes('/dist/bin/') && !f.includes('/stopwords/'))).toEqual([join(ROOT, 'dist/bin/cli.cjs')]);
    expect(r.caches).toEqual([`cache:used:${join(ROOT, 'dist/bin/cli.cjs')}`]);
    // Nothing from the unbundled dist/ or from node_modules: the English stoplist is the bundle's own file.
    expect(ours.filter((f) => !f.includes('/dist/bin/') && !f.endsWith('bin/newsclean.js'))).toEqual([]);
    expect(r.files.filter((f) => /node_modules\//.test(f))).toEqual([]);
    expect(ours.filter((f) => f.includes('/dist/bin/stopwords/'))).toEqual([join(ROOT, 'dist/bin/stopwords/en.json')]);
    for (const f of ours.filter((x) => x.includes('/dist/bin/'))) {
      expect(f).not.toMatch(/cheerio|htmlparser2/);
      const src = readFileSync(f, 'utf8');
      for (const pkg of ['tinyglobby', 'warcio', 'src/batch/run', 'dist/batch/run.js', 'dist/batch/pool.js']) expect(src, `${f} holds ${pkg}`).not.toContain(pkg);
    }
    expect(r.files).not.toContain('node:worker_threads');
  });

  it('one document from a pipe to a pipe makes no stdin or stdout stream (no node:net, no node:tty) and loads no node:v8', () => {
    // Node's own module list, written at exit by a CommonJS preload (no loader hooks: those load
    // modules of their own).
    const probe = join(tmp, 'modules.cjs');
    const list = join(tmp, 'modules.txt');
    writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));\n`);
    const modules = (args: string[]): string[] => {
      const r = spawnSync(process.execPath, ['-r', probe, BIN, ...args], { cwd: tmp, input: readFileSync(SEED), encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).headline).toBe('Ukraine Rejected Offer to Negotiate, Kremlin Says');
      return readFileSync(list, 'utf8').split('\n');
    };
    for (const args of [[], ['-'], ['--json', SEED]]) {
      const mods = modules(args);
      expect(mods, args.join(' ')).not.toContain('NativeModule net');
      expect(mods, args.join(' ')).not.toContain('NativeModule tty');
      expect(mods, args.join(' ')).not.toContain('NativeModule internal/fs/sync_write_stream');
      // The V8 flags are set through the binding: node:v8 would load the stream machinery.
      expect(mods, args.join(' ')).not.toContain('NativeModule v8');
      expect(mods, args.join(' ')).not.toContain('NativeModule stream');
    }
  });

  it('loads no built-in module after its V8 flags are set (its code cache, made under the default flags, would be refused)', () => {
    // V8 prints, under --profile-deserialization (a flag that leaves the flag hash as it is, so
    // the bundle's own cache is still taken), one line per code cache it refuses.
    const html = join(tmp, 'seed.html');
    writeFileSync(html, `<html><head><title>Seed</title></head><body><h1>Seed</h1><p>${readFileSync(SEED, 'utf8').split(/\n+/).join('</p><p>')}</p></body></html>`);
    for (const file of [SEED, html]) {
      const r = spawnSync(process.execPath, ['--profile-deserialization', BIN, file], { cwd: tmp, encoding: 'utf8' });
      expect(r.status, file).toBe(0);
      expect(r.stdout, file).toContain('Deserializing from');
      expect(r.stdout, file).not.toContain('Cached code failed check');
    }
  });

  it('sets its V8 flags without a deprecation warning, even when deprecations throw', () => {
    for (const flags of [[], ['--pending-deprecation'], ['--pending-deprecation', '--throw-deprecation']]) {
      const r = spawnSync(process.execPath, [...flags, BIN, SEED], { cwd: tmp, encoding: 'utf8' });
      expect(r.stderr, flags.join(' ')).toBe('');
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).headline).toBe('Ukraine Rejected Offer to Negotiate, Kremlin Says');
    }
  });

  it('the files the bin compiles are ASCII, as it reads them (Latin-1)', () => {
    for (const f of ['cli.cjs', 'htmlparser2.cjs']) {
      const src = readFileSync(join(ROOT, 'dist/bin', f), 'latin1');
      expect(src.length).toBeGreaterThan(50_000);
      expect(/[^\x00-\x7f]/.exec(src), f).toBeNull();
    }
  });

  it('writes a non-ASCII character as an escape that means the same in a regex, a raw regex source and a string', async () => {
    const { asciiOnly } = (await import(pathToFileURL(join(ROOT, 'scripts/bundle.mjs')).href)) as { asciiOnly: (s: string) => string };
    const cases: [string, string[]][] = [
      ['/^[•·]+ (?:read|’s)$/iu', ['• read', '·• ’s', "' read"]],
      ['new RegExp(String.raw`(?<=[«"“])\\w+(?=[’”])`, "u")', ['«word’', '"x”', '«x"']],
      ['/a\\’b/', ['a’b', 'a\\’b', 'ab']],
      ['/\\\\’/', ['\\’', '’']],
      ['/^[😀-😂]$/u', ['😁', '😃', 'x']],
      ['/^😀{2}$/u', ['😀😀', '😀']],
    ];
    for (const [src, inputs] of cases) {
      const escaped = asciiOnly(src);
      expect(/[^\x00-\x7f]/.test(escaped), escaped).toBe(false);
      const [a, b] = [src, escaped].map((s) => (0, eval)(s) as RegExp);
      for (const input of inputs) expect(b.test(input), `${escaped} on ${input}`).toBe(a.test(input));
    }
    expect((0, eval)(asciiOnly('"naïve – 😀"'))).toBe('naïve – 😀');
  });

  it('an HTML document loads the bundled htmlparser2, once, and no cheerio', () => {
    const html = join(tmp, 'page.html');
    writeFileSync(html, '<html><head><title>A headline</title></head><body><article><h1>A headline</h1>' + '<p>The minister said on Tuesday that the talks would go on, and that both sides had agreed to meet again next week in the capital.</p>'.repeat(4) + '</article></body></html>');
    const r = loaded([html], 'html');
    expect(r.status).toBe(0);
    expect(r.files.filter((f) => /cheerio|htmlparser2|domhandler/.test(f))).toEqual([join(ROOT, 'dist/bin/htmlparser2.cjs')]);
    expect(r.caches).toEqual([`cache:used:${join(ROOT, 'dist/bin/cli.cjs')}`, `cache:used:${join(ROOT, 'dist/bin/htmlparser2.cjs')}`]);
  });

  it('gives the same output as the unbundled CLI (its pattern-table gate plans are precomputed)', () => {
    const dir = join(tmp, 'same');
    mkdirSync(dir);
    const corpus = '/work/shared/corpus';
    for (const set of ['l3s-gn1', 'dragnet', 'readability']) {
      const txt = join(corpus, set, 'text-chromium');
      for (const f of readdirSync(txt).sort().slice(0, 8)) copyFileSync(join(txt, f), join(dir, `${set}-${f}`));
      const html = join(corpus, set, 'html');
      for (const f of readdirSync(html).sort().slice(0, 4)) writeFileSync(join(dir, `${set}-${f.replace(/\.gz$/, '')}`), gunzipSync(readFileSync(join(html, f))));
    }
    const run = (entry: string): string => {
      const r = spawnSync(process.execPath, [entry, '--format', 'ndjson', '--jobs', '1', '--quiet', dir], { cwd: tmp, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(r.stderr).toBe('');
      return r.stdout;
    };
    const bundled = run(BIN);
    expect(bundled.trim().split('\n')).toHaveLength(36);
    expect(bundled).toBe(run(join(ROOT, 'dist/cli/main.js')));
    expect(readFileSync(join(ROOT, 'dist/bin/main.js'), 'utf8') + readdirSync(join(ROOT, 'dist/bin'), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => readFileSync(join(ROOT, 'dist/bin', e.name), 'utf8')).join('')).toContain('define_NEWSCLEAN_GATE_PLANS_default');
  });

  it('a batch run uses the bundled worker', () => {
    const dir = join(tmp, 'docs');
    mkdirSync(dir);
    for (let i = 0; i < 3; i++) writeFileSync(join(dir, `${i}.txt`), readFileSync(SEED));
    const r = loaded(['--jobs', '2', '--json', dir], 'batch');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    expect(r.files).toContain(join(ROOT, 'dist/bin/worker.js'));
    expect(r.files.filter((f) => f.startsWith(join(ROOT, 'dist')) && !f.includes('/dist/bin/'))).toEqual([]);
  });
});
