/**
 * Stage 5a, features: what a block looks like on its own, language-independent where possible.
 */
import type { Block } from '../article.js';
import type { LanguageInfo } from './language.js';

export interface Features {
  /** Length in characters, with characters of spaceless scripts counted ×3 (a CJK character carries about a word). */
  length: number;
  /** Word tokens (for spaceless scripts: characters / 2). */
  words: number;
  /** Share of word tokens that are stopwords, or NaN when the language gives none. */
  stopRatio: number;
  /** Ends in sentence punctuation (optionally followed by closing quotes or brackets). */
  endsSentence: boolean;
  /** Sentence-ending punctuation marks inside the text. */
  sentences: number;
  /** Share of words (3+ letters) starting with a capital. */
  titleRatio: number;
  /** Share of characters that are letters. */
  letterRatio: number;
  /** Starts with a list bullet or arrow. */
  bullet: boolean;
  /** All letters are capitals (and there are at least 4). */
  allCaps: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}'’]+/gu;
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;
const LETTER = /\p{L}/gu;
const UPPER = /\p{Lu}/gu;
const ENDS_SENTENCE = /[.!?。！？…]["'”’»)\]]*$|[.!?]\s*\(\w[^()]{0,40}\)$/u;
const SENTENCE_MARK = /[.!?。！？]+(?=\s|$|["'”’»)])/gu;
const BULLET = /^[•●·▪◦■□▶►»›*–—-]\s*/u;
const UPPER_START = /^\p{Lu}/u;

function count(re: RegExp, s: string): number {
  re.lastIndex = 0;
  return s.match(re)?.length ?? 0;
}

export function blockFeatures(b: Block, lang: LanguageInfo): Features {
  const text = b.text;
  const spaceless = lang.stopwords === null ? count(SPACELESS, text) : 0;
  const tokens = text.match(WORD) ?? [];
  let stop = 0;
  let capital = 0;
  let longWords = 0;
  for (const t of tokens) {
    if (lang.stopwords?.has(t.toLowerCase())) stop++;
    if (t.length >= 3) {
      longWords++;
      if (UPPER_START.test(t)) capital++;
    }
  }
  const letters = count(LETTER, text);
  const upperLetters = letters >= 4 ? count(UPPER, text) : 0;
  const words = spaceless > 0 ? Math.max(tokens.length, Math.round(spaceless / 2)) : tokens.length;
  return {
    length: text.length + spaceless * 2,
    words,
    stopRatio: lang.stopwords === null || tokens.length === 0 ? Number.NaN : stop / tokens.length,
    endsSentence: ENDS_SENTENCE.test(text),
    sentences: count(SENTENCE_MARK, text),
    titleRatio: longWords === 0 ? 0 : capital / longWords,
    letterRatio: text.length === 0 ? 0 : letters / text.length,
    bullet: BULLET.test(text),
    allCaps: letters >= 4 && upperLetters === letters,
  };
}
