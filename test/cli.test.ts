/**
 * The built CLI (`node bin/newsclean.js`, from dist/) end to end: inputs from stdin and files,
 * output formats, exit codes, error lines, colour, help and version, and a closed pipe.
 * `npm test` builds first; when running this file alone, run `npx tsc -p .` before.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv2020Module from 'ajv/dist/2020.js';
import { run } from '../src/cli/program.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/newsclean.js');
const SEED = '/work/shared/seeds/000_f9c01edc88d73acc.txt';
const SEED_BYTES = readFileSync(SEED);
const ANSI = /\u001b\[[0-9;]*m/;

type AjvClass = typeof import('ajv/dist/2020.js').default;
const Ajv2020 = ((Ajv2020Module as unknown as { default?: AjvClass }).default ?? Ajv2020Module) as AjvClass;
const validate = new Ajv2020({ strict: true }).compile(JSON.parse(readFileSync(join(ROOT, 'schema/article.schema.json'), 'utf8')));

/** The environment without colour settings, so each test decides them. */
function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['FORCE_COLOR'];
  delete env['NO_COLOR'];
  return { ...env, ...extra };
}

function cli(args: string[], opts: { input?: string | Buffer; env?: Record<string, string> } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: tmp,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: baseEnv(opts.env),
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** stderr as lines, each of which must be a one-line `newsclean: ...` message. */
function errorLines(stderr: string): string[] {
  const lines = stderr.split('\n').filter((l) => l.length > 0);
  for (const line of lines) expect(line).toMatch(/^newsclean: /);
  return lines;
}

let tmp: string;
let seedCopy: string;
let empty: string;
let pdf: string;
let nul: string;
let big: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'newsclean-cli-'));
  seedCopy = join(tmp, 'seed.txt');
  writeFileSync(seedCopy, SEED_BYTES);
  empty = join(tmp, 'empty.txt');
  writeFileSync(empty, '');
  pdf = join(tmp, 'report.pdf.txt');
  writeFileSync(pdf, Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), Buffer.alloc(64, 0)]));
  nul = join(tmp, 'nul.txt');
  writeFileSync(nul, Buffer.concat([Buffer.from('Looks like text at first\n'), Buffer.from([0, 0, 1, 2, 0, 255, 0]), Buffer.from('more\n')]));
  big = join(tmp, 'big.txt');
  const para = 'The council said on Tuesday that the new bridge across the river would open next spring, after years of delays and rising costs.';
  const lines = ['A Headline For The Big Test', ''];
  for (let i = 0; i < 8000; i++) lines.push(`${para} Item ${i}.`, '');
  writeFileSync(big, lines.join('\n'));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('inputs', () => {
  it('reads a file and prints the clean text', () => {
    const r = cli([seedCopy]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Kremlin spokesman Dmitry Peskov told reporters Saturday.');
    expect(r.stdout.endsWith('\n')).toBe(true);
  });

  it('reads stdin as bytes, with no input and with -', () => {
    for (const args of [[], ['-']]) {
      const r = cli([...args, '--json'], { input: SEED_BYTES });
      expect(r.status).toBe(0);
      const a = JSON.parse(r.stdout);
      expect(a.source.name).toBe('-');
      expect(a.source.bytes).toBe(SEED_BYTES.length);
    }
  });

  it('--name names standard input', () => {
    const r = cli(['--json', '--name', 'https://example.com/a'], { input: SEED_BYTES });
    expect(JSON.parse(r.stdout).source.name).toBe('https://example.com/a');
  });

  it('reads a gzipped file or gzip on stdin through, as the same Article; a gzip bomb is too large (5)', () => {
    const plain = JSON.parse(cli(['--json', seedCopy]).stdout);
    const gz = join(tmp, 'seed.txt.gz');
    writeFileSync(gz, gzipSync(SEED_BYTES));
    for (const r of [cli(['--json', gz]), cli(['--json'], { input: gzipSync(SEED_BYTES) })]) {
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const a = JSON.parse(r.stdout);
      expect(a.paragraphs).toEqual(plain.paragraphs);
      expect(a.headline).toBe(plain.headline);
      expect(a.source.bytes).toBe(SEED_BYTES.length);
    }
    const bomb = cli(['--max-bytes', '64k'], { input: gzipSync(Buffer.alloc(1 << 20, 'a')) });
    expect(bomb.status).toBe(5);
    expect(errorLines(bomb.stderr)).toEqual(['newsclean: (stdin): input gunzips to more than 65536 bytes, over the limit (raise it with maxBytes / --max-bytes)']);
  });

  it('reads UTF-8 bytes from stdin intact', () => {
    const r = cli(['--json'], { input: SEED_BYTES });
    expect(r.stdout).toContain('Russia’s');
  });
});

describe('formats', () => {
  it('--json on the seed: valid JSON, source name, schema-valid', () => {
    const r = cli(['--json', seedCopy]);
    expect(r.status).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.source.name).toBe(seedCopy);
    expect(validate(a)).toBe(true);
    expect(r.stdout.split('\n').length).toBeGreaterThan(5);
  });

  it('several inputs with --json or ndjson: one compact object per line, named', () => {
    const second = join(tmp, 'second.txt');
    writeFileSync(second, SEED_BYTES);
    for (const flag of [['--json'], ['--format', 'ndjson']]) {
      const r = cli([...flag, seedCopy, second, seedCopy]);
      expect(r.status).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(3);
      expect(lines.map((l) => JSON.parse(l).source.name)).toEqual([seedCopy, second, seedCopy]);
    }
  });

  it('several inputs as text: each document under a ==> name <== header', () => {
    const r = cli(['--format', 'text', seedCopy, seedCopy]);
    expect(r.status).toBe(0);
    const headers = r.stdout.split('\n').filter((l) => l.startsWith('==> '));
    expect(headers).toEqual([`==> ${seedCopy} <==`, `==> ${seedCopy} <==`]);
    expect(r.stdout.startsWith(`==> ${seedCopy} <==\n`)).toBe(true);
    expect(r.stdout).toContain(`\n\n==> ${seedCopy} <==\n`);
  });

  it('markdown and text --with-meta render', () => {
    const md = cli(['--format', 'markdown', seedCopy]);
    expect(md.status).toBe(0);
    expect(md.stdout).toContain('Kremlin spokesman Dmitry Peskov');
    const meta = cli(['--with-meta', seedCopy]);
    expect(meta.status).toBe(0);
    expect(meta.stdout.length).toBeGreaterThanOrEqual(cli(['--format', 'text', seedCopy]).stdout.length);
  });

  it('without --format: JSON into a pipe (newsclean page.html | jq -r .headline), text when asked', () => {
    const piped = cli([seedCopy]);
    expect(piped.status).toBe(0);
    expect(JSON.parse(piped.stdout).headline).toBe('Ukraine Rejected Offer to Negotiate, Kremlin Says');
    const text = cli(['--format', 'text', seedCopy]);
    expect(text.stdout.startsWith('Ukraine Rejected Offer to Negotiate, Kremlin Says\n\n')).toBe(true);
    // Several inputs into a pipe: one JSON object per line.
    const two = cli([seedCopy, seedCopy]);
    expect(two.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).headline)).toEqual(['Ukraine Rejected Offer to Negotiate, Kremlin Says', 'Ukraine Rejected Offer to Negotiate, Kremlin Says']);
  });

  it('annotate prints every input line with a role; --explain adds reasons lines', () => {
    const nonBlank = SEED_BYTES.toString('utf8').split('\n').filter((l) => l.trim() !== '').length;
    const r = cli(['--format', 'annotate', seedCopy]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(nonBlank);
    for (const line of lines) expect(line).toMatch(/^(headline|subheadline|byline|dateline|photoCredit|caption|body|boilerplate:[a-z-]+) +\| /);
    const explained = cli(['--explain', seedCopy]);
    expect(explained.stdout.trimEnd().split('\n')).toHaveLength(2 * nonBlank);
    expect(explained.stdout).toContain('↳ ');
  });
});

