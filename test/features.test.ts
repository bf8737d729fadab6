/**
 * blockFeatures (src/classify/features.ts) counts everything in one scan per block. It must give
 * exactly what the regex definitions of each feature give: the reference below is the former
 * regex implementation, compared on every line of corpus renderings and on generated strings of
 * letters, marks, quotes, spaces, astral characters and lone surrogates.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../src/article.js';
import { blockFeatures, CLASS_TABLE_RANGES, classOf, classTable, proseView, type Features } from '../src/classify/features.js';
import type { LanguageInfo } from '../src/classify/language.js';
import { withoutLinkTargets } from '../src/segment/text.js';

const WORD = /[\p{L}\p{M}\p{N}'’]+/gu;
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;
const LETTER = /\p{L}/gu;
const UPPER = /\p{Lu}/gu;
const ENDS_SENTENCE = /[.!?。！？…]["'”’»)\]]*$|[.!?]\s*\(\w[^()]{0,40}\)$/u;
const SENTENCE_MARK = /[.!?。！？]+(?=\s|$|["'”’»)])/gu;
const BULLET = /^[•●·▪◦■□▶►»›*–—-]\s*/u;
const UPPER_START = /^\p{Lu}/u;
const count = (re: RegExp, s: string): number => s.match(re)?.length ?? 0;

function reference(text: string, lang: LanguageInfo): Features {
  // Characters of scripts written without spaces count whatever the document's language.
  const spaceless = count(SPACELESS, text);
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

const EN: LanguageInfo = { code: 'en', stopwords: new Set(['the', 'a', 'of', 'and', 'to', 'in', 'is', "it's", 'élan']), stopSource: 'stoplist' };
const NONE: LanguageInfo = { code: null, stopwords: null, stopSource: 'none' };
const block = (text: string): Block => ({ index: 0, text, line: 0, gapBefore: 0, role: 'body', reasons: [] });

/** The features are the line's prose view's (a line of addresses alone is judged without them). */
function check(text: string): void {
  for (const lang of [EN, NONE]) expect(blockFeatures(block(text), lang), JSON.stringify(text)).toEqual(reference(proseView(text), lang));
}

describe('blockFeatures', () => {
  it('weighs a line of Chinese as Chinese on a page whose language reads as English (menus, scripts)', () => {
    const zh = '一波波接續性低溫寒流報到 已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣';
    const f = blockFeatures(block(zh), EN);
    expect(f.length).toBe(zh.length + 2 * (zh.length - 1));
    expect(f.words).toBe(Math.round((zh.length - 1) / 2));
    expect(blockFeatures(block(zh), NONE)).toMatchObject({ length: f.length, words: f.words });
  });

  it('matches the regex definitions on corpus lines', () => {
    let lines = 0;
    for (const set of readdirSync('/work/shared/corpus').filter((s) => !s.includes('.'))) {
      const dir = join('/work/shared/corpus', set, 'text-chromium');
      for (const f of readdirSync(dir).sort().slice(0, 15)) {
        for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
          check(line.trim());
          lines++;
        }
      }
    }
    expect(lines).toBeGreaterThan(1000);
  });

  it('matches them on generated strings', () => {
    const chars = ['a', 'B', 'É', 'ß', 'Ω', 'я', 'Я', '中', 'カ', 'ก', '7', '٣', '_', "'", '’', '"', '”', '»', ')', '(', ']', '[', '.', '!', '?', '。', '！', '…', ' ', '\u00a0', '\u3000', '\t', '-', '•', '—', '\u0301', '😀', '𝐀', '\ud800', '\udc00', ',', ':', 'the', 'It', 'élan'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 60 }), (parts) => check(parts.join(''))),
      { numRuns: 3000, seed: 11 },
    );
    for (const s of ['It ended (AP)', 'It ended. (AP)', 'Done! (see page 4)', 'Done. (x' + 'y'.repeat(40) + ')', 'Done. (x' + 'y'.repeat(39) + ')', 'Ok?  (😀a)', 'Ok. (a😀)', '“Yes.”', 'Wait...', '...', ')', '.)', '']) check(s);
  });
});

