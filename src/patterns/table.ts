/**
 * Pattern tables are data: rows of `{id, kind, pattern, note, example, nearMiss}`. Every row carries
 * a positive example and a near-miss negative, and a test checks both for every row, so a new row
 * cannot land untested. A line is tried only against the rows that can match it: anchored rows
 * whose possible first characters include the line's, and other rows whose keywords it holds.
 */

import { isPlain, PLAIN_RANGES, plainFlags, plainSource } from './plain.js';
/** `CHAR_CODE_AT.call(text, i)` for `text.charCodeAt(i)` in character loops: no megamorphic look-up on the text (see src/classify/features.ts). */
const CHAR_CODE_AT = String.prototype.charCodeAt;
const CODE_POINT_AT = String.prototype.codePointAt;

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

/**
 * A row as a table file writes it: `pattern` is a function returning the row's regex (see
 * {@link lazyRows}).
 */
export type RowSpec<K extends string = string> = Omit<PatternRow<K>, 'pattern'> & { pattern: () => RegExp };

/** Rows made by {@link lazyRows}. */
const LAZY_ROWS = new WeakSet<PatternRow>();

/**
 * A table's rows, each building its regex on first use of `pattern`. V8 parses a regex when the
 * RegExp is made (and again when it first runs it): made at load, the 69 rows of the tables cost
 * a CLI run ~5 ms of start-up, though the gates let only a few of them run on a given document
 * (the seed: 21). The bundle reads each row's gate plan at build time, keyed by row id, so the
 * CLI builds only the regexes of the rows whose gates a line passes.
 */
export function lazyRows<K extends string>(specs: readonly RowSpec<K>[]): readonly PatternRow<K>[] {
  return specs.map((spec) => {
    const row = new LazyRow(spec);
    LAZY_ROWS.add(row);
    return row;
  });
}

/**
 * A row whose regex is made on first use. A class, not an object literal with a getter: every row
 * then shares one hidden class (all fields set in one order, the getter on the prototype), so the
 * matcher's per-row loads (`maxLength`, `pattern`) stay monomorphic; spread literals with a getter
 * gave each row shape its own map, and `fits` alone took ~2.5% of the text path.
 */
class LazyRow<K extends string> implements PatternRow<K> {
  readonly id: string;
  readonly kind: K;
  readonly note: string;
  readonly example: string;
  readonly nearMiss: string;
  readonly maxLength: number | undefined;
  readonly keywords: readonly string[] | undefined;
  private re: RegExp | undefined = undefined;
  private readonly make: () => RegExp;

  constructor(spec: RowSpec<K>) {
    this.id = spec.id;
    this.kind = spec.kind;
    this.note = spec.note;
    this.example = spec.example;
    this.nearMiss = spec.nearMiss;
    this.maxLength = spec.maxLength;
    this.keywords = spec.keywords;
    this.make = spec.pattern;
  }

  get pattern(): RegExp {
    if (this.re === undefined) {
      // The bundle's plan holds the source cheapToCompile made (the regex as written is never made:
      // a regex literal costs a parse of its own, ~0.3 ms for the longest rows).
      const plan = precomputedPlan(this);
      this.re = plan?.source !== undefined ? new RegExp(plan.source, plan.flags) : cheapToCompile(this.make());
    }
    return this.re;
  }
}

/**
 * The regex a row runs on plain lines ({@link isPlain}): its source rewritten without `u`
 * (src/patterns/plain.ts), or the row's own regex when the source cannot be. From the bundle's
 * plan when there is one (the rewrite is worked out at build time, and the row's own regex is then
 * never made for a plain line).
 */
export function plainPattern(row: PatternRow, plan: GatePlan | undefined = precomputedPlan(row)): RegExp {
  const flags = plan?.flags ?? row.pattern.flags;
  const source = plan?.plain !== undefined ? plan.plain : plainSource(plan?.source ?? row.pattern.source, flags);
  return source === null ? row.pattern : new RegExp(source, plainFlags(flags));
}

/** The last line {@link plainLine} was asked about, and its answer: the tables read one line after another. */
let plainText: string | null = null;
let plainAnswer = false;

/** {@link isPlain}, remembered for the last line. */
function plainLine(text: string): boolean {
  if (text !== plainText) {
    plainText = text;
    plainAnswer = isPlain(text);
  }
  return plainAnswer;
}

/** What `.` matches (without the `s` flag), as a negated class: any character but a line terminator. */
const NOT_LINE_END = String.raw`[^\n\r\u2028\u2029]`;

/**
 * The same regex, written to compile faster: in a case-insensitive Unicode (`iu`) regex, each `.`
 * becomes `[^\n\r\u2028\u2029]`. Both match exactly the characters that are not line terminators
 * (no other character case-folds to one), but V8 case-folds `.` over all of Unicode when it
 * compiles it (~0.1 ms per dot), and a negated class over its four characters only: the rows that
 * hold dots compile in about half the time (6.8 → 3.6 ms for all of them), and the regexes the seed
 * runs cost its start-up ~1 ms less. Other regexes are returned as they are.
 */
export function cheapToCompile(re: RegExp): RegExp {
  if (!re.ignoreCase || !re.unicode || re.dotAll) return re;
  const source = re.source;
  let out = '';
  let from = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '.') {
      out += source.slice(from, i) + NOT_LINE_END;
      from = i + 1;
    }
  }
  return from === 0 ? re : new RegExp(out + source.slice(from), re.flags);
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
  /**
   * False when no row of kind `kind` matches `text` nor any stretch of it: every such row has
   * literals (or keywords) and `text` holds none of them. True otherwise (it may).
   */
  mayHold(text: string, kind: K): boolean;
}

/**
 * Past a group's opening at `at` (`(`, `(?:`, a lookaround, a named group): where its body starts,
 * and whether it is a lookaround (which consumes nothing).
 */
