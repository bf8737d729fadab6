/**
 * The Article and Block types: the public contract of newsclean.
 *
 * `Article` is serialised as is by the JSON renderers; `schema/article.schema.json` documents the
 * same shape and a test validates real outputs against it. Change both together.
 */

/** Kinds of boilerplate newsclean recognises. */
export const BOILERPLATE_KINDS = [
  'support-appeal',
  'newsletter',
  'navigation',
  'share',
  'legal',
  'advertisement',
  'comments',
  'other',
] as const;
export type BoilerplateKind = (typeof BOILERPLATE_KINDS)[number];

/** What a block is. `boilerplate` blocks also carry a {@link BoilerplateKind}. */
export const ROLES = [
  'headline',
  'subheadline',
  'byline',
  'dateline',
  'photoCredit',
  'caption',
  'body',
  'boilerplate',
] as const;
export type Role = (typeof ROLES)[number];

/** The input formats newsclean reads. */
export type InputFormat = 'text' | 'html';

/** One piece of boilerplate, labelled by kind. Adjacent blocks of one kind form one entry. */
export interface BoilerplateEntry {
  kind: BoilerplateKind;
  text: string;
}

/** Where the article came from. */
export interface ArticleSource {
  /** The input's name: a path, a URL, `-` for stdin, or null when the caller gave none. */
  name: string | null;
  /** The format the input was read as (after `auto` detection). */
  inputFormat: InputFormat;
  /** Size of the input in bytes (UTF-8 length for string input; gunzipped size for gzip input; 0 for a page given parsed). */
  bytes: number;
  /** Batch mode: the 1-based line of the document in a JSONL input. */
  line?: number;
  /** Batch mode: the byte offset of the record in a WARC input. */
  record?: number;
}

/** A scraped news article separated into its parts. */
export interface Article {
  headline: string | null;
  subheadline: string | null;
  byline: string | null;
  dateline: string | null;
  /** Photo credits, e.g. `"Alexei Nikolsky / TASS"`. */
  photoCredits: string[];
  /** Caption texts, without their credits. */
  captions: string[];
  /** Body paragraphs in reading order. */
  paragraphs: string[];
  /** The paragraphs joined by a blank line. */
  body: string;
  /** Everything around the article, labelled by kind, in document order. */
  boilerplate: BoilerplateEntry[];
  /** ISO 639-1 code of the detected language of the text, or null when unknown. */
  language: string | null;
  source: ArticleSource;
  /** Batch mode: the other fields of a JSONL input record (id, url, …), carried over as they were. */
  input?: Record<string, unknown>;
}

/** DOM facts about an HTML block (absent for plain-text input). */
export interface DomInfo {
  /** Tag name of the block element, lower case. */
  tag: string;
  /** Class and id words of the element and its ancestors, lower case, space separated. */
  hints: string;
  /** Share of the block's text that sits inside links, 0..1. */
  linkDensity: number;
  /** True when the block lies inside the chosen main-content container. */
  inMain?: boolean;
  /**
   * The kind of page furniture the block's element or an ancestor is named as (its tag or class/id
   * words: nav, footer, a sidebar, comments, a newsletter box), the most specific; absent when none.
   */
  furniture?: BoilerplateKind;
  /**
   * The blocks the block element's parent element holds, as indexes [parentFirst, parentEnd):
   * paragraphs with the same range are siblings; a block inside that range with another one
   * sits in a box nested among them (a fact box, a pull quote).
   */
  parentFirst?: number;
  parentEnd?: number;
  /** The block is a line of a `<p>` parted by `<br>` (a verse, an address, a list): the index of the paragraph's first line. */
  lineOf?: number;
}

/**
 * The unit both input paths share: a line (text) or a block element (HTML), with what is known
 * about it and what the classifier decided.
 */
export interface Block {
  /** Position among the document's blocks, from 0. */
  index: number;
  /** The block's text, whitespace-normalised. */
  text: string;
  /** 1-based line in the input where the block starts (text input; for HTML, the block's order). */
  line: number;
  /** Number of blank lines (or block breaks) before this block. */
  gapBefore: number;
  role: Role;
  /** Set when `role` is `boilerplate`. */
  kind?: BoilerplateKind;
  /** Why the block got its role, in the order the decisions were taken. */
  reasons: string[];
  /** DOM facts, for HTML input only. */
  dom?: DomInfo;
  /** The heading level (1–6) of a text line read as a Markdown heading (`## Title`). */
  heading?: number;
  /**
   * For `photoCredit` and `caption` blocks: the credit and the caption text once separated
   * (a caption line often ends in its credit, sometimes glued without a space).
   */
  credit?: string;
  caption?: string;
  /**
   * Evidence from the markup, in [-1, 1]: positive when the DOM says "article content" (inside the
   * main container, paragraph tag), negative when it says "page furniture" (nav, footer, aside,
   * high link density). Absent for plain text.
   */
  prior?: number;
  /** `prior` without the main container's part, for when the classifier doubts the container. */
  priorWithoutMain?: number;
  /**
   * Set by a segmenter when the markup decides the role beyond doubt (an `h1` matching the page's
   * headline, a `figcaption`, a JSON-LD credit): the classifier keeps `role`, `kind` and `reasons`.
   */
  fixed?: boolean;
}

/**
 * A new block, role `body`, with every optional field present (as `undefined`) in one fixed order:
 * all blocks then share one V8 hidden class, so the classifier's hot functions see a single map
 * instead of one per combination of fields set later (each new map deoptimised them; TurboFan
 * took ~9% of a batch run's CPU, much of it re-optimising after such deoptimisations). Clear a
 * field by setting it to `undefined`, never with `delete`. JSON output is the same: `undefined`
 * fields are not serialised.
 */
export function newBlock(index: number, text: string, line: number, gapBefore: number): Block {
  return {
    index,
    text,
    line,
    gapBefore,
    role: 'body',
    kind: undefined,
    reasons: [],
    dom: undefined,
    heading: undefined,
    credit: undefined,
    caption: undefined,
    prior: undefined,
    priorWithoutMain: undefined,
    fixed: undefined,
  };
}
