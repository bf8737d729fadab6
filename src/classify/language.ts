/**
 * Stage 4, language: detect the document's language with franc (trigram statistics, restricted
 * to the languages stopwords-iso has stoplists for) and return its stoplist. When the language is
 * unknown or has no list, the document's own most frequent short words stand in for stopwords, so
 * the stopword feature works in any language with spaces (and is skipped for scripts without).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { data as FRANC_DATA } from 'franc-min/data.js';
import { expressions as FRANC_SCRIPTS } from 'franc-min/expressions.js';
/** `CHAR_CODE_AT.call(text, i)` for `text.charCodeAt(i)` in character loops: no megamorphic look-up on the text (see src/classify/features.ts). */
const CHAR_CODE_AT = String.prototype.charCodeAt;

/** ISO 639-3 (franc) → ISO 639-1 (stopwords-iso), for the languages both know. */
const ISO3_TO_1: Record<string, string> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', rus: 'ru', ces: 'cs', ita: 'it', pol: 'pl',
  nld: 'nl', swe: 'sv', ukr: 'uk', bul: 'bg', hrv: 'hr', hun: 'hu', ind: 'id', ron: 'ro', tur: 'tr',
  vie: 'vi', arb: 'ar', pes: 'fa', hin: 'hi', urd: 'ur', mar: 'mr', swh: 'sw', som: 'so', hau: 'ha',
  yor: 'yo', zul: 'zu', tgl: 'tl', cmn: 'zh', jpn: 'ja', kor: 'ko', ell: 'el', tha: 'th', ben: 'bn',
  guj: 'gu', zlm: 'ms', bos: 'hr', srp: 'hr',
};
const FRANC_ONLY = Object.keys(ISO3_TO_1);
/** The franc languages the detector scores (scripts/bundle.mjs keeps only their models). */
export const FRANC_LANGS: readonly string[] = FRANC_ONLY;
/** The stoplists the detector can ask for (scripts/bundle.mjs ships these). */
export const STOPLIST_LANGS: readonly string[] = [...new Set(Object.values(ISO3_TO_1))];

/*
 * franc's decision, computed faster. `francTop(text)` returns exactly what
 * `franc(text, { only: FRANC_ONLY, minLength: 20 })` from franc-min returns (a test compares the
 * two), from franc-min's own data and script expressions, but:
 * - the models are read for the languages we allow only (franc builds every model of every
 *   script when it loads);
 * - a script's first text is scored straight from the model strings (directDistances), which
 *   costs a single document less than building the index; from its second text on, trigrams are
 *   counted in a Map and each distinct trigram of the text is looked up once in an index of the
 *   script's models instead of once per language in plain-object dictionaries.
 * The distance is franc's: the sum over the text's distinct trigrams of |count - rank - 1|, or
 * 300 when the language's model lacks the trigram; the smallest wins, ties to the first language
 * in franc's data order (its sort is stable).
 */
const FRANC_MAX_LENGTH = 2048;
const FRANC_MIN_LENGTH = 20;
const FRANC_MAX_DIFFERENCE = 300;

interface ScriptIndex {
  langs: string[];
  /** trigram key ({@link trigramKey}) → its slot: the trigrams of any allowed language's model. */
  slots: Map<number, number>;
  /**
   * The models that know each slot's trigram, sparse (a trigram is in a few of the models):
   * entries `starts[slot]` to `starts[slot + 1]` of `pairLang` (language index) and `pairRank`
   * (the trigram's rank in that language's model).
   */
  starts: Int32Array;
  pairLang: Int32Array;
  pairRank: Int32Array;
  /** Scratch: occurrences per slot while one text is read (left all zero). */
  counts: Int32Array;
  /** Scratch: the slots one text holds, in the order first met (a slot at most once: its count went from 0). */
  touched: Int32Array;
  /**
   * The slots of the all-ASCII trigrams, plus one (0: none), by their characters' numbers
   * ({@link asciiColumn}: `(a * columns + b) * columns + c`): a typed array read instead of a Map
   * lookup for most trigrams of a Latin-script text. Numbered over the ~30 characters the models
   * hold, not all 128, it is ~60 KB, not 4 MB: its cells stay in the cache (the look-up was a third
   * of the distances' time, most of it waiting on memory).
   */
  asciiSlots: Uint16Array;
  /**
   * Each ASCII character's number in {@link asciiSlots}' keys (1 to `columns - 1`; 0 for those no
   * model's trigram holds: a trigram with one is in no model).
   */
  asciiColumn: Uint8Array;
  columns: number;
}
const scriptIndexes = new Map<string, ScriptIndex>();

