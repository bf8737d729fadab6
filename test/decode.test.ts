import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { decode } from '../src/decode/index.js';
import { detectBom } from '../src/decode/bom.js';
import { sniffDeclaredCharset } from '../src/decode/declared.js';
import { sniffMagic, sniffUtf16 } from '../src/decode/binary.js';
import { sniffFormat } from '../src/decode/sniff.js';
import { leadCharacters, mayHoldMojibake, repairMojibake } from '../src/decode/mojibake.js';
import { utf8Stats } from '../src/decode/utf8.js';
import { extract, analyze, NewscleanError, DEFAULTS } from '../src/index.js';

/** The WHATWG reading (what browsers and scrapers produce): undefined bytes map to C1 controls. */
const iconv = createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite');
const misread = (s: string, enc: string): string =>
  Array.from(Buffer.from(s, 'utf8'), (b) => {
    const c = iconv.decode(Buffer.of(b), enc);
    return c === '\uFFFD' ? String.fromCharCode(b) : c;
  }).join('');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixturesDir = join(root, 'fixtures');

interface Expected {
  description: string;
  encoding: string;
  headline: string;
  mustContain: string[];
}

const cases = readdirSync(fixturesDir).filter((d) => d.startsWith('encoding--')).sort();

/** All text an Article shows, one string per field entry. */
function articleTexts(a: ReturnType<typeof extract>): string {
  return [a.headline, a.subheadline, a.byline, a.dateline, ...a.photoCredits, ...a.captions, ...a.paragraphs, ...a.boilerplate.map((b) => b.text)]
    .filter((s): s is string => typeof s === 'string')
    .join('\n');
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

function expectNewscleanError(fn: () => unknown, code: string, message: RegExp): void {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(NewscleanError);
  expect((err as NewscleanError).code).toBe(code);
  expect((err as NewscleanError).message).toMatch(message);
}

describe('encoding fixtures', () => {
  it('are all there (12 or more, each with input, decoded.txt and expected.json)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    for (const c of cases) {
      const files = readdirSync(join(fixturesDir, c));
      expect(files, c).toContain('expected.json');
      expect(files, c).toContain('decoded.txt');
      expect(files.some((f) => f === 'input.txt' || f === 'input.html'), c).toBe(true);
    }
  });

  for (const c of cases) {
    const dir = join(fixturesDir, c);
    const inputFile = existsSync(join(dir, 'input.html')) ? 'input.html' : 'input.txt';
    const bytes = readFileSync(join(dir, inputFile));
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    const decodedText = readFileSync(join(dir, 'decoded.txt'), 'utf8');

    it(`${c}: decodes byte for byte as ${expected.encoding}`, () => {
      const d = decode(bytes, { name: inputFile });
      expect(d.encoding).toBe(expected.encoding);
      expect(d.bytes).toBe(bytes.length);
      expect(d.warnings).toEqual([]);
      expect(Buffer.from(d.text, 'utf8').equals(Buffer.from(decodedText, 'utf8'))).toBe(true);
    });

    it(`${c}: the input really is in its encoding (not UTF-8 in disguise)`, () => {
      if (expected.encoding !== 'utf-8') expect(bytes.equals(Buffer.from(decodedText, 'utf8'))).toBe(false);
    });

    it(`${c}: extract() output holds the exact accented / Cyrillic strings`, () => {
      const a = extract(bytes, { name: inputFile });
      expect(a.source.inputFormat).toBe(inputFile === 'input.html' ? 'html' : 'text');
      const all = norm(articleTexts(a));
      for (const s of expected.mustContain) expect(all, s).toContain(norm(s));
      expect(all).toContain(expected.headline);
      expect(all).not.toContain('\uFFFD');
    });
  }
});

