/**
 * The progress line on stderr, for terminals only: documents done, rate, and an ETA when the
 * total size of the inputs is known (from bytes read). Redrawn at most every `INTERVAL_MS`.
 */
import type { Writable } from 'node:stream';
import type { ByteCounter } from './sources/streams.js';

const INTERVAL_MS = 100;

export class Progress {
  private last = 0;
  private shown = false;
  private readonly started = performance.now();

  constructor(
    private readonly out: Writable,
    private readonly counter: ByteCounter,
    /** Total bytes of all inputs, when known. */
    private readonly totalBytes: number | null,
  ) {}

  /** Redraw if the last redraw is old enough. */
  update(done: number): void {
    const now = performance.now();
    if (now - this.last < INTERVAL_MS) return;
    this.last = now;
    const secs = (now - this.started) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    let line = `newsclean: ${done} documents, ${rate.toFixed(0)} docs/s`;
    if (this.totalBytes && this.counter.read > 0) {
      const frac = Math.min(1, this.counter.read / this.totalBytes);
      const eta = frac > 0 ? (secs * (1 - frac)) / frac : 0;
      line += `, ${(frac * 100).toFixed(0)}%, ETA ${formatDuration(eta)}`;
    }
    this.out.write(`\r\x1b[K${line}`);
    this.shown = true;
  }

  /** Erase the line (before the summary). */
  clear(): void {
    if (this.shown) this.out.write('\r\x1b[K');
    this.shown = false;
  }
}

export function formatDuration(secs: number): string {
  if (secs < 60) return `${secs.toFixed(0)} s`;
  const m = Math.floor(secs / 60);
  if (m < 60) return `${m} min ${Math.round(secs - m * 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
