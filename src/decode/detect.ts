/**
 * Decode step 4: statistical detection with chardet, for bytes that are neither valid UTF-8 nor
 * declared. chardet is loaded lazily: valid UTF-8 input never reaches this module's code.
 */
import { createRequire } from 'node:module';
import { normalizeLabel } from './charset.js';

type Chardet = typeof import('chardet');
let chardet: Chardet | null = null;
function loadChardet(): Chardet {
  if (chardet === null) chardet = createRequire(import.meta.url)('chardet') as Chardet;
  return chardet;
}

/** How many bytes chardet looks at: enough for its statistics, bounded for huge inputs. */
export const DETECT_WINDOW = 64 * 1024;
/** Below this confidence (0–100) a guess is not trusted and {@link FALLBACK_ENCODING} is used. */
export const MIN_CONFIDENCE = 10;
/** What undeclared, undetectable 8-bit text most often is on the web. */
export const FALLBACK_ENCODING = 'windows-1252';

export interface Detection {
  encoding: string;
  confidence: number;
}

/** The most likely encoding of `bytes` that iconv-lite can decode. */
export function detectEncoding(bytes: Uint8Array): Detection {
  const sample = bytes.length > DETECT_WINDOW ? bytes.subarray(0, DETECT_WINDOW) : bytes;
  const matches = loadChardet().analyse(sample);
  for (const m of matches) {
    if (m.confidence < MIN_CONFIDENCE) break;
    // UTF-32 and UTF-16 guesses without BOM or NUL pattern are chardet noise on 8-bit text.
    if (/^UTF-(?:16|32)/i.test(m.name)) continue;
    const name = normalizeLabel(m.name);
    if (name !== null) return { encoding: name, confidence: m.confidence };
  }
  return { encoding: FALLBACK_ENCODING, confidence: 0 };
}
