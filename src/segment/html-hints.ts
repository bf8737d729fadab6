/**
 * What class/id words and tags say about an element: article content, or page furniture of a
 * given kind. One table, compiled once; each row says why.
 */
import type { BoilerplateKind } from '../article.js';
/** `CHAR_CODE_AT.call(text, i)` for `text.charCodeAt(i)` in character loops: no megamorphic look-up on the text (see src/classify/features.ts). */
const CHAR_CODE_AT = String.prototype.charCodeAt;

/** Bit flags of the furniture kinds an element's hints point to. */
export const NEG = {
  navigation: 1,
  share: 2,
  newsletter: 4,
  comments: 8,
  legal: 16,
  advertisement: 32,
  other: 64,
  'support-appeal': 128,
} as const satisfies Partial<Record<BoilerplateKind, number>>;

interface HintRow {
  /** Matches one class/id word (lower case, split at non-alphanumerics). */
  pattern: RegExp;
  kind: keyof typeof NEG | 'content';
  note: string;
}

export const HINT_ROWS: readonly HintRow[] = [
  { pattern: /^(?:article|articles?body|articletext|articlecontent|story|storybody|storytext|storycontent|entry|entrycontent|entrytext|post|postbody|postcontent|posttext|hentry|blogpost|body|bodytext|content|maincontent|main|text|prose|permalink)$/, kind: 'content', note: 'words publishers use for the article container' },
  { pattern: /^(?:nav|navbar|navigation|menu|menus|submenu|megamenu|breadcrumbs?|pagination|pager|paging|skip|skiplink|topbar|masthead|sitemap|mainnav|subnav|tabs|tags|tagcloud|taglist|categories|toc)$/, kind: 'navigation', note: 'site navigation, menus, breadcrumbs, tag lists' },
  { pattern: /^(?:share|shares|sharing|sharebar|sharetools|social|socialmedia|sociable|addthis|tweet|twitter|facebook|whatsapp|linkedin|pinterest|emailthis|bookmark|bookmarks|tools|toolbar|articletools|storytools|utility|utilities)$/, kind: 'share', note: 'share rows and article tools' },
  { pattern: /^(?:newsletter|newsletters|subscribe|subscription|signup|optin|mailinglist|nlsignup)$/, kind: 'newsletter', note: 'newsletter and subscription prompts' },
  { pattern: /^(?:comment|comments|commentlist|commentary?box|disqus|discussion|respond|replies|reply|talkback|remarks?|feedback|guestbook|usercomments)$/, kind: 'comments', note: 'reader comments (full sentences, hence dangerous)' },
  { pattern: /^(?:footer|sitefooter|pagefooter|copyright|legal|disclaimer|terms|privacy|colophon|imprint)$/, kind: 'legal', note: 'page footer and legal notices' },
  { pattern: /^(?:ad|ads|adv|advert|adverts|advertisement|advertising|adsense|adslot|adunit|dfp|gpt|banner|banners|sponsor|sponsored|sponsors|promo|promos|promotion|promoted|commercial|marketing|taboola|outbrain|skyscraper|leaderboard|mpu)$/, kind: 'advertisement', note: 'ads, promotions, sponsored content' },
  { pattern: /^(?:donate|donation|donations|support|supportus|contribute|contribution|membership|paywall|reader-revenue|readerrevenue)$/, kind: 'support-appeal', note: 'donation and membership appeals' },
  { pattern: /^(?:related|relatedarticles|relatedstories|relatedcontent|relatedlinks|recommended|recommendations|more|morestories|readmore|alsoread|seealso|trending|popular|mostread|mostpopular|mostviewed|sidebar|side|rail|rightrail|leftrail|widget|widgets|aside|teaser|teasers|extra|extras|supplemental|modal|popup|overlay|cookie|cookies|gdpr|consent|login|signin|register|search|headlines|latest|livefeed|ticker|carousel|slideshow|gallery|thumbnails?|hidden|hide|invisible|nocontent|noindex)$/, kind: 'other', note: 'related stories, sidebars, widgets, overlays; "nocontent" (kept out of site search, Google CSE and Yahoo convention); a writer\'s bio is this kind too (BIO_WORD)' },
];

