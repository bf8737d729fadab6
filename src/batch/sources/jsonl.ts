/**
 * JSONL / NDJSON source: one document per line. Lines are split as bytes and parsed in the worker
 * (JSON.parse is the costly part, so it runs in parallel); a malformed line becomes a BAD_RECORD
 * error there, a line over the size limit a TOO_LARGE error here.
 */
import type { BatchDoc } from '../types.js';
import { splitLines } from './streams.js';

export async function* jsonlDocs(
  name: string,
  relPath: string | undefined,
  stream: AsyncIterable<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<BatchDoc> {
  let lastLine = 0;
  try {
    for await (const l of splitLines(stream, maxBytes)) {
      lastLine = l.line;
      const base: BatchDoc = { name, line: l.line };
      if (relPath !== undefined) base.relPath = relPath;
      if (l.bytes) yield { ...base, bytes: l.bytes, jsonl: true };
      else
        yield {
          ...base,
          error: { code: 'TOO_LARGE', message: `${name}:${l.line}: line is longer than the limit of ${maxBytes} bytes` },
        };
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const where = lastLine === 0 ? '' : ` after line ${lastLine}`;
    const doc: BatchDoc = {
      name,
      error: { code: 'UNREADABLE', message: `${name}: cannot read${where} (${e.message})` },
    };
    if (lastLine > 0) doc.line = lastLine + 1;
    yield doc;
  }
}
