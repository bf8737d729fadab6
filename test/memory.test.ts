/**
 * What a long run keeps: after many pages, the library holds its bounded caches and nothing of
 * the pages themselves. Run in a child process of the built library with `--expose-gc`, so the
 * heap can be measured after a full collection.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = pathToFileURL(resolve(import.meta.dirname, '..', 'dist', 'index.js')).href;

/**
 * Extract `pages` pages of ~1 MB each, every one with class names no other page has, and print
 * the heap's growth in bytes between a collection after a first small page and one after the
 * last page.
 */
const SCRIPT = `
const { extract } = await import(${JSON.stringify(DIST)});
const page = (i, pad) => '<html><head><title>Page ' + i + ' of the run</title></head><body>' +
  '<div class="story-container-' + i + ' layout-wide-column-' + i + '"><h1>Headline number ' + i + ' of the run</h1>' +
  '<p class="story-paragraph-text-' + i + '">' + 'A sentence of the article that goes on for a while. '.repeat(8) + '</p>' +
  '<!-- ' + 'x'.repeat(pad) + ' --></div><footer class="site-footer-links-' + i + '">Copyright 2026</footer></body></html>';
extract(page(-1, 10), { inputFormat: 'html' });
globalThis.gc(); globalThis.gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < Number(process.argv[1]); i++) extract(page(i, 1_000_000), { inputFormat: 'html' });
globalThis.gc(); globalThis.gc();
console.log(process.memoryUsage().heapUsed - before);
`;

describe('memory over many pages', () => {
  it("keeps no page alive: the class/id caches hold copies, not cuts of the page's source", () => {
    const pages = 40;
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', SCRIPT, String(pages)], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const grown = Number(r.stdout.trim());
    // Forty pages of 1 MB each: a cache keeping each page alive grows the heap by ~40 MB.
    expect(grown).toBeLessThan(12_000_000);
  }, 150_000);
});
