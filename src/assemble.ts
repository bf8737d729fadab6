/**
 * Stage 7, assemble: labelled blocks → Article. Adjacent boilerplate blocks of one kind form one
 * entry; the first headline/subheadline/byline/dateline block wins.
 */
import type { Article, ArticleSource, Block, BoilerplateEntry } from './article.js';
import type { PageMeta } from './segment/meta.js';
import { escapeRegExp } from './patterns/table.js';

export interface AssembleContext {
  meta: PageMeta | null;
  language: string | null;
  source: ArticleSource;
}

export function assemble(blocks: readonly Block[], ctx: AssembleContext): Article {
  const first = (role: Block['role']): string | null => blocks.find((b) => b.role === role)?.text ?? null;
  const paragraphs: string[] = [];
  const photoCredits: string[] = [];
  const seenCredits = new Set<string>();
  const addCredit = (credit: string): void => {
    if (seenCredits.has(credit)) return;
    seenCredits.add(credit);
    photoCredits.push(credit);
  };
  const captions: string[] = [];
  const boilerplate: BoilerplateEntry[] = [];
  let lastBoiler: Block | null = null;
  for (const b of blocks) {
    if (b.role === 'body') {
      paragraphs.push(b.text);
      // A photo essay's caption turned paragraph keeps its credit.
      if (b.credit) addCredit(b.credit);
    } else if (b.role === 'photoCredit') {
      addCredit(b.credit ?? b.text);
      if (b.caption) captions.push(b.caption);
    } else if (b.role === 'caption') {
      captions.push(b.caption ?? b.text);
      if (b.credit) addCredit(b.credit);
    } else if (b.role === 'boilerplate') {
      const kind = b.kind ?? 'other';
      const prev = boilerplate[boilerplate.length - 1];
      if (prev && lastBoiler && lastBoiler.index === b.index - 1 && prev.kind === kind) {
        prev.text += (b.gapBefore > 0 ? '\n\n' : '\n') + b.text;
      } else {
        boilerplate.push({ kind, text: b.text });
      }
      lastBoiler = b;
      continue;
    }
    lastBoiler = null;
  }
  const headlineBlock = blocks.find((b) => b.role === 'headline');
  return {
    headline: (headlineBlock !== undefined ? writtenCase(headlineBlock, blocks, ctx.source.inputFormat) : null) ?? ctx.meta?.headline ?? null,
    subheadline: first('subheadline'),
    byline: first('byline') ?? ctx.meta?.author ?? null,
    dateline: first('dateline'),
    photoCredits,
    captions,
    paragraphs,
    body: paragraphs.join('\n\n'),
    boilerplate,
    language: ctx.language,
    source: ctx.source,
  };
}

/** A letter, cased or not; and one in lower case. */
const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;
/** Longest block looked at for the headline's case, and the text looked at in all (see writtenCase). */
const CASE_COPY_MAX_CHARS = 1000;
const CASE_SEARCH_CHARS = 200_000;

/**
 * The headline as the document writes it elsewhere, when text gives it in capitals: html-to-text
 * writes every heading in capitals (and innerText a heading that CSS sets in capitals), while the
 * page names the same story in its own case in a breadcrumb, a caption or a link to it ("BOY
 * KILLED BY GRANDPARENTS' ROTTWEILER" over "Boy killed by grandparents' Rottweiler"). The first
 * other block holding the headline's words in order, letter for letter but for their case, as a
 * whole phrase and not in capitals itself, gives the headline its case; else the headline stays
 * as written. Markup and a Markdown heading are left alone: there a heading in capitals is the
 * page's own (turndown keeps the case; the page's `<title>` at the top of its Markdown may not).
 */
function writtenCase(headline: Block, blocks: readonly Block[], format: Article['source']['inputFormat']): string {
  const text = headline.text;
  if (format === 'html' || headline.heading !== undefined || text.length > 300 || LOWER.test(text) || text.split(' ').length < 2) return text;
  let letters = 0;
  for (const ch of text) if (LETTER.test(ch) && ++letters >= 4) break;
  if (letters < 4) return text;
  const phrase = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu');
  // Bounded (hostile text: a headline of 150 one-letter words over megabytes of such words costs
  // each block its length times the words): the copy is a short line, within the first of the text.
  let budget = CASE_SEARCH_CHARS;
  for (const b of blocks) {
    if (b === headline || b.text.length > CASE_COPY_MAX_CHARS) continue;
    if ((budget -= b.text.length) < 0) break;
    const m = phrase.exec(b.text);
    if (m !== null && LOWER.test(m[0])) return m[0].replace(/\s+/g, ' ');
  }
  return text;
}
