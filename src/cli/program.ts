/**
 * The newsclean command line: `createProgram()` declares it (commander), `run()` executes it
 * against any streams and environment and returns the exit code; `main.ts` wires the process.
 *
 * Exit codes (README, "Exit codes"): 0 success; 1 no article, or mixed failures over several
 * inputs; 2 usage; 3 unreadable input; 4 not text; 5 too large.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULTS } from '../options.js';
import { ERROR_CODES } from '../errors.js';
import { FORMATS, type Format } from '../render/index.js';
import { normalizeLabel } from '../decode/charset.js';
import { chalkFor, type Env } from './color.js';
import { displayName, Output, readFileInput, readStreamInput } from './io.js';
import { combineExitCodes, messageWithoutName, processOne, toFailure, type Failure, type ProcessResult, type ProcessSettings } from './process.js';
import { addBatchOptions, planBatch, runBatchCli } from './batch.js';
import type { FdInput, OutputSink } from './stdio.js';

/** The streams and environment a run uses (the process's own in `main.ts`). */
export interface CliIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: Env;
  /**
   * Standard input and output as file descriptors (src/cli/stdio.ts): when given, a run that is
   * not a batch reads and writes through these instead of making the streams above (unless they
   * are terminals).
   */
  fds?: StdioFds;
}

/** See {@link CliIO.fds}. */
export interface StdioFds {
  readonly stdinIsTTY: boolean;
  readonly stdoutIsTTY: boolean;
  input(): FdInput;
  output(): OutputSink;
}

const stdinIsTTY = (io: CliIO): boolean => (io.fds ? io.fds.stdinIsTTY : io.stdin.isTTY === true);
const stdoutIsTTY = (io: CliIO): boolean => (io.fds ? io.fds.stdoutIsTTY : io.stdout.isTTY === true);

/**
 * Standard input as bytes: its file descriptor when the run has one and it is not a terminal (a
 * terminal is read through its stream, which knows its line discipline), else the stream.
 */
export function stdinBytes(io: CliIO): AsyncIterable<Uint8Array | string> {
  return io.fds && !io.fds.stdinIsTTY ? io.fds.input() : io.stdin;
}

/** The options commander hands back. */
export interface CliOptions {
  format?: Format;
  json?: boolean;
  inputFormat: 'auto' | 'text' | 'html';
  favor: 'balanced' | 'precision' | 'recall';
  withMeta?: boolean;
  explain?: boolean;
  maxBytes?: number;
  encoding?: string;
  quiet?: boolean;
  debug?: boolean;
  name?: string;
}

/**
 * The version scripts/bundle.mjs read from package.json when it built the bundle (a file read, a
 * URL and a JSON parse less at every start of the bundled CLI); undefined unbundled.
 */
declare const __NEWSCLEAN_VERSION__: string | undefined;

/** The package's version: package.json's at the package root, read at run time (or at bundling). */
export function packageVersion(): string {
  if (typeof __NEWSCLEAN_VERSION__ !== 'undefined') return __NEWSCLEAN_VERSION__;
  const raw = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const version = (JSON.parse(raw) as { version?: unknown }).version;
  if (typeof version !== 'string') throw new Error('package.json has no version');
  return version;
}

const SIZE_UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `--max-bytes`: a positive integer, optionally with a binary unit (`500k`, `20M`, `1G`). */
export function parseSize(value: string): number {
  const m = /^\s*(\d+)\s*([kmg]?)(?:i?b)?\s*$/i.exec(value);
  if (!m) throw new InvalidArgumentError('expected a number of bytes, e.g. 1000000, 500k or 20M.');
  const n = Number(m[1]) * SIZE_UNITS[m[2]!.toLowerCase()]!;
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive number of bytes.');
  return n;
}

