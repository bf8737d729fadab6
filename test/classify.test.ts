/**
 * Unit tests per stage of the plain-text pipeline: segmentation, language, features, the
 * context-free rules, the revision from neighbours (appeals, body span, comments, gaps) and the
 * headline/credit assignment. Each builds small documents by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Block } from '../src/article.js';
import { segmentText, normalizeSpace } from '../src/segment/text.js';
import { detectLanguage } from '../src/classify/language.js';
import { blockFeatures } from '../src/classify/features.js';
import { applyRules, proseScore, type Verdicts, type Work } from '../src/classify/rules.js';
import { announcedLists, articleEnd, assignRoles, bestSingleBlock, bestSpan, commentSectionStart, extendSpan, markFolded, markStampLines, spanAppeals, spanValue } from '../src/classify/revise.js';
import { assignMeta, doubled, mayBeGlued, NODE_GLUE, residueCut, toolTail } from '../src/classify/headline.js';
import fc from 'fast-check';
import { classifyDocument, danglingHeadings, listProse, wholeParagraphs } from '../src/classify/index.js';
import { assemble } from '../src/assemble.js';
import { commentCountTail } from '../src/patterns/comments.js';

const PROSE = [
  'The city council approved the new budget on Tuesday after a long debate about school funding and road repairs.',
  'Officials said the plan would raise spending on schools by ten percent, while cutting the cost of administration.',
  'Opposition members argued that the increase was not enough to cover the repairs that many schools need this year.',
  'The mayor said he would sign the budget into law by the end of the week, and thanked the council for its work.',
];

/** Blocks and their context-free analysis for a plain-text document. */
function analyse(text: string): { blocks: Block[]; work: Work[] } {
  const blocks = segmentText(text);
  const lang = detectLanguage(blocks.map((b) => b.text));
  const feats = blocks.map((b) => blockFeatures(b, lang));
  const ratios = feats.filter((f) => f.words >= 12).map((f) => f.stopRatio).sort((a, b) => a - b);
  const docStop = ratios[Math.floor(ratios.length / 2)] ?? Number.NaN;
  return { blocks, work: blocks.map((b, i) => applyRules(b, feats[i]!, docStop)) };
}

/** The headline the classifier picks in a plain-text document. */
/** A plain-text document's blocks, labelled (balanced). */
function labelled(text: string): Block[] {
  const { blocks } = analyse(text);
  classifyDocument(blocks, { favor: 'balanced', inputFormat: 'text', meta: null });
  return blocks;
}

function headlineOf(text: string): string | undefined {
  return labelled(text).find((b) => b.role === 'headline')?.text;
}

describe('segment: text', () => {
  it('makes one block per non-blank line, with line numbers and blank-line gaps', () => {
    const blocks = segmentText('Title\r\n\r\n\r\nFirst  line\u00a0here\nSecond\n');
    expect(blocks.map((b) => [b.text, b.line, b.gapBefore])).toEqual([
      ['Title', 1, 0],
      ['First line here', 4, 2],
      ['Second', 5, 0],
    ]);
  });
  it('normalises Unicode spaces', () => {
    expect(normalizeSpace('\u2003a\u200b b\u3000 ')).toBe('a b');
  });
  it('lays out a text browser\'s page apart from the link list it appends ("References"), which stays furniture', () => {
    const wrapAt = (t: string, w: number): string[] => t.split(' ').reduce<string[]>((ls, word) => {
      const last = ls[ls.length - 1];
      if (last !== undefined && last.length + 1 + word.length <= w) ls[ls.length - 1] = `${last} ${word}`;
      else ls.push(word);
      return ls;
    }, []);
    const refs = ['References', '', '   Visible links:', ...Array.from({ length: 40 }, (_, i) => `  ${i + 1}. http://example.com/news/world/article-number-${i}-about-the-council-and-its-budget-for-the-year.html?ref=nav${'&x=1'.repeat(i % 7)}`), "  41. javascript:commonPopup('/info/privacy', 540, 525, 1, 'bottomNav')"];
    const page = ['   [1]Home [2]News', '', ...PROSE.flatMap((p) => [...wrapAt(p, 72).map((l) => `   ${l}`), '']), ...refs].join('\n');
    const blocks = labelled(page);
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE);
    expect(blocks.some((b) => b.text === 'Home News')).toBe(true);
    expect(blocks.filter((b) => b.text.includes('example.com/news')).every((b) => b.role === 'boilerplate')).toBe(true);
    // the list is set apart: one block per line, each after a gap, never laid out with the page
    const listed = segmentText(page).filter((b) => /^\d+\. /.test(b.text));
    expect(listed).toHaveLength(41);
    expect(listed.every((b) => b.gapBefore === 1)).toBe(true);
  });
  it('joins the text nodes of a text without any blank line (a parser\'s get_text) where a line continues the one before', () => {
    const nodes = ['Home', 'News', 'Council backs budget', 'Topics like', 'mapping', ',', 'security', ', command', 'line tools, and', 'open source', 'are', 'all concepts that should be made more accessible.', 'Photography was my lucky way of seeing the world', '.', 'Contact'];
    expect(segmentText(nodes.join('\n')).map((b) => b.text)).toEqual([
      'Home',
      'News',
      'Council backs budget',
      'Topics like mapping, security, command line tools, and open source are all concepts that should be made more accessible.',
      'Photography was my lucky way of seeing the world.',
      'Contact',
    ]);
    // with a blank line anywhere, lines are what they are
    const spaced = segmentText(['Title', '', ...nodes].join('\n'));
    expect(spaced.map((b) => b.text)).toEqual(['Title', ...nodes]);
  });
  it("joins lines the page's source broke off mid-sentence (get_text(), textContent), but not a tag cloud, a headline's byline or one odd pair", () => {
    const source = [
      'Court seems to back Indiana voter ID law',
      'by MARK SHERMAN',
      'WASHINGTON (AP) — The Supreme Court appeared ready Wednesday to uphold the',
      "nation's strictest requirement that voters show photo",
      'identification before casting a ballot.',
      'The justices are faced with a partisan dispute that echoes',
      'the bitterly divided decision that sealed the 2000',
      'presidential election for George W. Bush.',
      'world workers work women wins win welcome war visit violence',
      'twenty20 tv troops trade tour title ties test terror tennis',
      'talks school project',
    ];
    expect(segmentText(source.join('\n')).map((b) => b.text)).toEqual([
      'Court seems to back Indiana voter ID law',
      'by MARK SHERMAN',
      "WASHINGTON (AP) — The Supreme Court appeared ready Wednesday to uphold the nation's strictest requirement that voters show photo identification before casting a ballot.",
      'The justices are faced with a partisan dispute that echoes the bitterly divided decision that sealed the 2000 presidential election for George W. Bush.',
      'world workers work women wins win welcome war visit violence',
      'twenty20 tv troops trade tour title ties test terror tennis',
      'talks school project',
    ]);
    // a page's text with fewer such pairs is read line for line: a heading over a lower-case label
    const pair = [
      'Search for coach expands',
      'people and celebrities',
      'The coach said on Tuesday that the search had widened to candidates from other conferences, and that a decision would come within weeks.',
      'Two assistants are also leaving the program at the end of the season.',
      'Sign up for our sports newsletter',
      'privacy policy and terms',
    ];
    expect(segmentText(pair.join('\n')).map((b) => b.text)).toEqual(pair);
  });
  it("cuts a minified page's text nodes glued on one line (textContent) at the glued sentence ends, but keeps a row of glued links, markup and addresses whole", () => {
    const menu = 'HomeNewsSportsWeatherBusinessOpinionContact Us';
    const paras = [
      'The council approved the budget on Tuesday after a long debate about the schools and the roads.',
      'Officials said the plan would raise spending on schools by ten percent, while cutting the cost of administration at the town hall.',
      'Opposition members argued that the increase was not enough to cover the repairs that many schools need this year, and said so loudly.',
      'The mayor said the vote showed that the town could still agree on what matters most to the families who live here (and those who visit).',
      'A final reading of the budget is due next month, when the council also meets to discuss the new library on the square.',
      'Residents can read the full plan at the library or online, and the council will hold a public meeting about it in the spring.',
      'The order form is at http://example.com/ProductDetails.asp?ProductCode=4-mint and the shop opens at nine every morning.',
      'Readers who write to the council should expect an answer within a month, the clerk said in a statement on Wednesday.',
    ];
    const related = 'Fire closes the bridge roadLocal team wins the cupMayor opens the new parkRead more stories from the valley.';
    const line = menu + paras.join('') + related + 'More headlinesStorm hits the coastSchools close earlyBand plays tonight.';
    expect(line.length).toBeGreaterThan(1000);
    expect(segmentText(['Town news', '', line].join('\n')).map((b) => b.text)).toEqual([
      'Town news',
      menu + paras[0],
      ...paras.slice(1),
      related + 'More headlinesStorm hits the coastSchools close earlyBand plays tonight.',
    ]);
    // prose with a space after each stop, a short line, markup shown as text: each stays one line
    const spaced = paras.join(' ') + ' ' + paras.join(' ');
    expect(segmentText(spaced).map((b) => b.text)).toEqual([spaced]);
    const short = paras.slice(0, 5).join('');
    expect(short.length).toBeLessThan(1000);
    expect(segmentText(short).map((b) => b.text)).toEqual([short]);
    const markup = paras.map((p) => `<p class="story">${p}</p>`).join('') + paras.map((p) => `<li>${p}</li>`).join('');
    expect(markup.length).toBeGreaterThan(1000);
    expect(segmentText(markup).map((b) => b.text)).toEqual([markup]);
    // a comment form's few tags in a page's text are no markup
    const form = 'You can use these HTML tags: <a href="" title=""> <b> <em> <i> <q cite="">';
    expect(segmentText(paras.join('') + paras.join('') + form).map((b) => b.text)).toEqual([...paras, ...paras, form]);
  });
  it('joins a capitalised link text a sentence runs through, but not a commenter\'s name between "by" and "on"', () => {
    const nodes = ['Home', 'Deals', 'This is the very first time the new lens is in stock via', 'Norman Camera on Amazon (Click here)', '. Only two of them are left in stock, and the', 'Olympus', 'kit is sold out.', 'Read the full hands-on', 'Review', ', then decide.',
      'Great deal, thanks for the news!', 'by', 'Athletix Man', 'on', 'Aug 8, 2012 5:21 PM', 'I was looking for that too', 'by', 'Pop Locktapus', 'on', 'Aug 8, 2012 5:23 PM', 'Contact'];
    expect(segmentText(nodes.join('\n')).map((b) => b.text)).toEqual([
      'Home',
      'Deals',
      'This is the very first time the new lens is in stock via Norman Camera on Amazon (Click here). Only two of them are left in stock, and the Olympus kit is sold out.',
      'Read the full hands-on Review, then decide.',
      'Great deal, thanks for the news! by',
      'Athletix Man on',
      'Aug 8, 2012 5:21 PM',
      'I was looking for that too by',
      'Pop Locktapus on',
      'Aug 8, 2012 5:23 PM',
      'Contact',
    ]);
  });
});

describe('glued text nodes', () => {
  it('mayBeGlued is false only for a line NODE_GLUE finds no glue point in, and answers as it does for ASCII lines', () => {
    const glued = (s: string): boolean => [...s.matchAll(NODE_GLUE)].length > 0;
    const check = (s: string): void => {
      if (glued(s)) expect(mayBeGlued(s), s).toBe(true);
      if (!/[^\x00-\x7f]/.test(s)) expect(mayBeGlued(s), s).toBe(glued(s));
    };
    const chars = ['a', 'z', 'A', 'Z', 'q', 'M', '0', '9', '5', '.', '!', '?', ')', "'", '"', ' ', ',', '-', '(', ':', '@', '[', '`', '{', '/', 'É', 'é', '’', 'Ω', 'ω'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), (parts) => check(parts.join(''))),
      { numRuns: 5000, seed: 30 },
    );
    for (const s of ['Jewell close to striker move17:20, Jan 1 2008', 'December 31, 2007Camilla', 'end.Next', 'said)Then', "it's'A", 'no glue here', '06:55 and 2.5', 'iPhone', 'x)9']) check(s);
    expect(mayBeGlued('Jewell close to striker move17:20')).toBe(true);
    expect(mayBeGlued('A title of words')).toBe(false);
  });
});

describe('language', () => {
  it('detects English, French, German and Russian prose and loads their stoplists', () => {
    expect(detectLanguage(PROSE).code).toBe('en');
    expect(detectLanguage(PROSE).stopSource).toBe('stoplist');
    expect(detectLanguage(['Le conseil municipal a approuvé le nouveau budget mardi après un long débat sur le financement des écoles et la réparation des routes.']).code).toBe('fr');
    expect(detectLanguage(['Der Stadtrat hat am Dienstag nach einer langen Debatte über die Finanzierung der Schulen und die Reparatur der Straßen den neuen Haushalt beschlossen.']).code).toBe('de');
    expect(detectLanguage(['Городской совет во вторник утвердил новый бюджет после долгих дебатов о финансировании школ и ремонте дорог в нашем городе.']).code).toBe('ru');
  });
  it('has no word stoplist for text written without spaces', () => {
    const ja = detectLanguage(['市議会は火曜日、学校の資金と道路の修理について長い議論の末、新しい予算を承認した。市長は週末までに署名すると述べた。']);
    expect(ja.stopwords).toBeNull();
  });
  it('falls back to the document’s own frequent short words for unknown languages', () => {
    const lorem = Array.from({ length: 6 }, () => 'Lorem ipsum dolor sit amet, et in ut consectetur adipiscing elit, sed do eiusmod tempor et in ut labore.');
    const info = detectLanguage(lorem);
    if (info.stopSource === 'document') expect(info.stopwords!.has('et')).toBe(true);
    else expect(info.stopwords).not.toBeNull();
  });
});

