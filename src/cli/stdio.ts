/**
 * The process's standard input and output as file descriptors, for the single-document CLI.
 *
 * `process.stdout` and `process.stdin` are streams Node makes on first access, and making one
 * loads Node's stream machinery (and `node:net` for a pipe, `node:tty` for a terminal): 2 to 5 ms
 * of a start-up of about 90. One document read whole and one output written whole need none of
 * it: this module reads and writes the descriptors directly, synchronously, and hands over to the
 * streams only where they are needed: a terminal, a descriptor in non-blocking mode (EAGAIN), and
 * batch mode, whose workers need the event loop free while input trickles in.
 */
import { fstatSync, readSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The part of `node:fs`'s errors this module looks at. */
const codeOf = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | null)?.code;

/**
 * `fd` is a terminal. fstat answers for pipes, files and sockets, and Linux's memory devices
 * (`/dev/null`, `/dev/zero`: major number 1) without loading `node:tty`; any other character device
 * is asked to `tty.isatty`.
 */
export function isTerminal(fd: number): boolean {
  let stat;
  try {
    stat = fstatSync(fd);
  } catch {
    return false; // closed: not a terminal
  }
  if (!stat.isCharacterDevice()) return false;
  if (process.platform === 'linux' && Math.floor(stat.rdev / 256) % 4096 === 1) return false;
  const tty = createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  return tty.isatty(fd);
}

/** Where output goes: the interface of `Output` (src/cli/io.ts) and of {@link FdOutput}. */
export interface OutputSink {
  /** The reader went away (EPIPE), or writing failed: later writes are dropped. */
  readonly closed: boolean;
  /** An error other than a closed pipe, if writing met one. */
  readonly failure: Error | null;
  write(text: string | Uint8Array): Promise<void>;
}

/**
 * Writes to a file descriptor with `writeSync` (partial writes continued, EINTR retried). A reader
 * that went away (EPIPE) closes it quietly. A descriptor in non-blocking mode (EAGAIN: its reader
 * is behind) is handed to the stream `fallback()` makes, with what was not written yet, since only
 * a stream can wait for it without spinning.
 */
export class FdOutput implements OutputSink {
  #closed = false;
  #failure: Error | null = null;
  #stream: OutputSink | null = null;

  constructor(
    private readonly fd: number,
    private readonly fallback: () => OutputSink,
  ) {}

  get closed(): boolean {
    return this.#stream?.closed ?? this.#closed;
  }

  get failure(): Error | null {
    return this.#stream?.failure ?? this.#failure;
  }

  async write(text: string | Uint8Array): Promise<void> {
    if (this.#stream !== null) return this.#stream.write(text);
    if (this.#closed || text.length === 0) return;
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    let at = 0;
    while (at < bytes.length) {
      try {
        at += writeSync(this.fd, bytes, at, bytes.length - at);
      } catch (err) {
        const code = codeOf(err);
        if (code === 'EINTR') continue;
        if (code === 'EAGAIN') {
          this.#stream = this.fallback();
          return this.#stream.write(bytes.subarray(at));
        }
        this.#closed = true;
        if (code !== 'EPIPE') this.#failure = err instanceof Error ? err : new Error(String(err));
        return;
      }
    }
  }
}

const READ_CHUNK = 1 << 16;

/**
 * Standard input read from its descriptor with `readSync`, as chunks of bytes. It hands over to the
 * stream `fallback()` makes (and keeps reading through it) when the descriptor is in non-blocking
 * mode (EAGAIN), or once {@link useStream} is called: batch mode, where reading must not block the
 * event loop. Bytes already read are never read again: both read the descriptor from where it is.
 */
export class FdInput implements AsyncIterable<Uint8Array> {
  #stream = false;

  constructor(
    private readonly fd: number,
    private readonly fallback: () => AsyncIterable<Uint8Array>,
  ) {}

  /** Read the rest through the stream. */
  useStream(): void {
    this.#stream = true;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (;;) {
      if (this.#stream) {
        yield* this.fallback();
        return;
      }
      const chunk = Buffer.allocUnsafe(READ_CHUNK);
      let n: number;
      try {
        n = readSync(this.fd, chunk, 0, READ_CHUNK, null);
      } catch (err) {
        const code = codeOf(err);
        if (code === 'EINTR') continue;
        if (code === 'EAGAIN') {
          this.#stream = true;
          continue;
        }
        if (code === 'EOF') return; // Windows: the writer closed the pipe
        throw err;
      }
      if (n === 0) return;
      yield chunk.subarray(0, n);
    }
  }
}
