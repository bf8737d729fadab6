/**
 * Stage 1, decode: bytes → string. Refuses binary and oversized input.
 *
 * The steps, in order (each in its own module):
 * 0. limits     input larger than `maxBytes` → TOO_LARGE
 *    gzip       gzipped bytes are gunzipped (at most `maxBytes` of output, else TOO_LARGE; corrupt
 *               data → NOT_TEXT), and the rest of the steps read what they hold
 * 1. bom.ts     a byte-order mark (UTF-8, UTF-16 LE/BE) decides
 *    binary.ts  magic numbers (PDF, ZIP, GZIP, images, executables…) and NUL bytes making up 1%
 *               or more of the first 8 KB → NOT_TEXT, except for UTF-16 (BOM, caller's charset,
 *               or NUL pattern); fewer NULs are stray characters, removed with a warning
 * 2. declared   `<meta charset>` / `http-equiv` / XML declaration in the first 4 KB
 * 3. caller     the `encoding` option (a container's charset, e.g. WARC's Content-Type)
 * 4. detect.ts  bytes that are not valid UTF-8 and not declared: chardet (valid UTF-8 stays UTF-8)
 * 5. charset.ts decode with TextDecoder (UTF-8) or iconv-lite (everything else, loaded lazily)
 *    utf8.ts    invalid UTF-8 becomes U+FFFD, with a warning naming the input
 *    mojibake.ts  UTF-8 once read as windows-1252/1251 is repaired when it clearly is that
 *
 * A declared or given single-byte charset loses to bytes that are valid UTF-8 with multi-byte
 * sequences in them (scrapers re-encode pages to UTF-8 and leave the old declaration behind;
 * HTTP servers default to ISO-8859-1): random 8-bit text is practically never valid UTF-8.
 */
import { NewscleanError } from '../errors.js';
import { DEFAULTS } from '../options.js';
import { detectBom } from './bom.js';
import { binaryNuls, earlyNuls, sniffMagic, sniffUtf16 } from './binary.js';
import { sniffDeclaredCharset } from './declared.js';
import { decodeAs, isUtf16, normalizeLabel } from './charset.js';
import { detectEncoding } from './detect.js';
import { isAscii, isValidUtf8, utf8Stats } from './utf8.js';
import { repairMojibake } from './mojibake.js';

export interface DecodeOptions {
  name: string | null;
  encoding?: string | undefined;
  maxBytes?: number | undefined;
}

export interface Decoded {
  text: string;
  /** Size of the input in bytes (gunzipped, for gzip input). */
  bytes: number;
  /** The encoding the bytes were read as (`utf-8` for string input). */
  encoding: string;
  warnings: string[];
}

const label = (name: string | null): string => name ?? 'input';

function tooLarge(name: string | null, bytes: number, maxBytes: number): NewscleanError {
  return new NewscleanError(
    'TOO_LARGE',
    `${label(name)}: input is ${bytes} bytes, over the limit of ${maxBytes} bytes (raise it with maxBytes / --max-bytes)`,
    name,
  );
}

function notText(name: string | null, why: string): NewscleanError {
  return new NewscleanError('NOT_TEXT', `${label(name)}: not text or HTML (${why})`, name);
}

/** Magic numbers of binary formats that survive a latin1/UTF-8 round trip into a JS string. */
function stringMagic(text: string): string | null {
  let head = text.slice(0, 16);
  if (!/[\x00-\x08\x0e-\x1f\x7f-\uffff]/.test(head) && !head.startsWith('%PDF-')) return null;
  // Bytes read as latin1 are all below U+0100: a wider character ends what can be a magic number
  // (Buffer.from(…, 'latin1') would keep only its low byte: "टㆋ" would read as GZIP's 1F 8B).
  const wide = head.search(/[^\x00-\xff]/u);
  if (wide >= 0) head = head.slice(0, wide);
  return sniffMagic(Buffer.from(head, 'latin1'));
}

/**
 * Replace lone surrogates and NUL characters; report what was done. Only strings given as such
 * (`given`) and other decoders' output are scanned for lone surrogates: bytes read as UTF-8 (by
 * TextDecoder, or as latin1 when ASCII) never make one.
 */
