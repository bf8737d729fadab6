/**
 * One input through the library and a renderer: no I/O here, so the same function serves the
 * sequential CLI and a batch worker.
 */
import type { ChalkInstance } from 'chalk';
import { analyze, type Analysis } from '../index.js';
import type { Article } from '../article.js';
import { ERROR_CODES, NewscleanError } from '../errors.js';
import type { ExtractOptions } from '../options.js';
import { render, type Format } from '../render/index.js';

/** A document to process: its name (a path, or `-` for stdin) and its bytes. */
export interface InputDocument {
  name: string;
  bytes: Uint8Array;
  /** Encoding hint for this document (e.g. an HTTP charset); overrides the settings' one. */
  encoding?: string;
}

/** How to process and render every document. */
export interface ProcessSettings {
  format: Format;
  inputFormat: 'auto' | 'text' | 'html';
  favor: NonNullable<ExtractOptions['favor']>;
  withMeta: boolean;
  explain: boolean;
  maxBytes?: number;
  encoding?: string;
  /** Colour for `annotate` (level 0 for none). */
  chalk?: ChalkInstance;
}

/** What went wrong with one input: a NewscleanError code, or INTERNAL for a bug. */
export interface Failure {
  code: keyof typeof ERROR_CODES | 'INTERNAL';
  /** The message without the input's name (the caller prefixes it). */
  message: string;
  exitCode: number;
  /** The original error, for `--debug`. */
  cause: unknown;
}

export interface ProcessResult {
  name: string;
  /** Rendered output; also set for "no article" (an Article with empty paragraphs). */
  output: string;
  article: Article | null;
  warnings: string[];
  failure: Failure | null;
  /** 0, or the exit code of `failure`. */
  exitCode: number;
}

/** Exit code for a bug (an error that is not a NewscleanError). */
export const INTERNAL_EXIT_CODE = 1;

/** Strip a leading `name: ` from an error message, since the caller adds the name itself. */
export function messageWithoutName(message: string, name: string | null): string {
  if (name !== null && message.startsWith(`${name}: `)) return message.slice(name.length + 2);
  return message;
}

/** Turn anything thrown into a {@link Failure}. */
export function toFailure(err: unknown, name: string | null): Failure {
  if (err instanceof NewscleanError) {
    return { code: err.code, message: messageWithoutName(err.message, err.input ?? name), exitCode: err.exitCode, cause: err };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: `internal error: ${message}`, exitCode: INTERNAL_EXIT_CODE, cause: err };
}

/** Analyse one document and render it. Never throws: failures come back in the result. */
export function processOne(doc: InputDocument, settings: ProcessSettings): ProcessResult {
  let analysis: Analysis;
  try {
    const encoding = doc.encoding ?? settings.encoding;
    analysis = analyze(doc.bytes, {
      name: doc.name,
      inputFormat: settings.inputFormat,
      favor: settings.favor,
      // Only the annotate format's --explain shows the reasons.
      explain: settings.explain && settings.format === 'annotate',
      ...(settings.maxBytes !== undefined ? { maxBytes: settings.maxBytes } : {}),
      ...(encoding !== undefined ? { encoding } : {}),
    });
  } catch (err) {
    const failure = toFailure(err, doc.name);
    return { name: doc.name, output: '', article: null, warnings: [], failure, exitCode: failure.exitCode };
  }
  let output: string;
  try {
    output = render(settings.format, analysis, {
      withMeta: settings.withMeta,
      explain: settings.explain,
      ...(settings.chalk ? { chalk: settings.chalk } : {}),
    });
  } catch (err) {
    const failure = toFailure(err, doc.name);
    return { name: doc.name, output: '', article: analysis.article, warnings: analysis.warnings, failure, exitCode: failure.exitCode };
  }
  const { article } = analysis;
  let failure: Failure | null = null;
  if (article.paragraphs.length === 0) {
    const err = new NewscleanError('NO_ARTICLE', 'no article found (no body paragraph)', doc.name);
    failure = toFailure(err, doc.name);
  }
  return { name: doc.name, output, article, warnings: analysis.warnings, failure, exitCode: failure?.exitCode ?? 0 };
}

/**
 * The exit code of a run over several inputs: 0 when all succeeded, the shared code when every
 * failure is of one kind, 1 when failures of different kinds mix.
 */
export function combineExitCodes(codes: readonly number[]): number {
  const failed = new Set(codes.filter((c) => c !== 0));
  if (failed.size === 0) return 0;
  if (failed.size === 1) return [...failed][0]!;
  return ERROR_CODES.NO_ARTICLE;
}