/**
 * Three UTF-16 code units as one exact number, a cheaper Map key than a sliced string: below 2^21
 * (a small integer, no heap number) when all three are ASCII, else 2^21 + the three as 16-bit digits.
 */
const trigramKey = (s: string, i: number): number => {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  const c = s.charCodeAt(i + 2);
  return (a | b | c) < 128 ? (a << 14) | (b << 7) | c : ASCII_KEYS + a * 4294967296 + b * 65536 + c;
};
/** Keys of all-ASCII trigrams are below this (see {@link trigramKey}). */
const ASCII_KEYS = 2097152;

function scriptIndex(script: string): ScriptIndex {
  const cached = scriptIndexes.get(script);
  if (cached) return cached;
  const models = FRANC_DATA[script]!;
  const langs = allowedLangs(script);
  const slots = new Map<number, number>();
  const entries: [number, number, number][] = []; // slot, language, rank
  langs.forEach((lang, li) => {
    const model = models[lang]!.split('|');
    // franc assigns from the last rank down, so a trigram listed twice keeps its first rank.
    for (let rank = model.length - 1; rank >= 0; rank--) {
      const t = model[rank]!;
      if (t.length !== 3) continue; // franc's text trigrams are 3 code units: others never match
      const key = trigramKey(t, 0);
      let slot = slots.get(key);
      if (slot === undefined) {
        slot = slots.size;
        slots.set(key, slot);
      }
      entries.push([slot, li, rank]);
    }
  });
  const n = langs.length;
  const ranks = new Int32Array(slots.size * n).fill(-1);
  for (const [slot, li, rank] of entries) ranks[slot * n + li] = rank;
  const starts = new Int32Array(slots.size + 1);
  let pairs = 0;
  for (let at = 0; at < ranks.length; at++) if (ranks[at]! >= 0) pairs++;
  const pairLang = new Int32Array(pairs);
  const pairRank = new Int32Array(pairs);
  for (let slot = 0, p = 0; slot < slots.size; slot++) {
    starts[slot] = p;
    for (let li = 0; li < n; li++) {
      const rank = ranks[slot * n + li]!;
      if (rank >= 0) {
        pairLang[p] = li;
        pairRank[p++] = rank;
      }
    }
    starts[slot + 1] = p;
  }
  // The ASCII characters the models' ASCII trigrams hold, numbered from 1 (0: none of them).
  const asciiColumn = new Uint8Array(128);
  let columns = 1;
  for (const key of slots.keys()) {
    if (key >= ASCII_KEYS) continue;
    for (const c of [key >> 14, (key >> 7) & 127, key & 127]) if (asciiColumn[c] === 0) asciiColumn[c] = columns++;
  }
  const asciiSlots = new Uint16Array(slots.size < 65535 ? columns * columns * columns : 0);
  if (asciiSlots.length > 0) {
    for (const [key, slot] of slots) {
      if (key < ASCII_KEYS) asciiSlots[(asciiColumn[key >> 14]! * columns + asciiColumn[(key >> 7) & 127]!) * columns + asciiColumn[key & 127]!] = slot + 1;
    }
  }
  const index = { langs, slots, starts, pairLang, pairRank, counts: new Int32Array(slots.size), touched: new Int32Array(slots.size), asciiColumn, columns, asciiSlots };
  scriptIndexes.set(script, index);
  return index;
}

