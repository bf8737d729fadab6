/**
 * Whether the pipeline writes down why each block got its role (`Block.reasons`, what
 * `--format annotate --explain` shows). `analyze()` records them unless told not to; `extract()`
 * never does: the Article carries no reasons, and formatting a few strings for every block cost the
 * text path ~5% of its time and a large page much of its memory. One flag for the whole synchronous
 * run, set and restored by `analyze()`.
 */
export const trace = { reasons: true };
