/**
 * Stage 1, decode: bytes → string. Refuses binary and oversized input.
 */
import { NewscleanError } from '../errors.js';
import { DEFAULTS } from '../options.js';

export interface DecodeOptions {
  name: string | null;
  encoding?: string | undefined;
  maxBytes?: number | undefined;
}

export interface Decoded {
  text: string;
  /** Size of the input in bytes. */
  bytes: number;
  /** The encoding the bytes were read as (`utf-8` for string input). */
  encoding: string;
  warnings: string[];
}

const label = (name: string | null): string => name ?? 'input';

export function decode(input: string | Uint8Array, opts: DecodeOptions): Decoded {
  const maxBytes = opts.maxBytes ?? DEFAULTS.maxBytes;
  const warnings: string[] = [];
  if (typeof input === 'string') {
    const bytes = Buffer.byteLength(input, 'utf8');
    if (bytes > maxBytes) {
      throw new NewscleanError('TOO_LARGE', `${label(opts.name)}: input is ${bytes} bytes, over the limit of ${maxBytes}`, opts.name);
    }
    return { text: input, bytes, encoding: 'utf-8', warnings };
  }
  if (input.length > maxBytes) {
    throw new NewscleanError('TOO_LARGE', `${label(opts.name)}: input is ${input.length} bytes, over the limit of ${maxBytes}`, opts.name);
  }
  const text = new TextDecoder('utf-8').decode(input);
  return { text, bytes: input.length, encoding: 'utf-8', warnings };
}
