import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { closeRunawayTitle, segmentHtml, trimmedLength } from '../src/segment/html.js';
import { capNesting, MAX_NESTING } from '../src/segment/nesting.js';
import { stripSiteName, titleKey } from '../src/meta/title.js';
import fc from 'fast-check';
import { parseJsonLd } from '../src/meta/jsonld.js';
import { splitCredit, isCreditOnly } from '../src/segment/html-credit.js';
import { extract } from '../src/index.js';
import { HINT_GATES, HintCache, NEG } from '../src/segment/html-hints.js';
import { escapeRegExp, requiredLiterals } from '../src/patterns/table.js';
import { titleHeading } from '../src/segment/html-main.js';
import { assignRoles, type RoleFacts } from '../src/segment/html-roles.js';
import { newBlock, type Block } from '../src/article.js';
import { emptyMeta } from '../src/segment/meta.js';

const page = (head: string, body: string): string => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const prose = (n: number, word = 'reported'): string =>
  Array.from({ length: n }, (_, i) => `<p>The minister ${word} on Tuesday that talks number ${i} had gone well, and that a deal was close.</p>`).join('');

describe('metadata precedence', () => {
  const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":"NewsArticle","headline":"LD headline","author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Park"}],"datePublished":"2024-01-02","image":{"@type":"ImageObject","caption":"A cat","creditText":"Jo Doe / AP"}}]}</script>`;
  const og = '<meta property="og:title" content="OG headline | Site"><meta name="author" content="Meta Author"><meta property="article:published_time" content="2023-05-05"><meta property="og:site_name" content="Site">';
  it('takes JSON-LD first, including inside @graph', () => {
    const { meta } = segmentHtml(page(`<title>Title headline - Site</title>${og}${ld}`, '<p>x</p>'));
    expect(meta.headline).toBe('LD headline');
    expect(meta.author).toBe('Ann Lee, Bo Park');
    expect(meta.datePublished).toBe('2024-01-02');
    expect(meta.images).toEqual([{ caption: 'A cat', credit: 'Jo Doe / AP' }]);
    expect(meta.siteName).toBe('Site');
  });
  it('falls back to Open Graph, then <title>', () => {
    expect(segmentHtml(page(`<title>Title headline - Site</title>${og}`, '')).meta).toMatchObject({ headline: 'OG headline', author: 'Meta Author', datePublished: '2023-05-05' });
    expect(segmentHtml(page('<title>Only the title here - Site</title>', '')).meta.headline).toBe('Only the title here');
  });
  it('survives invalid, glued and hostile JSON-LD', () => {
    const broken = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Line\nbreak",}</script>';
    expect(segmentHtml(page(broken, '')).meta.headline).toBe('Line break');
    expect(segmentHtml(page('<script type="application/ld+json">{not json at all</script><title>Fine title words</title>', '')).meta.headline).toBe('Fine title words');
    expect(parseJsonLd('{"@type":"Article"}{"@type":"Person"}')).toHaveLength(2);
    let deep = '';
    for (let i = 0; i < 5000; i++) deep += '{"a":';
    deep += '{"@type":"NewsArticle","headline":"Deep"}' + '}'.repeat(5000);
    expect(() => segmentHtml(page(`<script type="application/ld+json">${deep}</script>`, ''))).not.toThrow();
  });
});

describe('a title never closed', () => {
  const para = 'The council approved the new budget on Tuesday after a long debate about school funding and road repairs.';
  const page = (title: string): string =>
    `<html><head>${title}\n<script>var x = 1;</script></head><body><h1>Budget passes at last</h1><p>${para}</p><p>${para}</p></body></html>`;
  it('ends at its first line or markup, so the page is not swallowed into it', () => {
    const a = extract(page('<title>Budget passes at last - City News'), { inputFormat: 'html' });
    expect(a.headline).toBe('Budget passes at last');
    expect(a.paragraphs).toEqual([para, para]);
    // Closed, a title is left alone, however long and wherever its end tag is.
    const long = `<title>${'x'.repeat(5000)}\nmore</title>`;
    expect(closeRunawayTitle(long)).toBe(long);
    expect(closeRunawayTitle('<TITLE>A title<script>')).toBe('<TITLE>A title</title><script>');
    expect(closeRunawayTitle('<p>no title at all</p>')).toBe('<p>no title at all</p>');
  });
});

describe('nesting past MAX_NESTING', () => {
  const para = 'The council approved the new budget on Tuesday after a long debate about school funding and road repairs.';
  it('leaves a page that stays under the cap as it is, the same string', () => {
    // html and body are two of the levels
    const html = `<html><body>${'<div>'.repeat(MAX_NESTING - 2)}<p>${para}<br><img src="a.png"><li>one<li>two${'</div>'.repeat(MAX_NESTING - 2)}</body></html>`;
    expect(capNesting(html)).toBe(html);
  });
  it('drops the start and end tags past the cap, keeping all the text in order', () => {
    const after = para.replace('council', 'board');
    const html = `<html><body>${'<div class="x">'.repeat(5)}<p>${para}</p>${'</div>'.repeat(5)}<p>${after}</p></body></html>`;
    const capped = capNesting(html, 3);
    // html and body are levels 1 and 2: only one div fits under a cap of 3
    expect(capped).toBe(`<html><body><div class="x"><p>${para}</p></div><p>${after}</p></body></html>`);
    expect(extract(capped, { inputFormat: 'html' }).paragraphs).toEqual([para, after]);
    // a million levels, closed after each child or never closed: the text survives
    expect(capNesting('<div><i>x</i>'.repeat(3000) + para, 100).match(/<div>/g)).toHaveLength(100);
    expect(capNesting('<span>'.repeat(3000) + para, 100)).toBe('<span>'.repeat(100) + para);
  });
  it('counts no void or optional-end elements, nor tags inside comments, scripts and styles', () => {
    const deep = (n: number, inner: string): string => '<div>'.repeat(n) + inner + '</div>'.repeat(n);
    for (const inner of ['<br>'.repeat(50), '<p>a'.repeat(50), '<li>a'.repeat(50), '<img src=x/>'.repeat(50), `<!--${'<div>'.repeat(50)}-->`, `<script>var s = "${'<div>'.repeat(50)}";</script>`, `<STYLE>${'<b>'.repeat(50)}</STYLE>`, `<x-widget/>`.repeat(50)]) {
      expect(capNesting(deep(10, inner), 12), inner.slice(0, 20)).toBe(deep(10, inner));
    }
    expect(capNesting(deep(13, ''), 12)).toBe(deep(12, ''));
  });
});

describe('trimmedLength', () => {
  it('is String.prototype.trim().length for every code unit, at either end', () => {
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      expect(trimmedLength(`${s}a${s}`)).toBe(`${s}a${s}`.trim().length);
    }
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => trimmedLength(s) === s.trim().length));
  });
});

describe('table rows', () => {
  it("reads a data table's row of inline cells as one line, and a layout table's cells as blocks", () => {
    const poll = `<table><tr><th>Response</th><th>Votes</th><th>%</th></tr><tr><td>Yes</td><td><b>164</b></td><td>81%</td></tr></table>`;
    const layout = `<table><tr><td><p>The minister spoke on Tuesday.</p></td><td>Sidebar links</td></tr><tr><td>Alone in its row</td></tr></table>`;
    const texts = segmentHtml(page('', poll + layout)).blocks.map((b) => b.text);
    expect(texts).toEqual(['Response Votes %', 'Yes 164 81%', 'The minister spoke on Tuesday.', 'Sidebar links', 'Alone in its row']);
    expect(segmentHtml(page('', '<table><tr><td>Name<br>Title</td><td>Votes</td></tr></table>')).blocks.map((b) => b.text)).toEqual(['Name', 'Title', 'Votes']);
    // an old page's layout row: a menu cell beside the story written inline, no paragraph in it
    const story = 'The minister said on Tuesday that talks had gone well and that a deal was close. '.repeat(15).trim();
    const old = segmentHtml(page('', `<table><tr><td><a href="/">Home</a> <a href="/news">News</a></td><td>${story}</td></tr></table>`));
    expect(old.blocks.map((b) => b.text)).toEqual(['Home News', story]);
  });
});

describe('site-name stripping', () => {
  it('strips a known site name at either end', () => {
    expect(stripSiteName('Ukraine Rejected Offer | The Moscow Times', 'The Moscow Times')).toBe('Ukraine Rejected Offer');
    expect(stripSiteName('BBC News: Storm hits the coast', 'BBC News')).toBe('Storm hits the coast');
    expect(stripSiteName('Storm hits the coast - BBC News', 'BBC')).toBe('Storm hits the coast');
  });
  it('uses the separator heuristic without a site name', () => {
    expect(stripSiteName('Storm hits the coast - BBC News', null)).toBe('Storm hits the coast');
    expect(stripSiteName('Storm hits the coast | World | Example Times', null)).toBe('Storm hits the coast');
    expect(stripSiteName('Computerworld - Microsoft faces two new cases', null)).toBe('Microsoft faces two new cases');
    // A leading domain goes even when trailing segments went too.
    expect(stripSiteName('Football365.com - Special city kit for derby game - All The News - Football365 News', null)).toBe('Special city kit for derby game');
  });
  it('keeps titles it cannot safely cut', () => {
    expect(stripSiteName('Obama - the man', null)).toBe('Obama - the man');
    expect(stripSiteName('No separators in this headline', null)).toBe('No separators in this headline');
  });
});

describe('credit and caption splitting', () => {
  it('splits trailing credits', () => {
    expect(splitCredit('Peskov speaks in Moscow. Alexei Nikolsky / TASS')).toEqual({ caption: 'Peskov speaks in Moscow.', credit: 'Alexei Nikolsky / TASS' });
    expect(splitCredit('Peskov speaks in Moscow.Alexei Nikolsky / TASS').credit).toBe('Alexei Nikolsky / TASS');
    expect(splitCredit('The president waves (AP Photo/Evan Vucci)')).toEqual({ caption: 'The president waves', credit: 'AP Photo/Evan Vucci' });
    // a full stop after the parenthesis (msnbc: "… May 21, 2013. (Photo by: Saul Loeb/AFP/Getty Images).")
    expect(splitCredit('Obama speaks on May 21, 2013. (Photo by: Saul Loeb/AFP/Getty Images).')).toEqual({ caption: 'Obama speaks on May 21, 2013.', credit: 'Photo by: Saul Loeb/AFP/Getty Images' });
    expect(splitCredit('Fans at the stadium. Photo: Jane Doe').credit).toBe('Photo: Jane Doe');
    expect(splitCredit('A flooded street © Reuters').credit).toBe('© Reuters');
    // a period after an initial or closing the credit, as in the plain-text row; not a sentence's
    expect(splitCredit('Senators meet. Photo: J. Scott Applewhite/AP').credit).toBe('Photo: J. Scott Applewhite/AP');
    expect(splitCredit('Senators meet. Photo: Getty Images.').credit).toBe('Photo: Getty Images.');
    expect(splitCredit('Senators meet. Photo: Reuters. The mayor waves').credit).toBeNull();
    // a Chinese, Japanese or Korean caption's credit in parentheses, as the text path reads it
    expect(splitCredit('靖国神社の標本木で咲いた桜（写真：共同通信）')).toEqual({ caption: '靖国神社の標本木で咲いた桜', credit: '共同通信' });
    expect(splitCredit('北京街头（图/新华社）').credit).toBe('新华社');
    expect(splitCredit('靖国神社の標本木で咲いた桜（東京都千代田区）').credit).toBeNull();
  });
  it('leaves plain captions alone', () => {
    expect(splitCredit('Fans celebrate the win in the city centre').credit).toBeNull();
    expect(splitCredit('He said prices rose 3/4 of a point').credit).toBeNull();
  });
  it('recognises credit-only text', () => {
    expect(isCreditOnly('Alexei Nikolsky / TASS')).toBe(true);
    expect(isCreditOnly('Getty Images')).toBe(false);
    expect(isCreditOnly('Photo: Getty Images')).toBe(true);
    expect(isCreditOnly('The minister said the deal was close')).toBe(false);
  });
  it('fixes figcaption roles, with nested credit markup', () => {
    const html = page('', `<article><h1>A headline of words</h1><figure><img src="x"><figcaption>Rescuers at work <span class="credit">Jo Doe / AP</span></figcaption></figure>${prose(5)}<figure><figcaption>Ann Lee / Reuters</figcaption></figure></article>`);
    const { blocks } = segmentHtml(html);
    const cap = blocks.find((b) => b.role === 'caption')!;
    expect(cap).toMatchObject({ caption: 'Rescuers at work', credit: 'Jo Doe / AP', fixed: true });
    expect(blocks.find((b) => b.role === 'photoCredit')).toMatchObject({ credit: 'Ann Lee / Reuters', fixed: true });
    expect(blocks.find((b) => b.role === 'headline')!.text).toBe('A headline of words');
  });
});

