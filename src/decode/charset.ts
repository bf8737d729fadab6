/**
 * Charset labels and decoding through iconv-lite. Labels follow the WHATWG Encoding Standard where
 * it matters for real pages: `iso-8859-1`, `us-ascii` and friends mean windows-1252, an ASCII-
 * compatible document cannot be UTF-16 whatever it declares. iconv-lite is loaded lazily, so plain
 * UTF-8 input never pays for it.
 */
import { createRequire } from 'node:module';

type IconvLite = typeof import('iconv-lite');
let iconv: IconvLite | null = null;
export function loadIconv(): IconvLite {
  if (iconv === null) iconv = createRequire(import.meta.url)('iconv-lite') as IconvLite;
  return iconv;
}

/** Labels browsers read as another encoding (WHATWG), keyed by lower-case label. */
export const LABEL_ALIASES: Readonly<Record<string, string>> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  l1: 'windows-1252',
  ascii: 'windows-1252',
  'us-ascii': 'windows-1252',
  'ansi_x3.4-1968': 'windows-1252',
  'x-user-defined': 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'iso-8859-11': 'windows-874',
  'tis-620': 'windows-874',
  'x-cp1251': 'windows-1251',
  'x-cp1252': 'windows-1252',
  'cp1251': 'windows-1251',
  'cp1252': 'windows-1252',
  'utf8': 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'utf-16': 'utf-16le',
  'unicode': 'utf-16le',
  'ucs-2': 'utf-16le',
  'x-mac-cyrillic': 'maccyrillic',
  'x-mac-ukrainian': 'maccyrillic',
  'koi8': 'koi8-r',
  'koi': 'koi8-r',
  'gb2312': 'gbk',
  'x-gbk': 'gbk',
  'x-sjis': 'shift_jis',
  'ks_c_5601-1987': 'euc-kr',
};

/**
 * The canonical name for a charset label, or null when the label is unknown. `utf-8` needs no
 * iconv-lite; any other label is checked against it.
 */
export function normalizeLabel(label: string): string | null {
  const l = label.trim().toLowerCase();
  if (l === '') return null;
  const name = LABEL_ALIASES[l] ?? l;
  if (name === 'utf-8') return 'utf-8';
  return loadIconv().encodingExists(name) ? name : null;
}

export const isUtf16 = (name: string): boolean => name.startsWith('utf-16') || name === 'ucs2' || name === 'utf16';

/** Decode `bytes` as `name` (a name {@link normalizeLabel} returned). A leading BOM is dropped. */
export function decodeAs(bytes: Uint8Array, name: string): string {
  if (name === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return loadIconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
}
