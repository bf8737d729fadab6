/**
 * Stage 4, language: detect the document's language with franc (trigram statistics, restricted
 * to the languages stopwords-iso has stoplists for) and return its stoplist. When the language is
 * unknown or has no list, the document's own most frequent short words stand in for stopwords, so
 * the stopword feature works in any language with spaces (and is skipped for scripts without).
 */
import { createRequire } from 'node:module';
import { franc } from 'franc-min';

/** ISO 639-3 (franc) → ISO 639-1 (stopwords-iso), for the languages both know. */
const ISO3_TO_1: Record<string, string> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', rus: 'ru', ces: 'cs', ita: 'it', pol: 'pl',
  nld: 'nl', swe: 'sv', ukr: 'uk', bul: 'bg', hrv: 'hr', hun: 'hu', ind: 'id', ron: 'ro', tur: 'tr',
  vie: 'vi', arb: 'ar', pes: 'fa', hin: 'hi', urd: 'ur', mar: 'mr', swh: 'sw', som: 'so', hau: 'ha',
  yor: 'yo', zul: 'zu', tgl: 'tl', cmn: 'zh', jpn: 'ja', kor: 'ko', ell: 'el', tha: 'th', ben: 'bn',
  guj: 'gu', zlm: 'ms', bos: 'hr', srp: 'hr',
};
const FRANC_ONLY = Object.keys(ISO3_TO_1);

type StopwordsJson = Record<string, string[]>;
let stopwordsJson: StopwordsJson | null = null;
const stopSets = new Map<string, Set<string>>();

function stoplist(lang: string): Set<string> | null {
  const cached = stopSets.get(lang);
  if (cached) return cached;
  stopwordsJson ??= createRequire(import.meta.url)('stopwords-iso/stopwords-iso.json') as StopwordsJson;
  const words = stopwordsJson[lang];
  if (!words) return null;
  const set = new Set(words.map((w) => w.toLowerCase()));
  stopSets.set(lang, set);
  return set;
}

/** Scripts written without spaces between words: word statistics do not apply. */
export const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

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

/**
 * Detect the language from a sample of the document's longest lines.
 * @param lines - The document's block texts.
 */
export function detectLanguage(lines: readonly string[]): LanguageInfo {
  // The longest lines are the likeliest prose; 1200 characters are plenty for trigrams.
  const sample: string[] = [];
  let size = 0;
  for (const line of [...lines].sort((a, b) => b.length - a.length)) {
    if (size > SAMPLE_CHARS) break;
    sample.push(line.length > SAMPLE_CHARS ? line.slice(0, SAMPLE_CHARS) : line);
    size += Math.min(line.length, SAMPLE_CHARS);
  }
  const text = sample.join('\n');
  const iso3 = text.length >= 20 ? franc(text, { only: FRANC_ONLY, minLength: 20 }) : 'und';
  const code = ISO3_TO_1[iso3] ?? null;
  const spaceless = code === 'zh' || code === 'ja' || code === 'th' || (code === null && NO_SPACE_SCRIPT.test(text));
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