describe('container choice', () => {
  it('picks the article over nav, sidebar and comments, and keeps lists and quotes inside it', () => {
    const html = page('<title>Deal close - Paper</title>', `
      <nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav>
      <div id="wrap">
        <div class="story-body">${prose(6)}<ul><li>First point of the plan, in a full sentence here.</li></ul><blockquote>We will sign it, the minister said to the press today.</blockquote>
          <div class="share-tools"><a href="/s">Share on Facebook</a> <a href="/t">Tweet</a></div></div>
        <div class="sidebar"><h3>Most read</h3><ul><li><a href="/1">Another story about something else entirely</a></li></ul></div>
        <div id="comments">${prose(8, 'commented')}</div>
      </div>
      <footer><p>Copyright 2024 Paper Ltd. All rights reserved.</p></footer>`);
    const { blocks } = segmentHtml(html);
    const main = blocks.filter((b) => b.dom!.inMain).map((b) => b.text);
    expect(main.filter((t) => t.includes('reported'))).toHaveLength(6);
    expect(main.some((t) => t.startsWith('First point'))).toBe(true);
    expect(main.some((t) => t.startsWith('We will sign'))).toBe(true);
    expect(main.some((t) => t.includes('commented'))).toBe(false);
    expect(main.some((t) => t.includes('Tweet'))).toBe(false);
    const body = blocks.find((b) => b.text.includes('reported'))!;
    const comment = blocks.find((b) => b.text.includes('commented'))!;
    const nav = blocks.find((b) => b.text === 'Home')!;
    expect(body.prior!).toBeGreaterThan(0.5);
    expect(comment.prior!).toBeLessThan(0);
    expect(nav.prior!).toBeLessThan(-0.5);
    expect(comment.dom!.hints).toContain('comments');
  });
  it('keeps a gallery inside the article out of it, however much more its captions say than the article', () => {
    const slides = Array.from({ length: 12 }, (_, i) =>
      `<li><h2>${i + 1}/12 Market slide ${i}</h2><p>Shares in the company number ${i} fell sharply on Monday after it said that profits for the year would be lower than the analysts had expected. Its chief executive said the market would recover by the autumn, when new orders were due.</p></li>`).join('');
    const story = (n: number, word: string): string => Array.from({ length: n }, (_, i) =>
      `<p>The minister ${word} on Tuesday that talks number ${i} had gone well, and that a deal was close. Officials on both sides said the remaining questions were technical. A final text could be signed before the summer, when the current agreement runs out.</p>`).join('');
    const html = page('<title>Deal close - Paper</title>', `<article class="full-article"><h1>Deal close</h1>
      <div class="text-wrapper">${story(3, 'reported')}<div class="widget-wrapper type-gallery"><div class="full-gallery"><ul class="legends">${slides}</ul></div></div>${story(2, 'added')}</div></article>`);
    const a = extract(html, { inputFormat: 'html' });
    expect(a.paragraphs.filter((p) => p.includes('reported'))).toHaveLength(3);
    expect(a.paragraphs.filter((p) => p.includes('added'))).toHaveLength(2);
    expect(a.body).not.toContain('Shares in the company');
  });
  it('takes the siblings of a wrapper around its best paragraph (a quoted paragraph in a blockquote)', () => {
    const quote = 'Pinterest aside, the trend that stands out most this month is the decline of one old service, which has lost half its share of traffic since July and now trails a much younger rival by a wide margin in every market we measured this year.';
    const html = page('', `<div class="content"><h1>Traffic sources</h1>
      <p>The October report is out, and the data is quite interesting this time, first of all because it nails down what we all suspected. Here is a quote:</p>
      <blockquote><p>${quote}</p></blockquote>
      <p>A traffic decrease of half in three months is quite drastic. I used to like that service a lot, but have not used it in years. What about you?</p>
      <ul>${'<li>Google leads the list</li>'.repeat(6)}</ul><h2>Related posts</h2>${'<p><a href="/r">Another post on this blog</a></p>'.repeat(8)}</div>`);
    const main = segmentHtml(html).blocks.filter((b) => b.dom!.inMain).map((b) => b.text);
    expect(main).toContain(quote);
    expect(main.some((t) => t.startsWith('The October report'))).toBe(true);
    expect(main.some((t) => t.startsWith('A traffic decrease'))).toBe(true);
  });
  it('takes a sibling paragraph whose sentence is two-fifths link text (a long linked title) as prose', () => {
    const quote = 'Pinterest aside, the trend that stands out most this month is the decline of one old service, which has lost half its share of traffic since July and now trails a much younger rival by a wide margin in every market we measured this year.';
    const title = 'How Social Traffic Changed in the Third Quarter of the Year, and What It Means for Small Publishers';
    const linked = `There is an interesting report over at the analytics blog on this question. It is titled <a href="http://blogs.example.com/traffic">${title}</a>, and it is worth reading in full before the next report comes out in January.`;
    const html = page('', `<div class="content"><h1>Traffic sources</h1>
      <p>The October report is out, and the data is quite interesting this time, first of all because it nails down what we all suspected.</p>
      <p>${linked}</p><blockquote><p>${quote}</p></blockquote>
      <p>A traffic decrease of half in three months is quite drastic. I used to like that service a lot, but have not used it in years. What about you?</p>
      <ul>${'<li>Google leads the list</li>'.repeat(6)}</ul><h2>Related posts</h2>${'<p><a href="/r">Another post on this blog</a></p>'.repeat(40)}</div>`);
    const blocks = segmentHtml(html).blocks;
    const ld = blocks.find((b) => b.text.startsWith('There is an interesting'))!;
    expect(ld.dom!.linkDensity).toBeGreaterThan(0.35);
    expect(ld.dom!.inMain).toBe(true);
    expect(blocks.find((b) => b.text === quote)!.dom!.inMain).toBe(true);
    expect(blocks.filter((b) => b.text === 'Another post on this blog').every((b) => b.dom!.inMain === false)).toBe(true);
  });
  it('leaves out the prose of a comment section the container took in, however long', () => {
    const comments = Array.from({ length: 8 }, (_, i) => `<p>Posted by: Reader ${i} at September 10, 2012 12:${10 + i} PM</p><p>We have had the same weather here for two nights now and I am not giving it back, whatever you say about it.</p>`).join('');
    const html = page('<title>Hot nights - Blog</title>', `<div id="page"><h1>Hot nights</h1>${prose(4)}${comments}</div>`);
    const a = extract(html, { inputFormat: 'html' });
    expect(a.paragraphs.filter((t) => t.includes('reported'))).toHaveLength(4);
    expect(a.paragraphs.some((t) => t.includes('weather'))).toBe(false);
  });
  it("keeps a sidebar's furniture hint on a one-paragraph author bio that outweighs a short article of short lines", () => {
    const bio = 'Prior to founding this blog, I held equity analyst positions with several investment firms, and I have written about technology stocks and their accounting for more than fifteen years now.';
    const lines = ['Research in Motion is counting on its new phones', 'Sales fell again in the quarter', 'Market share keeps going to Apple and Samsung', 'The stock trades at a low multiple'];
    const html = page('<title>Research in Backward Motion</title>', `<div id="main"><h3>Research in Backward Motion</h3><div class="post-body"><p>Research in Motion is counting on the new phones to revive its sales growth and to stop the loss of market share to its rivals.</p>${lines.map((t) => `<div>${t}</div>`).join('<br>')}</div></div>
      <div id="sidebar" class="sidebar section"><div class="widget Profile"><dl><dd>${bio}</dd></dl></div>${'<p><a href="/a">Archive month</a></p>'.repeat(4)}</div>`);
    const blocks = segmentHtml(html).blocks;
    expect(blocks.find((b) => b.text === bio)!.dom!.inMain).not.toBe(true);
    expect(blocks.find((b) => b.text === bio)!.dom!.hints).toContain('sidebar');
    const a = extract(html, { inputFormat: 'html' });
    expect(a.body).not.toContain('equity analyst');
  });
  it('still drops a furniture word on a wrapper of most of the prose ("has-sidebar" around the article)', () => {
    const html = page('', `<div class="content has-sidebar"><h1>Talks</h1>${prose(4)}</div><div class="menu"><a href="/">Home</a></div>`);
    const main = segmentHtml(html).blocks.filter((b) => b.dom!.inMain).map((b) => b.text);
    expect(main.filter((t) => t.includes('reported'))).toHaveLength(4);
  });
  it('counts the words of Chinese and Japanese prose (written without spaces) when it chooses the container', () => {
    const zh = ['一波波接續性低溫寒流報到，已將新竹尖石鄉後山一帶層層山巒披上了一層金黃與火紅的色彩。', '玉峰道路一路上雲氣山嵐滯留山頭，順路下切蜿蜒道路後不久即抵達營地入口處的木頭招牌。', '美樹美如其名，偌大楓香樹早已呈現金黃泛紅色彩，也是愛攝人仕所喜愛的拍攝地點之一。', '第二次造訪美樹發現到營區變了，印象中以前生冷招牌換成了原木招牌與貓頭鷹裝飾。'];
    const html = page('<title>新竹尖石 美樹營地賞楓</title>', `<div class="nav">${'<p><a href="/x">行程攻略與旅遊景點的相關文章連結</a></p>'.repeat(6)}</div>
      <div class="article"><h2>新竹尖石 美樹營地賞楓</h2>${zh.map((t) => `<p>${t}</p>`).join('')}</div><div class="related"><p>相關文章</p></div>`);
    const main = segmentHtml(html).blocks.filter((b) => b.dom!.inMain).map((b) => b.text);
    expect(main).toEqual(expect.arrayContaining(zh));
  });
  it('takes the article under the title heading over a denser box of teasers above it', () => {
    const teasers = Array.from({ length: 6 }, (_, i) => `<div class="slide"><h3><a href="/p${i}">Older post ${i}</a></h3><p>When I asked everyone at the gallery if we could offer a free resource number ${i}, they said yes, and here it is for you and your class.</p></div>`).join('');
    const article = ['This is a fun activity that I put together to review basic trick-or-treat safety rules with the youngest students in the school.', 'If you like this activity, I hope you will take a closer look around the gallery, where many more free lessons are waiting.'];
    const html = page('<title>Halloween Safety Game | Teacher Blog</title>', `<div class="featured">${teasers}</div>
      <div class="single"><h1>Halloween Safety Game</h1><p>${article[0]}</p><p>${article[1]}</p></div>
      <div class="blogroll">${'<p><a href="/b">A friend of this blog and teacher</a></p>'.repeat(20)}</div>`);
    const a = extract(html, { inputFormat: 'html' });
    expect(a.paragraphs).toEqual(article);
    expect(a.headline).toBe('Halloween Safety Game');
    // without a title heading, the denser box wins as before
    const untitled = extract(html.replace('<h1>Halloween Safety Game</h1>', '').replace(/<title>.*<\/title>/, ''), { inputFormat: 'html' });
    expect(untitled.paragraphs.some((t) => t.includes('free resource number'))).toBe(true);
  });
  it('counts the unlinked words of a sentence that is mostly links as prose: the paragraph does not split its article', () => {
    const p1 = 'Casual party games are a great infection vector for introducing tabletop gaming to people who think they do not like games, and this one is among the best of them that we have played this year.';
    const linked = 'If you like <a href="/a">Say Anything</a>, you will probably like other <a href="/b">casual tabletop games</a>, like <a href="/c">Apples to Apples</a>, <a href="/d">Cards Against Humanity</a> and <a href="/e">Wits and Wagers</a>, all of them easy to learn.';
    const p3 = 'These games are easy to learn, play very quickly, and can be found just about anywhere, which makes them perfect for a party.';
    const html = page('<title>Tabletop</title>', `<div class="menu">${'<a href="/m">Games</a> <a href="/r">Reviews</a> '.repeat(10)}</div><div class="x"><p>${p1}</p><p>${linked}</p><p>${p3}</p></div>`);
    const blocks = segmentHtml(html).blocks;
    const text = linked.replace(/<[^>]+>/g, '');
    expect(blocks.find((b) => b.text === text)!.dom!.inMain).toBe(true);
    expect(extract(html, { inputFormat: 'html' }).paragraphs).toEqual([p1, text, p3]);
    // linked whole, the sentence is a teaser: it stays out
    const teaser = page('<title>Tabletop</title>', `<div class="menu">${'<a href="/m">Games</a> <a href="/r">Reviews</a> '.repeat(10)}</div><div class="x"><p>${p1}</p><p><a href="/t">${text}</a></p><p>${p3}</p></div>`);
    expect(segmentHtml(teaser).blocks.find((b) => b.text === text)!.dom!.inMain).toBe(false);
  });
  it('takes the short article under the title heading over a denser teaser list below it (linked titles, each over its summary)', () => {
    const cars = ['2012 Toyota Prius vs. 2012 Volkswagen Jetta', '2012 Honda CR-V vs 2013 Ford Escape', '2012 Acura MDX vs. 2013 Infiniti JX', '2013 Scion FR-S vs 2013 Hyundai Genesis Coupe', '2012 Honda Civic Si vs. 2012 MazdaSpeed3'];
    const summary = (i: number): string => `We pit two very different cars head-to-head to see which one is the better buy for a family that drives a lot, part ${i}.`;
    const box = cars.map((t, i) => `<h3><a href="/c${i}">${t}</a></h3><div>${summary(i)}</div>`).join('');
    const article = ['The brand’s new shopping experience in London is now open and hopes to cash in on boutique car shopping.', 'With product experts on hand, the stores will offer a selection of cars to touch and test, and the full range in virtual form.', 'Two other makers have already made similar moves to make buying a car more fun and less daunting.'];
    const html = (title: string): string => page(`<title>${title}</title>`, `<div class="menu">${'<a href="/m">Auto News</a> <a href="/r">Car Reviews</a> '.repeat(12)}</div>
      <div class="post"><h1>Audi City open for business</h1><div class="entry">${article.map((t) => `<p>${t}</p>`).join('')}</div><div class="tags"><a href="/t">Audi</a></div></div>
      <ul>${['Audi City to open in central London', 'Audi A2 aims cross hairs at Nissan Juke', 'Ten best interiors for 2012 list announced', 'Audi has an A4 crossover in the works', 'Porsche models heading to auction', 'Audi cam lets you watch your mechanic'].map((t) => `<li><a href="/n">${t}</a></li>`).join('')}</ul>
      <div class="box"><h1>Car Comparisons</h1>${box}</div>`);
    const a = extract(html('Audi City open for business'), { inputFormat: 'html' });
    expect(a.paragraphs).toEqual(article);
    // without the title heading too: the teasers, which outweigh the article, are a box of their own beside it
    expect(extract(html('AutoGuide'), { inputFormat: 'html' }).paragraphs).toEqual(article);
    // summaries under subheads that are no links are an article's sections, and outweigh the short text above
    const sections = page('<title>Audi City open for business</title>', `<div class="post"><h1>Audi City open for business</h1><div class="entry">${article.map((t) => `<p>${t}</p>`).join('')}</div></div>
      <div class="box"><h1>Car Comparisons</h1>${cars.map((t, i) => `<h3>${t}</h3><div>${summary(i)}</div>`).join('')}</div>`);
    expect(extract(sections, { inputFormat: 'html' }).body).toContain('head-to-head');
  });
  it('a box of its own of linked teasers beside a short story is navigation though it outweighs the story; a round-up\'s list, in the element of its writer\'s paragraph, stays', () => {
    const story = [
      'Water poured over the valley road on Sunday night after two days of heavy rain, and the county closed it between the bridge and the school until the river falls again.',
      'Crews worked through the night to clear a culvert that had filled with branches, a spokeswoman for the roads department said, but the water was still rising at dawn.',
      'Residents of the six houses nearest the bank were asked to leave, and most of them spent the night with neighbours or at the community hall, which opened its doors at ten.',
    ];
    const subjects = ['harbour', 'library', 'bus depot', 'bridge', 'market', 'school', 'pool', 'park'];
    const teasers = Array.from({ length: 10 }, (_, k) => `<h3><a href="/news/${k}">Town council weighs plan for the ${subjects[k % 8]}, part ${k}</a></h3><p>The council met for ${k + 2} hours on Tuesday to weigh the plan for the ${subjects[k % 8]}, and asked for another study of the costs before the vote.</p>`).join('');
    const paras = story.map((p) => `<p>${p}</p>`).join('');
    const a = extract(page('<title>Storm floods the valley road - News</title>', `<div class="story"><h1>Storm floods the valley road</h1>${paras}</div><div class="content">${teasers}</div>`), { inputFormat: 'html' });
    expect(a.paragraphs).toEqual(story);
    expect(a.boilerplate.filter((b) => b.kind === 'navigation' && b.text.startsWith('The council met')).length).toBe(10);
    // the box in groups of two under section headings
    const grouped = ['Region', 'Business', 'Sport', 'Arts', 'Science'].map((h, g) => `<h2>${h} headlines</h2>${teasers.split('</p>').slice(2 * g, 2 * g + 2).join('</p>')}</p>`).join('');
    const b = extract(page('<title>Storm floods the valley road - News</title>', `<div class="story"><h1>Storm floods the valley road</h1>${paras}</div><div class="content">${grouped}</div>`), { inputFormat: 'html' });
    expect(b.paragraphs).toEqual(story);
    // the same paragraphs and teasers in one element: a round-up post, its list is the article's
    const roundUp = extract(page('<title>Storm floods the valley road - News</title>', `<div class="story"><h1>Storm floods the valley road</h1>${paras}${teasers}</div>`), { inputFormat: 'html' });
    expect(roundUp.paragraphs.filter((p) => p.startsWith('The council met'))).toHaveLength(10);
  });
  it('ends the body at a related-posts heading inside the container that heads title-summary teasers', () => {
    const teasers = Array.from({ length: 10 }, (_, i) => `<li><h4><a href="/t${i}">Another model looks the same ${i}</a></h4><p>The new model looks almost the same as its older versions, but there is a significant improvement in mileage number ${i}.</p></li>`).join('');
    const html = page('<title>Talks go well</title>', `<div class="content"><h1>Talks go well</h1>${prose(3)}<div>Related Posts</div><ul>${teasers}</ul></div>`);
    const a = extract(html, { inputFormat: 'html' });
    expect(a.paragraphs).toHaveLength(3);
    expect(a.body).not.toContain('mileage');
    // one related link in the middle of the article: the article goes on after it
    const mid = page('<title>Talks go well</title>', `<div class="content"><h1>Talks go well</h1>${prose(3)}<div>Related:</div><p><a href="/x">Earlier talks failed</a></p>${prose(3, 'said')}</div>`);
    const b = extract(mid, { inputFormat: 'html' });
    expect(b.paragraphs.filter((t) => t.includes('said'))).toHaveLength(3);
    // a slideshow's slides under "Also on …:": titles as headings, not links, each over its text
    const slides = Array.from({ length: 6 }, (_, i) => `<h3>The Affordable Care Act Myth Number ${i}</h3><p>The new model looks almost the same as its older versions, but there is a significant improvement in mileage number ${i}.</p>`).join('');
    const show = page('<title>Talks go well</title>', `<div class="content"><h1>Talks go well</h1>${prose(3)}<div>Also on HuffPost:</div>${slides}</div>`);
    expect(extract(show, { inputFormat: 'html' }).body).not.toContain('mileage');
  });
  it('keeps a list of sentences whose links cover most of their words, not a list of linked titles', () => {
    const items = [
      'We made some <a href="/a">important changes to the AWS Global Start-Up Challenge</a>.',
      'We added <a href="/b">Ruby support and VPC integration</a> to the Elastic Beanstalk service.',
    ];
    const html = page('<title>Week in review</title>', `<div class="content"><h1>Week in review</h1>${prose(3)}<ul>${items.map((t) => `<li>${t}</li>`).join('')}</ul>${prose(2, 'said')}</div>`);
    const main = segmentHtml(html).blocks.filter((b) => b.dom!.inMain).map((b) => b.text);
    expect(main.filter((t) => t.startsWith('We '))).toHaveLength(2);
    // titles in title case, and a sentence linked whole (a ticker), are link-list furniture
    const titles = ['Important Updates for the Global Start-Up Challenge Winners.', 'The semi-final draw has been completed with Chelsea against Everton.'];
    const linked = page('<title>Week in review</title>', `<div class="content"><h1>Week in review</h1>${prose(3)}<ul>${titles.map((t) => `<li><a href="/x">${t}</a></li>`).join('')}</ul>${prose(2, 'said')}</div>`);
    const kept = segmentHtml(linked).blocks.filter((b) => b.dom!.inMain).map((b) => b.text);
    expect(kept.some((t) => t.startsWith('Important') || t.startsWith('The semi-final'))).toBe(false);
    // linked all but its first word and its full stop, the writer's sentence stays a sentence:
    // a teaser's link holds the stop too
    const sentence = 'The <a href="/g">AWS Storage Gateway is now generally available, and it now supports cached volumes</a>.';
    const stop = (item: string): boolean => segmentHtml(page('<title>Week in review</title>', `<div class="content"><h1>Week in review</h1>${prose(3)}<ul><li>${item}</li></ul>${prose(2, 'said')}</div>`)).blocks.find((b) => b.text.startsWith('The AWS'))!.dom!.inMain === true;
    expect(stop(sentence)).toBe(true);
    expect(stop(sentence.replace('</a>.', '.</a>'))).toBe(false);
  });
  it('keeps the hint of a comment section that follows its article, even when it holds most of the prose', () => {
    const thread = Array.from({ length: 14 }, (_, i) => `<dt>${i + 1}. Reader ${i} - August 8, 2012</dt><dd><p>Congratulations on a great night out at the ball park, most celebrities miss the plate by twenty feet or more, number ${i}.</p></dd>`).join('');
    const html = page('<title>Talks go well</title>', `<div class="content"><h1>Talks go well</h1>${prose(3)}<div class="comments"><h2>Comments</h2><dl>${thread}</dl></div></div>`);
    const a = extract(html, { inputFormat: 'html' });
    expect(a.paragraphs.filter((t) => t.includes('reported'))).toHaveLength(3);
    expect(a.body).not.toContain('ball park');
    // a "comments" class on the article's own wrapper is no comment section
    const wrapped = page('<title>Talks go well</title>', `<div class="post comments-open"><h1>Talks go well</h1>${prose(4)}</div><div class="nav"><a href="/">Home</a></div>`);
    expect(extract(wrapped, { inputFormat: 'html' }).paragraphs.filter((t) => t.includes('reported'))).toHaveLength(4);
  });
  it('takes the article-named element under the title over a one-paragraph bio far below it', () => {
    const items = ['Sandy forces hospital evacuation', 'Skepticism about pay for performance', 'Technology and healthcare spending', 'Medicare contractor jurisdictions', 'The dual causes of increased debt after an adverse health event', 'Ray at another blog makes his hosting debut', 'Hospital prices in three states', 'A new survey of physician pay'];
    const bio = 'Mary Brock is a scientist who works on drugs you have hopefully never heard of, and she writes about science, medicine and the people who practise them in her spare time, mostly late at night.';
    const body = (title: string): string => `<div id="main"><h2>${title}</h2><div class="entry-content"><p>Some reading while the storm passes:</p><ul>${items.map((t) => `<li>${t}, <a href="/x">more</a></li>`).join('')}</ul></div>
      ${'<p><a href="/s">Share this</a></p>'.repeat(6)}<div class="about"><h3>About the author</h3><p>${bio}</p></div></div>`;
    const a = extract(page('<title>Reading to battle hurricane blues | Health Economist</title>', body('Reading to battle hurricane blues')), { inputFormat: 'html' });
    expect(a.body).not.toContain('Mary Brock');
    expect(a.paragraphs).toContain('Sandy forces hospital evacuation, more');
    // Without the title heading the list is not found for the article (a known limit), but the bio
    // under its heading stays a bio (src/patterns/author-bio.ts), and its heading is no headline.
    const b = extract(page('<title>Health Economist</title>', body('Latest posts')), { inputFormat: 'html' });
    expect(b.body).not.toContain('Mary Brock');
    expect(b.boilerplate.some((e) => e.kind === 'other' && e.text.endsWith(bio))).toBe(true);
    expect(b.headline).not.toBe('About the author');
  });
  it('keeps the paragraph before a photo credit in the body when the caption follows the credit', () => {
    const para = 'Both fared well on some standard factual questions, in a sense. But oddly, one of them picked the wrong cast.';
    const html = page('<title>Voice search shoot-out</title>', `<div class="entry-content"><h1>Voice search shoot-out</h1>${prose(3)}<p>${para}</p><img src="a.png"><div class="credit">Source: John Koetsier</div><p class="wp-caption-text">The cast of The Office</p>${prose(2, 'said')}</div>`);
    const a = extract(html, { inputFormat: 'html' });
    expect(a.paragraphs).toContain(para);
    expect(a.captions).toContain('The cast of The Office');
  });
  it("finds the title heading from the metadata headline, a <title> segment, or the part after the site's colon", () => {
    const blocks = ['Amazon Web Services Blog', 'Recent posts', 'AWS Week in Review - October 29, 2012', 'Let us take a look at the week.'].map((text, i) => ({ text, words: text.split(' ').length, linkDensity: 0, tag: i === 2 ? 'h3' : i === 0 ? 'h1' : 'p', neg: 0 }));
    expect(titleHeading(blocks, null, 'Amazon Web Services Blog: AWS Week in Review - October 29, 2012')).toBe(2);
    expect(titleHeading(blocks, 'AWS Week in Review - October 29, 2012', null)).toBe(2);
    expect(titleHeading(blocks, null, 'AWS Week in Review - October 29, 2012 | AWS')).toBe(2);
    // a heading cut by a line break shows most of the title's beginning; a short one, or one word, does not
    const cut = ['Menu', 'The Daily Edit – Monday', '11.12.12'].map((text, i) => ({ text, words: text.split(' ').length, linkDensity: 0, tag: i === 1 ? 'h1' : 'p', neg: 0 }));
    expect(titleHeading(cut, null, 'The Daily Edit – Monday 11.12.12')).toBe(1);
    expect(titleHeading(cut, null, 'The Daily Edit – Monday, November 12, and the photographs of the week')).toBe(-1);
    expect(titleHeading([{ ...cut[1]!, text: 'Monday' }], null, 'Monday 11.12')).toBe(-1);
    // a paragraph is no title heading; an unrelated title finds none
    expect(titleHeading(blocks, 'Let us take a look at the week.', null)).toBe(-1);
    expect(titleHeading(blocks, null, 'Something else entirely')).toBe(-1);
    // the same title as a heading in a sidebar's "Recent posts" box (furniture) comes first: skipped
    const sidebar = [{ text: 'AWS Week in Review - October 29, 2012', words: 8, linkDensity: 1, tag: 'h4', neg: NEG.other }, ...blocks];
    expect(titleHeading(sidebar, 'AWS Week in Review - October 29, 2012', null)).toBe(3);
  });
  it('ends the body at a comment count or "comments are closed" heading inside the container, not at a bare "Comment" link', () => {
    const thread = ['Stephen B', 'The time has come for the government of the province to start cutting some of the fat instead of spending more.', 'Lina', 'The government should not be spending taxpayers money on industry, that is the job of the private sector.', 'Ralph', 'Well, here we go again with all the premiers showing up cap in hand, and nothing to show for it in the end.'];
    const html = (heading: string): string => page('<title>Economy dominates meeting</title>', `<div class="content"><h1>Economy dominates meeting</h1>${prose(4)}<p>${heading}</p>${thread.map((t) => `<div>${t}</div>`).join('')}</div>`);
    for (const heading of ['Comments are now closed for this story', '12 Comments']) {
      const a = extract(html(heading), { inputFormat: 'html' });
      expect(a.paragraphs.filter((t) => t.includes('reported'))).toHaveLength(4);
      expect(a.body).not.toContain('cap in hand');
    }
    const mid = page('<title>Talks go well</title>', `<div class="content"><h1>Talks go well</h1>${prose(3)}<p><a href="#c">Comment</a></p>${prose(3, 'said')}</div>`);
    expect(extract(mid, { inputFormat: 'html' }).paragraphs.filter((t) => t.includes('said'))).toHaveLength(3);
  });
  it('takes the element under the title heading when no element reads as prose (a hymn of short lines), unless prose hides under a furniture hint', () => {
    const lines = ['I wander often from the way,', 'And sin afflicts me every day:', 'Oh, when shall I be pure?', 'Christ leads me to the path again,', 'And washes me from every stain,', 'A cleansing full and sure.', 'I hear the world enticing voice,', 'That tempts me to a godless choice:', 'How shall I stand the test?', 'Weary and weak and full of pain,', 'I wonder shall I ever gain', 'Relief when I am oppressed?'];
    const html = (inner: string): string => page('<title>I wander often from the way | Hymns blog</title>', `<div class="nav">${'<p><a href="/x">Archive month link</a></p>'.repeat(10)}</div><div class="post"><h2>I wander often from the way</h2><div class="text">${inner}</div></div><div class="sidebar">${'<p><a href="/y">Another post title here</a></p>'.repeat(10)}</div>`);
    const a = extract(html(lines.map((t) => `<p>${t}</p>`).join('')), { inputFormat: 'html' });
    expect(a.paragraphs).toEqual(lines);
    // a paragraph of prose inside a "share" box under the title: the markup is not trusted there
    const blocks = segmentHtml(html(`<div class="share-box"><p>It is a little too late in the year for these looks, but today marks an important day for the nails of the nation.</p></div>${lines.slice(0, 6).map((t) => `<p>${t}</p>`).join('')}`)).blocks;
    expect(blocks.some((b) => b.dom!.inMain === true)).toBe(false);
  });
  it('widens to the named article container around its best paragraph, over a list of short specs', () => {
    const lead = 'DX is next: the fifth camera promised for this year will be announced in the coming days, and here is what we know about it so far from several reliable sources close to the company.';
    const specs = ['It will use the same 24MP sensor', 'EXPEED 3 processor', 'ISO range: 100-6,400', 'Continuous shooting speed: 5fps', 'Vari-angle LCD screen (3", 921k dots)', 'Built-in wireless transmitter'];
    const html = page('', `<div class="sidebar">${'<p><a href="/x">A related link</a></p>'.repeat(6)}</div>
      <div class="entry-content"><p>${lead}</p><p>The new model will have slightly different specifications:</p><ul>${specs.map((t) => `<li>${t}</li>`).join('')}</ul></div>`);
    const main = segmentHtml(html).blocks.filter((b) => b.dom!.inMain).map((b) => b.text);
    expect(main).toContain(lead);
    expect(main).toContain(specs[0]);
    expect(main).toContain(specs.at(-1));
  });
  it('takes short sentence paragraphs beside the container (Readability\'s sibling test)', () => {
    const html = page('', `<div class="sidebar">${'<p><a href="/x">A related link</a></p>'.repeat(6)}</div>
      <div class="page"><div class="intro">${prose(3)}</div><p>It was a long night.</p><p>Nobody slept at all, they said.</p>
      <p><a href="/more">More from this author</a></p></div>`);
    const main = segmentHtml(html).blocks.filter((b) => b.dom!.inMain).map((b) => b.text);
    expect(main).toContain('It was a long night.');
    expect(main).toContain('Nobody slept at all, they said.');
    expect(main).not.toContain('More from this author');
  });
  it('joins article parts split by an ad', () => {
    const html = page('', `<div class="page"><div class="sidebar">${'<p><a href="/x">A related link</a></p>'.repeat(10)}</div>
      <div class="article"><div class="part">${prose(4)}</div><div class="ad">Advertisement</div><div class="part">${prose(4, 'added')}</div></div></div>`);
    const main = segmentHtml(html).blocks.filter((b) => b.dom!.inMain).map((b) => b.text);
    expect(main.filter((t) => t.includes('reported') || t.includes('added'))).toHaveLength(8);
    expect(main).not.toContain('Advertisement');
  });
  it('uses JSON-LD articleBody to choose between two prose containers', () => {
    const a = 'Rain fell across the valley for a third day and the river rose past its banks near the old mill.';
    const b = 'Readers wrote in to say that the council had ignored warnings about the river for many years now.';
    const body = Array.from({ length: 5 }, () => a).join('\n\n');
    const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Floods', articleBody: body })}</script>`;
    const html = page(ld, `<div class="x1">${`<p>${b}</p>`.repeat(8)}</div><div class="x2">${`<p>${a}</p>`.repeat(5)}</div>`);
    const main = segmentHtml(html).blocks.filter((x) => x.dom!.inMain);
    expect(main).toHaveLength(5);
    expect(main.every((x) => x.text === a)).toBe(true);
  });
  it('widens a one-paragraph choice to the post container around it (bullets and subheads stay)', () => {
    const clause = (i: number) => `<li>we need room for curiosity number ${i} and the time to take things apart slowly</li>`;
    const html = page('', `<div class="sidebar"><h3>Archives</h3><ul><li><a href="/1">October</a></li><li><a href="/2">September</a></li></ul></div>
      <div class="post"><div class="entry"><p>Here are four powerful videos from the research hub that are guaranteed to make you think hard about how we teach our children today, and why.</p>
        <p><strong>Engaged (7 minutes)</strong></p><ul>${[1, 2, 3, 4, 5, 6].map(clause).join('')}</ul>
        <p><strong>Everyone (7 minutes)</strong></p><ul>${[7, 8, 9, 10, 11, 12].map(clause).join('')}</ul></div></div>`);
    const main = segmentHtml(html).blocks.filter((b) => b.dom!.inMain).map((b) => b.text);
    expect(main.some((t) => t.startsWith('Here are four'))).toBe(true);
    expect(main.filter((t) => t.startsWith('we need room'))).toHaveLength(12);
    expect(main).toContain('Everyone (7 minutes)');
    expect(main).not.toContain('October');
  });
  it("reads the lines of one paragraph parted by <br> as that paragraph when it chooses the container (a verse, not labels)", () => {
    const verse = ['In a car;', 'at the office;', 'while waiting in line;', 'while standing in an elevator;', 'at a club;', 'on top of your bed;', 'anywhere;', 'dance where you are.'];
    const html = page('', `<div class="sidebar"><p>Archive</p><ul><li><a href="/1">October</a></li><li><a href="/2">September</a></li></ul></div>
      <div class="entry"><p>You do not have to circle the globe to dance, nor wait for the music. Dance where you are now.</p><p>${verse.join('<br>')}</p></div>`);
    const main = segmentHtml(html).blocks.filter((b) => b.dom!.inMain).map((b) => b.text);
    expect(main).toEqual(expect.arrayContaining(verse));
    expect(main).not.toContain('October');
  });
  it("takes a blog post under its title heading over a sidebar bio above it: the banner h1 that repeats the site's stated name is no title", () => {
    const bio = 'I live. I learn. I teach. And, 140 characters on Twitter is limiting. Here I share and celebrate my creativity and the creativity of others.';
    const post = 'This plays with your right brain in a big way, and it rolls.';
    const html = page('<title>The Human Bowling Ball - I Geek for Creativity</title><meta property="og:site_name" content="I Geek for Creativity"><meta property="og:title" content="The Human Bowling Ball">',
      `<h1><a href="/">I Geek for Creativity</a></h1><div class="profile"><p>Denny McCorkle</p><p>${bio}</p></div><ul>${'<li><a href="/t">aha lessons (140)</a></li>'.repeat(8)}</ul>
      <div class="post"><h2><a href="/p">The Human Bowling Ball</a></h2><div class="body"><p>${post}</p></div></div>`);
    const a = extract(html, { inputFormat: 'html' });
    expect(a.headline).toBe('The Human Bowling Ball');
    expect(a.paragraphs).toEqual([post]);
  });
  it("takes a short statement paragraph beside the container with it (Readability's sibling test: under 80 characters, no link, a full stop)", () => {
    const places = ['Bahrain', 'Sri Lanka', 'India', 'Jakarta', 'Hong Kong', 'Shanghai', 'Japan', 'Toronto'].map((t) => `<p><a href="/${t}">${t}</a></p>`).join('');
    const html = page('', `<div class="sidebar"><p>Archive</p><ul><li><a href="/1">October</a></li><li><a href="/2">September</a></li></ul></div>
      <div class="entry"><p>We are excited to announce our first destinations for our world tour. The signup pages are going live today, one for each place.</p><p>We are SO thrilled.</p><p>${'<a href="/x">Click</a> '.repeat(3)}</p>${places}</div>`);
    const main = segmentHtml(html).blocks.filter((b) => b.dom!.inMain).map((b) => b.text);
    expect(main).toContain('We are SO thrilled.');
    expect(main).not.toContain('Click Click Click');
  });
  it('reads a photo essay, whose story is in the captions, as body paragraphs', () => {
    const caps = ['Thousands of costumed residents filled the streets of the old town for the yearly parade on Saturday evening.', 'A mother carries her baby dressed up as a pumpkin through the crowd near the harbour front.', 'Street vendors sold roasted chestnuts and hot cider to the visitors who stayed until midnight.'];
    const figs = caps.map((c, i) => `<figure><img src="/p${i}.jpg"><figcaption>${c} (Jane Roe/AFP)</figcaption></figure>`).join('');
    const a = extract(page('<title>Parade night</title>', `<article><h1>Parade night</h1><p>Scenes from the parade.</p>${figs}</article>`), { inputFormat: 'html' });
    expect(a.paragraphs.filter((p) => caps.some((c) => p.startsWith(c.slice(0, 30))))).toHaveLength(3);
    // An ordinary article keeps its captions apart.
    const b = extract(page('<title>Parade night</title>', `<article><h1>Parade night</h1>${prose(6)}${figs.slice(0, figs.indexOf('</figure>') + 9)}</article>`), { inputFormat: 'html' });
    expect(b.captions.length).toBe(1);
    expect(b.paragraphs.some((p) => p.startsWith('Thousands'))).toBe(false);
  });
  it('reads a one-photo slide, whose story is its one long caption, as the body', () => {
    const cap = 'One-pieces and bikinis are so passe. The hottest swimsuit among the stars this summer is the monokini, worn by a singer in Miami on Saturday. She is the latest of many to wear it.';
    const a = extract(page('<title>Monokini madness</title>', `<article><h1>Monokini madness</h1><p>A singer wore a monokini in Miami.</p><figure><img src="/p.jpg"><figcaption>${cap}</figcaption></figure></article>`), { inputFormat: 'html' });
    expect(a.paragraphs.some((p) => p.startsWith('One-pieces'))).toBe(true);
  });
  it('ends the body where a teaser list inside the article container begins', () => {
    const teasers = ['Mayor opens the new bridge', 'Council votes on the budget again', 'Storm warning for the coast tonight', 'School year starts a week early'];
    const list = teasers.map((t, i) => `<div><span>Oct ${i + 1}, 2012</span><h4>${t}</h4><div>A short summary of the story about ${t.toLowerCase()}.</div></div>`).join('');
    const a = extract(page('<title>Deal close</title>', `<div class="wrap"><h1>Deal close</h1>${prose(6)}<h3>Recommended</h3>${list}</div>`), { inputFormat: 'html' });
    expect(a.paragraphs.filter((p) => p.includes('reported'))).toHaveLength(6);
    expect(a.paragraphs.some((p) => p.startsWith('A short summary'))).toBe(false);
  });
  it('does not take prose that a misnested caption element swallowed for a caption', () => {
    const story = Array.from({ length: 6 }, (_, i) => `The council met on Tuesday and talked for hours about item ${i} of the budget.`).join(' ');
    // An unclosed caption span: the browser keeps the article's first paragraph inside it.
    const html = page('<title>Budget night</title>', `<div class="entry"><h1>Budget night</h1><div class="wp-caption"><p class="wp-caption-text">Councillors at the meeting. <span class="caption-credit">(<p>${story} ${story.replace(/council/g, 'board')}</p></div>${prose(3)}</div>`);
    const a = extract(html, { inputFormat: 'html' });
    expect(a.paragraphs.some((p) => p.startsWith('The council met'))).toBe(true);
    expect(a.captions.some((c) => c.includes('The council met'))).toBe(false);
    // A real caption, one or two sentences, stays a caption.
    const b = extract(page('<title>Budget night</title>', `<article><h1>Budget night</h1><figure><img src="/a.jpg"><figcaption>Councillors at the meeting on Tuesday. (Jane Roe/AFP)</figcaption></figure>${prose(4)}</article>`), { inputFormat: 'html' });
    expect(b.captions).toEqual(['Councillors at the meeting on Tuesday.']);
  });
  it('ends the body at a copyright line even when prose-like promotions follow it in the container', () => {
    const promos = ['Want to be taken seriously and respected at work? Find out what you need to do about it today.', 'Stress really does kill but you can control it before it controls you, so learn how here.', 'Are you paying on a high-interest mortgage and considering refinancing? Enter your information now.', 'Looking to buy a new home and curious about prices in other cities? Search the listings here.'];
    const tail = promos.map((t, i) => `<div class="promo-item"><a href="/p${i}">Offer ${i}</a></div><div>${t}</div>`).join('');
    const a = extract(page('<title>Deal close</title>', `<div class="story"><h1>Deal close</h1>${prose(4)}<div class="copyright">Copyright 2008 by The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</div><h3>Links We Like</h3>${tail}</div>`), { inputFormat: 'html' });
    expect(a.paragraphs.filter((p) => p.includes('reported'))).toHaveLength(4);
    expect(a.paragraphs.some((p) => /mortgage|Stress/.test(p))).toBe(false);
  });
  it('doubts a main container that starts far below the headline, and judges the page by its text', () => {
    const menu = Array.from({ length: 90 }, (_, i) => `<li><a href="/s${i}">Section ${i}</a></li>`).join('');
    const story = ['The mayor opened the new bridge on Sunday, and hundreds of residents walked across it before the cars came.', 'Work on the bridge began three years ago and cost the city far less than the council had first feared.', 'Traffic on the old crossing is expected to fall by half, the transport office said in a statement on Monday.'];
    // The story's paragraphs sit loose in the page; a sidebar box holds two paragraphs of its own.
    const about = ['Our independent publisher has offices in several cities and covers fashion and culture news for its readers.', 'We were founded in 2005 and have since grown into one of the most read lifestyle magazines in the whole country.'];
    const html = page('<title>Bridge opens</title>', `<h1>Bridge opens</h1>${story.map((t) => `<p>${t}</p>`).join('')}<ul>${menu}</ul><div class="box">${about.map((t) => `<p>${t}</p>`).join('')}</div>`);
    const a = extract(html, { inputFormat: 'html' });
    expect(a.paragraphs).toEqual(story);
  });
  it('does not take a sidebar line far from the article for the headline because it matches a <title> naming the site', () => {
    const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/s${i}">Section ${i}</a></li>`).join('');
    const html = page('<title>The Independent on Saturday</title>', `<div class="content"><h1>Cricket chief resigns</h1>${prose(5)}</div><ul>${links}</ul><ul class="sisters"><li>The Independent on Saturday</li><li>The Star</li></ul>`);
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('Cricket chief resigns');
  });
  it('leaves an h1 outside the article that shares no word with its lead to the classifier (a site or section label)', () => {
    const story = '<p>The harbour master said on Tuesday that the ferry would resume its crossings once the storm had passed the coast.</p><p>Passengers waiting at the harbour were offered hotel rooms, and the ferry company apologised for the delay to crossings.</p>';
    const html = page('', `<div class="top"><h1>Latest Updates</h1></div><div class="story"><h2>Ferry crossings resume after storm</h2>${story}</div>`);
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('Ferry crossings resume after storm');
    // An h1 written in the lead's words stays the headline.
    const own = page('', `<div class="top"><h1>Storm halts ferry crossings</h1></div><div class="story"><h2>Passengers wait</h2>${story}</div>`);
    expect(extract(own, { inputFormat: 'html' }).headline).toBe('Storm halts ferry crossings');
  });
  it('matches a line with a <title> segment cut at an unspaced dash, a colon or a parenthesis', () => {
    const story = '<p>The harbour master said on Tuesday that the ferries would resume their crossings once the storm had passed.</p><p>Passengers waiting at the harbour were offered hotel rooms, and the ferry company apologised for the delay.</p>';
    const body = (title: string): string => page(`<title>${title}</title>`, `<div class="story"><p>Harbour ferries resume crossings</p><h2>More from the travel desk today</h2>${story}</div>`);
    for (const title of ['Harbour ferries resume crossings- Travel-News By Industry-The Daily Times', 'Harbour Ferries Resume Crossings (from The Daily Times)', 'Coast Weather, News and Sports: Harbour ferries resume crossings']) {
      expect(extract(body(title), { inputFormat: 'html' }).headline).toBe('Harbour ferries resume crossings');
    }
  });
  it('takes no evidence from a short <title> that shares no word with the lead (it names the site or the section)', () => {
    const story = '<p>The harbour master said on Tuesday that the ferry would resume its crossings once the storm had passed the coast.</p><p>Passengers waiting at the harbour were offered hotel rooms, and the ferry company apologised for the delay to crossings.</p>';
    const html = page('<title>coastradio.com - Local Sports Wire</title>', `<div class="top"><h1>Local Sports Wire</h1></div><div class="story"><h2>Ferry crossings resume after storm</h2>${story}</div>`);
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('Ferry crossings resume after storm');
    // A title in the lead's words (a crude stem: "crossing", "crossings") still vouches for its line.
    const own = page('<title>Crossing Resumes Today - Coast Radio</title>', `<div class="top"><h1>Local Sports Wire</h1></div><div class="story"><p>Crossing resumes today</p><h2>More from the coast desk</h2>${story}</div>`);
    expect(extract(own, { inputFormat: 'html' }).headline).toBe('Crossing resumes today');
  });
  it('takes no date line, bar-separated link row or teaser list under title markup for the headline', () => {
    const story = '<p>The harbour master said on Tuesday that the ferries would resume their crossings once the storm had passed.</p><p>Passengers waiting at the harbour were offered hotel rooms, and the ferry company apologised for the delay.</p>';
    for (const furniture of ['<div class="headline">Tuesday January 8, 2008</div>', '<div class="head">help | site map</div>', '<ul class="tvheadlines"><li>Channel Sports One tonight</li></ul>']) {
      const html = page('', `<div class="story">${furniture}<h3>Harbour ferries resume crossings</h3>${story}</div>`);
      expect(extract(html, { inputFormat: 'html' }).headline).toBe('Harbour ferries resume crossings');
    }
  });
  it('takes the headline from a <title> that joins it and its deck with a comma', () => {
    const story = '<p>The harbour master said on Tuesday that the ferries would resume their crossings once the storm had passed.</p><p>Passengers waiting at the harbour were offered hotel rooms, and the ferry company apologised for the delay.</p>';
    const html = page('<title>Ferries Resume Crossings, Storm Passes And Stranded Passengers Head Home After Two Days In Harbour Hotels - Coast Radio</title>', `<div class="story"><h1>Ferries Resume Crossings</h1><h2>Storm Passes And Stranded Passengers Head Home After Two Days In Harbour Hotels</h2>${story}</div>`);
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('Ferries Resume Crossings');
  });
  it('takes the line above the byline markup for the headline when nothing else names one', () => {
    const story = '<p>The harbour master said on Tuesday that the ferries would resume their crossings once the storm had passed.</p><p>Passengers waiting at the harbour were offered hotel rooms, and the ferry company apologised for the delay.</p><p>The company said the first ferry would leave at six in the morning and that tickets stayed valid for a week.</p>';
    const nav = `<ul class="nav">${['Euro Cup Fixtures', 'Euro Cup Results', 'Euro Cup Groups'].map((t) => `<li><a href="/x">${t}</a></li>`).join('')}</ul>`;
    // The title sits in the header row of the story's table, after a text-size control, outside the chosen container.
    const html = page('<title>Coast Radio</title>', `${nav}<div class="article nav">Text Size</div><table class="article"><tr><td class="header">Ferries resume crossings after storm</td></tr><tr><td><div class="author">30 December 2007 (18:30)</div></td></tr><tr><td class="content">${story}</td></tr></table>`);
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('Ferries resume crossings after storm');
  });
  it('marks no body line as the byline when byline markup wraps the whole entry', () => {
    const long = (n: number): string => `<p>The designer said on Tuesday that the hallway number ${n} had been painted in a bright new colour for the spring issue.</p>`;
    const html = page('<title>Color life in the hall - Home Notes</title>', `<div class="entry author"><h2>Color life in the hall</h2>${long(1)}<p>Check out this short video to see the magic in action.</p>${long(2)}${long(3)}</div>`);
    const a = extract(html, { inputFormat: 'html' });
    expect(a.byline).toBeNull();
    expect(a.paragraphs).toContain('Check out this short video to see the magic in action.');
  });
  it('does not fix a one- or two-word subheading as the headline on the strength of its place alone', () => {
    const story = '<p>The harbour master said on Tuesday that the ferries would resume their crossings once the storm had passed.</p><p>Passengers waiting at the harbour were offered hotel rooms, and the ferry company apologised for the delay.</p><p>The company said the first ferry would leave at six in the morning and that tickets stayed valid for a week.</p>';
    const html = page('', `<div class="top"><div>Ferries resume crossings after the storm</div></div><div class="story"><h3>Small print</h3>${story}</div>`);
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('Ferries resume crossings after the storm');
  });
  it('counts a <title> segment that the site-name stripping dropped for less than the headline it kept', () => {
    const story = '<p>The harbour master told the news desk on Tuesday that the ferries would resume their crossings once the storm had passed.</p><p>Passengers waiting at the harbour were offered hotel rooms, and the ferry company apologised for the delay.</p>';
    const html = page('<title>Harbour ferries resume crossings - All The News - Coast Radio News</title>', `<div class="top"><h1>All The News</h1></div><div class="story"><h2>Harbour ferries resume crossings</h2>${story}</div>`);
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('Harbour ferries resume crossings');
  });
  it('takes a title outside the container when only furniture lines stand between it and the body', () => {
    const story = '<p>The harbour master said on Tuesday that the ferries would resume their crossings once the storm had passed.</p><p>Passengers waiting at the harbour were offered hotel rooms, and the ferry company apologised for the delay.</p><p>The company said the first ferry would leave at six in the morning and that tickets stayed valid for a week.</p>';
    const furniture = '<tr><td>Save Email Print</td></tr><tr><td>Posted: 6:12 PM Dec 30, 2007</td></tr><tr><td>0 comments</td></tr><tr><td>A | A | A</td></tr>';
    const html = page('<title>Coast Radio - News</title>', `<table><tr><td class="topstory">Ferries resume crossings after the storm</td></tr>${furniture}</table><div class="story">${story}</div>`);
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('Ferries resume crossings after the storm');
  });
  it('matches a line with the start of a <title> cut at an unspaced dash', () => {
    const story = '<p>The harbour master said on Tuesday that the ferries would resume their crossings once the storm had passed.</p><p>Passengers waiting at the harbour were offered hotel rooms, and the ferry company apologised for the delay.</p>';
    const html = page('<title>Ferries go back to sea... with a delay-Coast Buzz-Travel-The Coast Times</title>', `<div class="story"><p>Ferries go back to sea... with a delay</p><h2>More from the travel desk today</h2>${story}</div>`);
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('Ferries go back to sea... with a delay');
  });
  it('trusts a line equal to the page\'s metadata headline even far above the container', () => {
    const story = '<p>The harbour master said on Tuesday that the ferries would resume their crossings once the storm had passed.</p><p>Passengers waiting at the harbour were offered hotel rooms, and the ferry company apologised for the delay.</p><p>The company said the first ferry would leave at six in the morning and that tickets stayed valid for a week.</p>';
    const links = (n: number): string => `<ul>${Array.from({ length: n }, (_, i) => `<li><a href="/s${i}">Section ${i}</a></li>`).join('')}</ul>`;
    const html = page('<title>coastnews.com | Ferries resume crossings after the storm</title><meta name="headline" content="Ferries resume crossings after the storm">', `<h1>Coast News | coastnews.com | Ferries resume crossings after the storm</h1>${links(5)}<h2>Ferries resume crossings after the storm</h2>${links(20)}<div class="story">${story}</div>`);
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('Ferries resume crossings after the storm');
  });
  it('takes a line outside the article that repeats a label <title> for that label, not the headline', () => {
    const story = '<p>The harbour master said on Tuesday that the ferries would resume their crossings once the storm had passed.</p><p>Passengers waiting at the harbour were offered hotel rooms, and the ferry company apologised for the delay.</p>';
    const html = page('<title>Leading the Charge</title>', `<div class="top"><div class="articletitle">Leading the Charge</div></div><div class="story"><div>Ferries resume crossings after the storm</div><p><time datetime="2008-01-08">Jan 8, 2008</time></p>${story}</div>`);
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('Ferries resume crossings after the storm');
  });
  it('weighs an h1 that is only a dropped <title> segment below the headline further into the container', () => {
    const story = '<p>The harbour master told the news desk on Tuesday that the ferries would resume their crossings once the storm had passed.</p><p>Passengers waiting at the harbour were offered hotel rooms, and the ferry company apologised for the delay.</p>';
    const searches = ['Ferry tickets', 'Sportswear', 'Screensavers', 'Betting', 'Shirts', 'Broadband', 'Holidays'].map((t) => `<div><a href="/q">${t}</a></div>`).join('');
    const html = page('<title>coastnews.com - Harbour ferries resume crossings - All The News - Coast News</title>', `<div class="top"><h1>All The News</h1></div><div class="story"><h3>Top Searches</h3>${searches}<h2>Harbour ferries resume crossings</h2>${story}</div>`);
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('Harbour ferries resume crossings');
  });
  it('does not count a <title> unlike og:title as a dropped site segment', () => {
    const story = '<p>Whether you read for work or for fun, these phone apps bring a whole library of book titles to your pocket at a touch.</p><p>Each of the apps was tested on a phone for a week, and readers rated the book apps on price and comfort.</p>';
    const html = page('<title>Best Book Phone Apps</title><meta property="og:title" content="Apps For Book Lovers To Try">', `<div class="story"><h1>Best Book Phone Apps</h1><h2>Apps For Book Lovers To Try</h2>${story}</div>`);
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('Best Book Phone Apps');
  });
  it('does not trust a line equal to the metadata headline in a box below the article', () => {
    const html = page('<title>Harbour ferries resume crossings</title>', `<div class="story"><h1>Harbour ferries resume crossings - Review</h1>${prose(8, 'said the harbour ferries')}</div><div class="box"><div class="title">Harbour ferries resume crossings</div><p><a href="/r">Read the review</a></p></div>`);
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('Harbour ferries resume crossings - Review');
  });
  it('leaves inMain unset on a page with no prose', () => {
    const { blocks } = segmentHtml(page('', '<ul><li><a href="/a">Home</a></li><li><a href="/b">About</a></li></ul>'));
    expect(blocks.every((b) => b.dom!.inMain === undefined)).toBe(true);
  });
  it('walks 100,000 nested elements without overflowing the stack', () => {
    const html = '<div>'.repeat(100_000) + 'deep text' + '</div>'.repeat(100_000);
    const { blocks } = segmentHtml(html);
    expect(blocks.map((b) => b.text)).toEqual(['deep text']);
  });
  it('skips scripts, styles and hidden elements', () => {
    const { blocks } = segmentHtml(page('<style>p{}</style>', '<script>var x = "no";</script><p hidden>gone</p><p style="display: none">gone too</p><p>kept</p>'));
    expect(blocks.map((b) => b.text)).toEqual(['kept']);
  });
  it("reads an <object>'s fallback content, as browsers show it when the plugin does not load", () => {
    const { blocks } = segmentHtml(page('', '<object data="player.swf"><param name="a" value="b"><p>The panel discussed the new rule.</p></object><video><p>No video support.</p></video><p>kept</p>'));
    expect(blocks.map((b) => b.text)).toEqual(['The panel discussed the new rule.', 'kept']);
  });
});

