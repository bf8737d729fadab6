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
  /**
   * For rows that can match anywhere in a line (not anchored with `^`): lower-case literals of
   * which at least one must occur in any line the row matches. Lines without any are not tried,
   * which keeps the cost of a table near one scan per line. A test checks every unanchored row
   * has them.
   */
  keywords?: readonly string[];
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

/** Split a regex source at its top-level `|` (outside groups and classes). */
function topLevelAlternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let last = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(source.slice(last));
  return parts;
}

/** True when every top-level alternative starts with `^`: the row can only match at the start. */
export function isAnchored(pattern: RegExp): boolean {
  return topLevelAlternatives(pattern.source).every((alt) => alt.startsWith('^'));
}

export function compileTable<K extends string>(rows: readonly PatternRow<K>[]): CompiledTable<K> {
  for (const r of rows) {
    if (r.pattern.global || r.pattern.sticky || !r.pattern.unicode) {
      throw new Error(`pattern row ${r.id}: use the flags u or iu only`);
    }
  }
  // Rows anchored at the start are combined into one sticky regex per case mode, tried at position
  // 0 only: one regex to compile and one exec per line, whatever the number of rows. (JS has no
  // inline flag groups on Node 20, so case-insensitive and case-sensitive rows need two.) Rows that
  // can match anywhere run one by one, each only on lines holding one of its keywords: in V8 a
  // combined alternation of unanchored rows is slower than the rows alone.
  const anchored = rows.filter((r) => isAnchored(r.pattern));
  const floating = rows.filter((r) => !isAnchored(r.pattern));
  const build = (group: readonly PatternRow<K>[], flags: string): RegExp | null =>
    group.length === 0 ? null : new RegExp(group.map((r) => `(?<r${rows.indexOf(r)}>${r.pattern.source})`).join('|'), flags);
  const combined = [build(anchored.filter((r) => r.pattern.ignoreCase), 'iuy'), build(anchored.filter((r) => !r.pattern.ignoreCase), 'uy')].filter(
    (r): r is RegExp => r !== null,
  );
  const longest = Math.max(...anchored.map((r) => r.maxLength ?? Infinity), 0);
  const fits = (row: PatternRow<K>, text: string): boolean => row.maxLength === undefined || text.length <= row.maxLength;
  const rowHit = (row: PatternRow<K>, text: string): PatternHit<K> | null => {
    const own = row.pattern.exec(text);
    return own === null ? null : { row, match: own };
  };
  return {
    rows,
    match(text: string): PatternHit<K> | null {
      if (text.length <= longest) {
        for (const re of combined) {
          re.lastIndex = 0;
          const m = re.exec(text);
          if (m === null || m.groups === undefined) continue;
          let row: PatternRow<K> | undefined;
          for (const name in m.groups) {
            if (m.groups[name] !== undefined) {
              row = rows[Number(name.slice(1))]!;
              break;
            }
          }
          if (row === undefined) continue;
          // Re-run the row alone for its own numbered capture groups. A row whose length limit
          // the line exceeds does not count: then the other anchored rows are tried one by one.
          if (fits(row, text)) return rowHit(row, text);
          for (const other of anchored) {
            if (other !== row && fits(other, text)) {
              const hit = rowHit(other, text);
              if (hit !== null) return hit;
            }
          }
          break;
        }
      }
      let best: PatternHit<K> | null = null;
      let lower: string | null = null;
      for (const row of floating) {
        if (!fits(row, text)) continue;
        if (row.keywords !== undefined) {
          lower ??= text.toLowerCase();
          if (!row.keywords.some((k) => lower!.includes(k))) continue;
        }
        const hit = rowHit(row, text);
        if (hit !== null && (best === null || hit.match.index < best.match.index)) best = hit;
      }
      return best;
    },
  };
}