describe('features and the context-free score', () => {
  it('scores prose above furniture', () => {
    const { work } = analyse(['Home', 'Share this article', ...PROSE].join('\n'));
    const [home, share, prose] = [work[0]!, work[1]!, work[2]!];
    expect(prose.f.endsSentence).toBe(true);
    expect(prose.score).toBeGreaterThan(2);
    expect(home.score).toBeLessThan(0);
    expect(share.boiler?.row.kind).toBe('share');
  });
  it('proseScore explains itself', () => {
    const why: string[] = [];
    proseScore({ length: 20, words: 4, stopRatio: 0, endsSentence: false, sentences: 0, titleRatio: 1, letterRatio: 0.9, bullet: false, allCaps: false }, 0.4, why);
    expect(why.join(' ')).toMatch(/length 20/);
    expect(why.join(' ')).toMatch(/title case/);
  });
  it('reads a paragraph\'s length of title-case words without a full stop as a run of labels (a form\'s options written inline)', () => {
    const options = 'Select Movie 27 Dresses 30 Days Of Night 3:10 To Yuma Across The Universe Aliens Vs. Predator: Requiem Alvin And The Chipmunks American Gangster Atonement Bee Movie Beowulf Charlie Wilson\'s War Cloverfield Enchanted Fred Claus Into The Wild Juno Lions For Lambs National Treasure: Book Of Secrets No Country For Old Men';
    const running = 'the council met again on Tuesday and the members went through the budget line by line, with the mayor and her staff answering questions about the cost of the new library roof and the plans for the evening hours of the branches in the north';
    const { work } = analyse([options, running].join('\n'));
    expect(work[0]!.f.length).toBeGreaterThanOrEqual(250);
    expect(work[0]!.score).toBeLessThan(0);
    expect(work[1]!.score).toBeGreaterThan(2);
    const why: string[] = [];
    proseScore(work[0]!.f, 0.4, why);
    expect(why.join(' ')).toMatch(/a long line in title case/);
  });
  it('marks down a line of link or ad texts glued together at capitals, not brands or identifiers in prose', () => {
    const ads = 'Put your business in overdrive with the fiber optics from Bright HouseGartner Magic Quadrant: Wired and Wireless LAN Access InfrastructureSupport Remote Users Easily with a free trialJust released: the guide to cloud ComputingSimple steps for your office. Get the whitepaper today.';
    const brand = 'The company said its SharePoint servers were patched on Tuesday, and that customers who run SharePoint on their own machines should install the SharePoint update before the end of the month, along with fixes for other products.';
    const code = 'Introduced a new advanced preference, browser.urlbar.imeCompositionClosesPanel, to keep the results panel open during composition, which gives a better experience for keyboard layouts that do not open a picker panel of their own.';
    const { work } = analyse([ads, brand, code].join('\n\n'));
    const glued = (w: Work): boolean => w.why.some((r) => r.includes('glued together'));
    expect(work.map(glued)).toEqual([true, false, false]);
    expect(work[0]!.why.find((r) => r.includes('glued'))).toBe('4 link texts glued together (-2)');
  });
  it('matches a line the document repeats once, and reads its copies as the line', () => {
    const text = ['Share this article', 'Photo: Reuters', 'By Jane Doe', ...PROSE, 'Share this article', 'Photo: Reuters', 'By Jane Doe', PROSE[0]!].join('\n');
    const blocks = segmentText(text);
    const lang = detectLanguage(blocks.map((b) => b.text));
    const feats = blocks.map((b) => blockFeatures(b, lang));
    const seen = new Map<string, Verdicts>();
    const shared = blocks.map((b, i) => applyRules(b, feats[i]!, 0.4, false, undefined, seen));
    const alone = blocks.map((b, i) => applyRules(b, feats[i]!, 0.4));
    expect(seen.size).toBe(7);
    const show = (w: Work): unknown => ({ ...w, boiler: w.boiler?.row.id, media: w.media?.row.id, meta: w.meta?.row.id, at: [w.boiler?.match.index, w.media?.match[0], w.meta?.match[0]] });
    expect(shared.map(show)).toEqual(alone.map(show));
    expect(shared[7]!.boiler).toBe(shared[0]!.boiler);
    expect(shared.slice(0, 3).map((w) => [w.boiler?.row.kind, w.media?.row.kind, w.meta?.row.kind])).toEqual([['share', undefined, undefined], [undefined, 'photoCredit', undefined], [undefined, undefined, 'byline']]);
  });
});

