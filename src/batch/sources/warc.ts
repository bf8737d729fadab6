/**
 * WARC / WARC.gz source (warcio): yields the HTML bodies of `response` records, named by their
 * WARC-Target-URI, with the HTTP Content-Type charset as encoding hint and the record's byte
 * offset. Other records (warcinfo, request, metadata, revisit), non-HTML and non-2xx responses
 * are yielded as skipped documents so the batch counts them.
 */
import { WARCParser } from 'warcio';
import type { BatchDoc } from '../types.js';

/** Content types read as HTML. */
const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\b/i;

/** The charset parameter of a Content-Type header, if any. */
export function charsetOf(contentType: string | null | undefined): string | undefined {
  const m = contentType ? /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType) : null;
  return m ? m[1] : undefined;
}

type Rec = Awaited<ReturnType<WARCParser['parse']>> & object;

/** The record's remaining byte budget: above 0 after reading means the file ended early. */
function checkComplete(rec: Rec): void {
  const left = (rec._reader as { limit?: number }).limit;
  if (typeof left === 'number' && left > 0) throw new Error(`record truncated, ${left} bytes missing`);
}

/**
 * Read a record's rest ourselves instead of letting warcio skip it: warcio's skip loops forever
 * when the file ends inside a record.
 */
async function drain(rec: Rec): Promise<void> {
  for await (const _ of rec._reader) {
    /* discard */
  }
  checkComplete(rec);
}

export async function* warcDocs(
  file: string,
  relPath: string | undefined,
  stream: AsyncIterable<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<BatchDoc> {
  // raw bytes handed to warcio, to notice a truncated last gzip member (warcio ends silently)
  let rawBytes = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of stream) {
      rawBytes += chunk.length;
      yield chunk;
    }
  }
  const parser = new WARCParser(counted());
  let offset = 0;
  try {
    for await (const rec of parser) {
      offset = parser.offset;
      if (!rec.warcHeaders.statusline.startsWith('WARC/')) {
        throw new Error(`not a WARC record (${JSON.stringify(rec.warcHeaders.statusline.slice(0, 40))})`);
      }
      const name = rec.warcTargetURI ?? `${file}@${offset}`;
      const base: BatchDoc = { name, record: offset, extra: Object.assign(Object.create(null), { warc: file }) };
      if (relPath !== undefined) base.relPath = relPath;
      const http = rec.httpHeaders;
      const type = http?.headers.get('content-type') ?? null;
      const status = Number(http?.statusCode);
      let skip: string | null = null;
      if (rec.warcType !== 'response') skip = `${rec.warcType} record`;
      else if (!type || !HTML_TYPE.test(type)) skip = `not HTML (${type ?? 'no content type'})`;
      else if (!(status >= 200 && status < 300)) skip = `HTTP status ${String(http?.statusCode)}`;
      if (skip !== null || rec.warcContentLength > maxBytes) {
        await drain(rec);
        if (skip !== null) yield { ...base, skip };
        else
          yield {
            ...base,
            error: { code: 'TOO_LARGE', message: `${name}: record is ${rec.warcContentLength} bytes, over the limit of ${maxBytes}` },
          };
        continue;
      }
      // readFully(true) undoes chunked transfer and content encodings; copy so the worker
      // can take ownership of the buffer
      const body = new Uint8Array(await rec.readFully(true));
      checkComplete(rec);
      const doc: BatchDoc = { ...base, bytes: body };
      const charset = charsetOf(type);
      if (charset) doc.encoding = charset;
      yield doc;
    }
    const reader = (parser as unknown as { _reader: { compressed: string | null; getRawOffset(): number } })._reader;
    if (reader.compressed && reader.getRawOffset() < rawBytes) {
      throw new Error(`truncated or corrupt gzip member at offset ${reader.getRawOffset()}`);
    }
  } catch (err) {
    const e = err as Error;
    yield {
      name: file,
      record: offset,
      error: { code: 'UNREADABLE', message: `${file}: cannot read the WARC record at offset ${offset} (${e.message})` },
    };
  }
}