/** Tags that are furniture by themselves, with their kind. */
export const TAG_KIND: ReadonlyMap<string, keyof typeof NEG> = new Map([
  ['nav', 'navigation'],
  ['footer', 'legal'],
  ['aside', 'other'],
  ['form', 'other'],
  ['menu', 'navigation'],
]);

export interface HintInfo {
  /** The element's own class/id words. */
  words: string[];
  /** Furniture kinds its own words name (bit flags of {@link NEG}). */
  neg: number;
  /** True when its own words name an article container. */
  content: boolean;
  /** True when its classes are a blog platform's mark of a post ("hentry", "type-post", "post-123"). */
  post: boolean;
  /** True when one of its words names a set of pictures (a gallery, a slideshow, a carousel). */
  gallery: boolean;
  /** True when one of its words names a writer's bio ("bio", "authorBio", "extendedBio"). */
  bio: boolean;
  /** The role words among its words (bit flags of {@link ROLE_WORD}), read once with the rest. */
  roles: number;
  /**
   * The last chain of class/id words made for an element with these hints (html.ts's chainHints),
   * and the parent's chain it was made under: the one field set after the fact, a memo of a pure
   * function of the two (chains are never changed), so sharing the object stays safe.
   */
  chainUnder: string[] | null;
  chain: string[] | null;
}

/** Class/id words that mark a caption, a credit, a byline or a time (src/segment/html.ts's roleOf). */
export const ROLE_WORD = {
  caption: 1,
  /** A credit word. */
  credit: 2,
  /** A credit word that is one outside a picture too ("photocredit"; not "copyright", "source", "agency", "courtesy"). */
  creditAnywhere: 4,
  byline: 8,
  time: 16,
} as const;
const CAPTION_WORD = /^(?:caption|captions|cap|figcaption|captiontext|imagecaption|photocaption|mediacaption|piccaption|cutline|cutlines|legend|wpcaptiontext)$/;
const CREDIT_WORD = /^(?:credit|credits|photocredit|imagecredit|mediacredit|piccredit|photographer|copyright|courtesy|source|agency)$/;
const BYLINE_WORD = /^(?:byline|bylines|byl|author|authors|authorname|author_name|writer|reporter|contributor|by)$/;
const TIME_WORD = /^(?:date|dateline|datetime|timestamp|published|pubdate|publishdate|posted|postdate|time)$/;

/** The {@link ROLE_WORD} flags of one class/id word. */
export function roleWord(w: string): number {
  let roles = 0;
  if (CAPTION_WORD.test(w)) roles |= ROLE_WORD.caption;
  if (CREDIT_WORD.test(w)) roles |= ROLE_WORD.credit | (w !== 'copyright' && w !== 'source' && w !== 'agency' && w !== 'courtesy' ? ROLE_WORD.creditAnywhere : 0);
  if (BYLINE_WORD.test(w)) roles |= ROLE_WORD.byline;
  if (TIME_WORD.test(w)) roles |= ROLE_WORD.time;
  return roles;
}

/** Class/id words of a set of pictures. */
const GALLERY_WORD = /^(?:gallery|slideshow|carousel)$/;

/** A class/id word naming a writer's bio: "bio", "bios", or one written with it ("authorbio", "extendedbio"). */
const BIO_WORD = /^[a-z]*bios?$/;

/** Compound words ("related-articles-list", "sharebar") reduced to the table's words. */
const COMPOUND_PREFIX = /^(related|share|social|comment|newsletter|sidebar|footer|promo|sponsor|advert|breadcrumb|nav|menu|subscribe|signup|donat|popular|trending|recommend|widget|taboola|outbrain|cookie)/;