describe('revise', () => {
  it('joins the paragraphs between two lines of one appeal', () => {
    const { work } = analyse(['… we have a small favor to ask.', 'As you may know, our newsroom has been branded a foreign agent.', 'Your support, no matter how small, makes a world of difference.'].join('\n'));
    spanAppeals(work);
    expect(work[1]!.fill).toBe('support-appeal');
  });
  it('gives the lines of one <p> parted by <br> one fate: body when half its text is, but for lines a pattern claims', () => {
    const changelog = ['+ Added Slime Block', '+ Added Iron Trapdoor', '+ Villagers will harvest crops and plant new ones, and they now trade with players who bring them food', '+ Player skins can now have double layers across the whole model', 'Share this'];
    const footer = ['Posted by Jane at 10:12 AM', 'Labels: minecraft, updates', 'A line the span took in by mistake'];
    const { work } = analyse([...changelog, ...footer].join('\n'));
    work.forEach((w, i) => {
      w.block.dom = { tag: 'p', hints: '', linkDensity: 0, inMain: true, lineOf: i < changelog.length ? 0 : changelog.length };
      w.block.role = i === 2 || i === 3 || i === 7 ? 'body' : 'boilerplate';
      if (w.block.role === 'boilerplate') w.block.kind = 'other';
    });
    wholeParagraphs(work);
    // the changelog: its long lines are body, so are its short ones; the share row stays
    expect(work.slice(0, 4).every((w) => w.block.role === 'body')).toBe(true);
    expect(work[4]!.block.role).toBe('boilerplate');
    expect(work[4]!.boiler).not.toBeNull();
    // the footer: one short line of body in three is no paragraph of the article
    expect(work.slice(5, 7).every((w) => w.block.role === 'boilerplate')).toBe(true);
  });
  it('leaves out markup headings that end the body with nothing of it under them; a section heading, a sentence in a heading tag and the last body line stay', () => {
    const lines = [PROSE[0]!, 'What comes next', PROSE[1]!, 'The talks resume on Friday, when both sides sign.', 'Car Comparisons', 'Photos of the week'];
    const { work } = analyse(lines.join('\n\n'));
    const tags = ['p', 'h2', 'p', 'h3', 'h1', 'h2'];
    work.forEach((w, i) => {
      w.block.dom = { tag: tags[i]!, hints: '', linkDensity: 0, inMain: true };
      w.block.role = 'body';
    });
    danglingHeadings(work);
    expect(work.map((w) => w.block.role)).toEqual(['body', 'body', 'body', 'body', 'boilerplate', 'boilerplate']);
    // a body of headings alone keeps its last
    const only = analyse(['Car Comparisons', 'Photos of the week'].join('\n\n')).work;
    only.forEach((w) => {
      w.block.dom = { tag: 'h2', hints: '', linkDensity: 0, inMain: true };
      w.block.role = 'body';
    });
    danglingHeadings(only);
    expect(only.map((w) => w.block.role)).toEqual(['body', 'boilerplate']);
    // text lines carry no tag: never headings here
    const text = analyse(lines.join('\n\n')).work;
    for (const w of text) w.block.role = 'body';
    danglingHeadings(text);
    expect(text.every((w) => w.block.role === 'body')).toBe(true);
  });
  it("takes the list a body paragraph announces, written one <p> per item, when no main container was found (the markup's lines read as text's)", () => {
    const names = ['Brian Edwards (Wake Forest University)', 'Matt Allen (Creighton University)', 'Shea Salinas (Furman University)'];
    const { work } = analyse([...PROSE.slice(0, 2), 'Below is the list of players who have been invited to the combine:', ...names].join('\n'));
    for (const w of work) w.block.dom = { tag: 'p', hints: '', linkDensity: 0 };
    const { span, items } = announcedLists(work, { start: 0, end: 2 });
    expect(span).toEqual({ start: 0, end: 5 });
    expect([...items]).toEqual([3, 4, 5]);
    // a table's rows are what a line announces too ("His record stands thus:")
    const table = analyse([...PROSE.slice(0, 2), 'His record stands thus:', 'Years Club Apps', '1990-1994 Motherwell 112', '1994-1999 Celtic 89'].join('\n'));
    table.work.forEach((w, i) => (w.block.dom = { tag: i < 3 ? 'p' : 'tr', hints: '', linkDensity: 0, inMain: true }));
    expect(announcedLists(table.work, { start: 0, end: 2 }).span).toEqual({ start: 0, end: 5 });
    // inside a container, a <p> outside it is no item
    for (const w of work) w.block.dom = { tag: 'p', hints: '', linkDensity: 0, inMain: w.block.index < 3 };
    expect(announcedLists(work, { start: 0, end: 2 }).span).toEqual({ start: 0, end: 2 });
  });
  it('does not take the story between a newsletter box above it and a sign-up line below it: a box says little', () => {
    // a text that glued the story's paragraphs together (no break between its <p> elements)
    const story = [PROSE[0] + PROSE[1], PROSE[2] + PROSE[3], PROSE[1] + PROSE[2]];
    const { work } = analyse(['Browse all e-mail newsletters', ...story, 'Sign up for breaking news e-mail alerts'].join('\n'));
    spanAppeals(work);
    expect(work.slice(1, 4).every((w) => w.fill === undefined)).toBe(true);
    // a box's few words between its two lines still join it
    const box = analyse(['Browse all e-mail newsletters', 'Get breaking news and daily headlines.', 'Sign up for breaking news e-mail alerts'].join('\n'));
    spanAppeals(box.work);
    expect(box.work[1]!.fill).toBe('newsletter');
  });
  it('does not take the story between two copies of one sign-up bar for part of it', () => {
    const { work } = analyse(['SIGN UP FOR OUR NEWSLETTER', ...PROSE, 'SIGN UP FOR OUR NEWSLETTER'].join('\n'));
    spanAppeals(work);
    expect(work.slice(1, 1 + PROSE.length).every((w) => w.fill === undefined)).toBe(true);
  });
  it('does not take the story between two copies of a sign-up bar of two lines for part of it', () => {
    // two paragraphs between the bars: close enough for the two ends of one box
    const { work } = analyse(['SIGN UP', 'FOR OUR NEWSLETTER', PROSE[0], PROSE[1], 'SIGN UP', 'FOR OUR NEWSLETTER'].join('\n'));
    spanAppeals(work);
    expect(work.slice(2, 4).every((w) => w.fill === undefined)).toBe(true);
  });
  it('leaves the author bio under its heading out of the body, and a list article in it', () => {
    const bio = 'Jane Smith is a reporter at the Daily News who covers city hall. She lives in the old town with her two cats, and writes about local politics.';
    for (const heading of ['About the author', 'Über die Autorin']) {
      const { blocks } = analyse([...PROSE, heading, '[photo]', 'Jane Smith', bio, '© 2024 The Daily News'].join('\n'));
      classifyDocument(blocks, { favor: 'balanced', inputFormat: 'text', meta: null });
      expect(blocks.filter((b) => b.role === 'body').map((b) => b.text), heading).toEqual(PROSE);
      expect(blocks.find((b) => b.text === bio)).toMatchObject({ role: 'boilerplate', kind: 'other' });
    }
    // A page whose article is a list of short lines: the bio alone must not become the body.
    const links = ['Dog debarking policy raises protest – It is sad', 'Calling all germs – How dirty is your phone?', 'Laugh along with the clowns – I would back away', 'New peril for parents – Who else is going through this?'];
    const list = analyse(['Quickies 10.29', ...links, 'About the author', 'Jane', bio].join('\n')).blocks;
    classifyDocument(list, { favor: 'balanced', inputFormat: 'text', meta: null });
    expect(list.filter((b) => b.role === 'body').map((b) => b.text)).not.toContain(bio);
    // A labelled bio is one line.
    const { blocks: inline } = analyse([...PROSE, `About the Author: ${bio}`].join('\n'));
    classifyDocument(inline, { favor: 'balanced', inputFormat: 'text', meta: null });
    expect(inline.at(-1)).toMatchObject({ role: 'boilerplate', kind: 'other' });
  });
  it('leaves the paragraph over a link to the writer\'s posts out of the body: the writer\'s box', () => {
    const bio = 'Hi, I am Becky. I live in Atlanta, and besides editing this blog I write about design and architecture for a few magazines.';
    for (const link of ['View all posts by Becky →', 'All Posts by Becky Smith | Website | Twitter', 'View my complete profile']) {
      const blocks = labelled(['Council approves the budget', '', ...PROSE, bio, link, 'Filed under Politics'].join('\n'));
      expect(blocks.filter((b) => b.role === 'body').map((b) => b.text), link).toEqual(PROSE);
      expect(blocks.find((b) => b.text === bio), link).toMatchObject({ role: 'boilerplate', kind: 'other' });
    }
  });
  it('ends the body at a heading that counts the comments after the article, not at one under its headline', () => {
    // A long thread, its comments under bare names (no date or Reply line to tell it by).
    const said = ['I would really like to see a report about the new budget process, and how the schools will be funded next year, because the council has not said.', 'Yeah, I am hoping the basics will be covered as well, since the council has not explained much of it yet, and the mayor has been quiet about the roads.', 'The repairs are long overdue in our district, and the money should have been there years ago, whatever the opposition says about the cost of it all.'];
    const comments = Array.from({ length: 5 }, (_, i) => [`Reader ${String.fromCharCode(65 + i)}`, said[i % 3]!.replace('the', i % 2 ? 'this' : 'that')]).flat();
    const article = [...PROSE, ...PROSE.map((p) => p.replace('council', 'board'))];
    const { blocks } = analyse(['Council approves the budget', ...article, '{ 12 comments }', ...comments].join('\n'));
    classifyDocument(blocks, { favor: 'balanced', inputFormat: 'text', meta: null });
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(article);
    expect(blocks.find((b) => b.text === comments[1])).toMatchObject({ role: 'boilerplate', kind: 'comments' });
    // The count as a link under the headline: the article follows it.
    const top = analyse(['Council approves the budget', 'By Jane Smith', '12 Comments', ...PROSE].join('\n')).blocks;
    classifyDocument(top, { favor: 'balanced', inputFormat: 'text', meta: null });
    expect(top.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE);
    // A count of responses to the post by its title heads the thread.
    const titled = labelled(['Council approves the budget', ...article, '12 Responses to “Council approves the budget”', ...comments].join('\n'));
    expect(titled.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(article);
    // A bare count under the headline stays a meta line: "{ 3 comments… read them below or add one }".
    const meta = labelled(['Council approves the budget', '{ 3 comments… read them below or add one }', ...article, '{ 12 comments }', ...comments].join('\n'));
    expect(meta.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(article);
    // After the article's last sentence, a bare count heads the thread; under a headline that
    // exclaims ("… Miss Thing!"), it does not.
    const bare = labelled(['Council approves the budget', ...article, '{ 12 comments… read them below or add one }', ...comments].join('\n'));
    expect(bare.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(article);
    const exclaims = labelled(['Home', 'News', '', 'Council Approves The Budget, And Introduces A New Tax On Parking!', '4 Comments', ...article].join('\n'));
    expect(exclaims.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(article);
  });
  it('ends the body at a titled count or at "Comments are closed." with a list of links between it and the article', () => {
    const long = [
      'A look back at the stories that made the week, from the budget vote to the storm that closed the schools on Friday morning, and the people who kept the town running while the power was out for two days.',
      'Our readers write about the budget, the roads, the schools and the new parking rules that come into force next month across town, and most of them are not happy about the cost of a permit for their street.',
      'The new library opens its doors on Saturday after three years of building work, with a reading room on the top floor, a cafe by the entrance and a garden that the children of the town helped to plant in the spring.',
    ];
    const comments = ['Davey', long[0]!, 'Phil White', long[1]!, 'Ann', long[2]!];
    const links = ['Tags: budget, council, schools', 'Budget Vote Delayed Again', 'Schools Ask For More', 'Roads Fund Runs Dry', 'Mayor Names New Treasurer', 'Council Meets On Sunday'];
    const article = [...PROSE, ...PROSE.map((p) => p.replace('council', 'board'))];
    const titled = labelled(['Council approves the budget', ...article, ...links, '40 Responses to “Council approves the budget”', ...comments].join('\n'));
    expect(titled.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(article);
    const closed = labelled(['Council approves the budget', ...article, ...links, 'Comments are closed.', ...long].join('\n'));
    expect(closed.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(article);
  });
  it('ends the body at the counted heading when the thread is only found further down (a long comment between)', () => {
    const remarks = [
      'I think the council did the right thing here, and the schools will finally get what they need.',
      'This is a waste of money that we will all pay for with higher taxes next year, mark my words.',
      'Roads in my part of town have been broken for a decade, so I hope some of this reaches us soon.',
    ];
    const stamp = (n: string, i: number): string => `${n} | November 9, 2012 12:${10 + i} AM | Reply`;
    const lines = ['Budget passes at last', ...Array.from({ length: 10 }, () => PROSE).flat(), '10 Comments'];
    for (let i = 0; i < 3; i++) lines.push(stamp('Jane', i), remarks[i]!);
    // A comment of more than `threadGapChars` of prose breaks the run of timestamps in two: only
    // the run below it is found as a thread by its shape.
    lines.push(stamp('Long', 3), ...Array.from({ length: 40 }, (_, i) => remarks[i % 3]!));
    for (let i = 4; i < 10; i++) lines.push(stamp('Ann', i), remarks[i % 3]!);
    const blocks = labelled(lines.join('\n'));
    const heading = blocks.findIndex((b) => b.text === '10 Comments');
    expect(blocks.slice(heading).some((b) => b.role === 'body')).toBe(false);
    expect(blocks.slice(1, heading).every((b) => b.role === 'body')).toBe(true);
  });
  it('keeps "Thank you." as an appeal only next to one', () => {
    const alone = analyse([...PROSE, 'Thank you.'].join('\n')).work;
    spanAppeals(alone);
    expect(alone[4]!.boiler).toBeNull();
  });
  it('keeps "Dear readers," as an appeal only above a line of one', () => {
    const letter = analyse(['Dear readers,', ...PROSE].join('\n')).work;
    spanAppeals(letter);
    expect(letter[0]!.boiler).toBeNull();
    const appeal = analyse([...PROSE, 'Dear readers,', 'We rely on you to keep our reporting free.', 'Donate now'].join('\n')).work;
    spanAppeals(appeal);
    expect(appeal[4]!.boiler?.row.id).toBe('appeal-heading');
    expect(appeal[5]!.fill).toBe('support-appeal');
  });
  it('opens the body with a letter\'s salutation above it', () => {
    const blocks = labelled(['Home', 'News', 'Dear readers,', ...PROSE, 'Related stories'].join('\n'));
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(['Dear readers,', ...PROSE]);
  });
  it('chooses the run of prose as the body span and labels the rest boilerplate', () => {
    const { work, blocks } = analyse(['Home', 'News', 'Sport', ...PROSE, 'Related stories', 'Another headline here'].join('\n'));
    const span = bestSpan(work, 'balanced');
    expect(span).toEqual({ start: 3, end: 6 });
    assignRoles(work, span, 'balanced');
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE);
    expect(blocks[7]!.kind).toBe('navigation');
  });
  it('widens the span across a gap of chart labels without barriers', () => {
    const chart = ['$900', 'billion', '600', '300', '0', '’17', '’18', '’19', '’20', '’21', '’22'];
    const { work } = analyse([...PROSE, ...chart, ...PROSE.map((p) => p.replace('council', 'board'))].join('\n'));
    const span = bestSpan(work, 'balanced')!;
    const wide = extendSpan(work, span, 'balanced');
    expect(wide.start).toBe(0);
    expect(wide.end).toBe(PROSE.length * 2 + chart.length - 1);
  });
  it('lets chart residue (short figures) cost its length only, so one run of prose spans a drawn chart', () => {
    const chart = Array.from({ length: 20 }, (_, i) => (i % 3 === 0 ? `$${900 - i}` : `’${10 + i}`));
    const { work } = analyse([...PROSE, ...chart, ...PROSE.map((p) => p.replace('council', 'board'))].join('\n'));
    expect(bestSpan(work, 'balanced')).toEqual({ start: 0, end: PROSE.length * 2 + chart.length - 1 });
    // Numbered steps of a list ("Step 2", "Шаг 3") are structure too.
    const steps = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? `Step ${i + 1}` : `Шаг ${i + 1}`));
    const st = analyse([...PROSE, ...steps, ...PROSE.map((p) => p.replace('council', 'board'))].join('\n')).work;
    expect(bestSpan(st, 'balanced')).toEqual({ start: 0, end: PROSE.length * 2 + steps.length - 1 });
    // A separator of symbols without figures is no chart: it still costs a line.
    const sep = Array.from({ length: 20 }, () => '= = = =');
    const s = analyse([...PROSE, ...sep, ...PROSE.map((p) => p.replace('council', 'board'))].join('\n')).work;
    expect(bestSpan(s, 'balanced')!.end).toBeLessThan(PROSE.length + sep.length);
  });
  it('finds where a comment thread starts, after the article', () => {
    const thread = ['12 Comments', 'jim says:', 'I think this budget is a terrible idea for the schools in our town and beyond.', 'Reply', 'anna says:', 'The council did what it could with the money it had this year, I believe.', 'Reply', 'bob says:', 'Roads first, schools second: that is what we were promised before the election.', 'Reply', 'eve says:', 'Does anyone know when the new budget will actually take effect for the schools?', 'Reply'];
    const { work } = analyse([...PROSE, ...thread].join('\n'));
    const start = commentSectionStart(work, 'balanced');
    expect(start).toBe(PROSE.length);
  });
  it('reads the titles a related-stories heading lists inside the article as navigation, up to the title over the next paragraph', () => {
    const titles = ['Flurry launches AppCloud with help from mobile startup Trestle', 'Mobile subscriptions poised to outnumber the world\'s population', 'Android Romeo proposes with adorkable custom wallpaper'];
    const blocks = labelled(['Council approves the budget', ...PROSE.slice(0, 2), 'Related stories', ...titles, ...PROSE.slice(2)].join('\n'));
    // The last title, over the article's next paragraph, may as well be a headline over its lead:
    // the list ends above it.
    for (const t of titles.slice(0, -1)) expect(blocks.find((b) => b.text === t)).toMatchObject({ role: 'boilerplate', kind: 'navigation' });
    expect(blocks.find((b) => b.text === titles[2])?.kind).not.toBe('navigation');
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE.slice(2));
    // A list above the article, run into its headline (innerText keeps no gap): the list ends at
    // its "More …" link, or at a title over a byline, and the headline stays the headline.
    // A byline the tables do not read ("Murray McCormick, Canwest News Service; …") leaves the
    // list's own end to tell.
    const canwest = 'Murray McCormick, Canwest News Service; Regina Leader-Post';
    for (const [bullets, end, byline] of [[true, [], canwest], [false, ['More Latest News'], canwest], [false, [], 'By Ann Lee']] as const) {
      const list = titles.map((t) => (bullets ? `• ${t}` : t));
      const text = ['Welcome to the paper of the city, where we report the news of the day for all the people who live here.', 'Latest News', ...list, ...end, 'Council approves the budget', byline, ...PROSE].join('\n');
      expect(labelled(text).find((b) => b.role === 'headline')?.text, `${bullets} ${end.join('')} ${byline}`).toBe('Council approves the budget');
    }
  });
  it('reads a paragraph all in capitals (a tagline, CSS uppercase in innerText) as no paragraph, a short one as a line like any', () => {
    const tagline = 'EVERY DAY I EXPERIENCE LIFE IN THE WORLD OF HEALTHCARE IT, SUPPORTING THREE THOUSAND DOCTORS AND THEIR STAFF ACROSS THE STATE.';
    const blocks = labelled(['Health IT Today', tagline, 'Council approves the budget', ...PROSE].join('\n'));
    expect(blocks.find((b) => b.text === tagline)).toMatchObject({ role: 'boilerplate', kind: 'other' });
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE);
    expect(blocks.find((b) => b.role === 'headline')?.text).toBe('Council approves the budget');
    const shout = 'THE MAYOR SAID NO.';
    expect(labelled(['Council approves the budget', ...PROSE.slice(0, 2), shout, ...PROSE.slice(2)].join('\n')).find((b) => b.text === shout)?.role).toBe('body');
  });
  it('reads a blog archive ("2012 (15)") as a sidebar\'s navigation that no article runs through', () => {
    const blurb = 'We are sisters who love to travel, try new things, and experience all that life has to offer, and we write about it here.';
    const blocks = labelled(['Nutty nomads blog', blurb, 'Our Videos!', 'ARCHIVE', '2012 (15)', '2011 (43)', 'Subscribe via RSS', 'Council approves the budget', ...PROSE].join('\n'));
    expect(blocks.find((b) => b.text === '2011 (43)')).toMatchObject({ role: 'boilerplate', kind: 'navigation' });
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE);
  });
  it('takes "No comments yet." over the comment form for an empty thread, however short the post above it', () => {
    const post = ['Pixel game heroes', 'images — Tags: graphic design — thebrainbehind @ 15:58', 'You know me, I love pixels and I love superheroes… Created by Sayon Chatterjee'];
    const thread = ['Comments (0)', '0 Comments »', 'No comments yet.', 'RSS feed for comments on this post. TrackBack URI', 'Leave a comment', 'Name (required)', 'Mail (will not be published) (required)', 'Website'];
    const sidebar = ['Hello stranger, let us connect', 'You can follow me here or add me to your circles here! The curious brain also has its own video channel that you can follow here'];
    const text = [...post, ...thread, ...sidebar].join('\n');
    expect(commentSectionStart(analyse(text).work, 'balanced')).toBe(post.length);
    const body = labelled(text).filter((b) => b.role === 'body').map((b) => b.text);
    expect(body).toEqual([post[2]]);
    // Blogger's: the post's footer right above ("Posted by … at 6:35 AM") is the post's, not the thread's.
    const blogger = analyse([...post, 'Posted by Paul Overton at 6:35 AM', 'No comments:', 'Post a Comment', 'Older Post Home'].join('\n')).work;
    expect(commentSectionStart(blogger, 'balanced')).toBe(post.length + 1);
    // A text browser prints the form's fields as empty boxes: its heading shows it.
    const w3m = [...post, 'Comments (0)', 'No comments yet.', 'Leave a comment', '[', '[', '[', ...sidebar].join('\n');
    expect(labelled(w3m).filter((b) => b.role === 'body').map((b) => b.text)).toEqual([post[2]]);
    // "No Comments" in the post's header, the article's prose under it: no empty thread there.
    const header = analyse(['Council approves the budget', 'By Ann Lee', 'No Comments', ...PROSE, 'Leave a Reply', 'Name (required)'].join('\n')).work;
    expect(commentSectionStart(header, 'balanced')).toBe(-1);
  });
  it('finds a thread of short remarks between author lines, but not a "Comments" link above the article', () => {
    const remarks = ['Ah, just as crazy as ever. Some things never change', 'I think this budget is a terrible idea for the schools in our town and for the roads beyond it.', 'Good point. The council should listen', 'The council did what it could with the money it had this year, and I believe it did well.'];
    const thread = ['Add a Comment', ...remarks.flatMap((r, i) => [`${i + 1}:2${i} pm July 3, 2013`, `reader${i} wrote :`, r])];
    const { work } = analyse([...PROSE, ...thread].join('\n'));
    markStampLines(work);
    expect(commentSectionStart(work, 'balanced')).toBe(PROSE.length);
    // A "Comments" link above the story is followed by the whole story, not by one remark.
    const teasers = ['Ready for the bridge? The mayor opens it across the river', 'Budget again? Council votes on the schools', 'Storm coming? A warning for the whole coast tonight'];
    const long = [...PROSE, ...PROSE.map((p) => p.replace('council', 'board')), ...PROSE.map((p) => p.replace('council', 'panel')), ...PROSE.map((p) => p.replace('council', 'cabinet')), ...PROSE.map((p) => p.replace('council', 'senate'))];
    const top = analyse(['A short introduction to the new budget and what it means for the town and its schools.', 'Add a Comment', ...long, ...teasers.flatMap((t, i) => [`${i + 1}:20 pm July 3, 2013`, t])].join('\n')).work;
    markStampLines(top);
    expect(commentSectionStart(top, 'balanced')).toBe(-1);
  });
  it('ends the article at the comment form\'s heading, or a bare "Comments" heading over the form, not at a toolbar\'s "Comments"', () => {
    const remarks = ['I am genuinely concerned about the people who were hit by the storm, but this is the worst idea I have heard this year.', 'The state did what it could with the money it had this year, and I believe it did well.'];
    for (const form of ['LOGIN TO COMMENT | REGISTER TODAY', 'Leave a Reply', 'Your email address will not be published.']) {
      const { work } = analyse(['Council approves the budget', ...PROSE, 'COMMENTS', form, ...remarks.flatMap((r) => ['lineholder', r])].join('\n'));
      expect(articleEnd(work, { start: 1, end: work.length - 1 }, 'balanced'), form).toEqual({ thread: 1 + PROSE.length, end: 1 + PROSE.length });
    }
    // The form's heading alone ("Post a Comment", above the thread as Blogger and Disqus print it) heads it too.
    const heading = analyse(['Council approves the budget', ...PROSE, 'Tagged In', 'budget', 'Post a Comment', ...remarks.flatMap((r) => ['h4rm0ny', r])].join('\n')).work;
    expect(articleEnd(heading, { start: 1, end: heading.length - 1 }, 'balanced')).toEqual({ thread: 3 + PROSE.length, end: 3 + PROSE.length });
    // A count in words ("One comment") under the article heads the thread as "1 Comment" does.
    const counted = analyse(['Council approves the budget', ...PROSE, 'Tweet', 'One comment', ...remarks.flatMap((r) => ['h4rm0ny', r])].join('\n')).work;
    expect(articleEnd(counted, { start: 1, end: counted.length - 1 }, 'balanced')).toEqual({ thread: 2 + PROSE.length, end: 2 + PROSE.length });
    // A thread of one comment, the form under it: the count heads it too.
    const one = analyse(['Council approves the budget', ...PROSE, '1 comment to Council approves the budget', 'Ted Wilson', 'October 14th, 2012 at 4:51 pm', remarks[0], 'Leave a Reply', 'Name (required)'].join('\n')).work;
    expect(articleEnd(one, { start: 1, end: one.length - 1 }, 'balanced').thread).toBe(1 + PROSE.length);
    // "Comments" in a toolbar ("Comments", "Print") over more of the article ends nothing.
    const { work } = analyse(['Council approves the budget', ...PROSE, 'Comments', 'Print', ...PROSE].join('\n'));
    expect(articleEnd(work, { start: 1, end: work.length - 1 }, 'balanced')).toEqual({ thread: -1, end: -1 });
  });
  it('ends the article at the links to the previous and next post by their titles, not at one French quote', () => {
    const comments = ['I used to see your posts with the hashtag and I kept thinking of it as a question, now I know what it means for your book.', 'Thanks for the invitation to the trip. Hope you get some part of the book out into circulation soon, I would love to read it.', 'I enjoy reading your blog posts, thoughtful and insightful, and I am looking forward to the book when it comes out next year.'];
    const nav = ['« Super Sad True Love Story: A Review', 'A World Lit With Sensors and Clothed in Data »'];
    const blocks = labelled(['Council approves the budget', ...PROSE, ...nav, 'artsyphotos', comments[0], 'johnbattelle', comments[1], 'datron', comments[2]].join('\n'));
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE);
    for (const t of nav) expect(blocks.find((b) => b.text === t)).toMatchObject({ role: 'boilerplate', kind: 'navigation' });
    // A quote's opening in French typography, alone, is the article's.
    const quote = '« Nous avons fait ce que nous pouvions';
    expect(labelled(['Le conseil vote le budget', ...PROSE, quote, ...PROSE].join('\n')).find((b) => b.text === quote)?.kind).not.toBe('navigation');
  });
  it('starts the thread at its heading under the article, not at the count beside the byline', () => {
    const remarks = ['Ah, just as crazy as ever. Some things never change', 'I think this budget is a terrible idea for the schools in our town and for the roads beyond it.', 'Good point. The council should listen', 'The council did what it could with the money it had this year, and I believe it did well.'];
    const thread = ['Comments', 'Add Comment', ...remarks.flatMap((r, i) => [`reader${i} added ${i + 1} days ago`, 'Reply', r])];
    const header = ['A short introduction to the paper and what it covers for the town and its schools every day.', 'Council approves the budget', 'By Ann Lee | November 8, 2012', '10 Comments', 'Tweet'];
    const lines = [...header, ...PROSE, ...thread];
    const { work } = analyse(lines.join('\n'));
    markStampLines(work);
    expect(commentSectionStart(work, 'balanced')).toBe(header.length + PROSE.length);
    // A list of teasers, each with its count ("15 comments", "10 comments"): the first count starts it.
    const teasers = PROSE.flatMap((p, i) => [`${15 - i} comments`, p]);
    const list = analyse([...header.slice(0, 3), ...PROSE, 'Most Popular', ...teasers].join('\n')).work;
    markStampLines(list);
    expect(commentSectionStart(list, 'balanced')).toBe(3 + PROSE.length + 1);
  });
  it('finds a thread from repeated timestamped author lines alone, but not a dated teaser list before the article', () => {
    const comments = ['I think this budget is a terrible idea for the schools in our town and beyond.', 'The council did what it could with the money it had this year, I believe.', 'Roads first, schools second: that is what we were promised before the election.', 'Does anyone know when the new budget will actually take effect for the schools?'];
    const names = ['Bart', 'Robert Mills', 'Adam T', 'Danielle'];
    const thread = comments.flatMap((c, i) => [`${names[i]} | November 9, 2012 ${i + 1}:20 AM | Reply`, c]);
    const { work } = analyse([...PROSE, ...thread].join('\n'));
    markStampLines(work);
    expect(commentSectionStart(work, 'balanced')).toBe(PROSE.length);
    // The same dated lines as a teaser list above a longer article do not end the article.
    const teasers = comments.flatMap((c, i) => [`${i + 1} March 2019 at 13:${10 + i}`, c]);
    const article = [...PROSE, ...PROSE.map((p) => p.replace('council', 'board')), ...PROSE.map((p) => p.replace('council', 'panel'))];
    const t = analyse(['A short introduction to the new budget and what it means for the town and its schools.', ...teasers, ...article].join('\n')).work;
    markStampLines(t);
    expect(commentSectionStart(t, 'balanced')).toBe(-1);
  });
  it('reads Blogger\'s "martinealison said..." as a comment\'s author line, not "that said..."', () => {
    const blocks = labelled([PROSE[0], PROSE[1], 'That said...', PROSE[2], PROSE[3], 'martinealison said...', 'I love the octopus, thank you for sharing it with us all.'].join('\n'));
    expect(blocks.find((b) => b.text === 'martinealison said...')).toMatchObject({ role: 'boilerplate', kind: 'comments' });
    expect(blocks.find((b) => b.text === 'That said...')!.kind).not.toBe('comments');
  });
  it('finds a thread of two comments under a heading that counts them, as many author lines as it says', () => {
    const post = 'I would love to invite you all to the book event at the library this Saturday, October 28, at eleven in the morning.';
    const comment = 'What a lovely idea, I wish I could come to the book event and see all of your drawings, but I live too far away from the library, and Saturday is the day I work. I hope you will post some photos of it afterwards for the rest of us.';
    const text = ['Little gifts for friends', '', 'Dear all,', post, 'Hope to see you there.', 'Posted by Alina at 9:22 AM', '2 comments:', 'martinealison said...', comment, '7:28 PM', 'Colette said...', 'I love the octopus!', '12:43 PM', 'Post a Comment'].join('\n');
    const blocks = labelled(text);
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toContain(post);
    expect(blocks.find((b) => b.text === comment)).toMatchObject({ role: 'boilerplate', kind: 'comments' });
  });
  it('reads author lines that differ only in the commenters\' sites as one shape', () => {
    const comments = ['I think this budget is a terrible idea for the schools in our town and beyond.', 'The council did what it could with the money it had this year, I believe.', 'Roads first, schools second: that is what we were promised before the election.'];
    const sites = ['http://stephankopp.net', 'http://www.edbrill.com', 'https://twitter.com/tsriram'];
    const thread = comments.flatMap((c, i) => [`${i + 1} Reader ${String.fromCharCode(65 + i)} ${sites[i]} | 10/29/2012 5:1${i}:46 PM`, c]);
    const { work } = analyse([...PROSE, ...thread].join('\n'));
    markStampLines(work);
    expect(work.filter((w) => w.stampShape).map((w) => w.block.text)).toEqual(thread.filter((_, i) => i % 2 === 0));
  });
  it('marks no image a text browser names by its dated file ("[Screen-Shot-2012-10-08-at-6]") as a stamp', () => {
    const shots = PROSE.flatMap((p, i) => [`[Screen-Shot-2012-10-0${i + 1}-at-6]`, p]);
    const { work } = analyse(shots.join('\n'));
    markStampLines(work);
    expect(work.filter((w) => w.stampShape)).toHaveLength(0);
    expect(commentSectionStart(work, 'balanced')).toBe(-1);
    // Nor when the caption follows the file name on its line.
    const captioned = analyse(PROSE.flatMap((p, i) => [`[Screen-Shot-2012-10-0${i + 1}-at-6]Chair number ${i + 1}`, p]).join('\n')).work;
    markStampLines(captioned);
    expect(captioned.filter((w) => w.stampShape)).toHaveLength(0);
  });
  it('reads no date inside an address ("…/temp-2012-01-03/Floats-1.jpg", an image\'s name and link) as a stamp', () => {
    const images = PROSE.flatMap((p, i) => [p, `Rose_bowl_floats_2012-${i + 1} http://files.example-blog.com/getfile/temp-2012-01-03/Rose_Bowl_Floats_2012-${i + 1}.jpg`]);
    const { work } = analyse(images.join('\n'));
    markStampLines(work);
    expect(work.filter((w) => w.stampShape)).toHaveLength(0);
    expect(commentSectionStart(work, 'balanced')).toBe(-1);
  });
  it('marks no embedded tweet\'s signature ("— Justin Salas (@Justin2Salas) November 02, 2012") as a comment stamp', () => {
    const tweets = ['@NFLfantasy Matt Ryan. Got him in the 12th round. Talk about a STEAL', '—', 'Justin Salas (@JustinSalas) November 02, 2012', 'RGIII is definitely MVP halfway through the season', '—', 'David Price (@Jedibluntmaster) November 02, 2012', 'Percy Harvin, racking up yards through the air and on the ground', '—', 'Pat Haneman (@PatHaneman) November 03, 2012'];
    const { work } = analyse([PROSE[0], PROSE[1], ...tweets, PROSE[2], PROSE[3]].join('\n'));
    markStampLines(work);
    expect(work.filter((w) => w.stampShape)).toHaveLength(0);
  });
  it('marks author stamps whose names differ in case and length, and whose time ends in "am."', () => {
    const comments = ['I think this budget is a terrible idea for the schools in our town and beyond.', 'The council did what it could with the money it had this year, I believe.', 'Roads first, schools second: that is what we were promised before the election.', 'Does anyone know when the new budget will actually take effect for the schools?'];
    const names = ['Eric Kennedy', 'randfish', 'zdw', 'William Ross'];
    const thread = comments.flatMap((c, i) => [`by ${names[i]} on November ${9 + i}, 2010 at ${i + 1}:10 am. Reply #`, c]);
    const { work } = analyse([...PROSE, '45 comments', ...thread].join('\n'));
    markStampLines(work);
    expect(work.slice(PROSE.length + 1).filter((w) => w.stampShape)).toHaveLength(4);
  });
  it('marks numbered author stamps ("4. The TOS Purist - August 8, 2012"): the number\'s stop ends no sentence', () => {
    const comments = ['I think this budget is a terrible idea for the schools in our town and beyond.', 'The council did what it could with the money it had this year, I believe.', 'Roads first, schools second: that is what we were promised before the election.', 'Does anyone know when the new budget will actually take effect for the schools?'];
    const names = ['William Kirk', 'MJ', 'The TOS Purist', 'Red Dead Ryan'];
    const { work } = analyse([...PROSE, 'Comments»', ...comments.flatMap((c, i) => [`${i + 1}. ${names[i]} - August 8, 2012`, c])].join('\n'));
    markStampLines(work);
    expect(work.filter((w) => w.stampShape)).toHaveLength(4);
    expect(commentSectionStart(work, 'balanced')).toBe(PROSE.length);
    // a numbered sentence that holds a date is no stamp
    const list = analyse([...PROSE, ...comments.map((c, i) => `${i + 1}. On August ${i + 8}, 2012 the board met. ${c}`)].join('\n')).work;
    markStampLines(list);
    expect(list.some((w) => w.stampShape)).toBe(false);
  });
  it('marks author stamps that differ in their ordinal ("6th", "1st") and in the handle they end in', () => {
    const comments = ['I think this budget is a terrible idea for the schools in our town and beyond.', 'The council did what it could with the money it had this year, I believe.', 'Roads first, schools second: that is what we were promised before the election.', 'Does anyone know when the new budget will actually take effect for the schools?'];
    const stamps = ['Chris Lane, on November 6th, 2012 // Twitter: @chrislanephoto', 'sampath, on November 1st, 2012 //', 'SD, on November 2nd, 2012 // Twitter: @something_share', 'Josten Dooley, on November 3rd, 2012 // Twitter: @JostenDooley', 'Ann Lee, on November 4th, 2012 // Twitter: @ann.lee'];
    const { work } = analyse([...PROSE, ...stamps.flatMap((st, i) => [st, comments[i % 4]!.replace('.', `, ${i}.`)])].join('\n'));
    markStampLines(work);
    expect(work.filter((w) => w.stampShape).map((w) => w.block.text)).toEqual(stamps.filter((s) => s.includes('@')));
    expect(commentSectionStart(work, 'balanced')).toBe(PROSE.length);
  });
  it('reads "Name 07 Nov 12" (a two-digit year closing the line) as a comment stamp', () => {
    const comments = ['I think this budget is a terrible idea for the schools in our town and beyond.', 'The council did what it could with the money it had this year, I believe.', 'Roads first, schools second: that is what we were promised before the election.', 'Does anyone know when the new budget will actually take effect for the schools?'];
    const names = ['Jermaine', 'Jason Fried', 'Alejandro Moreno', 'Ben Dunlap'];
    const { work } = analyse([...PROSE, ...comments.flatMap((c, i) => [`${names[i]} 0${7 + (i % 2)} Nov 12`, c])].join('\n'));
    markStampLines(work);
    expect(work.filter((w) => w.stampShape)).toHaveLength(4);
    expect(commentSectionStart(work, 'balanced')).toBe(PROSE.length);
    // not a count inside a line: "12 March 15 people died" is no stamp
    const count = analyse([...PROSE, ...comments.flatMap((c, i) => [`On ${10 + i} March 15 people met`, c])].join('\n')).work;
    markStampLines(count);
    expect(count.filter((w) => w.stampShape)).toHaveLength(0);
  });
  it('does not start the thread at a "4 Comments" link under a site blurb, above the article', () => {
    const blurb = 'Updated continuously by people everywhere, this site is a reflection of what the world is talking about.';
    const thread = ['jim says:', 'I think this budget is a terrible idea for the schools in our town and beyond.', 'Reply', 'anna says:', 'The council did what it could with the money it had this year, I believe.', 'Reply', 'bob says:', 'Roads first, schools second: that is what we were promised before the election.', 'Reply', 'eve says:', 'Does anyone know when the new budget will actually take effect for the schools?', 'Reply'];
    const article = [...PROSE, ...PROSE.map((p) => p.replace('council', 'board'))];
    const lines = [blurb, '1 Vote', '4 Comments', 'Print', ...article, '4 Comments', ...thread];
    const { work } = analyse(lines.join('\n'));
    expect(commentSectionStart(work, 'balanced')).toBe(4 + article.length);
  });
  it('ends the body at the links to the previous and next post', () => {
    const after = ['Older Post', 'Mike Merrill', 'Peter, thanks for the brutal honesty and the reminder that we control our own health every day.', 'Denise', 'You travel a lot so it is harder to stay on track, but you have done it before and will do it again.'];
    const { work } = analyse([...PROSE, ...PROSE.map((p) => p.replace('council', 'board')), ...after].join('\n'));
    const span = bestSpan(work, 'balanced')!;
    expect(span.end).toBe(2 * PROSE.length - 1);
  });
  it('falls back to the single most prose-like block', () => {
    const { work } = analyse('Menu\nShort note about the council');
    expect(bestSingleBlock(work)).toEqual({ start: 1, end: 1 });
  });
});

