/**
 * The worker pool: N `worker_threads` running `processJob`, or the main thread itself for
 * `--jobs 1` with `inProcess`. Document bytes are moved to the worker (transfer list), not copied;
 * results come back as strings. Each worker is kept fed with up to `perWorker` jobs so it never
 * waits on the main thread; the caller bounds the total in flight (see run.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { processJob, type Job } from './process.js';
import type { JobResult, ProcessConfig } from './types.js';

export interface Pool {
  /** Number of parallel workers (1 for in-process). */
  readonly size: number;
  run(job: Job): Promise<JobResult>;
  /** Stop the workers; jobs still running are dropped (their promises never settle). */
  close(): Promise<void>;
}

export interface PoolOptions {
  jobs?: number;
  /** With one job, run in the main thread instead of a worker. Default true. */
  inProcess?: boolean;
}

export const defaultJobs = (): number => availableParallelism();

interface Slot {
  worker: Worker;
  pending: Map<number, (r: JobResult) => void>;
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

function inProcessPool(cfg: ProcessConfig): Pool {
  return {
    size: 1,
    // setImmediate lets reading and writing progress between documents
    run: (job) => new Promise((res) => setImmediate(() => res(processJob(job, cfg)))),
    close: async () => {},
  };
}

export function createPool(cfg: ProcessConfig, opts: PoolOptions = {}): Pool {
  const n = Math.max(1, Math.floor(opts.jobs ?? defaultJobs()));
  if (n === 1 && opts.inProcess !== false) return inProcessPool(cfg);

  let nextId = 0;
  let closed = false;
  const slots: Slot[] = [];

  const spawn = (i: number): void => {
    const worker = new Worker(WORKER_URL, { workerData: cfg });
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (msg: { id: number; result: JobResult }) => {
      const done = slot.pending.get(msg.id);
      slot.pending.delete(msg.id);
      done?.(msg.result);
    });
    const crash = (why: string): void => {
      if (closed) return;
      // fail what it held, replace it
      for (const done of slot.pending.values()) {
        done({ status: 'failed', output: '', error: { code: 'INTERNAL', message: `worker ${why}` } });
      }
      slot.pending.clear();
      spawn(i);
    };
    worker.on('error', (err) => crash(`crashed (${err.message})`));
    worker.on('exit', (code) => crash(`exited with code ${code}`));
    slots[i] = slot;
  };
  for (let i = 0; i < n; i++) spawn(i);

  return {
    size: n,
    run(job: Job): Promise<JobResult> {
      let best = slots[0]!;
      for (const s of slots) if (s.pending.size < best.pending.size) best = s;
      const id = nextId++;
      return new Promise((res) => {
        best.pending.set(id, res);
        const transfer = job.bytes.byteOffset === 0 && job.bytes.byteLength === job.bytes.buffer.byteLength ? [job.bytes.buffer as ArrayBuffer] : [];
        best.worker.postMessage({ id, job }, transfer);
      });
    },
    async close(): Promise<void> {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
