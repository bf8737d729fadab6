import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
const { loadGold } = await import('/work/main/eval/run.mjs');
const tok = (s) => (s.match(/\w+/gu) || []).join(' ').toLowerCase();
for (const set of ['dragnet','cleanportaleval','l3s-gn1','readability']) {
  const gold = loadGold(set);
  for (const f of readdirSync(`/work/shared/corpus/${set}/html`)) {
    const html = gunzipSync(readFileSync(`/work/shared/corpus/${set}/html/${f}`)).toString();
    if (!html.includes('twitter-tweet')) continue;
    const $ = cheerio.load(html, { xml: false });
    const tw = $('blockquote.twitter-tweet').toArray();
    if (!tw.length) continue;
    const id = f.replace(/\.html\.gz$/, '');
    const g = tok(gold[id]?.articleBody ?? '');
    let inG = 0;
    for (const t of tw) { const p = tok($(t).find('p').first().text()); if (p && g.includes(p.slice(0, 60))) inG++; }
    console.log(set, id, 'tweets', tw.length, 'in gold', inG);
  }
}
