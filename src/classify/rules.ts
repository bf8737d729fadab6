/**
 * Stage 5b, context-free rules: each block on its own gets a prose score from its features and
 * the pattern tables' verdicts. Nothing here looks at neighbours.
 */
import type { Block, BoilerplateKind } from '../article.js';
import { boilerplateTable, mediaTable, metaTable, type MediaKind, type MetaKind, type PatternHit } from '../patterns/index.js';
import { THRESHOLDS } from '../options.js';
import type { Features } from './features.js';
import { trace } from './trace.js';

/** What the context-free pass knows about one block. */
export interface Work {
  block: Block;
  f: Features;
  /** Prose score: > 0 looks like article prose, < 0 like page furniture. */
  score: number;
  /** Reasons behind the score, for `--explain`. */
  why: string[];
  boiler: PatternHit<BoilerplateKind> | null;
  media: PatternHit<MediaKind> | null;
  meta: PatternHit<MetaKind> | null;
  /** Set by revision when the block joins an appeal or sign-up box through its neighbours. */
  fill: BoilerplateKind | undefined;
  /** Set by revision: a timestamped line whose shape repeats, as comment author/date lines do. */
  stampShape: boolean;
  /** Weight of the block in the body span search (see {@link spanWeight}). */
  weight: number;
  /** Set by revision: a line worth nothing in the span search, what innerText prints as nothing: an image placeholder, a gallery's slide number past its first few, a rule (see `markFolded`). */
  folded: boolean;
  /** Set by revision: one of a post's links to the previous and next post by their titles (see `markPostNavTitles`). */
  postNav: boolean;
}

const DIGIT = /\d/;
/** The text holds an ASCII digit (`\d`): the cheap test before a regex that needs one. */
export const hasDigit = (text: string): boolean => DIGIT.test(text);
const ENUMERATOR = /^\p{L}{2,12}\.?\s\d{1,3}[.:)]?$/u;

/** The reasons of every block while reasons are not traced: never written (every push is under `trace.reasons`). */
const NO_REASONS: string[] = Object.freeze([]) as unknown as string[];

/** The media table's answer for a line, for lines short enough to be a credit or caption. */
export function mediaMatch(text: string): PatternHit<MediaKind> | null {
  return text.length <= THRESHOLDS.mediaMaxLength ? mediaTable.match(text) : null;
}

/**
 * Weight of a block in the body span search: its length, between `minWeight` (short junk lines
 * still cost something) and `maxWeight` (one huge line cannot dominate). A few characters, figures
 * more than letters ("$915", "’17", "0"), are the residue of a chart or a table drawn in the page,
 * not a label: they weigh their length only. So does a numbered step of a list ("Step 2",
 * "Schritt 3", "Шаг 4"): one word and a number.
 */
export function spanWeight(text: string, f: Features): number {
  // Both need a digit; most lines have none, and ENUMERATOR is then never compiled (~0.2 ms of a start).
  const residue = hasDigit(text) && ((f.length <= THRESHOLDS.residueMaxLength && f.letterRatio < 0.5) || ENUMERATOR.test(text));
  // A line of addresses alone (no word in its prose view, see proseView) weighs what it is long:
  // furniture of its size between the runs of prose.
  const length = f.words === 0 ? text.length : f.length;
  return residue ? length : Math.max(THRESHOLDS.minWeight, Math.min(THRESHOLDS.maxWeight, length));
}

/**
 * Boilerplate kinds and row ids whose lines end a body run: the body rarely continues past a
 * comment section or a related-stories heading. Appeals and sign-up boxes are not barriers: they
 * often sit in the middle of the body, which goes on after them.
 */
export const STRONG_BARRIER = new Set<string>([
  'comments',
  'related-heading',
  'most-read',
  'copyright',
  'cookies',
  'comments-heading',
  'author-bio',
  'site-about',
  'post-footer',
  'comment-count-title',
  'comment-author',
  'comment-meta',
  'post-nav',
  'comment-form',
  // A blog archive's "2012 (134)" is a sidebar widget's: no article runs through it.
  'archive-count',
]);

const round = (x: number): number => Math.round(x * 100) / 100;

