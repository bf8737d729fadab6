import { describe, expect, it } from 'vitest';
import { TABLES, boilerplateTable, mediaTable, metaTable } from '../src/patterns/index.js';
import { compileTable, isAnchored, lazyRows } from '../src/patterns/table.js';

const compiled = { boilerplate: boilerplateTable, media: mediaTable, meta: metaTable, captionCredits: compileTable(TABLES.captionCredits) } as const;

describe.each(Object.entries(TABLES))('pattern table %s', (name, rows) => {
  const ids = rows.map((r) => r.id);
  it('has unique row ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });
  it.each(rows.map((r) => [r.id, r] as const))('row %s matches its example and not its near miss', (_id, row) => {
    expect(row.note.length).toBeGreaterThan(5);
    row.pattern.lastIndex = 0;
    expect(row.pattern.test(row.example), `example: ${row.example}`).toBe(true);
    row.pattern.lastIndex = 0;
    expect(row.pattern.test(row.nearMiss), `near miss: ${row.nearMiss}`).toBe(false);
    if (row.maxLength !== undefined) expect(row.example.length).toBeLessThanOrEqual(row.maxLength);
  });
  it.each(rows.map((r) => [r.id, r] as const))('compiled table finds row %s for its example', (_id, row) => {
    const hit = compiled[name as keyof typeof compiled].match(row.example);
    expect(hit, row.example).not.toBeNull();
    expect(hit!.row.kind).toBe(row.kind);
  });
});

describe('lazyRows', () => {
  it('makes a row\'s regex on the first use of its pattern, once', () => {
    let made = 0;
    const [row] = lazyRows([{ id: 'x', kind: 'k', pattern: () => (made++, /^a+$/u), note: 'n', example: 'aa', nearMiss: 'b' }]);
    expect(made).toBe(0);
    expect(row!.id).toBe('x');
    expect(row!.pattern.test('aaa')).toBe(true);
    expect(row!.pattern).toBe(row!.pattern);
    expect(made).toBe(1);
    expect(compileTable([row!]).match('aa')?.row).toBe(row);
  });
});

describe('compileTable', () => {
  it('rejects global or non-unicode patterns', () => {
    expect(() => compileTable([{ id: 'x', kind: 'k', pattern: /a/g, note: 'n', example: 'a', nearMiss: 'b' }])).toThrow();
  });
  it('skips rows whose length limit the line exceeds', () => {
    const t = compileTable([{ id: 'x', kind: 'k', pattern: /^a+$/u, note: 'n', example: 'a', nearMiss: 'b', maxLength: 3 }]);
    expect(t.match('aaa')?.row.id).toBe('x');
    expect(t.match('aaaa')).toBeNull();
  });
  it('returns the capture groups of the matching row', () => {
    const hit = mediaTable.match('A python that ate a rabbitCredit: Getty - Contributor');
    expect(hit?.row.id).toBe('labelled-credit');
    expect(hit?.match[1]).toBe('Getty - Contributor');
    expect(hit?.match.index).toBe('A python that ate a rabbit'.length);
  });
});

describe('keyword pre-filter', () => {
  // The tables matched against every line; caption credits only run on markup captions.
  const all = [...TABLES.boilerplate, ...TABLES.media, ...TABLES.meta];
  it.each(all.filter((r) => !isAnchored(r.pattern)).map((r) => [r.id, r] as const))('unanchored row %s has keywords found in its example', (_id, row) => {
    expect(row.keywords?.length ?? 0, `${row.id} needs keywords`).toBeGreaterThan(0);
    expect(row.keywords!.every((k) => k === k.toLowerCase())).toBe(true);
    expect(row.keywords!.some((k) => row.example.toLowerCase().includes(k))).toBe(true);
  });
});

describe('related-story headings in other languages', () => {
  it('match as whole lines, not as sentences that start the same way', () => {
    for (const l of ['Auch auf heise online:', 'Mehr zum Thema Mac OS X', 'Lesen Sie auch', 'À lire aussi', 'Voir aussi :', 'Lee también', 'Leia também', 'Leggi anche', 'Читайте также:', 'По теме', 'Související články', 'Czytaj także'])
      expect(boilerplateTable.match(l)?.row.id, l).toBe('related-heading');
    for (const l of ['Auch auf dem Land gibt es Probleme.', 'Mehr zum Thema gibt es morgen.', 'По теме выступил министр.', 'Voir aussi le rapport de la commission publié hier soir.'])
      expect(boilerplateTable.match(l), l).toBeNull();
  });
  it('"Related on <site>:" heads a related box like "Also on <site>:", not a sentence', () => {
    for (const l of ['Related on HuffPost:', 'Also on HuffPost:', 'Related on Mashable'])
      expect(boilerplateTable.match(l)?.row.id, l).toBe('related-heading');
    expect(boilerplateTable.match('Related on Tuesday to the case of the missing funds, the mayor said.')).toBeNull();
  });
});

describe('account and skip links', () => {
  it('read glued skip links and account links as navigation, not sentences that use the words', () => {
    for (const l of ['Skip to contentSkip to site index', 'Log out Sign in', 'Sign in | Register', 'Create an account'])
      expect(boilerplateTable.match(l)?.row.kind, l).toBe('navigation');
    for (const l of ['Skip to contents of the report', 'Create an account to save articles.', 'Sign in to read the full report.'])
      expect(boilerplateTable.match(l), l).toBeNull();
  });
});

describe('teaser summaries that end in their link', () => {
  it('match a summary followed by "More" or "Read more", not prose that mentions more', () => {
    for (const l of ['Illinois became the last state to pass a law permitting residents to carry concealed firearms. Read More', 'Want to be taken seriously at work? Find out what you need to do. More', 'Die Regierung hat den Haushalt beschlossen. Weiterlesen »'])
      expect(boilerplateTable.match(l)?.row.id, l).toBe('teaser-more');
    for (const l of ['The council wants to spend more.', 'Officials said they would read more reports. More than 200 people came.', 'Visit the site to learn more about the programme. Learn more'])
      expect(boilerplateTable.match(l)?.row.id, l).not.toBe('teaser-more');
  });
});

describe('comment author lines', () => {
  const row = Object.values(TABLES).flat().find((r) => r.id === 'comment-author')!;
  it('a commenter\'s name, or name and date, before "said:" (or "said,"); not a clause that introduces a quote', () => {
    for (const l of ['Steve Wilson says:', 'jim said:', 'Jim, 12 May 2012 at 4:15 pm said:', 'Anonymous on March 3, 2012 wrote:', 'Progress Trap said,', 'Paula @ AffordAnything.org said,']) {
      expect(row.pattern.test(l), l).toBe(true);
    }
    for (const l of ['In a wide-ranging interview, President Obama also said:', 'Asked about the vote, the minister said:', 'Asked about the vote, the minister said,']) {
      expect(row.pattern.test(l), l).toBe(false);
    }
  });
});

describe('comment time stamps', () => {
  it('"3 hours ago" and "2 days ago in reply to Jim" are a comment\'s; "10 months ago in The Large Picture Blog" is a feed item\'s (a list of other blogs\' posts)', () => {
    for (const l of ['3 hours ago', '5 minutes ago | Reply', '2 days ago in reply to Jim']) expect(boilerplateTable.match(l)?.row.id, l).toBe('comment-meta');
    for (const l of ['10 months ago in The Large Picture Blog', '1 year ago in Disease Prone']) expect(boilerplateTable.match(l), l).toBeNull();
  });
});

describe('date lines', () => {
  it('read a 24-hour time written with "hrs" (Indian outlets: "15 Jan, 2008, 1202 hrs IST") and a trailing comma (a date cut from its line); not a year and a figure in a sentence', () => {
    for (const l of ['15 Jan, 2008, 1202 hrs IST', '15 Jan, 2008, 1202 hrs IST,', 'Published: March 3, 2022,', 'Updated: 10:02 a.m. ET Jan. 5, 2008']) expect(metaTable.match(l)?.row.id, l).toBe('date-line');
    for (const l of ['The year 2008, 1202 hrs', '1202 hrs of work were logged in 2008.']) expect(metaTable.match(l), l).toBeNull();
  });
});

describe('furniture added in session 13', () => {
  it('finds each kind through the compiled table (its keywords and gates included), not an article line', () => {
    const cases: [string, string][] = [
      ['We require civility and encourage full names to that end.', 'comment-policy'],
      ['Comments are moderated and will appear after approval.', 'comment-policy'],
      ['Have your say', 'comment-prompt'],
      ['One comment', 'comments-heading'],
      ['Four thoughts on “Why Today Matters”', 'comment-count-title'],
      ['Tagged as: budget, council', 'tag-list'],
      ['Categories: Barack Obama, Bolitics, Bossip Bolitics, celeb, ChitChatter, Cry Me A River, Did You Know?, Enemies, Foolery, Get Out of Here, Haters, Hilarious, I Love It, Mess, Most Popular, Politics, Racism, Random, Rolling My Eyes, Sad, Shocking, The Ignorance, Ugh, Wow, You Be The Judge', 'tag-list'],
      ['Read the rest of this post on the original site »', 'read-more'],
      ['You may also like -', 'related-heading'],
      ['LIKE IT? SHARE IT!', 'share-prompt'],
      ['Please Share!', 'share-prompt'],
      ['Click here to get News24 headlines on your Facebook profile.', 'share-prompt'],
      ['Get breaking news alerts on your phone', 'share-prompt'],
      ['25 comments per page', 'comment-prompt'],
      ['A version of this article appeared July 24, 2012, on page A2 in the U.S. edition of The Wall Street Journal, with the headline: Suspect Is Silent.', 'print-edition'],
      ['• The opinions expressed here are my personal opinions.', 'views-disclaimer'],
      ['Consider a donation if you like what you see here!', 'consider-donation'],
      ['If you enjoyed this post, please consider leaving a comment or subscribing to the RSS feed.', 'enjoyed-post'],
      ['Loading...', 'script-notice'],
      ['This video is unavailable', 'script-notice'],
      ['Javascript is not enabled on your browser. Please enable javascript to use the community features on this page.', 'script-notice'],
      ['hide caption', 'image-tool'],
      ['« Mother dough | Main | Crafting wonder »', 'post-nav-titles'],
      ['Main | Crafting wonder »', 'post-nav-titles'],
    ];
    for (const [line, id] of cases) expect(boilerplateTable.match(line)?.row.id, line).toBe(id);
    for (const line of ['The views expressed by the minister were criticised.', 'Loading the ship took three days.', 'JavaScript is off the table for this project, the team said.', 'Read the rest of the story and you will see why.', 'Please share your experiences with the update.', 'Get the latest news on your phone bill from the regulator, which ruled on Tuesday that the charges were unfair.', 'Filed under: Latest News The production of the Peugeot iOn and Citroen C-Zero has been cut back at the Mitsubishi plant in Japan, which builds both of the electric cars alongside its own i-MiEV, because sales have been far slower than the three companies hoped when they agreed the deal, and stocks of unsold cars have grown.', 'The comments he made about the policy were criticised by his own party.']) {
      expect(boilerplateTable.match(line), line).toBeNull();
    }
  });
});

describe('comment section headings named for their writers', () => {
  it('reads "Your Comments", "Readers\' Comments", "User comments", "Your Views" as a comments heading, not a sentence about them', () => {
    for (const line of ['Your Comments', "Readers' Comments", 'Reader Comments', 'User comments', 'Your comments:', 'READER COMMENTS:', 'Your Views']) {
      expect(boilerplateTable.match(line)?.row.id, line).toBe('comments-heading');
    }
    for (const line of ['Your comments about the plan were read out at the meeting.', 'User comments on the forum turned hostile.']) expect(boilerplateTable.match(line)?.row.id, line).not.toBe('comments-heading');
  });
});

describe('follow prompts', () => {
  it('labels a prompt to follow a named account or desk, not prose that starts with "like"', () => {
    for (const line of ['You can follow the Magazine on Twitter and on Facebook', 'Follow the editor on Twitter', 'Follow Scott Shane on Twitter at @ScottShaneNYT.', 'Like The Root on Facebook. Follow us on Twitter.']) {
      expect(boilerplateTable.match(line)?.row.id, line).toBe('share-prompt');
    }
    for (const line of ['Like they do on Twitter:', 'Follow the money, the investigators said.', 'You can follow the debate on our live page, where reporters post updates from the chamber every few minutes.']) {
      expect(boilerplateTable.match(line)?.row.id, line).not.toBe('share-prompt');
    }
  });
});

describe('reader call-outs', () => {
  const rows = Object.values(TABLES).flat().filter((r) => r.id.endsWith('-callout'));
  const matches = (l: string): boolean => rows.some((r) => r.pattern.test(l));
  it('a request for tips, stories, photos or experiences, alone or after the question that asks it; not an article line', () => {
    for (const l of ['Have a tip?', 'Have a news tip?', 'Have a Tip, Pitch or Guest Column? Tell us.', 'Send us your story tips', 'Send us YOUR pictures', 'Click below to send us your pictures, video and stories.', 'Are you in Thane? Are you, or is someone you know, affected by the issues in this story? Send us your experiences using the form below.', "Affected by the nor'easter? Share your story with us on CNN iReport.", 'If you are happy to be contacted by a BBC journalist please leave a telephone number that we can contact you on.']) {
      expect(matches(l), l).toBe(true);
    }
    for (const l of ['Have a tip for the waiter ready.', 'He asked the court to send us the files.', 'Share your story in the comments below.', 'The families were asked to share their stories with the inquiry.']) {
      expect(matches(l), l).toBe(false);
    }
  });
});

describe('footer notices', () => {
  it('a trademark notice is legal text as a line, not as the end of a press release run together in one block', () => {
    const notice = 'Logitech, the Logitech logo, and other Logitech marks are registered trademarks of Logitech. All other trademarks are the property of their respective owners.';
    expect(boilerplateTable.match(notice)?.row.id).toBe('footer-disclaimer');
    const release = 'The company introduced a new universal remote on Monday, which it says will ship in time for the holidays. '.repeat(30) + notice;
    expect(boilerplateTable.match(release)?.row.id).not.toBe('footer-disclaimer');
  });
});

describe('older share widgets and menus', () => {
  it('reads "Digg it del.icio.us AIM" as a share row, dotted menus as menus, and script notices', () => {
    expect(boilerplateTable.match('Digg it del.icio.us AIM')?.row.id).toBe('share-row');
    expect(boilerplateTable.match("Sign in · Register · Read today's paper · Jobs")?.row.id).toBe('dot-menu');
    expect(boilerplateTable.match('By Ann Lee · 5 min read · Jan 3, 2024')?.row.id).not.toBe('dot-menu');
    expect(boilerplateTable.match('You need to have javascript enabled to view this page correctly')?.row.id).toBe('script-notice');
    expect(boilerplateTable.match('Digg it: the minister said the site was down.')).toBeNull();
  });
  it('reads the WordPress footer "This entry was written by …, posted on …, filed under …" as a post footer, however many tags it lists', () => {
    const footer = 'This entry was written by Emily Valentine, posted on at 9:00 am, filed under Corporate Responsibility, PR Industry Trends and tagged Cause, cause marketing, corporate citizenship, corporate culture, corporate foundation, corporate giving, Corporate Responsibility, CR, CSR, foundations, fundraise, fundraising, sustainability. Bookmark the permalink. Follow any comments here with the RSS feed for this post. Post a comment or leave a trackback: Trackback URL.';
    expect(footer.length).toBeGreaterThan(400);
    expect(boilerplateTable.match(footer)?.row.id).toBe('post-footer');
    expect(boilerplateTable.match('This entry was written by a reader in 1998, and we publish it unchanged today.')).toBeNull();
  });
  it('reads a blog archive\'s months and years with their post counts as navigation, not as a commenter\'s id ("by TheGratefulNet (143330)")', () => {
    for (const l of ['July (39)', '2012 (134)', '► November 2012 (19)', 'December (5)']) expect(boilerplateTable.match(l)?.row.id, l).toBe('archive-count');
    expect(boilerplateTable.match('by TheGratefulNet (143330)')?.row.id).toBe('comment-author');
    expect(boilerplateTable.match('Mayhem (143330)')?.row.id).toBe('comment-author');
    // a table's figures ("112 (15)": appearances and goals) name no commenter: a name has a letter
    for (const l of ['112 (15)', '89 (16)', '1990-1994 (12)']) expect(boilerplateTable.match(l)?.row.kind, l).not.toBe('comments');
    expect(boilerplateTable.match('by Darkness404 (1287218) on Monday July 23, @08:25PM (#40743959)')?.row.id).toBe('comment-byline');
  });
  it('reads a line that ends in a "| Permalink" link (TypePad\'s "November 13, 2012 in Amazon RDS | Permalink") as a post footer', () => {
    for (const l of ['November 13, 2012 in Amazon RDS | Permalink', '1:06 am on August 9, 2012 | Permalink', 'November 13, 2012 in Games | Permalink | Comments (3)']) expect(boilerplateTable.match(l)?.row.id).toBe('post-footer');
    expect(boilerplateTable.match('The permalink | of the post is in the address bar.')?.row.id).not.toBe('post-footer');
  });
  it("reads Blogger's share row, spaced or run together by a text dump, as a share row", () => {
    for (const l of ['Email This BlogThis! Share to Twitter Share to Facebook', 'Email ThisBlogThis!Share to TwitterShare to Facebook', 'Share to Pinterest'])
      expect(boilerplateTable.match(l)?.row.id, l).toBe('share-row');
    expect(boilerplateTable.match('Share to the fund rose by 3 percent.')).toBeNull();
  });
});

describe('script source leaked into the text', () => {
  it('reads a long line of script as furniture in text, and keeps a code sample in <pre> as the article', async () => {
    const { extract } = await import('../src/index.js');
    const script = 'eloadImages() { if (document.images) { email_over = newImage("images/email_over.gif"); print_over = newImage("images/print_over.gif"); share_over = newImage("images/share_over.gif"); rss_over = newImage("images/rss_over.gif"); } }';
    expect(boilerplateTable.match(script)?.row.id).toBe('script-source');
    const prose = Array.from({ length: 4 }, (_, i) => `The court of appeals agreed on Friday to hear the challenge number ${i}, the lawyers for both sides said in a statement.`);
    const text = [script, 'Feds grant challenger appeal in patent case', 'by Tameka Kee, Friday, Dec 28, 2007', ...prose].join('\n');
    const a = extract(text, { inputFormat: 'text' });
    expect(a.body).not.toContain('newImage');
    expect(a.headline).toBe('Feds grant challenger appeal in patent case');
    const code = 'var expect = chai.expect; describe("Cow", function() { describe("constructor", function() { it("should have a default name", function() { var cow = new Cow(); expect(cow.name).to.equal("Anon cow"); }); }); });';
    const html = `<html><head><title>Testing cows</title></head><body><article><h1>Testing cows</h1>${prose.map((p) => `<p>${p}</p>`).join('')}<pre>${code}</pre><p>${prose[0]}</p></article></body></html>`;
    expect(extract(html, { inputFormat: 'html' }).body).toContain('chai.expect');
  });
});
