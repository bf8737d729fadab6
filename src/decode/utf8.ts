/**
 * UTF-8 validity. `isUtf8` and `isAscii` (native, from node:buffer) answer the common case fast; when it says
 * no, {@link utf8Stats} tells "UTF-8 with a few broken bytes" from "some other encoding".
 */
import { isAscii as nativeIsAscii, isUtf8 } from 'node:buffer';

export function isValidUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes);
}

/** True when every byte is below 0x80. */
export function isAscii(bytes: Uint8Array): boolean {
  return nativeIsAscii(bytes);
}

export interface Utf8Stats {
  /** Well-formed multi-byte sequences. */
  valid: number;
  /** Bytes that start no well-formed sequence. */
  invalid: number;
}

/** Count well-formed multi-byte sequences and stray bytes (RFC 3629 rules, no overlongs, no surrogates). */
export function utf8Stats(bytes: Uint8Array): Utf8Stats {
  let valid = 0;
  let invalid = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    let ok = need > 0 && i + need < n;
    if (ok) {
      for (let k = 1; k <= need; k++) {
        const c = bytes[i + k]!;
        const l = k === 1 ? lo : 0x80;
        const h = k === 1 ? hi : 0xbf;
        if (c < l || c > h) {
          ok = false;
          break;
        }
      }
    }
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}