const PREFIX_KIND: Record<string, keyof typeof NEG> = {
  related: 'other', share: 'share', social: 'share', comment: 'comments', newsletter: 'newsletter', sidebar: 'other', footer: 'legal',
  promo: 'advertisement', sponsor: 'advertisement', advert: 'advertisement', breadcrumb: 'navigation', nav: 'navigation', menu: 'navigation',
  subscribe: 'newsletter', signup: 'newsletter', donat: 'support-appeal', popular: 'other', trending: 'other', recommend: 'other', widget: 'other',
  taboola: 'advertisement', outbrain: 'advertisement', cookie: 'other',
};

/** What one class/id word says: furniture flags, article content, role flags, a gallery, a bio. */
interface WordHint {
  neg: number;
  content: boolean;
  roles: number;
  gallery: boolean;
  bio: boolean;
}

function classifyWord(w: string): WordHint {
  const roles = roleWord(w);
  const gallery = GALLERY_WORD.test(w);
  const bio = BIO_WORD.test(w);
  // A bio ("bio", "authorbio", "extendedbio"): furniture of the 'other' kind, read by the bio rule too.
  if (bio) return { neg: NEG.other, content: false, roles, gallery, bio };
  for (const row of HINT_ROWS) {
    if (row.pattern.test(w)) return row.kind === 'content' ? { neg: 0, content: true, roles, gallery, bio } : { neg: NEG[row.kind], content: false, roles, gallery, bio };
  }
  const m = COMPOUND_PREFIX.exec(w);
  // "navigation" is in the table; "navy", "menuitem"... only a prefix of a longer word counts.
  if (m && w.length > m[1]!.length + 2) return { neg: NEG[PREFIX_KIND[m[1]!]!], content: false, roles, gallery, bio };
  // Named by what it belongs to, then by what it is ("blogcomments", "storyextra").
  const x = FURNITURE_SUFFIX.exec(w);
  if (x !== null) return { neg: NEG[SUFFIX_KIND[x[1]!]!], content: false, roles, gallery, bio };
  return { neg: 0, content: false, roles, gallery, bio };
}

/**
 * A compound that ends in a furniture word after two letters or more ("blogcomments",
 * "postcomment", "blogsidebar", "articlefooter", "storyextra", "inlinenewsletter"), with the kind
 * each names: the element is named by what it belongs to, then by what it is.
 */
const FURNITURE_SUFFIX = /^[a-z]{2,}(comments?|sidebar|footer|widgets?|newsletter|related|extras?|promo)$/;
const SUFFIX_KIND: Record<string, keyof typeof NEG> = {
  comment: 'comments', comments: 'comments', sidebar: 'other', footer: 'legal', widget: 'other', widgets: 'other',
  newsletter: 'newsletter', related: 'other', extra: 'other', extras: 'other', promo: 'advertisement',
};

