import { lazyRows, type PatternRow } from './table.js';

/** Bylines and datelines. */
export type MetaKind = 'byline' | 'dateline';

export const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?';
/** A time, with its zone ("10:15 PM EST", "11:27 - (SA)", "5:02 PM GMT+1", "1202 hrs IST"), or "14時35分". */
const TIME = '(?:\\d{1,2}\\s?時\\s?\\d{1,2}\\s?分|\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?|[012]\\d[0-5]\\d\\s?hrs\\.?)\\s*(?:[ap]\\.?m\\.?)?(?:\\s*(?:[-–]\\s*)?\\(?[A-Z]{2,5}(?:[+-]\\d{1,2}(?::?\\d{2})?)?\\)?)?';
/** A date, written out or numeric, or in Chinese, Japanese or Korean ("2023年3月15日", "2023년 3월 15일") (the date-line row's; comment timestamps use it too). */
export const DATE = `(?:${DAY}\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}(?:T[\\d:.]+Z?)?|\\d{1,2}[./]\\d{1,2}[./](?:\\d{4}|\\d{2})|\\d{4}\\s?年\\s?\\d{1,2}\\s?月\\s?\\d{1,2}\\s?日|\\d{4}년\\s?\\d{1,2}월\\s?\\d{1,2}일)`;

/** A name of one to four words (the post-meta row; case-insensitive, so "van" and "de" pass). */
const NAME = "\\p{L}[\\p{L}'’.-]*(?:\\s+\\p{L}[\\p{L}'’.-]*){0,3}";

