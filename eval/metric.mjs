/**
 * The body metric of the development corpora (see `/work/shared/corpus/README.md`), the one used by
 * the public article-extraction benchmarks:
 *
 * 1. tokens are the runs of `\w+` (Unicode word characters);
 * 2. a text becomes the multiset of its 4-token shingles (fewer than 4 tokens: one shingle of all
 *    of them; no tokens: no shingle);
 * 3. per document TP/FP/FN over the multisets, each divided by TP+FP+FN so every document weighs
 *    the same;
 * 4. precision = mean over documents with TP+FP > 0 of TP/(TP+FP) (1 when FP = FN = 0), recall
 *    likewise over documents with TP+FN > 0;
 * 5. F1 = 2PR/(P+R) of the two means.
 *
 * Token class: Python's `re` `\w` on str is "alphanumeric per str.isalnum(), plus `_`", i.e. the
 * general categories L* and N* plus `_`. It does NOT include combining marks (M*): Python splits
 * "हिन्दी" at its vowel signs and virama. `[\p{L}\p{N}_]` was checked code point by code point
 * against Python 3.11's `\w` over the whole Unicode range: the only differences are code points
 * unassigned in Python's older Unicode database (14.0 vs Node's 17.0). Adding `\p{M}` would differ
 * on ~2,500 assigned code points (all combining marks), so we leave it out.
 *
 * @module
 */

/** Unicode word-character runs, as Python's `re.findall(r'\w+', text)`. */
export const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

/** Shingle size. */
export const SHINGLE_N = 4;

/**
 * Split a text into tokens.
 * @param {string | null | undefined} text
 * @returns {string[]}
 */
export function tokenize(text) {
  if (!text) return [];
  return text.match(TOKEN_RE) ?? [];
}

/**
 * The multiset of n-token shingles of a text, as a Map shingle → count.
 * @param {string | null | undefined} text
 * @param {number} [n]
 * @returns {{ shingles: Map<string, number>, tokens: number }}
 */
export function shingles(text, n = SHINGLE_N) {
  const tokens = tokenize(text);
  /** @type {Map<string, number>} */
  const out = new Map();
  if (tokens.length > 0) {
    const count = Math.max(1, tokens.length - n + 1);
    for (let i = 0; i < count; i++) {
      // A space never occurs inside a token, so joining by space is unambiguous.
      const key = tokens.slice(i, i + n).join(' ');
      out.set(key, (out.get(key) ?? 0) + 1);
    }
  }
  return { shingles: out, tokens: tokens.length };
}

/**
 * @typedef {object} DocScore
 * @property {number} tp        normalised true positives (tp+fp+fn = 1, or all 0)
 * @property {number} fp        normalised false positives
 * @property {number} fn        normalised false negatives
 * @property {number} rawTp     shingle counts before normalisation
 * @property {number} rawFp
 * @property {number} rawFn
 * @property {number} predTokens
 * @property {number} goldTokens
 * @property {number | null} precision  per-document precision, null when TP+FP = 0
 * @property {number | null} recall     per-document recall, null when TP+FN = 0
 * @property {number} f1        per-document F1 (0 when undefined; 1 when both texts are empty)
 */

/**
 * @param {number} tp @param {number} fp @param {number} fn
 * @returns {number | null}
 */
function docPrecision(tp, fp, fn) {
  if (tp + fp <= 0) return null;
  if (fp === 0 && fn === 0) return 1;
  return tp / (tp + fp);
}

/**
 * @param {number} tp @param {number} fp @param {number} fn
 * @returns {number | null}
 */
function docRecall(tp, fp, fn) {
  if (tp + fn <= 0) return null;
  if (fp === 0 && fn === 0) return 1;
  return tp / (tp + fn);
}

/**
 * Score one predicted text against its gold text.
 * @param {string | null | undefined} pred
 * @param {string | null | undefined} gold
 * @returns {DocScore}
 */
export function scoreDoc(pred, gold) {
  const p = shingles(pred);
  const g = shingles(gold);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, pc] of p.shingles) {
    const gc = g.shingles.get(key) ?? 0;
    tp += Math.min(pc, gc);
    if (pc > gc) fp += pc - gc;
  }
  for (const [key, gc] of g.shingles) {
    const pc = p.shingles.get(key) ?? 0;
    if (gc > pc) fn += gc - pc;
  }
  const s = tp + fp + fn;
  const ntp = s > 0 ? tp / s : 0;
  const nfp = s > 0 ? fp / s : 0;
  const nfn = s > 0 ? fn / s : 0;
  const precision = docPrecision(ntp, nfp, nfn);
  const recall = docRecall(ntp, nfp, nfn);
  let f1;
  if (s === 0) f1 = 1;
  else if (precision === null || recall === null || precision + recall === 0) f1 = 0;
  else f1 = (2 * precision * recall) / (precision + recall);
  return {
    tp: ntp,
    fp: nfp,
    fn: nfn,
    rawTp: tp,
    rawFp: fp,
    rawFn: fn,
    predTokens: p.tokens,
    goldTokens: g.tokens,
    precision,
    recall,
    f1,
  };
}

/**
 * @typedef {object} Summary
 * @property {number} docs       number of scores aggregated
 * @property {number} precision  mean per-document precision over documents with TP+FP > 0 (NaN if none)
 * @property {number} recall     mean per-document recall over documents with TP+FN > 0 (NaN if none)
 * @property {number} f1         2PR/(P+R) of the two means (0 when P+R = 0)
 */

/**
 * Aggregate per-document scores into the corpus-level precision, recall and F1.
 * @param {Pick<DocScore, 'tp' | 'fp' | 'fn'>[]} scores
 * @returns {Summary}
 */
export function aggregate(scores) {
  let pSum = 0;
  let pN = 0;
  let rSum = 0;
  let rN = 0;
  for (const { tp, fp, fn } of scores) {
    const p = docPrecision(tp, fp, fn);
    if (p !== null) {
      pSum += p;
      pN++;
    }
    const r = docRecall(tp, fp, fn);
    if (r !== null) {
      rSum += r;
      rN++;
    }
  }
  const precision = pN > 0 ? pSum / pN : NaN;
  const recall = rN > 0 ? rSum / rN : NaN;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { docs: scores.length, precision, recall, f1 };
}