function sanitize(text: string, encoding: string, given: boolean, name: string | null, warnings: string[], known: Known): string {
  const t = text as string & { isWellFormed?: () => boolean; toWellFormed?: () => string };
  if ((given || encoding !== 'utf-8') && !known.ascii && typeof t.isWellFormed === 'function' && !t.isWellFormed()) {
    text = t.toWellFormed!();
    warnings.push(`${label(name)}: lone surrogates replaced by U+FFFD`);
  }
  if ((known.firstNul ?? text.indexOf('\u0000')) !== -1) {
    text = text.replace(/\u0000+/g, '');
    warnings.push(`${label(name)}: NUL characters removed`);
  }
  return text;
}

/**
 * What the caller already knows of a decoded text, so that {@link finish} need not scan the whole
 * text for it again (each scan of a page costs about as much as the others: 25-45 µs for the
 * corpus's mean page of 73,000 characters).
 */
interface Known {
  /** Every character is ASCII: no lone surrogate, no mojibake (whose characters are all beyond ASCII). */
  ascii: boolean;
  /** Where the first NUL character is (-1: none), when a scan found it; else undefined. */
  firstNul?: number;
}

const UNKNOWN: Known = { ascii: false };

function finish(text: string, bytes: number, encoding: string, name: string | null, warnings: string[], given = false, known: Known = UNKNOWN): Decoded {
  text = sanitize(text, encoding, given, name, warnings, known);
  if (known.ascii) return { text, bytes, encoding, warnings };
  const fixed = repairMojibake(text);
  if (fixed.repaired.length > 0) {
    text = fixed.text;
    for (const r of fixed.repaired) warnings.push(`${label(name)}: repaired mojibake, ${r}`);
  }
  return { text, bytes, encoding, warnings };
}

/** Gzip's magic number and its only compression method, deflate (RFC 1952). */
function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 18 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

/**
 * Gunzip a whole input, refusing more than `maxBytes` of output (a gzip bomb stops there).
 * node:zlib loads only now: most runs never see gzip.
 * @throws {@link NewscleanError} `TOO_LARGE` over `maxBytes`; `NOT_TEXT` for corrupt gzip data.
 */
function gunzip(bytes: Uint8Array, name: string | null, maxBytes: number): Uint8Array {
  const zlib = process.getBuiltinModule('node:zlib');
  try {
    return zlib.gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new NewscleanError('TOO_LARGE', `${label(name)}: input gunzips to more than ${maxBytes} bytes, over the limit (raise it with maxBytes / --max-bytes)`, name);
    }
    throw notText(name, `corrupt gzip data: ${(err as Error).message}`);
  }
}

/**
 * Decode `input` to a string.
 *
 * @param input - Bytes in any encoding, gzipped or not, or a string (already decoded: only limits,
 *   binary magic and NUL checks, lone surrogates and mojibake apply).
 * @param opts - `name` for messages, `encoding` to assume when the input declares none, `maxBytes`.
 * @returns The text, the input's size, the encoding it was read as, and warnings.
 * @throws {@link NewscleanError} `TOO_LARGE` over `maxBytes`; `NOT_TEXT` for binary input.
 */
