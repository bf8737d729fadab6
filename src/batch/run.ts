/**
 * The batch loop: sources → pool → sink, with a bounded number of documents in flight, input order
 * kept by a reorder buffer (or not, with `ordered: false`), every document counted exactly once,
 * interrupt (AbortSignal) and closed-pipe handling, progress and the summary line.
 */
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { createPool } from './pool.js';
import { errorRecord, type Job } from './process.js';
import { allDocs, type Container } from './sources/files.js';
import type { ByteCounter } from './sources/streams.js';
import { NdjsonSink, OutDirSink, type Sink } from './sinks.js';
import { outputRelPath, resolveInside } from './outpath.js';
import { Progress } from './progress.js';
import { emptyCounts, totalOf, type BatchDoc, type Counts, type JobResult, type ProcessConfig } from './types.js';

/**
 * Documents in flight (read and not yet written: queued, in a worker, or awaiting their turn in
 * the reorder buffer), per worker. A slow document holds up the output until this many others
 * wait behind it, but not the other workers: at ~5 ms a page, 16 per worker covers a page 15
 * times slower than usual.
 */
const WINDOW_PER_WORKER = 16;
/**
 * Input bytes in flight at most (on top of one document), so the window stays small with large
 * pages too: 8 MiB is a dozen 0.7 MB pages, more than the workers hold at once.
 */
const WINDOW_BYTES = 8 * 1024 * 1024;

export interface BatchOptions {
  inputs: string[];
  /** `--files-from` lists (`-` = stdin). */
  filesFrom?: string[];
  stdin?: AsyncIterable<Uint8Array>;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
  /** Pipeline and output settings; `mode` is `ndjson` unless `outDir` is set. */
  config: ProcessConfig;
  outDir?: string;
  /** With `outDir`: skip inputs whose output file exists. */
  resume?: boolean;
  jobs?: number;
  /** With `jobs: 1`, run in the main thread (default true). */
  inProcess?: boolean;
  /** Keep input order in the NDJSON stream (default true). */
  ordered?: boolean;
  container?: Container;
  quiet?: boolean;
  /** Show the progress line (default: stderr is a TTY and not quiet). */
  progress?: boolean;
  signal?: AbortSignal;
}

export interface BatchReport {
  counts: Counts;
  seconds: number;
  interrupted: boolean;
  /** The output consumer went away (EPIPE). */
  gone: boolean;
  exitCode: number;
  summary: string;
}

const SKIPPED: JobResult = { status: 'ok', output: '' };

function jobOf(doc: BatchDoc): Job {
  const job: Job = { name: doc.name, bytes: doc.bytes! };
  if (doc.jsonl) job.jsonl = true;
  if (doc.encoding !== undefined) job.encoding = doc.encoding;
  if (doc.line !== undefined) job.line = doc.line;
  if (doc.record !== undefined) job.record = doc.record;
  if (doc.extra !== undefined) job.extra = doc.extra;
  return job;
}

/** Total size of the inputs when they are all plain files (for the ETA), else null. */
async function totalSize(inputs: string[], filesFrom: string[]): Promise<number | null> {
  if (filesFrom.length > 0 || inputs.length === 0) return null;
  let sum = 0;
  for (const i of inputs) {
    if (i === '-') return null;
    try {
      const st = await stat(i);
      if (!st.isFile()) return null;
      sum += st.size;
    } catch {
      return null;
    }
  }
  return sum;
}

export function summaryLine(c: Counts, seconds: number, interrupted: boolean): string {
  const total = totalOf(c);
  const rate = seconds > 0 ? Math.round(total / seconds) : total;
  const head = interrupted ? `interrupted after ${total} documents: ` : '';
  return `newsclean: ${head}${c.ok} ok, ${c.noArticle} no article, ${c.failed} failed, ${c.skipped} skipped in ${seconds.toFixed(1)} s (${rate} docs/s)`;
}

