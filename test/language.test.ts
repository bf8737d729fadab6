/**
 * francTop (src/classify/language.ts) must decide exactly as franc-min does with the same options:
 * compared on real renderings from every corpus set (whole texts and slices of them, so short and
 * mixed samples are covered) and on generated strings mixing scripts, punctuation and digits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { franc } from 'franc-min';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { francTop, detectLanguage, latinCount } from '../src/classify/language.js';
import { expressions } from 'franc-min/expressions.js';

const ONLY = ['eng', 'fra', 'deu', 'spa', 'por', 'rus', 'ces', 'ita', 'pol', 'nld', 'swe', 'ukr', 'bul', 'hrv', 'hun', 'ind', 'ron', 'tur', 'vie', 'arb', 'pes', 'hin', 'urd', 'mar', 'swh', 'som', 'hau', 'yor', 'zul', 'tgl', 'cmn', 'jpn', 'kor', 'ell', 'tha', 'ben', 'guj', 'zlm', 'bos', 'srp'];
const reference = (s: string): string => franc(s, { only: ONLY, minLength: 20 });
const CORPUS = '/work/shared/corpus';

function samples(): string[] {
  const out: string[] = [];
  for (const set of readdirSync(CORPUS).filter((s) => !s.includes('.')).sort()) {
    const dir = join(CORPUS, set, 'text-chromium');
    for (const f of readdirSync(dir).sort().slice(0, 40)) {
      const text = readFileSync(join(dir, f), 'utf8');
      out.push(text, text.slice(0, 60), text.slice(text.length >> 1, (text.length >> 1) + 300), text.slice(-25));
    }
  }
  return out;
}

describe('francTop', () => {
  it('decides as franc-min on corpus texts and slices', () => {
    const all = samples();
    expect(all.length).toBeGreaterThan(400);
    const differ = all.filter((s) => francTop(s) !== reference(s));
    expect(differ.slice(0, 3)).toEqual([]);
    // Both ways of scoring (the models read directly for a script's first text, its index after).
    for (const mode of ['direct', 'index'] as const) expect(all.filter((s) => francTop(s, mode) !== reference(s)).slice(0, 3)).toEqual([]);
    // The samples cover several outcomes, not only English.
    expect(new Set(all.map(francTop)).size).toBeGreaterThan(3);
  });

  it('decides as franc-min on scripts, languages and noise mixed', () => {
    const pieces = [
      'the house is on the hill and ', 'der Hund ist nicht hier und ', 'le chat est sur la table et ', 'el perro está en la casa y ',
      'это был очень хороший день и ', 'це був дуже гарний день і ', 'هذا يوم جميل جدا و ', 'यह एक अच्छा दिन है और ', '今日はとても良い天気です。',
      '我们今天去公园散步。', '오늘은 날씨가 좋다 ', 'σήμερα είναι ωραία μέρα ', 'วันนี้อากาศดีมาก ', '12, 34! ', '  \n\t ', 'ſupport İstanbul ',
      'Ünïcödé naïve café ', '—…«»', 'a', 'zz ',
    ];
    // Any UTF-16 code units too (lone surrogates, astral Latin letters like U+10780).
    const units = fc
      .array(fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0xd801, 0xdf80, 0xd837, 0xdf00, 0x1e00, 0xaa)), { maxLength: 12 })
      .map((c) => String.fromCharCode(...c));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 0, maxLength: 40 }), fc.string({ maxLength: 30 }), units, (parts, noise, raw) => {
        const s = parts.join('') + noise + raw;
        const want = reference(s);
        expect(francTop(s)).toBe(want);
        expect(francTop(s, 'direct')).toBe(want);
        expect(francTop(s, 'index')).toBe(want);
      }),
      { numRuns: 600, seed: 7 },
    );
  });

  it('counts Latin letters and non-ASCII code units as the regexes do', () => {
    const units = fc
      .array(fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0x7f }), fc.constantFrom(0xd801, 0xdf80, 0xd837, 0xdf00, 0x1e00, 0xaa)), { maxLength: 40 })
      .map((c) => String.fromCharCode(...c));
    fc.assert(
      fc.property(units, (s) => {
        expect(latinCount(s)).toEqual({ latin: s.match(expressions['Latin']!)?.length ?? 0, nonAscii: s.match(/[^\u0000-\u007f]/g)?.length ?? 0 });
      }),
      { numRuns: 3000, seed: 11 },
    );
    expect(latinCount('\ud801a\udf80')).toEqual({ latin: 1, nonAscii: 2 });
    expect(latinCount('x\ud801\udf80é')).toEqual({ latin: 3, nonAscii: 3 });
  });

  it('detectLanguage still names the language and its stoplist', () => {
    const en = detectLanguage(['The government said on Tuesday that it would not change the rules for the election, despite the protests of the opposition parties in the capital.']);
    expect(en.code).toBe('en');
    expect(en.stopSource).toBe('stoplist');
    const ru = detectLanguage(['Правительство заявило во вторник, что не будет менять правила выборов, несмотря на протесты оппозиционных партий в столице.']);
    expect(ru.code).toBe('ru');
  });
  it('detectLanguage passes over markup printed as text (a noscript image, an embed code)', () => {
    const zh = ['一波波接續性低溫寒流報到 已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣', '玉峰道路一路上雲氣山嵐滯留山頭 順路下切蜿蜒道路後不久即抵達來到玉峰國小', '美樹美如其名偌大楓香樹早已呈現金黃 泛紅色彩也是愛攝人仕所喜愛造訪之地'];
    const markup = ['<img src="https://example.cloudfront.net/atrk.gif?account=H00Mh1aIE700wg" style="display:none" height="1" width="1" alt="" />', '<iframe src="//www.googletagmanager.com/ns.html?id=GTM-KGMWFG" height="0" width="0" style="display:none;visibility:hidden"></iframe>'];
    expect(detectLanguage([...markup, ...markup, ...zh]).code).toBe('zh');
  });
  it('detectLanguage passes over rules, the longest lines of a text browser\'s page', () => {
    const prose = ['The government said on Tuesday that it would not change the rules for the election.', 'The opposition parties protested in the capital, and their leaders met the president.'];
    expect(detectLanguage(['━'.repeat(1100), ...prose, '─'.repeat(300)]).code).toBe('en');
    expect(detectLanguage(['● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ● ●'.repeat(30), ...prose]).code).toBe('en');
  });
});
