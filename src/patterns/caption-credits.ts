import { lazyRows, type PatternRow } from './table.js';
import { AGENCIES, CJK_PAREN_CREDIT } from './photo-credits.js';

/**
 * No row starts with an unbounded `\s*` or repetition: on a long caption each start position must
 * fail fast, or the scan turns quadratic (test/regex-safety.test.ts checks 50 KB inputs).
 *
 * Credits at the end of a text the markup already calls a caption (`figcaption`, caption classes):
 * "… on Saturday. Alexei Nikolsky / TASS", "… (AP Photo/Evan Vucci)", "… Photo: Jane Doe",
 * "…© Reuters". Looser than the plain-text rows in photo-credits.ts, since the markup vouches for
 * the caption. Capture group 1 is the credit as it should be kept. First matching row wins.
 */
const NAME = String.raw`(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]{1,30})(?: (?:\p{Lu}\.|\p{Lu}[\p{L}'’-]{1,30}|de|da|van|von|der|al|el|bin)){0,4}`;
const AGENCY = String.raw`(?:${AGENCIES}|[A-Z][A-Za-z.&]+ (?:Images|Photos?|Press|News|Agency))`;

export const CAPTION_CREDITS: readonly PatternRow<'photoCredit'>[] = lazyRows<'photoCredit'>([
  {
    id: 'caption-paren-credit',
    kind: 'photoCredit',
    pattern: () => new RegExp(String.raw`\(((?:[\p{L} ]{0,40}(?:Photo|Photograph|Image|Picture|Foto|Credit|Illustration|File|Video|Graphic)s?\b[^()]{0,80})|[^()]{2,60}\s?/\s?[^()]{2,60}|${AGENCY})\)\.?\s*$`, 'u'),
    note: '"(AP Photo/Evan Vucci)", "(Reuters)", "(Photo: X)" closing a caption.',
    example: 'President Bush waves to the crowd. (AP Photo/Evan Vucci)',
    nearMiss: 'The president waved (briefly) to the crowd.',
  },
  {
    id: 'caption-labelled',
    kind: 'photoCredit',
    pattern: () => /(?:\b|(?<![\p{L}\p{N}])(?=Фото))((?:Photo(?:graph)?|Image|Picture|Foto(?:grafía)?|Fotó|Bild|Фото|Credit|Photo credit|Image credit|Illustration|Video|Source)s?\s*(?::|by\b)\s*(?:[^.:()]|(?<=\b\p{Lu})\.){2,80}?\.?)\s*$/iu,
    note: '"Photo: Jane Doe", "Photograph by X", "Credit: Y", "Фото: Z" closing a caption (the labels of the plain-text row); a period only after an initial ("J. Scott Applewhite") or closing the credit.',
    example: 'The square at dawn. Photograph by Jane Doe',
    nearMiss: 'The photograph of the square was taken at dawn.',
  },
  {
    id: 'caption-copyright',
    kind: 'photoCredit',
    pattern: () => /((?:©|\(c\)|Copyright\b)\s*[^.]{2,80}?)\s*$/iu,
    note: '"© Reuters", "(c) AFP 2008" closing a caption.',
    example: 'Flooded streets in Dhaka. © Reuters',
    nearMiss: 'Flooded streets in Dhaka on Monday.',
  },
  {
    id: 'caption-name-slash-agency',
    kind: 'photoCredit',
    pattern: () => new RegExp(String.raw`(?:^|(?<=[.!?"”’)\]]\s{0,3})|\s)((?:${NAME}|${AGENCY})\s?/\s?(?:${NAME}|${AGENCY})(?:\s?/\s?${NAME})?)\s*$`, 'u'),
    note: '"Alexei Nikolsky / TASS" after the caption sentence, even glued.',
    example: 'Putin at a meeting in Moscow. Alexei Nikolsky / TASS',
    nearMiss: 'Putin at a meeting in Moscow with Nikolsky.',
  },
  {
    id: 'caption-agency',
    kind: 'photoCredit',
    pattern: () => new RegExp(String.raw`(?<=[.!?"”])\s*(${AGENCY}(?: (?:via|for) ${AGENCY})?)\s*$`, 'u'),
    note: '"… on Friday. Getty Images" after the caption sentence.',
    example: 'Fans celebrate in Madrid on Friday. Getty Images',
    nearMiss: 'Fans celebrate in Madrid on Friday.',
  },
  {
    id: 'caption-cjk-paren',
    kind: 'photoCredit',
    pattern: CJK_PAREN_CREDIT,
    note: 'A credit in parentheses after a Chinese, Japanese or Korean caption, as the plain-text row (photo-credits.ts, cjk-paren-credit) reads it: "（写真：共同通信）", "（图/新华社）".',
    example: '靖国神社の標本木で咲いた桜（写真：共同通信）',
    nearMiss: '靖国神社の標本木で咲いた桜（東京都千代田区）',
  },
]);