describe('decode steps', () => {
  const ru = 'Москва — столица России. «Ёлки» и №5.';

  it('BOM wins over a contradicting meta charset', () => {
    const html = `<meta charset="windows-1251"><p>${ru}</p>`;
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html, 'utf8')]);
    const d = decode(bytes, { name: 'x.html' });
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe(html);
    expect(detectBom(bytes)).toEqual({ encoding: 'utf-8', length: 3 });
  });

  it('meta charset wins over the caller encoding', () => {
    const html = `<html><head><meta charset="koi8-r"></head><body><p>${ru.replace(/[«»—№]/g, '"')}</p></body></html>`;
    const d = decode(iconv.encode(html, 'koi8-r'), { name: 'x', encoding: 'windows-1251' });
    expect(d.encoding).toBe('koi8-r');
    expect(d.text).toBe(html);
  });

  it('reads http-equiv and XML declarations', () => {
    expect(sniffDeclaredCharset(Buffer.from('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=Windows-1251">'))).toBe('windows-1251');
    expect(sniffDeclaredCharset(Buffer.from("<?xml version='1.0' encoding='ISO-8859-1'?><rss/>"))).toBe('iso-8859-1');
    expect(sniffDeclaredCharset(Buffer.from('<p>charset=koi8-r is not a declaration</p>'))).toBeNull();
    expect(sniffDeclaredCharset(Buffer.from('x'.repeat(5000) + '<meta charset="koi8-r">'))).toBeNull();
  });

  it('uses the caller encoding when nothing is declared', () => {
    const text = 'Привет, мир. Это короткий текст в кодировке Windows-1251.';
    const d = decode(iconv.encode(text, 'windows-1251'), { name: 'x', encoding: 'cp1251' });
    expect(d).toMatchObject({ text, encoding: 'windows-1251', warnings: [] });
  });

  it('valid UTF-8 stays UTF-8 even when a single-byte charset is declared or given, with a warning', () => {
    const html = `<meta charset="iso-8859-1"><p>Café Müller ${ru}</p>`;
    const d = decode(Buffer.from(html, 'utf8'), { name: 'page.html' });
    expect(d.text).toBe(html);
    expect(d.encoding).toBe('utf-8');
    expect(d.warnings).toEqual(['page.html: declares iso-8859-1 but is valid UTF-8; read as UTF-8']);
    const g = decode(Buffer.from(ru, 'utf8'), { name: 'w', encoding: 'iso-8859-1' });
    expect(g.text).toBe(ru);
  });

  it('ISO-8859-1 labels read as windows-1252 (curly quotes in 0x80–0x9F survive)', () => {
    const text = '<meta charset="ISO-8859-1"><p>L’été — « déjà » 100 €</p>';
    const d = decode(iconv.encode(text, 'windows-1252'), { name: 'x' });
    expect(d.text).toBe(text);
    expect(d.encoding).toBe('windows-1252');
  });

  it('an ASCII page declaring UTF-16 is read as UTF-8', () => {
    const html = '<meta charset="utf-16"><p>Grüße</p>';
    expect(decode(Buffer.from(html, 'utf8'), { name: 'x' }).text).toBe(html);
  });

  it('UTF-16 without BOM is recognised from its NUL pattern, both byte orders', () => {
    const text = 'Новости дня: в Москве прошёл дождь. Weather report, 12 °C.\n'.repeat(3);
    const le = iconv.encode(text, 'utf-16le');
    const be = iconv.encode(text, 'utf-16be');
    expect(sniffUtf16(le)).toBe('utf-16le');
    expect(sniffUtf16(be)).toBe('utf-16be');
    expect(decode(le, { name: 'x' })).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decode(be, { name: 'x' })).toMatchObject({ text, encoding: 'utf-16be' });
  });

  it('invalid UTF-8 bytes become U+FFFD with a warning naming the input', () => {
    const bytes = Buffer.concat([Buffer.from('Привет, '), Buffer.from([0xff, 0xc3]), Buffer.from(' мир — конец.')]);
    const d = decode(bytes, { name: 'broken.txt' });
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe('Привет, \uFFFD\uFFFD мир — конец.');
    expect(d.warnings).toEqual(['broken.txt: invalid UTF-8 replaced by U+FFFD']);
    expect(analyze(bytes, { name: 'broken.txt' }).warnings).toEqual(['broken.txt: invalid UTF-8 replaced by U+FFFD']);
    expect(utf8Stats(bytes)).toEqual({ valid: 15, invalid: 2 });
  });

  it('undeclared 8-bit text is detected statistically', () => {
    const fr = "L'équipe de France a remporté jeudi soir un match très disputé face à l'Italie, grâce à un but de dernière minute. Les supporters étaient ravis.";
    const d = decode(iconv.encode(fr, 'windows-1252'), { name: 'x' });
    expect(d.text).toBe(fr);
    expect(d.encoding).toBe('windows-1252');
  });

  it('an unknown caller encoding is ignored with a warning', () => {
    const d = decode(Buffer.from('plain ascii'), { name: 'x', encoding: 'no-such-charset' });
    expect(d.text).toBe('plain ascii');
    expect(d.warnings).toEqual(['x: unknown encoding "no-such-charset" ignored']);
  });
});