describe('colour', () => {
  it('is off when stdout is a pipe, on with FORCE_COLOR=1, off with NO_COLOR', () => {
    expect(ANSI.test(cli(['--format', 'annotate', seedCopy]).stdout)).toBe(false);
    expect(ANSI.test(cli(['--format', 'annotate', seedCopy], { env: { FORCE_COLOR: '1' } }).stdout)).toBe(true);
    expect(ANSI.test(cli(['--format', 'annotate', seedCopy], { env: { NO_COLOR: '1' } }).stdout)).toBe(false);
    expect(ANSI.test(cli(['--format', 'annotate', seedCopy], { env: { FORCE_COLOR: '0' } }).stdout)).toBe(false);
  });

  it('only annotate is coloured', () => {
    expect(ANSI.test(cli([seedCopy], { env: { FORCE_COLOR: '1' } }).stdout)).toBe(false);
    expect(ANSI.test(cli(['--json', seedCopy], { env: { FORCE_COLOR: '1' } }).stdout)).toBe(false);
  });

  it('run(): colour on a terminal unless NO_COLOR is set', async () => {
    const capture = async (env: Record<string, string>): Promise<string> => {
      let out = '';
      const stdout = Object.assign(new Writable({ write(c, _e, cb) { out += String(c); cb(); } }), { isTTY: true });
      const stderr = new PassThrough();
      const code = await run(['--format', 'annotate', seedCopy], { stdin: new PassThrough(), stdout, stderr, env });
      expect(code).toBe(0);
      return out;
    };
    expect(ANSI.test(await capture({ TERM: 'xterm' }))).toBe(true);
    expect(ANSI.test(await capture({ TERM: 'xterm', NO_COLOR: '1' }))).toBe(false);
    expect(ANSI.test(await capture({ TERM: 'dumb' }))).toBe(false);
  });
});