/**
 * Whether the Latin expression is the only one matching ASCII characters: then when Latin
 * characters outnumber the non-ASCII code units, Latin is the top script without counting the
 * others (each of their counts is at most the non-ASCII count).
 */
declare const __NEWSCLEAN_LATIN_SHORTCUT__: boolean | undefined;
/** The answer scripts/bundle.mjs worked out at build time (compiling ~20 script regexes costs a CLI start ~0.5 ms). */
let latinShortcut: boolean | null = typeof __NEWSCLEAN_LATIN_SHORTCUT__ === 'undefined' ? null : __NEWSCLEAN_LATIN_SHORTCUT__;
export function canShortcutLatin(): boolean {
  if (latinShortcut === null) {
    latinShortcut = 'Latin' in FRANC_SCRIPTS && 'Latin' in FRANC_DATA;
    for (const script in FRANC_SCRIPTS) {
      if (script === 'Latin') continue;
      const re = new RegExp(FRANC_SCRIPTS[script]!.source, FRANC_SCRIPTS[script]!.flags.replace('g', ''));
      for (let c = 0; c < 128 && latinShortcut; c++) if (re.test(String.fromCharCode(c))) latinShortcut = false;
    }
  }
  return latinShortcut;
}
const ASCII_RUNS = /[\u0000-\u007f]+/g;
/** `asciiLatin[c]` is 1 when ASCII character c matches franc's Latin expression. */
let asciiLatin: Uint8Array | null = null;

/**
 * `value.match(Latin).length` and the number of non-ASCII code units, in one pass. Every
 * alternative of the Latin expression is one code unit or a surrogate pair, so its matches are the
 * ASCII characters it admits plus its matches among the non-ASCII code units, which are counted
 * with the ASCII runs replaced by U+FFFF (matched by nothing, pairing with no surrogate).
 */
export function latinCount(value: string): { latin: number; nonAscii: number } {
  const latinRe = FRANC_SCRIPTS['Latin']!;
  if (asciiLatin === null) {
    const one = new RegExp(latinRe.source, latinRe.flags.replace('g', ''));
    asciiLatin = new Uint8Array(128);
    for (let c = 0; c < 128; c++) asciiLatin[c] = one.test(String.fromCharCode(c)) ? 1 : 0;
  }
  let latin = 0;
  let nonAscii = 0;
  for (let i = 0, n = value.length; i < n; i++) {
    const c = CHAR_CODE_AT.call(value, i);
    if (c < 128) latin += asciiLatin[c]!;
    else nonAscii++;
  }
  if (nonAscii > 0) latin += value.replace(ASCII_RUNS, '\uffff').match(latinRe)?.length ?? 0;
  return { latin, nonAscii };
}

/** The allowed languages of a script, in franc's data order (the order ties are broken in). */
const scriptLangs = new Map<string, string[]>();
function allowedLangs(script: string): string[] {
  let langs = scriptLangs.get(script);
  if (langs === undefined) {
    langs = Object.keys(FRANC_DATA[script]!).filter((l) => FRANC_ONLY.includes(l));
    scriptLangs.set(script, langs);
  }
  return langs;
}

/** Scripts seen by {@link francTop} so far: the second text of a script builds its index. */
const scriptsSeen = new Set<string>();

/**
 * How {@link francTop} scores the languages: `auto` walks the models directly for the first text
 * of a script and builds the script's index from the second on (a single document, as in a CLI
 * run, never pays for the index); `direct` and `index` force one way (tests compare them).
 */
export type FrancMode = 'auto' | 'direct' | 'index';