describe('classTable (the classes the bundle precomputes)', () => {
  it('gives each code point of its ranges the classes it has alone', () => {
    const table = classTable();
    const points = CLASS_TABLE_RANGES.flatMap(([lo, hi]) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i));
    expect(table).toHaveLength(points.length);
    points.forEach((cp, i) => expect(table[i], cp.toString(16)).toBe(classOf(cp)));
    // Spot checks: a letter, a capital, a curly quote, a space, a full stop.
    expect(classOf(0x61) & 5).toBe(5);
    expect(classOf(0xc9) & 3).toBe(3);
    expect(classOf(0x2019)).toBe(classOf(0x27) & ~256);
    expect(classOf(0xa0) & 16).toBe(16);
  });
});

describe('proseView', () => {
  it('judges a line of addresses alone (a converter\'s link targets and image files) by no words', () => {
    const ad = '[http://ad.example.net/ad/breaking-news/sport;sz=468x60;pos=Banner0;ord=12004279?]http://ad.example.net/jump/x';
    expect(proseView(ad)).toBe('');
    // bracketed targets are cut by the segmenter first (withoutLinkTargets), bare URLs here
    expect(proseView(withoutLinkTargets('[images/article_print.gif] [/news/] www.example.com/page'))).toBe('');
    const lang: LanguageInfo = { code: 'en', stopwords: new Set(['the', 'of', 'to']), stopSource: 'stoplist' };
    const f = blockFeatures({ text: ad } as Block, lang);
    expect(f.words).toBe(0);
    expect(f.endsSentence).toBe(false);
  });
  it('reads a text browser\'s numbered link list ("77. http://…", any scheme) as no words', () => {
    expect(proseView('  77. http://ad.example.net/adi/news;sz=120x600;pos=Buttons0;ord=12004279?')).toBe('');
    expect(proseView(' 164. file://localhost/tmp/page.html')).toBe('');
    expect(proseView('3. Read http://example.com first')).toBe('3. Read  first');
  });
  it('cuts a text browser\'s link numbers glued to the link text, never a footnote mark', () => {
    expect(withoutLinkTargets('   * [12]Home  [13]World news ([14]more)')).toBe('   * Home  World news (more)');
    expect(withoutLinkTargets('The court ruled.[1] Appeals followed [2] in May.')).toBe('The court ruled.[1] Appeals followed [2] in May.');
  });
  it('reads a line with words in it by its words, keeping the punctuation an address ends with, and a line without addresses as it is', () => {
    expect(proseView('If the above link does not work, try http://www.example.org/booklets/for-whom-will-you-vote-pdf/')).toBe('If the above link does not work, try ');
    expect(proseView('More: http://bookletpress.org')).toBe('More: ');
    expect(proseView('He was a founder of the society, learn more at http://example.net/page/0,,PTID30,00.html.')).toBe('He was a founder of the society, learn more at .');
    expect(proseView('Prices rose [sic] by 3.5 percent.')).toBe('Prices rose [sic] by 3.5 percent.');
    // A share bar written out by a converter (icons linked, their addresses printed) is no long line of prose.
    const bar = 'Email Print | http://www.addthis.com/bookmark.php http://www.addthis.com/bookmark.php http://www.addthis.com/bookmark.php http://www.addthis.com/bookmark.php More';
    const f = blockFeatures({ text: bar } as Block, { code: 'en', stopwords: new Set(['the', 'of', 'to']), stopSource: 'stoplist' });
    expect(f.words).toBe(3);
    expect(f.length).toBeLessThan(30);
    const s = blockFeatures({ text: 'He was a founder of the society, learn more at http://example.net/page/0,,PTID30,00.html.' } as Block, { code: 'en', stopwords: new Set(['the', 'of', 'to']), stopSource: 'stoplist' });
    expect(s.endsSentence).toBe(true);
  });
});

describe('proseView on hostile lines', () => {
  it('reads 50 KB lines of brackets and address starts in linear time', () => {
    for (const unit of ['[a', '[http://', 'http://', 'www.', '[x.gif', '[/']) {
      const line = unit.repeat(Math.ceil(50_000 / unit.length)) + ']';
      expect(typeof proseView(line)).toBe('string');
    }
  });
  it('finds the punctuation 3,000 URLs of 2,000 dots end with in linear time (a search from the front took ~7 s)', { timeout: 2_000 }, () => {
    const line = `See ${`http://${'.'.repeat(2040)}x `.repeat(3000)}now.`;
    expect(proseView(line)).toBe(`See ${' '.repeat(3000)}now.`);
  });
});