interface Expected {
  source: string;
  headline?: string;
  photoCredits?: string[];
  paragraphs?: string[];
  boilerplateKinds?: string[];
  mustContain: string[];
  mustNotContain: string[];
  /** What the whole pipeline (extract) gives, beyond the segmenter's main container. */
  extracted?: { paragraphs?: string[]; bodyContains?: string[]; bodyNotContains?: string[] };
}

describe('fixtures', () => {
  const root = path.join(import.meta.dirname, '..', 'fixtures');
  const dirs = fs.readdirSync(root).filter((d) => d.startsWith('html--'));
  it('has at least 13 html fixtures', () => expect(dirs.length).toBeGreaterThanOrEqual(13));
  for (const dir of dirs) {
    it(dir, () => {
      const html = fs.readFileSync(path.join(root, dir, 'input.html'), 'utf8');
      const expected = JSON.parse(fs.readFileSync(path.join(root, dir, 'expected.json'), 'utf8')) as Expected;
      const x = expected.extracted;
      expect((expected.mustContain?.length ?? 0) + (expected.mustNotContain?.length ?? 0) + (x?.paragraphs !== undefined ? 1 : 0) + (x?.bodyContains?.length ?? 0) + (x?.bodyNotContains?.length ?? 0)).toBeGreaterThan(0);
      if (x !== undefined) {
        const article = extract(html, { inputFormat: 'html' });
        if (x.paragraphs !== undefined) expect(article.paragraphs).toEqual(x.paragraphs);
        for (const s of x.bodyContains ?? []) expect(article.body, s).toContain(s);
        for (const s of x.bodyNotContains ?? []) expect(article.body, s).not.toContain(s);
      }
      const { blocks } = segmentHtml(html);
      const main = blocks.filter((b) => b.dom!.inMain && !b.fixed).map((b) => b.text).join('\n');
      for (const s of expected.mustContain ?? []) expect(main, s).toContain(s);
      for (const s of expected.mustNotContain ?? []) expect(main, s).not.toContain(s);
      if (expected.headline !== undefined) expect(blocks.find((b) => b.role === 'headline')?.text).toBe(expected.headline);
      if (expected.photoCredits !== undefined) {
        const credits = blocks.filter((b) => b.credit !== undefined).map((b) => b.credit);
        for (const c of expected.photoCredits) expect(credits).toContain(c);
      }
      if (expected.paragraphs !== undefined) {
        expect(blocks.filter((b) => b.dom!.inMain && !b.fixed).map((b) => b.text)).toEqual(expected.paragraphs);
      }
    });
  }
  it('the seed page gives the seed Article fields the markup settles', () => {
    const html = fs.readFileSync(path.join(root, 'html--seed-moscow-times', 'input.html'), 'utf8');
    const article = extract(html, { name: 'seed.html' });
    expect(article.source.inputFormat).toBe('html');
    expect(article.headline).toBe('Ukraine Rejected Offer to Negotiate, Kremlin Says');
    expect(article.photoCredits).toEqual(['Alexei Nikolsky / TASS']);
  });
});