/** franc-min's `francAll(text, { only: FRANC_ONLY, minLength: 20 })[0][0]`. */
export function francTop(text: string, mode: FrancMode = 'auto'): string {
  if (text.length < FRANC_MIN_LENGTH) return 'und';
  const value = text.slice(0, FRANC_MAX_LENGTH);
  // The script with the largest share of characters (first one on ties).
  let topCount = -1;
  let topScript: string | undefined;
  const { latin, nonAscii } = canShortcutLatin() ? latinCount(value) : { latin: 0, nonAscii: 0 };
  if (latin > 0 && latin > nonAscii) {
    topScript = 'Latin';
    topCount = latin / value.length;
  } else {
    for (const script in FRANC_SCRIPTS) {
      const count = (value.match(FRANC_SCRIPTS[script]!)?.length ?? 0) / value.length || 0;
      if (count > topCount) {
        topCount = count;
        topScript = script;
      }
    }
  }
  if (topScript === undefined || !(topScript in FRANC_DATA)) {
    if (topScript === undefined || topCount === 0 || !FRANC_ONLY.includes(topScript)) return 'und';
    return topScript;
  }
  const langs = allowedLangs(topScript);
  if (langs.length === 0) return 'und';
  // trigram-utils: ASCII punctuation and digits become spaces, whitespace runs one space, trimmed,
  // lower-cased, padded with one space each side; trigrams by UTF-16 code unit. One replace: a run
  // of punctuation, digits and whitespace is one space either way (\s holds none of U+0021-U+0040).
  // Joined, not a template: a template makes a cons string, through which every read of a
  // character goes (~5% of the detector's time); join makes a flat one.
  const cleaned = [' ', value.replace(/[\s\u0021-\u0040]+/g, ' ').trim().toLowerCase(), ' '].join('');
  const useIndex = mode === 'index' || (mode === 'auto' && (scriptIndexes.has(topScript) || scriptsSeen.has(topScript)));
  scriptsSeen.add(topScript);
  const distance = useIndex ? indexedDistances(cleaned, scriptIndex(topScript)) : directDistances(cleaned, topScript, langs);
  let best = 0;
  for (let li = 1; li < langs.length; li++) if (distance[li]! < distance[best]!) best = li;
  return langs[best]!;
}

/**
 * franc's distances through the script's index. Only trigrams some allowed model knows are
 * counted: every other distinct trigram adds the same 300 to every language's distance, which
 * changes neither the order nor the ties.
 */
function indexedDistances(cleaned: string, { langs, slots, starts, pairLang, pairRank, counts, touched, asciiSlots, asciiColumn, columns }: ScriptIndex): Float64Array {
  let seen = 0;
  const ascii = asciiSlots.length > 0;
  const n = cleaned.length;
  // The trigram at i is read as its three code units (`u1`, `u2`, `u3`) and their columns, carried
  // over from the previous trigram: each character is read and numbered once, not three times.
  let u1 = n > 0 ? cleaned.charCodeAt(0) : 0;
  let u2 = n > 1 ? cleaned.charCodeAt(1) : 0;
  let c1 = u1 < 128 ? asciiColumn[u1]! : 0;
  let c2 = u2 < 128 ? asciiColumn[u2]! : 0;
  for (let i = 0; i + 3 <= n; i++) {
    const u3 = cleaned.charCodeAt(i + 2);
    const c3 = u3 < 128 ? asciiColumn[u3]! : 0;
    let slot: number;
    if (ascii && (u1 | u2 | u3) < 128) slot = c1 === 0 || c2 === 0 || c3 === 0 ? -1 : asciiSlots[(c1 * columns + c2) * columns + c3]! - 1;
    else slot = slots.get(trigramKey(cleaned, i)) ?? -1;
    if (slot >= 0 && counts[slot]!++ === 0) touched[seen++] = slot;
    u1 = u2;
    u2 = u3;
    c1 = c2;
    c2 = c3;
  }
  // 300 for every touched trigram, corrected for each model that knows it.
  const distance = new Float64Array(langs.length).fill(seen * FRANC_MAX_DIFFERENCE);
  for (let t = 0; t < seen; t++) {
    const slot = touched[t]!;
    const count = counts[slot]!;
    counts[slot] = 0;
    for (let p = starts[slot]!, end = starts[slot + 1]!; p < end; p++) {
      distance[pairLang[p]!]! += Math.abs(count - pairRank[p]! - 1) - FRANC_MAX_DIFFERENCE;
    }
  }
  return distance;
}

