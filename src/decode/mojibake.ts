/**
 * Mojibake repair: UTF-8 text that was once decoded as windows-1252 ("Ã©" for "é", "â€™" for "’")
 * or as windows-1251 ("РџСЂРёРІРµС‚" for "Привет") and saved like that. Conservative: a run of
 * characters is turned back into bytes and re-read as UTF-8 only when the bytes are well-formed
 * UTF-8 and every character they give is one that the mis-reading typically destroys (Latin
 * letters, Cyrillic, typographic punctuation); and the document must hold at least
 * {@link MIN_RUNS} such runs, or one run that is unmistakable (a 3-byte sequence, or two
 * sequences in a row).
 */

/** How many repairable runs a document needs before anything is repaired (unless one is unmistakable). */
export const MIN_RUNS = 2;

interface Reading {
  /** The single-byte encoding the UTF-8 bytes were wrongly read as. */
  encoding: 'windows-1252' | 'windows-1251';
  /** Quick test: a lead character followed by a continuation character. */
  quick: RegExp;
  /** The lead characters (of the bytes that begin a sequence). */
  leads: string[];
  /** Maximal runs of UTF-8-shaped sequences, as characters of the wrong reading. */
  run: RegExp;
  /** Character → byte of the wrong reading, for 0x80..0xFF. */
  toByte: Map<string, number>;
  /** Is a repaired code point plausible? */
  plausible: (cp: number) => boolean;
}

const esc = (c: string): string => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');

/**
 * windows-1252 bytes 0x80..0x9F (WHATWG; the five undefined bytes read as C1 controls). Spelled
 * out because some Node versions' TextDecoder reads windows-1252 as ISO-8859-1.
 */
const CP1252_80_9F = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function makeReading(encoding: Reading['encoding'], leads2: number[], leads3: number[], leads4: number[], plausible: (cp: number) => boolean): Reading {
  const dec = new TextDecoder(encoding);
  const toByte = new Map<string, number>();
  // Every character that stands for a byte; a byte may have two (the C1 control and the
  // windows-1252 character), as mis-readings differ.
  const charsOf: string[][] = [];
  for (let b = 0x80; b <= 0xff; b++) {
    const chars = new Set<string>([dec.decode(Uint8Array.of(b))]);
    if (encoding === 'windows-1252') {
      chars.add(String.fromCharCode(b));
      if (b <= 0x9f) chars.add(CP1252_80_9F[b - 0x80]!);
    }
    chars.delete('\ufffd');
    charsOf[b] = [...chars];
    for (const c of chars) toByte.set(c, b);
  }
  const cls = (bytes: number[]): string => '[' + bytes.flatMap((b) => charsOf[b]!.map(esc)).join('') + ']';
  const range = (lo: number, hi: number): number[] => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const C = cls(range(0x80, 0xbf));
  const alts: string[] = [];
  if (leads2.length) alts.push(`${cls(leads2)}${C}`);
  if (leads3.length) alts.push(`${cls(leads3)}${C}{2}`);
  if (leads4.length) alts.push(`${cls(leads4)}${C}{3}`);
  const leads = cls([...leads2, ...leads3, ...leads4]);
  return {
    encoding,
    quick: new RegExp(`${leads}${C}`),
    leads: [...leads2, ...leads3, ...leads4].flatMap((b) => charsOf[b]!),
    run: new RegExp(`(?:${alts.join('|')})+`, 'g'),
    toByte,
    plausible,
  };
}

const latinOrPunct = (cp: number): boolean =>
  (cp >= 0xa0 && cp <= 0x24f) || // Latin-1 supplement, Latin Extended-A/B
  (cp >= 0x386 && cp <= 0x3ce) || // Greek letters
  (cp >= 0x400 && cp <= 0x45f) || // Cyrillic (Russian, Ukrainian, Serbian…)
  (cp >= 0x2010 && cp <= 0x2044) || // dashes, quotes, bullets, ellipsis
  cp === 0x20ac || cp === 0x2122 || cp === 0x2116;

