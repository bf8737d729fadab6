import { lazyRows, type PatternRow } from './table.js';

/**
 * Photo credits and image captions. Capture group 1, when present, is the credit text; the text
 * before the match (if any) is the caption the credit was glued to.
 */
export type MediaKind = 'photoCredit' | 'caption';

/** News and photo agencies, as they appear in credits. */
export const AGENCIES =
  '(?:AP|AAP|CP|AFP|Reuters|REUTERS|EPA(?:-EFE)?|EFE|TASS|ТАСС|RIA\\s+Novosti|РИА\\s+Новости|Sputnik|Getty(?:\\s+Images)?|iStock(?:photo)?|Shutterstock|Alamy|Bloomberg|Xinhua|Kyodo|Yonhap|ANSA|dpa|DPA|PA(?:\\s+(?:Media|Wire|Images))?|ANP|Belga|Keystone|Corbis|Zuma(?:\\s+Press)?|ZUMA(?:\\s+Wire)?|SIPA|Sipa|NurPhoto|Anadolu(?:\\s+Agency)?|Pixabay|Unsplash|Flickr|Wikimedia(?:\\s+Commons)?|Wikipedia|Kremlin\\.ru|kremlin\\.ru|Handout|HANDOUT|Pool|POOL|UPI|Imago|IMAGO|Newscom|Rex(?:\\s+Features)?|REX|Shutterstock)';

/**
 * A credit in parentheses (full-width or not) closing a Chinese, Japanese or Korean caption:
 * "（写真：共同通信）", "（图/新华社）", "(사진=연합뉴스)"; group 1 is the name after the label. The
 * plain-text row here and the markup caption's row (caption-credits.ts) read it alike.
 */
export const CJK_PAREN_CREDIT = (): RegExp => /[（(]\s?(?:写真|撮影|画像|提供|图片来源|圖片來源|图片|圖片|图|圖|照片|摄影|攝影|来源|來源|사진)\s?[：:／/=]\s?([^（）()\n]{1,40}?)\s?[）)]\s*$/u;