/**
 * Prose score from features. Language-independent terms (length, sentence punctuation, letters,
 * capitalisation) plus the stopword share relative to the document's own prose, so a language
 * with a long or short stoplist is judged against itself.
 */
export function proseScore(f: Features, docStop: number, why: string[], listProse = false): number {
  let s = 0;
  const lenScore = Math.max(-2.5, Math.min(3, Math.log2(Math.max(f.length, 1) / 40)));
  s += lenScore;
  if (trace.reasons) why.push(`length ${f.length} (${round(lenScore)})`);
  if (f.endsSentence) {
    s += 1;
    if (trace.reasons) why.push('ends a sentence (+1)');
  } else {
    s -= f.length >= 250 ? 0.3 : 1;
    if (trace.reasons) why.push('no sentence end (-1)');
  }
  if (f.sentences >= 2) {
    s += 0.5;
    if (trace.reasons) why.push('several sentences (+0.5)');
  }
  // Only where the document's own prose is held together by the language's stopwords: with a
  // level this low the stoplist does not fit the text (lorem ipsum, a language without one, a
  // wrong guess), and the feature says nothing.
  if (!Number.isNaN(f.stopRatio) && f.words >= 4 && docStop >= THRESHOLDS.minDocStop) {
    const rel = f.stopRatio / docStop;
    if (rel >= 0.75) {
      s += 1;
      if (trace.reasons) why.push(`stopwords ${round(f.stopRatio)} like the prose (+1)`);
    } else if (rel < 0.4) {
      s -= 1.5;
      if (trace.reasons) why.push(`few stopwords ${round(f.stopRatio)} (-1.5)`);
    }
  }
  if (f.words >= 3 && f.titleRatio >= 0.8 && !f.endsSentence) {
    // A paragraph's length of title-case words and no full stop is no title: a run of labels
    // written as one line (a form's options, "Select Movie 27 Dresses 30 Days of Night …", a tag
    // cloud, a menu inline), where a long line without a full stop is otherwise a paragraph.
    const labels = f.length >= THRESHOLDS.labelRunChars;
    s -= labels ? 3 : 1;
    if (trace.reasons) why.push(labels ? 'a long line in title case (-3)' : 'title case (-1)');
  }
  if (f.allCaps) {
    s -= 1;
    if (trace.reasons) why.push('all capitals (-1)');
  }
  if (f.letterRatio < 0.6) {
    s -= 2;
    if (trace.reasons) why.push(`few letters ${round(f.letterRatio)} (-2)`);
  }
  // A bullet marks a list item: menus and link lists are lists, but so is the body of a page
  // that writes its prose in lists (release notes, round-ups). There it is no evidence.
  if (f.bullet && f.length < 200 && !listProse) {
    s -= 0.5;
    if (trace.reasons) why.push('bullet (-0.5)');
  }
  return s;
}

const CODE_TAGS = new Set(['pre', 'code', 'samp', 'kbd']);
/**
 * What code holds and prose seldom does: braces, angle brackets, comparison and arrow operators, a
 * statement's semicolon, a call glued to its name, a comment's opening mark ("// © 2024 …").
 * Preformatted text without any (a poem, an old page's story in `<pre>`) is read like any text, as
 * it reads once written out as text.
 */
