#!/usr/bin/env node
// Thin shim. dist/bin/main.js is the bundled CLI (scripts/bundle.mjs, part of `npm run build`);
// it runs only while it is at least as new as tsc's output, so a plain `tsc -p .` never leaves
// the bin running stale code (it then runs the unbundled dist/cli/main.js).
import { statSync } from 'node:fs';

const bundled = new URL('../dist/bin/main.js', import.meta.url);
const stat = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? -1;
await import(stat(bundled) >= stat(new URL('../dist/cli/main.js', import.meta.url)) ? bundled : '../dist/cli/main.js');