export const PHOTO_CREDITS: readonly PatternRow<MediaKind>[] = lazyRows<MediaKind>([
  {
    id: 'name-slash-agency',
    kind: 'photoCredit',
    pattern: () => new RegExp(
      `^(\\p{Lu}[\\p{L}'’.-]+(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|de|van|von|der|da|di|la|le|el|bin|al-\\p{L}+)){1,3}\\s*/\\s*(?:${AGENCIES}|\\p{Lu}[\\p{Lu}\\p{N}&.-]{1,12}|\\p{Lu}[\\p{L}.&'’-]+(?:\\s+\\p{Lu}[\\p{L}.&'’-]+){0,3}))$`,
      'u',
    ),
    note: '"First Last / AGENCY": a capitalised name, a slash, an agency or outlet name, nothing else.',
    example: 'Alexei Nikolsky / TASS',
    nearMiss: 'Politics / elections coverage continues tomorrow',
    maxLength: 80,
  },
  {
    id: 'agency-photo-paren',
    kind: 'photoCredit',
    pattern: () => /\(\s*((?:AP|AFP|Reuters|EPA|UPI|CP|AAP|PA|Getty\s+Images|\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3})\s+Photos?\s*\/\s*[^()]{2,80}?)\s*\)\.?\s*$/u,
    keywords: ['photo'],
    note: '"(AP Photo/Evan Vucci)" at the end of a caption, a full stop after it or not.',
    example: 'President Bush waves to the crowd. (AP Photo/Evan Vucci)',
    nearMiss: 'The agency (AP) reported the photo was fake.',
  },
  {
    id: 'credit-before-caption',
    kind: 'photoCredit',
    pattern: () => new RegExp(
      `^(\\p{Lu}[\\p{L}'’.-]+(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|de|van|von|der|da|di|la|le|el|bin)){1,3}\\s*/\\s*[^/\\n]{0,60}?${AGENCIES})(?=\\p{Lu}\\p{Ll})`,
      'u',
    ),
    note: 'A credit glued before its caption, with no space where a text browser joined the two elements: "Stan Honda/Agence France-Presse — Getty ImagesAfter the Sept. 11, 2001, terrorist attacks, …" (a name, a slash, an agency at the end, then a capitalised word). Group 1 is the credit; the rest of the line is the caption.',
    example: 'Stan Honda/Agence France-Presse — Getty ImagesAfter the Sept. 11 attacks, many people were prepared to give up a little privacy.',
    nearMiss: 'Stan Honda/Agence France-Presse — Getty Images',
  },
  {
    id: 'paren-photo-by',
    kind: 'photoCredit',
    pattern: () => /\(\s*(?:[Pp]hoto|[Ii]mage|[Pp]icture|[Ff]ile|[Bb]ild|[Ff]oto|Фото)s?(?:\s+(?:by|via|from))?\s*:?\s*((?:[Cc]ourtesy(?:\s+of)?\s+)?\p{Lu}[^()]{1,60}?)\s*\)\.?\s*$/u,
    keywords: ['photo', 'image', 'picture', 'pic', 'file', 'bild', 'foto', 'фото'],
    note: '"(Photo by Damon Tarver)" or "(Photo: Reuters)" closing a caption, a full stop after it or not ("(Photo by: Saul Loeb/AFP/Getty Images)."); German and Russian sites\' "(Bild: Hersteller)", "(Foto: dpa)", "(Фото: ТАСС)". The credit is the name, without its label, as the labelled-credit row gives it ("Damon Tarver", "courtesy of NASA").',
    example: 'Tamiko Davis scored eight points. (Photo by Damon Tarver)',
    nearMiss: 'The photo (by all accounts a fake) spread widely.',
  },
  {
    id: 'labelled-credit',
    kind: 'photoCredit',
    pattern: () => /(?:^|(?<=[\p{Ll}\p{N}.!?"”’)\]]))\s*(?:(?:Photo|Image|Picture|Video|Illustration|Graphic)\s+)?(?:Credit|Photograph|Photo|Foto|Fotó|Photos|Image|Picture|Source|Illustration|Bild|Foto(?:grafía)?|Фото|^(?:credit|photo(?:graph)?|image))s?\s*(?:by)?\s*[:：]\s*((?=[^\n]{0,99}\p{L})(?=[^\n:：]{2,100}$)\S+(?:[ \t]+\S+){0,11})$/u,
    keywords: [':', '：'],
    note: '"Photo: …", "Credit: …" ("photo: …" in lower case opening its line), also glued to a caption without a space ("…ate a rabbitCredit: Getty - Contributor"); the credit names someone (a letter in it: "Фото: 12:30" is a time; no colon, as the caption-credits row in HTML) in twelve words at most.',
    example: 'A python that ate a rabbitCredit: Getty - Contributor',
    nearMiss: 'He paid for the car on credit: no cash was used.',
  },
  {
    id: 'credit-dots',
    kind: 'photoCredit',
    pattern: () => /^(?:Credit|Photo|Image)(?:\.{2,3}|…)\s*(.{0,100})$/u,
    note: 'The "Credit..." line; the name follows on the same line or the next one.',
    example: 'Credit...Doug Mills/The New York Times',
    nearMiss: 'Credit unions reported record deposits.',
    maxLength: 110,
  },
  {
    id: 'image-copyright',
    kind: 'photoCredit',
    pattern: () => /^(?:Image|Photo|Picture|Media)\s+(?:copyright|source|credit)\s*:?\s+(.{2,100})$/iu,
    note: 'BBC-style "Image copyright Getty Images".',
    example: 'Image copyright Getty Images',
    nearMiss: 'Image rights of players are a matter for the clubs.',
    maxLength: 120,
  },
  {
    id: 'photo-by',
    kind: 'photoCredit',
    pattern: () => /^(?:[Pp]hoto(?:graph)?s?|PHOTO|[Ii]mages?|[Pp]ictures?)\s+(?:by|BY|courtesy(?:\s+of)?|via)\s+(\p{Lu}.{1,80})$|^((?:[Pp]hoto\s+)?[Cc]ourtesy(?:\s+of|\s*:)?\s+\p{Lu}.{1,70})$/u,
    note: '"Photo by …", "Courtesy of …", "Courtesy: …".',
    example: 'Photo by Jane Doe for The Guardian',
    nearMiss: 'Photos from the event show a crowded square.',
    maxLength: 100,
  },
  {
    id: 'agency-only',
    kind: 'photoCredit',
    pattern: () => new RegExp(
      `^((?:\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){0,3}\\s*(?:/|for|via|-|–|,)\\s*)?${AGENCIES}(?:\\s*(?:/|via|for|-|–|,)\\s*(?:${AGENCIES}|\\p{Lu}[\\p{L}.]+(?:\\s+\\p{Lu}[\\p{L}.]+){0,3}))*(?:\\s+(?:file|archive))?)$`,
      'u',
    ),
    note: 'A credit line naming an agency: "Getty Images", "Chip Somodevilla / Getty Images", "AFP via Getty Images".',
    example: 'Chip Somodevilla via Getty Images',
    nearMiss: 'Reuters reported the deal first.',
    maxLength: 90,
  },
  {
    id: 'trailing-agency-credit',
    kind: 'photoCredit',
    pattern: () => new RegExp(`(?<=[.!?"”’)]\\s{0,3})(\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){1,3}\\s*/\\s*${AGENCIES}(?:\\s*/\\s*\\p{Lu}\\p{L}+)?)$`, 'u'),
    keywords: ['/'],
    note: 'A caption sentence ending in "Name / AGENCY".',
    example: 'Putin at a meeting in Moscow. Alexei Nikolsky / TASS',
    nearMiss: 'Putin met Nikolsky in Moscow on Tuesday.',
  },
  {
    id: 'cjk-paren-credit',
    kind: 'photoCredit',
    pattern: CJK_PAREN_CREDIT,
    keywords: ['写真', '撮影', '画像', '提供', '图', '圖', '照片', '摄影', '攝影', '来源', '來源', '사진'],
    note: 'A credit in parentheses (full-width or not) after a Chinese, Japanese or Korean caption: "（写真：共同通信）", "（图/新华社）", "(사진=연합뉴스)". The credit is the name after the label.',
    example: '靖国神社の標本木で咲いた桜（写真：共同通信）',
    nearMiss: '靖国神社の標本木で咲いた桜（東京都千代田区）',
    maxLength: 300,
  },
  {
    id: 'labelled-caption',
    kind: 'caption',
    pattern: () => /^(?:photo|image|picture|video)s?\s*:\s+((?=(?:\S+\s+){8}\S)\S.*[.!?]["'”’)\]]*)$/iu,
    note: 'A labelled caption: "PHOTO: Timothy Courtois, left, and Clark Tabor were both arrested on …." (as a text browser prints an image\'s alt text). A sentence of nine words or more: a shorter label names the photographer ("Photo: Ryan Lash", the labelled-credit row).',
    example: 'PHOTO: Timothy Courtois, left, and Clark Tabor were both arrested on separate charges stemming from the massacre.',
    nearMiss: 'Photo: Courtesy of the National Archives and Records Administration.',
    maxLength: 400,
  },
  {
    id: 'image-caption',
    kind: 'caption',
    pattern: () => /^(?:Image|Photo|Picture|Media)\s+caption\s*:?\s+(.{2,})$/iu,
    note: 'BBC-style "Image caption …": a caption, not a credit.',
    example: 'Image caption The minister arrives in Brussels',
    nearMiss: 'Image captions are written by the picture desk.',
  },
]);
