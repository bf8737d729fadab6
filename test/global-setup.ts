/**
 * Before the suite: bring the bundled CLI (dist/bin/, scripts/bundle.mjs) up to date with tsc's
 * output, so the CLI tests spawn the same bundle that `npm run build` ships, even after a plain
 * `tsc -p .` (the bin would otherwise fall back to the unbundled dist/cli/main.js).
 */
// @ts-expect-error: a plain ESM script without type declarations
import { bundle, bundleIsStale } from '../scripts/bundle.mjs';

export default async function setup(): Promise<void> {
  if ((bundleIsStale as () => boolean)()) await (bundle as () => Promise<unknown>)();
}