const EXAMPLES = `
Examples:
  $ newsclean article.txt                         headline and body paragraphs, as text
  $ newsclean --with-meta article.txt             ... plus byline, dateline, captions, credits
  $ newsclean --json page.html | jq -r .headline  the Article as JSON
  $ curl -s URL | newsclean --json --name URL     read standard input
  $ newsclean --format ndjson *.html > out.ndjson one JSON object per input, one per line
  $ newsclean --format markdown page.html > page.md
  $ newsclean --explain article.txt | less -R     every line with its role and the reasons

Exit codes: 0 ok; 1 no article found (or several inputs failed in different ways);
2 usage error; 3 unreadable input; 4 not text (binary); 5 input too large.`;

/** Declare the command line (no parsing, no I/O). */
export function createProgram(): Command {
  return addBatchOptions(new Command('newsclean')
    .description('Turn scraped news (HTML or plain text) into a clean article: headline, byline, credits, captions, body.')
    .argument('[inputs...]', 'files to read; none, or -, reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format (default: text on a terminal, json into a pipe or file)').choices(FORMATS))
    .option('--json', 'same as --format json (one compact object per line for several inputs)')
    .addOption(new Option('--input-format <format>', 'how to read the input (jsonl, warc: batch archives)').choices(['auto', 'text', 'html', 'jsonl', 'warc']).default('auto'))
    .addOption(new Option('--favor <mode>', 'precision/recall dial').choices(['balanced', 'precision', 'recall']).default('balanced'))
    .option('--with-meta', 'text format: add subheadline, byline, dateline, captions and photo credits')
    .option('--explain', 'annotate format: show the reasons for each role (implies --format annotate)')
    .option('--max-bytes <n>', `refuse inputs larger than n bytes (k/M/G suffixes; default ${DEFAULTS.maxBytes})`, parseSize)
    .option('--encoding <name>', 'character encoding to assume when the input declares none')
    .option('-q, --quiet', 'do not print warnings (errors are still reported)')
    .option('--debug', 'print stack traces with errors')
    .option('--name <name>', 'source.name for standard input (default "-")'))
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', EXAMPLES);
}

/** Thrown for option combinations commander cannot check by itself. */
class UsageError extends Error {}

function resolveFormat(program: Command, opts: CliOptions, inputCount: number, stdoutIsTTY: boolean): Format {
  const explicit = program.getOptionValueSource('format') === 'cli';
  // No --format: text to read on a terminal, JSON when the output goes to a pipe or a file
  // (`newsclean page.html | jq -r .headline`).
  let format: Format = explicit && opts.format !== undefined ? opts.format : stdoutIsTTY || opts.withMeta ? 'text' : 'json';
  if (opts.json) {
    if (explicit && format !== 'json') throw new UsageError(`--json conflicts with --format ${format}`);
    format = 'json';
  }
  if (opts.explain) {
    if (explicit && format !== 'annotate') throw new UsageError(`--explain works with --format annotate, not ${format}`);
    if (opts.json) throw new UsageError('--explain works with --format annotate, not --json');
    format = 'annotate';
  }
  if (opts.withMeta && format !== 'text' && format !== 'markdown') {
    throw new UsageError(`--with-meta works with the text and markdown formats (${format} always has every field)`);
  }
  // Several JSON documents: one compact object per line, so the output stays parseable.
  if (format === 'json' && inputCount > 1) format = 'ndjson';
  return format;
}

/** One line on stderr, `newsclean: <input>: <message>`, plus the stack with --debug. */
function failureLine(name: string | null, failure: Failure, debug: boolean): string {
  const prefix = name === null ? 'newsclean: ' : `newsclean: ${displayName(name)}: `;
  const oneLine = failure.message.replace(/\s*\n\s*/g, ' ');
  let line = `${prefix}${oneLine}\n`;
  if (debug && failure.cause instanceof Error && failure.cause.stack) line += `${failure.cause.stack}\n`;
  return line;
}