describe('caption and credit cut apart', () => {
  it('never glues the words around a credit cut out of a caption (found by fuzzing)', () => {
    const a = extract('<p class="caption"><span><p><p><p><p><em>the<span class="byline">?</em>the', { inputFormat: 'html' });
    for (const c of a.captions) expect(c).not.toContain('thethe');
  });
});

describe('credit cut at word boundaries', () => {
  it('does not cut a credit out of the middle of a word (found by fuzzing)', () => {
    const a = extract('<html><body><p class="caption">\n<tr>\n<p><label class="byline">our</label>journalism</body></html>', { inputFormat: 'html' });
    for (const t of [...a.captions, ...a.photoCredits, ...a.paragraphs]) expect(t).not.toContain('ourj nalism');
  });
});

describe("the container's lines under the headline", () => {
  it("take a post's meta line with its tag list for no first line of the article", () => {
    const story = [
      'The city council approved the new budget on Tuesday after a long debate about school funding and road repairs.',
      'Officials said the plan would raise spending on schools by ten percent, while cutting the cost of administration.',
    ];
    const meta = 'all other stuff, images — Tags: graphic design — thebrainbehind @ 15:58';
    const page = `<html><head><title>Budget approved</title></head><body><div class="post"><h1>Budget approved</h1><div>${meta}</div>${story.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    const a = extract(page, { inputFormat: 'html' });
    expect(a.headline).toBe('Budget approved');
    expect(a.paragraphs).toEqual(story);
  });
});

describe("the writer's bio beside a marked byline", () => {
  it('is boilerplate when it opens with the name the byline markup gives, or its surname alone', () => {
    const story = [
      'The city council approved the new budget on Tuesday after a long debate about school funding and road repairs.',
      'Officials said the plan would raise spending on schools by ten percent, while cutting the cost of administration.',
      'Opposition members argued that the increase was not enough to cover the repairs that many schools need this year.',
    ];
    const bio = 'Biggs is the East Coast Editor of the Gazette. Biggs has written for the New York Times and many magazines.';
    const page = `<html><body><article><h1>Council approves the budget</h1><div class="byline">John Biggs</div><p>${bio}</p>${story.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const a = extract(page, { inputFormat: 'html' });
    expect(a.byline).toBe('John Biggs');
    expect(a.paragraphs).toEqual(story);
    expect(a.boilerplate.some((b) => b.text.includes('East Coast Editor'))).toBe(true);
    // A person the article is about is no writer.
    const about = page.replace(bio, 'Smith is the mayor of the town. Smith has led the council for ten years, and he said he was pleased.');
    expect(extract(about, { inputFormat: 'html' }).body).toContain('Smith is the mayor');
  });
});

describe('class hints of blog posts', () => {
  it('a post element\'s taxonomy classes are topic labels, not layout roles', () => {
    const h = new HintCache();
    const post = h.info('post-42 type-post status-publish hentry category-legal tag-footer tag-privacy', undefined)!;
    expect(post.neg).toBe(0);
    expect(post.content).toBe(true);
    const tp = h.info('entry-category-legal_business entry-author-zoe_tillman entry-type-post entry', undefined)!;
    expect(tp.neg).toBe(0);
    // without a post element's classes, the same words keep their meaning
    expect(h.info('site-footer legal', undefined)!.neg).toBe(NEG.legal);
    expect(h.info('post-tags tags', undefined)!.neg).toBe(NEG.navigation);
  });
  it('reads the words of a class or id as the runs of [a-z0-9] once lower-cased, each once, none over 40 characters', () => {
    const h = new HintCache();
    // An alphabet none of the special patterns can be spelled in (post, tag-, -more, author…).
    const unit = fc.constantFrom(...'abcxyzAXZ019-_ #.é'.split(''));
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 60 }).map((u) => u.join('')), fc.option(fc.array(unit, { minLength: 1, maxLength: 20 }).map((u) => u.join('')), { nil: undefined }), (cls, id) => {
        const info = h.info(cls, id);
        const key = `${cls}#${id ?? ''}`.toLowerCase();
        const want = [...new Set(key.split(/[^a-z0-9]+/).filter((w) => w !== '' && w.length <= 40))];
        if (info === null) return false;
        return JSON.stringify(info.words) === JSON.stringify(want);
      }),
    );
    expect(h.info('a'.repeat(41) + ' b', undefined)!.words).toEqual(['b']);
  });
  it('gates each class/id pattern by exactly the literals every match of it holds', () => {
    expect(HINT_GATES.length).toBeGreaterThanOrEqual(5);
    for (const [pattern, gate] of HINT_GATES) expect(gate.source, pattern.source).toBe(requiredLiterals(pattern.source, true)!.map(escapeRegExp).join('|'));
  });
  it('reads each mark alone, in a class or an id (each pattern is tried only on a key holding a word it needs)', () => {
    const h = new HintCache();
    for (const cls of ['hentry', 'type-post', 'status-publish', 'post-42', 'entry-type-video', 'x HENTRY']) expect(h.info(cls, undefined)!.post, cls).toBe(true);
    for (const cls of ['posted', 'entry-typed', 'status']) expect(h.info(cls, undefined)!.post, cls).toBe(false);
    // taxonomy classes twice: topic labels, no words of their own
    expect(h.info('footer-widget category-legal tag-footer', undefined)!.words).toEqual(['footer', 'widget']);
    expect(h.info('footer-widget tag-legal tag-footer', undefined)!.words).toEqual(['footer', 'widget']);
    expect(h.info('footer-widget category-legal category-footer', undefined)!.words).toEqual(['footer', 'widget']);
    // an embedded social post: no hint at all
    for (const cls of ['twitter-tweet', 'instagram-media', 'tiktok-embed', 'fb-post', 'reddit-card', 'bluesky-embed', 'mastodon-embed']) expect(h.info(`${cls} share`, undefined)!.words, cls).toEqual(['share']);
    // the rest of a post after its break, and Blogger's gadget of the posts
    for (const cls of ['entry-more', 'asset-more share']) expect(h.info(cls, undefined)!.content, cls).toBe(true);
    expect(h.info('asset-more share', undefined)!.words).toEqual(['share']);
    expect(h.info('widget Blog', 'Blog1')!.words).toEqual(['blog', 'blog1']);
  });
  it('reads a box about the writer from its two-word class ("about_author", "author-box"), not "author" alone', () => {
    const h = new HintCache();
    for (const cls of ['about_author', 'about-the-author', 'aboutauthor', 'author-box', 'authorbio', 'entry author_bio']) expect(h.info(cls, undefined)!.neg, cls).toBe(NEG.other);
    expect(h.info(undefined, 'about-author')!.neg).toBe(NEG.other);
    // named after its plugin or theme first
    for (const cls of ['authorsure-author-box', 'td-author-box', 'post_about_author']) expect(h.info(cls, undefined)!.neg, cls).toBe(NEG.other);
    // A profile is a page's content as often as a box beside it (a talk page's "About the Speaker").
    for (const cls of ['author', 'byline author', 'author-name', 'author-info', 'authors', 'author-profile', 'coauthor-boxes', 'post-author']) expect(h.info(cls, undefined)!.neg, cls).toBe(0);
  });
  it('two or more taxonomy classes mark a post element, prefixed or not ("s-category-x s-tag-y")', () => {
    const h = new HintCache();
    expect(h.info('content single s-category-news s-tag-notebook-gallery s-tag-rules s-author-none', undefined)!.neg).toBe(0);
    expect(h.info('box category-sidebar tag-widget', undefined)!.neg).toBe(0);
    // one such class alone still means what it says
    expect(h.info('tag-cloud widget', undefined)!.neg).toBe(NEG.other);
    expect(h.info('category-list sidebar', undefined)!.neg).toBe(NEG.other);
  });
  it('reads a compound that ends in "comments" (or another furniture word) as a comment section ("blogComments"), not a word that only holds it', () => {
    const h = new HintCache();
    expect(h.info('blogComments', undefined)!.neg).toBe(NEG.comments);
    expect(h.info('box addcomment', undefined)!.neg).toBe(NEG.comments);
    expect(h.info('documents', undefined)!.neg).toBe(0);
    expect(h.info('comments-section', undefined)!.neg).toBe(NEG.comments);
    // so do other furniture words at a compound's end
    expect(h.info('storyextra', undefined)!.neg).toBe(NEG.other);
    expect(h.info('blogsidebar', undefined)!.neg).toBe(NEG.other);
    expect(h.info('articlefooter', undefined)!.neg).toBe(NEG.legal);
    expect(h.info('inlinenewsletter', undefined)!.neg).toBe(NEG.newsletter);
    expect(h.info('extraordinary', undefined)!.neg).toBe(0);
  });
  it('"nocontent" (kept out of site search) marks a sidebar box, whatever its inner classes say', () => {
    const h = new HintCache();
    expect(h.info('box module nocontent', undefined)!.neg).toBe(NEG.other);
    expect(h.info('robots-nocontent', undefined)!.neg).toBe(NEG.other);
    const summary = 'Gadgetwise is a blog about everything related to buying and using tech products, from which gadget to buy to how to set it up.';
    const html = page('<title>Removing an add-on</title>', `<div id="columns"><div class="post"><h1>Removing an add-on</h1>${prose(3)}</div>
      <div class="box module nocontent"><h4>About this blog</h4><div class="entry"><p class="summary">${summary}</p><p class="summary">${summary}</p></div></div></div>`);
    const a = extract(html, { inputFormat: 'html' });
    expect(a.paragraphs.filter((t) => t.includes('reported'))).toHaveLength(3);
    expect(a.body).not.toContain('Gadgetwise');
  });
  it('"entry-more" is the rest of the post, "more-stories" a related box', () => {
    const h = new HintCache();
    expect(h.info('entry-more', undefined)).toMatchObject({ neg: 0, content: true });
    expect(h.info('post-more', undefined)).toMatchObject({ neg: 0, content: true });
    expect(h.info('asset-more', 'more')).toMatchObject({ neg: 0, content: true });
    expect(h.info('more more-stories', undefined)!.neg).toBe(NEG.other);
  });
  it('a paragraph of the article is no caption of a credit-like line outside the article', () => {
    const html = page('<title>Gunman kills 3</title>', `<div class="story"><h1>Gunman kills 3</h1>${prose(3)}<p>A Taliban spokesman later claimed the officers had surrendered to them, the newspaper said.</p></div>
      <div class="slideshows"><ul><li><a href="/photos">Photos: Nation at a crossroads</a></li></ul></div>`);
    const a = extract(html, { inputFormat: 'html' });
    expect(a.body).toContain('A Taliban spokesman');
    expect(a.captions).toEqual([]);
  });
  it('a blog post ("hentry") in a generic "widget" box is the article, not sidebar furniture', () => {
    const h = new HintCache();
    expect(h.info('post hentry uncustomized-post-template', undefined)!.post).toBe(true);
    expect(h.info('post', undefined)!.post).toBe(false);
    // Blogger: the posts sit in a "widget" like every gadget of the sidebar, and the sidebar's
    // gadgets hold more prose than the post.
    const gadget = (i: number) => `<div class="widget HTML" id="HTML${i}"><h2>About me</h2><p>I write about cooking, gardening and living without toxic chemicals in the house, and I review the products that help with that.</p><p>My book won a silver award in the health category of the independent publishers book awards this year.</p></div>`;
    const html = page('<title>Crunchy: Courvoisier Applesauce</title>', `<div class="main section" id="main"><div class="widget Blog" id="Blog1"><div class="post hentry"><h3 class="post-title entry-title">Courvoisier Applesauce</h3>
      <div class="post-body entry-content">${prose(3)}<div>4 pounds apples, quartered</div><div>scant 1/4 cup sugar</div>${prose(1, 'said')}</div></div></div></div>
      <div class="sidebar section">${[1, 2, 3, 4].map(gadget).join('')}</div>`);
    const a = extract(html, { inputFormat: 'html' });
    expect(a.paragraphs.filter((t) => t.includes('reported'))).toHaveLength(3);
    expect(a.body).toContain('4 pounds apples');
    expect(a.body).not.toContain('silver award');
  });
  it('Blogger\'s posts gadget ("widget Blog") is no generic widget: an old template\'s post of one paragraph is the article, its title the headline', () => {
    const h = new HintCache();
    expect(h.info('widget Blog', 'Blog1')!.neg).toBe(0);
    expect(h.info('widget HTML', 'HTML1')!.neg).toBe(NEG.other);
    expect(h.info('widget BlogArchive', 'BlogArchive1')!.neg).toBe(NEG.other);
    const gadget = (i: number) => `<div class="widget HTML" id="HTML${i}"><h2>Useful links ${i}</h2><ul><li><a href="/a">Help centre</a></li><li><a href="/b">Developer tools</a></li></ul></div>`;
    const post = 'Each week this blog features a recently added gadget that looks promising. If you would like to see all new gadgets as they are published, subscribe to the feed.';
    const html = page('<title>Inside Desktop Tools: Featured gadget: Periodic Table</title>', `<div id="main"><div id="logo"><h1>Inside Desktop Tools</h1></div>
      <div class="widget Blog" id="Blog1"><div class="post uncustomized-post-template"><h3 class="post-title"><a href="/p">Featured gadget: Periodic Table</a></h3><div class="post-body"><p>${post}</p></div></div></div></div>
      <div id="sidebar">${[1, 2, 3].map(gadget).join('')}</div>`);
    const a = extract(html, { inputFormat: 'html' });
    expect(a.headline).toBe('Featured gadget: Periodic Table');
    expect(a.paragraphs).toEqual([post]);
  });
  it('a section\'s front page, a river of teasers (each summary under its linked title), holds no article; a list article\'s reviews under linked names stay', () => {
    const stories = ['Genetic markers that could show who is at risk of dementia have been identified by scientists in the US.', 'Eating more potassium and less salt lowers blood pressure and the risk of stroke, two new studies say.', 'Men going thin on top may be more likely to have heart problems than their friends, researchers in Japan say.', 'Four new cases of a bird flu virus not seen in humans before have been found by the authorities.', 'Drugs that lower cholesterol may prevent one of the commonest forms of blindness, according to a new study.'];
    const river = (summary: (t: string, i: number) => string): string => page('<title>News - Health</title>', `<div class="content"><h1>Health</h1>${stories.map((t, i) => `<h3><a href="/news/${i}">Health story number ${i} in brief</a></h3><p>${summary(t, i)}</p>`).join('')}</div>`);
    const front = extract(river((t) => t), { inputFormat: 'html' });
    expect(front.paragraphs).toEqual([]);
    const navigation = front.boilerplate.filter((b) => b.kind === 'navigation').map((b) => b.text).join('\n');
    for (const t of stories) expect(navigation).toContain(t);
    // a list article: each game's name linked over a review of several sentences
    const review = (t: string, i: number): string => `${t} It is the ${i}th pick of the launch line-up, and the one I kept coming back to on long evenings. The controls take a while to learn, but the reward is a world that feels solid under your hands, and the price is fair for what you get.`;
    expect(extract(river(review), { inputFormat: 'html' }).paragraphs).toHaveLength(stories.length);
    // a round-up post: the writer's own paragraph above the same teasers
    const intro = 'You missed a whole week of posts on the network, but it is not too late: here are the ones I liked best.';
    expect(extract(river((t) => t).replace('<h3>', `<p>${intro}</p><h3>`), { inputFormat: 'html' }).paragraphs).toContain(intro);
    // three teasers are no river: a page may end its article with a few
    expect(extract(river((t) => t).replace(/<h3><a href="\/news\/[34]">.*?<\/a><\/h3>/g, ''), { inputFormat: 'html' }).paragraphs.length).toBeGreaterThan(0);
  });
  it('a river of teasers on a page the markup calls one blog post\'s (<body class="single-post">) is that post\'s round-up', () => {
    const summaries = ['Olivia tries to sum up her experience with an eating disorder.', 'Ine looks at some of the doomsday scenarios on television this week.', 'Katie tells the story of how she beat one habit and found another.', 'Ryan gives an overview of the gamers who make it hard on newcomers.', 'Smashley mocks the top three songs of the season.'];
    const html = (body: string): string => `<html><head><title>This week on the network</title></head><body${body}><div class="content"><h1><a href="/2012/10/icymi">This week on the network</a></h1>${summaries.map((t, i) => `<h3><a href="/post/${i}">Post number ${i} of the week</a></h3><p>${t}</p>`).join('')}</div></body></html>`;
    expect(extract(html(' class="single single-post postid-34569"'), { inputFormat: 'html' }).paragraphs).toEqual(summaries);
    expect(extract(html(' class="home blog"'), { inputFormat: 'html' }).paragraphs).toEqual([]);
  });
  it('the body starts under the headline the markup fixed when the container holds only a few short lines above it', () => {
    const tagline = 'The official source for information about our desktop tools.';
    const html = (above: string): string => page('<title>The Reader gadget | Desktop blog</title>', `<div class="content"><p>${above}</p><h1>The Reader gadget</h1>${prose(3)}</div>`);
    const a = extract(html(tagline), { inputFormat: 'html' });
    expect(a.headline).toBe('The Reader gadget');
    expect(a.body).not.toContain(tagline);
    expect(a.paragraphs).toHaveLength(3);
    // a paragraph above the heading is the article's opening: it stays
    const intro = 'Every time we ship a new feature we hear that the developers do not listen to users, so this post explains, step by step, how a feature is shaped, from the data we gather to the day it ships to everyone.';
    expect(extract(html(intro), { inputFormat: 'html' }).paragraphs).toContain(intro);
  });
  it('an id of just "more" is the anchor "Continue reading" jumps to: the post goes on in it', () => {
    const h = new HintCache();
    expect(h.info(undefined, 'more')).toBeNull();
    expect(h.info('more', 'more')!.neg).toBe(NEG.other);
    // Movable Type: the first paragraph, the extended entry in div#more, then a long comment thread
    // without hints; the extended entry's paragraphs are the body, the thread is not.
    const comment = (n: number) => `<div id="c${n}"><p>I'm curious why you didn't think the drought was relevant here, since it depressed the numbers by an estimated 0.4% this quarter. Is there some reason you don't think that was relevant at all?</p><p>And what about the revisions to last quarter? They changed the picture a lot, in my view, and deserve a mention.</p></div><p class="posted">Posted by: <a href="mailto:x@example.org">reader ${n}</a> at October 28, 2012 0${n}:30 PM</p>`;
    const html = page('<title>Econ blog: Yet another discouraging GDP report</title>', `<div class="content"><h2>October 28, 2012</h2><h3>Yet another discouraging GDP report</h3>
      <p>That's the same title I used to summarize the GDP report released back in July. Doesn't look like there's much need to use any different headline.</p>
      <div id="a002194more"><div id="more">${prose(4)}</div></div><p class="posted">Posted by James Hamilton at October 28, 2012 01:23 PM</p>
      <h2 id="comments">Comments</h2>${[1, 2, 3, 4, 5, 6].map(comment).join('')}</div>`);
    const a = extract(html, { inputFormat: 'html' });
    expect(a.paragraphs.filter((t) => t.includes('reported'))).toHaveLength(4);
    expect(a.body).not.toContain('curious');
  });
});

