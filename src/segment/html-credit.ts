/**
 * Photo credits at the end of captions: "… on Saturday. Alexei Nikolsky / TASS",
 * "… (AP Photo/Evan Vucci)", "… Photo: Jane Doe", "…© Reuters". The rows are the pattern table
 * `CAPTION_CREDITS` in src/patterns/caption-credits.ts.
 */

import { CAPTION_CREDITS } from '../patterns/caption-credits.js';

/** A credit alone: short, and one of the rows matches the whole text. */
const MAX_CREDIT_WORDS = 12;

/**
 * Split a caption into its text and trailing credit.
 *
 * @returns `caption` without the credit, and `credit` (null when no row matches).
 */
export function splitCredit(text: string): { caption: string; credit: string | null } {
  for (const row of CAPTION_CREDITS) {
    const m = row.pattern.exec(text);
    if (!m || m[1] === undefined) continue;
    const credit = m[1].trim();
    if (credit.split(' ').length > MAX_CREDIT_WORDS) continue;
    const caption = text.slice(0, m.index).trim();
    return { caption, credit };
  }
  return { caption: text, credit: null };
}

/** True when the whole text is a credit ("Alexei Nikolsky / TASS", "Photo: Getty Images"). */
export function isCreditOnly(text: string): boolean {
  if (text.split(' ').length > MAX_CREDIT_WORDS) return false;
  const { caption, credit } = splitCredit(text);
  return credit !== null && caption.replace(/[\s|–—-]+/g, '') === '';
}
