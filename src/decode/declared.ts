/**
 * Decode step 2: the charset an HTML (or XML) document declares about itself in its first bytes:
 * `<meta charset="…">`, `<meta http-equiv="Content-Type" content="text/html; charset=…">`, or an
 * XML declaration's `encoding="…"`. The head is read as ASCII (latin1), as browsers pre-scan it.
 */

/** How many bytes of the input are searched for a declaration. */
export const DECLARATION_WINDOW = 4096;

/** `<meta … charset=…>` in either form; group 1 is the label. Bounded, so it cannot backtrack far. */
export const META_CHARSET = /<meta\b[^>]{0,1024}?\bcharset\s{0,16}=\s{0,16}["']?\s{0,16}([A-Za-z0-9._:-]{1,40})/gi;
/** `<?xml … encoding="…"?>` at the very start; group 1 is the label. */
export const XML_ENCODING = /^\s{0,64}<\?xml\b[^>]{0,256}?\bencoding\s{0,16}=\s{0,16}["']([A-Za-z0-9._:-]{1,40})["']/i;

/** The label declared in the head of `bytes`, lower-cased, or null. */
export function sniffDeclaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DECLARATION_WINDOW)).toString('latin1');
  if (head.indexOf('<') === -1) return null;
  const xml = XML_ENCODING.exec(head);
  if (xml) return xml[1]!.toLowerCase();
  META_CHARSET.lastIndex = 0;
  const m = META_CHARSET.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}
