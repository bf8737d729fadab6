/**
 * Stage 7, assemble: labelled blocks → Article. Adjacent boilerplate blocks of one kind form one
 * entry; the first headline/subheadline/byline/dateline block wins.
 */
import type { Article, ArticleSource, Block, BoilerplateEntry } from './article.js';
import type { PageMeta } from './segment/meta.js';

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
  return {
    headline: first('headline') ?? ctx.meta?.headline ?? null,
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