describe('text without a fitting stoplist', () => {
  it('keeps lorem ipsum paragraphs that have almost no stopwords of the guessed language', () => {
    const paras = [
      'Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.',
      'Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.',
    ];
    const blocks = segmentText(['Home', 'About', 'Contact', '', 'Lorem ipsum test', '', ...paras, '', 'Privacy Policy'].join('\n'));
    classifyDocument(blocks, { favor: 'balanced', inputFormat: 'text', meta: null });
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(paras);
  });
});

describe('program code in an article', () => {
  it('keeps a listing between paragraphs as body, and a menu as navigation', () => {
    const code = ['function Cow(name) {', 'this.name = name || "Anon cow";', '}', 'exports.Cow = Cow;'];
    const text = ['Home', 'Blog', 'About', '', ...PROSE.slice(0, 2), ...code, ...PROSE.slice(2)].join('\n');
    const blocks = segmentText(text);
    classifyDocument(blocks, { favor: 'balanced', inputFormat: 'text', meta: null });
    const body = blocks.filter((b) => b.role === 'body').map((b) => b.text);
    expect(body).toEqual([...PROSE.slice(0, 2), ...code, ...PROSE.slice(2)]);
    expect(blocks[1]!.role).toBe('boilerplate');
  });
});

describe('headline, byline, credits', () => {
  it('takes the title-like line before the body, the byline and a glued credit', () => {
    const text = ['Home', 'Council Approves New Budget for Schools', 'By Jane Doe', 'The mayor at the meeting on TuesdayCredit: Getty - Contributor', ...PROSE].join('\n');
    const blocks = labelled(text);
    const a = assemble(blocks, { meta: null, language: 'en', source: { name: null, inputFormat: 'text', bytes: text.length } });
    expect(a.headline).toBe('Council Approves New Budget for Schools');
    expect(a.byline).toBe('By Jane Doe');
    expect(a.photoCredits).toEqual(['Getty - Contributor']);
    expect(a.captions).toEqual(['The mayor at the meeting on Tuesday']);
    expect(a.paragraphs).toEqual(PROSE);
  });
  it('reads a credit that names its copyright ("Photo: © Reuters", "photo: (c) 2012 …") as the photo\'s, inside the article', () => {
    const lede = 'The council approved the budget on Tuesday. It raises spending on schools by ten percent and cuts the cost of administration. Opposition members called it too little.';
    for (const credit of ['Photo: © Reuters', 'photo: (c) 2012 Pinar Ozger pinar@pinarozger.com']) {
      const text = ['Home', 'Council Approves New Budget for Schools', 'By Jane Doe', lede, credit, ...PROSE].join('\n');
      const blocks = labelled(text);
      const a = assemble(blocks, { meta: null, language: 'en', source: { name: null, inputFormat: 'text', bytes: text.length } });
      expect(a.photoCredits, credit).toEqual([credit.replace(/^photo:\s*/i, '')]);
      expect(a.boilerplate.filter((x) => x.kind === 'legal'), credit).toEqual([]);
      // A paragraph of three sentences above the credit is the article's lede, not the photo's caption.
      expect(a.paragraphs, credit).toEqual([lede, ...PROSE]);
    }
    // The page's own copyright line is still one.
    const footer = labelled(['Council Approves New Budget for Schools', ...PROSE, '© 2024 The Town Paper. All rights reserved.'].join('\n'));
    expect(footer.at(-1)).toMatchObject({ role: 'boilerplate', kind: 'legal' });
    // So is a footer's row of links before a dated "©".
    const row = labelled(['Council Approves New Budget for Schools', ...PROSE, 'Terms of use. Privacy policy. © 2024 The Town Paper'].join('\n'));
    expect(row.at(-1)).toMatchObject({ role: 'boilerplate', kind: 'legal' });
  });
  it('keeps a paragraph that ends in its artwork\'s credit ("… Mind...blown. Artwork and photos © DiegoKoi") as the body: no copyright line', () => {
    const post = 'No matter how long I stare at this and, despite the evidence, I still can\'t believe this is a pencil drawing. Mind...blown. Artwork and photos © DiegoKoi';
    const text = ['This is Not a Photograph', '', post, '', 'Posted by Paul Overton at 6:35 AM', 'Labels: pencil drawing, realism', 'No comments:', 'Post a Comment'].join('\n');
    const a = assemble(labelled(text), { meta: null, language: 'en', source: { name: null, inputFormat: 'text', bytes: text.length } });
    expect(a.paragraphs).toEqual([post]);
  });
  it('reads a caption whose parenthesised credit a full stop follows ("… (Photo by: Saul Loeb/AFP/Getty Images).")', () => {
    const caption = 'President Barack Obama speaks about the tornadoes that hit Oklahoma earlier this week, May 21, 2013.';
    const text = ['Council Approves New Budget for Schools', `${caption} (Photo by: Saul Loeb/AFP/Getty Images).`, ...PROSE].join('\n');
    const a = assemble(labelled(text), { meta: null, language: 'en', source: { name: null, inputFormat: 'text', bytes: text.length } });
    expect(a.photoCredits).toEqual(['Saul Loeb/AFP/Getty Images']);
    expect(a.captions).toEqual([caption]);
    expect(a.body).not.toContain('Saul Loeb');
  });
  it('keeps a sentence that goes on from the body above a photo credit in the body, and takes a line after a title for the caption', () => {
    const last = 'Apple did not immediately return a request for comment.';
    const text = ['Council Approves New Budget for Schools', 'By Jane Doe', ...PROSE, last, 'Photo: Getty Images', ...PROSE.map((p) => p.replace('council', 'board'))].join('\n');
    const a = assemble(labelled(text), { meta: null, language: 'en', source: { name: null, inputFormat: 'text', bytes: text.length } });
    expect(a.paragraphs).toContain(last);
    expect(a.captions).toEqual([]);
    expect(a.photoCredits).toEqual(['Getty Images']);
    // Nor is a line that announces the image ("Such as stock quotes:") its caption.
    const lead = 'Such as stock quotes:';
    const shot = ['Council Approves New Budget for Schools', 'By Jane Doe', 'The mayor at the meeting on Tuesday', lead, 'Source: Jane Doe', ...PROSE].join('\n');
    expect(assemble(labelled(shot), { meta: null, language: 'en', source: { name: null, inputFormat: 'text', bytes: shot.length } }).captions).not.toContain(lead);
    // Under the byline, before any paragraph, the line over the credit is the photo's caption.
    const top = ['Council Approves New Budget for Schools', 'By Jane Doe', 'The mayor at the meeting on Tuesday.', 'Photo: Getty Images', ...PROSE].join('\n');
    expect(assemble(labelled(top), { meta: null, language: 'en', source: { name: null, inputFormat: 'text', bytes: top.length } }).captions).toEqual(['The mayor at the meeting on Tuesday.']);
  });
  it('takes a name alone above the date line for the byline, and no such line for the headline', () => {
    const deck = 'Pupils cheer as the extra money for schools and road repairs arrives';
    const text = ['Home', 'Budget night at the hall', 'Jane Doe', 'Monday, January 8, 2024', deck, ...PROSE].join('\n');
    const blocks = labelled(text);
    expect(blocks.find((b) => b.role === 'byline')?.text).toBe('Jane Doe');
    expect(blocks.find((b) => b.role === 'headline')?.text).toBe('Budget night at the hall');
    // Two words that are no name ("Budget Night" in title case is one) followed by a date stay a title.
    expect(headlineOf(['Home', 'Budget night at the hall', 'Monday, January 8, 2024', ...PROSE].join('\n'))).toBe('Budget night at the hall');
  });
  it('takes "Name at Place" above the date line for the byline, and a date with a dashed zone for the dateline', () => {
    const text = ['Home', 'Budget night at the hall', 'Jane Doe at City Hall', '28/12/2007 11:27 - (SA)', ...PROSE].join('\n');
    const blocks = labelled(text);
    expect(blocks.find((b) => b.role === 'byline')?.text).toBe('Jane Doe at City Hall');
    expect(blocks.find((b) => b.role === 'dateline')?.text).toBe('28/12/2007 11:27 - (SA)');
    expect(blocks.find((b) => b.role === 'headline')?.text).toBe('Budget night at the hall');
  });
  it('takes no point of a summary box ("Story Highlights") under the headline for the headline', () => {
    const points = ['Council approves the new budget for schools', 'Mayor will sign the budget into law this week'];
    const text = ['Home', 'Budget night at the hall', 'Story Highlights', ...points, ...PROSE].join('\n');
    expect(headlineOf(text)).toBe('Budget night at the hall');
    // "At a Glance" over a one-word link is a menu item: no summary box.
    const menu = ['At a Glance', 'Search', 'Budget night at the hall', 'Monday, January 8, 2024', ...PROSE].join('\n');
    expect(headlineOf(menu)).toBe('Budget night at the hall');
  });
  it('cuts a text browser\'s widget residue from the title\'s edges (alt texts, bullets, an ad label)', () => {
    expect(residueCut('Budget passes at last [advertisement_]')?.title).toBe('Budget passes at last');
    expect(residueCut('[d_unkle166] * Budget passes at last * * * advertisement *')?.title).toBe('Budget passes at last');
    expect(residueCut('Budget passes at last [digg_] [email] [ ] ●')?.title).toBe('Budget passes at last');
    // A bracket the title opens with, no file or slot name in it, is the title's own.
    expect(residueCut('[Update] Budget passes at last')).toBeNull();
    expect(residueCut('Budget passes at last')).toBeNull();
    const text = ['Home', 'Budget passes at last * * * advertisement *', ...PROSE].join('\n');
    expect(headlineOf(text)).toBe('Budget passes at last');
  });
  it('does not take the heading of a figures box ("… statistics", "Final Stats") for the headline', () => {
    const text = ['Home', 'Budget night at the hall', 'Council Budget Vote Statistics', ...PROSE].join('\n');
    expect(headlineOf(text)).toBe('Budget night at the hall');
  });
  it('reads "Courtesy: Name" as a photo credit', () => {
    const text = ['Home', 'Budget night at the hall', 'Courtesy: City Council Press Office', ...PROSE].join('\n');
    const blocks = labelled(text);
    expect(blocks[2]!.role).toBe('photoCredit');
  });
  it('reads "Special to The Star" as a byline', () => {
    const text = ['Home', 'Council approves new budget for schools', 'Special to The Star', ...PROSE].join('\n');
    const blocks = labelled(text);
    expect(blocks[2]!.role).toBe('byline');
  });
  it('a date in the page header does not count against the headline below it', () => {
    // "From The Council" stands above the page's date; the headline below the date is the title.
    const text = ['Home', 'From The Council', 'Monday, January 8, 2024', 'Council approves new budget for schools', 'Jane Doe', ...PROSE].join('\n');
    const blocks = labelled(text);
    expect(blocks.find((b) => b.role === 'headline')?.text).toBe('Council approves new budget for schools');
    expect(blocks[2]!.role).toBe('dateline');
  });
  it('finds the headline above a long row of page tools (more than 20 lines above the body)', () => {
    const tools = ['Share', 'Print', 'Email', 'Comments', 'Text size', 'Facebook', 'Twitter', 'Reddit', 'Digg', 'Save'];
    const text = ['Home', 'Council approves new budget for schools', 'Monday, January 8, 2024', ...tools, ...tools, ...tools, ...PROSE].join('\n');
    expect(headlineOf(text)).toBe('Council approves new budget for schools');
  });
  it('a row of page tools between the headline and the body does not push the headline away', () => {
    // Ten tool lines cost nothing: only lines that could be the title themselves count as distance.
    const tools = ['Share', 'Print', 'Email', 'Comments', 'Text size', 'Facebook', 'Twitter', 'Reddit', 'Digg', 'Save'];
    const text = ['Home', 'Council approves new budget for schools', ...tools, 'Mayor of the city', ...PROSE].join('\n');
    expect(headlineOf(text)).toBe('Council approves new budget for schools');
  });
  it('takes a title-like line among the first lines of the body span when a date line follows it', () => {
    // The span opens with the photo's caption, a sentence; the title and its date stand below it.
    const caption = 'The mayor with members of the council at the town hall on Tuesday, when the vote was taken.';
    const text = ['Home', caption, 'Council approves new budget for schools', 'Monday, January 8, 2024', ...PROSE].join('\n');
    const blocks = labelled(text);
    expect(blocks[2]!.role).toBe('headline');
    expect(blocks[3]!.role).toBe('dateline');
    expect(blocks[1]!.role).toBe('body');
  });
  it('does not count a candidate\'s own words as the body\'s when the body span holds it', () => {
    // "Pictures from our photographers" heads the date line inside the span, but none of its
    // words recur in the article: the title above the span, written in the body's words, wins.
    const caption = 'The mayor with members of the council at the town hall on Tuesday, when the vote was taken.';
    const text = ['Home', 'Council approves new budget for schools', caption, 'Pictures from our photographers', 'Monday, January 8, 2024', ...PROSE].join('\n');
    expect(headlineOf(text)).toBe('Council approves new budget for schools');
  });
  it('does not take a breadcrumb for the headline', () => {
    const text = ['Home', 'City council > Schools budget', 'Council approves new budget for schools', ...PROSE].join('\n');
    expect(headlineOf(text)).toBe('Council approves new budget for schools');
  });
  it('prefers the title set apart by a blank line to a label run into the lines above it', () => {
    const text = ['Home', 'City Council reports', '', 'Mayor wins vote on new plan', '', 'Monday, January 8, 2024', '', ...PROSE].join('\n');
    expect(headlineOf(text)).toBe('Mayor wins vote on new plan');
  });
  it('keeps the lead that opens with its place line ("CAIRO — …") in the body, above a box between it and the body', () => {
    const lead = 'CAIRO — President Mohamed Morsi of Egypt named a prime minister on Tuesday, plucking the irrigation minister from relative obscurity.';
    const text = ['Home', 'Egypt names a new premier', 'By Rod Nordland', lead, 'Connect With Us on Twitter', 'Twitter List: Reporters and Editors', 'Most Emailed', ...PROSE].join('\n');
    const blocks = labelled(text);
    expect(blocks.find((b) => b.text === lead)!.role).toBe('body');
    expect(blocks.find((b) => b.role === 'subheadline')).toBeUndefined();
  });
  it('takes the line above a longer deck for the headline, the deck for the subheadline', () => {
    const text = ['Home', 'Long fight over budget ends', 'Pupils cheer as the extra money for schools and repairs arrives', ...PROSE].join('\n');
    const blocks = labelled(text);
    expect(blocks[1]!.role).toBe('headline');
    expect(blocks[2]!.role).toBe('subheadline');
  });
  it('does not take a line ending in a parenthesis (a caption\'s credit) for the headline', () => {
    const text = ['Home', 'Budget passes at last', 'The mayor and council (Pic: PA)', ...PROSE].join('\n');
    expect(headlineOf(text)).toBe('Budget passes at last');
  });
  it('does not take a caption placing people in the photo ("(L)", "(TOI Photo)") for the headline', () => {
    const text = ['Go to News', 'The mayor (L) thanks the council for the budget', 'Council budget passes at last', 'Monday, January 8, 2024', ...PROSE].join('\n');
    expect(headlineOf(text)).toBe('Council budget passes at last');
    // A trademark's "(R)" is glued to its word: no photo position.
    expect(headlineOf(['Home', 'Magellan(R) Comes Out in Force at the Fair', ...PROSE].join('\n'))).toBe('Magellan(R) Comes Out in Force at the Fair');
  });
  it('a title that trails off in an ellipsis is no sentence: it beats the page header above', () => {
    // The ellipsis ends no sentence; read as a full stop it would lose to the page's header line.
    const text = ['Home', 'Council approves the budget, at last...', 'Mayor and council members', ...PROSE].join('\n');
    expect(headlineOf(text)).toBe('Council approves the budget, at last...');
  });
  it('does not take a results line (team, score, team, score) for the headline', () => {
    const text = ['Home', 'Budget passes at last', 'Council Members 9, Opposition 4', 'Monday, January 8, 2024', ...PROSE].join('\n');
    expect(headlineOf(text)).toBe('Budget passes at last');
  });
  it('cuts a tool row glued to the title ("Save Email Print", "| Print | E-mail")', () => {
    for (const [line, title] of [
      ['Council approves new budget for schools Save Email Print', 'Council approves new budget for schools'],
      ['Council approves new budget for schools | Print | E-mail', 'Council approves new budget for schools'],
    ]) {
      const text = ['Home', line!, 'Monday, January 8, 2024', ...PROSE].join('\n');
      expect(headlineOf(text)).toBe(title);
    }
    // One trailing tool word may be the title's own, and a tool row alone leaves no title.
    expect(toolTail('Why we all like to share')).toBeNull();
    expect(toolTail('Share Email Print Save')).toBeNull();
    expect(toolTail('Budget vote Comments (3)')).toBeNull();
    expect(toolTail('You must be logged in to post a comment.')).toBeNull();
    expect(toolTail('You must be logged in to post a comment')).toBeNull();
    expect(toolTail('Mayor signs the budget Share Tweet')).toEqual({ title: 'Mayor signs the budget', tail: 'Share Tweet' });
  });
  it('cuts the comment count a blog sets beside the title ("… 153 Comments")', () => {
    const text = ['Home', 'Is today the day you finally build your business? 153 Comments', 'Written by Jane Doe', ...PROSE].join('\n');
    expect(headlineOf(text)).toBe('Is today the day you finally build your business?');
    expect(commentCountTail('Council approves the budget 12 comments')).toEqual({ title: 'Council approves the budget', tail: '12 comments' });
    // a count alone, or with fewer than three words before it, is the comment section's heading
    expect(commentCountTail('153 Comments')).toBeNull();
    expect(commentCountTail('Read all 12 comments')).toBeNull();
    expect(commentCountTail('He made 12 comments')).toBeNull();
  });
  it('reads "Written By:" in title case as a byline, a date of bullets after the name too', () => {
    for (const line of ['Written By: Jason Shafrin - Nov• 02•12', 'Written By JESSICA MINTZ']) {
      const blocks = labelled(['Quotation of the Day', line, ...PROSE].join('\n'));
      expect(blocks.find((b) => b.role === 'byline')?.text, line).toBe(line);
      expect(blocks.find((b) => b.role === 'headline')?.text, line).toBe('Quotation of the Day');
    }
  });
  it('cuts the comment count and the mark or word before it from the byline ("Written by Nickel - 4 Comments")', () => {
    for (const [line, byline] of [
      ['Written by Nickel - 4 Comments', 'Written by Nickel'],
      ['by Megan Ramirez on November 13, 2012 · 0 comments', 'by Megan Ramirez on November 13, 2012'],
      ['By Simon Sage | Nov 06 2012 | 2:49 pm | 4 Comments', 'By Simon Sage | Nov 06 2012 | 2:49 pm'],
      ['By Mike Sansone on October 24, 2012 in Marketing with 2 Comments', 'By Mike Sansone on October 24, 2012 in Marketing'],
    ]) {
      const blocks = labelled(['Council approves the budget', line!, ...PROSE].join('\n'));
      expect(blocks.find((b) => b.role === 'byline')?.text, line).toBe(byline);
      expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE);
    }
    // the headline's count goes with its mark too
    expect(commentCountTail('Council approves the budget | 12 comments')).toEqual({ title: 'Council approves the budget', tail: '12 comments' });
  });
  it('cuts a date line or byline glued to the title with no space (a minified page\'s text nodes)', () => {
    for (const [line, title] of [
      ['Jewell close to a striker move17:20, Jan 1 2008', 'Jewell close to a striker move'],
      ['December 31, 2007Council approves new budget for schools', 'Council approves new budget for schools'],
    ]) {
      const text = ['Home', line!, ...PROSE].join('\n');
      expect(headlineOf(text)).toBe(title);
    }
    // a figure's next figure is no glue point: the time stays whole
    const timed = ['Home', 'Classy Hewitt through after convincing win @ Tuesday 15 January, 06:55 GMT', ...PROSE].join('\n');
    expect(headlineOf(timed)).toBe('Classy Hewitt through after convincing win @ Tuesday 15 January, 06:55 GMT');
  });
  it('does not take a line holding a date (a section label with the page\'s date) for the headline', () => {
    const text = ['Home', 'Budget passes at last', 'City Council Monday, January 8, 2024', 'Jane Doe', ...PROSE].join('\n');
    expect(headlineOf(text)).toBe('Budget passes at last');
  });
  it('of two titles of one series ("… day 1", "… day 2") takes the one above the body', () => {
    const text = ['Home', 'City council budget talks, day 1', 'Monday, January 8, 2024', 'City council budget talks, day 2', 'Tuesday, January 9, 2024', ...PROSE].join('\n');
    expect(headlineOf(text)).toBe('City council budget talks, day 2');
  });
  it('does not take an info-box field ("Label: Name") for the headline', () => {
    const lead = 'Jane Doe, the mayor, said on Monday that the budget was a good one for the city and for its schools.';
    const text = ['Home', 'Schools budget passes', 'Mayor: Jane Doe', lead, ...PROSE].join('\n');
    expect(headlineOf(text)).toBe('Schools budget passes');
  });
  it('takes a title whose words are all in the (long) stoplist when it has three different words', () => {
    // stopwords-iso's English list holds "opens", "new", "cases", "against" and "microsoft".
    const lead = 'The European Union opened two new cases against Microsoft on Monday, the commission said in a statement.';
    const text = ['Home', 'EU opens new cases against Microsoft', 'Jane Doe in Brussels', lead, ...PROSE].join('\n');
    expect(headlineOf(text)).toBe('EU opens new cases against Microsoft');
  });
  it('lifts a short headline written in few of the body\'s words above its deck', () => {
    // "Budget night at the hall" shares one word of three with the body; its deck below, more.
    const deck = 'Pupils cheer as the extra money for schools and road repairs arrives';
    const text = ['Home', 'Budget night at the hall', deck, 'Monday, January 8, 2024', ...PROSE].join('\n');
    const blocks = labelled(text);
    expect(blocks.find((b) => b.role === 'headline')?.text).toBe('Budget night at the hall');
    expect(blocks.find((b) => b.role === 'subheadline')?.text).toBe(deck);
  });
  it('lifts a headline above its sentence-case deck further than above a title-case line', () => {
    // The deck, nearer the body and restating it, outscores the headline by about 1.1.
    const deck = 'The city council approved the new budget after a long debate about funding';
    const date = 'Monday, January 8, 2024';
    expect(headlineOf(['Home', 'Schools win the budget fight', deck, date, ...PROSE].join('\n'))).toBe('Schools win the budget fight');
    // Written in title case, the longer line is a title itself: the nearer one stays.
    const titled = 'The City Council Approved The New Budget After A Long Debate About Funding';
    expect(headlineOf(['Home', 'Schools win the budget fight', titled, date, ...PROSE].join('\n'))).toBe(titled);
  });
  it('does not take one phrase written twice (a widget read twice) for the headline', () => {
    const text = ['Home', 'Budget passes at last', 'Council budget Council budget', 'Monday, January 8, 2024', ...PROSE].join('\n');
    expect(headlineOf(text)).toBe('Budget passes at last');
    expect(doubled('ad link ad link')).toBe(true);
    expect(doubled('Fight! Fight! Fight!')).toBe(false);
    expect(doubled('Fight! Fight!')).toBe(false);
  });
  it('assignMeta leaves the body alone when there is no headline candidate', () => {
    const { work } = analyse(PROSE.join('\n'));
    const span = bestSpan(work, 'balanced');
    assignRoles(work, span, 'balanced');
    assignMeta(work, span, null, null);
    expect(work.filter((w) => w.block.role === 'body')).toHaveLength(PROSE.length);
  });
});

