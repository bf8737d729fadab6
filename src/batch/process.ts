/**
 * Process one batch document: parse its JSONL line if it is one, run `extract`, and serialise the
 * result (an NDJSON record, or the rendered document for `--out-dir`). Runs inside a worker thread,
 * or in the main thread with `--jobs 1`. Never throws: failures become `failed` results.
 */
import { extract, NewscleanError } from '../index.js';
import type { Article, ArticleSource } from '../article.js';
import { renderJson } from '../render/json.js';
import { renderText } from '../render/text.js';
import { renderMarkdown } from '../render/markdown.js';
import type { BatchErrorCode, DocError, JobResult, ProcessConfig } from './types.js';

/** A document as it travels to a worker (structured-clone friendly, bytes transferred). */
export interface Job {
  name: string;
  bytes: Uint8Array;
  jsonl?: boolean;
  encoding?: string;
  line?: number;
  record?: number;
  extra?: Record<string, unknown>;
}

/**
 * Fields tried, in order, when a JSONL record's document field is not given with `--field`
 * (`markdown`: the field crawlers that save Markdown write, beside or instead of `html`).
 */
export const AUTO_FIELDS = ['html', 'content', 'text', 'markdown', 'body', 'raw'] as const;

/** JSON keys never copied into `input`: they could reach prototypes in a consumer's code. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The output record's `source`: the Article's, plus where in the archive the document was. */
export interface RecordSource extends Partial<ArticleSource> {
  name: string | null;
  /** 1-based line in a JSONL input. */
  line?: number;
  /** Byte offset of the WARC record. */
  record?: number;
}

/** Copy a JSON object's fields into a null-prototype object, dropping prototype-ish keys. */
export function safeCopy(obj: Record<string, unknown>, omit?: string): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (key === omit || FORBIDDEN_KEYS.has(key)) continue;
    out[key] = obj[key];
  }
  return out;
}

interface Parsed {
  input: string | Uint8Array;
  extra?: Record<string, unknown>;
}

/** A JSONL line that is not a usable record; `extra` holds its fields when it is an object. */
interface Rejected extends DocError {
  extra?: Record<string, unknown>;
}

/** Parse a JSONL line into the document text and the other fields. */
export function parseJsonlLine(bytes: Uint8Array, field: string | undefined): Parsed | Rejected {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch (err) {
    return { code: 'BAD_RECORD', message: `malformed JSON (${(err as Error).message})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { code: 'BAD_RECORD', message: 'the line is not a JSON object' };
  }
  const obj = value as Record<string, unknown>;
  const own = (k: string): boolean => Object.prototype.hasOwnProperty.call(obj, k);
  const chosen = field ?? AUTO_FIELDS.find((k) => own(k) && typeof obj[k] === 'string');
  if (chosen === undefined) {
    return { code: 'BAD_RECORD', message: `no document field (tried ${AUTO_FIELDS.join(', ')}; use --field)`, extra: safeCopy(obj) };
  }
  if (!own(chosen) || typeof obj[chosen] !== 'string') {
    return { code: 'BAD_RECORD', message: `field "${chosen}" is missing or not a string`, extra: safeCopy(obj, chosen) };
  }
  return { input: obj[chosen] as string, extra: safeCopy(obj, chosen) };
}

function toDocError(err: unknown): DocError {
  if (err instanceof NewscleanError) {
    return { code: err.code as BatchErrorCode, message: err.message };
  }
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

function recordSource(job: Job, article?: Article): RecordSource {
  const src: RecordSource = article ? { ...article.source, name: job.name } : { name: job.name };
  if (job.line !== undefined) src.line = job.line;
  if (job.record !== undefined) src.record = job.record;
  return src;
}

function hasKeys(o: Record<string, unknown> | undefined): o is Record<string, unknown> {
  if (!o) return false;
  for (const _ in o) return true;
  return false;
}

/** The NDJSON error record for a document that failed. */
export function errorRecord(job: Pick<Job, 'name' | 'line' | 'record' | 'extra'>, error: DocError): string {
  const rec: Record<string, unknown> = { source: recordSource(job as Job), error: { code: error.code, message: error.message } };
  if (hasKeys(job.extra)) rec.input = job.extra;
  return JSON.stringify(rec);
}

function render(article: Article, job: Job, extra: Record<string, unknown> | undefined, cfg: ProcessConfig): string {
  switch (cfg.mode) {
    case 'ndjson': {
      const rec: Record<string, unknown> = { ...article, source: recordSource(job, article) };
      if (hasKeys(extra)) rec.input = extra;
      return JSON.stringify(rec);
    }
    case 'json': {
      const rec: Record<string, unknown> = { ...article, source: recordSource(job, article) };
      if (hasKeys(extra)) rec.input = extra;
      return renderJson(rec as unknown as Article);
    }
    case 'text':
      return renderText(article, { withMeta: cfg.withMeta ?? false });
    case 'markdown':
      return renderMarkdown(article);
  }
}

function mergeExtra(a?: Record<string, unknown>, b?: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!hasKeys(a)) return b;
  if (!hasKeys(b)) return a;
  return Object.assign(Object.create(null) as Record<string, unknown>, a, b);
}

/** Run the pipeline on one job. */
export function processJob(job: Job, cfg: ProcessConfig): JobResult {
  let extra = job.extra;
  let input: string | Uint8Array = job.bytes;
  if (job.jsonl) {
    const parsed = parseJsonlLine(job.bytes, cfg.field);
    if ('code' in parsed) {
      const error: DocError = { code: parsed.code, message: `${job.name}:${job.line ?? '?'}: ${parsed.message}` };
      const withExtra = { ...job, extra: mergeExtra(job.extra, parsed.extra) };
      return { status: 'failed', error, output: cfg.mode === 'ndjson' ? errorRecord(withExtra, error) : '' };
    }
    input = parsed.input;
    extra = mergeExtra(job.extra, parsed.extra);
  }
  let article: Article;
  try {
    article = extract(input, {
      name: job.name,
      encoding: job.encoding,
      inputFormat: cfg.inputFormat,
      favor: cfg.favor,
      maxBytes: cfg.maxBytes,
    });
  } catch (err) {
    const error = toDocError(err);
    const withExtra = { ...job, extra };
    return { status: 'failed', error, output: cfg.mode === 'ndjson' ? errorRecord(withExtra, error) : '' };
  }
  const status = article.paragraphs.length === 0 ? 'noarticle' : 'ok';
  return { status, output: render(article, job, extra, cfg) };
}