describe('text of role markup', () => {
  it('is one stretch of the page\'s text, with what stands between its pieces', () => {
    const { blocks } = segmentHtml(page('', `<p class="caption">The mayor at the opening<span class="credit">Jo Doe</span> / <span class="credit">AP</span></p>${prose(4)}`));
    const cap = blocks.find((b) => b.text.startsWith('The mayor'))!;
    expect(cap.credit).toBe('Jo Doe / AP');
    // pieces of one role never glue into a word the page does not have
    const odd = segmentHtml(page('', '<p class="caption"><small><p><span class="byline">the</span>“<small class="By">the</p>')).blocks;
    for (const b of odd) expect(`${b.credit ?? ''}`).not.toBe('thethe');
  });
});

/** Blocks with markup facts, as the HTML segmenter hands them to `assignRoles`: [text, tag, class words, in the main content, furniture flags]. */
function roleBlocks(rows: ReadonlyArray<readonly [string, string, string, boolean, number?]>): { blocks: Block[]; facts: RoleFacts[] } {
  const blocks = rows.map(([text, tag, hints, inMain], i) => {
    const b = newBlock(i, text, i + 1, i === 0 ? 0 : 1);
    b.dom = { tag, hints, linkDensity: 0, inMain };
    return b;
  });
  const facts = rows.map(([text, , , , neg]) => ({
    role: { caption: null, credit: null, byline: null, time: null, figure: null, header: false, headingLevel: 0 },
    creditText: '', bylineText: '', timeText: '', neg: neg ?? 0, words: text.split(' ').length,
  }));
  return { blocks, facts };
}
const LEAD = [
  'The harbour master said on Tuesday that the ferries would resume their crossings once the storm had passed.',
  'Passengers waiting at the harbour were offered hotel rooms, and the ferry company apologised for the delay.',
  'The company said the first ferry would leave at six in the morning and that tickets stayed valid for a week.',
];
const headlineOf = (blocks: readonly Block[]): string | undefined => blocks.find((b) => b.role === 'headline')?.text;