describe('assemble', () => {
  it('merges adjacent boilerplate of one kind and keeps paragraph breaks', () => {
    const blocks: Block[] = [
      { index: 0, text: 'Donate now', line: 1, gapBefore: 0, role: 'boilerplate', kind: 'support-appeal', reasons: [] },
      { index: 1, text: 'Support us monthly.', line: 3, gapBefore: 1, role: 'boilerplate', kind: 'support-appeal', reasons: [] },
      { index: 2, text: 'Body.', line: 4, gapBefore: 0, role: 'body', reasons: [] },
      { index: 3, text: 'Read more', line: 5, gapBefore: 0, role: 'boilerplate', kind: 'navigation', reasons: [] },
    ];
    const a = assemble(blocks, { meta: null, language: null, source: { name: 'x', inputFormat: 'text', bytes: 1 } });
    expect(a.boilerplate).toEqual([
      { kind: 'support-appeal', text: 'Donate now\n\nSupport us monthly.' },
      { kind: 'navigation', text: 'Read more' },
    ]);
    expect(a.body).toBe('Body.');
  });

  it('gives a headline in capitals the case the document writes it in elsewhere (html-to-text writes headings in capitals)', () => {
    const block = (index: number, text: string, role: Block['role'], extra: Partial<Block> = {}): Block => ({ index, text, line: index + 1, gapBefore: 1, role, reasons: [], ...extra });
    const source = (inputFormat: 'text' | 'html') => ({ name: 'x', inputFormat, bytes: 1 });
    const page = (headline: Block): Block[] => [
      block(0, 'News > UK > Boy killed by grandparents\' Rottweiler', 'boilerplate', { kind: 'navigation' }),
      headline,
      block(2, 'A one-year-old boy has died after being attacked by a dog at his grandparents\' home.', 'body'),
    ];
    const caps = block(1, "BOY KILLED BY GRANDPARENTS' ROTTWEILER", 'headline');
    expect(assemble(page(caps), { meta: null, language: 'en', source: source('text') }).headline).toBe("Boy killed by grandparents' Rottweiler");
    // as written: in markup, under a Markdown heading, without a copy in another case, or a copy that is a piece of a word
    expect(assemble(page(caps), { meta: null, language: 'en', source: source('html') }).headline).toBe("BOY KILLED BY GRANDPARENTS' ROTTWEILER");
    expect(assemble(page({ ...caps, heading: 1 }), { meta: null, language: 'en', source: source('text') }).headline).toBe("BOY KILLED BY GRANDPARENTS' ROTTWEILER");
    const other = block(1, 'DOG ATTACK IN LEEDS', 'headline');
    expect(assemble(page(other), { meta: null, language: 'en', source: source('text') }).headline).toBe('DOG ATTACK IN LEEDS');
    const glued = [block(0, 'The police counterattack in Leeds was the third', 'body'), block(1, 'ATTACK IN LEEDS', 'headline')];
    expect(assemble(glued, { meta: null, language: 'en', source: source('text') }).headline).toBe('ATTACK IN LEEDS');
    // hostile: a headline of 150 one-letter words over 100,000 blocks of such words, each a near miss
    const many = Array(150).fill('A').join(' ');
    const near = (Array(149).fill('a').join(' ') + ' b ').repeat(4).slice(0, 999);
    const hostile = [block(0, many, 'headline'), ...Array.from({ length: 100_000 }, (_, i) => block(i + 1, near, 'body'))];
    const t0 = performance.now();
    expect(assemble(hostile, { meta: null, language: null, source: source('text') }).headline).toBe(many);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('a document of a few short lines', () => {
  const roles = (text: string): string[] => {
    const blocks = labelled(text);
    return blocks.map((b) => `${b.role}:${b.text}`);
  };
  it('is all body when no pattern claims a line: nothing is lost', () => {
    expect(roles('Test')).toEqual(['body:Test']);
    // The first of several lines stands in the title's place, as the text output writes it.
    expect(roles('abc\n\ndef\n\nghi')).toEqual(['headline:abc', 'body:def', 'body:ghi']);
    // A text browser's image placeholders are no text.
    expect(roles('[window_clo]\n\n1 Secs\n\n[a2]')).toEqual(['boilerplate:[window_clo]', 'body:1 Secs', 'boilerplate:[a2]']);
  });
  it('is no body when a pattern claims a line (a menu), or past a few lines', () => {
    expect(roles('Home\nNews\nSports').some((r) => r.startsWith('body:'))).toBe(false);
    expect(roles('Test\nabc\nxyz\n').some((r) => r.startsWith('body:'))).toBe(true);
    const many = Array.from({ length: 7 }, (_, i) => `item ${i}`).join('\n');
    expect(roles(many).some((r) => r.startsWith('body:'))).toBe(false);
  });
});

describe('list prose', () => {
  // Release notes written as a bulleted list, as w3m renders them ("•" before every item).
  // InnerText renders the same page without the bullets.
  const NOTES = [
    '• We have just landed a change which aims to prevent starting an update while another instance is running.',
    '• Thanks to a volunteer, users can now import their saved logins from two more password managers.',
    '• The browser now supports printing non-contiguous page ranges in the print dialog, bug 499640',
    '• From version 85 it is possible to disable the search shortcut for each engine in the settings.',
    '• The developer tools are now fully compatible with the new process model, and so is the test driver.',
  ];
  const featsOf = (lines: string[]) => {
    const blocks = segmentText(lines.join('\n\n'));
    const lang = detectLanguage(blocks.map((b) => b.text));
    return { blocks, feats: blocks.map((b) => blockFeatures(b, lang)) };
  };
  it('a document whose sentences are mostly list items writes its prose in lists', () => {
    expect(listProse(featsOf(['• Home', '• News', ...NOTES]).feats)).toBe(true);
    const plain = NOTES.map((l) => l.slice(2));
    expect(listProse(featsOf(['• Home', '• News', '• Most read: ten tips for your phone', ...plain]).feats)).toBe(false);
  });
  it('there a bullet is no evidence against a line; elsewhere it costs 0.5', () => {
    const { blocks, feats } = featsOf(NOTES);
    const i = 2; // no sentence end
    expect(feats[i]!.bullet).toBe(true);
    const listed = applyRules(blocks[i]!, feats[i]!, Number.NaN, true);
    const other = applyRules(blocks[i]!, feats[i]!, Number.NaN, false);
    expect(listed.score - other.score).toBeCloseTo(0.5);
    expect(listed.why.join()).not.toContain('bullet');
  });
});

describe('a list a body paragraph announces', () => {
  const SPECS = ['• It will use the same 24MP DX-format CMOS sensor', '• EXPEED 3 processor (same as in the D3200)', '• ISO range: 100-6,400 (expandable up to 25,600)', '• Vari-angle LCD screen (3", 921k dots)'];
  const LEAD = 'The new camera will have slightly different specs than the one it replaces, according to our sources:';
  it('keeps its items (specs that read as labels one by one) in the body, up to the first line that is no item', () => {
    const blocks = labelled([...PROSE.slice(0, 2), LEAD, ...SPECS, '', 'Related posts', 'Home', 'About us'].join('\n'));
    const body = blocks.filter((b) => b.role === 'body').map((b) => b.text);
    expect(body).toEqual([...PROSE.slice(0, 2), LEAD, ...SPECS]);
    expect(blocks.find((b) => b.text === 'About us')!.role).toBe('boilerplate');
  });
  it('keeps them when an image (a text browser\'s "[photo]") stands between the body and the line that announces them', () => {
    const blocks = labelled([...PROSE.slice(0, 2), '[tn_M12]', LEAD, ...SPECS, '', 'Related posts', 'Home', 'About us'].join('\n'));
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual([...PROSE.slice(0, 2), LEAD, ...SPECS]);
  });
  it('keeps them without their bullets (innerText drops them), up to a line of no item', () => {
    const plain = SPECS.map((s) => s.slice(2));
    const blocks = labelled([...PROSE.slice(0, 2), LEAD, ...plain, '', 'Related posts', 'Home', 'About us'].join('\n'));
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual([...PROSE.slice(0, 2), LEAD, ...plain]);
    // Items of one word ("Bahrain", "India") too.
    const places = ['Brazil (Brasilia, Rio de Janeiro, Sao Paolo)', 'Bahrain', 'Sri Lanka', 'India', 'Australia (Adelaide, Brisbane, Melbourne)'];
    const tour = 'Here are the places we will visit for the first half of the year, not including the states:';
    const list = labelled([...PROSE.slice(0, 2), tour, ...places, '', 'Related posts', 'Home', 'About us'].join('\n'));
    expect(list.filter((b) => b.role === 'body').map((b) => b.text)).toEqual([...PROSE.slice(0, 2), tour, ...places]);
    // A short line announces three items or more ("Top deal:"), unless it is a box's heading in title case.
    const deals = ['2TB portable hard drive for $161.99 with free shipping', '15-inch laptop with 8GB RAM for $2,059 with free shipping', 'Dual-band wireless router for $140 with $4 shipping'];
    for (const [lead, kept] of [['Other deals:', true], ['Popular Musical Projects:', false]] as const) {
      const body = labelled([...PROSE.slice(0, 2), lead, ...deals, '', 'Related posts', 'Home', 'About us'].join('\n')).filter((b) => b.role === 'body').map((b) => b.text);
      expect(body, lead).toEqual(kept ? [...PROSE.slice(0, 2), lead, ...deals] : PROSE.slice(0, 2));
    }
    // A short sentence between the body and the line announcing the list is passed over, and kept.
    const thrilled = labelled([...PROSE.slice(0, 2), 'We are SO thrilled.', tour, ...places, '', 'Related posts', 'Home', 'About us'].join('\n'));
    expect(thrilled.filter((b) => b.role === 'body').map((b) => b.text)).toEqual([...PROSE.slice(0, 2), 'We are SO thrilled.', tour, ...places]);
  });
  it('takes the line announcing the article\'s first lines (a quote) into the body, not for a deck', () => {
    const lead = 'This weekend I ran across a blog post by Federico Pereiro entitled Read the masters. The post opens with a quote from Niels Henrik Abel:';
    const quote = 'When asked how he developed his mathematical abilities so rapidly, he replied that it was by studying the masters and not their pupils.';
    const blocks = labelled(['Home', 'Reading the masters', lead, quote, ...PROSE, 'Tags: math'].join('\n'));
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual([lead, quote, ...PROSE]);
    expect(blocks.find((b) => b.role === 'subheadline')).toBeUndefined();
  });
  it('without the colon, the same items are no part of it', () => {
    const blocks = labelled([...PROSE.slice(0, 2), LEAD.replace(/:$/, '.'), ...SPECS].join('\n'));
    expect(blocks.filter((b) => b.role === 'body' && b.text.startsWith('•')).length).toBeLessThan(SPECS.length);
  });
});

describe("a site's About box", () => {
  it('holds the blurb under its heading out of the body, in any of the languages the heading row knows', () => {
    const blurb = 'The Photo Review is a resource for photographers from novice to advanced, and we bring you useful information, inspiration, technique and showcases of the best photographers working today, with new posts every day of the week.';
    for (const heading of ['About this blog', 'À propos', 'Über uns', 'О нас']) {
      const text = ['Ten photos from Memorial Day', '', PROSE[0], '', PROSE[1], '', heading, '', blurb, '', 'Home', 'Contact'].join('\n');
      const blocks = labelled(text);
      expect(blocks.find((b) => b.text === blurb)!.role, heading).toBe('boilerplate');
      expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE.slice(0, 2));
    }
  });

  it('holds the paragraph under a bare "About" heading out, but not the article right under a menu\'s "About" link', () => {
    const blurb = 'Letters of Note is an attempt to gather and sort fascinating letters, postcards, telegrams, faxes, and memos, with scans of the originals where possible.';
    const blocks = labelled(['Ten photos from Memorial Day', '', PROSE[0], '', PROSE[1], '', 'About', blurb, 'Learn more here.'].join('\n'));
    expect(blocks.find((b) => b.text === blurb)!.role).toBe('boilerplate');
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE.slice(0, 2));
    const menu = labelled(['Home', 'Blog', 'About', PROSE[0], '', PROSE[1]].join('\n'));
    expect(menu.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE.slice(0, 2));
  });

  const BLURB =
    'PhotoDaily provides news about photography for working photographers and keen amateurs. It covers a range of subjects, from cameras and lenses to lighting, printing and the business of selling pictures, and we try to explain what each new tool means for the people who use it every day. Our writers are photographers themselves, and they test every camera we review in the field before we publish a word about it.';
  const site = (heading: string, copyright: string): string => ['New cameras announced at the fair', '', PROSE[0], '', PROSE[1], '', PROSE[2], '', 'Home', 'Contact', heading, '', BLURB, '', copyright].join('\n');
  it('holds the blurb under "About <the site>" out when the copyright line names the site, though it outweighs the article', () => {
    const blocks = labelled(site('About PhotoDaily', '© Copyright 2012 PhotoDaily, Inc. All rights reserved.'));
    expect(blocks.find((b) => b.text === 'About PhotoDaily')!.kind).toBe('other');
    expect(blocks.find((b) => b.text === BLURB)!.role).toBe('boilerplate');
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE.slice(0, 3));
    // The holder's first words name it too ("About Dow Jones" under "© Dow Jones & Company").
    const longer = labelled(site('About PhotoDaily', '© 2012 PhotoDaily & Company. All rights reserved.'));
    expect(longer.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE.slice(0, 3));
    // The heading may name the kind of site after the name ("About Zillow Blog"), over a blurb
    // that does not open with the name.
    const welcome = `Glad you are here. ${BLURB.slice(BLURB.indexOf('It covers'))}`;
    for (const heading of ['About PhotoDaily Blog', 'About the PhotoDaily website:']) {
      const text = ['New cameras announced at the fair', '', PROSE[0], '', PROSE[1], '', 'Home', 'Contact', heading, '', welcome, '', '© 2006-2012 PhotoDaily Inc., All Rights Reserved'].join('\n');
      const kinded = labelled(text);
      expect(kinded.find((b) => b.text === welcome)!.role, heading).toBe('boilerplate');
      expect(kinded.filter((b) => b.role === 'body').map((b) => b.text), heading).toEqual(PROSE.slice(0, 2));
    }
  });
  it('takes a menu\'s "About <the site>" link over the article\'s headline for no heading', () => {
    const text = ['Home', 'Markets', 'About Reuters', 'Nigerian rebels claim ship attacks, threaten more', 'Thu Jan 10, 2008 7:10am EST', '', PROSE[0], '', PROSE[1], '', '© Thomson Reuters 2008. All rights reserved.'].join('\n');
    const blocks = labelled(text);
    expect(blocks.find((b) => b.role === 'headline')?.text).toBe('Nigerian rebels claim ship attacks, threaten more');
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE.slice(0, 2));
  });
  it('keeps a company\'s "About <Name>" and description when someone else holds the copyright (a press release)', () => {
    const blocks = labelled(site('About PhotoDaily', '© 2012 Business Wire. All rights reserved.'));
    expect(blocks.find((b) => b.text === BLURB)!.role).toBe('body');
  });
  it('holds out a paragraph in which the site presents itself by name, not one in which the article names it', () => {
    const self = 'Reuters is the world\'s largest international multimedia news agency, providing investing news, world news, business news, technology news and headline news.';
    const news = 'Reuters is cutting 500 jobs in its news division, the company said on Tuesday, as it moves more of its reporting to its digital services.';
    // A box between two paragraphs: it ends nothing. "Reuters" names "Thomson Reuters".
    const text = ['Reuters to cut 500 jobs', '', news, '', PROSE[0], '', self, '', PROSE[1], '', '© 2012 Thomson Reuters. All rights reserved.'].join('\n');
    const blocks = labelled(text);
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual([news, ...PROSE.slice(0, 2)]);
    expect(blocks.find((b) => b.text === self)!.role).toBe('boilerplate');    // A name with its domain, as the copyright line writes it.
    const dotcom = 'PhoneNews.com is one of the oldest independent sites for news about mobile phones, carriers and the people who use them every day.';
    const site = labelled(['Carrier raises prices', '', PROSE[0], '', dotcom, '', PROSE[1], '', '© 2012 PhoneNews.com All Rights Reserved'].join('\n'));
    expect(site.find((b) => b.text === dotcom)!.role).toBe('boilerplate');
  });
  it('reads a profile\'s fields under "About me" as the box\'s, not as a byline that ends it', () => {
    const bio = 'I have been an advertising copywriter in New York for nineteen years, and I write about the ads that make me laugh, the ones that make me angry, and the people who keep paying for both of them every single year.';
    const text = ['Ad Notes', '', 'ABOUT ME', 'Name:', 'adnotes', 'Location:', 'New York, New York', '', bio, '', 'View my complete profile', '', 'Ten ads of the week', '', PROSE[0], '', PROSE[1]].join('\n');
    const blocks = labelled(text);
    expect(blocks.find((b) => b.text === bio)!.role).toBe('boilerplate');
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE.slice(0, 2));
  });
  it('holds out a call for writers ("Write for us", "Become a contributor") and the paragraph under it', () => {
    const call = 'Do you have a photography technique or tip to share? We would love to hear about it, so please feel free to contact us with your ideas and we will get back to you within a few days of receiving them.';
    for (const heading of ['Write for us', 'Become a Contributor', 'BE A CONTRIBUTOR']) {
      const blocks = labelled(['Ten photos from Memorial Day', '', PROSE[0], '', 'Home', heading, '', call, '', 'Archives'].join('\n'));
      expect(blocks.find((b) => b.text === call)!.role, heading).toBe('boilerplate');
      expect(blocks.filter((b) => b.role === 'body').map((b) => b.text), heading).toEqual([PROSE[0]]);
    }
  });
});

