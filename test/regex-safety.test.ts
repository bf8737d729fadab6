/**
 * Regex safety: every RegExp exported from src/patterns/*.ts and src/decode/*.ts (found by walking
 * the modules' exports, arrays and row objects generically, so new rows are covered without
 * touching this file) runs against long adversarial strings. The guard is generous: it catches
 * exponential backtracking, not slowness. Each regex runs in a worker thread, so a runaway one is
 * terminated and reported instead of hanging the test run.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const srcDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
/** Per regex and input: over this many ms is a failure. */
const GUARD_MS = 2000;
/** Length of the adversarial strings for regexes applied to any line. */
const LONG = 50_000;

interface Found {
  where: string;
  source: string;
  flags: string;
  /** Longest input the regex is applied to (a row's maxLength), when known. */
  maxLength: number | null;
}

function collect(value: unknown, where: string, out: Found[], seen: Set<unknown>, maxLength: number | null): void {
  if (value instanceof RegExp) {
    out.push({ where, source: value.source, flags: value.flags, maxLength });
    return;
  }
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((v, i) => collect(v, `${where}[${i}]`, out, seen, maxLength));
    return;
  }
  if (value instanceof Map) {
    for (const [k, v] of value) collect(v, `${where}.get(${String(k)})`, out, seen, maxLength);
    return;
  }
  const rec = value as Record<string, unknown>;
  const limit = typeof rec['maxLength'] === 'number' && Number.isFinite(rec['maxLength']) ? (rec['maxLength'] as number) : maxLength;
  const label = typeof rec['id'] === 'string' ? `${where}{${rec['id']}}` : where;
  for (const key of Object.keys(rec)) collect(rec[key], `${label}.${key}`, out, seen, limit);
}

