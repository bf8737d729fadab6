/**
 * Colour decision for the CLI, from the environment the CLI was given (not the global one), so
 * `run()` can be driven with any env: FORCE_COLOR wins (as in Node and chalk), then NO_COLOR
 * (https://no-color.org: present and non-empty disables colour), then TERM=dumb, then "is stdout
 * a terminal". Output to a pipe or a file is never coloured unless FORCE_COLOR asks for it.
 */
import { Chalk, type ChalkInstance, type ColorSupportLevel } from 'chalk';

export type Env = Record<string, string | undefined>;

/** chalk level 0..3 for output to a stream that is (or is not) a terminal. */
export function colorLevel(env: Env, isTTY: boolean): ColorSupportLevel {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) {
    if (force === '' || force === 'true') return 1;
    if (force === 'false') return 0;
    const n = Number.parseInt(force, 10);
    if (Number.isNaN(n)) return 1;
    return Math.max(0, Math.min(n, 3)) as ColorSupportLevel;
  }
  const noColor = env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return 0;
  if (!isTTY || env['TERM'] === 'dumb') return 0;
  if (env['COLORTERM'] === 'truecolor' || env['COLORTERM'] === '24bit') return 3;
  if (/-256(color)?$/i.test(env['TERM'] ?? '')) return 2;
  return 1;
}

/** A chalk instance with the level {@link colorLevel} decides. */
export function chalkFor(env: Env, isTTY: boolean): ChalkInstance {
  return new Chalk({ level: colorLevel(env, isTTY) });
}