describe('a rule between paragraphs', () => {
  it('is no paragraph of the body ("━━━━", "* * *"), and the body goes on after it', () => {
    // A text browser draws a rule as wide as its page: 1,000 characters weigh like a paragraph.
    for (const rule of ['━'.repeat(1000), '* * *', '—']) {
      const blocks = labelled(['Council approves the budget', '', PROSE[0], '', PROSE[1], '', rule, '', PROSE[2], '', PROSE[3]].join('\n'));
      expect(blocks.filter((b) => b.role === 'body').map((b) => b.text), rule).toEqual(PROSE);
      expect(blocks.find((b) => b.text === rule)!.role, rule).toBe('boilerplate');
    }
  });
});

describe("a writer's bio", () => {
  const BIO = 'Lucas Mearian covers storage, disaster recovery and business continuity, financial services infrastructure and health care IT for Computerworld.';
  it('is boilerplate when it opens with the name the byline gives, wherever it stands, and ends nothing', () => {
    const text = ['Storage prices fall again', 'By Lucas Mearian', '', PROSE[0], '', PROSE[1], '', BIO, '', PROSE[2], '', '© 2012 Computerworld'].join('\n');
    const blocks = labelled(text);
    expect(blocks.find((b) => b.text === BIO)).toMatchObject({ role: 'boilerplate', kind: 'other' });
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE.slice(0, 3));
  });
  it('is the article when the byline names someone else (the person the story is about)', () => {
    const text = ['Storage prices fall again', 'By Jane Roe', '', PROSE[0], '', BIO, '', PROSE[1]].join('\n');
    expect(labelled(text).filter((b) => b.role === 'body').map((b) => b.text)).toEqual([PROSE[0], BIO, PROSE[1]]);
  });
});