function groupOpen(source: string, at: number): { next: number; look: boolean } {
  const i = at + 1;
  if (source.startsWith('?:', i)) return { next: i + 2, look: false };
  if (source.startsWith('?=', i) || source.startsWith('?!', i)) return { next: i + 2, look: true };
  if (source.startsWith('?<=', i) || source.startsWith('?<!', i)) return { next: i + 3, look: true };
  if (source.startsWith('?<', i)) return { next: source.indexOf('>', i) + 1, look: false };
  return { next: i, look: false };
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

/** What can start a match of a pattern, worked out from its source (see {@link firstAtoms}). */
interface First {
  /** Sources of the single-character atoms (literals, escapes, classes, `.`) a match can begin with. */
  atoms: Set<string>;
  /** The pattern can match the empty string (or starts in a way this reading does not follow). */
  nullable: boolean;
}

/** Thrown inside {@link firstAtoms} for syntax it does not follow (back-references): no gate then. */
class Unreadable extends Error {}


/**
 * Reads the atom at `i` of a regex source that is not a group: an assertion (`^`, `$`, `\\b`,
 * `\\B`), a character class, an escape or one code point (a surrogate pair is one literal in u
 * mode). Returns the index after it and, for an assertion, its text.
 */
function simpleAtom(source: string, i: number): { next: number; assert: string | null } {
  const c = source[i]!;
  if (c === '^' || c === '$') return { next: i + 1, assert: c };
  if (c === '[') return { next: skipClass(source, i), assert: null };
  if (c === '\\') {
    const e = source[i + 1]!;
    if (e === 'b' || e === 'B') return { next: i + 2, assert: `\\${e}` };
    return { next: skipEscape(source, i), assert: null };
  }
  return { next: i + ((source.codePointAt(i) ?? 0) > 0xffff ? 2 : 1), assert: null };
}

/** The index after the escape (not `\\b` or `\\B`) that starts at `i` of a regex source. */
function skipEscape(source: string, i: number): number {
  const e = source[i + 1]!;
  if (/[1-9k]/.test(e)) throw new Unreadable('back-reference');
  if (e === 'p' || e === 'P' || (e === 'u' && source[i + 2] === '{')) return source.indexOf('}', i) + 1;
  if (e === 'u') return i + 6;
  if (e === 'x') return i + 4;
  if (e === 'c') return i + 3;
  return i + 2;
}

/** The index after the character class that opens at `i` of a regex source (`[...]`, `[^...]`). */
function skipClass(source: string, i: number): number {
  i++;
  if (source[i] === '^') i++;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

/**
 * Reads a quantifier at `i` of a regex source: `{n}`, `{n,}`, `{n,m}`, `*`, `+`, `?` (and a lazy
 * `?`). Returns its minimum (1 when there is none) and the index after it.
 */
function readQuantifier(source: string, i: number): { min: number; next: number } {
  const c = source[i];
  let min = 1;
  if (c === '*' || c === '?') {
    min = 0;
    i++;
  } else if (c === '+') i++;
  else if (c === '{') {
    const m = /^\{(\d+)(?:,\d*)?\}/.exec(source.slice(i));
    if (m === null) return { min: 1, next: i }; // a literal brace (not valid in u mode, kept for safety)
    min = Number(m[1]);
    i += m[0].length;
  } else return { min: 1, next: i };
  if (source[i] === '?') i++;
  return { min, next: i };
}
/**
 * The single-character atoms a match of a `u`-mode regex source can begin with, and whether it
 * can match the empty string. Assertions and lookarounds consume nothing and are skipped (so the
 * set may be larger than necessary, never smaller); a quantified atom with minimum 0 lets the
 * next item start the match too.
 */
export function firstAtoms(source: string): First {
  let i = 0;
  const atoms = new Set<string>();
  // Each parse function returns whether what it read can match empty, and adds the atoms that
  // can begin it to `into` when `active` (i.e. when everything before it can match empty).
  const alternation = (into: Set<string> | null): boolean => {
    let nullable = false;
    for (;;) {
      if (sequence(into)) nullable = true;
      if (source[i] === '|') {
        i++;
        continue;
      }
      return nullable;
    }
  };
  const sequence = (into: Set<string> | null): boolean => {
    let active = into;
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const atomNullable = atom(active);
      const min = quantifier();
      if (!(atomNullable || min === 0)) active = null;
    }
    return active !== null;
  };
  const quantifier = (): number => {
    const q = readQuantifier(source, i);
    i = q.next;
    return q.min;
  };
  const atom = (into: Set<string> | null): boolean => {
    const start = i;
    const c = source[i]!;
    if (c === '(') {
      const open = groupOpen(source, i);
      i = open.next;
      const look = open.look;
      const nullable = alternation(look ? null : into);
      if (source[i] !== ')') throw new Unreadable('unbalanced group');
      i++;
      return look ? true : nullable;
    }
    const a = simpleAtom(source, i);
    i = a.next;
    if (a.assert !== null) return true;
    into?.add(source.slice(start, i));
    return false;
  };
  const nullable = alternation(atoms);
  if (i !== source.length) throw new Unreadable(`unexpected ${source[i]}`);
  return { atoms, nullable };
}

/** A regex source read as a tree, for {@link lastAtoms}: alternatives of sequences of items. */
type Alternation = Item[][];
interface Item {
  /** A single-character atom (its source), a group, or an assertion (`^`, `$`, `\b`, `\B`). */
  atom: { char: string } | { group: Alternation; look: boolean } | { assert: string };
  /** Least number of repetitions. */
  min: number;
}

/** Parse a `u`-mode regex source into a tree (throws Unreadable for back-references). */
function parseSource(source: string): Alternation {
  let i = 0;
  const alternation = (): Alternation => {
    const alts: Item[][] = [];
    for (;;) {
      alts.push(sequence());
      if (source[i] !== '|') return alts;
      i++;
    }
  };
  const sequence = (): Item[] => {
    const items: Item[] = [];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const atom = readAtom();
      items.push({ atom, min: quantifier() });
    }
    return items;
  };
  const quantifier = (): number => {
    const q = readQuantifier(source, i);
    i = q.next;
    return q.min;
  };
  const readAtom = (): Item['atom'] => {
    const start = i;
    const c = source[i]!;
    if (c === '(') {
      const open = groupOpen(source, i);
      i = open.next;
      const group = alternation();
      if (source[i] !== ')') throw new Unreadable('unbalanced group');
      i++;
      return { group, look: open.look };
    }
    const a = simpleAtom(source, i);
    i = a.next;
    return a.assert !== null ? { assert: a.assert } : { char: source.slice(start, i) };
  };
  const tree = alternation();
  if (i !== source.length) throw new Unreadable(`unexpected ${source[i]}`);
  return tree;
}

/**
 * For a `u`-mode regex source every match of which ends at the end of the input (each alternative
 * ends with `$`, lookarounds and `\b` aside): the single-character atoms a match can end with. Null
 * when not every match ends there, or when a match can be empty (then the line's last character
 * says nothing), or for syntax it does not follow. The set may be larger than necessary, never
 * smaller.
 */
export function lastAtoms(source: string): Set<string> | null {
  let tree: Alternation;
  try {
    tree = parseSource(source);
  } catch (err) {
    if (err instanceof Unreadable) return null;
    throw err;
  }
  const consumesNothing = (item: Item): boolean => 'assert' in item.atom || ('group' in item.atom && item.atom.look);
  const itemNullable = (item: Item): boolean => item.min === 0 || consumesNothing(item) || ('group' in item.atom && nullable(item.atom.group));
  const nullable = (alt: Alternation): boolean => alt.some((seq) => seq.every(itemNullable));
  /** Every match of `alt` ends at the end of the input. */
  const endsAtEnd = (alt: Alternation): boolean =>
    alt.every((seq) => {
      for (let k = seq.length - 1; k >= 0; k--) {
        const item = seq[k]!;
        const atom = item.atom;
        if ('assert' in atom) {
          if (atom.assert === '$') return true;
          if (atom.assert === '^') return false;
          continue;
        }
        if ('group' in atom && atom.look) continue;
        return 'group' in atom && item.min >= 1 && endsAtEnd(atom.group);
      }
      return false;
    });
  const collect = (alt: Alternation, into: Set<string>): void => {
    for (const seq of alt) {
      for (let k = seq.length - 1; k >= 0; k--) {
        const item = seq[k]!;
        const atom = item.atom;
        if ('char' in atom) into.add(atom.char);
        else if ('group' in atom && !atom.look) collect(atom.group, into);
        if (!itemNullable(item)) break;
      }
    }
  };
  if (!endsAtEnd(tree) || nullable(tree)) return null;
  const atoms = new Set<string>();
  collect(tree, atoms);
  return atoms.size > 0 ? atoms : null;
}

/** Every character of the Basic Multilingual Plane but the surrogates, made on first use. */
let bmp: string | null = null;
const lowersAlikeCache = new Map<string, boolean>();

/**
 * Whether every character a case-insensitive `u`-mode regex matches for the non-ASCII character
 * `ch` lower-cases (String#toLowerCase, one character at a time) to what `ch` lower-cases to: then
 * `ch`, lower-cased, can stand in a required literal looked for in the lower-cased line. Asked of
 * V8 itself, over the whole BMP (simple case folding keeps a character in its plane): e.g. `é`
 * (É) and `р` are, `о` is not (U+1C82 folds to it but lower-cases to itself), nor is `σ` (`ς`).
 */
function lowersAlike(ch: string): boolean {
  let yes = lowersAlikeCache.get(ch);
  if (yes !== undefined) return yes;
  const u = ch.charCodeAt(0);
  yes = ch.length === 1 && u >= 0x80 && !(u >= 0xd800 && u <= 0xdfff);
  if (yes) {
    if (bmp === null) {
      const parts: string[] = [];
      for (let start = 0; start < 0x10000; start += 0x800) {
        const units: number[] = [];
        for (let c = start; c < start + 0x800; c++) if (c < 0xd800 || c > 0xdfff) units.push(c);
        parts.push(String.fromCharCode(...units));
      }
      bmp = parts.join('');
    }
    const lower = ch.toLowerCase();
    for (const m of bmp.matchAll(new RegExp(`\\u{${u.toString(16)}}`, 'giu'))) {
      if (m[0].toLowerCase() !== lower) {
        yes = false;
        break;
      }
    }
  }
  lowersAlikeCache.set(ch, yes);
  return yes;
}

/** An ASCII digit as the literal index reads it (see {@link requiredLiterals}). */
const foldDigit = (ch: string): string => (ch >= '0' && ch <= '9' ? '0' : ch);

/** Largest literal set followed when reading required literals. */
const MAX_LITERALS = 24;

interface Literals {
  /** Every string the part can match, lower-cased, when few and ASCII-only; null otherwise. */
  exact: Set<string> | null;
  /** Lower-cased ASCII strings one of which occurs in every match of the part; null for none known. */
  required: Set<string> | null;
  /** Read for plain lines ({@link requiredLiterals}'s `plainOnly`): the part matches no plain line. */
  never?: boolean;
}

/** Whether code point `cp` (beyond ASCII) may stand in a plain line ({@link PLAIN_RANGES}). */
const plainChar = (cp: number): boolean => PLAIN_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);

/** Better requirement: longer shortest string, then fewer strings. */
function better(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (a === null) return b;
  if (b === null) return a;
  if (weak(a) && !weak(b) && !figured(b)) return b;
  if (weak(b) && !weak(a) && !figured(a)) return a;
  const min = (x: Set<string>): number => Math.min(...[...x].map((v) => v.length));
  if (min(a) !== min(b)) return min(a) > min(b) ? a : b;
  return a.size <= b.size ? a : b;
}
/**
 * A set holding a word of one or two letters ("re", "by", "di"): found in most lines of prose,
 * inside longer words. A set without one lets fewer lines through, however short its literals
 * (":", "("), unless it holds a figure (any digit, read as `0`): then the shorter literals are
 * worse (comment-byline's "re" gave way to ":", 105,146 runs over the corpus's texts to 55,442;
 * post-meta's "by" did not to its date's digits and month names).
 */