async function collectAll(): Promise<{ found: Found[]; modules: string[] }> {
  const found: Found[] = [];
  const modules: string[] = [];
  const seen = new Set<unknown>();
  for (const dir of ['patterns', 'decode']) {
    let files: string[] = [];
    try {
      files = readdirSync(join(srcDir, dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    } catch {
      continue;
    }
    for (const f of files.sort()) {
      const mod = (await import(pathToFileURL(join(srcDir, dir, f)).href)) as Record<string, unknown>;
      modules.push(`${dir}/${f}`);
      for (const [name, v] of Object.entries(mod)) collect(v, `${dir}/${f}:${name}`, found, seen, null);
    }
  }
  // The same RegExp reached twice (re-exported arrays) is tested once.
  const unique = new Map<string, Found>();
  for (const f of found) if (!unique.has(`${f.source}/${f.flags}/${f.maxLength}`)) unique.set(`${f.source}/${f.flags}/${f.maxLength}`, f);
  return { found: [...unique.values()], modules };
}

const PIECES = [
  'a', ' ', '/ ', 'Photo: ', 'a ', 'A', 'Aa ', 'Ab. ', '. ', '-', '1', '1 ', '\t', 'я', 'Яя ', 'By ', 'by ', ', ', '©', '(c) ',
  '<', '</', '"', "'", '’', 'http://', 'www.', '@', '\u00a0', '| ', '( ', '(', ')', '·', '•', ':', 'Photo: John Smith / ',
  'Share on Facebook ', 'Sign up ', 'Ð©', 'â€™', 'Ã', 'Getty Images ', 'AP Photo/', '— ', '#', '...', 'a/a ', 'Fig. 1 ',
];
const SUFFIXES = ['', '!', '\n', ' x', '\u0000'];

function adversarial(len: number): string[] {
  const out: string[] = [];
  for (const p of PIECES) {
    const body = p.repeat(Math.ceil(len / p.length)).slice(0, len);
    for (const s of SUFFIXES) out.push(body + s);
  }
  // mixed: all the pieces in turn
  const mixed = PIECES.join('');
  out.push(mixed.repeat(Math.ceil(len / mixed.length)).slice(0, len));
  out.push('Photo: ' + 'Aaa '.repeat(len / 4) + '/');
  out.push('<meta ' + ' '.repeat(len) + 'charset');
  out.push('<meta charset=' + 'a'.repeat(len));
  return out;
}

/** The worker: receives regex sources and inputs, reports each run's time, one message per run. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { regexes, inputs } = workerData;
for (let i = workerData.from; i < regexes.length; i++) {
  const r = regexes[i];
  const re = new RegExp(r.source, r.flags);
  const list = inputs[r.inputSet];
  let worst = 0, worstInput = -1;
  for (let j = 0; j < list.length; j++) {
    parentPort.postMessage({ type: 'start', i, j });
    const t0 = performance.now();
    re.lastIndex = 0;
    re.exec(list[j]);
    const ms = performance.now() - t0;
    if (ms > worst) { worst = ms; worstInput = j; }
  }
  parentPort.postMessage({ type: 'done', i, worst, worstInput });
}
parentPort.postMessage({ type: 'end' });
`;

interface Result {
  where: string;
  worst: number;
  worstInput: string;
  hung: boolean;
}

async function runAll(found: Found[], inputs: string[][], inputSetOf: (f: Found) => number): Promise<Result[]> {
  const regexes = found.map((f) => ({ source: f.source, flags: f.flags, inputSet: inputSetOf(f) }));
  const results: Result[] = [];
  let from = 0;
  const describeInput = (i: number, j: number): string => {
    const s = inputs[regexes[i]!.inputSet]![j]!;
    return JSON.stringify(s.slice(0, 24)) + `… (${s.length} chars)`;
  };
  while (from < regexes.length) {
    from = await new Promise<number>((resolve, reject) => {
      const w = new Worker(WORKER, { eval: true, workerData: { regexes, inputs, from } });
      let current: { i: number; j: number } | null = null;
      let timer: NodeJS.Timeout | null = null;
      const arm = (): void => {
        if (timer) clearTimeout(timer);
        // a single exec running far past the guard: exponential, give up on it
        timer = setTimeout(() => {
          const { i, j } = current!;
          results.push({ where: found[i]!.where, worst: Infinity, worstInput: describeInput(i, j), hung: true });
          void w.terminate().then(() => resolve(i + 1));
        }, GUARD_MS * 5);
      };
      w.on('message', (m: { type: string; i: number; j: number; worst: number; worstInput: number }) => {
        if (m.type === 'start') {
          current = { i: m.i, j: m.j };
          arm();
        } else if (m.type === 'done') {
          results.push({ where: found[m.i]!.where, worst: m.worst, worstInput: describeInput(m.i, m.worstInput), hung: false });
        } else if (m.type === 'end') {
          if (timer) clearTimeout(timer);
          void w.terminate().then(() => resolve(regexes.length));
        }
      });
      w.on('error', (e) => {
        if (timer) clearTimeout(timer);
        reject(e);
      });
    });
  }
  return results;
}

describe('regex safety', () => {
  it('every exported RegExp in src/patterns and src/decode survives long adversarial input', { timeout: 600_000 }, async () => {
    const { found, modules } = await collectAll();
    expect(modules.some((m) => m.startsWith('decode/'))).toBe(true);
    // decode's own exported regexes are found by the walk
    expect(found.some((f) => f.where.startsWith('decode/declared.ts:META_CHARSET'))).toBe(true);
    if (modules.some((m) => m.startsWith('patterns/'))) {
      expect(found.filter((f) => f.where.startsWith('patterns/')).length).toBeGreaterThan(0);
    }
    // Rows with a maxLength are only ever applied to lines that short: test them at 4× that
    // (exponential blow-up shows long before); everything else at 50 KB.
    const lengths = [...new Set(found.map((f) => (f.maxLength === null ? LONG : Math.min(LONG, Math.max(1000, f.maxLength * 4)))))];
    const inputs = lengths.map((l) => adversarial(l));
    const inputSetOf = (f: Found): number => lengths.indexOf(f.maxLength === null ? LONG : Math.min(LONG, Math.max(1000, f.maxLength * 4)));
    const results = await runAll(found, inputs, inputSetOf);
    expect(results.length).toBe(found.length);
    const slowest = [...results].sort((a, b) => b.worst - a.worst).slice(0, 3);
    console.log(`regex safety: ${found.length} regexes from ${modules.length} modules; slowest: ${slowest.map((r) => `${r.where} ${r.worst.toFixed(1)} ms`).join(', ')}`);
    const bad = results.filter((r) => r.hung || r.worst > GUARD_MS);
    const report = bad.map((r) => `${r.where}: ${r.hung ? 'did not finish' : `${Math.round(r.worst)} ms`} on ${r.worstInput}`);
    expect(report, `${found.length} regexes checked`).toEqual([]);
  });

  it('no pattern row backtracks on menu-like lines built from its own example (many separated segments, failing end)', async () => {
    const { TABLES } = await import('../src/patterns/index.js');
    const slow: string[] = [];
    for (const rows of Object.values(TABLES)) {
      for (const row of rows as ReadonlyArray<{ id: string; pattern: RegExp; example: string }>) {
        for (const sep of [' | ', ', ', ' • ']) {
          // 16 multi-word segments: a row that can split them two ways each takes 2^16 tries.
          const line = row.example + Array.from({ length: 16 }, (_, i) => `${sep}FRONT PAGE ${i}`).join('') + ' ~x';
          const t0 = performance.now();
          row.pattern.exec(line);
          const ms = performance.now() - t0;
          if (ms > 250) slow.push(`${row.id} ${Math.round(ms)} ms on ${JSON.stringify(line.slice(0, 60))}…`);
        }
      }
    }
    expect(slow).toEqual([]);
  }, 120_000);

  it('the collector finds RegExps in nested rows and arrays, and the worker catches a runaway regex', { timeout: 60_000 }, async () => {
    const out: Found[] = [];
    collect({ rows: [{ id: 'x', pattern: /a+b/u, maxLength: 10 }], list: [[/c/]], m: new Map([['k', /d/]]) }, 'fake', out, new Set(), null);
    expect(out.map((f) => [f.where, f.source, f.maxLength])).toEqual([
      ['fake.rows[0]{x}.pattern', 'a+b', 10],
      ['fake.list[0][0]', 'c', null],
      ['fake.m.get(k)', 'd', null],
    ]);
    const evil: Found = { where: 'evil', source: '^(a+)+$', flags: '', maxLength: null };
    const fine: Found = { where: 'fine', source: 'a+$', flags: '', maxLength: null };
    const results = await runAll([evil, fine], [['a'.repeat(40) + '!']], () => 0);
    expect(results.find((r) => r.where === 'evil')!.hung).toBe(true);
    expect(results.find((r) => r.where === 'fine')!.hung).toBe(false);
  });
});