export const BYLINES: readonly PatternRow<MetaKind>[] = lazyRows<MetaKind>([
  {
    id: 'by-name',
    kind: 'byline',
    pattern: () => /^(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Aa]v|[Aa]f|[Оо]т|[Аа]втор:?|[Тт]екст:?)\s+(?:[Tt]he\s+)?\p{Lu}[\p{L}'’./-]*(?:\s+(?:\p{Lu}[\p{L}'’./-]*|and|&|und|et|y|e|и|de|van|von|der|da|di|le|la|el|bin|del),?)*(?:\s*(?:,|\||•|·|-|–|—|and|for|in)\s*.{0,80})?$/u,
    note: '"By John Smith", "By JOHN SMITH, Associated Press Writer"; "By the end of…" starts lower case and does not match.',
    example: 'By JOHN SMITH, Associated Press Writer',
    nearMiss: 'By the end of the year, prices had doubled.',
    maxLength: 120,
  },
  {
    id: 'by-name-lower',
    kind: 'byline',
    pattern: () => /^By\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u,
    note: 'A plain "By First Last" line.',
    example: 'By Jane Doe',
    nearMiss: 'By Friday the talks had collapsed entirely.',
    maxLength: 60,
  },
  {
    id: 'staff-writer',
    kind: 'byline',
    pattern: () => /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,5}(?:[Ss]taff\s+[Ww]riter|[Ss]ports\s+[Ww]riter|[Ss]taff\s+[Rr]eporter|[Cc]orrespondent|[Cc]olumnist|[Ss]taff|[Cc]ontributor|[Ee]ditor)s?$|^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2},\s+(?:[Tt]he\s+)?\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+){0,3}$/u,
    note: 'Bylines without "By": "Palm Beach Post Staff Writer", "Jason Botchford, The Province".',
    example: 'Jason Botchford, The Province',
    nearMiss: 'Jason Botchford wrote for The Province for years.',
    maxLength: 70,
  },
  {
    id: 'special-to',
    kind: 'byline',
    pattern: () => /^Special\s+(?:to|for)\s+(?:[Tt]he\s+)?\p{Lu}[\p{L}.]+(?:\s+(?:\p{Lu}[\p{L}.]+|and|&)){0,4}$/u,
    note: 'A freelancer\'s credit line in place of a byline: "Special to The Star".',
    example: 'Special to The Star',
    nearMiss: 'Special to the children of the town was the visit of the mayor.',
    maxLength: 60,
  },
  {
    id: 'written-by',
    kind: 'byline',
    pattern: () => /^(?:[Ww]ritten|[Rr]eported|[Pp]osted|[Ss]tory|[Ww]ords|[Tt]ext|[Rr]eporting)\s+[Bb]y\s*:?\s+\p{Lu}.{1,80}$|^(?:[Aa]uthor|[Rr]eporter|[Cc]orrespondent)s?\s*:\s*\p{Lu}.{1,60}$/u,
    note: '"Written by …", "Written By: …", "Author: …".',
    example: 'Written by Anna Smith',
    nearMiss: 'Written by hand, the letter was hard to read.',
    maxLength: 100,
  },
  {
    id: 'date-line',
    kind: 'dateline',
    pattern: () => new RegExp(
      `^(?:(?:published|posted|updated|last\\s+updated|(?:last\\s+)?edited|(?:last\\s+)?modified|created|date|first\\s+published|publication\\s+date)\\s*(?:on|at)?\\s*:?\\s*)?(?:${DATE}|${TIME})(?:\\s*(?:,|at|-|–|—|\\||/)?\\s*(?:${TIME}|${DATE}))?(?:\\s*(?:\\||•|·|-|–)?\\s*(?:updated|last\\s+updated)\\s*:?\\s*(?:${DATE}|${TIME})(?:\\s*(?:,|at)?\\s*${TIME})?)?[.,\\s]*$`,
      'iu',
    ),
    note: 'A line that is a date (and time), optionally labelled "Published:", "Updated".',
    example: 'Published: March 3, 2022 at 10:15 AM EST',
    nearMiss: 'March 3, 2022 was the coldest day of the year.',
    maxLength: 120,
  },
  {
    id: 'cjk-dateline',
    kind: 'dateline',
    pattern: () => /^(?:据)?[^\s，。！？]{1,24}?\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*\d{1,2}[:：]\d{2})?\s*(?:电|讯|报道|消息)?$/u,
    keywords: ['月'],
    note: 'A Chinese news dateline on a line of its own: the source and the day, with "电" (wire), "讯", "报道" (reports) or "消息", or a time ("新华社北京10月14日电", "TNW中文站 10月14日报道", "TNW中文站2016年10月14日07:17").',
    example: 'TNW中文站 10月14日报道',
    nearMiss: '谷歌在2014年10月14日收购了这家公司，并表示将继续投资。',
    maxLength: 40,
  },
  {
    id: 'post-meta',
    kind: 'byline',
    pattern: () => new RegExp(
      `^(?:(?:posted|published|written)\\s+(?:on\\s*)?:?\\s*)?(?:${DATE}|\\d{1,2}-\\d{1,2}-\\d{4})\\b.{0,60}?\\bby\\s*:?\\s+${NAME}.{0,60}$` +
        `|^(?:posted\\s+|written\\s+)?by\\s*:?\\s+${NAME}\\s*(?:,|\\||/|-|–|—|•|·)?\\s*(?:on\\s+)?${DATE}\\b.{0,100}$`,
      'iu',
    ),
    note: 'A blog post\'s header line, its author and its date: "by Jane Doe on March 3, 2012", "Posted November 4th, 2012 / By Jean-Pierre Gassin". A sentence that names who did something on a date does not open with "by" or with the date.',
    example: 'by Barry van Wyk on November 8, 2012',
    nearMiss: 'The bill was signed by the governor on March 3, 2012, after a long debate in the state senate.',
    maxLength: 160,
  },
  {
    id: 'place-dateline',
    kind: 'dateline',
    pattern: () => /^\p{Lu}[\p{Lu}\s.'’-]{1,30}(?:,\s*\p{Lu}[\p{L}.]{1,20}(?:\s\p{Lu}[\p{L}.]{1,20})?)?\s*(?:\([^)]{1,30}\))?\s*(?:--|—|–|-)$/u,
    note: 'A wire dateline standing alone on its line: "RENO, Nev. --".',
    example: 'RENO, Nev. --',
    nearMiss: 'RENO is a city in Nevada --',
    maxLength: 60,
  },
  {
    id: 'relative-date',
    kind: 'dateline',
    pattern: () => /^(?:(?:published|posted|updated)\s+)?\d{1,2}\s+(?:minutes?|mins?|hours?|hrs?|days?)\s+ago$/iu,
    note: '"Updated 3 hours ago".',
    example: 'Updated 3 hours ago',
    nearMiss: '3 hours ago the building collapsed.',
    maxLength: 40,
  },
]);
