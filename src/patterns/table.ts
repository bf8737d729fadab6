/**
 * Pattern tables are data: rows of `{id, kind, pattern, note, example, nearMiss}`. Every row carries
 * a positive example and a near-miss negative, and a test checks both for every row, so a new row
 * cannot land untested. Each table compiles once into a single combined regex, so a line is
 * matched against a whole table in one pass.
 */

export interface PatternRow<K extends string = string> {
  /** Stable identifier, shown in `--explain` reasons. */
  id: string;
  kind: K;
  /** Unicode-aware, anchored where the row means "the whole line". No `g`/`y` flags. */
  pattern: RegExp;
  /** Why the row exists, and what it must not catch. */
  note: string;
  /** A line the row must match. */
  example: string;
  /** A similar line the row must not match. */
  nearMiss: string;
  /**
   * Longest line (in characters) the row applies to; longer lines are body-length text where a
   * hit is more likely a quotation than furniture. Default: no limit.
   */
  maxLength?: number;
}

export interface PatternHit<K extends string = string> {
  row: PatternRow<K>;
  match: RegExpExecArray;
}

/** A table compiled for one-pass matching. */
export interface CompiledTable<K extends string = string> {
  rows: readonly PatternRow<K>[];
  /** First matching row (in table order) for `text`, or null. */
  match(text: string): PatternHit<K> | null;
}

export function compileTable<K extends string>(rows: readonly PatternRow<K>[]): CompiledTable<K> {
  for (const r of rows) {
    if (r.pattern.global || r.pattern.sticky || !r.pattern.unicode) {
      throw new Error(`pattern row ${r.id}: use the flags u or iu only`);
    }
  }
  // Rows are bucketed by their length limit: a line of n characters is matched against one
  // combined regex of exactly the rows whose limit admits n. Case-insensitive and case-sensitive
  // rows need separate regexes (JS has no inline flag groups on Node 20).
  const limits = [...new Set(rows.map((r) => r.maxLength ?? Infinity))].sort((a, b) => a - b);
  const build = (group: readonly PatternRow<K>[], flags: string): RegExp | null =>
    group.length === 0 ? null : new RegExp(group.map((r) => `(?<r${rows.indexOf(r)}>${r.pattern.source})`).join('|'), flags);
  const buckets = limits.map((limit) => {
    const eligible = rows.filter((r) => (r.maxLength ?? Infinity) >= limit);
    return {
      limit,
      regexes: [
        build(eligible.filter((r) => r.pattern.ignoreCase), 'iu'),
        build(eligible.filter((r) => !r.pattern.ignoreCase), 'u'),
      ].filter((r): r is RegExp => r !== null),
    };
  });
  return {
    rows,
    match(text: string): PatternHit<K> | null {
      const bucket = buckets.find((b) => b.limit >= text.length);
      if (bucket === undefined) return null;
      let best: PatternHit<K> | null = null;
      for (const re of bucket.regexes) {
        const m = re.exec(text);
        if (m === null || m.groups === undefined) continue;
        if (best !== null && best.match.index <= m.index) continue;
        for (const [name, value] of Object.entries(m.groups)) {
          if (value === undefined || name.charCodeAt(0) !== 114 /* r */) continue;
          const row = rows[Number(name.slice(1))]!;
          // Re-run the row alone for its own numbered capture groups.
          row.pattern.lastIndex = 0;
          const own = row.pattern.exec(text);
          if (own !== null) best = { row, match: own };
          break;
        }
      }
      return best;
    },
  };
}