describe('headline from markup', () => {
  it('is the heading that shows og:title when JSON-LD names another headline, whatever its class words say', () => {
    const html = page(`<meta property="og:title" content="Apple's Vision Pro is the Retina display moment for headsets"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Apple's Vision Pro hands-on: the Retina display moment for headsets"}</script>`,
      `<div class="hero"><h1 class="feature-headline sticky-nav-trigger">Apple's Vision Pro is the Retina display moment for headsets</h1>
      <h2 class="feature-dek">I tried the Vision Pro, and just like the introduction of the iPhone 4 over a decade ago, there's no going back from here.</h2></div>
      <div class="article-body">${prose(4)}</div>`);
    const a = extract(html, { inputFormat: 'html' });
    expect(a.headline).toBe("Apple's Vision Pro is the Retina display moment for headsets");
  });
  it('measures nearness from the container\'s first block in the main content, not from furniture it opens with', () => {
    const rows: Array<[string, string, string, boolean]> = [['Recent features', 'h2', 'main panel', false]];
    for (let i = 0; i < 10; i++) rows.push([`Storm teaser story number ${i}`, 'td', 'main latest title', false]);
    for (let i = 0; i < 14; i++) rows.push([`Section ${i}`, 'td', 'main nav', false]);
    rows.push(['Ferries resume crossings after the storm', 'td', 'main story title', true]);
    for (const t of LEAD) rows.push([t, 'p', 'main story body', true]);
    const { blocks, facts } = roleBlocks(rows);
    assignRoles(blocks, facts, emptyMeta(), null, 0);
    expect(headlineOf(blocks)).toBe('Ferries resume crossings after the storm');
  });
  it('looks for the headline above the article\'s first sentence, not below it', () => {
    const rows: Array<[string, string, string, boolean]> = [['Save Email Print', 'td', 'tools', false]];
    for (const t of LEAD) rows.push([t, 'p', 'story text', true]);
    rows.push(['Email del.icio.us Google Yahoo digg', 'td', 'title', false]);
    const { blocks, facts } = roleBlocks(rows);
    assignRoles(blocks, facts, emptyMeta(), null, 1);
    expect(headlineOf(blocks)).toBeUndefined();
  });
  it('takes no byline or time stamp for a headline, whatever title its class names', () => {
    for (const line of ['by Meghann on November 13, 2012', 'October 25th, 2012 by Dan Meyer', 'Friday, April 8, 2011 12:05 PM']) {
      const rows: Array<[string, string, string, boolean]> = [[line, 'p', 'post headline area meta', true]];
      for (const t of LEAD) rows.push([t, 'p', 'story text', true]);
      const { blocks, facts } = roleBlocks(rows);
      assignRoles(blocks, facts, emptyMeta(), null, 0);
      expect(headlineOf(blocks)).toBeUndefined();
    }
  });
  it('cuts the comment count a blog sets in the headline\'s element off the headline', () => {
    const story = LEAD.map((t) => `<p>${t}</p>`).join('');
    const html = page('<title>Coast Blog</title>', `<div class="post"><h1>Ferries resume crossings after the storm <span><a href="#comments">153 Comments</a></span></h1>${story}</div>`);
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('Ferries resume crossings after the storm');
  });
  it('takes no tool link the boilerplate table knows for a headline, whatever title its class names', () => {
    const rows: Array<[string, string, string, boolean]> = [['MAIL THIS STORY', 'td', 'section heading', true], ['PRINT FRIENDLY', 'td', 'section heading', true]];
    for (const t of LEAD) rows.push([t, 'p', 'story text', true]);
    const { blocks, facts } = roleBlocks(rows);
    assignRoles(blocks, facts, emptyMeta(), null, 0);
    expect(headlineOf(blocks)).toBeUndefined();
  });
  it('leaves an h1 below the article that shares no word with its lead to the classifier', () => {
    const rows: Array<[string, string, string, boolean]> = [['Ferries resume crossings', 'p', 'story', true]];
    for (const t of LEAD) rows.push([t, 'p', 'story', true]);
    rows.push(['Photo Gallery', 'h1', 'promo pagetitle', false], ['Concert pictures', 'div', 'promo thumbs', false]);
    const { blocks, facts } = roleBlocks(rows);
    assignRoles(blocks, facts, emptyMeta(), null, 0);
    expect(headlineOf(blocks)).toBeUndefined();
  });
  it('cuts a date marked up as a time, or one beside a line that is otherwise the page\'s headline, off the headline', () => {
    const story = LEAD.map((t) => `<p>${t}</p>`).join('');
    const marked = page('<title>Coast News</title>', `<div class="story"><h1><span class="timestamp">Wednesday, 09 January 2008</span> Ferries resume crossings</h1>${story}</div>`);
    expect(extract(marked, { inputFormat: 'html' }).headline).toBe('Ferries resume crossings');
    const titled = page('<title>Ferries resume crossings - Travel - Coast News</title>', `<div class="story"><h1>Wednesday, 09 January 2008 Ferries resume crossings</h1>${story}</div>`);
    expect(extract(titled, { inputFormat: 'html' }).headline).toBe('Ferries resume crossings');
    // Without markup or a title that vouches for the rest, the line stays whole.
    const bare = page('<title>Coast News</title>', `<div class="story"><h1>Wednesday, 09 January 2008 Ferries resume crossings</h1>${story}</div>`);
    expect(extract(bare, { inputFormat: 'html' }).headline).toBe('Wednesday, 09 January 2008 Ferries resume crossings');
  });
  it('takes the page\'s headline out of the article\'s first block when that block opens with it', () => {
    const rest = LEAD.slice(1).map((t) => `<p>${t}</p>`).join('');
    const html = page('<meta property="og:title" content="Harbour ferries resume crossings">', `<div class="story"><div><span class="date">08/01/2008</span><br><span class="titolo"><strong>Harbour ferries resume crossings</strong></span> <span class="sommario">${LEAD[0]}</span></div>${rest}</div>`);
    const a = extract(html, { inputFormat: 'html' });
    expect(a.headline).toBe('Harbour ferries resume crossings');
    expect(a.paragraphs[0]).toBe(LEAD[0]);
  });
  it('takes a line of the main content equal to a short <title> segment that shares no word with the lead for the headline', () => {
    const story = LEAD.map((t) => `<p>${t}</p>`).join('');
    const html = page('<title>coastnews.com - Travel - Podium for Canuck</title>', `<div class="menu"><a href="/">Home</a></div><div class="story"><h5>Podium for Canuck</h5><h3>Bronze medal picks up slack left by the injured skater</h3>${story}</div>`);
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('Podium for Canuck');
  });
  it('takes no line of an element that names the site or the section for the headline, whatever title segment it equals', () => {
    // The lead shares a word with the label ("sports"): the label test alone does not see it.
    const story = ['The harbour master said on Tuesday that the sports ferries would resume their crossings once the storm had passed.', ...LEAD.slice(1)].map((t) => `<p>${t}</p>`).join('');
    const html = page('<title>coastradio.com - Local Sports Wire</title>', `<div class="top"><h1 id="litSectionName">Local Sports Wire</h1></div><div class="story"><h2>Ferry crossings resume after storm</h2>${story}</div>`);
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('Ferry crossings resume after storm');
  });
  it('ends the headline\'s window at the first block of prose even when its last sentence has no full stop', () => {
    const rows: Array<[string, string, string, boolean]> = [
      ['A perfect song by a band from the coast!. A big thanks to a friend for bringing this to my attention', 'p', 'post storycontent', true],
      ['Comments (0)', 'div', 'post feedback', false],
      ['Leave a comment', 'h2', 'postcomment', false],
    ];
    const { blocks, facts } = roleBlocks(rows);
    assignRoles(blocks, facts, emptyMeta(), null, 0);
    expect(headlineOf(blocks)).toBeUndefined();
  });
  it('takes the metadata headline written out above the article container even under a furniture hint, and only there', () => {
    const meta = { ...emptyMeta(), headline: 'Ferries resume crossings after the storm' };
    const above: Array<[string, string, string, boolean, number?]> = [['Ferries resume crossings after the storm', 'h3', 'latest post posttitle', false, NEG.other]];
    for (let i = 0; i < 3; i++) above.push([`Section ${i}`, 'li', 'nav', false]);
    for (const t of LEAD) above.push([t, 'p', 'sidebar text', true]);
    const a = roleBlocks(above);
    assignRoles(a.blocks, a.facts, meta, null, 4);
    expect(headlineOf(a.blocks)).toBe('Ferries resume crossings after the storm');
    // In a box inside the container (a teaser list below the article), it is a teaser.
    const below: Array<[string, string, string, boolean, number?]> = LEAD.map((t) => [t, 'p', 'story', true]);
    below.push(['Ferries resume crossings after the storm', 'h3', 'story related', false, NEG.other]);
    const b = roleBlocks(below);
    assignRoles(b.blocks, b.facts, meta, null, 0);
    expect(headlineOf(b.blocks)).toBeUndefined();
  });
  it('counts a line of the main content equal to a label-looking <title> segment for little: a title segment it does not share wins', () => {
    const story = LEAD.map((t) => `<p>${t}</p>`).join('');
    const html = page('<title>Ferry crossings resume after the storm: Coast Notes Blog</title>', `<div class="story"><h1>Coast Notes Blog</h1><h3>Ferry crossings resume after the storm</h3>${story}</div>`);
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('Ferry crossings resume after the storm');
  });
  it('keeps a date that is part of the page\'s headline', () => {
    const story = LEAD.map((t) => `<p>${t}</p>`).join('');
    const html = page('<title>What we\'re reading: Thursday, May 23, 2013</title>', `<div class="story"><h1>What we're reading: Thursday, May 23, 2013</h1>${story}</div>`);
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('What we\'re reading: Thursday, May 23, 2013');
  });
  it('fixes an h1 far above the container even when it shares no word with the lead: the classifier then doubts a container far from it', () => {
    const rows: Array<[string, string, string, boolean]> = [['Camera Rumors Daily', 'h1', 'header', false]];
    for (let i = 0; i < 20; i++) rows.push([`Section ${i}`, 'li', 'nav', false]);
    for (const t of LEAD) rows.push([t, 'p', 'sidebar text', true]);
    const { blocks, facts } = roleBlocks(rows);
    assignRoles(blocks, facts, emptyMeta(), null, 21);
    expect(headlineOf(blocks)).toBe('Camera Rumors Daily');
  });
  it('reads class "cap" as caption markup, so a caption below the title does not pass for the headline', () => {
    const story = LEAD.map((t) => `<p>${t}</p>`).join('');
    const html = page('', `<div class="sh">Ferries resume crossings</div><div class="story"><div class="cap">The harbour master at the quay on Tuesday</div>${story}</div>`);
    const { blocks } = segmentHtml(html);
    expect(blocks.find((b) => b.text.startsWith('The harbour master at'))!.role).toBe('caption');
    expect(extract(html, { inputFormat: 'html' }).headline).toBe('Ferries resume crossings');
  });
});

