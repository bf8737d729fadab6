/**
 * Process entry point (run by bin/newsclean.js, bundled): run the CLI on the process's streams and
 * set `process.exitCode`. A reader that goes away (`newsclean big.txt | head -1`) ends the run
 * quietly; anything unexpected is one line on stderr (the stack with --debug).
 */
import { setFlagsFromString } from 'node:v8';
import { Output } from './io.js';
import { run, type CliIO } from './program.js';
import { FdInput, FdOutput, isTerminal } from './stdio.js';

// Regexes are compiled lazily, at their first exec. V8 normally interprets a new regex first and
// compiles it to machine code once it is hot; the pattern tables are hot from the first document,
// so that means compiling each twice. Compiling straight to machine code cut the seed's cold start
// from 267 to 195 ms and made batch extraction ~9% faster. Re-measured once the pattern tables ran
// only the rows a line can match (src/patterns/table.ts) and the CLI was bundled: still the best
// trade for start-up, ahead of the default tier-up and of tier-up after 10 or 50 executions (seed:
// ~160 ms of user CPU against ~180 ms for both); throughput is now the same either way. (Set
// before any regex runs; workers inherit the process's V8 flags.)
setFlagsFromString('--no-regexp-tier-up');

let stdoutStream: NodeJS.WriteStream | null = null;
/**
 * `process.stdout`, made on first use (see src/cli/stdio.ts). A closed pipe surfaces as an 'error'
 * event on it; swallowed here so it never becomes an uncaught exception (run() notices it too and
 * stops writing).
 */
function stdout(): NodeJS.WriteStream {
  if (stdoutStream === null) {
    stdoutStream = process.stdout;
    stdoutStream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') process.exitCode = 1;
    });
  }
  return stdoutStream;
}

/** Run the CLI on the process's arguments and streams; settles once the exit code is set. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  try {
    // The process's streams are made by Node on first access (loading its stream machinery, and
    // node:net for a pipe): a single document reads and writes file descriptors 0 and 1 instead
    // (src/cli/stdio.ts), and a run that prints no warning never makes stderr.
    let stdinTTY: boolean | undefined;
    let stdoutTTY: boolean | undefined;
    const io: CliIO = {
      get stdin() {
        return process.stdin;
      },
      get stdout() {
        return stdout();
      },
      get stderr() {
        return process.stderr;
      },
      env: process.env,
      fds: {
        get stdinIsTTY() {
          return (stdinTTY ??= isTerminal(0));
        },
        get stdoutIsTTY() {
          return (stdoutTTY ??= isTerminal(1));
        },
        input: () => new FdInput(0, () => process.stdin),
        output: () => new FdOutput(1, () => new Output(stdout())),
      },
    };
    process.exitCode = await run(argv, io);
  } catch (err) {
    const debug = argv.includes('--debug');
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`newsclean: internal error: ${message}${debug ? '' : ' (run with --debug for the stack trace)'}\n`);
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 1;
  }
}

// No top-level await: the same module is also bundled as CommonJS (scripts/bundle.mjs, dist/bin/cli.cjs).
// main() never rejects.
void main();