const weak = (set: Set<string>): boolean => [...set].some((v) => v.length <= 2 && /^[a-z]+$/i.test(v));
const figured = (set: Set<string>): boolean => [...set].some((v) => v.includes('0'));
function cross(a: Set<string>, b: Set<string>): Set<string> | null {
  if (a.size * b.size > MAX_LITERALS) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}
const usable = (set: Set<string> | null): Set<string> | null => (set !== null && set.size > 0 && ![...set].includes('') ? set : null);

/** Regex metacharacters. */
const REGEX_META = /[.*+?^${}()|[\]\\/]/g;

/** `text` as a regex source that matches it as written. */
export function escapeRegExp(text: string): string {
  return text.replace(REGEX_META, '\\$&');
}

/**
 * Literals of which every match of a `u`-mode regex source contains one (lower-cased, every digit
 * written `0`), or null when none can be read. Sound for lower-cased text with `ſ` read as `s` and
 * every ASCII digit as `0`: the only characters that case-insensitively match ASCII letters are
 * their two cases, `ſ` and the Kelvin sign, which lower-cases to `k`; `\d` is `[0-9]` in `u` mode;
 * with `nonAscii`, a non-ASCII character is read as itself lower-cased when every character
 * matching it lower-cases the same ({@link lowersAlike}: ~1 ms per character, so the bundle's
 * precomputed gate plans do it, not the library at load). Other characters, classes other than a few plain
 * characters or `0-9`, `.`, and escapes like `\s` are read as unknown characters. With `asWritten`
 * (for case-sensitive rows) the literals are exactly as written (case and digits kept, any
 * characters; `\d` unknown), for the line as is.
 */
