/**
 * Standard input as a batch source: JSONL (one document per line) or one document. Detection
 * peeks at the start of the stream: JSONL when the first non-blank byte is `{` and the first line
 * parses as a JSON object with a document field. Light on purpose: the CLI uses `sniffJsonl`
 * before deciding to load the rest of the batch code.
 */
import { AUTO_FIELDS } from '../process.js';
import { prepend } from './streams.js';

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export interface Sniffed {
  /** True when the stream starts like JSONL. */
  jsonl: boolean;
  /** The whole stream, including the bytes read while sniffing. */
  stream: AsyncIterable<Uint8Array>;
}

/** Does this first line look like a JSONL record with a document field? */
export function isJsonlRecord(line: string, field?: string): boolean {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return false;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(o, k) && typeof o[k] === 'string';
  return field !== undefined ? has(field) : AUTO_FIELDS.some(has);
}

/** Peek at a stream (at most `limit` bytes) to tell JSONL from a single document. */
export async function sniffJsonl(input: AsyncIterable<Uint8Array>, limit: number, field?: string): Promise<Sniffed> {
  const it = input[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let total = 0;
  let first = -1; // first non-blank byte, as index into the concatenation
  let firstByte = -1;
  let lineEnd = -1;
  while (total <= limit) {
    const r = await it.next();
    if (r.done) break;
    const chunk = r.value;
    head.push(chunk);
    if (first < 0) {
      for (let i = 0; i < chunk.length; i++) {
        if (!WS.has(chunk[i]!)) {
          first = total + i;
          firstByte = chunk[i]!;
          break;
        }
      }
      if (first >= 0 && firstByte !== 0x7b) {
        total += chunk.length;
        break;
      }
    }
    if (first >= 0) {
      const from = Math.max(0, first - total);
      const nl = chunk.indexOf(0x0a, from);
      if (nl >= 0) {
        lineEnd = total + nl;
        total += chunk.length;
        break;
      }
    }
    total += chunk.length;
  }
  const stream = prepend(head, it);
  if (firstByte !== 0x7b) return { jsonl: false, stream };
  const all = Buffer.concat(head);
  const line = all.subarray(first, lineEnd >= 0 ? lineEnd : all.length).toString('utf8');
  return { jsonl: isJsonlRecord(line, field), stream };
}