describe('mojibake repair', () => {
  it('is skipped only for text without a lead character of any reading', () => {
    const leads = leadCharacters();
    expect(leads.size).toBeGreaterThan(50);
    for (let c = 0; c <= 0xffff; c++) expect(mayHoldMojibake(`a${String.fromCharCode(c)}b`), c.toString(16)).toBe(leads.has(String.fromCharCode(c)));
  });
  it('undoes UTF-8 read as windows-1252', () => {
    const good = 'It’s the café’s “best” crème brûlée — naïve, isn’t it?';
    const bad = misread(good, 'windows-1252');
    expect(bad).toContain('â€™');
    expect(repairMojibake(bad).text).toBe(good);
    const d = decode(Buffer.from(bad, 'utf8'), { name: 'm.txt' });
    expect(d.text).toBe(good);
    expect(d.warnings).toEqual(['m.txt: repaired mojibake, UTF-8 read as windows-1252 (10 places)']);
  });

  it('undoes UTF-8 read as windows-1251 and Cyrillic read as windows-1252', () => {
    const good = 'Привет, мир! Новости — сегодня.';
    expect(repairMojibake(misread(good, 'windows-1251')).text).toBe(good);
    expect(repairMojibake(misread(good, 'windows-1252')).text).toBe(good);
  });

  it('leaves correct text alone', () => {
    const texts = [
      'Die »Straße« ist groß«, sagte er. Ä» und ß« sind selten.',
      'Le café était fermé… « Allé… » dit-il. Ã la fin.',
      'Компания «Р» и фирма «С» — партнёры. Акции «НАТО» и «ВТБ».',
      'ÀÉÎÕÜ àéîõü ÇçÑñ',
      'Ελληνικά κείμενα και ελληνικές λέξεις.',
    ];
    for (const t of texts) expect(repairMojibake(t)).toEqual({ text: t, repaired: [] });
  });
});

