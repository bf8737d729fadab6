/**
 * The renderers over hand-built Articles and Blocks (so they do not depend on classifier quality),
 * plus one round through the real pipeline.
 */
import { readFileSync } from 'node:fs';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { BOILERPLATE_KINDS, ROLES, type Article, type Block } from '../src/article.js';
import { analyze } from '../src/index.js';
import {
  escapeMarkdown,
  render,
  renderAnnotate,
  renderJson,
  renderMarkdown,
  renderNdjson,
  renderText,
  roleLabel,
  ROLE_COLUMN_WIDTH,
} from '../src/render/index.js';

const ANSI = /\u001b\[[0-9;]*m/;

function article(over: Partial<Article> = {}): Article {
  const paragraphs = over.paragraphs ?? ['First paragraph of the body.', 'Second paragraph, "quoted"\nand wrapped.'];
  return {
    headline: 'Ukraine Rejected Offer to Negotiate, Kremlin Says',
    subheadline: 'Peskov spoke to reporters',
    byline: 'By Jane Doe',
    dateline: 'Feb. 26, 2022',
    photoCredits: ['Alexei Nikolsky / TASS'],
    captions: ['Kremlin spokesman Dmitry Peskov.'],
    paragraphs,
    body: paragraphs.join('\n\n'),
    boilerplate: [{ kind: 'support-appeal', text: 'Support The Moscow Times!' }],
    language: 'en',
    source: { name: 'seed.txt', inputFormat: 'text', bytes: 1234 },
    ...over,
  };
}

function block(index: number, text: string, role: Block['role'], extra: Partial<Block> = {}): Block {
  return { index, text, line: index * 2 + 1, gapBefore: index === 0 ? 0 : 1, role, reasons: [], ...extra };
}

describe('json and ndjson', () => {
  it('json is the Article as is, indented, and parses back to it', () => {
    const a = article();
    const out = renderJson(a);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out).toContain('\n  "headline": ');
    expect(JSON.parse(out)).toEqual(a);
  });

  it('ndjson is exactly one line even with newlines and control characters in the text', () => {
    const a = article({ paragraphs: ['line one\nline two\r\n\u2028sep', 'tab\there'] });
    const out = renderNdjson(a);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.slice(0, -1).split('\n')).toHaveLength(1);
    expect(JSON.parse(out)).toEqual(a);
  });
});

describe('text', () => {
  it('prints headline, blank line, paragraphs separated by blank lines', () => {
    const out = renderText(article());
    expect(out).toBe(
      'Ukraine Rejected Offer to Negotiate, Kremlin Says\n\nFirst paragraph of the body.\n\nSecond paragraph, "quoted"\nand wrapped.\n',
    );
    expect(out).not.toContain('Jane Doe');
    expect(out).not.toContain('TASS');
  });

  it('--with-meta adds subheadline, byline, dateline, captions and credits', () => {
    const out = renderText(article(), { withMeta: true });
    expect(out).toBe(
      [
        'Ukraine Rejected Offer to Negotiate, Kremlin Says\nPeskov spoke to reporters',
        'By Jane Doe\nFeb. 26, 2022',
        'First paragraph of the body.',
        'Second paragraph, "quoted"\nand wrapped.',
        'Caption: Kremlin spokesman Dmitry Peskov.\nPhoto: Alexei Nikolsky / TASS',
      ].join('\n\n') + '\n',
    );
  });

  it('skips what is missing and prints nothing for an empty article', () => {
    expect(renderText(article({ headline: null }))).toBe('First paragraph of the body.\n\nSecond paragraph, "quoted"\nand wrapped.\n');
    const empty = article({ headline: null, subheadline: null, byline: null, dateline: null, photoCredits: [], captions: [], paragraphs: [] });
    expect(renderText(empty)).toBe('');
    expect(renderText(empty, { withMeta: true })).toBe('');
  });
});

describe('markdown', () => {
  it('has # headline, *byline*, the body and a final Photos section', () => {
    const out = renderMarkdown(article());
    const parts = out.trimEnd().split('\n\n');
    expect(parts[0]).toBe('# Ukraine Rejected Offer to Negotiate, Kremlin Says');
    expect(parts[1]).toBe('**Peskov spoke to reporters**');
    expect(parts[2]).toBe('*By Jane Doe*');
    expect(parts[3]).toBe('*Feb. 26, 2022*');
    expect(parts[4]).toBe('First paragraph of the body.');
    expect(parts.slice(-3)).toEqual(['---', '## Photos', '- Kremlin spokesman Dmitry Peskov.\n- Photo: Alexei Nikolsky / TASS']);
  });

  it('has no Photos section without captions and credits', () => {
    expect(renderMarkdown(article({ captions: [], photoCredits: [] }))).not.toContain('## Photos');
  });

  it('escapes page text so it stays literal', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('> not a quote')).toBe('\\> not a quote');
    expect(escapeMarkdown('2022. A year')).toBe('2022\\. A year');
    expect(escapeMarkdown('*stars* and _under_ [link](x) <b> a|b AT&T')).toBe(
      '\\*stars\\* and \\_under\\_ \\[link\\](x) \\<b\\> a\\|b AT\\&T',
    );
    expect(escapeMarkdown('Plain sentence, 3.5 per cent - fine.')).toBe('Plain sentence, 3.5 per cent - fine.');
    const out = renderMarkdown(article({ headline: '#1 in *sales*', paragraphs: ['1. first'] }));
    expect(out.startsWith('# \\#1 in \\*sales\\*\n')).toBe(true);
    expect(out).toContain('\n\n1\\. first\n');
  });
});

