/**
 * The worker pool: N `worker_threads` running `processJob`, or the main thread itself for
 * `--jobs 1` with `inProcess`. Document bytes are moved to the worker (transfer list), not copied;
 * results come back the same way, as the finished output in UTF-8 (see worker.ts), so the main
 * thread does no per-document work beyond splitting the input and writing the output.
 *
 * Dispatch is pull-based: jobs wait in one queue on the main thread and a worker is handed the
 * next one whenever it holds fewer than `perWorker`. A worker therefore always has its next
 * document at hand (no idling while the main thread is descheduled), and a slow document never
 * holds back more than `perWorker - 1` others behind it in its worker: the other workers keep
 * taking documents from the queue. The caller bounds the total in flight (see run.ts), so the
 * queue is bounded too.
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { processJob, type Job } from './process.js';
import type { JobResult, ProcessConfig } from './types.js';

export interface Pool {
  /** Number of parallel workers (1 for in-process). */
  readonly size: number;
  run(job: Job): Promise<JobResult>;
  /** Stop the workers; jobs still running or queued are dropped (their promises never settle). */
  close(): Promise<void>;
}

export interface PoolOptions {
  jobs?: number;
  /** With one job, run in the main thread instead of a worker. Default true. */
  inProcess?: boolean;
  /** Jobs handed to a worker at a time (the one it runs plus those waiting in its port). */
  perWorker?: number;
  /** V8 heap limits of each worker, over the defaults below. */
  resourceLimits?: ResourceLimits;
}

export const defaultJobs = (): number => availableParallelism();

/** Two is enough: a worker finishing one document finds the next already in its port. */
const PER_WORKER = 2;

/**
 * Memory of the workers. Each holds one document's DOM at a time, yet by default a worker's heap
 * grows past 100 MB: a 48 MiB young generation, and an old generation allowed to grow to up to
 * four times what survived the last full GC before the next one. A 24 MiB young generation and
 * growth by at most 100% cut the peak RSS with two workers on the 1 GiB JSONL of bench/batch.mjs
 * from ~375 MB to ~220 MB (pages of 0.4-1.7 MB: ~350 → ~255 MB), for ~3% more CPU (more full
 * GCs). 50% would save another ~15 MB for ~6% more CPU. With 100%, session 4 measured peaks of
 * 273-317 MiB over eight runs (a large page's live set raises the next limit); 75% kept four
 * runs at 264-271 MiB for ~5% more CPU, so the 300 MB bound holds with a margin.
 */
const WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 24 };
const HEAP_GROWING_PERCENT = 75;

let heapFlagsSet = false;
/**
 * V8's heap growth is a process-wide flag (there is no per-worker limit for it); it is read at
 * every full GC, so setting it before the workers start applies to them. A batch sets it for
 * `--jobs 1` too, which runs in the main thread: with V8's default growth the main heap swings
 * between ~150 and ~310 MB RSS on the bench JSONL (the old generation may grow to four times
 * what survived the last full GC); with 100% it stayed at 150-210 MB (session 3 and 4), and its
 * CPU time did not change measurably (within the ±5% noise of a busy machine); with 75%, 176 MiB.
 * Single documents (no pool) keep V8's defaults.
 */
