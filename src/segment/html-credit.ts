/**
 * Photo credits at the end of captions: "… on Saturday. Alexei Nikolsky / TASS",
 * "… (AP Photo/Evan Vucci)", "… Photo: Jane Doe", "…© Reuters". Rows are data, compiled once.
 */

interface CreditRow {
  id: string;
  /** Matches the credit at the end of a caption; group 1 is the credit as it should be kept. */
  pattern: RegExp;
  note: string;
}

const AGENCY = String.raw`(?:AP|AFP|Reuters|Getty(?: Images)?|EPA(?:-EFE)?|TASS|RIA Novosti|Sputnik|Xinhua|Bloomberg|Shutterstock|Alamy|PA(?: Wire| Images)?|ANP|dpa|Anadolu(?: Agency)?|Zuma(?: Press)?|NurPhoto|SIPA|Pool|Handout|Wikimedia Commons|Flickr|iStock(?:photo)?|Kremlin\.ru|[A-Z][A-Za-z.&]+ (?:Images|Photos?|Press|News|Agency))`;
const NAME = String.raw`(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+)(?: (?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+|de|da|van|von|der|al|el|bin))*`;

export const CREDIT_ROWS: readonly CreditRow[] = [
  { id: 'paren-credit', pattern: new RegExp(String.raw`\s*\(((?:[\p{L} ]*(?:Photo|Photograph|Image|Picture|Foto|Credit|Illustration|File|Video|Graphic)s?\b[^()]{0,80})|[^()]{2,60}\s?/\s?[^()]{2,60}|${AGENCY})\)\s*$`, 'u'), note: '"(AP Photo/Evan Vucci)", "(Reuters)", "(Photo: X)"' },
  { id: 'labelled', pattern: /\s*(?:[|–—-]\s*)?\b((?:Photo(?:graph)?|Image|Picture|Foto|Credit|Photo credit|Image credit|Illustration|Video|Source)s?\s*(?::|by\b)\s*[^.:()]{2,80}?)\s*$/iu, note: '"Photo: Jane Doe", "Photograph by X", "Credit: Y"' },
  { id: 'copyright', pattern: /\s*((?:©|\(c\)|Copyright\b)\s*[^.]{2,80}?)\s*$/iu, note: '"© Reuters", "(c) AFP 2008"' },
  { id: 'name-slash-agency', pattern: new RegExp(String.raw`(?:^|(?<=[.!?"”’)\]]\s*)|\s+)((?:${NAME}|${AGENCY})\s?/\s?(?:${NAME}|${AGENCY})(?:\s?/\s?${NAME})?)\s*$`, 'u'), note: '"Alexei Nikolsky / TASS" after the caption sentence, even glued' },
  { id: 'agency', pattern: new RegExp(String.raw`(?<=[.!?"”])\s*(${AGENCY}(?: (?:via|for) ${AGENCY})?)\s*$`, 'u'), note: '"… on Friday. Getty Images"' },
];

/** A credit alone: short, and one of the rows matches the whole text. */
const MAX_CREDIT_WORDS = 12;

/**
 * Split a caption into its text and trailing credit.
 *
 * @returns `caption` without the credit, and `credit` (null when no row matches).
 */
export function splitCredit(text: string): { caption: string; credit: string | null } {
  for (const row of CREDIT_ROWS) {
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