/**
 * The same distances, each less the same constant (300 per distinct trigram some allowed model
 * knows), without an index: the text's trigrams are counted, then each allowed model is read
 * once, rank by rank, and each of its trigrams the text holds adds |count - rank - 1| - 300 (the
 * first rank of a trigram a model lists twice, as franc keeps). Equal order and ties, so the same
 * winner; cheaper than building the index when the script's first text is its only one.
 */
function directDistances(cleaned: string, script: string, langs: readonly string[]): Float64Array {
  const slots = new Map<number, number>();
  const counts: number[] = [];
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const key = trigramKey(cleaned, i);
    const slot = slots.get(key);
    if (slot === undefined) {
      slots.set(key, counts.length);
      counts.push(1);
    } else counts[slot]!++;
  }
  const seen = new Int32Array(counts.length).fill(-1);
  const models = FRANC_DATA[script]!;
  const distance = new Float64Array(langs.length);
  langs.forEach((lang, li) => {
    const model = models[lang]!;
    let sum = 0;
    for (let start = 0, rank = 0; start <= model.length; rank++) {
      let end = model.indexOf('|', start);
      if (end < 0) end = model.length;
      if (end - start === 3) {
        const slot = slots.get(trigramKey(model, start));
        if (slot !== undefined && seen[slot] !== li) {
          seen[slot] = li;
          sum += Math.abs(counts[slot]! - rank - 1) - FRANC_MAX_DIFFERENCE;
        }
      }
      start = end + 1;
    }
    distance[li] = sum;
  });
  return distance;
}

type StopwordsJson = Record<string, string[]>;
let stopwordsJson: StopwordsJson | null = null;
const stopSets = new Map<string, Set<string>>();

/**
 * Set by scripts/bundle.mjs: the languages whose stoplist the bundle ships as a file of its own
 * (`stopwords/LANG.json` beside the bundle, stopwords-iso's list as is), so a run reads the one
 * list it needs instead of parsing all of stopwords-iso's 200 KB. Unbundled, the package is read.
 */
declare const __NEWSCLEAN_STOPWORD_FILES__: readonly string[] | undefined;
const STOPWORD_FILES: readonly string[] | undefined = typeof __NEWSCLEAN_STOPWORD_FILES__ === 'undefined' ? undefined : __NEWSCLEAN_STOPWORD_FILES__;

/** stopwords-iso's list for `lang`, if it has one. */
function stopwordsFor(lang: string): string[] | undefined {
  if (STOPWORD_FILES !== undefined) {
    // Read and parsed directly: a require() of the file costs its resolution and a module too.
    return STOPWORD_FILES.includes(lang) ? (JSON.parse(readFileSync(new URL(`./stopwords/${lang}.json`, import.meta.url), 'utf8')) as string[]) : undefined;
  }
  stopwordsJson ??= createRequire(import.meta.url)('stopwords-iso/stopwords-iso.json') as StopwordsJson;
  return Object.prototype.hasOwnProperty.call(stopwordsJson, lang) ? stopwordsJson[lang] : undefined;
}

function stoplist(lang: string): Set<string> | null {
  const cached = stopSets.get(lang);
  if (cached) return cached;
  const words = stopwordsFor(lang);
  if (!words) return null;
  const set = new Set(words.map((w) => w.toLowerCase()));
  stopSets.set(lang, set);
  return set;
}

/**
 * Scripts written without spaces between words: word statistics do not apply. Made on first use
 * (a document of unknown language only): parsing `\p{Script=..}` costs a CLI start ~0.1 ms.
 */
let NO_SPACE_SCRIPT: RegExp | null = null;