describe("a blog post's header (headline, then a dated byline)", () => {
  const TEASERS = [
    'As interface designers, we are often required to demonstrate the look and feel of the interfaces we build, and prototypes are the fastest way to do it for a client who wants to see it working.',
    'It is mesmerizing to see such high end developments in the field of technology, and one of the most talked about this year is the tablet that every studio now seems to carry around to meetings.',
    'With today being the first day of spring, we thought it would be nice to collect a few of the brightest posters and prints that readers have sent us over the last few months for the gallery.',
    'Skype is expanding even before it gets absorbed by its new owner, buying a group messaging service that lets friends send one another texts from their phones and computers at the same time.',
  ];
  const GALLERY = ['Season’s Greetings', 'It’s Santa!', 'Christmas Ribbon', 'Simplistic Holiday Card', 'Present Time!', 'Christmas Angels', 'Wrapping Paper', 'Retro Santa'];
  const INTRO = 'The holiday season is fast approaching and around the globe, marketing machines are whirring into action. Here are eight designs from others in your predicament to jumpstart the creative process.';

  it('takes the run right after the header for the body when the best run of prose is a sidebar below', () => {
    const text = ['Home', 'News', 'Inspiration', '', '30 Designs to Inspire You Before Christmas', 'Posted November 4th, 2012 / By Jean-Pierre Gassin', '', INTRO, '', ...GALLERY, '', 'Share this', 'Related Posts', '', 'Community News', '', ...TEASERS.flatMap((t) => [t, '']), 'Archives'].join('\n');
    const blocks = labelled(text);
    const body = blocks.filter((b) => b.role === 'body').map((b) => b.text);
    expect(body[0]).toBe(INTRO);
    expect(body.some((t) => TEASERS.includes(t))).toBe(false);
    expect(blocks.find((b) => b.text.startsWith('Posted November'))!.role).toBe('byline');
    expect(blocks.find((b) => b.role === 'headline')!.text).toBe('30 Designs to Inspire You Before Christmas');
  });

  it('reads a headline of up to 20 words over the dated byline', () => {
    const title = 'Shocking: Ohio Supporters Caught Looking Racist And Stumped For Reasons Why They Are Voting Against The President';
    const text = ['Home', 'News', '', title, 'Posted on November 5th, 2012 - By Bossip Staff', '', PROSE[0], '', PROSE[1], '', 'Share this', 'Related Posts', '', 'Community News', '', ...TEASERS.flatMap((t) => [t, '']), 'Archives'].join('\n');
    expect(labelled(text).filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE.slice(0, 2));
  });

  it('reads a header split around its title (date line, title, "Posted by …") the same way', () => {
    const post = 'It\'s Moroccan made easy! Add fresh ginger, garlic, cinnamon and cumin to tomatoes and chicken leg quarters, and watch your slow-cooker give back a rich stew.';
    const lines = ['Everyday Food Blog', 'Previous Post', 'Next Post', 'October 31, 2012', "Today's Recipe: Slow-Cooker Sweet and Spicy Chicken", 'Posted by Hannah Hayes', post, 'Tags: Chicken, Moroccan, slow-cooker', 'Leave a Reply', ...TEASERS];
    const blocks = labelled(lines.join('\n'));
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual([post]);
    expect(blocks.find((b) => b.role === 'headline')?.text).toBe(lines[4]);
  });

  it('starts the body below the header when the best run began above it (a column of testimonials)', () => {
    const quote = '“As someone trying to get my self-funded startup going, both time and money are tight, and the advice I got here saved me months of work and more than a few mistakes I would have made.” – a reader';
    const text = ['Home', '', quote, '', 'Startups, chickens, and eggs', 'Posted on: 08-6-2012 With: 1 Comment Posted by: Bob Walsh', '', PROSE[0], '', PROSE[1], '', 'Leave a comment'].join('\n');
    const body = labelled(text).filter((b) => b.role === 'body').map((b) => b.text);
    expect(body).toEqual(PROSE.slice(0, 2));
  });

  it('says nothing below the article (a post footer) or in a comment thread of "by … on …" lines', () => {
    const footer = ['My four favorite places', '', ...PROSE.flatMap((p) => [p, '']), 'Posted on August 9th, 2012 by lucky', 'in Travel', '', 'Great post!', 'by Ann on August 9, 2012', '', 'Thanks for the tips, we are going to Bali next year and will try the first place.'].join('\n');
    const body = labelled(footer).filter((b) => b.role === 'body').map((b) => b.text);
    expect(body.slice(0, 4)).toEqual(PROSE);
  });
});

