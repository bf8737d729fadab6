/**
 * Byte-stream helpers shared by the sources: open a file (gunzipping `.gz` transparently), read a
 * bounded whole document, split a stream into lines without decoding it, count bytes read.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { pipeline, Transform } from 'node:stream';
import type { Readable } from 'node:stream';

/** Chunk size for file reads. */
const READ_CHUNK = 1 << 16;

export const isGz = (path: string): boolean => /\.gz$/i.test(path);

/** Counts raw bytes read from files, for the progress line. */
export interface ByteCounter {
  read: number;
}

/**
 * Open a file as a byte stream; `.gz` files are gunzipped on the fly. `counter` sees the raw
 * (compressed) bytes. With `gunzip` false the raw bytes are given (warcio reads record-wise gzip
 * itself, and WARC record offsets are offsets in the compressed file). Errors (ENOENT, EACCES, corrupt gzip) surface when iterating.
 */
export function openFile(path: string, counter?: ByteCounter, gunzip = true): Readable {
  const raw = createReadStream(path, { highWaterMark: READ_CHUNK });
  const stages: NodeJS.ReadWriteStream[] = [];
  if (counter) {
    stages.push(
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          counter.read += chunk.length;
          done(null, chunk);
        },
      }),
    );
  }
  if (gunzip && isGz(path)) stages.push(createGunzip());
  if (stages.length === 0) return raw;
  // errors of any stage reach the consumer: pipeline destroys the last stream with them
  return pipeline(raw, ...(stages as [NodeJS.ReadWriteStream]), () => {}) as unknown as Readable;
}

/** Copy chunks into one Uint8Array that owns its ArrayBuffer (safe to transfer to a worker). */
export function concatOwned(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export type Bounded = { bytes: Uint8Array } | { tooLarge: number };

/** Read a whole stream, giving up (leaving the loop destroys the stream) once over `maxBytes`. */
export async function readBounded(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Bounded> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > maxBytes) return { tooLarge: total };
    chunks.push(chunk);
  }
  return { bytes: concatOwned(chunks, total) };
}

export interface Line {
  /** 1-based line number. */
  line: number;
  /** The line's bytes without the line break; absent when the line is too long. */
  bytes?: Uint8Array;
  /** Set instead of `bytes` when the line exceeded the limit (its bytes were discarded). */
  tooLong?: number;
}

const isBlank = (parts: Uint8Array[]): boolean => {
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) {
      const b = p[i]!;
      if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
    }
  }
  return true;
};

/**
 * Split a byte stream into lines (LF or CRLF) without decoding it; blank lines are not yielded
 * but still counted. A line longer than `maxLine` bytes is discarded while reading (memory stays
 * bounded) and reported with `tooLong`.
 */
export async function* splitLines(stream: AsyncIterable<Uint8Array>, maxLine: number): AsyncGenerator<Line> {
  let parts: Uint8Array[] = [];
  let partLen = 0;
  let overflow = 0;
  let lineNo = 0;

  function* finish(): Generator<Line> {
    lineNo++;
    if (overflow > 0) {
      const n = overflow + partLen;
      overflow = 0;
      parts = [];
      partLen = 0;
      yield { line: lineNo, tooLong: n };
      return;
    }
    let len = partLen;
    // drop a trailing CR
    const last = parts[parts.length - 1];
    if (last && last.length > 0 && last[last.length - 1] === 0x0d) {
      parts[parts.length - 1] = last.subarray(0, last.length - 1);
      len--;
    }
    const blank = isBlank(parts);
    const bytes = blank ? null : concatOwned(parts, len);
    parts = [];
    partLen = 0;
    if (bytes) yield { line: lineNo, bytes };
  }

  const add = (seg: Uint8Array): void => {
    if (overflow > 0) {
      overflow += seg.length;
      return;
    }
    if (partLen + seg.length > maxLine) {
      overflow = partLen + seg.length;
      parts = [];
      partLen = 0;
      return;
    }
    if (seg.length > 0) {
      parts.push(seg);
      partLen += seg.length;
    }
  };

  for await (const chunk of stream) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl < 0) break;
      add(chunk.subarray(start, nl));
      yield* finish();
      start = nl + 1;
    }
    if (start < chunk.length) add(chunk.subarray(start));
  }
  if (partLen > 0 || overflow > 0) yield* finish();
}

/** Prepend already-read chunks to the rest of a stream. */
export async function* prepend(head: Uint8Array[], rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* head;
  for (;;) {
    const r = await rest.next();
    if (r.done) return;
    yield r.value;
  }
}
