/**
 * Every threshold of the pipeline, named, with its unit and the reason for its value.
 * Callers may override any of them through `ExtractOptions.thresholds`.
 */

export type Favor = 'balanced' | 'precision' | 'recall';

export const DEFAULTS = {
  /** Bytes; larger inputs are refused with TOO_LARGE. 50 MiB holds any real page several times over. */
  maxBytes: 50 * 1024 * 1024,
} as const;

/**
 * Thresholds of the classifier. Lengths are in characters (spaceless scripts count ×3), scores are
 * the prose score of `classify/rules.ts` (roughly -6 … +7, 0 = undecided).
 */
export const THRESHOLDS = {
  /** Prose score a block must exceed to add to the body span (the dial moves it). */
  spanThreshold: { balanced: 1.5, precision: 2.3, recall: 0.8 } satisfies Record<Favor, number>,
  /** Weight of a block in the span search is its length, capped here so one huge line cannot dominate. */
  maxWeight: 1200,
  /** Stopword share of a document's prose below which stopwords are no evidence (see proseScore). */
  minDocStop: 0.15,
  /** Least weight of a block in the span search, so short junk lines still cost something. */
  minWeight: 25,
  /** Lines this short and mostly not letters (chart and table residue) weigh only their length. */
  residueMaxLength: 8,
  /**
   * Extra cost (in characters) of crossing a boilerplate pattern line: a barrier for the body span.
   * `final` is for the lines that close a page (copyright, cookie notice): what follows them is
   * the site's, however prose-like.
   */
  barrierCost: { final: 1500, strong: 600, weak: 60 },
  /**
   * The body span grows across a gap of at most `maxGap` blocks without barrier lines when the run
   * of prose beyond it is worth at least `minShare` of the span so far.
   */
  spanMerge: { maxGap: 80, minShare: 0.25 },
  /** Inside the body span, a block scoring below this is dropped unless it looks like a subheading. */
  keepInSpan: { balanced: -1.0, precision: 0.0, recall: -2.5 } satisfies Record<Favor, number>,
  /**
   * Blocks of text between the markup's headline and the first body block beyond which the main
   * container is doubted, and the page judged by its text alone.
   */
  farFromHeadline: 30,
  /** Share of a document's sentence lines that are bulleted beyond which bullets are no evidence. */
  listProseShare: 0.3,
  /** Lines above the body within which a line outside the main container may be the headline. */
  headlineOutsideReach: 3,
  /** Inside the markup's main container a block needs this much less score to stay. */
  mainKeepBonus: 2,
  /**
   * A comment section starts at a marker line (comment heading, author, action row, date) followed
   * within `window` blocks by at least `markers` more markers and `prose` prose blocks.
   */
  commentCluster: { window: 40, markers: 3, prose: 2 },
  /**
   * Below this much article prose (lines of 80+ characters) above it, a comment section is doubted
   * when one unbroken run of prose below its first marker is over three times as long (and 3 x
   * 2/3 of this at least): that run is the article, the prose above a blurb.
   */
  commentArticleChars: 300,
  /**
   * Characters of the longest line the container may hold above the headline the markup fixed for
   * the body to start under the headline (a blog's tagline, a caption, a login prompt: see
   * `headerAbove` in classify/index.ts). A longer one is a paragraph: the article opens above its
   * heading.
   */
  aboveHeadlineMaxChars: 200,
  /**
   * With markup, a short weak line among others like it is a link of a list (revise.ts, "one of
   * several short lines in a row") only when at least this share of its text is linked: a post's
   * one paragraph between its meta line and "Comments (0)", or a list of school names, is none.
   */
  linkListMinLinkDensity: 0.3,
  /**
   * A section's front page (see classify/index.ts `teaserRiver`): at least this many body
   * paragraphs each right under a linked title, and at least this share of the body paragraphs so.
   */
  riverPairs: 4,
  riverShare: 0.8,
  /** Characters at most of a teaser's summary (a sentence or two). */
  riverSummaryMaxChars: 300,
  /**
   * Words at most of a body whose every line lies under a furniture hint for it to be furniture,
   * the page holding no article text (see classify/index.ts `furnitureBody`).
   */
  furnitureBodyMaxWords: 60,
  /** Share of a teaser title's characters that are link text. */
  teaserTitleLinkDensity: 0.9,
  /** Words of a line of text between two comment markers for it to count as a (short) comment. */
  commentMinWords: 5,
  /** Words of a line all in capitals for it to be a tagline or a box, no paragraph (see `markShoutedLines`). */
  shoutedMinWords: 12,
  /** Lines under "No comments yet." within which the comment form shows an empty thread (see `emptyThread`). */
  emptyThreadLines: 6,
  /** Words of each half of a line printed twice over (see `markDoubledLines`): an alt text's, a caption's. */
  doubledMinWords: 6,
  doubledMaxWords: 120,
  /** A gallery's first lines (image placeholders and slide numbers; the placeholders cost nothing anyway) whose slide numbers count in the span search; past them, none does (see `markFolded`). */
  galleryLines: 6,
  /** A thread's first comment (the text after its first marker) is at most this many characters. */
  commentMaxChars: 2000,
  /** A timestamped line of at most this many words, ending no sentence, can be a comment's author/date line. */
  stampMaxWords: 14,
  /** Photo essay: at least this many sentence captions, of at least `essayCaptionWords` words… */
  essaySentences: 2,
  /** Items at most of a list that a body line ending in a colon announces (they join the body, see revise.ts announcedLists). */
  announcedMaxItems: 40,
  /** Words at most of an unbulleted line of text for it to be an item of such a list (innerText drops the bullets). */
  plainItemMaxWords: 30,
  /** Share of capitalised words beyond which a short line announcing a list after the body is a box's heading instead. */
  leadInMaxTitleRatio: 0.5,
  /** Words at most of a short sentence passed over between the body and a line announcing a list after it. */
  shortSentenceWords: 8,
  /** Linked-title-then-summary pairs after a related-stories heading inside the container that make it a teaser list (the body ends there). */
  teaserPairs: 2,
  /** Title-link-then-summary pairs in a row that make a list of teasers in markup (see `markLinkedTeasers`). */
  linkedTeaserPairs: 3,
  /**
   * Words of prose at least, in sibling paragraphs outside a box of linked teasers, that make them an
   * article's: the box is then navigation even when it outweighs the article (see `markLinkedTeasers`).
   */
  teaserBoxArticleWords: 60,
  /** Words at most of a markup heading that ends the body with nothing under it, to be left out (see `danglingHeadings`). */
  danglingHeadingMaxWords: 12,
  /** A summary with its "Read more" link glued to its end is this long at least (see `markTeaserSummaries`). */
  teaserMinChars: 60,
  essayCaptionWords: 8,
  /** …or one caption of at least this many words and two sentences or more (a one-photo slide). */
  slideCaptionWords: 20,
  /**
   * A thread found through timestamps alone must end the page's prose: the prose after its last
   * comment may be at most this share of the prose inside it.
   */
  threadAfterShare: 1,
  /** Characters of prose between two markers of one thread at most (a long comment, not an article section). */
  threadGapChars: 3500,
  /** A document of at most this many lines, none of them prose or claimed by a pattern, is all body. */
  tinyDocumentLines: 6,
  /** How many blocks before the body to look for the headline. */
  headlineWindow: 60,
  /** Words of a sentence opening with a place line ("CAIRO — …") above the body span for it to be the article's lead. */
  leadMinWords: 12,
  /** A headline candidate followed within `headlineMetaReach` lines by a byline or date line gains `headlineMetaBonus`. */
  headlineMetaReach: 3,
  /** The first lines of the body span among which a title-like line followed by a byline or date line may be the headline. */
  headlineInSpan: 3,
  headlineMetaBonus: 1,
  /** A headline candidate followed by a longer title-like line (its deck) gains this much. */
  headlineDeckBonus: 0.5,
  /** A deck (standfirst) under a headline has at least this many words. */
  deckMinWords: 8,
  /** ... and this many times as many as the headline (an 8-word headline over an 11-word deck). */
  deckRatio: 1.3,
  /** A deck has at most this many words: a longer line above a dated byline is the article's last paragraph (a post's footer). */
  deckMaxWords: 35,
  /** A run of body paragraphs printed twice in a row is one article when it holds two different paragraphs of this many words. */
  copyMinWords: 20,
  /** Body lines of fewer words (a byline, a subheading) are not compared when a run is looked for. */
  copyLineWords: 4,
  /** ... and the run is at most this many paragraphs long. */
  copyMaxBlocks: 400,
  /** Body paragraphs that make the lead, whose words a headline restates. */
  headlineLeadBlocks: 2,
  /**
   * A headline candidate above the best one wins when it scores within `margin` of it and at least
   * `minOverlap` of its content words occur in the body (headline above its deck or caption);
   * right above its deck (see `deckBelow` in classify/headline.ts), within `deckMargin`.
   */
  headlineTopmost: { margin: 0.7, deckMargin: 1.5, minOverlap: 0.5 },
  /** Headline score lost per block between the candidate and the body that could be the title itself. */
  headlineDistanceCost: 0.1,
  /** A subheading inside the body has at most this many words. */
  subheadingMaxWords: 14,
  /** A line in title case without a full stop is a run of labels from this many characters on (see `proseScore`). */
  labelRunChars: 250,
  /** Two blocks of one appeal or sign-up box may be this many blocks apart; the blocks between join it. */
  appealGap: 4,
  /** Words at most between two such lines for them to be one box: an appeal's box says little; an article's paragraphs say more. */
  appealFillMaxWords: 80,
  /**
   * Under an author-bio heading ("About the author"), the bio is looked for in at most this many
   * blocks: the name lines and the photo's, up to and with its first paragraph.
   */
  bioBlocks: 5,
  /** The paragraph under an "About <the site>" heading has at least this many words (a menu's link heads a headline). */
  siteBlurbWords: 12,
  /** Media patterns (credits, captions) apply to lines up to this length. */
  mediaMaxLength: 400,
  /** Markup evidence (`Block.prior`, in -1..1) is worth this many prose-score points. */
  priorWeight: 3,
} as const;

export interface ExtractOptions {
  /** How to read the input; `auto` (default) tells HTML from plain text. */
  inputFormat?: 'auto' | 'text' | 'html';
  /** Sets `source.name` in the Article and names the input in errors. */
  name?: string | null;
  /** Precision/recall dial: `precision` drops doubtful lines, `recall` keeps them. Default `balanced`. */
  favor?: Favor;
  /** Character encoding to assume for byte input when the input does not declare one. */
  encoding?: string;
  /** Refuse inputs larger than this many bytes (default {@link DEFAULTS.maxBytes}). */
  maxBytes?: number;
  /**
   * `analyze()`: write down why each block got its role (`Block.reasons`, `--explain`). Default
   * true; false saves time and memory when only the roles are wanted. `extract()` never does.
   */
  explain?: boolean;
}