describe("a blog post's footer", () => {
  it('ends the body like a copyright line: the prose below it (another post) is not merged into it', () => {
    const post = [
      'We need a better way to write about games, and I do not mean a new form of journalism or a new kind of review that scores every title out of ten for its graphics and its sound.',
      'For a long time we have tried to make games align with our critical sensibilities, and we have focused a dramaturgical lens on them that tells us more about films than about play.',
      'But as we have waited for games to grow up and claim their cultural place in the sun, the medium has broadened and deepened in ways that few of us expected ten years ago.',
      'I am talking about designers who make small personal games about grief, love and memory, and who are read by players who never thought of themselves as gamers at all.',
    ];
    const next = [
      'Their work asks for words we do not have yet, and finding those words is the job of everyone who writes about games, whether for a magazine, a blog or a classroom.',
      'The next post in this series looks at the way a small studio in Montreal built its last game around a single idea, and what that idea cost the team over three years.',
    ];
    const text = ['Koster: Theory of Fun', '', ...post.flatMap((p) => [p, '']), 'Posted at 11:57 AM in Games and culture | Permalink', 'Reblog (0)', '', ...next.flatMap((p) => [p, ''])].join('\n');
    const blocks = labelled(text);
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(post);
    expect(blocks.find((b) => b.text.startsWith('Posted at'))!.kind).toBe('navigation');
  });
  it("ends the body at links to the previous and next post or page, the post's footer or tags, or a comment form, under the article: the thread after them (names and remarks) is not merged in", () => {
    const post = [
      'For those who remember, last year I embarked on a challenge: the goal was to get to ten percent body fat in one year, and I spent the whole year working out and watching what I ate.',
      'The end result was pretty good: I dropped a lot of weight, added a lot of muscle, and in general felt much better. Then I got married, the challenge was over, and the new year started.',
      'And guess what? I am heavy again, and I am really angry with myself, because I know exactly how it happened and I let it happen anyway, one skipped morning at a time.',
      'I went with my father this morning to a nutritionist, where I found out that I had put back almost everything I lost, and that most of it came back in the last three months.',
      'We make time for what is important to us, and we do not make time for what is not. If we want something badly enough, we find the time for it, whatever we tell ourselves.',
      'So the problem is me, and I see that now. It is time to change that, starting tomorrow morning at five, and I will write here every week about how it goes. Thanks for listening.',
    ];
    const thread = Array.from({ length: 30 }, (_, i) => [`Reader Number${i % 2 ? '' : ' Jr'}`, `Good luck with it, and I will follow your progress here on the blog, number ${i}. Maybe an accountability partner would help.`]).flat();
    for (const end of ['PREVIOUS POST', 'This entry was posted in Health. Bookmark the permalink.', 'Your email address will not be published. Required fields are marked *', 'Tags: fitness, weight loss, nutrition', 'Next Page »', '1 2 3 Next', '« Mother dough | Main | Crafting wonder »']) {
      const blocks = labelled(['When the problem is you', '', ...post, 'Tweet', end, ...thread].join('\n'));
      expect(blocks.filter((b) => b.role === 'body').map((b) => b.text), end).toEqual(post);
    }
    // above the article, they end nothing
    for (const nav of ['« Previous Post', '« Mother dough | Main | Crafting wonder »']) {
      const top = labelled(['When the problem is you', nav, ...post, '© 2012 The Blog'].join('\n'));
      expect(top.filter((b) => b.role === 'body').map((b) => b.text), nav).toEqual(post);
    }
    // a bare "Next" (a slider's button) between two paragraphs ends nothing either
    const slider = labelled(['When the problem is you', '', ...post.slice(0, 3), 'Next', ...post.slice(3), '© 2012 The Blog'].join('\n'));
    expect(slider.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(post);
  });
});

describe('a comment form under the post', () => {
  it('is comment furniture, not body: its notices and its fields marked required', () => {
    const form = ['Your email address will not be published. Required fields are marked *', 'Name *', 'Email *', 'Website', 'Comment', 'You may use these HTML tags and attributes: <a href="" title=""> <abbr title=""> <b> <blockquote cite=""> <em> <strong>', 'Notify me of follow-up comments by email.', 'Search for:'];
    const blocks = labelled(['Council approves the budget', '', ...PROSE.flatMap((p) => [p, '']), ...form].join('\n'));
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE);
    for (const line of [form[0], form[1], form[5], form[6]]) expect(blocks.find((b) => b.text === line), line).toMatchObject({ role: 'boilerplate', kind: 'comments' });
  });
});

describe('an article printed twice in a row', () => {
  const LONG = [
    'Treasury Secretary Timothy Geithner on Monday warned European leaders against leaving the continent on the edge of a financial crisis while they press their troubled neighbours to overhaul their economies.',
    '"If you leave Europe on the edge of the abyss as your source of leverage, your strategy is unlikely to work, because you are going to raise the ultimate cost of the crisis," he said in an interview.',
  ];
  it('keeps one copy: the second is furniture (a print view beside the screen view, hidden text)', () => {
    const copy = ['BY JEFFREY SPARSHOTT', ...LONG, ...PROSE.slice(0, 2)];
    const blocks = labelled(['Geithner Urges Quick Action on Debt Crisis', ...copy, ...copy, '', 'Copyright 2012 Dow Jones & Company, Inc. All Rights Reserved'].join('\n'));
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual([...LONG, ...PROSE.slice(0, 2)]);
    expect(blocks.filter((b) => b.text === LONG[0]).map((b) => b.role)).toEqual(['body', 'boilerplate']);
    // the first copy's byline is the article's; the second's went with its copy
    expect(blocks.filter((b) => b.text === copy[0]).map((b) => b.role)).toEqual(['byline', 'boilerplate']);
  });
  it('keeps every repetition of one paragraph (filler, a refrain), with or without a heading between', () => {
    const lorem = 'Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.';
    for (const doc of [[lorem, lorem, lorem, lorem], [lorem, 'Secondary header', lorem, 'Secondary header', lorem]]) {
      const blocks = labelled(['Test page', '', ...doc].join('\n'));
      expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(doc);
    }
  });
});

describe('a river of teasers', () => {
  const TEASERS = [
    ['Harbour bridge reopens after repairs', 'The harbour bridge reopened to traffic on Monday morning after six months of repairs to its deck, its cables and the approach roads on both sides of the river, the city said in a statement.'],
    ['School year to start a week later', 'Pupils across the region will go back to school a week later than usual this autumn, after the education board agreed to a request from teachers who wanted more time to prepare their lessons.'],
    ['Library extends its opening hours', 'The central library will stay open until nine in the evening from next month, after a survey of its readers found that most of them could only visit it after work or on the weekend.'],
  ];
  const river = (link: string): string[] => TEASERS.flatMap(([title, summary]) => [title!, summary!, link]);
  it('holds summaries with a "Continue reading" link under each out of the body, though together they outweigh the article', () => {
    const text = ['City News', '', ...river('Continue Reading »'), '', 'Council approves the budget', '', ...PROSE.slice(0, 3)].join('\n');
    const blocks = labelled(text);
    for (const [, summary] of TEASERS) expect(blocks.find((b) => b.text === summary)!.kind).toBe('navigation');
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE.slice(0, 3));
  });
  it("holds each teaser's title above its summary and its date under its link out too", () => {
    const dated = TEASERS.flatMap(([title, summary], i) => [title!, summary!, 'Continue Reading »', `2012-11-0${i + 1}`]);
    const text = ['City News', '', ...dated, '', 'Council approves the budget', '', ...PROSE.slice(0, 3)].join('\n');
    const blocks = labelled(text);
    for (const [title] of TEASERS) expect(blocks.find((b) => b.text === title)!.kind, title).toBe('navigation');
    for (const d of ['2012-11-01', '2012-11-02', '2012-11-03']) expect(blocks.find((b) => b.text === d)!.role, d).toBe('boilerplate');
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE.slice(0, 3));
  });
  it('holds summaries out whose "Read more" link innerText glued to their end', () => {
    const glued = TEASERS.map(([title, summary]) => `${title} Aug09 ${summary!.slice(0, 90)}… Read Article ►→ 28`);
    const text = ['City News', '', ...glued, '', 'Council approves the budget', '', ...PROSE.slice(0, 3), ...glued.map((g) => g.replace('28', 'NEW!'))].join('\n');
    const blocks = labelled(text);
    for (const line of glued) expect(blocks.find((b) => b.text === line)!.kind).toBe('navigation');
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE.slice(0, 3));
  });
  it('keeps the paragraph over a lone "Read more", and summaries over a list\'s "View all" links', () => {
    const one = labelled(['Council approves the budget', '', ...PROSE, 'Read more'].join('\n'));
    expect(one.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE);
    const views = labelled(['Council approves the budget', '', ...river('View all posts by Jane')].join('\n'));
    expect(views.find((b) => b.text === TEASERS[0]![1])!.kind).not.toBe('navigation');
  });
});

describe('a photo gallery inside the article', () => {
  it('costs the span search what a few lines cost, however many slides a text browser prints', () => {
    const second = PROSE.map((p) => p.replace('council', 'board').replace('The ', 'Then the '));
    const slides = Array.from({ length: 60 }, (_, i) => [`[img_${1000 + i}]`, String(i + 1)]).flat();
    const text = ['Council approves the budget', '', PROSE[0], PROSE[1], ...slides, ...second].join('\n');
    const blocks = labelled(text);
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual([PROSE[0], PROSE[1], ...second]);
    expect(blocks.find((b) => b.text === '[img_1030]')!.role).toBe('boilerplate');
  });
});

describe('a sentence printed twice over', () => {
  it('is an image\'s alt and title text side by side, not the article\'s', () => {
    const alt = 'A man rides his bike through the flooded street on Saturday.';
    const blocks = labelled(['Council approves the budget', '', PROSE[0], `${alt} ${alt}`, `${alt.replace('man', 'woman')} ${alt.replace('man', 'woman')}`, ...PROSE.slice(1)].join('\n'));
    expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE);
    // A sentence that only opens like the one before it is no copy.
    const near = labelled(['Council approves the budget', '', PROSE[0], `${alt} ${alt.replace('Saturday', 'Sunday')}`, ...PROSE.slice(1)].join('\n'));
    expect(near.filter((b) => b.role === 'body')).toHaveLength(5);
  });
});

describe('a rule inside the article', () => {
  it('costs the span search nothing, however wide a text browser prints it', () => {
    const { work } = analyse([PROSE[0], '━'.repeat(1000), '* * *', PROSE[1]].join('\n'));
    markFolded(work);
    expect(spanValue(work[1]!, 1.5)).toBe(0);
    expect(spanValue(work[2]!, 1.5)).toBe(0);
    expect(spanValue(work[0]!, 1.5)).not.toBe(0);
  });
});

describe('images inside the article', () => {
  it('cost a text browser\'s "[photo]" lines nothing in the span search, as innerText\'s nothing costs', () => {
    const { work } = analyse(['[budget-step-1]', 'Home'].join('\n'));
    markFolded(work);
    expect(work[0]!.boiler?.row.id).toBe('image-placeholder');
    expect(spanValue(work[0]!, 1.5)).toBe(0);
    // Other furniture still costs its price.
    expect(spanValue(work[1]!, 1.5)).toBeLessThan(-50);
  });
});

describe('a count of followers', () => {
  it('is a share row, one network or several, inside the article or under it', () => {
    for (const line of ['Twitter (17,951 followers) • Facebook (3,507 likes) • Flickr (4,218 contacts)', 'Apple 51,524 followers', 'Join our 260,451 followers']) {
      const blocks = labelled(['Council approves the budget', ...PROSE.slice(0, 2), line, ...PROSE.slice(2)].join('\n'));
      expect(blocks.find((b) => b.text === line)?.kind, line).toBe('share');
      expect(blocks.filter((b) => b.role === 'body').map((b) => b.text)).toEqual(PROSE);
    }
  });
});

describe('a wire photo\'s caption under the headline', () => {
  it('is a caption, not the deck, when it ends with the day after a comma', () => {
    const caption = 'The mayor signs the new budget at city hall after the council vote, 24 Nov 2007';
    const blocks = labelled(['Council approves the budget', caption, ...PROSE].join('\n'));
    expect(blocks.find((b) => b.text === caption)?.role).toBe('caption');
    // a deck: no date at its end
    const deck = 'The mayor signs the new budget at city hall after the council vote';
    expect(labelled(['Council approves the budget', deck, ...PROSE].join('\n')).find((b) => b.text === deck)?.role).toBe('subheadline');
  });
});

describe('a credit glued before its caption', () => {
  it('is split: the credit up to the agency, the caption after it', () => {
    const caption = 'After the Sept. 11, 2001, terrorist attacks, many people were prepared to give up a little privacy.';
    const text = ['Assessing the Trade-Offs Between Security and Civil Liberties', `Stan Honda/Agence France-Presse — Getty Images${caption}`, ...PROSE].join('\n');
    const a = assemble(labelled(text), { meta: null, language: 'en', source: { name: null, inputFormat: 'text', bytes: text.length } });
    expect(a.photoCredits).toEqual(['Stan Honda/Agence France-Presse — Getty Images']);
    expect(a.captions).toEqual([caption]);
    expect(a.paragraphs).toEqual(PROSE);
  });
});
