/**
 * Process entry point (run by bin/newsclean.js, bundled): run the CLI on the process's streams and
 * set `process.exitCode`. A reader that goes away (`newsclean big.txt | head -1`) ends the run
 * quietly; anything unexpected is one line on stderr (the stack with --debug).
 */
import { Output } from './io.js';
import { run, type CliIO } from './program.js';
import { FdInput, FdOutput, isTerminal } from './stdio.js';

// The V8 flags the CLI runs under (regexes compiled straight to machine code, a larger interrupt
// budget) are set by bin/newsclean.js before any of this code is compiled: set here, after the
// imports had run, one of them crashed V8 now and then.

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