const CODE_MARK = /[{}<>]|[=!]==?|=>|;(?:\s|$)|\w\(|^\s*(?:\/\/|\/\*|\*|#|--)/u;
/**
 * Global: the search for glued words goes from match to match, without splitting the line. ASCII
 * letters only: a Unicode property class made the scan of every long line cost 5% of the text path.
 */
const GLUED = /[a-z]{3}[A-Z][a-z]/g;
/** Code and addresses (dots, slashes, underscores…): an identifier's capitals join no texts. */
const CODE_CHARS = /[._/\\=()<>{}#@$]/;

/**
 * Different words in the line that are two words glued at a capital ("HouseGartner",
 * "ComputingSimple"): link or ad texts that the page set side by side without a space, which a
 * text dump runs together. A brand written so ("SharePoint", "JavaScript") is one word however
 * often it recurs; identifiers (with dots, slashes, underscores…) do not count.
 */
/** Words per glued link text, at most, in a row of link texts (see {@link linkTextsGlued}). */
const WORDS_PER_GLUED_LINK = 30;

/**
 * The link texts glued together in `text` (of `words` words), when they make it a row of links or
 * ads: `least` of them or more, one in `WORDS_PER_GLUED_LINK` words or more; else 0. The rules ask
 * for three in a block; a piece of a glued line (segment/text.ts) is short and asks for two.
 */
export function linkTextsGlued(text: string, words: number, least: number): number {
  const glued = gluedWords(text);
  return glued >= least && glued * WORDS_PER_GLUED_LINK >= words ? glued : 0;
}

function gluedWords(text: string): number {
  let seen: Set<string> | null = null;
  GLUED.lastIndex = 0;
  for (let m = GLUED.exec(text); m !== null; m = GLUED.exec(text)) {
    const start = text.lastIndexOf(' ', m.index) + 1;
    let end = text.indexOf(' ', m.index);
    if (end < 0) end = text.length;
    const word = text.slice(start, end);
    if (!CODE_CHARS.test(word)) (seen ??= new Set()).add(word);
    GLUED.lastIndex = end;
  }
  return seen?.size ?? 0;
}

/** The pattern tables' verdicts on a line, as {@link applyRules} reads them. */
export interface Verdicts {
  media: PatternHit<MediaKind> | null;
  boiler: PatternHit<BoilerplateKind> | null;
  meta: PatternHit<MetaKind> | null;
}

/**
 * The tables' verdicts on `text`, from `seen` when a block of the document had the same text
 * before (then stored there). A page repeats its furniture ("Share", "Reply", "Advertisement", a
 * menu at the top and again at the bottom): about one line in nine of the corpus's texts is
 * another line's copy, and each took three tables' matching again. A verdict is read, never
 * changed, so the copies share it.
 */
function verdictsOf(text: string, seen: Map<string, Verdicts> | undefined): Verdicts {
  let v = seen?.get(text);
  if (v === undefined) {
    v = { media: mediaMatch(text), boiler: boilerplateTable.match(text), meta: metaTable.match(text) };
    seen?.set(text, v);
  }
  return v;
}

/**
 * The context-free verdict on one block. `seen`: the tables' verdicts on the document's lines so
 * far, by text (see {@link verdictsOf}), shared by every block of one document.
 */
export function applyRules(block: Block, f: Features, docStop: number, listProse = false, priorWeight = THRESHOLDS.priorWeight, seen?: Map<string, Verdicts>): Work {
  // Reasons are written only when traced: the blocks share one empty list otherwise.
  const why: string[] = trace.reasons ? [] : NO_REASONS;
  let score = proseScore(f, docStop, why, listProse);
  if (block.prior !== undefined && block.prior !== 0) {
    score += block.prior * priorWeight;
    if (trace.reasons) why.push(`markup ${round(block.prior)} (${round(block.prior * priorWeight)})`);
  }
  const text = block.text;
  // Three or more link texts glued together, one in 30 words or more: a row of links or ads.
  if (f.length >= 150) {
    const glued = linkTextsGlued(text, f.words, 3);
    if (glued > 0) {
      score -= 2;
      if (trace.reasons) why.push(`${glued} link texts glued together (-2)`);
    }
  }
  // Markup that says code (`pre`, `code`), on a line with a mark of code, holds a sample the article
  // quotes verbatim: script, a menu or a copyright line in it are the sample's, not the page's.
  const sample = CODE_TAGS.has(block.dom?.tag ?? '') && CODE_MARK.test(text);
  const { media, meta, boiler: found } = sample ? { media: mediaMatch(text), meta: metaTable.match(text), boiler: null } : verdictsOf(text, seen);
  let boiler = found;
  // A photo's credit that names its copyright ("Photo: © Reuters") is the photo's, not the page's.
  if (boiler?.row.id === 'copyright' && media?.row.kind === 'photoCredit') boiler = null;
  // Every field from the start: one object shape for all blocks (V8 keeps the hot loops optimised).
  return { block, f, score, why, boiler, media, meta, fill: undefined, stampShape: false, weight: spanWeight(text, f), folded: false, postNav: false };
}
