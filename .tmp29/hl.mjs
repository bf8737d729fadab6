import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
const { extract } = await import('/work/main/dist/index.js');
const { loadGold } = await import('/work/main/eval/run.mjs');
const set = process.argv[2];
const r = JSON.parse(readFileSync(process.argv[3], 'utf8')).rows[0];
const gold = loadGold(set);
for (const d of r.docs) {
  if (d.headlineOk !== false) continue;
  const a = extract(gunzipSync(readFileSync(d.path)).toString(), { inputFormat: 'html' });
  console.log(d.id.padEnd(28), '|', JSON.stringify(a.headline)?.slice(0, 90), '| gold', JSON.stringify(gold[d.id].headline)?.slice(0, 90));
}
