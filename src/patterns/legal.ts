import { lazyRows, type PatternRow } from './table.js';

/** Copyright, terms and cookie notices. */
export const LEGAL: readonly PatternRow<'legal'>[] = lazyRows<'legal'>([
  {
    id: 'copyright',
    kind: 'legal',
    pattern: () => /©|\(c\)\s*(?:19|20)\d\d|\bcopyright\s+(?:©\s*)?(?:\(c\)\s*)?(?:19|20)\d\d\b|\ball\s+rights\s+reserved\b/iu,
    keywords: ['©', '(c)', 'copyright', 'rights reserved'],
    note: 'Copyright lines: "©", "Copyright 2024", "All rights reserved".',
    example: '© 2024 The Moscow Times. All rights reserved.',
    nearMiss: 'The copyright dispute lasted for years.',
    maxLength: 300,
  },
  {
    id: 'redistribution',
    kind: 'legal',
    pattern: () => /\bmay\s+not\s+be\s+(?:published|reproduced|republished|copied),?\s+(?:broadcast|rewritten|redistributed|distributed)/iu,
    keywords: ['may not be'],
    note: 'Wire-service redistribution notices.',
    example: 'This material may not be published, broadcast, rewritten or redistributed.',
    nearMiss: 'The report may not be published until next year, officials said.',
  },
  {
    id: 'personal-use',
    kind: 'legal',
    pattern: () => /\b(?:is|are)\s+for\s+(?:your\s+)?personal,?\s+non-?commercial\s+use\s+only\b|^for\s+(?:your\s+)?personal,?\s+non-?commercial\s+use\s+only\b/iu,
    keywords: ['non-commercial', 'noncommercial'],
    note: 'Reprint notices: "This copy is for your personal, non-commercial use only. To order presentation-ready copies…" (a newswire\'s print view prints one above and below the article). Not an article that reports on such terms.',
    example: 'Dow Jones Reprints: This copy is for your personal, non-commercial use only. To order presentation-ready copies for distribution, use the Order Reprints tool.',
    nearMiss: 'The licence allows personal, non-commercial use only if the author is credited, the court said.',
    maxLength: 600,
  },
  {
    id: 'cookies',
    kind: 'legal',
    pattern: () => /\b(?:we|this\s+(?:site|website))\s+uses?\s+cookies\b|\bcookie\s+(?:policy|settings|preferences|notice|consent)\b|\baccept\s+(?:all\s+)?cookies\b|\bby\s+(?:continuing\s+to\s+(?:use|browse)|using)\s+(?:this|our)\s+(?:site|website)\b/iu,
    keywords: ['cookie', 'by continuing', 'by using'],
    note: 'Cookie banners.',
    example: 'We use cookies to improve your experience on our site.',
    nearMiss: 'The bakery uses cookies from a local supplier.',
    maxLength: 400,
  },
  {
    id: 'terms-links',
    kind: 'legal',
    pattern: () => /^[\s\p{P}\p{S}]*(?:privacy(?:\s+(?:policy|notice|settings|centre|center))?|terms(?:\s+(?:of\s+(?:use|service)|and\s+conditions|&\s+conditions))?|cookie\s+policy|accessibility(?:\s+statement)?|site\s*map|do\s+not\s+sell\s+my\s+(?:personal\s+)?info(?:rmation)?|your\s+(?:privacy\s+)?choices|ad\s+choices|adchoices|disclaimer|legal(?:\s+notice)?|imprint|impressum|contact\s+us|about\s+us|corrections)(?:\s*[|•·,]\s*[^|•·,\s](?:[^|•·,]{0,38}[^|•·,\s])?){0,10}[\s\p{P}]*$/iu,
    note: 'Footer rows of legal links.',
    example: 'Privacy Policy | Terms of Use | Contact Us',
    nearMiss: 'Privacy groups criticised the new law on Tuesday.',
    maxLength: 300,
  },
  {
    id: 'footer-disclaimer',
    kind: 'legal',
    pattern: () => /\bdisclaimer\s*:|\bhas no affiliation with\b|\bis the official (?:web ?site|site|home) of\b|\b(?:are|is) (?:a )?(?:registered )?trademarks? of\b|\ball other trademarks\b|\bbest viewed (?:in|with|using)\b/iu,
    // Each keyword is in every match of its branch ("the official", not "official": "officials said" is news).
    keywords: ['disclaimer', 'affiliation', 'the official', 'trademark', 'best viewed'],
    note: 'Site footers: disclaimers, trademark notices, "best viewed in", "is the official web site of".',
    example: 'NHL.com is the official web site of the National Hockey League.',
    nearMiss: 'The league said the official result of the vote would come on Monday.',
    // A footer, however long, is no 3000-character block: that is an article (a press release)
    // ending in its trademark notice, run together by its markup.
    maxLength: 3000,
  },
  {
    id: 'powered-by',
    kind: 'legal',
    pattern: () => /^(?:[Pp]owered\s+by|[Ss]ite\s+(?:by|design(?:ed)?\s+by)|[Hh]osted\s+by)\s+\p{Lu}[\p{L}\p{N}.&' -]{0,40}$/u,
    note: 'Site credits in the footer.',
    example: 'Powered by WordPress',
    nearMiss: 'Powered by coal, the plant supplies half the region.',
    maxLength: 80,
  },
]);
