/**
 * Batch mode of the command line: directories, globs, `--files-from`, JSONL/NDJSON, WARC, and
 * JSONL on standard input, run through the worker pool with NDJSON or `--out-dir` output.
 *
 * This module stays light: the batch machinery (globbing, warcio, worker threads) is imported
 * only once `planBatch` has decided batch mode is needed, so a single document on stdin loads
 * none of it.
 */
import { statSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULTS } from '../options.js';
import { ERROR_CODES } from '../errors.js';
import type { Format } from '../render/index.js';
import { sniffJsonl } from '../batch/sources/stdin.js';
import { stdinBytes, type CliIO } from './program.js';
import { FdInput } from './stdio.js';

/** The batch options commander hands back. */
export interface BatchCliOptions {
  jobs?: number;
  unordered?: boolean;
  outDir?: string;
  resume?: boolean;
  filesFrom?: string[];
  field?: string;
  inputFormat: string;
  favor: 'balanced' | 'precision' | 'recall';
  maxBytes?: number;
  withMeta?: boolean;
  quiet?: boolean;
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError('expected a whole number from 1 to 256.');
  return n;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Add the batch options to the program. */
export function addBatchOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-j, --jobs <n>', 'batch: worker threads (default: available CPUs)').argParser(parseJobs))
    .option('--unordered', 'batch: write records as they finish, not in input order')
    .option('--out-dir <dir>', 'batch: write one file per input below dir (json, text or markdown)')
    .option('--resume', 'batch, with --out-dir: skip inputs whose output file exists')
    .option('--files-from <file>', 'batch: read input paths from file, one per line (- = stdin)', collect)
    .option('--field <name>', 'JSONL: the field holding the document (default: html, content, text, markdown, body or raw)');
}

/** File names read as archives (several documents each). */
const ARCHIVE = /\.(jsonl|ndjson|warc)(\.gz)?$/i;
const GLOB_CHARS = /[*?[\]{}]/;

/** What the command line asks for. */
export type Plan =
  | { batch: false; stdin?: AsyncIterable<Uint8Array> }
  | { batch: true; stdin?: AsyncIterable<Uint8Array> };

/**
 * Decide whether this run is a batch: batch options, directories, globs, archives, a forced
 * `--input-format jsonl|warc`, or JSONL on standard input with `--format ndjson|json`.
 * When stdin was peeked at, the returned `stdin` replaces the original stream.
 */
export async function planBatch(program: Command, inputs: string[], format: Format, io: CliIO): Promise<Plan> {
  const o = program.opts<BatchCliOptions>();
  const explicit = (name: string): boolean => program.getOptionValueSource(name) === 'cli';
  if (
    explicit('jobs') ||
    o.unordered ||
    o.outDir !== undefined ||
    o.resume ||
    o.filesFrom !== undefined ||
    o.inputFormat === 'jsonl' ||
    o.inputFormat === 'warc'
  ) {
    return { batch: true, stdin: io.stdin as unknown as AsyncIterable<Uint8Array> };
  }
  for (const input of inputs) {
    if (input === '-') continue;
    if (ARCHIVE.test(input)) return { batch: true };
    try {
      if (statSync(input).isDirectory()) return { batch: true };
    } catch {
      if (GLOB_CHARS.test(input)) return { batch: true };
    }
  }
  if (inputs.includes('-') && (format === 'ndjson' || format === 'json') && o.inputFormat === 'auto') {
    const input = stdinBytes(io) as AsyncIterable<Uint8Array>;
    const sniffed = await sniffJsonl(input, o.maxBytes ?? DEFAULTS.maxBytes, o.field);
    if (!sniffed.jsonl) return { batch: false, stdin: sniffed.stream };
    // Batch: the rest is read without blocking the event loop (the workers' results are written as
    // they come while the input trickles in).
    if (input instanceof FdInput) input.useStream();
    return { batch: true, stdin: sniffed.stream };
  }
  return { batch: false };
}

/** Run the batch; returns the exit code. */
export async function runBatchCli(program: Command, given: string[], format: Format, stdin: AsyncIterable<Uint8Array> | undefined, io: CliIO): Promise<number> {
  const o = program.opts<BatchCliOptions>();
  // no arguments means stdin, unless the inputs come from --files-from
  const inputs = program.args.length === 0 && o.filesFrom !== undefined ? [] : given;
  const formatExplicit = program.getOptionValueSource('format') === 'cli' || program.getOptionValueSource('json') === 'cli';
  let mode: 'ndjson' | 'json' | 'text' | 'markdown';
  const usage = (msg: string): number => {
    io.stderr.write(`newsclean: ${msg} (see newsclean --help)\n`);
    return ERROR_CODES.USAGE;
  };
  if (format === 'annotate') return usage('--format annotate works on single documents, not in batch mode');
  if (o.outDir !== undefined) {
    // One file per input, JSON unless --format says otherwise (whatever stdout is).
    mode = !formatExplicit || format === 'ndjson' ? 'json' : format;
  } else {
    if (o.resume) return usage('--resume needs --out-dir');
    if (formatExplicit && format !== 'ndjson' && format !== 'json') {
      return usage(`batch output on stdout is NDJSON; use --format ndjson, or --out-dir for ${format} files`);
    }
    mode = 'ndjson';
  }
  const usesStdin = inputs.includes('-') || (o.filesFrom ?? []).includes('-');
  if (inputs.filter((i) => i === '-').length + (o.filesFrom ?? []).filter((f) => f === '-').length > 1) {
    return usage('standard input (-) can be read only once');
  }

  const { runBatch } = await import('../batch/run.js');
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = (): void => {
    interrupts++;
    if (interrupts > 1) process.exit(130); // second Ctrl-C: leave now
    controller.abort();
    if (usesStdin) (io.stdin as unknown as { destroy?: () => void }).destroy?.();
  };
  process.on('SIGINT', onSigint);
  const container = o.inputFormat === 'jsonl' ? 'jsonl' : o.inputFormat === 'warc' ? 'warc' : 'auto';
  const inputFormat = o.inputFormat === 'text' || o.inputFormat === 'html' ? o.inputFormat : 'auto';
  try {
    const report = await runBatch({
      inputs,
      filesFrom: o.filesFrom ?? [],
      ...(usesStdin ? { stdin: stdin ?? (io.stdin as unknown as AsyncIterable<Uint8Array>) } : {}),
      stdout: io.stdout as unknown as NodeJS.WritableStream & import('node:stream').Writable,
      stderr: io.stderr as unknown as import('node:stream').Writable & { isTTY?: boolean },
      config: {
        mode,
        inputFormat,
        favor: o.favor,
        maxBytes: o.maxBytes ?? DEFAULTS.maxBytes,
        withMeta: o.withMeta ?? false,
        ...(o.field !== undefined ? { field: o.field } : {}),
      },
      ...(o.outDir !== undefined ? { outDir: o.outDir } : {}),
      resume: o.resume ?? false,
      ...(o.jobs !== undefined ? { jobs: o.jobs } : {}),
      ordered: !o.unordered,
      container,
      quiet: o.quiet ?? false,
      signal: controller.signal,
    });
    if (!report.gone && (!o.quiet || report.interrupted)) io.stderr.write(`${report.summary}\n`);
    return report.exitCode;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
