/**
 * Refusing binary input: magic numbers of common binary formats, and NUL bytes early in the input
 * (git and grep take one NUL byte for binary data; here they must make up 1% of the first 8 KB, see
 * {@link NUL_BINARY_SHARE}). UTF-16 text is full of NUL bytes, so callers skip the NUL test once
 * the input is known to be UTF-16.
 */

/** How far into the input NUL bytes count as evidence of binary data. */
export const NUL_WINDOW = 8192;

/** One binary format, recognised by the bytes it starts with (`null` matches any byte). */
export interface Magic {
  name: string;
  offset: number;
  bytes: ReadonlyArray<number | null>;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** Formats newsclean refuses, in the order they are tried. */
export const MAGICS: readonly Magic[] = [
  { name: 'PDF', offset: 0, bytes: ascii('%PDF-') },
  { name: 'ZIP', offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'ZIP', offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'ZIP', offset: 0, bytes: [0x50, 0x4b, 0x07, 0x08] },
  { name: 'GZIP', offset: 0, bytes: [0x1f, 0x8b] },
  { name: 'BZIP2', offset: 0, bytes: [0x42, 0x5a, 0x68, null, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59] },
  { name: 'XZ', offset: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'ZSTD', offset: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: '7-Zip', offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'RAR', offset: 0, bytes: ascii('Rar!\x1a\x07') },
  { name: 'PNG', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF', offset: 0, bytes: ascii('GIF87a') },
  { name: 'GIF', offset: 0, bytes: ascii('GIF89a') },
  { name: 'WEBP', offset: 0, bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')] },
  { name: 'WAV', offset: 0, bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WAVE')] },
  { name: 'TIFF', offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'TIFF', offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'ICO', offset: 0, bytes: [0x00, 0x00, 0x01, 0x00] },
  { name: 'MP4', offset: 4, bytes: ascii('ftyp') },
  { name: 'MP3', offset: 0, bytes: [...ascii('ID3'), null, 0x00] },
  { name: 'Ogg', offset: 0, bytes: ascii('OggS\x00') },
  { name: 'ELF', offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'Mach-O', offset: 0, bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { name: 'Mach-O', offset: 0, bytes: [0xce, 0xfa, 0xed, 0xfe] },
  { name: 'Java class', offset: 0, bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { name: 'WebAssembly', offset: 0, bytes: [0x00, 0x61, 0x73, 0x6d] },
  { name: 'Windows executable', offset: 0, bytes: [0x4d, 0x5a, null, null, null, 0x00] },
  { name: 'MS Office (OLE2)', offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'SQLite', offset: 0, bytes: ascii('SQLite format 3\x00') },
];

/** The binary format `bytes` starts with, or null. */
export function sniffMagic(bytes: Uint8Array): string | null {
  for (const m of MAGICS) {
    if (bytes.length < m.offset + m.bytes.length) continue;
    let ok = true;
    for (let i = 0; i < m.bytes.length; i++) {
      const want = m.bytes[i];
      if (want !== null && bytes[m.offset + i] !== want) {
        ok = false;
        break;
      }
    }
    if (ok) return m.name;
  }
  return null;
}

/**
 * The share of NUL bytes in the first {@link NUL_WINDOW} bytes (or the whole input, when shorter)
 * at which the input is binary. Binary data is full of zero bytes; text is not, but a stray NUL
 * does turn up in scraped text (a converter passing one through from the page, a database
 * export): one NUL in a page is removed with a warning, not the whole page refused.
 */
export const NUL_BINARY_SHARE = 0.01;

/** NUL bytes in the first {@link NUL_WINDOW} bytes, or NUL characters in the first as many characters. */
export function earlyNuls(input: string | Uint8Array): number {
  let count = 0;
  if (typeof input === 'string') {
    for (let i = input.indexOf('\u0000'); i !== -1 && i < NUL_WINDOW; i = input.indexOf('\u0000', i + 1)) count++;
  } else {
    const head = input.subarray(0, NUL_WINDOW);
    for (let i = head.indexOf(0); i !== -1; i = head.indexOf(0, i + 1)) count++;
  }
  return count;
}

/** Whether `nuls` NUL characters or bytes among the first `length` (up to {@link NUL_WINDOW}) make the input binary. */
export function binaryNuls(nuls: number, length: number): boolean {
  return nuls > 0 && nuls >= NUL_BINARY_SHARE * Math.min(length, NUL_WINDOW);
}

/** Zero bytes the NUL pattern needs (ASCII characters of UTF-16 without a BOM) before it counts. */
const UTF16_MIN_ZEROS = 4;

/**
 * UTF-16 without a BOM: NUL bytes sit at odd offsets only (LE) or at even offsets only (BE), as
 * they do for any text with ASCII spaces, digits or punctuation. Returns the encoding or null.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, NUL_WINDOW) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  // Text in UTF-16 has a zero high byte for every ASCII character; demand a fair share of them
  // on one side and (almost) none on the other, and a few of them at least: one NUL in a handful
  // of bytes ("junk\0\x01") is a binary scrap, not a word of UTF-16.
  const least = Math.max(UTF16_MIN_ZEROS, pairs * 0.2);
  if (odd >= least && even <= odd * 0.02) return 'utf-16le';
  if (even >= least && odd <= even * 0.02) return 'utf-16be';
  return null;
}