describe('titleKey', () => {
  it('keys ASCII lines (the fast path) exactly as the Unicode reading does', () => {
    const unicode = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    expect(titleKey('Ukraine Rejected Offer to Negotiate, Kremlin Says')).toBe('ukrainerejectedoffertonegotiatekremlinsays');
    expect(titleKey('Kelvin \u212A and İstanbul 2012')).toBe(unicode('Kelvin \u212A and İstanbul 2012'));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aZ09 -_,.|:\t\u00e9\u212A\u0130Ωж'.split('')), maxLength: 40 }), (s) => titleKey(s) === unicode(s)),
      { numRuns: 2000, seed: 7 },
    );
  });
});

describe('a list a body paragraph announces', () => {
  it('joins the container, and its items the body, when a paragraph ending in a colon introduces it', () => {
    const specs = ['It will use the same 24MP DX-format CMOS sensor', 'EXPEED 3 processor (same as in the D3200)', 'ISO range: 100-6,400 (expandable up to 25,600)', 'Vari-angle LCD screen (3", 921k dots)'];
    const related = Array.from({ length: 5 }, (_, i) => `<li><a href="/r${i}">Some fresh camera rumors number ${i}</a></li>`).join('');
    const body = (lead: string): string =>
      page('<title>Camera to be announced next</title>', `<div class="entry-content"><h1>Camera to be announced next</h1>${prose(1)}<p>${lead}</p><ul>${specs.map((t) => `<li>${t}</li>`).join('')}</ul><p>Related posts:</p><ol>${related}</ol></div>`);
    const a = extract(body('The new camera will have slightly different specs than the old one:'), { inputFormat: 'html' });
    expect(a.paragraphs.slice(-specs.length)).toEqual(specs);
    expect(a.body).not.toContain('rumors');
    const b = extract(body('The new camera will have slightly different specs than the old one.'), { inputFormat: 'html' });
    expect(b.paragraphs.filter((p) => specs.includes(p)).length).toBeLessThan(specs.length);
  });
  it('takes a list written as lines of a div parted by line breaks, announced in words ("as follows")', () => {
    const dates = ['SEPTEMBER', '29 Cologne, Live Music Hall (DE)', '30 Prague, Lucerna Music Hall (CZ)', 'OCTOBER', '01 Vienna, Arena (AT)', '02 Munich, Kesselhaus (DE)', '04 Barcelona, Razzmatazz (ES)'];
    const html = page('<title>Band announce a European tour</title>', `<div class="main"><h1>Band announce a European tour</h1>${prose(3)}<div class="text">The band are getting ready to play a handful of shows this week, and have now unveiled plans for dates throughout Europe.<br>The dates are as follows.<br>${dates.join('<br>')}</div></div>`);
    expect(extract(html, { inputFormat: 'html' }).paragraphs.slice(-dates.length)).toEqual(dates);
  });
  it('takes a list written one paragraph per item, announced in words ("the department listed below")', () => {
    const desks = ['Local: metro@example.com or 202.334.7300', 'National: national@example.com or 202.334.7410', 'Business: business@example.com or 202.334.7320', 'Sports: sports@example.com or 202.334.7350'];
    const html = (lead: string): string =>
      page('<title>How to contact the newsroom</title>', `<div class="entry-content"><h1>How to contact the newsroom</h1>${prose(2)}<p>${lead} Please include the full name of your organisation and the name of a person to contact.</p>${desks.map((d) => `<p>${d}</p>`).join('')}</div>`);
    expect(extract(html('News releases should be e-mailed to the appropriate department listed below.'), { inputFormat: 'html' }).paragraphs.slice(-desks.length)).toEqual(desks);
    // a paragraph that announces nothing leaves the lines to the classifier
    expect(extract(html('News releases should be e-mailed to the appropriate department.'), { inputFormat: 'html' }).paragraphs.filter((p) => desks.includes(p)).length).toBeLessThan(desks.length);
    // so does plain text
    const text = ['How to contact the newsroom', '', 'News releases should be e-mailed to the appropriate department listed below. Please include the full name of your organisation and the name of a person to contact.', '', ...desks.flatMap((d) => [d, ''])].join('\n');
    expect(extract(text, { inputFormat: 'text' }).paragraphs.slice(-desks.length)).toEqual(desks);
  });
});

