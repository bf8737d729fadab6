import { describe, expect, it } from 'vitest';
import { charWidth, displayWidth, layoutLines, layoutText, startsLower } from '../src/segment/layout.js';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { isSpaceUnit, normalizeSpace, segmentText, withoutLinkTargets } from '../src/segment/text.js';

/** Lay out two columns the way a text browser does: the left cell padded to `at` display cells. */
function twoColumns(left: string[], right: string[], at: number): string {
  const n = Math.max(left.length, right.length);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const l = left[i] ?? '';
    const r = right[i] ?? '';
    out.push(r === '' ? l : l + ' '.repeat(at - displayWidth(l)) + r);
  }
  return out.join('\n');
}

/** Greedy word wrap at `width` cells, as w3m and lynx do inside a cell. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const w of text.split(' ')) {
    if (cur === '') cur = w;
    else if (displayWidth(cur) + 1 + displayWidth(w) <= width) cur += ' ' + w;
    else {
      lines.push(cur);
      cur = w;
    }
  }
  if (cur !== '') lines.push(cur);
  return lines;
}

const P1 =
  'The city council voted on Tuesday to approve a new budget for the public library system, ending a dispute that had lasted for most of the year and left several branches with reduced opening hours.';
const P2 =
  'Officials said the money would be used to hire more staff, to repair the roof of the central library and to extend the evening hours of the branches in the northern districts of the city.';
const P3 =
  'Residents who had campaigned for the change welcomed the decision but said they would keep watching how the funds are spent over the coming months and years.';

describe('display width', () => {
  it('counts CJK, kana, Hangul and fullwidth forms as two cells, marks as none', () => {
    expect(charWidth('a'.codePointAt(0)!)).toBe(1);
    expect(charWidth('中'.codePointAt(0)!)).toBe(2);
    expect(charWidth('か'.codePointAt(0)!)).toBe(2);
    expect(charWidth('カ'.codePointAt(0)!)).toBe(2);
    expect(charWidth('한'.codePointAt(0)!)).toBe(2);
    expect(charWidth('Ａ'.codePointAt(0)!)).toBe(2);
    expect(charWidth(0x0301)).toBe(0);
    expect(charWidth('•'.codePointAt(0)!)).toBe(1);
    expect(displayWidth('日本語 text')).toBe(11);
    expect(displayWidth('𠀀x')).toBe(3); // astral ideograph (surrogate pair) + 1
    expect(displayWidth('é')).toBe(1); // e + combining acute
  });
});

describe('layoutText: columns', () => {
  it('reads a menu column and a wrapped article column one after the other', () => {
    const menu = ['Home', 'World', 'Business', 'Sports', 'Technology', 'Science', 'Health', 'Arts', '', 'Contact us'];
    const article = [...wrap(P1, 60), '', ...wrap(P2, 60)];
    const dump = twoColumns(menu, article, 30);
    expect(dump.split('\n')[0]).toMatch(/^Home {26}The city council/);
    const lines = layoutText(dump);
    expect(lines).toEqual(['Home', 'World', 'Business', 'Sports', 'Technology', 'Science', 'Health', 'Arts', 'Contact us', P1, P2]);
  });

  it('splits three columns, nested, left to right', () => {
    const nav = ['News', 'Sport', 'Weather', 'Travel', 'Money'];
    const body = wrap(P1 + ' ' + P3, 50);
    const side = ['Most read', 'Storm hits', 'coast towns', 'Prices rise', 'again'];
    const inner = twoColumns(body, side, 56).split('\n');
    const dump = twoColumns(nav, inner, 12);
    const lines = layoutText(dump);
    expect(lines.slice(0, 5)).toEqual(nav);
    expect(lines[5]).toBe(P1 + ' ' + P3);
    // the side column comes last, its own cells in order
    expect(lines.slice(6).join(' ')).toBe('Most read Storm hits coast towns Prices rise again');
  });

  it('splits a column whose left edge is ragged: a heading and bullets hang out of it, few lines start at one cell', () => {
    // As w3m lays out a sidebar of headlines: "More News" and a marker at 64, the bullets at 66,
    // their wrapped lines at 68. No one cell has three starts beside the article's text.
    const article = wrap(P1 + ' ' + P2, 58);
    const side: [number, string][] = [
      [64, 'More News'],
      [64, '*'],
      [66, '• Storm hits'],
      [68, 'coast towns'],
      [66, '• Prices rise'],
      [68, 'again in May'],
    ];
    const dump = article.map((l, i) => (side[i] ? l + ' '.repeat(side[i]![0] - displayWidth(l)) + side[i]![1] : l)).join('\n');
    expect(dump.split('\n')[2]).toMatch(/ {3}• Storm hits$/);
    const lines = layoutText(dump);
    expect(lines[0]).toBe(P1 + ' ' + P2);
    // (a column this narrow is not reflowed: its lines stay as they are)
    expect(lines.slice(1)).toEqual(['More News', '*', '• Storm hits', 'coast towns', '• Prices rise', 'again in May']);
  });

  it('splits a line at a wide run of blanks that no column split took apart, and reads the right part after the flow', () => {
    const head = 'Library budget approved';
    const body = wrap(P1, 76);
    const lines = [
      `${head}${' '.repeat(40)}Other stories in${' '.repeat(6)}• Latest`,
      '',
      // one line of a sidebar beside the story: the story's sentence goes on below it
      `${body[0]}${' '.repeat(82 - body[0]!.length)}* tax tips!`,
      ...body.slice(1),
      '',
      // a text field, a list number padded to its item and a bullet stay whole
      `Search: [${' '.repeat(20)}] [Go]`,
      `1)${' '.repeat(8)}Give hope to the readers of the branches`,
      `*${' '.repeat(9)}*`,
    ];
    expect(layoutText(lines.join('\n')).map((l) => l.replace(/\s+/g, ' '))).toEqual([head, P1, 'Search: [ ] [Go]', '1) Give hope to the readers of the branches', '* *', 'Other stories in', '• Latest', '* tax tips!']);
  });

  it('measures gutters in display cells, so CJK cells (two wide) do not shift the columns', () => {
    const left = ['新闻', '体育新闻', '财经', '科技与互联网', '娱乐'];
    const right = wrap(P1, 48);
    const dump = twoColumns(left, right, 16);
    // the right column starts at different string indices but the same display column
    const idx = dump.split('\n').map((l) => l.indexOf('The') >= 0 ? l.indexOf('The') : -1);
    expect(idx[0]).toBe(14);
    const lines = layoutText(dump);
    expect(lines).toEqual([...left, P1]);
  });

  it('does not split prose whose double spaces after periods fall at different places', () => {
    const prose = [
      'The storm reached the coast late on Monday.  Thousands of homes lost',
      'power and several roads were closed.  Emergency services said they had',
      'rescued dozens of people.  The weather office warned that more rain was',
      'expected.  Schools in the region will stay closed until Thursday at least.',
    ];
    const lines = layoutText(prose.join('\n'));
    // no line is cut at a double space: every logical line holds whole input lines
    for (const l of lines) expect(prose.join(' ')).toContain(l);
    expect(lines.join(' ')).toBe(prose.join(' '));
  });

  it('does not split two lines that happen to share a gap position', () => {
    const text = ['Name:    Alice Smith', 'Street:  Main Street 1', 'The meeting will take place in the town hall at noon.'].join('\n');
    expect(layoutText(text)).toEqual(['Name:    Alice Smith', 'Street:  Main Street 1', 'The meeting will take place in the town hall at noon.']);
  });

  it('keeps a data table of short cells as rows', () => {
    const rows = ['Team        Won   Lost', 'Arsenal     12    3', 'Chelsea     11    4', 'Liverpool   10    5'];
    expect(layoutText(rows.join('\n'))).toEqual(rows);
  });

  it('keeps tables drawn with borders as rows', () => {
    const rows = ['id │ value      │ ok', ' 1 │       3.25 │ t', ' 2 │      12.50 │ f', ' 3 │     100.00 │ t'];
    expect(layoutText(rows.join('\n'))).toEqual(rows.map((r) => r.trim()));
  });
});

describe('layoutText: reflow', () => {
  it('joins wrapped lines of a fixed-width dump, ends paragraphs at blank lines', () => {
    const text = [...wrap(P1, 72), '', ...wrap(P2, 72), '', ...wrap(P3, 72)].join('\n');
    expect(layoutText(text)).toEqual([P1, P2, P3]);
  });

  it('joins wrapped lines when addresses too long to wrap run past the margin (html-to-text, lynx)', () => {
    const ad = '[http://ad.example.net/ad/breaking-news/sport/soccer/;key=placement_100;sz=468x60;pos=Banner0;ord=12004279?]http://ad.example.net/jump/x';
    const img = '[http://www.example.co.uk/template/ver/gfx/template/components/header/telegraph_logo.gif]';
    const lines = [ad, img, ad, '', ...wrap(P1, 80), '', img, ad, '', ...wrap(P2, 80), '', ad, img, ad, '', ...wrap(P3, 80)];
    expect(layoutText(lines.join('\n'))).toEqual([ad, img, ad, P1, img, ad, P2, ad, img, ad, P3]);
    // a long address kept whole after the words before it ("Email this [http://…]")
    const tail = `Email this ${img}`;
    const mixed = [tail, ad, tail, '', ...wrap(P1, 80), '', tail, img, '', ...wrap(P2, 80), '', tail, ad, tail, '', ...wrap(P3, 80)];
    expect(layoutText(mixed.join('\n'))).toEqual([tail, ad, tail, P1, tail, img, P2, tail, ad, tail, P3]);
  });

  it('reflows html-to-text\'s page: lines opening with an [address] run past its 80 columns, tag and share links wrap anyhow', () => {
    // html-to-text as a scraper runs it (default options): a menu, the story, a tag cloud and share links, whose
    // addresses (with spaces in them) it wraps at theirs
    const { convert } = createRequire(import.meta.url)('html-to-text') as { convert: (html: string) => string };
    const site = 'http://www.example-news-site.com';
    const nav = ['Home', 'World', 'Business', 'Sports', 'Politics', 'Culture', 'Opinion', 'Weather'].map((s) => `<a href="${site}/section/index.php?cat=${s}">${s}</a>`).join(' | ');
    const tags = Array.from({ length: 60 }, (_, i) => ['library', 'budget', 'council', 'city', 'funding', 'staff', 'roof', 'evening', 'residents', 'campaign'][i % 10]! + (i >= 10 ? String(i) : ''));
    const cloud = tags.map((t) => `<a href="${site}/tags/tag.php?tag=${t}">${t}</a>`).join('&nbsp; &nbsp;');
    const sharers = ['digg.com/submit', 'del.icio.us/post', 'reddit.com/submit', 'www.stumbleupon.com/submit', 'www.facebook.com/sharer.php', 'twitter.com/share', 'www.linkedin.com/shareArticle', 'www.google.com/bookmarks/mark'];
    const share = sharers.map((s) => `<a href="http://${s}?url=${site}/2008/01/12/11964/Library-budget-approved&title=Library budget approved after a long dispute">${s.split('/')[0]}</a>`).join(' ');
    const text = convert(`<html><body><div>${nav}</div><h1>Library budget approved</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p><div>Tags: ${cloud}</div><div>${share}</div></body></html>`);
    const lines = text.split('\n');
    expect(lines.filter((l) => l.startsWith('[') && l.length > 80).length).toBeGreaterThan(lines.length * 0.03);
    expect(lines.filter((l) => l.length > 100).length).toBeGreaterThanOrEqual(8);
    const out = layoutText(text);
    expect(out).toContain(P1);
    expect(out).toContain(P2);
    expect(out).toContain(P3);
    expect(out[0]).toMatch(/^Home \[\S+\] \| World \[\S+\] \| Business/);
  });

  it('joins the [address] html-to-text moved below a line of any length, and the sentence that goes on after it; an image bullet starts an item', () => {
    const { convert } = createRequire(import.meta.url)('html-to-text') as { convert: (html: string) => string };
    const site = 'http://www.example-news-site.com';
    const long = `${site}/2008/01/12/11964/library-budget-approved-after-a-long-dispute.html`;
    const linked = 'The vote followed a long debate. The full budget is on the council\'s site';
    const short = 'The full text is on the site';
    const after = 'Only two members voted against it, and the mayor said she would sign it on Friday.';
    const items = ['Storm hits the coast overnight', 'Council approves new budget', 'Schools reopen after the holiday'];
    const html =
      `<p>${P1}</p><p>${linked.replace('site', `<a href="${long}">site</a>`)}. ${after}</p><p>${short.replace('site', `<a href="${long}">site</a>`)}. ${after}</p><p>${P2}</p>` +
      `<div>${items.map((t, i) => `<img src="${site}/images/bullet1.gif"><a href="${site}/news/story.php?id=12522${i}">${t}</a><br>`).join('')}</div>`;
    const text = convert(html);
    // the address stands on a line of its own, the sentence after it on the next
    expect(text).toContain(`${short}\n[${long}].\nOnly two`);
    const out = layoutText(text);
    expect(out.slice(0, 4)).toEqual([P1, `${linked} [${long}]. ${after}`, `${short} [${long}]. ${after}`, P2]);
    // an image glued to a capitalised word opens a line of a list, however the converter wrapped it
    expect(out.slice(4).map((l) => withoutLinkTargets(l))).toEqual(items.map((t) => `${t} `));
  });

  it('lets a line that opens with an [address] run a cell or two past the margin (html-to-text does not count its brackets)', () => {
    const P4 = 'The library board said on Monday that the new budget would allow the city branches to stay open on Sundays again, from ten in the morning until four in the afternoon.';
    // wrapped at 80, its first wrap would fit in 82 columns (73 + 1 + 8): at a margin of 82 it is no wrap
    expect(wrap(P4, 80)[0]).toHaveLength(73);
    // html-to-text's tag cloud ("&nbsp; &nbsp;" between the links): each line opens with a link's address and reaches 81 or 82
    const tags = ['library', 'budget', 'council', 'funding', 'evening', 'residents'].map((t, i) => {
      const head = `[http://www.example-news-site.com/tags/tag.php?tag=${t}]\u00a0 \u00a0`;
      return head + 'city'.padEnd(81 + (i % 2) - head.length, 's');
    });
    // captions written straight above their paragraphs, as html-to-text writes a figure before a <p>
    const captions = ['The central library. Photo: Jane Doe', 'The council chamber. Photo: John Roe', 'Opening hours. Photo: John Roe', 'A reading room. Photo: Jane Doe'];
    const paragraphs = [P1, P2, P4, P3];
    const text = [...captions.flatMap((c, i) => [c, ...wrap(paragraphs[i]!, 80)]), '', ...tags].join('\n');
    expect(layoutText(text).map((l) => l.replace(/\s+/g, ' '))).toEqual([...captions.flatMap((c, i) => [c, paragraphs[i]!]), ...tags.map((t) => t.replace(/\s+/g, ' '))]);
  });

  it('takes no wider margin that explains fewer wraps than a narrower one that failed: a few long lines agree on it by chance', () => {
    // lists of titles the converter wrapped at 80 as runs of text, continued in capitals: no wrapped prose
    const names = ['Council', 'Library', 'Budget', 'Harbour', 'Stadium', 'Museum', 'Airport', 'Station'];
    const lists = Array.from({ length: 12 }, (_, i) => wrap(Array.from({ length: 12 }, (_, j) => `${names[(i + j) % 8]} ${names[(i * 3 + j) % 8]} News`).join(' '), 80));
    // lines of 175 cells, each continued in lower case: alone, a margin near 180 that explains every line past its half
    const comment = 'Readers Comments And Replies From Across The Whole City About The Vote On The Budget For The Libraries And The Reading Rooms Of The Northern Districts Posted Yesterday Evening';
    const long = Array.from({ length: 4 }, () => [comment, 'afterwards more replies followed', '']);
    const text = [...lists.flatMap((l) => [...l, '']), ...wrap(P1, 80), '', ...wrap(P2, 80), '', ...wrap(P3, 80), '', ...long.flat()].join('\n');
    const out = layoutText(text);
    // no margin for the page: the story's paragraphs are reflowed one by one, the long lines left alone
    expect(out).toContain(P1);
    expect(out).toContain(P2);
    expect(out).toContain(P3);
    expect(out.filter((l) => l === comment)).toHaveLength(4);
  });

  it('reflows paragraph by paragraph when no margin holds for the page (menus and teasers around a short story)', () => {
    const teasers = Array.from({ length: 30 }, (_, i) => `Teaser Headline Number ${i} About The Council Budget Vote${' Today'.repeat(i % 5)}`);
    const text = [...teasers.slice(0, 15), '', ...wrap(P1, 80), '', ...wrap(P2, 80), '', ...teasers.slice(15)].join('\n');
    const out = layoutText(text);
    expect(out).toContain(P1);
    expect(out).toContain(P2);
    for (const t of teasers) expect(out).toContain(t);
  });

  it('does not join a title to an image\'s address with its link\'s bare target glued on (a block of its own)', () => {
    const title = 'Ministers face dilemma over funding';
    const icon = '[/_images/_generic_images/icons/discuss_icon_mini.gif]/politics/news/display.var.1951349.0.Ministers_face_dilemma.php#comments_formComment';
    const target = '[/politics/news/display.var.1951349.0.Ministers_face_dilemma.php#comments_form]';
    const out = layoutText([...wrap(P1, 80), '', title, icon, target, '', ...wrap(P2, 80)].join('\n'));
    expect(out).toEqual([P1, title, icon, target, P2]);
  });

  it('sets the paragraph margin at the longest wrapped line near the busiest window, and wraps a line before a long word further from it', () => {
    // html-to-text at 80 columns: more lines end at 79 than at 80, and "values" at 68 was wrapped before a 19-letter word
    const para = [
      'Experimental philosophers nicely fit the description for this position in the',
      'Center for Knowledge Integration at the University of Waterloo (Ontario), and',
      "I'm told that such applications would definitely be of interest. Waterloo has a",
      'robust cognitive science program, several researchers actively working in x-phi,',
      'an inclusive and diverse philosophy department, and CKI truly values',
      'interdisciplinarity and methodological innovation.',
    ];
    expect(para.map((l) => l.length)).toEqual([77, 77, 79, 80, 68, 50]);
    // a page of titles of 60 to 75 columns: no margin holds for the page as a whole
    const titles = Array.from({ length: 40 }, (_, i) => `Another post title on the blog, number ${i} of the archive list${i % 2 ? ' this month' : ''}`);
    const out = layoutText([...titles.slice(0, 20), '', ...para, '', ...titles.slice(20)].join('\n'));
    expect(out).toContain(para.join(' '));
    expect(out.filter((l) => l.startsWith('Another post'))).toHaveLength(40);
  });
  it('sets the paragraph margin from the lines a lower-case line continues, not from a page of menu lines', () => {
    // lynx: every menu item on a line of its own (20 to 40 cells), a short story wrapped at 76
    const menu = Array.from({ length: 60 }, (_, i) => `   * Section number ${i} of the site${' and more'.repeat(i % 3)}`);
    const story = [...wrap(P1, 76), '', ...wrap(P2, 76)].map((l) => (l === '' ? '' : `   ${l}`));
    const out = layoutText([...menu, '', ...story, '', ...menu.slice(0, 20)].join('\n'));
    expect(out).toContain(P1);
    expect(out).toContain(P2);
  });

  it('reads quoted lines ("> text") as their text and reflows a quoted paragraph', () => {
    const quoted = [...wrap(P1, 78).map((l) => `> ${l}`), '> ', ...wrap(P2, 78).map((l) => `> ${l}`), '', ...wrap(P3, 80)];
    expect(layoutText(quoted.join('\n'))).toEqual([P1, P2, P3]);
    // nested markers, and a ">" that opens no quote stays
    expect(layoutText('>> Nested quote\n>no space\nA > B')).toEqual(['Nested quote', '>no space', 'A > B']);
  });

  it('joins after a hyphen without a space before lower case (text browsers only break after a hyphen)', () => {
    const para = [
      'The report on the regional economy was published by the government-',
      'funded statistics office and found that the small firms in the north-',
      'East had grown faster than anywhere else in the country over the year,',
      'mostly in food, retail and local services, the authors said.',
    ];
    expect(layoutText(para.join('\n'))).toEqual([
      'The report on the regional economy was published by the government-funded statistics office and found that the small firms in the north- East had grown faster than anywhere else in the country over the year, mostly in food, retail and local services, the authors said.',
    ]);
  });

  it('starts a new logical line at a bullet and joins a wrapped item', () => {
    const items = [
      'The library will open on Sundays again, from ten in the morning until four in the afternoon, starting next month.',
      'Late fees are abolished.',
      'A mobile library will visit the villages outside the city twice a week.',
    ];
    const bullets = items.flatMap((it) => wrap(it, 60).map((l, k) => (k === 0 ? '  • ' : '    ') + l));
    const text = [...wrap(P1, 64), '', ...bullets].join('\n');
    expect(bullets).toHaveLength(5);
    expect(layoutText(text)).toEqual([P1, ...items.map((it) => '• ' + it)]);
  });

  it('keeps a bullet padded to the list\'s indent ("•    item") with its item: no column of bullets', () => {
    const items = ['Electric motors capable of operating at higher electric speeds', 'A super-efficient new cooling system', 'Optimized gear ratios enabling improvement in fuel economy', 'Reduced weight to help increase fuel economy'];
    for (const marker of ['•', '*', '1.']) {
      const text = ['In addition to two electric motors, innovations in the HF35 include:', '', ...items.map((it) => `${marker}     ${it}`)].join('\n');
      expect(layoutText(text).slice(1).map((l) => l.replace(/\s+/g, ' ')), marker).toEqual(items.map((it) => `${marker} ${it}`));
    }
  });

  it('does not join a short last line to the next paragraph', () => {
    const text = [...wrap(P1, 60), ...wrap(P2, 60)].join('\n');
    // P1's last line is short, so P2 starts a new logical line even without a blank line
    const lines = layoutText(text);
    expect(lines[0]).toBe(P1);
    expect(lines[1]).toBe(P2);
  });

  it('leaves innerText-like text (one paragraph per line, any length) line for line', () => {
    const text = ['Headline of the story', 'By Jane Doe', '', P1, '', P2, 'Share this article', 'Home', 'World', 'Business', '', P3].join('\n');
    expect(layoutText(text)).toEqual(['Headline of the story', 'By Jane Doe', P1, P2, 'Share this article', 'Home', 'World', 'Business', P3]);
  });

  it('reflows text wrapped at two margins in one column (a narrow box above the article)', () => {
    const box = 'Photo: the central library, which will open on Sundays again from next month on, as the council decided.';
    const text = [...wrap(box, 30), '', ...wrap(P1, 72), '', ...wrap(P2, 72), '', ...wrap(P3, 72)].join('\n');
    expect(layoutText(text)).toEqual([box, P1, P2, P3]);
  });

  it('reflows a wrapped paragraph written straight under a caption, with no blank line between (html-to-text)', () => {
    const teasers = Array.from({ length: 30 }, (_, i) => `Teaser Headline Number ${i} About The Council Budget Vote${' Today'.repeat(i % 5)}`);
    const caption = 'The central library. Photo: Jane Doe/Staff';
    const text = [...teasers.slice(0, 15), '', ...wrap(P1, 80), '', caption, ...wrap(P2, 80), '', ...wrap(P3, 80), '', ...teasers.slice(15)].join('\n');
    const out = layoutText(text);
    expect(out).toContain(P1);
    expect(out).toContain(caption);
    expect(out).toContain(P2);
    expect(out).toContain(P3);
    // A form's options, wrapped by the converter under their label: titles, no paragraph, though one wrap is continued in lower case.
    const titles = ['Select Movie', '27 Dresses', '30 Days of Night', '3:10 to Yuma', 'Across the Universe', 'Aliens vs. Predator: Requiem', 'Alvin and the Chipmunks', 'American Gangster', 'Atonement', 'August Rush', 'Awake', 'Bee Movie', 'Before the Devil Knows', 'Bella', 'Beowulf', 'Beowulf: An IMAX Experience', 'Charlie Wilson', 'Dan in Real Life', 'Enchanted', 'Hitman', 'I Am Legend', 'Juno'];
    const options = wrap(titles.join(' '), 80);
    expect(options.slice(1).filter((l) => /^[a-z]/.test(l))).toHaveLength(1);
    const form = [...teasers.slice(0, 15), '', ...wrap(P1, 80), '', ...wrap(P3, 80), '', 'Choose a section', ...options, '', ...teasers.slice(15)].join('\n');
    expect(layoutText(form)).toEqual([...teasers.slice(0, 15), P1, P3, 'Choose a section', ...options, ...teasers.slice(15)]);
    // Lines of any length (innerText), some about as long as a margin and continued in lower case: left line for line.
    const inner = ['open thread 6:30 PM Sunday Sign-Off: Why Do People Think God Is a Dude?', 'weighty matters 5:45 PM Horror Movies Totally Burn Calories, Attests', 'snap judgment 5:00 PM Figure Skating Before It Was Cool, Says Everyone'];
    const page = [...teasers.slice(0, 5), '', P1, '', 'More posts', ...inner, '', P2, '', P3].join('\n');
    expect(layoutText(page)).toEqual([...teasers.slice(0, 5), P1, 'More posts', ...inner, P2, P3]);
  });

  it('reflows an article whose every wrapped paragraph runs into the line of an image or a title (no whole paragraph between blank lines)', () => {
    const teasers = Array.from({ length: 20 }, (_, i) => `Teaser Headline Number ${i} About The Council Budget Vote${' Today'.repeat(i % 5)}`);
    const text = [...teasers.slice(0, 10), '', 'Library budget approved', ...wrap(P1, 80), '', ...wrap(P2, 80), '[images/library.jpg]', 'More from the city desk', '', ...teasers.slice(10)].join('\n');
    const out = layoutText(text);
    expect(out).toContain(P1);
    expect(out).toContain(P2);
    expect(out).toContain('Library budget approved');
  });

  it('does not join a list of titles of similar lengths', () => {
    const titles = [
      'Council approves the new library budget after a long dispute',
      'Storm damage along the coast is worse than first thought here',
      'Schools stay closed until Thursday as the weather office warns',
      'Prices for heating oil rise again ahead of the coming winter',
      'Local team wins the regional cup final after extra time today',
    ];
    expect(layoutText(titles.join('\n'))).toEqual(titles);
  });
});

describe('layoutLines: line numbers and gaps', () => {
  it('keeps the input line where each logical line starts and the blank lines before it', () => {
    const text = ['Title', '', '', ...wrap(P1, 60), '', ...wrap(P2, 60)].join('\r\n');
    const lines = layoutLines(text);
    expect(lines.map((l) => [l.line, l.gapBefore])).toEqual([
      [1, 0],
      [4, 2],
      [4 + wrap(P1, 60).length + 1, 1],
    ]);
  });

  it('gives a column start a gap of at least one line', () => {
    const dump = twoColumns(['Home', 'World', 'Sports', 'Health'], wrap(P1, 60), 20);
    const lines = layoutLines(dump);
    const art = lines.find((l) => l.text === P1)!;
    expect(art.line).toBe(1);
    expect(art.gapBefore).toBeGreaterThanOrEqual(1);
  });

  it('segmentText cuts the link targets and image sources a converter wrote in brackets', () => {
    const text = [
      '[http://www.example.com/images/logo.gif]http://www.example.com/',
      '',
      'The council met on Tuesday [http://www.example.com/council/] and voted [/votes/2008.html] on the budget.',
      '[images/article_print.gif] Print this article',
      'Prices rose [sic] by 3 percent [1], he said.',
    ].join('\n');
    expect(segmentText(text).map((b) => b.text)).toEqual([
      'http://www.example.com/',
      'The council met on Tuesday and voted on the budget.',
      'Print this article',
      'Prices rose [sic] by 3 percent [1], he said.',
    ]);
    // a line of them alone is a blank line
    expect(segmentText('Title\n[http://ad.example.net/x?y=1]\nBody text.').map((b) => [b.text, b.gapBefore])).toEqual([['Title', 0], ['Body text.', 1]]);
    // w3m's image placeholders (an image's file name, no alt text): glued to a word or opening the line
    expect(withoutLinkTargets('[icon-print]Print [icon-email]Email')).toBe('Print Email');
    expect(withoutLinkTargets('[xml][p]RSS feed')).toBe('RSS feed');
    expect(withoutLinkTargets("[star] It's not 'monkey', more likely a Punjabi abuse")).toBe("It's not 'monkey', more likely a Punjabi abuse");
    // notes in brackets stay: inside a sentence, in capitals, alone on the line
    for (const kept of ['Prices rose [sic] by 3 percent [1], he said.', '[Update] The minister resigned.', 'see[note]Here', '[ui]']) expect(withoutLinkTargets(kept)).toBe(kept);
    // an address with spaces left in its href (html-to-text wraps inside it; reflowed, it is one line again)
    expect(withoutLinkTargets('Bookmark with Reddit [http://reddit.com/submit?url=http://example.com/a&title=Robinson and Ashton honoured] (What are these?)')).toBe('Bookmark with Reddit  (What are these?)');
    expect(withoutLinkTargets('See [http://example.com/ and the notes] [www.example.com/a b]')).toBe('See  [www.example.com/a b]');
    // and so may a script's ("javascript:" and its arguments)
    expect(withoutLinkTargets("Bookmark This Page [javascript:window.external.AddFavorite('http://www.example.com/article.asp','Example - Blackburn news')]")).toBe('Bookmark This Page ');
    // linear on hostile lines
    for (const unit of ['[a', '[http://', '[x.gif', '[/', '[http://a b', '[http://a ']) expect(typeof withoutLinkTargets(unit.repeat(25_000) + ']')).toBe('string');
  });

  it('segmentText builds blocks from the logical lines with input line numbers', () => {
    const menu = ['Home', 'World', 'Business', 'Sports', 'Technology'];
    const dump = ['Daily News', '', twoColumns(menu, wrap(P1, 60), 24), '', 'Copyright 2008'].join('\n');
    const blocks = segmentText(dump);
    expect(blocks.map((b) => b.text)).toEqual(['Daily News', ...menu, P1, 'Copyright 2008']);
    expect(blocks.map((b) => b.line)).toEqual([1, 3, 4, 5, 6, 7, 3, 3 + Math.max(menu.length, wrap(P1, 60).length) + 1]);
    expect(blocks[0]!.gapBefore).toBe(0);
    expect(blocks[1]!.gapBefore).toBe(1);
    expect(blocks.every((b, i) => b.index === i)).toBe(true);
  });

  it('counts a line of zero-width characters as blank', () => {
    const blocks = segmentText('First line\n\u200b\nSecond line');
    expect(blocks.map((b) => [b.text, b.line, b.gapBefore])).toEqual([
      ['First line', 1, 0],
      ['Second line', 3, 1],
    ]);
  });
});

describe('layoutLines: cost', () => {
  it('stays fast on a 20 MB single line and on a million short lines', () => {
    const big = 'word '.repeat(4_000_000);
    let t = performance.now();
    const one = layoutLines(big);
    expect(one).toHaveLength(1);
    expect(performance.now() - t).toBeLessThan(3000);

    const many = 'short line\n'.repeat(1_000_000);
    t = performance.now();
    expect(layoutLines(many)).toHaveLength(1_000_000);
    expect(performance.now() - t).toBeLessThan(5000);

    // with gutters: the same sizes go through the column analysis
    const bigGutters = 'ab    cd    '.repeat(1_700_000);
    t = performance.now();
    expect(layoutLines(bigGutters)).toHaveLength(1);
    expect(performance.now() - t).toBeLessThan(3000);
    const manyGutters = 'left cell     right cell\n'.repeat(1_000_000);
    t = performance.now();
    expect(layoutLines(manyGutters)).toHaveLength(1_000_000); // a table of short cells: rows kept
    expect(performance.now() - t).toBeLessThan(15_000);
  });

  it('joins 300,000 text nodes a sentence runs through into one paragraph of 20 MB in linear time', () => {
    // every third line a capitalised link text between a line broken off mid-sentence and its
    // continuation: each join reads the end of the paragraph built so far
    const varied = (i: number): string => 'word '.repeat(1 + ((i * 7919) % 30)).trim();
    const nodes = Array.from({ length: 300_000 }, (_, i) => (i % 3 === 0 ? `the story goes on ${varied(i)} via` : i % 3 === 1 ? 'Norman Camera' : `, and then ${varied(i)}`));
    const t = performance.now();
    const blocks = segmentText(nodes.join('\n'));
    expect(performance.now() - t).toBeLessThan(5000);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.text.length).toBeGreaterThan(15_000_000);
  });

  it('stays fast on a long two-column dump', () => {
    const menu = Array.from({ length: 40 }, (_, i) => `Section ${i}`);
    const page = twoColumns(menu, [...wrap(P1, 60), '', ...wrap(P2, 60), '', ...wrap(P3, 60)], 24);
    const dump = Array.from({ length: 10_000 }, () => page).join('\n\n'); // ~400k lines
    const t = performance.now();
    const lines = layoutLines(dump);
    expect(performance.now() - t).toBeLessThan(15_000);
    expect(lines.filter((l) => l.text === P1)).toHaveLength(10_000);
  });
});

describe('normalizeSpace', () => {
  const reference = (s: string): string => s.replace(/[\s\u00a0\u200b\u2000-\u200a\u202f\u205f\u3000\ufeff]+/g, ' ').trim();
  it('knows the space class for every UTF-16 code unit', () => {
    const re = /[\s\u00a0\u200b\u2000-\u200a\u202f\u205f\u3000\ufeff]/;
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpaceUnit(c) !== re.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
  it('tells a normal line for every UTF-16 code unit, at either end, inside and doubled', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b`, `${ch}a`, `a${ch}`, `a${ch}${ch}b`, `a ${ch}b`, `a${ch} b`]) if (normalizeSpace(s) !== reference(s)) differ.push(c);
    }
    expect(differ).toEqual([]);
  });
  it('collapses and trims exactly as the replacement does, normal lines returned as they are', () => {
    for (const s of ['', ' ', 'a', ' a', 'a ', 'a b', 'a  b', 'a\tb', 'a \u00a0b', '\u200bword', 'x\u3000', 'one two three']) expect(normalizeSpace(s)).toBe(reference(s));
    const units = fc.array(fc.constantFrom('a', 'b', ' ', '  ', '\t', '\n', '\u00a0', '\u200b', '\u2009', '\u3000', '\ufeff', '\u1680', 'é', '😀'), { maxLength: 14 }).map((p) => p.join(''));
    fc.assert(
      fc.property(units, (s) => {
        expect(normalizeSpace(s)).toBe(reference(s));
      }),
      { numRuns: 3000, seed: 5 },
    );
  });
});

describe('startsLower', () => {
  it('is /^\\p{Ll}/u for every first code unit, a pair, and the empty line', () => {
    const re = /^\p{Ll}/u;
    for (let u = 0; u <= 0xffff; u++) {
      const s = String.fromCharCode(u) + 'x';
      if (startsLower(s) !== re.test(s)) throw new Error(`U+${u.toString(16)}`);
    }
    // A letter beyond the BMP: mathematical small a (lower case), capital A (not).
    expect(startsLower('\u{1d41a}bc')).toBe(true);
    expect(startsLower('\u{1d400}bc')).toBe(false);
    expect(startsLower('')).toBe(false);
  });
});