/** A code unit of a word of a class or id once lower-cased: `[a-z0-9]` (any other parts two words). */
function isWordUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Whether the word is digits only. */
function digitsOnly(w: string): boolean {
  for (let i = 0, n = w.length; i < n; i++) {
    const c = CHAR_CODE_AT.call(w, i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * A box about the writer under the article ("about_author", "about-the-author", "author-box",
 * "authorbio"): one class written as two words, which the split at non-alphanumerics would part
 * ("author" alone names a byline). Not "author-profile":
 * a profile is a page's content as often as a box beside it (a talk page's "About the Speaker").
 * The class may name its plugin or theme first ("authorsure-author-box", "td-author-box").
 */
const AUTHOR_BOX = /(?:^|[\s#]|[-_])(?:about[-_]?(?:the[-_]?)?author|author[-_]?(?:box|bio|about|details|description))(?=[\s#]|$)/;

/** Classes of a blog platform's post element (WordPress, TypePad, Movable Type). */
const POST_MARKER = /(?:^|\s)(?:hentry|type-post|status-publish|post-\d+|entry-type-[a-z]+)(?:\s|#|$)/;
/**
 * Taxonomy classes on such an element: category, tag, author and format labels (some themes
 * prefix them: "s-category-news", "s-tag-jokes").
 */
const TAXONOMY = /(?:^|\s)(?:entry-|[a-z]-)?(?:category|tag|author|format)-\S*/g;
/** Two or more taxonomy classes mark a post's element even without the platform's post class. */
const TAXONOMY_TWICE = /(?:^|\s)(?:entry-|[a-z]-)?(?:category|tag)-\S+[\s\S]*\s(?:entry-|[a-z]-)?(?:category|tag)-\S/;
/** The continuation of a post after its "continue reading" break. */
const CONTENT_MORE = /(?:^|\s)(?:entry|post|article|story|asset|body)-more(?=\s|#|$)/g;
/** Its id is often just "more" (the anchor the break links to). */
const BARE_MORE = /(?:^|[\s#])more(?=[\s#]|$)/g;
/**
 * An id of just "more" names the anchor a "Continue reading" link jumps to (`href="#more"`), the
 * post's extended part (Movable Type's, TypePad's `<div id="more">`): no hint either way. A box of
 * more stories says so in its class ("more", "more-stories"), which still counts.
 */
const JUMP_ANCHOR_ID = /^more$/i;

/**
 * Blogger's gadget of the posts, the page's article on a post's page: `<div class="widget Blog">`,
 * a widget like every gadget of the sidebar, but the one that holds the blog. Its "widget" says
 * nothing of its role.
 */
const BLOG_WIDGET = /^widget blog(?=#|$)/;

/**
 * Classes of a social post embedded in the article ("twitter-tweet", "instagram-media",
 * "tiktok-embed", "fb-post"): a post the article quotes, not a share row. The network's name in
 * them says nothing about the element's role, so they are no hint at all.
 */
const EMBED = /(?:^|\s)(?:twitter-(?:tweet|video|timeline-embed)|instagram-media|tiktok-embed|fb-(?:post|video)|reddit-(?:card|embed-bq)|bluesky-embed|mastodon-embed)(?=\s|#|$)/g;
/**
 * Pre-checks of the class/id patterns: an alternation of the literals every match of the pattern
 * holds, as written. A key a gate does not match is not run through its pattern. Written out, not
 * derived at load (deriving them cost an HTML run's start ~2 ms); a test checks each against
 * {@link requiredLiterals} of its pattern, so a pattern changed without its gate fails it.
 */
const POST_GATE = /hentry|type-post|status-publish|post-|entry-type-/;
const TAXONOMY_GATE = /category-|tag-/;
const EMBED_GATE = /twitter-tweet|twitter-video|twitter-timeline-embed|instagram-media|tiktok-embed|fb-post|fb-video|reddit-card|reddit-embed-bq|bluesky-embed|mastodon-embed/;
const MORE_GATE = /entry-more|post-more|article-more|story-more|asset-more|body-more/;
const WIDGET_GATE = /widget blog/;
/** Each gate beside its pattern (for the test). */
export const HINT_GATES: ReadonlyArray<readonly [pattern: RegExp, gate: RegExp]> = [
  [POST_MARKER, POST_GATE],
  [TAXONOMY_TWICE, TAXONOMY_GATE],
  [EMBED, EMBED_GATE],
  [CONTENT_MORE, MORE_GATE],
  [BLOG_WIDGET, WIDGET_GATE],
];

/**
 * Entries each cache of {@link HintCache} holds at most: it starts over when full. Class/id strings
 * repeat within a page and across the pages of a site, and their words ("content", "header",
 * "post") across sites: in a batch most elements' hints are one lookup.
 */
const HINT_CACHE_MAX = 20_000;
/** Hints by class/id string, and a word's hint; shared by every page (both are pure functions of the string). */
const infoCache = new Map<string, HintInfo>();
const wordCache = new Map<string, WordHint>();
/**
 * Hints of elements with a class and no id, by the class string itself: the same HintInfo as
 * `infoCache` holds under `class + '#'`, found without making that string. Most elements with
 * hints have no id, and the joined key cost a copy of the class and a hash of the copy each time.
 */
const classCache = new Map<string, HintInfo>();

/** A class/id string's hints, read once per process (HintInfo objects are shared: only their chain memo changes). */
export class HintCache {
  private readonly cache = infoCache;
  private readonly wordCache = wordCache;

  info(cls: string | undefined, id: string | undefined): HintInfo | null {
    if (id !== undefined && JUMP_ANCHOR_ID.test(id)) id = undefined;
    if (!id) {
      if (!cls) return null;
      let hit = classCache.get(cls);
      if (hit === undefined) {
        const key = cls + '#';
        hit = this.read(key);
        if (classCache.size >= HINT_CACHE_MAX) classCache.clear();
        // Kept under a cut of the joined key, not under `cls`: the parser's attribute values are
        // cuts of the page's source, and a cut keeps the whole string it was cut from alive (V8's
        // sliced strings): the cache kept ~150 whole pages alive after a pass over the corpus
        // (61 MB of a 139 MB heap). The joined key was made flat by `read` (lower-casing reads it
        // whole), a copy of just the class.
        classCache.set(key.slice(0, -1), hit);
      }
      return hit;
    }
    const key = (cls ?? '') + '#' + id;
    let hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    hit = this.read(key);
    if (this.cache.size >= HINT_CACHE_MAX) this.cache.clear();
    this.cache.set(key, hit);
    return hit;
  }

  /** The hints of a joined key, `class#id` (either part may be empty). */
  private read(key: string): HintInfo {
    const words: string[] = [];
    let neg = 0;
    let content = false;
    let roles = 0;
    let gallery = false;
    let bio = false;
    let lower = key.toLowerCase();
    // Each pattern is tried only on a key holding a literal it needs (the cache misses on every new
    // id, ~22% of the look-ups over the corpus's pages: most keys hold none of them).
    const post = POST_GATE.test(lower) && POST_MARKER.test(lower);
    // A blog post's element lists its taxonomy in its classes ("category-legal_business",
    // "tag-privacy", "entry-author-jo"): topic labels, not layout roles.
    if (post || (TAXONOMY_GATE.test(lower) && TAXONOMY_TWICE.test(lower))) lower = lower.replace(TAXONOMY, ' ');
    if (EMBED_GATE.test(lower)) lower = lower.replace(EMBED, ' ');
    if (WIDGET_GATE.test(lower) && BLOG_WIDGET.test(lower)) lower = lower.slice('widget '.length);
    // "entry-more", "post-more": the rest of the post after its "continue reading" break.
    const rest = MORE_GATE.test(lower) ? lower.replace(CONTENT_MORE, ' ') : lower;
    if (rest !== lower) {
      content = true;
      lower = rest.replace(BARE_MORE, ' ');
    }
    if (lower.includes('author') && AUTHOR_BOX.test(lower)) neg |= NEG.other;
    // The words are the runs of [a-z0-9], read in place (`split(/[^a-z0-9]+/)` was a third of this
    // function's time).
    const n = lower.length;
    for (let i = 0; i < n; ) {
      if (!isWordUnit(CHAR_CODE_AT.call(lower, i))) {
        i++;
        continue;
      }
      const start = i;
      do i++;
      while (i < n && isWordUnit(CHAR_CODE_AT.call(lower, i)));
      if (i - start > 40) continue;
      const raw = lower.slice(start, i);
      if (words.includes(raw)) continue;
      words.push(raw);
      let c = this.wordCache.get(raw);
      if (c === undefined) {
        // Numbers (element ids: "comment-40747357") would only fill the cache.
        if (digitsOnly(raw)) continue;
        c = classifyWord(raw);
        if (this.wordCache.size >= HINT_CACHE_MAX) this.wordCache.clear();
        this.wordCache.set(raw, c);
      }
      neg |= c.neg;
      content ||= c.content;
      roles |= c.roles;
      gallery ||= c.gallery;
      bio ||= c.bio;
    }
    return { words, neg, content, post, gallery, bio, roles, chainUnder: null, chain: null };
  }
}

/** The boilerplate kind for a set of furniture flags (most specific first). */
export function kindOf(neg: number): BoilerplateKind | null {
  if (neg === 0) return null;
  const order: Array<keyof typeof NEG> = ['comments', 'newsletter', 'share', 'support-appeal', 'advertisement', 'navigation', 'legal', 'other'];
  for (const k of order) if (neg & NEG[k]) return k;
  return 'other';
}