describe('a box among the article\'s paragraphs', () => {
  const fixtures = ['18 Aug: Swansea (h)', '25 Aug: Norwich (a)', '1 Sep: Man City (a)', '15 Sep: Chelsea (h)', '23 Sep: Tottenham (a)', '1 Oct: West Ham (h)', '6 Oct: West Brom (a)', '21 Oct: Everton (h)', '27 Oct: Arsenal (a)', '4 Nov: Reading (h)', '10 Nov: Stoke (a)', '17 Nov: Southampton (h)'];
  const lead = ['The club are considering loaning their midfielder to a lower league side to speed up the serving of his ban.', 'He was suspended after being sent off in the last game of the season and then clashing with two players on his way off.'];
  const box = `<div class="story-feature"><div class="pull-out"><h2>First 12 league games</h2><ul>${fixtures.map((f) => `<li>${f}</li>`).join('')}</ul></div></div>`;
  const body = (between: string): string =>
    page('<title>Club consider loan to speed up ban</title>', `<div class="story-body"><h1>Club consider loan to speed up ban</h1><p>By Mike Writer</p>${lead.map((p) => `<p>${p}</p>`).join('')}${between}${prose(6)}</div>`);
  it('does not cost the paragraphs on its far side their place: they join the body, the box stays out', () => {
    const a = extract(body(box), { inputFormat: 'html' });
    expect(a.paragraphs.slice(0, 2)).toEqual(lead);
    expect(a.body).not.toContain('Swansea');
    expect(a.body).not.toContain('league games');
  });
  it('passes over the line that announces it ("His record stands thus:") to the closing paragraphs', () => {
    const cells = ['1990-1994<br>1994-1999<br>1999-2003', '<a href="/wiki/a">Motherwell</a><br><a href="/wiki/b">Celtic</a><br><a href="/wiki/c">Sheffield Wednesday</a>', '112 (15)<br>89 (16)<br>20 (0)'];
    const table = `<table class="infobox vcard"><tr><th colspan="3">Senior clubs</th></tr><tr><td><strong>Years</strong></td><td><strong>Club</strong></td><td><strong>App (Gls)</strong></td></tr><tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr></table>`;
    const closing = ['The league and the fans alike mourn today the passing of a great footballer, taken from the game so young.', 'Farewell, Phil. Football will be poorer without you.'];
    const html = page('<title>League mourns its captain</title>', `<div class="body"><h1>League mourns its captain</h1>${prose(8)}<p>His record stands thus:</p>${table}${closing.map((c) => `<p>${c}</p>`).join('')}</div><div class="comments"><h2>Comments</h2></div>`);
    const a = extract(html, { inputFormat: 'html' });
    expect(a.paragraphs.slice(-3)).toEqual(['His record stands thus:', ...closing]);
  });
  it('leaves a list the paragraph above it announces to that paragraph', () => {
    const steps = ['Deletion', 'Insertion', 'Replacement', 'Transposition'];
    const list = (items: string[]): string => `<ul>${items.map((s) => `<li>${s}</li>`).join('')}</ul>`;
    const html = page(
      '<title>Edit distance</title>',
      `<div class="entry"><h1>Edit distance</h1>${prose(3)}<p>Edit distance counts the fewest steps that turn one string into another. Allowed steps are:</p>${list(steps)}<p>For instance, the edit distance between health and heart is 2.</p>${list(['Step 0: health', 'Step 1 (Replace l with r): hearth', 'Step 2 (Delete h): heart'])}<p>For another example, the edit distance between heart and horror is 4.</p>${list(['Step 0: heart', 'Step 1 (Replace e with r): hoart', 'Step 2 (Replace a with r): horrt', 'Step 3 (Replace t with o): horro', 'Step 4 (Add r): horror'])}</div>`,
    );
    const a = extract(html, { inputFormat: 'html' });
    expect(a.paragraphs).toContain('For instance, the edit distance between health and heart is 2.');
    expect(a.paragraphs).toEqual(expect.arrayContaining(steps));
  });
});

describe('a list of teasers in markup: linked titles over summaries', () => {
  const teasers = [
    ['Real estate has a record year', 'The resale housing market in the major cities enjoyed a record year for sales and prices, the association said.'],
    ['Hops shortage spurs brewers to reinvent their beers', 'A worldwide shortage of hops is forcing some microbreweries to rewrite the recipes of their best-known beers.'],
    ['Man arrested in deadly hit-and-run', 'A young man has been charged in connection with a hit-and-run in which an elderly man was left to die by the road.'],
    ['Student fights the school\'s piercing ban', 'A culinary school will not let one of its students finish her studies because she refuses to follow its new dress code.'],
  ];
  const box = `<h3>Regional headlines</h3><dl>${teasers.map(([t, d]) => `<dt><a href="/story/${t.length}">${t}</a></dt><dd>${d}</dd>`).join('')}</dl>`;
  it('leaves the summaries out of the body when the page\'s other prose outweighs them', () => {
    const html = page('<title>Premier tours the flooded town</title>', `<div class="story"><h1>Premier tours the flooded town</h1>${prose(8)}${box}</div>`);
    const a = extract(html, { inputFormat: 'html' });
    expect(a.paragraphs.length).toBeGreaterThanOrEqual(8);
    for (const [, d] of teasers) expect(a.body).not.toContain(d);
  });
  it('keeps them when the list is the article (a post listing talks, each title a link over its description)', () => {
    const html = page('<title>Four stories from the region</title>', `<div class="post"><h1>Four stories from the region</h1><p>Here are four stories our readers liked this week, with a line on each of them.</p><dl>${teasers.map(([t, d]) => `<dt><a href="/story/${t.length}">${t}</a></dt><dd>${d}</dd>`).join('')}</dl></div>`);
    const a = extract(html, { inputFormat: 'html' });
    for (const [, d] of teasers) expect(a.body).toContain(d);
  });
});

describe('a page parsed already (cheerio, htmlparser2)', () => {
  const fixtures = fs.readdirSync(path.join(import.meta.dirname, '..', 'fixtures')).filter((d) => d.startsWith('html--'));
  const input = (dir: string): string => {
    const d = path.join(import.meta.dirname, '..', 'fixtures', dir);
    const f = fs.readdirSync(d).find((x) => x.startsWith('input'))!;
    return fs.readFileSync(path.join(d, f), 'utf8');
  };
  it('gives the Article the page source gives, from a cheerio document and from htmlparser2\'s, in both cheerio modes', async () => {
    const cheerio = await import('cheerio');
    const slim = await import('cheerio/slim');
    const { parseDocument } = await import('htmlparser2');
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
    for (const dir of fixtures) {
      const html = input(dir);
      const want = extract(html, { inputFormat: 'html' });
      const same = (a: ReturnType<typeof extract>): unknown => ({ ...a, source: { ...a.source, bytes: want.source.bytes } });
      expect(same(extract(slim.load(html))), dir).toEqual(want);
      expect(same(extract(parseDocument(html))), dir).toEqual(want);
      // parse5 (cheerio's default mode) builds its own tree: the same article, give or take its
      // repairs of broken markup (a page with no article text gives none either way).
      expect(extract(cheerio.load(html)).paragraphs.length > 0, dir).toBe(want.paragraphs.length > 0);
      expect(extract(cheerio.load(html)).headline, dir).toBe(want.headline);
    }
  });
  it('reads the first of two attributes of one name, as the parser keeps it, from the source and from a tree', async () => {
    const { parseDocument } = await import('htmlparser2');
    const story = 'The council approved the new budget on Tuesday after a long debate about school funding and road repairs in the city.';
    const html = page(
      '<meta property="og:title" property="og:description" content="Budget passes after long debate" content="Something else">',
      `<h1>Budget passes after long debate</h1><p style="display:none" style="color:red">Hidden draft text that no reader sees on the page.</p><p>${story}</p>` +
        `<div class="article-body" class="footer"><p>${story.replace('council', 'board')}</p></div><p><a href="/x" href="">Teaser link</a> text</p>`,
    );
    const a = extract(html, { inputFormat: 'html' });
    expect(a.headline).toBe('Budget passes after long debate');
    expect(JSON.stringify(a)).not.toContain('Hidden draft');
    expect(a.paragraphs).toContain(story.replace('council', 'board'));
    const b = extract(parseDocument(html));
    expect({ ...b, source: a.source }).toEqual(a);
    const { blocks, meta } = segmentHtml(html);
    expect(meta.headline).toBe('Budget passes after long debate');
    expect(blocks.find((x) => x.text.startsWith('Teaser'))!.dom!.linkDensity).toBeGreaterThan(0.5);
  });
  it('reads a parsed page as HTML whatever inputFormat says, reports 0 bytes, and refuses what is no page', async () => {
    const slim = await import('cheerio/slim');
    const html = input('html--seed-moscow-times');
    const a = extract(slim.load(html), { inputFormat: 'text', name: 'seed' });
    expect(a.source).toEqual({ name: 'seed', inputFormat: 'html', bytes: 0 });
    expect(a.headline).toBe(extract(html).headline);
    // One element of the page: read as a page holding only it.
    const $ = slim.load(html);
    expect(extract($('body')[0]!).paragraphs).toEqual(extract(html).paragraphs);
    expect(() => extract(42 as unknown as string)).toThrow(TypeError);
    expect(() => extract({} as unknown as string)).toThrow(TypeError);
  });
});

describe('a body made only of furniture', () => {
  const story = 'The city council met on Tuesday evening and voted to keep the library open on Sundays through the winter, after residents asked for longer hours.';
  it('is no body when the page has no article text and its only prose is a footer line', () => {
    const a = extract(`<html><body><h1>Photos of the winter market</h1><div class="gallery"><img src="a.jpg"></div><div class="footer"><p>${story}</p></div></body></html>`, { inputFormat: 'html' });
    expect(a.paragraphs).toEqual([]);
    expect(a.boilerplate.map((b) => b.kind)).toContain('legal');
  });
  it('stays the body under words a short story\'s own element carries (comments settings, a gallery)', () => {
    for (const cls of ['newcomments disablecomments', 'post page gallery']) {
      const a = extract(`<html><body class="${cls}"><h1>Library stays open on Sundays</h1><p>${story}</p></body></html>`, { inputFormat: 'html' });
      expect(a.paragraphs, cls).toEqual([story]);
    }
  });
  it('stays the body when it is longer than a furniture line', () => {
    const long = Array(5).fill(story).join(' ');
    const a = extract(`<html><body><h1>Photos of the winter market</h1><div class="footer"><p>${long}</p></div></body></html>`, { inputFormat: 'html' });
    expect(a.paragraphs).toEqual([long]);
  });
});

describe('a comment thread in the markup', () => {
  const story = 'The city council met on Tuesday evening and voted to keep the library open on Sundays through the winter, after residents asked for longer hours.';
  const more = 'The vote was close, and the mayor said the money would come from the parks budget, which had grown faster than expected this year.';
  const reader = 'Great news for our family, we go there every weekend and the kids love the reading room.';
  const reader2 = 'About time! The council should also look at the opening hours on public holidays next year.';
  const thread = `<div class="comments"><h3>2 comments</h3><div class="comment"><p>${reader}</p></div><div class="comment"><p>${reader2}</p></div></div>`;
  it('is the readers\', not the body, below the headline', () => {
    const a = extract(`<html><body><h1>Library stays open on Sundays</h1><div class="entry"><p>${story}</p><p>${more}</p></div>${thread}</body></html>`, { inputFormat: 'html' });
    expect(a.paragraphs).toEqual([story, more]);
    const comments = a.boilerplate.filter((b) => b.kind === 'comments').map((b) => b.text).join('\n');
    expect(comments).toContain(reader);
    expect(comments).toContain(reader2);
  });
  it('is the readers\' even when the post above it has no prose of its own', () => {
    const a = extract(`<html><body><h1>Library stays open on Sundays</h1><div class="entry"><img src="a.jpg"></div>${thread}</body></html>`, { inputFormat: 'html' });
    expect(a.paragraphs).toEqual([]);
  });
  it('leaves the article alone when a comments word names its wrapper, thread and all', () => {
    const a = extract(`<html><body><h1>Library stays open on Sundays</h1><div class="post comments-open"><p>${story}</p><p>${more}</p>${thread}</div></body></html>`, { inputFormat: 'html' });
    expect(a.paragraphs).toEqual([story, more]);
  });
});

describe('a comment thread on a page whose headline no markup fixes', () => {
  it('is the readers\', not the body, when it holds all the page\'s prose (a video tutorial\'s page)', () => {
    const readers = [
      'Thanks for this tutorial, it helped me a lot with my own project and the lighting looks great.',
      'How did you save the project file at the end? I tried it twice and it did not work for me.',
      'The second part of the video is the best one, I learned more here than in a whole course.',
    ];
    const html = `<html><head><title>Video Tutorials</title></head><body><div class="player">Alien Surface</div><div class="comments_container"><div class="comments_displayed">${readers.map((r, i) => `<div class="item"><div class="name">Reader ${i + 1}</div><div class="text">${r}</div></div>`).join('')}</div></div></body></html>`;
    const a = extract(html, { inputFormat: 'html' });
    expect(a.paragraphs).toEqual([]);
    expect(a.boilerplate.filter((b) => b.kind === 'comments').map((b) => b.text).join('\n')).toContain(readers[0]);
  });
});

describe('a post of one short line', () => {
  it('is the line under the headline the markup fixed, not the blog\'s tagline above it', () => {
    const html = '<html><head><title>Pizza Commercial: The Greatest of All Time | Geek News</title></head><body><div class="branding"><div class="site-title">Geek News</div><h2 class="site-description">tech, science, news and social issues for geeks</h2></div><ul class="menu"><li><a href="/">Home</a></li><li><a href="/c">Comics</a></li></ul><div class="post hentry"><h1 class="entry-title">Pizza Commercial: The Greatest of All Time</h1><div class="entry-content"><iframe src="v"></iframe><p>Wow… just wow.</p></div></div></body></html>';
    const a = extract(html, { inputFormat: 'html' });
    expect(a.headline).toBe('Pizza Commercial: The Greatest of All Time');
    expect(a.paragraphs).toEqual(['Wow… just wow.']);
  });
});

describe('a writer\'s bio in the markup', () => {
  const bio = 'Born in 1975, she grew up in a small town by the sea and studied history before she joined the paper as a night reporter in the city.';
  it('is no body above the post, when the post holds no prose of its own', () => {
    const a = extract(`<html><body><div id="profile"><div class="extendedBio"><p>${bio}</p></div></div><div class="post"><h1>Library stays open on Sundays</h1><img src="a.jpg"></div></body></html>`, { inputFormat: 'html' });
    expect(a.paragraphs).toEqual([]);
  });
  it('leaves alone a page\'s wrapper named "bio" that holds the whole story (a page about a person)', () => {
    const story = ['She was born in a small town by the sea in 1931 and learned to sail before she could read, her father said.', 'At twenty she crossed the Atlantic alone in a boat she had built herself over three winters in a shed behind the harbour.', 'Later she taught navigation at the naval school for thirty years, and wrote four books about the weather at sea.'];
    const a = extract(`<html><head><title>Anna Berg, sailor</title></head><body><div id="bio"><h1>Anna Berg, sailor</h1>${story.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`, { inputFormat: 'html' });
    expect(a.paragraphs).toEqual(story);
  });
});

describe('a short blog post above a denser sidebar', () => {
  it('is the article when its title stands in the post\'s element (hentry)', () => {
    const blurb = 'Our shop sells hand printed shirts and tanks in fine jersey, made to order in small runs by a studio in the north of the city. Every piece is cut and sewn by hand, and we ship worldwide within a week of your order.';
    const html = `<html><head><title>Style Notes: Stud Love</title></head><body><div id="main"><div class="entry-type-post entry hentry"><h3 class="entry-header">Stud Love</h3><div class="entry-content"><p>I heart you so much.</p><img src="a.jpg"><p>Queen Michelle</p></div><div class="entry-footer"><a href="/c">Comments (2)</a></div></div></div>${'<div class="spacer"><p>-</p></div>'.repeat(4)}<div id="gamma"><div class="module"><h2>Royal Tank</h2><ul><li>${blurb}</li></ul></div></div></body></html>`;
    const a = extract(html, { inputFormat: 'html' });
    expect(a.body).toContain('I heart you so much.');
    expect(a.body).not.toContain('hand printed');
  });
});

describe('a blog post\'s title in its heading', () => {
  const page = (title: string, heading: string): string =>
    `<html><head><title>${title}</title></head><body><h1 class="blog-title">Kingdom Of Style</h1><div class="post hentry"><h3 class="entry-header">${heading}</h3><div class="entry-content"><p>We went to the shows this week and these are the shoes we loved most, from the first day to the last one.</p><p>More pictures follow tomorrow, with the dresses and the bags we saw on the way out of the tents.</p></div></div></body></html>`;
  it('is the headline when the <title> adds the blog\'s name, even in two words', () => {
    expect(extract(page('Kingdom Of Style: Stud Love', 'Stud Love'), { inputFormat: 'html' }).headline).toBe('Stud Love');
  });
  it('is the headline even in one word', () => {
    expect(extract(page('The Style Scout - London Street Fashion: LFW...', 'LFW...'), { inputFormat: 'html' }).headline).toBe('LFW...');
  });
});