export function requiredLiterals(source: string, asWritten = false, nonAscii = false, plainOnly = false): string[] | null {
  let i = 0;
  /** A literal character as the index reads it, or null when it cannot be one (see above). */
  const literal = (ch: string): string | null => {
    if (asWritten) {
      const u = ch.charCodeAt(0);
      return u < 0x20 || (ch.length === 1 && u >= 0xd800 && u <= 0xdfff) ? null : ch;
    }
    if (ch >= ' ' && ch <= '~') return foldDigit(ch.toLowerCase());
    // A plain line's characters beyond ASCII are caseless: each matches itself alone (plainOnly).
    if (plainOnly && plainChar(ch.codePointAt(0)!)) return ch;
    return nonAscii && lowersAlike(ch) ? ch.toLowerCase() : null;
  };
  /**
   * With `plainOnly`: a character beyond ASCII that no character of a plain line matches, case
   * folded (none but itself, for a plain one; ASCII letters, for `ſ` and the Kelvin sign).
   */
  const absent = (ch: string): boolean => {
    const cp = ch.codePointAt(0)!;
    return plainOnly && !asWritten && cp >= 128 && cp !== 0x17f && cp !== 0x212a && !plainChar(cp);
  };
  const unknown: Literals = { exact: null, required: null };
  const never = (): Literals => ({ exact: new Set(), required: null, never: true });
  const empty = (): Literals => ({ exact: new Set(['']), required: null });
  const alternation = (): Literals => {
    const all: Literals[] = [];
    for (;;) {
      all.push(sequence());
      if (source[i] !== '|') break;
      i++;
    }
    if (all.length === 1) return all[0]!;
    // A branch that matches no plain line adds nothing a plain line's match may hold.
    const branches = all.filter((b) => b.never !== true);
    if (branches.length === 0) return never();
    let exact: Set<string> | null = new Set();
    let required: Set<string> | null = new Set();
    for (const b of branches) {
      exact = exact !== null && b.exact !== null && exact.size + b.exact.size <= MAX_LITERALS ? new Set([...exact, ...b.exact]) : null;
      const r = usable(b.required) ?? usable(b.exact);
      required = required !== null && r !== null ? new Set([...required, ...r]) : null;
    }
    return { exact, required: usable(required) };
  };
  const sequence = (): Literals => {
    let best: Set<string> | null = null;
    let run: Set<string> | null = new Set(['']); // exact strings of the current run of exact items
    let all: Set<string> | null = new Set(['']);
    let none = false;
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const part = quantified();
      if (part.never === true) none = true;
      best = better(best, usable(part.required));
      if (part.exact !== null && run !== null) run = cross(run, part.exact);
      else run = null;
      if (run === null) {
        run = part.exact !== null ? new Set(part.exact) : new Set(['']);
      }
      best = better(best, usable(run));
      all = all !== null && part.exact !== null ? cross(all, part.exact) : null;
    }
    return none ? never() : { exact: all, required: usable(best) };
  };
  const quantified = (): Literals => {
    const a = atom();
    const c = source[i];
    let min = 1;
    let max = 1;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (m !== null) {
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        i += m[0].length - 1;
      } else return a;
    } else return a;
    i++;
    if (source[i] === '?') i++;
    if (min === 0 && max === 1) return { exact: a.exact !== null ? new Set([...a.exact, '']) : null, required: null };
    if (min === 0) return unknown;
    if ((min === 1 && max === 1) || a.never === true) return a;
    // At least one repetition: its requirement holds; the exact strings do not.
    return { exact: null, required: usable(a.required) ?? usable(a.exact) };
  };
  const atom = (): Literals => {
    const c = source[i]!;
    if (c === '(') {
      const open = groupOpen(source, i);
      i = open.next;
      const look = open.look;
      const inner = alternation();
      if (source[i] !== ')') throw new Unreadable('unbalanced group');
      i++;
      return look ? empty() : inner;
    }
    if (c === '^' || c === '$') {
      i++;
      return empty();
    }
    if (c === '.') {
      i++;
      return unknown;
    }
    if (c === '[') {
      const start = ++i;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      const body = source.slice(start, i);
      i++;
      // Plain characters only (escaped punctuation allowed): no negation, ranges other than
      // digits, or class escapes.
      const chars = new Set<string>();
      if (body.length === 0 || body[0] === '^') return unknown;
      // Members no plain line holds (with `plainOnly`), left out.
      let dropped = false;
      for (let k = 0; k < body.length; k++) {
        let ch = body[k]!;
        if (ch === '\\') {
          ch = body[++k]!;
          if (ch === 'd' && !asWritten) {
            chars.add('0');
            continue;
          }
          if (/[A-Za-z0-9]/.test(ch)) return unknown;
        } else if (ch === '-' && k > 0 && k < body.length - 1) {
          // A range of digits only (its start is already in `chars`, as 0).
          if (asWritten || !/[0-9]/.test(body[k - 1]!) || !/[0-9]/.test(body[k + 1]!) || body[k - 2] === '\\') return unknown;
          k++;
          continue;
        }
        const lit = literal(ch);
        if (lit !== null) chars.add(lit);
        else if (absent(ch)) dropped = true;
        else return unknown;
      }
      if (chars.size === 0 && dropped) return never();
      return { exact: chars, required: chars };
    }
    if (c === '\\') {
      const e = source[i + 1]!;
      if (e === 'b' || e === 'B') {
        i += 2;
        return empty();
      }
      if (/[1-9k]/.test(e)) throw new Unreadable('back-reference');
      if (e === 'p' || e === 'P' || (e === 'u' && source[i + 2] === '{')) i = source.indexOf('}', i) + 1;
      else if (e === 'u') i += 6;
      else if (e === 'x') i += 4;
      else if (e === 'c') i += 3;
      else {
        i += 2;
        if (e === 'd') return asWritten ? unknown : { exact: new Set(['0']), required: new Set(['0']) };
        // An escaped ASCII punctuation character is itself.
        if (/[!-/:-@[-`{-~]/.test(e)) return { exact: new Set([e]), required: new Set([e]) };
      }
      return unknown;
    }
    const cp = source.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    const ch = literal(String.fromCodePoint(cp));
    if (ch === null) return absent(String.fromCodePoint(cp)) ? never() : unknown;
    return { exact: new Set([ch]), required: new Set([ch]) };
  };
  try {
    const root = alternation();
    if (i !== source.length) return null;
    // No match on a plain line: no literal lets one through.
    if (root.never === true) return [];
    const req = usable(root.required) ?? usable(root.exact);
    return req === null ? null : [...req];
  } catch (err) {
    if (err instanceof Unreadable) return null;
    throw err;
  }
}

/** Key of the trie edge from `state` on UTF-16 code unit `c` (see LiteralIndex.transition). */
const edge = (state: number, c: number): number => state * 65536 + c;

/**
 * A built {@link LiteralIndex} as plain data (see {@link savedLiteralIndex}): its literals in id
 * order, its trie's edges as `from, code unit, to` triples sorted by `from` then code unit, each
 * state's failure link, and each state's outputs (`outStart[state]` to `outStart[state + 1]` of
 * `outIds`). The numbers are 16-bit (all are below 65536), written in base64: half the size of
 * array literals in the bundle, decoded natively and read in place.
 */
export interface SavedLiteralIndex {
  literals: string[];
  edges: string;
  fail: string;
  outStart: string;
  outIds: string;
}

/** Numbers below 65536 as base64 of their 16-bit little-endian bytes (see {@link SavedLiteralIndex}). */
function packNumbers(numbers: readonly number[]): string {
  const bytes = Buffer.alloc(numbers.length * 2);
  numbers.forEach((n, i) => {
    if (!Number.isInteger(n) || n < 0 || n > 0xffff) throw new Error(`packNumbers: ${n} does not fit 16 bits`);
    bytes.writeUInt16LE(n, i * 2);
  });
  return bytes.toString('base64');
}

/** The numbers {@link packNumbers} packed, as a view of the decoded bytes where it can be. */
function unpackNumbers(packed: string): Uint16Array {
  const bytes = Buffer.from(packed, 'base64');
  if (LITTLE_ENDIAN && bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
  const numbers = new Uint16Array(bytes.length / 2);
  for (let i = 0; i < numbers.length; i++) numbers[i] = bytes[2 * i]! | (bytes[2 * i + 1]! << 8);
  return numbers;
}
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Which literals a line holds, found in one pass for all tables: an Aho-Corasick automaton over
 * every literal any table looks for (the anchored rows' required literals and the other rows'
 * keywords), run once per line on its lower-cased text (with `ſ` read as `s` and every ASCII digit
 * as `0`, see {@link requiredLiterals}). The tables are matched against the same line one after the other,
 * so the answer is kept for the last line seen.
 */
export class LiteralIndex {
  private readonly ids = new Map<string, number>();
  private readonly literals: string[] = [];
  /** Per literal: it holds an ASCII digit (see {@link keywordIn}). */
  private readonly digits: boolean[] = [];
  private builtFor = -1;
  /**
   * The trie's edges as `from, code unit, to` triples sorted by `from` then code unit, searched by
   * halves ({@link transition}): a scan reads them only for the ASCII transitions it has not met
   * yet (then remembered in {@link ascii}) and for other characters. Loading a saved index reads
   * them in place: no Map of ~2,600 edges to build at every CLI start.
   */
  private edges: ArrayLike<number> = new Uint16Array(0);
  private fail: ArrayLike<number> = new Uint16Array(0);
  /**
   * Per ASCII code unit: its column in {@link ascii}, as the scan reads it (a capital as its small
   * letter, a digit as `0`); column 0 for the code units no edge of the trie is labelled with,
   * which lead every state back to the root.
   */
  private column = new Uint8Array(128);
  /** Columns of {@link ascii} per state: 1 + the ASCII code units the edges are labelled with. */
  private columns = 1;
  /**
   * Complete transitions on ASCII characters, plus one: `ascii[state * columns + column[c]] - 1`
   * (fail links folded in; 0: not worked out yet, so the table needs no filling). One column per
   * code unit the literals hold (~40), not 128: the table is a third of the size, and its rows the
   * scan reads stay in the cache (the loads of this table were a third of the scan's time).
   */
  private ascii = new Uint16Array(0);
  /** Each state's outputs: the literal ids `outIds[outStart[state]]` to `outIds[outStart[state + 1] - 1]`. */
  private outStart: ArrayLike<number> = new Uint16Array(1);
  private outIds: ArrayLike<number> = new Uint16Array(0);
  /** Per state, 1 when it has outputs: most have none, and the scan reads one byte to know. */
  private emits = new Uint8Array(0);
  private seen = new Uint32Array(0);
  private stamp = 0;
  /** The literals the last scanned line holds, each once (see {@link scan}): the first {@link hitCount}. */
  hits = new Int32Array(0);
  /**
   * How many of {@link hits} are the last line's. A typed array and a count, not an array emptied
   * per line: V8 drops an array's store when its length is set to 0, and the next push made a new
   * one for every line that holds a literal (~50 MB per pass over the corpus's texts).
   */
  hitCount = 0;
  /** Lines scanned so far: the tables know from it when `hits` is another line's. */
  scans = 0;
  private lastText: string | null = null;
  /** {@link lower}, once asked for (or needed by the scan) for the last line scanned. */
  private lowered: string | null = '';
  /** The line holds `ſ`. */
  longS = false;

  /** The line lower-cased (keywords are looked for in it as written, see {@link keywordIn}). */
  get lower(): string {
    return (this.lowered ??= this.lastText!.toLowerCase());
  }

  /** The literal of id `id`. */
  literal(id: number): string {
    return this.literals[id]!;
  }

  id(literal: string): number {
    let id = this.ids.get(literal);
    if (id === undefined) {
      id = this.literals.length;
      this.ids.set(literal, id);
      this.literals.push(literal);
      let digit = false;
      for (let i = 0; i < literal.length && !digit; i++) digit = literal.charCodeAt(i) >= 48 && literal.charCodeAt(i) <= 57;
      this.digits.push(digit);
    }
    return id;
  }

  /** The index as built now, as plain data ({@link load} makes it again). */
  save(): SavedLiteralIndex {
    if (this.builtFor !== this.literals.length) this.build();
    return {
      literals: [...this.literals],
      edges: packNumbers(Array.from(this.edges)),
      fail: packNumbers(Array.from(this.fail)),
      outStart: packNumbers(Array.from(this.outStart)),
      outIds: packNumbers(Array.from(this.outIds)),
    };
  }

  /**
   * Start from a saved index (the bundle's, built when the CLI was bundled): building the
   * automaton costs a CLI start ~1.5 ms; loading it reads the saved arrays as they are. Only for
   * a fresh index.
   */
  load(saved: SavedLiteralIndex): void {
    if (this.literals.length !== 0) throw new Error('LiteralIndex.load: the index already has literals');
    for (const literal of saved.literals) this.id(literal);
    this.install(unpackNumbers(saved.edges), unpackNumbers(saved.fail), unpackNumbers(saved.outStart), unpackNumbers(saved.outIds));
  }

  private install(edges: ArrayLike<number>, fail: ArrayLike<number>, outStart: ArrayLike<number>, outIds: ArrayLike<number>): void {
    this.column = new Uint8Array(128);
    let columns = 1;
    for (let e = 1; e < edges.length; e += 3) {
      const c = edges[e]!;
      if (c < 128 && this.column[c] === 0) this.column[c] = columns++;
    }
    // Capitals read as their small letters and digits as 0 (see scan): their columns are those.
    for (let c = 65; c <= 90; c++) this.column[c] = this.column[c + 32]!;
    for (let c = 49; c <= 57; c++) this.column[c] = this.column[48]!;
    this.columns = columns;
    // Filled on first use (0: not yet), so building stays cheap at start-up; column 0 leads to the root.
    // 16-bit cells (state + 1): half the bytes of 32-bit ones, so more of the rows the scan reads stay in the cache.
    if (fail.length >= 0xffff) throw new Error(`LiteralIndex: ${fail.length} states do not fit 16 bits`);
    this.ascii = new Uint16Array(fail.length * columns);
    for (let state = 0; state < fail.length; state++) this.ascii[state * columns] = 1;
    this.emits = new Uint8Array(fail.length);
    for (let state = 0; state < fail.length; state++) this.emits[state] = outStart[state + 1]! > outStart[state]! ? 1 : 0;
    this.edges = edges;
    this.fail = fail;
    this.outStart = outStart;
    this.outIds = outIds;
    this.seen = new Uint32Array(this.literals.length);
    this.hits = new Int32Array(this.literals.length);
    this.hitCount = 0;
    this.stamp = 0;
    this.lastText = null;
    this.builtFor = this.literals.length;
  }

  /** The trie's edge from `state` on code unit `c`, or -1 (no failure links followed). */
  private transition(state: number, c: number): number {
    const edges = this.edges;
    const key = edge(state, c);
    let lo = 0;
    let hi = edges.length / 3 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = edge(edges[3 * mid]!, edges[3 * mid + 1]!);
      if (at === key) return edges[3 * mid + 2]!;
      if (at < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private build(): void {
    const next = new Map<number, number>();
    const out: number[][] = [[]];
    /** Per state, its edges' code units, in the order they were added (for the breadth-first pass). */
    const labels: number[][] = [[]];
    this.literals.forEach((lit, id) => {
      let state = 0;
      for (let i = 0; i < lit.length; i++) {
        const c = lit.charCodeAt(i);
        let to = next.get(edge(state, c));
        if (to === undefined) {
          to = out.length;
          out.push([]);
          labels.push([]);
          next.set(edge(state, c), to);
          labels[state]!.push(c);
        }
        state = to;
      }
      out[state]!.push(id);
    });
    const fail = new Array<number>(out.length).fill(0);
    const queue: number[] = labels[0]!.map((c) => next.get(edge(0, c))!);
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q]!;
      for (const c of labels[state]!) {
        const to = next.get(edge(state, c))!;
        let f = fail[state]!;
        while (f !== 0 && !next.has(edge(f, c))) f = fail[f]!;
        const target = next.get(edge(f, c));
        fail[to] = target !== undefined && target !== to ? target : 0;
        out[to]!.push(...out[fail[to]!]!);
        queue.push(to);
      }
    }
    const edges = [...next].sort((a, b) => a[0] - b[0]).flatMap(([key, to]) => [Math.floor(key / 65536), key % 65536, to]);
    const outStart = [0];
    for (const ids of out) outStart.push(outStart.at(-1)! + ids.length);
    this.install(edges, fail, outStart, out.flat());
  }

  /** Make {@link has} answer for `text`. */
  scan(text: string): void {
    if (text === this.lastText) return;
    if (this.builtFor !== this.literals.length) this.build();
    this.lastText = text;
    this.lowered = null;
    this.longS = false;
    if (this.stamp === 0xffffffff) {
      // The stamps are 32-bit: start over rather than wrap.
      this.seen.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    this.scans++;
    const { fail, outStart, outIds, seen, ascii, column, columns, emits, hits } = this;
    let hitCount = 0;
    // The line is read as lower-cased, with `ſ` as `s` and every ASCII digit as `0`. While it is
    // ASCII it is read as it is (the columns read capitals as small letters, digits as 0): no
    // lower-cased copy is made for most lines. At its first other character the scan goes on in
    // the lower-cased line, at the same index: an ASCII prefix lower-cases character for character.
    let line = text;
    // Whether `line` is the lower-cased copy yet (a flag: the copy may equal the line).
    let lowered = false;
    let state = 0;
    for (let i = 0; i < line.length; i++) {
      const c = CHAR_CODE_AT.call(line, i);
      if (c < 128) {
        const at = state * columns + column[c]!;
        const to = ascii[at]!;
        state = to > 0 ? to - 1 : this.asciiStep(state, c, at);
      } else {
        if (!lowered) {
          lowered = true;
          const lower = this.lower;
          this.longS = lower.includes('ſ');
          line = this.longS ? lower.replaceAll('ſ', 's') : lower;
          i--;
          continue;
        }
        let to = this.transition(state, c);
        while (to < 0 && state !== 0) {
          state = fail[state]!;
          to = this.transition(state, c);
        }
        state = to < 0 ? 0 : to;
      }
      if (emits[state] === 0) continue;
      for (let k = outStart[state]!, end = outStart[state + 1]!; k < end; k++) {
        const id = outIds[k]!;
        if (seen[id] !== stamp) {
          seen[id] = stamp;
          hits[hitCount++] = id;
        }
      }
    }
    this.hitCount = hitCount;
  }

  /**
   * The transition from `state` on ASCII `c` (its cell `at` in {@link ascii}), through the fail
   * links, remembered.
   */
  private asciiStep(state: number, c: number, at: number): number {
    const cached = this.ascii[at]!;
    if (cached > 0) return cached - 1;
    const folded = c >= 65 && c <= 90 ? c + 32 : c >= 48 && c <= 57 ? 48 : c;
    const next = this.transition(state, folded);
    const to = next >= 0 ? next : state === 0 ? 0 : this.asciiStep(this.fail[state]!, c, this.fail[state]! * this.columns + this.column[c]!);
    this.ascii[at] = to + 1;
    return to;
  }

  /** Whether the last scanned line holds literal `id`. */
  has(id: number): boolean {
    return this.seen[id] === this.stamp;
  }

  /**
   * A row's keyword, looked for as the rows were written: in the lower-cased line as is (the
   * index reads `ſ` as `s` and digits as `0`, so lines holding `ſ`, and keywords holding a digit,
   * are checked directly).
   */
  keywordIn(id: number): boolean {
    return this.longS || this.digits[id]! ? this.lower.includes(this.literals[id]!) : this.has(id);
  }
}
/**
 * The literal index the bundle built (scripts/bundle.mjs defines it with {@link savedLiteralIndex}),
 * or undefined unbundled.
 */
declare const __NEWSCLEAN_LITERAL_INDEX__: SavedLiteralIndex | undefined;
const literalIndex = new LiteralIndex();
if (typeof __NEWSCLEAN_LITERAL_INDEX__ !== 'undefined') literalIndex.load(__NEWSCLEAN_LITERAL_INDEX__);

/**
 * The literal index that compiling `tables` with `plans` (thorough gate plans by row id, as the
 * bundle defines them) builds, as plain data: every literal {@link compileTable} registers, in
 * the order it registers them. For scripts/bundle.mjs; a new index, not the module's.
 */
export function savedLiteralIndex(tables: readonly (readonly PatternRow[])[], plans: Readonly<Record<string, GatePlan>>): SavedLiteralIndex {
  const index = new LiteralIndex();
  for (const rows of tables) {
    for (const row of rows) {
      const plan = plans[row.id];
      if (plan === undefined) throw new Error(`savedLiteralIndex: no plan for row ${row.id}`);
      if (!plan.anchored) for (const k of row.keywords ?? []) index.id(k);
      else if (plan.flags.includes('i') || plan.written !== true) for (const l of plan.literals ?? []) index.id(l);
      else for (const l of writtenInIndex(plan.literals) ?? []) index.id(l);
    }
  }
  return index.save();
}

/**
 * A case-sensitive row's literals as written (see {@link gatePlan}), as the literal index reads a line
 * (lower-cased, every ASCII digit `0`): a line holding one as written holds it so in the index's
 * reading, so the index tells at once of most lines that they hold none, before the literals are
 * looked for one by one (agency-only has 52). Lower-casing is the same character by character but
 * for `Σ` (final sigma), and the index reads `ſ` as `s`: literals holding either give null (the
 * row is then gated by the literals as written alone), as do none.
 */
export function writtenInIndex(literals: readonly string[] | null): string[] | null {
  if (literals === null || literals.some((l) => /[Σſ]/u.test(l))) return null;
  return literals.map((l) => l.toLowerCase().replace(/[0-9]/g, '0'));
}

/** The gates of one anchored row (see compileTable), as plain data. */
export interface GatePlan {
  /** Source of the one-character regex its first character must match, or null for no gate. */
  first: string | null;
  /**
   * Literals one of which every match holds (see {@link requiredLiterals}), or null: lower-cased,
   * or as written when `written`.
   */
  literals: string[] | null;
  /** `literals` are as written (a case-sensitive row's, in every plan). */
  written?: boolean;
  /**
   * `literals` hold for plain lines only ({@link isPlain}): a case-insensitive row's, in a plan
   * read without `thorough`, when none hold for every line (see {@link gatePlan}).
   */
  plainOnly?: boolean;
  /** For each ASCII code 0-127, '1' when `first` admits it (or there is no gate), else '0'. */
  ascii: string;
  /**
   * Source of the one-character regex the line's last character must match (rows whose every
   * match ends at the end of the line, see {@link lastAtoms}), or null for no gate.
   */
  last: string | null;
  /** As `ascii`, for `last`. */
  lastAscii: string;
  /**
   * Thorough plans of rows that {@link cheapToCompile} rewrites: the rewritten source (with `flags`),
   * which the row's regex is then made from.
   */
  source?: string;
  /**
   * Thorough plans: as `ascii`, for the code points of {@link MASKED} (Latin-1, Latin
   * Extended-A/B, General Punctuation, in order), four to a hexadecimal digit (the first in its
   * lowest bit), so lines that begin or end with `“`, `…` or `é` need no gate regex compiled;
   * null otherwise.
   */
  more?: string | null;
  /** As `more`, for `last`. */
  lastMore?: string | null;

  /**
   * Thorough plans: the row's source rewritten for plain lines ({@link plainSource}; flags
   * {@link plainFlags}), or null when it cannot be.
   */
  plain?: string | null;

  /** {@link isAnchored} of the pattern. */
  anchored: boolean;
  /** The pattern's flags (a bundled plan stands in for the regex of a lazy row until it runs). */
  flags: string;
}

/**
 * Gate plans worked out when the CLI was bundled (scripts/bundle.mjs defines this constant with
 * {@link gatePlan}'s answers for every row of the tables), keyed by row id: reading the row
 * sources costs a few milliseconds of start-up otherwise, and a lazy row's regex is then made
 * only when the row runs. Only the rows of {@link lazyRows} (the tables' own) are looked up;
 * others (the library unbundled, a table built at run time) are read here.
 */
declare const __NEWSCLEAN_GATE_PLANS__: Record<string, GatePlan> | undefined;
const PRECOMPUTED: Record<string, GatePlan> | undefined = typeof __NEWSCLEAN_GATE_PLANS__ === 'undefined' ? undefined : __NEWSCLEAN_GATE_PLANS__;

/** The bundled plan of a row of {@link lazyRows}, if any. */
const precomputedPlan = (row: PatternRow): GatePlan | undefined => (PRECOMPUTED !== undefined && LAZY_ROWS.has(row) ? PRECOMPUTED[row.id] : undefined);

/**
 * Read an anchored row's gates from its source. A case-sensitive row's literals are read as
 * written either way (cheap: a literal matched as written needs no look at case folding; without
 * them the library ran dot-menu, breadcrumb, agency-only, place-dateline and by-name on nearly
 * every line, for want of their '·', '»', 'Reuters', '—'). `thorough` adds what costs too much to
 * work out at every library load (the bundle's precomputed plans have it): the last-character
 * gate, and the case-insensitive rows' non-ASCII literals ({@link requiredLiterals}).
 */
export function gatePlan(pattern: RegExp, thorough = false): GatePlan {
  let first: string | null = null;
  try {
    const atoms = firstAtoms(pattern.source);
    if (!atoms.nullable && atoms.atoms.size > 0) first = `^(?:${[...atoms.atoms].join('|')})`;
  } catch (err) {
    if (!(err instanceof Unreadable)) throw err;
  }
  const lastSet = thorough ? lastAtoms(pattern.source) : null;
  const last = lastSet === null ? null : `^(?:${[...lastSet].join('|')})`;
  const mask = (source: string | null, codes: Iterable<number>): string => {
    const gate = source === null ? null : new RegExp(source, pattern.flags);
    let answers = '';
    for (const c of codes) answers += gate === null || gate.test(String.fromCharCode(c)) ? '1' : '0';
    return answers;
  };
  const ascii = Array.from({ length: 128 }, (_, c) => c);
  const masked = MASKED.flatMap(([lo, hi]) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i));
  const more = (source: string | null): string | null => {
    if (!thorough || source === null) return null;
    const bits = mask(source, masked);
    let hex = '';
    for (let i = 0; i < bits.length; i += 4) {
      let digit = 0;
      for (let j = 0; j < 4; j++) if (bits[i + j] === '1') digit |= 1 << j;
      hex += digit.toString(16);
    }
    return hex;
  };
  const written = !pattern.ignoreCase;
  const cheap = cheapToCompile(pattern);
  let literals = requiredLiterals(pattern.source, written, thorough);
  // Without `thorough`, a case-insensitive row that has a word in another script among its
  // alternatives ("реклама", "publicité") has no literal every line's match holds, and ran on
  // nearly every line (related-heading, ad-label, author-bio: ~420,000 runs over the corpus's
  // texts, ~1,000 matches). No such word matches in a plain line, the common one: there the
  // row's other words gate it.
  let plainOnly = false;
  if (literals === null && !written && !thorough) {
    literals = requiredLiterals(pattern.source, false, false, true);
    plainOnly = literals !== null;
  }
  return {
    first,
    literals,
    written,
    ...(plainOnly ? { plainOnly } : {}),
    ascii: mask(first, ascii),
    last,
    lastAscii: mask(last, ascii),
    more: more(first),
    lastMore: more(last),
    anchored: isAnchored(pattern),
    flags: pattern.flags,
    ...(thorough && (cheap !== pattern || pattern.source.includes(NOT_LINE_END)) ? { source: cheap.source } : {}),
    ...(thorough ? { plain: plainSource(cheap.source, cheap.flags) } : {}),
  };
}

/**
 * The code points beyond ASCII whose gate answers thorough plans carry (`more`, `lastMore`): the
 * ones Latin-script lines begin and end with. Other characters are tested atom by atom.
 */
const MASKED = [
  [0x0080, 0x024f],
  [0x2000, 0x206f],
] as const;
/** Index of `cp` in the masks of {@link MASKED}, or -1. */
function maskedIndex(cp: number): number {
  if (cp >= 0x0080 && cp <= 0x024f) return cp - 0x0080;
  if (cp >= 0x2000 && cp <= 0x206f) return 0x024f - 0x0080 + 1 + cp - 0x2000;
  return -1;
}
/** Bit `at` of a hexadecimal mask (see GatePlan.more). */
const maskedBit = (hex: string, at: number): boolean => ((parseInt(hex[at >> 2]!, 16) >> (at & 3)) & 1) === 1;

/**
 * `s` as a flat string of its own: one byte per character when all its characters are Latin-1,
 * else two. V8 stores every slice of a string holding any character beyond U+00FF in two bytes per
 * character, and as a view into that string: each line of such a document (curly quotes are
 * enough) is a two-byte slice. Every character read of a slice goes through its parent, and
 * irregexp compiles a regex for each kind of subject it meets: for two-byte subjects a Unicode
 * class like `\p{L}` spans the BMP instead of Latin-1, and a pattern row takes ~4x as long to
 * compile. The classifier reads its block texts so (see classifyDocument): most lines are
 * Latin-1, and their copies are read and matched one-byte, for the same answers. The others are
 * copied too, flat two-byte: then the texts the classifier's functions get come in two string
 * representations, not a handful (slices, concatenations...), and V8's inline caches for the
 * look-ups on them (`text.length`, `text.includes`...) stay fast (text path -2.1% instructions).
 * (Buffer's UTF-16 copy keeps every code unit, lone surrogates too.)
 */
export function flatText(s: string): string {
  return BEYOND_LATIN1.test(s) ? Buffer.from(s, 'utf16le').toString('utf16le') : Buffer.from(s, 'latin1').toString('latin1');
}
/**
 * A character beyond U+00FF. The regex reads a slice in place, twice as fast as a `charCodeAt`
 * loop over the corpus's lines (each call on a slice goes through its parent).
 */
const BEYOND_LATIN1 = /[^\0-\xff]/;

/** One atom of a first- or last-character gate, with its answers for characters outside ASCII. */
interface GateAtom {
  admits(cp: number): boolean;
}

/** Gate atoms by flags and source, shared by all rows and tables (see compileTable). */
const GATE_ATOMS = new Map<string, GateAtom>();

function gateAtom(source: string, flags: string): GateAtom {
  const key = `${flags}/${source}`;
  let atom = GATE_ATOMS.get(key);
  if (atom === undefined) {
    let re: RegExp | null = null;
    const answers = new Map<number, boolean>();
    atom = {
      admits(cp: number): boolean {
        let yes = answers.get(cp);
        if (yes === undefined) {
          re ??= new RegExp(`^(?:${source})`, flags);
          yes = re.test(String.fromCodePoint(cp));
          if (answers.size < GATE_CACHE_SIZE) answers.set(cp, yes);
        }
        return yes;
      },
    };
    GATE_ATOMS.set(key, atom);
  }
  return atom;
}

/** Distinct first characters whose candidate rows a table remembers. */
const GATE_CACHE_SIZE = 4096;
/** Distinct last characters whose candidate rows a table remembers per first character. */
const LAST_CACHE_SIZE = 256;

/**
 * The anchored rows both character gates admit for a line, per case mode, as bits: row k at bit
 * `k & 31` of word `k >> 5` (table order is bit order).
 */
interface Gated {
  caseless: Uint32Array;
  cased: Uint32Array;
}

/** A table's candidate rows for one first character (see compileTable). */
interface FirstGated {
  /** The anchored rows whose first-character gate admits it, in table order. */
  admitted: readonly number[];
  /** Those rows by case mode, when no row has a last-character gate; null otherwise. */
  all: Gated | null;
  /** The rows both gates admit, by last character: ASCII at its code plus one (0: empty line), */
  byLastAscii: (Gated | undefined)[];
  /** and the others. */
  byLast: Map<number, Gated>;
}

/**
 * Rows marked by the literals the line last scanned holds ({@link LiteralIndex.hits}): row i is
 * marked when the line holds one of `literals[i]` (a row without literals is never marked).
 */
class RowMarks {
  /**
   * The rows of literal id `i`: `rowList[rowsStart[i]]` to `rowList[rowsStart[i + 1] - 1]` (ids
   * past the end, registered by later tables, have none). Typed arrays, not a Map of the ids:
   * the look-up per literal a line holds was nearly all of the marking's time.
   */
  private readonly rowsStart: Int32Array;
  private readonly rowList: Int32Array;
  private readonly marks: Uint32Array;
  private stamp = 0;
  private scanned = -1;
  /** The marked rows as bits (row i at bit i), for up to 31 rows; 0 for more (see {@link mark}). */
  bits = 0;
  /** The marked rows as bits, for any number of rows: row i at bit `i & 31` of word `i >> 5`. */
  readonly words: Uint32Array;

  constructor(literals: readonly (readonly number[] | null | undefined)[]) {
    let ids = 0;
    for (const row of literals) for (const id of row ?? []) ids = Math.max(ids, id + 1);
    const counts = new Int32Array(ids + 1);
    for (const row of literals) for (const id of row ?? []) counts[id + 1]!++;
    for (let i = 1; i <= ids; i++) counts[i]! += counts[i - 1]!;
    this.rowsStart = counts;
    this.rowList = new Int32Array(counts[ids]!);
    const fill = counts.slice(0, ids);
    literals.forEach((row, k) => row?.forEach((id) => (this.rowList[fill[id]!++] = k)));
    this.marks = new Uint32Array(literals.length);
    this.words = new Uint32Array((literals.length + 31) >> 5);
  }

  /** Mark the rows for the line last scanned (once per line). */
  mark(): void {
    if (this.scanned === literalIndex.scans) return;
    this.scanned = literalIndex.scans;
    if (this.stamp === 0xffffffff) {
      this.marks.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    const { rowsStart, rowList, marks, words } = this;
    const ids = rowsStart.length - 1;
    const hits = literalIndex.hits;
    let bits = 0;
    // A loop, not `fill`: the words are a few, and `fill` is a call into the runtime (~0.75% of the text path).
    for (let w = 0; w < words.length; w++) words[w] = 0;
    for (let h = 0, count = literalIndex.hitCount; h < count; h++) {
      const id = hits[h]!;
      if (id >= ids) continue;
      for (let j = rowsStart[id]!, end = rowsStart[id + 1]!; j < end; j++) {
        const row = rowList[j]!;
        marks[row] = stamp;
        bits |= 1 << row;
        words[row >> 5]! |= 1 << (row & 31);
      }
    }
    this.bits = marks.length <= 31 ? bits : 0;
  }

  has(row: number): boolean {
    return this.marks[row] === this.stamp;
  }
}

/**
 * Compile a table. `thorough`: the gates of rows not in the bundle's precomputed plans are read
 * as the bundle reads them ({@link gatePlan}; for tests, which check both readings give the
 * answers of the reference).
 */
export function compileTable<K extends string>(rows: readonly PatternRow<K>[], thorough = false): CompiledTable<K> {
  const known = rows.map((r) => precomputedPlan(r));
  const flagsOf = rows.map((r, i) => known[i]?.flags ?? r.pattern.flags);
  rows.forEach((r, i) => {
    if (/[gy]/.test(flagsOf[i]!) || !flagsOf[i]!.includes('u')) throw new Error(`pattern row ${r.id}: use the flags u or iu only`);
  });
  // Rows anchored at the start: a line is tried only against the rows that can begin with its
  // first character. Each row's possible first characters are read from its source (firstAtoms)
  // into a one-character regex with the row's own flags, so case folding is the row's; which rows
  // a first character admits is remembered per character. A row's regex is compiled by V8 on its
  // first exec, so rows no line admits are never compiled.
  //
  // The result is the one of the former combined regexes (one sticky alternation per case mode,
  // case-insensitive first): the first case-insensitive row that matches, else the first
  // case-sensitive one; when that row's length limit excludes the line, the first other anchored
  // row (table order) that fits and matches. Rows that can match anywhere run one by one, each
  // only on lines holding one of its keywords.
  const isAnchoredRow = rows.map((r, i) => known[i]?.anchored ?? isAnchored(r.pattern));
  const anchored = rows.filter((_, i) => isAnchoredRow[i]);
  const floating = rows.filter((_, i) => !isAnchoredRow[i]);
  const plans = rows.flatMap((r, i) => (isAnchoredRow[i] ? [known[i] ?? gatePlan(r.pattern, thorough)] : []));
  // The first-character gate of each row, as the atoms of its alternation (each tested alone with
  // the row's flags: `^(?:a|b)` admits a character iff `^(?:a)` or `^(?:b)` does). ASCII answers
  // come with the plan; other characters are tested atom by atom, each atom's regex compiled on
  // its first use and shared by every row and table that has it, its answers remembered. A row's
  // atoms are read on the first character its plan does not answer for (bundled plans answer
  // for most: see GatePlan.more).
  const atomsOf = (source: string, k: number): GateAtom[] => topLevelAlternatives(source.slice('^(?:'.length, -1)).map((atom) => gateAtom(atom, plans[k]!.flags));
  const gateAtoms: (GateAtom[] | undefined)[] = [];
  // Third gate, the same way: the line's last character, for rows whose matches end the line.
  const lastGateAtoms: (GateAtom[] | undefined)[] = [];
  // Second gate: literals one of which every match holds (requiredLiterals), looked for in the
  // lower-cased line (literal index) before the row runs. Case-sensitive rows' literals read as
  // written (every plan) are looked for in the line as is, with includes(): few rows have
  // them, tried only on lines past the other gates (a second automaton cost more to build at
  // start-up, and to optimise, than it saves).
  const caseless = plans.map((plan) => plan.flags.includes('i'));
  const written = plans.map((plan, k) => (!caseless[k] && plan.written === true ? plan.literals : null));
  // Written literals are looked for in the index's reading first (writtenInIndex): those one by one
  // cost the bundle's text path ~15% of its CPU before.
  const needs = plans.map((plan, k) => (written[k] === null ? plan.literals : writtenInIndex(written[k]!))?.map((l) => literalIndex.id(l)) ?? null);
  const keywords = floating.map((r) => r.keywords?.map((k) => literalIndex.id(k)) ?? null);
  // The rows each literal lets through: from the literals a line holds, the rows whose literal gate
  // it passes are marked once per line, instead of each candidate row looking for its literals one
  // by one. The same for the other rows' keywords, except keywords holding a digit, and any on a
  // line holding `ſ`, which keywordIn reads from the line itself.
  const enabled = new RowMarks(needs);
  const plainKeywords = floating.map((r) => r.keywords !== undefined && !r.keywords.some((k) => /\d/.test(k)));
  const keyworded = new RowMarks(keywords.map((kws, f) => (plainKeywords[f] ? kws : null)));
  // Rows whose literals gate plain lines only (GatePlan.plainOnly).
  const plainOnly = plans.map((plan) => plan.plainOnly === true);
  // The literal gate as bits (see Gated): a row passes it when it has no literals (`freeBits`), when
  // the line holds one of them (enabled.words), or, for a row whose literals gate plain lines only,
  // when the line is not plain (`plainOnlyBits`). The rows a line is tried against are the bits of
  // its character gates' rows and these: a loop over the few rows that pass every gate, not over
  // every row the character gates admit testing each one's literals (most fail them).
  const words = (anchored.length + 31) >> 5;
  const bitsOf = (ks: readonly number[]): Uint32Array => {
    const out = new Uint32Array(words);
    for (const k of ks) out[k >> 5]! |= 1 << (k & 31);
    return out;
  };
  const freeBits = bitsOf(needs.flatMap((ids, k) => (ids === null ? [k] : [])));
  const plainOnlyBits = bitsOf(plainOnly.flatMap((yes, k) => (yes && needs[k] !== null ? [k] : [])));
  /** The rows the line last marked passes the literal gate of (see above; set by anchoredMatch). */
  const allowed = new Uint32Array(words);
  /** Whether the line holds one of anchored row k's literals read as written, when it has some (case-sensitive rows: see `written`). */
  const holdsWritten = (k: number, text: string): boolean => {
    const as = written[k];
    if (as !== null && as !== undefined) {
      for (let j = 0; j < as.length; j++) if (text.includes(as[j]!)) return true;
      return false;
    }
    return true;
  };
  /** The anchored rows (indices, table order) whose first-character gate admits code point `cp` (-1: empty line). */
  const firstAdmitted = (cp: number): number[] => {
    const admits = (k: number): boolean => {
      const plan = plans[k]!;
      if (cp < 0 || plan.first === null) return true;
      if (cp < 128) return plan.ascii[cp] === '1';
      const more = plan.more;
      if (more !== null && more !== undefined) {
        const at = maskedIndex(cp);
        if (at >= 0) return maskedBit(more, at);
      }
      for (const atom of (gateAtoms[k] ??= atomsOf(plan.first, k))) if (atom.admits(cp)) return true;
      return false;
    };
    return anchored.map((_, k) => k).filter(admits);
  };
  /** Per anchored row, 1 when the last-character gate admits code point `cp` (-1: empty line). */
  const endAdmitted = new Map<number, Uint8Array>();
  const ends = (cp: number): Uint8Array => {
    let flags = endAdmitted.get(cp);
    if (flags === undefined) {
      flags = new Uint8Array(anchored.length);
      for (let k = 0; k < anchored.length; k++) {
        const plan = plans[k]!;
        const last = plan.last;
        let yes = cp < 0 || last === null;
        if (!yes) {
          const more = plan.lastMore;
          const at = cp < 128 || more === null || more === undefined ? -1 : maskedIndex(cp);
          yes = cp < 128 ? plan.lastAscii[cp] === '1' : at >= 0 ? maskedBit(more!, at) : (lastGateAtoms[k] ??= atomsOf(last!, k)).some((atom) => atom.admits(cp));
        }
        flags[k] = yes ? 1 : 0;
      }
      if (endAdmitted.size < GATE_CACHE_SIZE) endAdmitted.set(cp, flags);
    }
    return flags;
  };
  // The rows a line is tried against, per first character and then per last character: the rows
  // both gates admit, one list per case mode. The matcher reads each mode in its own pass (see
  // anchoredMatch), so a pass loops over its own mode's rows only, none the gates exclude: it
  // looped over every first-admitted row, up to four times per line, testing mode and last
  // character per row. ASCII characters index arrays (a Map lookup per line and gate cost more
  // than the loop saved); others are remembered in Maps, up to GATE_CACHE_SIZE first characters
  // and LAST_CACHE_SIZE last ones per first. Without last-character gates (plans read without
  // `thorough`: the library unbundled) the last character is not looked at.
  const lastGated = plans.some((plan) => plan.last !== null);
  const byFirstAscii: (FirstGated | undefined)[] = new Array<FirstGated | undefined>(129).fill(undefined);
  const byFirst = new Map<number, FirstGated>();
  const firstGated = (cp: number): FirstGated => {
    const admitted = firstAdmitted(cp);
    return { admitted, all: lastGated ? null : split(admitted), byLastAscii: new Array<Gated | undefined>(129).fill(undefined), byLast: new Map() };
  };
  const split = (rows: readonly number[]): Gated => ({ caseless: bitsOf(rows.filter((k) => caseless[k])), cased: bitsOf(rows.filter((k) => !caseless[k])) });
  const gated = (text: string): Gated => {
    const n = text.length;
    const first = n === 0 ? -1 : CODE_POINT_AT.call(text, 0)!;
    let entry = first < 128 ? byFirstAscii[first + 1] : byFirst.get(first);
    if (entry === undefined) {
      entry = firstGated(first);
      if (first < 128) byFirstAscii[first + 1] = entry;
      else if (byFirst.size < GATE_CACHE_SIZE) byFirst.set(first, entry);
    }
    if (entry.all !== null) return entry.all;
    let last = -1;
    if (n > 0) {
      last = CHAR_CODE_AT.call(text, n - 1);
      if (last >= 0xdc00 && last <= 0xdfff && n > 1) last = CODE_POINT_AT.call(text, n - 2)!;
    }
    let rows = last < 128 ? entry.byLastAscii[last + 1] : entry.byLast.get(last);
    if (rows === undefined) {
      const end = ends(last);
      rows = split(entry.admitted.filter((k) => end[k] === 1));
      if (last < 128) entry.byLastAscii[last + 1] = rows;
      else if (entry.byLast.size < LAST_CACHE_SIZE) entry.byLast.set(last, rows);
    }
    return rows;
  };
  // Each row's regex for plain lines (plainPattern), made on the first plain line that runs it.
  const plainAnchored: (RegExp | undefined)[] = new Array<RegExp | undefined>(anchored.length).fill(undefined);
  const plainFloating: (RegExp | undefined)[] = new Array<RegExp | undefined>(floating.length).fill(undefined);
  const longest = Math.max(...anchored.map((r) => r.maxLength ?? Infinity), 0);
  // Each floating row's longest line, Infinity for none.
  const floatingMaxLen = Float64Array.from(floating, (r) => r.maxLength ?? Infinity);
  const floatingLongest = Math.max(...floatingMaxLen, 0);
  // Every floating row has keywords the literal index reads (none with a digit), and there are 31
  // or fewer: the rows a line is tried against are the bits of the marks of the keywords it holds
  // (but for a line holding `ſ`), not a loop over every row testing its mark.
  const byMarks = floating.length > 0 && floating.length <= 31 && plainKeywords.every((plain) => plain);
  // Each anchored row's longest line, Infinity for none: read per candidate row and line.
  const maxLen = Float64Array.from(anchored, (r) => r.maxLength ?? Infinity);
  /** The match {@link firstMatch} found last (a variable, not a `{k, hit}` object made per match). */
  let found: RegExpExecArray | null = null;
  /**
   * The first row of `rows` (one case mode, table order) that passes its literal gate
   * ({@link allowed}), fits the line (with `fitting` false: does not fit it) and matches, its match
   * in {@link found}; -1 for none. `stop` (a row index) ends the search there.
   */
  const firstMatch = (rows: Uint32Array, text: string, plain: boolean, fitting: boolean, stop: number): number => {
    const n = text.length;
    for (let w = 0; w < words; w++) {
      for (let bits = rows[w]! & allowed[w]!; bits !== 0; bits &= bits - 1) {
        const k = (w << 5) + 31 - Math.clz32(bits & -bits);
        if (k >= stop) return -1;
        if ((n <= maxLen[k]!) !== fitting || !holdsWritten(k, text)) continue;
        const row = anchored[k]!;
        const m = (plain ? (plainAnchored[k] ??= plainPattern(row, plans[k])) : row.pattern).exec(text);
        if (m !== null) {
          found = m;
          return k;
        }
      }
    }
    return -1;
  };
  /**
   * The anchored rows' answer, as the combined regexes gave it: the first matching row in
   * priority order (case-insensitive rows first, each mode in table order) when it fits the line,
   * else the first row in table order that fits and matches. Rows that do not fit are run only
   * when that can change the answer: when the first fitting match (priority order) is a
   * case-insensitive row and a case-sensitive row before it in table order fits and matches too,
   * a case-insensitive row that precedes it and does not fit decides between the two.
   */
  const anchoredMatch = (rows: Gated, text: string): PatternHit<K> | null => {
    const plain = plainLine(text);
    const marked = enabled.words;
    for (let w = 0; w < words; w++) allowed[w] = marked[w]! | freeBits[w]! | (plain ? 0 : plainOnlyBits[w]!);
    const caseK = firstMatch(rows.caseless, text, plain, true, Infinity);
    if (caseK < 0) {
      const k = firstMatch(rows.cased, text, plain, true, Infinity);
      return k < 0 ? null : { row: anchored[k]!, match: found! };
    }
    const caseHit: PatternHit<K> = { row: anchored[caseK]!, match: found! };
    const earlier = firstMatch(rows.cased, text, plain, true, caseK);
    if (earlier < 0) return caseHit;
    const earlierHit: PatternHit<K> = { row: anchored[earlier]!, match: found! };
    return firstMatch(rows.caseless, text, plain, false, caseK) < 0 ? caseHit : earlierHit;
  };
  /**
   * The literal ids gating the anchored rows of each kind, and the keyword ids of its other rows;
   * null when a row of the kind has none (made on first use, see mayHold).
   */
  const kindLiterals = new Map<K, { anchored: number[]; plainOnly: boolean; floating: number[] } | null>();
  const literalsOf = (kind: K): { anchored: number[]; plainOnly: boolean; floating: number[] } | null => {
    let entry = kindLiterals.get(kind);
    if (entry === undefined) {
      const ids = { anchored: [] as number[], plainOnly: false, floating: [] as number[] };
      let known = true;
      anchored.forEach((r, k) => {
        if (r.kind !== kind) return;
        if (needs[k] === null) known = false;
        else ids.anchored.push(...needs[k]!);
        if (plainOnly[k]) ids.plainOnly = true;
      });
      floating.forEach((r, f) => {
        if (r.kind !== kind) return;
        if (keywords[f] === null || keywords[f] === undefined) known = false;
        else ids.floating.push(...keywords[f]!);
      });
      // Lower-casing a stretch of a line is lower-casing the line's characters one by one but for
      // Σ, which lower-cases by its context: a literal holding σ or ς might be read in a stretch
      // and not in the line.
      if (ids.anchored.concat(ids.floating).some((id) => /[σς]/u.test(literalIndex.literal(id)))) known = false;
      entry = known ? ids : null;
      kindLiterals.set(kind, entry);
    }
    return entry;
  };
  return {
    rows,
    mayHold(text: string, kind: K): boolean {
      // A stretch of the line holds a literal as the index reads it (lower-cased character by
      // character, `ſ` as `s`, digits as 0) only when the line holds it; a plain line's stretch
      // is plain. The gates run no row on a line without its literals or keywords (the keywords
      // read as keywordIn reads them, in the lower-cased line).
      const ids = literalsOf(kind);
      if (ids === null || (ids.plainOnly && !plainLine(text))) return true;
      literalIndex.scan(text);
      for (const id of ids.anchored) if (literalIndex.has(id)) return true;
      for (const id of ids.floating) if (literalIndex.keywordIn(id)) return true;
      return false;
    },
    match(text: string): PatternHit<K> | null {
      if (text.length <= longest) {
        const rows = gated(text);
        literalIndex.scan(text);
        enabled.mark();
        const hit = anchoredMatch(rows, text);
        if (hit !== null) return hit;
      }
      let best: PatternHit<K> | null = null;
      const n = text.length;
      if (byMarks && n <= floatingLongest) {
        literalIndex.scan(text);
        if (!literalIndex.longS) {
          // The rows whose keywords the line holds, in table order (lowest bit first).
          keyworded.mark();
          for (let bits = keyworded.bits; bits !== 0; bits &= bits - 1) {
            const f = 31 - Math.clz32(bits & -bits);
            if (n > floatingMaxLen[f]!) continue;
            const row = floating[f]!;
            const m = (plainLine(text) ? (plainFloating[f] ??= plainPattern(row)) : row.pattern).exec(text);
            if (m !== null && (best === null || m.index < best.match.index)) best = { row, match: m };
          }
          return best;
        }
      }
      for (let f = 0; f < floating.length; f++) {
        if (n > floatingMaxLen[f]!) continue;
        const kws = keywords[f];
        if (kws !== null && kws !== undefined) {
          literalIndex.scan(text);
          if (plainKeywords[f] && !literalIndex.longS) {
            keyworded.mark();
            if (!keyworded.has(f)) continue;
          } else {
            let found = false;
            for (let j = 0; j < kws.length; j++) {
              if (literalIndex.keywordIn(kws[j]!)) {
                found = true;
                break;
              }
            }
            if (!found) continue;
          }
        }
        const row = floating[f]!;
        const m = (plainLine(text) ? (plainFloating[f] ??= plainPattern(row)) : row.pattern).exec(text);
        if (m !== null && (best === null || m.index < best.match.index)) best = { row, match: m };
      }
      return best;
    },
  };
}