const cyrillicOrPunct = (cp: number): boolean =>
  (cp >= 0x400 && cp <= 0x45f) || (cp >= 0x2010 && cp <= 0x2044) || cp === 0x20ac || cp === 0x2122 || cp === 0x2116 || cp === 0xab || cp === 0xbb || cp === 0xa0;

let readings: Reading[] | null = null;
function getReadings(): Reading[] {
  if (readings === null) {
    const r = (lo: number, hi: number): number[] => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
    readings = [
      makeReading('windows-1252', r(0xc2, 0xdf), r(0xe0, 0xef), r(0xf0, 0xf4), latinOrPunct),
      // In windows-1251 every lead byte C2..DF is a Cyrillic capital; only Р/С (Cyrillic letters)
      // and в (E2: punctuation) are let in, the others are too common before a « or ».
      makeReading('windows-1251', [0xd0, 0xd1], [0xe2], [], cyrillicOrPunct),
    ];
  }
  return readings;
}

export interface MojibakeRepair {
  text: string;
  /** What was repaired, one entry per wrong reading that was undone, e.g. `windows-1252: 12 runs`. */
  repaired: string[];
}

interface Candidate {
  start: number;
  end: number;
  replacement: string;
  strong: boolean;
}

/**
 * Whether `text` holds a character that can begin a mis-read UTF-8 sequence in some reading: a
 * lead character of windows-1252 (bytes C2..F4 there are U+00C2..U+00F4) or of windows-1251 (Р,
 * С, в). Text without one has no mojibake to repair, and the readings (~260 decodes, two regexes
 * compiled) are never built: most documents are that. A test checks this against the readings.
 */
export function mayHoldMojibake(text: string): boolean {
  // One small class, compiled cheaply at first use: irregexp scans a long page for it about a third
  // faster than a charCodeAt loop does.
  return LEADS.test(text);
}

const LEADS = /[\u00c2-\u00f4\u0420\u0421\u0432]/;

/** The characters that begin a sequence in some reading (for tests of {@link mayHoldMojibake}). */
export function leadCharacters(): Set<string> {
  return new Set(getReadings().flatMap((rd) => rd.leads));
}

/** Undo UTF-8-read-as-windows-1252/1251 mojibake where it is clearly that. */
export function repairMojibake(text: string): MojibakeRepair {
  const repaired: string[] = [];
  if (!mayHoldMojibake(text)) return { text, repaired };
  for (const rd of getReadings()) {
    if (!rd.quick.test(text)) continue;
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    const cands: Candidate[] = [];
    rd.run.lastIndex = 0;
    for (let m = rd.run.exec(text); m !== null; m = rd.run.exec(text)) {
      const s = m[0];
      const bytes = new Uint8Array(s.length);
      for (let i = 0; i < s.length; i++) bytes[i] = rd.toByte.get(s[i]!)!;
      let out: string;
      try {
        out = utf8.decode(bytes);
      } catch {
        continue;
      }
      let ok = true;
      let seqs = 0;
      let long = false;
      for (const ch of out) {
        const cp = ch.codePointAt(0)!;
        if (!rd.plausible(cp)) {
          ok = false;
          break;
        }
        seqs++;
        if (cp >= 0x800) long = true;
      }
      if (!ok) continue;
      cands.push({ start: m.index, end: m.index + s.length, replacement: out, strong: long || seqs >= 2 });
    }
    if (cands.length === 0) continue;
    if (cands.length < MIN_RUNS && !cands.some((c) => c.strong)) continue;
    let out = '';
    let pos = 0;
    for (const c of cands) {
      out += text.slice(pos, c.start) + c.replacement;
      pos = c.end;
    }
    text = out + text.slice(pos);
    repaired.push(`UTF-8 read as ${rd.encoding} (${cands.length} ${cands.length === 1 ? 'place' : 'places'})`);
  }
  return { text, repaired };
}