describe('refusing binary input', () => {
  const pdf = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

  const binaries: Array<[string, Uint8Array]> = [
    ['PDF', pdf],
    // gzip whose content is binary: it is gunzipped, then refused for what it holds
    ['GZIP', gzipSync(gzipSync(Buffer.from('<html><body><p>hello</p></body></html>')))],
    ['PNG', png],
    ['JPEG', Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex')],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00', 'latin1')],
    ['ZIP', Buffer.from('504b0304140000000800', 'hex')],
    ['WEBP', Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1')],
    ['ELF', Buffer.from('7f454c46020101000000000000000000', 'hex')],
  ];
  for (const [kind, bytes] of binaries) {
    it(`refuses ${kind} with NOT_TEXT`, () => {
      expect(sniffMagic(bytes)).toBe(kind);
      expectNewscleanError(() => extract(bytes, { name: `file.${kind.toLowerCase()}` }), 'NOT_TEXT', new RegExp(`^file\\.${kind.toLowerCase()}: not text or HTML \\(looks like ${kind}\\)$`));
    });
  }

  it('reads gzipped input through (any name, stdin alike), up to maxBytes of output, and refuses corrupt gzip', () => {
    const html = '<html><head><meta charset="windows-1252"><title>Talks</title></head><body><p>The minister said at the café on Tuesday that the talks had gone well.</p></body></html>';
    const gz = gzipSync(Buffer.from(html, 'latin1'));
    const d = decode(gz, { name: 'page.html' });
    expect(d.text).toBe(html);
    expect(d.bytes).toBe(html.length);
    expect(d.encoding).toBe('windows-1252');
    expect(extract(gz).paragraphs).toEqual(['The minister said at the café on Tuesday that the talks had gone well.']);
    // a gzip bomb stops at maxBytes of output, however small the input
    const bomb = gzipSync(Buffer.alloc(1 << 20, 'a'));
    expect(bomb.length).toBeLessThan(4096);
    expectNewscleanError(() => decode(bomb, { name: 'bomb.gz', maxBytes: 65536 }), 'TOO_LARGE', /^bomb\.gz: input gunzips to more than 65536 bytes, over the limit/);
    expect(decode(bomb, { name: 'bomb.gz', maxBytes: 1 << 20 }).text).toHaveLength(1 << 20);
    expectNewscleanError(() => decode(gz.subarray(0, 30), { name: 'cut.gz' }), 'NOT_TEXT', /^cut\.gz: not text or HTML \(corrupt gzip data: unexpected end of file\)$/);
  });

  it('refuses NUL bytes in the first 8 KB, accepts them later (removed, with a warning)', () => {
    const early = Buffer.from('Some text\u0000\u0000\u0001 more text');
    expectNewscleanError(() => extract(early, { name: 'a.bin' }), 'NOT_TEXT', /^a\.bin: not text or HTML \(NUL bytes in the first 8 KB\)$/);
    const late = Buffer.concat([Buffer.from('word '.repeat(2000)), Buffer.from([0]), Buffer.from(' tail')]);
    const d = decode(late, { name: 'late.txt' });
    expect(d.text).not.toContain('\u0000');
    expect(d.warnings).toEqual(['late.txt: NUL characters removed']);
  });

  it('a stray NUL in the first 8 KB of text is removed with a warning; NULs making up 1% of it are binary', () => {
    // One NUL in 1,100 bytes (a converter passing one through from the page): text, as bytes and as a string.
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'March', 'April', 'May', 'June', 'July'];
    const sentences = days.map((d, k) => `The council approved the ${k + 1}th budget after a long debate on ${d} evening, officials said.`);
    const page = (nul: string): string => `<!DOCTYPE html><html><body><p>${sentences.slice(0, 6).join(' ')}${nul} ${sentences.slice(6).join(' ')}</p></body></html>`;
    const stray = page('\u0000');
    for (const input of [Buffer.from(stray), stray]) {
      const d = decode(input, { name: 'stray.html' });
      expect(d.text).toBe(page(''));
      expect(d.warnings).toEqual(['stray.html: NUL characters removed']);
      expect(extract(input).paragraphs).toEqual([sentences.join(' ')]);
    }
    // Twelve in a row: 1% of the bytes, binary.
    const many = page('\u0000'.repeat(12));
    expect(12 / many.length).toBeGreaterThanOrEqual(0.01);
    for (const input of [Buffer.from(many), many]) expectNewscleanError(() => extract(input, { name: 'many.bin' }), 'NOT_TEXT', /^many\.bin: not text or HTML \(NUL bytes in the first 8 KB\)$/);
  });

  it('a binary scrap of a few bytes with one NUL is not mistaken for UTF-16; four UTF-16 characters are UTF-16', () => {
    for (const scrap of [Buffer.from('junk\u0000\u0001'), Buffer.from([0x41, 0, 0x42, 0x43, 0x44, 0x45, 0, 0x46])]) {
      expect(sniffUtf16(scrap)).toBeNull();
      expectNewscleanError(() => extract(scrap, { name: 'scrap.html' }), 'NOT_TEXT', /^scrap\.html: not text or HTML \(NUL bytes in the first 8 KB\)$/);
    }
    expect(decode(iconv.encode('Hi!\n', 'utf-16le'), { name: 'x' })).toMatchObject({ text: 'Hi!\n', encoding: 'utf-16le' });
    expect(decode(iconv.encode('Hi!\n', 'utf-16be'), { name: 'x' })).toMatchObject({ text: 'Hi!\n', encoding: 'utf-16be' });
  });

  it('a binary blob with NUL bytes at both parities is not mistaken for UTF-16', () => {
    const blob = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251 === 0 || i % 5 === 0 ? 0 : 32 + ((i * 31) % 90)));
    expect(sniffUtf16(blob)).toBeNull();
    expectNewscleanError(() => extract(blob, { name: 'blob' }), 'NOT_TEXT', /^blob: not text or HTML \(NUL bytes in the first 8 KB\)$/);
  });

  it('refuses PDF passed as a string too', () => {
    expectNewscleanError(() => extract(pdf.toString('latin1')), 'NOT_TEXT', /^input: not text or HTML \(looks like PDF\)$/);
  });

  it('does not take text that merely starts like a magic number for binary', () => {
    for (const t of ['ID3 tags are metadata', 'MZ is a letter pair', 'GIF images are old', 'RIFF raff', 'BZh no']) {
      expect(decode(Buffer.from(t), { name: 'x' }).text).toBe(t);
    }
  });

  it('reads a string whose wide characters have magic-number low bytes as text (U+091F U+318B is not GZIP 1F 8B)', () => {
    for (const t of ['टㆋ ٮ the', '\u1f8bword and more', 'PK\u0304 is not a zip']) {
      expect(decode(t, { name: 'x' }).text).toBe(t);
      expect(() => extract(t, { inputFormat: 'text' })).not.toThrow();
    }
    // A real gzip header read as latin1 is still refused.
    expectNewscleanError(() => extract(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]).toString('latin1')), 'NOT_TEXT', /GZIP/);
  });

  it('empty and whitespace-only input give an Article with no paragraphs', () => {
    for (const input of [new Uint8Array(0), Buffer.from(' \n\t\r\n  '), '', '   \n\n ']) {
      const a = extract(input);
      expect(a.paragraphs).toEqual([]);
      expect(a.body).toBe('');
    }
  });
});