export interface LanguageInfo {
  /** ISO 639-1 code, or null when unknown. */
  code: string | null;
  /** Lower-case stopwords, or null for scripts without spaces. */
  stopwords: Set<string> | null;
  /** Where the stopwords came from. */
  stopSource: 'stoplist' | 'document' | 'none';
}

const WORD = /[\p{L}\p{M}\p{N}'’]+/gu;
/** Characters of the longest lines given to the language detector. */
const SAMPLE_CHARS = 1200;
/** Lines this long or longer are sorted for the sample first (see {@link detectLanguage}). */
const SORTED_FIRST = 100;

/**
 * Whether letters make at least half of the line's first 100 characters: ASCII letters, and any
 * character above U+00BF outside U+2000 to U+2BFF (punctuation, arrows, box drawing, shapes).
 */
function lettered(line: string): boolean {
  const n = Math.min(line.length, 100);
  let letters = 0;
  for (let i = 0; i < n; i++) {
    const u = CHAR_CODE_AT.call(line, i);
    if (((u | 0x20) >= 0x61 && (u | 0x20) <= 0x7a) || (u >= 0xc0 && (u < 0x2000 || u > 0x2bff))) letters++;
  }
  return letters * 2 >= n;
}

/**
 * Detect the language from a sample of the document's longest lines.
 * @param lines - The document's block texts.
 */
export function detectLanguage(lines: readonly string[], skip: (line: string) => boolean = () => false): LanguageInfo {
  // The longest lines are the likeliest prose; 1200 characters are plenty for trigrams.
  const sample: string[] = [];
  let size = 0;
  // The lines longest first (a stable sort: equal lengths in document order), read until the
  // sample is full. The lines of SORTED_FIRST characters or more come first in that order, so they
  // are sorted alone, and the shorter ones only when those do not fill the sample: most documents
  // need a few of their lines, and sorting all of them took ~1% of the text path.
  const long: string[] = [];
  const short: string[] = [];
  for (const line of lines) (line.length >= SORTED_FIRST ? long : short).push(line);
  for (const part of [long, short]) {
    for (const line of part.sort((a, b) => b.length - a.length)) {
      if (size > SAMPLE_CHARS) break;
      // Markup printed as text (a noscript's "<img src=…>", an embed code): no language's prose.
      if (line.charCodeAt(0) === 60 /* < */ && line.endsWith('>')) continue;
      // Nor is a rule: w3m prints an <hr> as a row of "━" as wide as the page, the longest line of
      // many a page (it took the whole sample, and the language went undetected).
      if (!lettered(line)) continue;
      if (skip(line)) continue;
      sample.push(line.length > SAMPLE_CHARS ? line.slice(0, SAMPLE_CHARS) : line);
      size += Math.min(line.length, SAMPLE_CHARS);
    }
    if (size > SAMPLE_CHARS) break;
  }
  const text = sample.join('\n');
  const iso3 = francTop(text);
  const code = ISO3_TO_1[iso3] ?? null;
  const spaceless = code === 'zh' || code === 'ja' || code === 'th' || (code === null && (NO_SPACE_SCRIPT ??= /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u).test(text));
  if (spaceless) return { code, stopwords: null, stopSource: 'none' };
  const list = code ? stoplist(code) : null;
  if (list) return { code, stopwords: list, stopSource: 'stoplist' };
  return { code, stopwords: documentStopwords(sample), stopSource: 'document' };
}

/**
 * The document's own function words: the most frequent short tokens of its longest lines. In any
 * language the commonest words of running prose are function words.
 */
function documentStopwords(sample: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const line of sample) {
    for (const m of line.toLowerCase().matchAll(WORD)) {
      const w = m[0];
      if (w.length > 5) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const top = [...counts.entries()].filter(([, c]) => c >= 3).sort((a, b) => b[1] - a[1]).slice(0, 40);
  return new Set(top.map(([w]) => w));
}