export function decode(input: string | Uint8Array, opts: DecodeOptions): Decoded {
  const maxBytes = opts.maxBytes ?? DEFAULTS.maxBytes;
  const name = opts.name;
  const warnings: string[] = [];

  if (typeof input === 'string') {
    const bytes = Buffer.byteLength(input, 'utf8');
    if (bytes > maxBytes) throw tooLarge(name, bytes, maxBytes);
    const magic = stringMagic(input);
    if (magic !== null) throw notText(name, `looks like ${magic}`);
    // One search for a NUL serves both the binary test and sanitize: a page without one (nearly
    // all) is scanned once, not twice. As many UTF-8 bytes as characters: all ASCII.
    const firstNul = input.indexOf('\u0000');
    if (firstNul !== -1 && binaryNuls(earlyNuls(input), input.length)) throw notText(name, 'NUL bytes in the first 8 KB');
    return finish(input, bytes, 'utf-8', name, warnings, true, { ascii: bytes === input.length, firstNul });
  }

  if (input.length > maxBytes) throw tooLarge(name, input.length, maxBytes);
  // A gzipped page (a crawler's `.html.gz` saved under any name, a server's gzip response saved as
  // it came) is read through: gunzipped up to maxBytes, then decoded like any other bytes.
  if (isGzip(input)) input = gunzip(input, name, maxBytes);
  const total = input.length;

  // 1. BOM
  const bom = detectBom(input);
  if (bom !== null) {
    const body = input.subarray(bom.length);
    if (bom.encoding === 'utf-8') return finish(decodeUtf8(body, name, warnings), total, 'utf-8', name, warnings);
    return finish(decodeAs(body, bom.encoding), total, bom.encoding, name, warnings);
  }

  const magic = sniffMagic(input);
  if (magic !== null) throw notText(name, `looks like ${magic}`);

  const given = opts.encoding ? normalizeLabel(opts.encoding) : null;
  if (opts.encoding && given === null) warnings.push(`${label(name)}: unknown encoding "${opts.encoding}" ignored`);

  // UTF-16 without BOM: the caller says so, or the NUL pattern does. Else NUL bytes are binary
  // data, unless they are a stray one or two in text (removed, with a warning).
  const nuls = earlyNuls(input);
  if (nuls > 0) {
    const utf16 = given !== null && isUtf16(given) ? given : sniffUtf16(input);
    if (utf16 !== null) return finish(decodeAs(input, utf16), total, utf16, name, warnings);
    if (binaryNuls(nuls, input.length)) throw notText(name, 'NUL bytes in the first 8 KB');
  }

  // Pure ASCII reads the same in every charset that matters here.
  // (Read as latin1: for ASCII bytes the same string, made without UTF-8 decoding.)
  if (isAscii(input)) return finish(Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1'), total, 'utf-8', name, warnings, false, { ascii: true });
  const validUtf8 = isValidUtf8(input);

  // 2. declared in the document, 3. given by the caller
  const declaredLabel = sniffDeclaredCharset(input);
  let declared = declaredLabel !== null ? normalizeLabel(declaredLabel) : null;
  // An ASCII-compatible document that declares UTF-16 is not UTF-16 (WHATWG): read it as UTF-8.
  if (declared !== null && isUtf16(declared)) declared = 'utf-8';
  const chosen = declared ?? (given !== null && !isUtf16(given) ? given : null);
  const source = declared !== null ? `declares ${declaredLabel}` : `was given as ${opts.encoding}`;
  if (chosen !== null) {
    if (chosen === 'utf-8') {
      if (validUtf8) return finish(decodeAs(input, 'utf-8'), total, 'utf-8', name, warnings);
      const stats = utf8Stats(input);
      if (stats.valid >= stats.invalid) return finish(decodeUtf8(input, name, warnings), total, 'utf-8', name, warnings);
      warnings.push(`${label(name)}: ${source} but is not UTF-8; encoding detected instead`);
    } else if (validUtf8) {
      warnings.push(`${label(name)}: ${source} but is valid UTF-8; read as UTF-8`);
      return finish(decodeAs(input, 'utf-8'), total, 'utf-8', name, warnings);
    } else {
      return finish(decodeAs(input, chosen), total, chosen, name, warnings);
    }
  } else if (validUtf8) {
    return finish(decodeAs(input, 'utf-8'), total, 'utf-8', name, warnings);
  } else {
    // Mostly UTF-8 with a few broken bytes (a truncated or spliced file) stays UTF-8.
    const stats = utf8Stats(input);
    if (stats.valid > 0 && stats.valid >= stats.invalid) {
      return finish(decodeUtf8(input, name, warnings), total, 'utf-8', name, warnings);
    }
  }

  // 4. detection
  const det = detectEncoding(input);
  if (det.encoding === 'utf-8') return finish(decodeUtf8(input, name, warnings), total, 'utf-8', name, warnings);
  return finish(decodeAs(input, det.encoding), total, det.encoding, name, warnings);
}

/** UTF-8 with replacement: a warning names the input when any byte was invalid. */
function decodeUtf8(bytes: Uint8Array, name: string | null, warnings: string[]): string {
  if (!isValidUtf8(bytes)) warnings.push(`${label(name)}: invalid UTF-8 replaced by U+FFFD`);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}