describe('annotate', () => {
  const blocks: Block[] = [
    block(0, 'Support The Moscow Times!', 'boilerplate', { kind: 'support-appeal', reasons: ['pattern appeal.support'] }),
    block(1, 'Ukraine Rejected Offer', 'headline', { reasons: ['first short title-case line', 'before body'] }),
    block(2, 'Alexei Nikolsky / TASS', 'photoCredit'),
    block(3, 'Russia said Ukraine rejected calls.', 'body', { reasons: ['long prose'] }),
  ];

  it('prints every block with its role in a fixed-width column', () => {
    const lines = renderAnnotate(blocks).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(`${'boilerplate:support-appeal'.padEnd(ROLE_COLUMN_WIDTH)} | Support The Moscow Times!`);
    expect(lines[1]).toBe(`${'headline'.padEnd(ROLE_COLUMN_WIDTH)} | Ukraine Rejected Offer`);
    expect(lines[2]!.startsWith('photoCredit ')).toBe(true);
    const columns = new Set(lines.map((l) => l.indexOf(' | ')));
    expect([...columns]).toEqual([ROLE_COLUMN_WIDTH]);
    expect(ANSI.test(renderAnnotate(blocks))).toBe(false);
  });

  it('the column fits every role label', () => {
    const labels = ROLES.flatMap((role) =>
      role === 'boilerplate' ? BOILERPLATE_KINDS.map((kind) => roleLabel({ role, kind })) : [roleLabel({ role })],
    );
    expect(ROLE_COLUMN_WIDTH).toBe(Math.max(...labels.map((l) => l.length)));
    expect(roleLabel({ role: 'boilerplate' })).toBe('boilerplate:other');
  });

  it('--explain adds a reasons line under every block', () => {
    const lines = renderAnnotate(blocks, { explain: true }).trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[1]).toContain('↳ pattern appeal.support');
    expect(lines[3]).toContain('↳ first short title-case line; before body');
    expect(lines[5]).toContain('(no reasons recorded)');
    expect(lines[1]!.indexOf('|')).toBe(ROLE_COLUMN_WIDTH + 1);
  });

  it('colours with a chalk instance whose level is above 0, and only then', () => {
    const coloured = renderAnnotate(blocks, { explain: true, chalk: new Chalk({ level: 1 }) });
    expect(ANSI.test(coloured)).toBe(true);
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(renderAnnotate(blocks, { explain: true }));
    expect(ANSI.test(renderAnnotate(blocks, { chalk: new Chalk({ level: 0 }) }))).toBe(false);
  });

  it('flattens multi-line block text to one line', () => {
    const out = renderAnnotate([block(0, 'one\n  two', 'body')]);
    expect(out).toBe(`${'body'.padEnd(ROLE_COLUMN_WIDTH)} | one two\n`);
  });
});

describe('render() over a real analysis', () => {
  const analysis = analyze(readFileSync('/work/shared/seeds/000_f9c01edc88d73acc.txt'), { name: 'seed' });

  it('annotate shows one line per block, in document order', () => {
    const lines = render('annotate', analysis).trimEnd().split('\n');
    expect(lines).toHaveLength(analysis.blocks.length);
    lines.forEach((line, i) => {
      const b = analysis.blocks[i]!;
      expect(line).toBe(`${roleLabel(b).padEnd(ROLE_COLUMN_WIDTH)} | ${b.text}`);
    });
  });

  it('every format renders, and json round-trips', () => {
    expect(JSON.parse(render('json', analysis))).toEqual(analysis.article);
    expect(JSON.parse(render('ndjson', analysis))).toEqual(analysis.article);
    const text = render('text', analysis);
    for (const p of analysis.article.paragraphs) expect(text).toContain(p);
    expect(render('markdown', analysis).length).toBeGreaterThan(0);
  });
});

describe('reasons', () => {
  const seed = readFileSync('/work/shared/seeds/000_f9c01edc88d73acc.txt');
  it('analyze() writes down why each block got its role unless told not to; the roles are the same either way', () => {
    const withReasons = analyze(seed);
    const without = analyze(seed, { explain: false });
    expect(withReasons.blocks.every((b) => b.reasons.length > 0)).toBe(true);
    expect(without.blocks.every((b) => b.reasons.length === 0)).toBe(true);
    expect(without.blocks.map((b) => [b.role, b.kind])).toEqual(withReasons.blocks.map((b) => [b.role, b.kind]));
    expect(without.article).toEqual(withReasons.article);
    // the flag is the call's: the next call records again
    expect(analyze(seed).blocks.every((b) => b.reasons.length > 0)).toBe(true);
  });
});