function limitHeapGrowth(): void {
  if (heapFlagsSet) return;
  heapFlagsSet = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** Message to a worker: one job. */
export interface JobMessage {
  id: number;
  job: Job;
}
/** Message from a worker: the result of one job. */
export interface ResultMessage {
  id: number;
  result: JobResult;
}

interface Queued {
  id: number;
  job: Job;
  done: (r: JobResult) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, (r: JobResult) => void>;
  /** The worker crashed or exited: it gets no more jobs (it has been replaced). */
  dead: boolean;
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

/** The job's buffer, when the worker can take it over (it is not a view into a larger one). */
function transferable(job: Job): ArrayBuffer[] {
  const b = job.bytes;
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer ? [b.buffer] : [];
}

let singleCoreWork = false;
/**
 * With a worker on every core, each worker does its own V8 work on its own thread. By default V8
 * hands TurboFan jobs and parts of each young-generation GC (parallel scavenge) to its platform
 * threads, shared by the whole process: with `--jobs 1` they run on the idle core, for free; with a
 * worker per core they compete with the workers for the same cores, and a scavenge split across
 * busy cores waits for its slowest part.
 * - Compiling in the workers: on the 1 GiB bench JSONL with two workers, background threads took
 *   17 of 96 CPU seconds, and 13 of 93 this way (three runs, each 3-4% less CPU in all).
 * - Scavenging in the worker alone (`--no-parallel-scavenge`): on 256 MiB of it, 14.3-14.8 s
 *   against 15.4-16.0 s (three interleaved pairs); on the 1 GiB, `--jobs 2` went from 1.46 to
 *   1.59-1.72 times `--jobs 1`.
 * Both flags are read per isolate or per scavenge, so setting them now applies to the workers
 * started after it (the main thread, which only reads and writes, runs its few scavenges alone
 * too). Other GC flags cannot be changed this way: switching concurrent marking off under a
 * running isolate can abort the process, and parallel marking did here.
 */
function workOnOwnThreads(): void {
  if (singleCoreWork) return;
  singleCoreWork = true;
  setFlagsFromString('--no-concurrent-recompilation');
  setFlagsFromString('--no-parallel-scavenge');
}

export function createPool(cfg: ProcessConfig, opts: PoolOptions = {}): Pool {
  const n = Math.max(1, Math.floor(opts.jobs ?? defaultJobs()));
  limitHeapGrowth();
  if (n > 1 && n >= availableParallelism()) workOnOwnThreads();
  if (n === 1 && opts.inProcess !== false) return inProcessPool(cfg);
  const perWorker = Math.max(1, Math.floor(opts.perWorker ?? PER_WORKER));
  const limits: ResourceLimits = { ...WORKER_LIMITS, ...opts.resourceLimits };

  let nextId = 0;
  let closed = false;
  const slots: Slot[] = [];
  // jobs not yet handed to a worker; `head` avoids O(n) shifts
  let queue: Queued[] = [];
  let head = 0;

  const feed = (slot: Slot): void => {
    while (!closed && !slot.dead && slot.pending.size < perWorker && head < queue.length) {
      const q = queue[head]!;
      queue[head++] = undefined as unknown as Queued; // let the bytes go once sent
      if (head > 1024 && head * 2 > queue.length) {
        queue = queue.slice(head);
        head = 0;
      }
      slot.pending.set(q.id, q.done);
      const msg: JobMessage = { id: q.id, job: q.job };
      slot.worker.postMessage(msg, transferable(q.job));
    }
  };

  const spawn = (i: number): void => {
    const worker = new Worker(WORKER_URL, { workerData: cfg, resourceLimits: limits });
    const slot: Slot = { worker, pending: new Map(), dead: false };
    worker.on('message', (msg: ResultMessage) => {
      // a result can arrive after its worker's crash was handled: that job was already failed
      if (slot.dead) return;
      const done = slot.pending.get(msg.id);
      slot.pending.delete(msg.id);
      feed(slot);
      done?.(msg.result);
    });
    const crash = (why: string): void => {
      if (closed || slot.dead) return;
      slot.dead = true;
      // fail what it held (a crash loses the jobs sent to it), replace it
      for (const done of slot.pending.values()) {
        done({ status: 'failed', output: '', error: { code: 'INTERNAL', message: `worker ${why}` } });
      }
      slot.pending.clear();
      void worker.terminate();
      spawn(i);
      feed(slots[i]!);
    };
    worker.on('error', (err) => crash(`crashed (${err.message})`));
    worker.on('exit', (code) => crash(`exited with code ${code}`));
    slots[i] = slot;
  };
  for (let i = 0; i < n; i++) spawn(i);

  return {
    size: n,
    run(job: Job): Promise<JobResult> {
      return new Promise((done) => {
        queue.push({ id: nextId++, job, done });
        // the least busy worker takes it now if it has room; otherwise it waits for a result
        let best = slots[0]!;
        for (const s of slots) if (s.pending.size < best.pending.size) best = s;
        feed(best);
      });
    },
    async close(): Promise<void> {
      closed = true;
      queue = [];
      head = 0;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
