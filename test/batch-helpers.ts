/**
 * Helpers for the batch tests: temp dirs, real WARC/1.0 records (optionally gzipped one member
 * per record, as .warc.gz files are), and capture streams.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll } from 'vitest';

const made: string[] = [];
/** A fresh directory under the system temp dir, removed when the test file's tests are done. */
export const tempDir = (tag: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `newsclean-${tag}-`));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

let recordNo = 0;

/** One WARC/1.0 record; `block` is the record content (for response records: HTTP headers + body). */
export function warcRecord(type: string, uri: string | null, block: Buffer, contentType: string): Buffer {
  const headers = [
    'WARC/1.0',
    `WARC-Type: ${type}`,
    `WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(++recordNo).padStart(12, '0')}>`,
    'WARC-Date: 2024-05-01T12:00:00Z',
    ...(uri ? [`WARC-Target-URI: ${uri}`] : []),
    `Content-Type: ${contentType}`,
    `Content-Length: ${block.length}`,
  ];
  return Buffer.concat([Buffer.from(`${headers.join('\r\n')}\r\n\r\n`, 'latin1'), block, Buffer.from('\r\n\r\n')]);
}

/** An HTTP response record. */
export function warcResponse(uri: string, status: number, contentType: string, body: Buffer | string): Buffer {
  const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const http = Buffer.concat([
    Buffer.from(`HTTP/1.1 ${status} X\r\nContent-Type: ${contentType}\r\nContent-Length: ${b.length}\r\n\r\n`, 'latin1'),
    b,
  ]);
  return warcRecord('response', uri, http, 'application/http; msgtype=response');
}

export function warcRequest(uri: string): Buffer {
  return warcRecord('request', uri, Buffer.from(`GET / HTTP/1.1\r\nHost: x\r\n\r\n`), 'application/http; msgtype=request');
}

export function warcInfo(): Buffer {
  return warcRecord('warcinfo', null, Buffer.from('software: newsclean-test\r\n'), 'application/warc-fields');
}

/** Concatenate records into a WARC file's bytes; with `gzip`, one gzip member per record. Returns
 * the bytes and each record's offset in the file. */
export function warcFile(records: Buffer[], gzip = false): { bytes: Buffer; offsets: number[] } {
  const parts = gzip ? records.map((r) => gzipSync(r)) : records;
  const offsets: number[] = [];
  let at = 0;
  for (const p of parts) {
    offsets.push(at);
    at += p.length;
  }
  return { bytes: Buffer.concat(parts), offsets };
}

/** A writable that keeps what it gets. */
export class Capture extends Writable {
  chunks: string[] = [];
  override _write(chunk: Buffer, _enc: string, cb: () => void): void {
    this.chunks.push(chunk.toString('utf8'));
    cb();
  }
  get text(): string {
    return this.chunks.join('');
  }
  lines(): string[] {
    return this.text.split('\n').filter((l) => l !== '');
  }
}

/** An HTML page with a real article body. */
export function articleHtml(title: string, paragraphs = 5): string {
  const body = Array.from(
    { length: paragraphs },
    (_, i) =>
      `<p>Paragraph ${i + 1} of the story about ${title}: the council met on Tuesday and agreed, after a long debate, that the new bridge would be built next spring with money from the regional budget.</p>`,
  ).join('\n');
  return `<!doctype html><html><head><title>${title}</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>${title}</h1>${body}</article><footer>© 2024 Example News</footer></body></html>`;
}
