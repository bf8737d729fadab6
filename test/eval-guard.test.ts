/**
 * Regression guard on extraction quality: runs the eval (in-process, eval/run.mjs) on a fixed,
 * deterministic sample of the development corpora and asserts body F1 >= a floor per row.
 *
 * FLOORS were set from the numbers of the classifier at the time of the last edit of this table,
 * minus ~0.02. The lead must RAISE them after each round of tuning (to the new numbers minus ~0.02), so that a
 * change that loses quality fails here.
 *
 * Skipped only when the corpus directory ($NEWSCLEAN_CORPUS or /work/shared/corpus) is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-ignore -- plain ESM JavaScript with JSDoc types, outside the TypeScript project
import { corpusDir, evalNewsclean, readInput, setIds } from '../eval/run.mjs';
// @ts-ignore -- plain ESM JavaScript with JSDoc types, outside the TypeScript project
import { aggregate, scoreDoc } from '../eval/metric.mjs';

/** Documents per set: the first SAMPLE ids in sorted order. */
const SAMPLE = 100;

/**
 * set, rendering, floor on body F1 (balanced). Set at commit time from the measured numbers (in the
 * comments) minus ~0.02, floored to two decimals. RAISE them after each round of tuning.
 */
const FLOORS: [set: string, rendering: string, floor: number][] = [
  ['l3s-gn1', 'text-chromium', 0.92], // measured 0.942 (session 14)
  ['l3s-gn1', 'text-w3m', 0.93], // measured 0.950
  ['l3s-gn1', 'html', 0.96], // measured 0.981 (a runaway <title> no longer swallows 2 pages of the sample)
  ['cleanportaleval', 'text-chromium', 0.93], // measured 0.954 (71 docs: the whole set)
  ['cleanportaleval', 'text-w3m', 0.92], // measured 0.948
  ['cleanportaleval', 'html', 0.91], // measured 0.937
  ['dragnet', 'text-chromium', 0.85], // measured 0.876 (session 16)
  ['dragnet', 'text-w3m', 0.83], // measured 0.856
  ['dragnet', 'html', 0.84], // measured 0.860
  ['readability', 'text-chromium', 0.88], // measured 0.902 (session 16)
  ['readability', 'text-w3m', 0.86], // measured 0.882
  ['readability', 'html', 0.92], // measured 0.940
];

const dir: string = corpusDir();
const present = existsSync(dir) && FLOORS.every(([set]) => existsSync(join(dir, set, 'gold.json')));
const reason = `corpus directory ${dir} (or one of its sets) is absent: set NEWSCLEAN_CORPUS`;

describe.skipIf(!present)(present ? `eval guard (first ${SAMPLE} ids per set)` : `eval guard SKIPPED: ${reason}`, () => {

  for (const [set, rendering, floor] of FLOORS) {
    it(`${set} ${rendering}: F1 >= ${floor}`, async () => {
      const row = await evalNewsclean({ set, rendering, limit: SAMPLE, dir });
      const s = row.summary;
      expect(s.docs).toBe(Math.min(SAMPLE, setIds(set, 0, dir).length));
      // Exceptions are quality failures too: list them in the message.
      expect(row.errors, JSON.stringify(row.errors.slice(0, 3))).toEqual([]);
      expect(s.f1, `${set}/${rendering}: F1 ${s.f1.toFixed(3)} (P ${s.precision.toFixed(3)}, R ${s.recall.toFixed(3)})`).toBeGreaterThanOrEqual(floor);
    });
  }

  // Headline accuracy, on the whole of l3s-gn1 (a second or two a rendering): the issues' lines,
  // #3's 0.90 from the text and #4's 0.95 from the HTML (measured 0.902 and 0.960). A rule that
  // takes a headline from a few pages fails here, not only in `npm run eval`.
  for (const [rendering, floor] of [['text-chromium', 0.9], ['html', 0.95]] as const) {
    it(`l3s-gn1 ${rendering}: headline accuracy >= ${floor} (all documents)`, async () => {
      const s = (await evalNewsclean({ set: 'l3s-gn1', rendering, dir })).summary;
      expect(s.headlineAcc, `${s.headlineOk}/${s.headlineDocs}`).toBeGreaterThanOrEqual(floor);
    });
  }

  it('reproduces the corpus README reference: keep every line of cleanportaleval text-chromium', () => {
    // README: 0.657 / 0.495 / 0.976 (F1 / P / R). This pins the metric and the file reading. The
    // README measured the golds as shipped (loadGold mends one of this set's: see repairGold).
    const gold = JSON.parse(readFileSync(join(dir, 'cleanportaleval', 'gold.json'), 'utf8')) as Record<string, { articleBody: string }>;
    const scores = setIds('cleanportaleval', 0, dir).map((id: string) =>
      scoreDoc(readInput('cleanportaleval', 'text-chromium', id, dir).toString('utf8'), gold[id].articleBody),
    );
    const a = aggregate(scores);
    expect(a.docs).toBe(71);
    expect(a.f1.toFixed(3)).toBe('0.657');
    expect(a.precision.toFixed(3)).toBe('0.495');
    expect(a.recall.toFixed(3)).toBe('0.976');
  });
});
