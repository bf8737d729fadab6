import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMarkdown, markdownHeader, markdownLine, markdownLines, markdownMeta, markdownToText } from '../src/segment/markdown.js';
import { extract } from '../src/index.js';
import { segmentText } from '../src/segment/text.js';

describe('Markdown lines as their text', () => {
  it.each([
    ['links keep their text', 'The [council](https://example.com/council "Council") voted on [the plan](/plan).', 'The council voted on the plan.'],
    ['images go, a linked image with them', '[![UN logo](/img/logo.gif "UN Logo")](/news/) ![](/img/a.jpg) News', '  News'],
    ['a target with parentheses', 'See [the page](https://en.wikipedia.org/wiki/Kyiv_(city)) now', 'See the page now'],
    ['a target in angle brackets', 'a [link](<https://example.com/a b>) here', 'a link here'],
    ['a teaser for a title, its quotes escaped (turndown)', `-   [Bulgaria recalls Marquinhos](/news/m.html;_ylt=Au "SOFIA (Reuters) - ${'He was recalled. '.repeat(40)}\\"I was honoured,\\" he said.")`, '• Bulgaria recalls Marquinhos'],
    ['reference links', 'Read [the report][1] and [this][] too', 'Read the report and this too'],
    ['headings lose their markers', '## Council approves the budget ##', 'Council approves the budget'],
    ['strong and emphasis', 'It was **very** _important_ and *urgent*, ~~not~~ said __she__.', 'It was very important and urgent, not said she.'],
    ['intraword underscores and lone stars stay', 'snake_case_name and 2 * 3 * 4', 'snake_case_name and 2 * 3 * 4'],
    ['escapes are undone, and stay literal', '1\\. Not a list \\*really\\* \\[sic\\] \\_x\\_', '1. Not a list *really* [sic] _x_'],
    ['bullets become bullets', '-   [Home](/ "Home")', '• Home'],
    ['ordered items keep their number', '1.  Following a ruling', '1.  Following a ruling'],
    ['inline code keeps the code', 'Run `npm test` first', 'Run npm test first'],
    ['autolinks read as their address', 'Mail <mailto:desk@example.com> or <https://example.com>', 'Mail mailto:desk@example.com or https://example.com'],
  ])('%s', (_, line, text) => {
    expect(markdownLine(line)).toBe(text);
  });

  it('drops reference definitions, thematic breaks and setext underlines', () => {
    for (const line of ['[1]: https://example.com/report "Report"', '* * *', '---', '___', '======']) expect(markdownLine(line), line).toBe('');
  });

  it('drops code fences and reads the code as text: no Markdown syntax survives into the text', () => {
    const md = ['Intro with [a link](/a).', '```js', 'const a = [x](/y) * 2;', '', 'b = 1', '```', 'After **it**.'].join('\n');
    expect(markdownToText(md).split('\n')).toEqual(['Intro with a link.', 'const a = x * 2;', 'b = 1', 'After it.']);
  });

  it('joins a paragraph\'s lines as Markdown does (html2text wraps at 78 columns, links and addresses too)', () => {
    const md = [
      'Today at the show, Logitech ([News](/nachrichten-',
      'aktien/logitech.asp)) unveiled [the Harmony One',
      'remote](http://example.com/harmony) in **Las',
      'Vegas**.',
      '',
      'First line of an address  ',
      'Second line after a hard break',
      '*   an item that wraps',
      '    over two lines',
      '## A heading',
      'Text under it.',
      '',
      '# [Strategic Public',
      'Relations](http://example.com/strategic_public_relation/)',
      '',
      'Posted by: [Ann](http://example.com/ann) | [09/21/2012 at 09:38',
      'PM](http://example.com/2012/09/are-brands-',
      'people-media-or-publishers-ad-age-misses-the-',
      'point.html?cid=6a#comment-6a)',
    ].join('\n');
    const lines = markdownLines(md);
    expect(lines.map((l) => l.text)).toEqual([
      'Today at the show, Logitech (News) unveiled the Harmony One remote in Las Vegas.',
      'First line of an address',
      'Second line after a hard break',
      '• an item that wraps over two lines',
      'A heading',
      'Text under it.',
      'Strategic Public Relations',
      'Posted by: Ann | 09/21/2012 at 09:38 PM',
    ]);
    expect(lines.map((l) => [l.line, l.gapBefore])).toEqual([[1, 0], [6, 1], [7, 0], [8, 0], [10, 0], [11, 0], [13, 1], [16, 1]]);
    expect(lines[6]!.heading).toBe(1);
  });

  it('gives lines in order, each from a line of the input', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('[a](/b)', '# T', '```', '* * *', 'plain', '', '- item', '> quote', '\\*', 'x  '), { maxLength: 30 }), (lines) => {
        const out = markdownLines(lines.join('\n'));
        for (let i = 0; i < out.length; i++) {
          expect(out[i]!.line).toBeGreaterThanOrEqual(1);
          expect(out[i]!.line).toBeLessThanOrEqual(lines.length);
          if (i > 0) expect(out[i]!.line).toBeGreaterThan(out[i - 1]!.line);
          expect(out[i]!.gapBefore).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('joins a paragraph of 20,000 lines in linear time', () => {
    const md = '[link text](/a/b) some words here and there, *em* and **strong**\n'.repeat(20_000);
    const t0 = performance.now();
    const lines = markdownLines(md);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.text.startsWith('link text some words here and there, em and strong link text')).toBe(true);
  });

  it('runs in linear time on long runs of its delimiters', () => {
    for (const piece of ['[', '](', '[a](', '![', '*', '**', '_', '__', '`', '\\', '~~', '[a][', '<http://', '[a](<']) {
      const line = piece.repeat(Math.ceil(50_000 / piece.length));
      const t0 = performance.now();
      markdownLine(line);
      markdownLine(`${line}x`);
      expect(performance.now() - t0, piece).toBeLessThan(2000);
    }
  });
});

describe('which text is Markdown', () => {
  it('a converter\'s Markdown: two link lines, or a link and a heading', () => {
    expect(isMarkdown('[Home](/)\n\n[News](/news/)\n\nText.')).toBe(true);
    expect(isMarkdown('# Title\n\nSome text with [a link](https://example.com).')).toBe(true);
  });
  it('not plain text, a page\'s innerText, or a text browser\'s form fields', () => {
    expect(isMarkdown('The council voted. #budget #city\n\n# not a heading without a link')).toBe(false);
    expect(isMarkdown('[Enter your name...    ](Required)\n[Enter your email...   ](Will not be published) (Required)')).toBe(false);
    expect(isMarkdown('Array access a[i](j) is not a link.\nNeither is f[x](y).')).toBe(false);
  });
});

describe('Markdown input end to end', () => {
  it('cleans a page saved as Markdown: the menu goes, paragraphs keep their link texts and no address', () => {
    const menu = ['Home', 'World', 'Business', 'Sport', 'Culture'].map((m) => `-   [${m}](/${m.toLowerCase()}/ "${m}")`).join('\n');
    const paras = [
      'The city [council](https://example.com/council) approved the new budget on Tuesday after a long debate about school funding and road repairs.',
      'Officials said the plan would raise spending on schools by **ten percent**, while cutting the cost of administration across the city.',
      'Opposition members argued that the increase was not enough to cover the repairs that many schools need this year, [the report](/r.pdf) says.',
    ];
    const md = [menu, '', '# Council approves the budget', '', '![](/img/council.jpg)', '', ...paras.flatMap((p) => [p, '']), '[Read more](/news/)'].join('\n');
    const a = extract(md, { inputFormat: 'text' });
    expect(a.headline).toBe('Council approves the budget');
    expect(a.paragraphs).toEqual([
      'The city council approved the new budget on Tuesday after a long debate about school funding and road repairs.',
      'Officials said the plan would raise spending on schools by ten percent, while cutting the cost of administration across the city.',
      'Opposition members argued that the increase was not enough to cover the repairs that many schools need this year, the report says.',
    ]);
    expect(JSON.stringify(a)).not.toMatch(/\]\(|\/img\/|\/news\//);
  });
});

describe('Markdown headings as headline evidence', () => {
  it('marks a heading with its level, and takes the h1 as the headline', () => {
    const paras = [
      'The city council approved the new budget on Tuesday after a long debate about school funding and road repairs.',
      'Officials said the plan would raise spending on schools by ten percent, while cutting the cost of administration across the city.',
      'Opposition members argued that the increase was not enough to cover the repairs that many schools need this year.',
    ];
    // a reader's Markdown of a wire story: the <title> (with the agency's name) on the first line
    const md = ['AFP: Council approves budget after long debate', '', '![AFP](/img/afp_logo.gif)', '', '[Go to the news](http://news.example.com/)', '', '# Council approves budget after long debate', '', '5 days ago', '', ...paras.flatMap((p) => [p, ''])].join('\n');
    const blocks = segmentText(md);
    expect(blocks.find((b) => b.text.startsWith('Council'))!.heading).toBe(1);
    expect(extract(md, { inputFormat: 'text' }).headline).toBe('Council approves budget after long debate');
  });
});

describe('a Markdown metadata header', () => {
  const seed = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'text--markdown-seed', 'input.txt'), 'utf8').split('\n').slice(2).join('\n');
  const headline = 'Ukraine Rejected Offer to Negotiate, Kremlin Says';
  it("reads a reader API's header (Title:, URL Source:, Published Time:, Markdown Content:) as metadata, not text", () => {
    const md = `Title: ${headline}\n\nURL Source: https://example.com/a76613\n\nPublished Time: 2022-02-26T12:15:00Z\n\nMarkdown Content:\n${seed}`;
    expect(markdownHeader(md)!.fields.get('url source')).toBe('https://example.com/a76613');
    expect(isMarkdown(md)).toBe(true);
    const a = extract(md, { inputFormat: 'text' });
    expect(a.headline).toBe(headline);
    expect(a.paragraphs).toHaveLength(7);
    expect(JSON.stringify(a)).not.toMatch(/URL Source|Markdown Content|Published Time/);
  });
  it('reads YAML front matter: its title is the headline when no line shows it, its first author the byline', () => {
    const md = `---\ntitle: "${headline}"\nauthor:\n  - Jane Roe\n  - John Doe\ndate: 2022-02-26\ntags: [russia, ukraine]\n---\n\n${seed.replace(/^# .*$/m, '')}`;
    const meta = markdownMeta(md)!;
    expect([meta.headline, meta.author, meta.datePublished]).toEqual([headline, 'Jane Roe', '2022-02-26']);
    const a = extract(md, { inputFormat: 'text' });
    expect([a.headline, a.byline]).toEqual([headline, 'Jane Roe']);
    expect(a.paragraphs).toHaveLength(7);
    expect(JSON.stringify(a)).not.toMatch(/tags:|russia, ukraine/);
  });
  it('is no header without its closing line, or with a line that is no field', () => {
    expect(markdownHeader('---\ntitle: A\n\nThe council voted on Tuesday.\n')).toBeNull();
    expect(markdownHeader('---\nThe council voted: yes.\nand then went home\n---\n')).toBeNull();
    expect(markdownHeader('Title: A story\n\nThe council voted on Tuesday.\n')).toBeNull();
    expect(markdownMeta('Plain text.\n')).toBeNull();
  });
});
