import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
const A = await import('/work/speed-base/dist/index.js');
const B = await import('/work/main/dist/index.js');
const root = '/work/shared/corpus';
let n = 0, hb = 0, bb = 0;
for (const set of readdirSync(root).filter((s) => !s.endsWith('.md'))) {
  for (const f of readdirSync(`${root}/${set}/html`)) {
    const s = gunzipSync(readFileSync(`${root}/${set}/html/${f}`)).toString();
    const a = A.extract(s, { inputFormat: 'html' }), b = B.extract(s, { inputFormat: 'html' });
    n++;
    if (a.headline !== b.headline) { hb++; console.log('H', set, f, JSON.stringify(a.headline)?.slice(0, 70), '->', JSON.stringify(b.headline)?.slice(0, 70)); }
    if (a.body !== b.body) { bb++; console.log('B', set, f, a.body.length, '->', b.body.length); }
  }
}
console.log(n, 'pages; headline changed', hb, 'body changed', bb);