export async function runBatch(opts: BatchOptions): Promise<BatchReport> {
  const started = performance.now();
  const cfg: ProcessConfig = { ...opts.config, mode: opts.outDir ? (opts.config.mode === 'ndjson' ? 'json' : opts.config.mode) : 'ndjson' };
  const outMode = cfg.mode === 'ndjson' ? null : cfg.mode;
  const ordered = opts.ordered ?? true;
  const counter: ByteCounter = { read: 0 };
  const counts = emptyCounts();
  const filesFrom = opts.filesFrom ?? [];

  let sink: Sink;
  if (opts.outDir && outMode) {
    const s = new OutDirSink(opts.outDir, (d) => outputRelPath(d, outMode), opts.stderr);
    await s.open();
    sink = s;
  } else {
    sink = new NdjsonSink(opts.stdout);
  }
  const showProgress = opts.progress ?? (!opts.quiet && opts.stderr.isTTY === true);
  const progress = showProgress ? new Progress(opts.stderr, counter, await totalSize(opts.inputs, filesFrom)) : null;

  const pool = createPool(cfg, { jobs: opts.jobs, inProcess: opts.inProcess });
  const maxInFlight = pool.size * WINDOW_PER_WORKER;

  let interrupted = opts.signal?.aborted ?? false;
  let inFlight = 0;
  let inFlightBytes = 0;
  let wakers: (() => void)[] = [];
  const wake = (): void => {
    const w = wakers;
    wakers = [];
    for (const f of w) f();
  };
  const onAbort = (): void => {
    interrupted = true;
    wake();
  };
  opts.signal?.addEventListener('abort', onAbort);
  const stopped = (): boolean => interrupted || sink.gone;

  // completed documents waiting to be written: by sequence number (ordered) or FIFO
  interface Done {
    doc: BatchDoc;
    result: JobResult;
    /** Input bytes of the document (its buffer is gone once transferred to a worker). */
    size: number;
  }
  const done = new Map<number, Done>();
  const fifo: Done[] = [];
  let nextToWrite = 0;
  let flushing: Promise<void> | null = null;

  const account = async (doc: BatchDoc, result: JobResult): Promise<void> => {
    if (result === SKIPPED) {
      counts.skipped++;
      return;
    }
    let r = result;
    if (r.status === 'failed' && r.output === '' && !r.bytes && !outMode) {
      r = { ...r, output: errorRecord(doc, r.error ?? { code: 'INTERNAL', message: `${doc.name}: failed` }) };
    }
    try {
      await sink.write(doc, r);
      if (r.status === 'ok') counts.ok++;
      else if (r.status === 'noarticle') counts.noArticle++;
      else counts.failed++;
    } catch (err) {
      counts.failed++;
      opts.stderr.write(`newsclean: ${(err as Error).message}\n`);
    }
  };

  const flush = async (): Promise<void> => {
    for (;;) {
      if (interrupted) return;
      let item: Done | undefined;
      if (ordered) {
        item = done.get(nextToWrite);
        if (item) {
          done.delete(nextToWrite);
          nextToWrite++;
        }
      } else {
        item = fifo.shift();
      }
      if (!item) return;
      await account(item.doc, item.result);
      inFlight--;
      inFlightBytes -= item.size;
      progress?.update(totalOf(counts));
      wake();
    }
  };
  const kick = (): void => {
    if (flushing) return;
    flushing = flush().finally(() => {
      flushing = null;
      const more = ordered ? done.has(nextToWrite) : fifo.length > 0;
      if (more && !interrupted) kick();
      else wake();
    });
  };
  const settle = (seq: number, doc: BatchDoc, result: JobResult, size = 0): void => {
    if (ordered) done.set(seq, { doc, result, size });
    else fifo.push({ doc, result, size });
    kick();
  };

  const docs = allDocs(opts.inputs, filesFrom, {
    maxBytes: cfg.maxBytes,
    container: opts.container ?? 'auto',
    field: cfg.field,
    counter,
    exclude: opts.outDir ? [resolve(opts.outDir)] : [],
    stdin: opts.stdin,
  });

  let seq = 0;
  try {
    for (;;) {
      if (stopped()) break;
      const next = await nextOrAbort(docs, opts.signal);
      if (next === 'abort' || next.done || stopped()) break;
      const doc = next.value;
      const s = seq++;
      inFlight++;
      if (doc.skip) settle(s, doc, SKIPPED);
      else if (doc.error) settle(s, doc, { status: 'failed', output: '', error: doc.error });
      else if (opts.resume && outMode && (await exists(opts.outDir!, outputRelPath(doc, outMode)))) settle(s, doc, SKIPPED);
      else {
        const size = doc.bytes!.byteLength;
        inFlightBytes += size;
        const job = jobOf(doc);
        delete doc.bytes; // the worker owns them now; the record keeps only what sinks need
        pool.run(job).then(
          (r) => settle(s, doc, r, size),
          (err: Error) => settle(s, doc, { status: 'failed', output: '', error: { code: 'INTERNAL', message: err.message } }, size),
        );
      }
      while ((inFlight >= maxInFlight || inFlightBytes >= WINDOW_BYTES) && !stopped()) await new Promise<void>((r) => wakers.push(r));
    }
    // wait for everything in flight to be written (or for an interrupt / closed pipe)
    while (inFlight > 0 && !stopped()) await new Promise<void>((r) => wakers.push(r));
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    if (flushing) await flushing; // a write in progress completes (no half files)
    void docs.return(undefined).catch(() => {});
    await pool.close();
    await sink.cleanup();
    progress?.clear();
  }

  const seconds = (performance.now() - started) / 1000;
  const exitCode = interrupted ? 130 : sink.gone ? 0 : counts.failed + counts.noArticle > 0 ? 1 : 0;
  return { counts, seconds, interrupted, gone: sink.gone, exitCode, summary: summaryLine(counts, seconds, interrupted) };
}

/**
 * The source's next document, or 'abort' as soon as the signal fires (a source may block, e.g. on
 * stdin). Not Promise.race with one long-lived promise: that keeps a reaction per document alive.
 */
function nextOrAbort<T>(it: AsyncGenerator<T>, signal: AbortSignal | undefined): Promise<IteratorResult<T> | 'abort'> {
  if (!signal) return it.next();
  if (signal.aborted) return Promise.resolve('abort');
  return new Promise((res, rej) => {
    const onAbort = (): void => res('abort');
    signal.addEventListener('abort', onAbort, { once: true });
    it.next().then(
      (r) => {
        signal.removeEventListener('abort', onAbort);
        res(r);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        rej(err as Error);
      },
    );
  });
}

async function exists(dir: string, rel: string): Promise<boolean> {
  try {
    await access(resolveInside(dir, rel));
    return true;
  } catch {
    return false;
  }
}
