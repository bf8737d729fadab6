/**
 * All pattern tables, compiled once. Order inside a table decides between rows that match at the
 * same position: the more specific concepts come first.
 */
import type { BoilerplateKind } from '../article.js';
import { compileTable, type PatternRow } from './table.js';
import { SUPPORT_APPEALS } from './support-appeals.js';
import { NEWSLETTER } from './newsletter.js';
import { NAVIGATION } from './navigation.js';
import { SHARE } from './share.js';
import { LEGAL } from './legal.js';
import { ADVERTISEMENT } from './advertisement.js';
import { COMMENTS } from './comments.js';
import { AUTHOR_BIO } from './author-bio.js';
import { CALLOUTS } from './callouts.js';
import { PHOTO_CREDITS, type MediaKind } from './photo-credits.js';
import { BYLINES, type MetaKind } from './bylines.js';
import { CAPTION_CREDITS } from './caption-credits.js';

export type { PatternRow, PatternHit, CompiledTable } from './table.js';
export type { MediaKind } from './photo-credits.js';
export type { MetaKind } from './bylines.js';

/** Every boilerplate row, in precedence order. */
export const BOILERPLATE_ROWS: readonly PatternRow<BoilerplateKind>[] = [
  ...SUPPORT_APPEALS,
  ...NEWSLETTER,
  ...ADVERTISEMENT,
  ...COMMENTS,
  ...AUTHOR_BIO,
  ...CALLOUTS,
  ...SHARE,
  ...LEGAL,
  ...NAVIGATION,
];

/** Every table by name, for tests and docs. */
export const TABLES = {
  boilerplate: BOILERPLATE_ROWS,
  media: PHOTO_CREDITS,
  meta: BYLINES,
  captionCredits: CAPTION_CREDITS,
} as const;

export const boilerplateTable = compileTable<BoilerplateKind>(BOILERPLATE_ROWS);
export const mediaTable = compileTable<MediaKind>(PHOTO_CREDITS);

/**
 * A caption without the label before its sentence ("Photo: The minister arrives …" is "The minister
 * arrives …"): what the labelled-caption row captures, wherever a caption is read (a line of text,
 * caption markup, a caption glued to its credit), so each reads the same.
 */
export function captionSentence(caption: string): string {
  const hit = caption === '' ? null : mediaTable.match(caption);
  return hit?.row.id === 'labelled-caption' ? hit.match[1]!.trim() : caption;
}
export const metaTable = compileTable<MetaKind>(BYLINES);