/**
 * Run the command line. `argv` holds the user's arguments only (`process.argv.slice(2)`).
 * @returns The exit code.
 */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const program = createProgram();
  program.exitOverride();
  program.configureOutput({
    writeOut: (s) => void io.stdout.write(s),
    writeErr: (s) => void io.stderr.write(s),
    outputError: (s, write) => {
      const text = s.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
      write(`newsclean: ${text} (see newsclean --help)\n`);
    },
  });

  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : ERROR_CODES.USAGE;
    throw err;
  }

  const opts = program.opts<CliOptions>();
  const inputs = program.args.length === 0 ? ['-'] : [...program.args];
  let format: Format;
  try {
    if (program.args.length === 0 && stdinIsTTY(io) && program.opts().filesFrom === undefined) {
      throw new UsageError('no input: give a file, or pipe text into newsclean');
    }
    if (inputs.filter((i) => i === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
    if (opts.name !== undefined && !inputs.includes('-')) throw new UsageError('--name names standard input, which is not among the inputs');
    format = resolveFormat(program, opts, inputs.length, stdoutIsTTY(io));
    if (opts.encoding !== undefined && normalizeLabel(opts.encoding) === null) {
      throw new UsageError(`unknown encoding '${opts.encoding}' for --encoding`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`newsclean: ${err.message} (see newsclean --help)\n`);
      return ERROR_CODES.USAGE;
    }
    throw err;
  }

  // Directories, globs, archives, batch options, JSONL on stdin: the batch layer (src/cli/batch.ts).
  const plan = await planBatch(program, inputs, format, io);
  if (plan.batch) return runBatchCli(program, inputs, format, plan.stdin, io);
  // (Not `{ ...io }`: spreading would call its getters, and make the streams.)
  const stdin = plan.stdin;

  const settings: ProcessSettings = {
    format,
    inputFormat: opts.inputFormat,
    favor: opts.favor,
    withMeta: opts.withMeta ?? false,
    explain: opts.explain ?? false,
    ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
    ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}),
    // Only the annotate format colours (the bundled CLI then loads chalk: scripts/bundle.mjs).
    ...(format === 'annotate' ? { chalk: chalkFor(io.env, stdoutIsTTY(io)) } : {}),
  };
  const maxBytes = opts.maxBytes ?? DEFAULTS.maxBytes;
  // A terminal gets the stream (Node writes it as the platform needs: a Windows console takes
  // UTF-16); a pipe or a file, the descriptor.
  const out: OutputSink = io.fds && !io.fds.stdoutIsTTY ? io.fds.output() : new Output(io.stdout);
  const headers = inputs.length > 1 && (format === 'text' || format === 'markdown' || format === 'annotate');
  const codes: number[] = [];
  let written = 0;

  for (const input of inputs) {
    if (out.closed) break;
    const name = input === '-' ? (opts.name ?? '-') : input;
    let result: ProcessResult;
    try {
      const bytes = input === '-' ? await readStreamInput(stdin ?? stdinBytes(io), name, maxBytes) : await readFileInput(input, maxBytes);
      result = processOne({ name, bytes }, settings);
    } catch (err) {
      const failure = toFailure(err, name);
      io.stderr.write(failureLine(name, failure, opts.debug ?? false));
      codes.push(failure.exitCode);
      continue;
    }
    if (!opts.quiet) {
      for (const w of result.warnings) {
        const text = messageWithoutName(w, name).replace(/\s*\n\s*/g, ' ');
        io.stderr.write(`newsclean: ${displayName(name)}: warning: ${text}\n`);
      }
    }
    if (result.output.length > 0 || (headers && result.article)) {
      if (headers) await out.write(`${written > 0 ? '\n' : ''}==> ${displayName(name)} <==\n`);
      await out.write(result.output);
      written++;
    }
    if (result.failure) io.stderr.write(failureLine(name, result.failure, opts.debug ?? false));
    codes.push(result.exitCode);
  }
  if (out.failure) {
    io.stderr.write(`newsclean: cannot write output (${out.failure.message})\n`);
    // No input is at fault, so none of the input codes fits: report a plain failure.
    codes.push(1);
  }
  return combineExitCodes(codes);
}
