/**
 * Decode step 1: the byte-order mark. A BOM is the strongest evidence of an encoding there is, so
 * it wins over every declaration.
 */

export interface Bom {
  /** iconv-lite / WHATWG name of the encoding the BOM announces. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Length of the BOM in bytes. */
  length: number;
}

/** The BOM at the start of `bytes`, or null. UTF-32 BOMs are not recognised (UTF-32 pages do not occur). */
export function detectBom(bytes: Uint8Array): Bom | null {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}
