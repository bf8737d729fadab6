/**
 * Batch layer types: what sources yield, what workers return, how outcomes are counted.
 *
 * Batch sits above the one-document pipeline (`extract` from ../index.ts), which knows nothing
 * about it: sources produce documents, a pool runs `extract` on them, sinks write the records.
 */
import type { ErrorCode } from '../errors.js';

/** Error codes of the batch layer: the pipeline's, plus BAD_RECORD (malformed JSONL line) and
 * INTERNAL (an unexpected exception, i.e. a bug, reported instead of crashing the batch). */
export type BatchErrorCode = Exclude<ErrorCode, 'USAGE'> | 'BAD_RECORD' | 'INTERNAL';

export interface DocError {
  code: BatchErrorCode;
  message: string;
}

/** One input document, as a source yields it. Exactly one of `bytes`, `error`, `skip` is set. */
export interface BatchDoc {
  /** File path, `-` for stdin, or the WARC-Target-URI of a WARC record. */
  name: string;
  /** The document's bytes (an HTML page, a text file, or one JSONL line to be parsed). */
  bytes?: Uint8Array;
  /** True when `bytes` is one JSONL line still to be parsed (done in the worker). */
  jsonl?: boolean;
  /** Encoding hint, e.g. the charset of a WARC record's HTTP Content-Type. */
  encoding?: string;
  /** 1-based line number in a JSONL file. */
  line?: number;
  /** Byte offset of the record in a WARC file. */
  record?: number;
  /** Input fields to carry into the output record under `input` (null-prototype object). */
  extra?: Record<string, unknown>;
  /** Path relative to the source root, used to mirror inputs under `--out-dir` (unsanitised). */
  relPath?: string;
  /** The source could not produce this document. */
  error?: DocError;
  /** Why the document is skipped (a WARC request record, a non-HTML response...). */
  skip?: string;
}

/** What processing one document produced. */
export type Status = 'ok' | 'noarticle' | 'failed';

export interface JobResult {
  status: Status;
  /** NDJSON mode: the record line (without newline). Out-dir mode: the rendered document. */
  output: string;
  /**
   * Set by workers instead of `output` (which is then empty): the exact bytes to write, UTF-8,
   * i.e. the NDJSON line with its newline, or the document's file content. Encoding in the worker
   * keeps that work and the result's memory off the main thread (the buffer is transferred).
   */
  bytes?: Uint8Array;
  /** Set when status is `failed`. */
  error?: DocError;
}

/** Output of the worker for a document, fixed for the whole batch. */
export type OutputMode = 'ndjson' | 'json' | 'text' | 'markdown';

export interface ProcessConfig {
  mode: OutputMode;
  inputFormat: 'auto' | 'text' | 'html';
  favor: 'balanced' | 'precision' | 'recall';
  maxBytes: number;
  /** JSONL: the field holding the document; auto-detected when absent. */
  field?: string;
  /** Text output: add byline, dateline and credits. */
  withMeta?: boolean;
}

/** The counters of a batch; every input document lands in exactly one of them. */
export interface Counts {
  ok: number;
  noArticle: number;
  failed: number;
  skipped: number;
}

export const emptyCounts = (): Counts => ({ ok: 0, noArticle: 0, failed: 0, skipped: 0 });
export const totalOf = (c: Counts): number => c.ok + c.noArticle + c.failed + c.skipped;