describe('help and version', () => {
  it('--help shows usage, options and examples', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: newsclean [options] [inputs...]');
    expect(r.stdout).toContain('--format <format>');
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('Exit codes:');
  });

  it('--version prints package.json version', () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    const r = cli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${version}\n`);
  });
});

describe('exit codes and error lines', () => {
  it('1: no article — json still prints the Article with empty paragraphs, one stderr line', () => {
    const r = cli(['--json', empty]);
    expect(r.status).toBe(1);
    const a = JSON.parse(r.stdout);
    expect(a.paragraphs).toEqual([]);
    expect(a.source.name).toBe(empty);
    expect(errorLines(r.stderr)).toEqual([`newsclean: ${empty}: no article found (no body paragraph)`]);
    expect(cli([], { input: '   \n\n  \n' }).status).toBe(1);
  });

  it('2: usage errors, one line each', () => {
    for (const args of [['--format', 'yaml', seedCopy], ['--bogus', seedCopy], ['--json', '--format', 'text', seedCopy], ['--max-bytes', 'lots', seedCopy], ['-', '-'], ['--name', 'x', seedCopy], ['--with-meta', '--json', seedCopy], ['--encoding', 'no-such-charset', seedCopy]]) {
      const r = cli(args, { input: 'x' });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(errorLines(r.stderr), args.join(' ')).toHaveLength(1);
    }
  });

  it('3: unreadable input (missing file, dangling symlink)', () => {
    const r = cli(['missing.txt']);
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('newsclean: missing.txt: cannot read (ENOENT: no such file or directory)\n');
    const link = join(tmp, 'dangling.txt');
    rmSync(link, { force: true });
    symlinkSync(join(tmp, 'no-such-target.txt'), link);
    const d = cli([link]);
    expect(d.status).toBe(3);
    expect(errorLines(d.stderr)[0]).toContain(`${link}: cannot read (ENOENT`);
  });

  it.skipIf(process.getuid?.() === 0)('3: permission denied', () => {
    const locked = join(tmp, 'locked.txt');
    writeFileSync(locked, 'secret');
    chmodSync(locked, 0o000);
    const r = cli([locked]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('EACCES');
  });

  it('4: binary input (PDF magic, NUL bytes), from a file and from stdin', () => {
    for (const file of [pdf, nul]) {
      const r = cli([file]);
      expect(r.status, file).toBe(4);
      expect(r.stdout).toBe('');
      const lines = errorLines(r.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]!.startsWith(`newsclean: ${file}: `)).toBe(true);
    }
    expect(cli(['--json'], { input: readFileSync(pdf) }).status).toBe(4);
  });

  it('5: too large, from a file and from stdin', () => {
    const r = cli(['--max-bytes', '1k', seedCopy]);
    expect(r.status).toBe(5);
    expect(errorLines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(seedCopy);
    expect(cli(['--max-bytes', '100'], { input: SEED_BYTES }).status).toBe(5);
    expect(cli(['--max-bytes', String(SEED_BYTES.length), seedCopy]).status).toBe(0);
  });

  it('several inputs: a failing one does not stop the others; same kind keeps its code, mixed kinds give 1', () => {
    const r = cli(['--format', 'ndjson', 'missing-a.txt', seedCopy, 'missing-b.txt']);
    expect(r.status).toBe(3);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout).source.name).toBe(seedCopy);
    expect(errorLines(r.stderr)).toEqual([
      'newsclean: missing-a.txt: cannot read (ENOENT: no such file or directory)',
      'newsclean: missing-b.txt: cannot read (ENOENT: no such file or directory)',
    ]);
    const mixed = cli(['--format', 'ndjson', 'missing-a.txt', seedCopy, '--max-bytes', '3k', big]);
    expect(mixed.status).toBe(1);
    expect(errorLines(mixed.stderr)).toHaveLength(2);
    expect(mixed.stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('no stack trace unless --debug', () => {
    expect(cli(['missing.txt']).stderr).not.toMatch(/\n\s+at /);
    const d = cli(['--debug', 'missing.txt']);
    expect(d.status).toBe(3);
    expect(d.stderr).toMatch(/\n\s+at /);
  });
});

describe('warnings', () => {
  it('are one line naming the input, and --quiet drops them', () => {
    const latin1 = join(tmp, 'latin1.txt');
    const para = 'Caf\xe9 au lait is what many people in the town drink in the morning, with bread and butter on the side.';
    writeFileSync(latin1, Buffer.from(['The Caf\xe9 Story', '', para, '', para, '', para, ''].join('\n'), 'latin1'));
    const loud = cli(['--encoding', 'utf-8', latin1]);
    const lines = errorLines(loud.stderr);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.startsWith(`newsclean: ${latin1}: warning: `)).toBe(true);
    const quiet = cli(['--quiet', '--encoding', 'utf-8', latin1]);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
  });
});

describe('closed pipe', () => {
  it('ends quietly when the reader goes away (| head -1)', () => {
    for (const format of ['text', 'annotate']) {
      const r = spawnSync('sh', ['-c', `node "${BIN}" --format ${format} "${big}" "${big}" | head -1`], {
        encoding: 'utf8',
        env: baseEnv(),
      });
      expect(r.status, format).toBe(0);
      expect(r.stderr, format).toBe('');
      expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    }
  });

  it('run(): a write error other than a closed pipe is one line and exit 1', async () => {
    const stdout = new Writable({
      write(_c, _e, cb) {
        cb(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
      },
    });
    const stderr = new PassThrough();
    let errText = '';
    stderr.on('data', (c) => (errText += String(c)));
    const code = await run([seedCopy], { stdin: new PassThrough(), stdout, stderr, env: {} });
    expect(code).toBe(1);
    expect(errText).toBe('newsclean: cannot write output (ENOSPC: no space left on device, write)\n');
  });

  it('run() stops writing and returns when stdout reports EPIPE', async () => {
    let writes = 0;
    const stdout = new Writable({
      write(_c, _e, cb) {
        writes++;
        const err = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
        cb(err);
      },
    });
    const stderr = new PassThrough();
    let errText = '';
    stderr.on('data', (c) => (errText += String(c)));
    const code = await run(['--format', 'ndjson', seedCopy, seedCopy, seedCopy], { stdin: new PassThrough(), stdout, stderr, env: {} });
    expect(code).toBe(0);
    expect(writes).toBe(1);
    expect(errText).toBe('');
  });
});