describe('limits', () => {
  it('keeps the 50 MiB default', () => {
    expect(DEFAULTS.maxBytes).toBe(50 * 1024 * 1024);
  });

  it('refuses bytes and strings over maxBytes with TOO_LARGE', () => {
    expectNewscleanError(() => extract(Buffer.alloc(101, 0x61), { name: 'big.txt', maxBytes: 100 }), 'TOO_LARGE', /^big\.txt: input is 101 bytes, over the limit of 100 bytes/);
    // 34 characters, 101 UTF-8 bytes: the limit counts bytes, not characters
    expectNewscleanError(() => extract('ж'.repeat(50) + 'x', { maxBytes: 100 }), 'TOO_LARGE', /^input: input is 101 bytes/);
    expect(extract(Buffer.alloc(100, 0x61), { maxBytes: 100 }).source.bytes).toBe(100);
  });

  it('refuses input over the default limit', () => {
    const big = Buffer.alloc(DEFAULTS.maxBytes + 1, 0x20);
    expectNewscleanError(() => decode(big, { name: 'huge.txt' }), 'TOO_LARGE', /^huge\.txt: input is 52428801 bytes, over the limit of 52428800 bytes/);
  });
});

describe('start-up cost', () => {
  it('plain UTF-8 input loads neither chardet nor iconv-lite; legacy bytes load them (built dist, fresh process)', () => {
    const script = `
      const { createRequire } = require('node:module');
      import(${JSON.stringify(join(root, 'dist', 'index.js'))}).then(({ extract }) => {
        const loaded = () => Object.keys(require.cache).filter((k) => /node_modules[\\/](chardet|iconv-lite)[\\/]/.test(k)).length;
        extract(Buffer.from('Заголовок\\n\\nТекст статьи, café, naïve — и так далее.'));
        extract('<html><body><p>Hello</p></body></html>');
        const before = loaded();
        extract(Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xec, 0xe8, 0xf0]));
        console.log(before + ' ' + (loaded() > 0 ? 'loaded' : 'not-loaded'));
      });`;
    const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
    expect(out).toBe('0 loaded');
  });
});

describe('sniffFormat', () => {
  const prose = (n: number): string => Array.from({ length: n }, (_, i) => `Line ${i + 1} of the story, a sentence that a scraper saved as text.`).join('\n');
  it('reads a page as HTML: a doctype, a fragment of paragraphs, prose wrapped inside its elements', () => {
    expect(sniffFormat('<!DOCTYPE html><html><body><p>Hi</p></body></html>')).toBe('html');
    expect(sniffFormat('<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>')).toBe('html');
    expect(sniffFormat(`<div class="story">\n<p>\n${prose(8)}\n</p>\n<p>${prose(1)}</p>\n</div>`)).toBe('html');
    // HTML lets a paragraph's end tag go
    expect(sniffFormat(`<div>\n<p>\n${prose(5)}\n<p>\n${prose(5)}\n</div>`)).toBe('html');
  });
  it('reads a page as HTML whose first lines are a script, or the end of one its cut start left', () => {
    expect(sniffFormat(`<script>\nvar a = 1;\nvar b = 2;\nvar c = 3;\nvar d = 4;\n</script>\n<title>Story</title>\n<div><p>Hi</p></div>`)).toBe('html');
    expect(sniffFormat(`eloadImages() {\n  if (document.images) {\n    a = 1;\n    b = 2;\n  }\n}\n</SCRIPT>\n</head>\n<body>\n<table><tr><td><a href="/">Home</a></td></tr></table>\n<div><p>Hi</p></div>`)).toBe('html');
  });
  it('reads as text a scraper\'s text with a few lines of markup it let through (an ad\'s)', () => {
    const ad = '<div><a href="http://ad.example/jump"><img src="http://ad.example/ad.gif" border="0"></a></div>';
    expect(sniffFormat(`${prose(12)}\n${ad}\n\n${ad}\n${prose(6)}`)).toBe('text');
    // a tutorial's text quoting a page's markup in a code sample
    expect(sniffFormat(`${prose(8)}\n<!DOCTYPE html>\n<html>\n<head><title>Test</title></head>\n<body><div><p>x</p></div></body>\n</html>\n${prose(3)}`)).toBe('text');
  });
});
