/**
 * Reading inputs (files and stdin, as bytes) and writing output that tolerates a closed pipe.
 * Read errors become {@link NewscleanError}s: UNREADABLE (exit 3) or TOO_LARGE (exit 5).
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { NewscleanError } from '../errors.js';
import type { OutputSink } from './stdio.js';

/** The name a user sees for an input: the path, or `(stdin)` for `-`. */
export function displayName(name: string): string {
  return name === '-' ? '(stdin)' : name;
}

/** `ENOENT: no such file or directory, open 'x'` → `ENOENT: no such file or directory`. */
export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const m = /^([A-Z][A-Z0-9_]+): (.*?)(?:, \w+ '.*')?$/s.exec(message);
  if (m) return `${m[1]}: ${m[2]}`;
  return e?.code ? `${e.code}: ${message}` : message;
}

function tooLarge(name: string, detail: string, maxBytes: number): NewscleanError {
  return new NewscleanError('TOO_LARGE', `${name}: input is ${detail} bytes, over the limit of ${maxBytes}`, name);
}

/**
 * Read a file whole, as bytes. Files over `maxBytes` are refused from their size, unread.
 * Synchronous inside: the CLI reads one input at a time anyway, and a run that reads its files
 * this way never starts libuv's thread pool (each asynchronous file operation is a round trip
 * through it, which on a busy machine waits for a thread to be scheduled).
 * @throws NewscleanError UNREADABLE (missing, permission, directory, I/O) or TOO_LARGE.
 */
export async function readFileInput(path: string, maxBytes: number): Promise<Uint8Array> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new NewscleanError('UNREADABLE', `${path}: cannot read (${describeFsError(err)})`, path, { cause: err });
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) {
      throw new NewscleanError('UNREADABLE', `${path}: cannot read (EISDIR: illegal operation on a directory)`, path);
    }
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge(path, String(stat.size), maxBytes);
    const bytes = readFileSync(fd);
    if (bytes.length > maxBytes) throw tooLarge(path, String(bytes.length), maxBytes);
    return bytes;
  } catch (err) {
    if (err instanceof NewscleanError) throw err;
    throw new NewscleanError('UNREADABLE', `${path}: cannot read (${describeFsError(err)})`, path, { cause: err });
  } finally {
    try {
      closeSync(fd);
    } catch {
      // nothing to do: the bytes are read
    }
  }
}

/**
 * Read a stream to its end, as bytes; stops as soon as more than `maxBytes` arrived.
 * @throws NewscleanError UNREADABLE (stream error) or TOO_LARGE.
 */
export async function readStreamInput(stream: AsyncIterable<Uint8Array | string>, name: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      total += buf.length;
      if (total > maxBytes) throw tooLarge(name, `more than ${maxBytes}`, maxBytes);
      chunks.push(buf);
    }
  } catch (err) {
    if (err instanceof NewscleanError) throw err;
    throw new NewscleanError('UNREADABLE', `${name}: cannot read (${describeFsError(err)})`, name, { cause: err });
  }
  return Buffer.concat(chunks, total);
}

/**
 * Writes to stdout with backpressure, and notices when the reader went away (EPIPE: `| head`):
 * from then on `closed` is true and writes are dropped, so the CLI can stop quietly.
 */
export class Output implements OutputSink {
  closed = false;
  /** An error other than a closed pipe, if the stream reported one. */
  failure: Error | null = null;

  constructor(private readonly stream: NodeJS.WritableStream) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED' || err.code === 'ECONNRESET') {
        this.closed = true;
      } else {
        this.failure = err;
        this.closed = true;
      }
    });
  }

  /** Write `text`; resolves once the stream can take more (or is gone). */
  async write(text: string | Uint8Array): Promise<void> {
    if (this.closed || text.length === 0) return;
    const ok = this.stream.write(text);
    if (ok) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.removeListener('drain', done);
        this.stream.removeListener('error', done);
        this.stream.removeListener('close', done);
        resolve();
      };
      this.stream.once('drain', done);
      this.stream.once('error', done);
      this.stream.once('close', done);
    });
  }
}
