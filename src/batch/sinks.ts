/**
 * Sinks: where records go. `NdjsonSink` writes one line per document to a stream, honouring
 * backpressure (`write()` returning false → wait for 'drain') and ending quietly on EPIPE.
 * `OutDirSink` writes one file per document under a directory, atomically (temp file in the
 * directory, then rename), never outside it; failures go to stderr as one line each.
 */
import { mkdir, realpath, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Writable } from 'node:stream';
import type { BatchDoc, JobResult } from './types.js';

export interface Sink {
  /** Write the outcome of one document. Resolves when it is safe to write more. */
  write(doc: BatchDoc, result: JobResult): Promise<void>;
  /** True once the consumer is gone (EPIPE): the batch should stop quietly. */
  readonly gone: boolean;
  /** Remove anything half-written (temp files); called on interrupt and at the end. */
  cleanup(): Promise<void>;
}

/** One NDJSON line per document on a stream. */
export class NdjsonSink implements Sink {
  gone = false;
  private onGone: (() => void)[] = [];

  constructor(private readonly out: Writable) {
    // EPIPE (reader gone) or any other write error: nobody can read more records
    out.on('error', () => this.markGone());
    out.on('close', () => this.markGone());
  }

  private markGone(): void {
    if (this.gone) return;
    this.gone = true;
    for (const f of this.onGone.splice(0)) f();
  }

  write(_doc: BatchDoc, result: JobResult): Promise<void> {
    if (this.gone || (result.output === '' && !result.bytes)) return Promise.resolve();
    const ok = this.out.write(result.bytes ?? `${result.output}\n`);
    if (ok) return Promise.resolve();
    return new Promise((res) => {
      const done = (): void => {
        this.out.off('drain', done);
        res();
      };
      this.out.on('drain', done);
      this.onGone.push(done);
    });
  }

  async cleanup(): Promise<void> {}
}

/** One file per document below `dir`. */
export class OutDirSink implements Sink {
  readonly gone = false;
  private readonly root: string;
  private realRoot: string | null = null;
  private readonly temps = new Set<string>();
  private seq = 0;

  constructor(
    dir: string,
    /** Relative output path of a document (see outpath.ts). */
    private readonly pathOf: (doc: BatchDoc) => string,
    private readonly stderr: Writable,
  ) {
    this.root = resolve(dir);
  }

  /** Create the output directory; call once before writing. */
  async open(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    this.realRoot = await realpath(this.root);
  }

  async write(doc: BatchDoc, result: JobResult): Promise<void> {
    if (result.status === 'failed') {
      this.stderr.write(`newsclean: ${result.error?.message ?? `${doc.name}: failed`}\n`);
      return;
    }
    if (result.status === 'noarticle') this.stderr.write(`newsclean: ${doc.name}: no article found\n`);
    const rel = this.pathOf(doc);
    const target = resolve(this.root, rel);
    try {
      if (!target.startsWith(this.root + sep)) throw new Error('path escapes the output directory');
      await mkdir(dirname(target), { recursive: true });
      // a symlink inside the output directory must not lead the write elsewhere
      const realParent = await realpath(dirname(target));
      if (realParent !== this.realRoot && !realParent.startsWith(this.realRoot + sep)) {
        throw new Error('path escapes the output directory (symlink)');
      }
      const tmp = join(this.root, `.newsclean-${process.pid}-${this.seq++}.tmp`);
      this.temps.add(tmp);
      try {
        await writeFile(tmp, result.bytes ?? result.output);
        await rename(tmp, target);
      } finally {
        this.temps.delete(tmp);
      }
    } catch (err) {
      // reported, and counted as failed by the caller through the returned rejection
      throw new Error(`${doc.name}: cannot write ${rel} (${(err as Error).message})`);
    }
  }

  async cleanup(): Promise<void> {
    await Promise.all([...this.temps].map((t) => unlink(t).catch(() => {})));
    this.temps.clear();
  }
}
