/**
 * Standard input and output as file descriptors (src/cli/stdio.ts), on real descriptors: a FIFO
 * opened in non-blocking mode gives EAGAIN the way a slow reader or an empty pipe does.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FdInput, FdOutput, isTerminal, type OutputSink } from '../src/cli/stdio.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsclean-stdio-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A FIFO with both ends open in non-blocking mode: [reader, writer]. */
function fifo(name: string): [number, number] {
  const path = join(dir, name);
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
  const reader = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const writer = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
  return [reader, writer];
}

/** Everything readable on a non-blocking descriptor now. */
function drain(fd: number): Buffer {
  const parts: Buffer[] = [];
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') break;
      throw err;
    }
    if (n === 0) break;
    parts.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(parts);
}

/** An output sink that keeps what it is given. */
class Recorder implements OutputSink {
  closed = false;
  failure: Error | null = null;
  parts: Buffer[] = [];
  async write(text: string | Uint8Array): Promise<void> {
    this.parts.push(Buffer.from(text));
  }
}

describe('isTerminal', () => {
  it('says no for a regular file, a FIFO and /dev/null, and for a closed descriptor', () => {
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    const fd = openSync(file, 'r');
    const [reader, writer] = fifo('tty-check');
    const devNull = openSync('/dev/null', 'w');
    try {
      expect(isTerminal(fd)).toBe(false);
      expect(isTerminal(reader)).toBe(false);
      expect(isTerminal(writer)).toBe(false);
      expect(isTerminal(devNull)).toBe(false);
    } finally {
      for (const f of [fd, reader, writer, devNull]) closeSync(f);
    }
    expect(isTerminal(fd)).toBe(false);
  });
});

describe('on a terminal', () => {
  // util-linux's script(1) runs the CLI on a pseudo-terminal (a character device that is no
  // memory device: isTerminal asks node:tty).
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('the CLI sees the terminal and writes text, not JSON', () => {
    const bin = join(import.meta.dirname, '..', 'bin', 'newsclean.js');
    const seed = '/work/shared/seeds/000_f9c01edc88d73acc.txt';
    const r = spawnSync('script', ['-qec', `${process.execPath} ${bin} ${seed}`, '/dev/null'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.split(/\r?\n/)[0]).toBe('Ukraine Rejected Offer to Negotiate, Kremlin Says');
    expect(r.stdout).not.toContain('"headline"');
  });
});

describe('FdOutput', () => {
  it('writes whole text to a descriptor', async () => {
    const [reader, writer] = fifo('out-small');
    try {
      const out = new FdOutput(writer, () => {
        throw new Error('no fallback expected');
      });
      await out.write('héllo ');
      await out.write(new TextEncoder().encode('wörld\n'));
      expect(drain(reader).toString('utf8')).toBe('héllo wörld\n');
      expect(out.closed).toBe(false);
      expect(out.failure).toBeNull();
    } finally {
      closeSync(reader);
      closeSync(writer);
    }
  });

  it('hands the rest to the stream when the descriptor would block (EAGAIN), losing and repeating nothing', async () => {
    const [reader, writer] = fifo('out-full');
    try {
      const recorder = new Recorder();
      let made = 0;
      const out = new FdOutput(writer, () => {
        made++;
        return recorder;
      });
      // More than a pipe holds (64 KiB on Linux), with multi-byte characters across the cut.
      const text = 'ünïcödé line of output\n'.repeat(20_000);
      await out.write(text);
      await out.write('after\n');
      expect(made).toBe(1);
      const direct = drain(reader);
      expect(direct.length).toBeGreaterThan(0);
      expect(Buffer.concat([direct, ...recorder.parts]).toString('utf8')).toBe(`${text}after\n`);
      // Later writes go through the stream only.
      expect(recorder.parts.at(-1)!.toString('utf8')).toBe('after\n');
    } finally {
      closeSync(reader);
      closeSync(writer);
    }
  });

  it('closes quietly when the reader went away (EPIPE), and reports other errors', async () => {
    const [reader, writer] = fifo('out-gone');
    closeSync(reader);
    try {
      const out = new FdOutput(writer, () => new Recorder());
      await out.write('nobody reads this\n');
      expect(out.closed).toBe(true);
      expect(out.failure).toBeNull();
      await out.write('dropped\n');
    } finally {
      closeSync(writer);
    }
    const bad = new FdOutput(writer, () => new Recorder()); // closed descriptor: EBADF
    await bad.write('x');
    expect(bad.closed).toBe(true);
    expect((bad.failure as NodeJS.ErrnoException | null)?.code).toBe('EBADF');
  });
});

describe('FdInput', () => {
  const collect = async (input: AsyncIterable<Uint8Array>): Promise<string> => {
    const parts: Uint8Array[] = [];
    for await (const chunk of input) parts.push(chunk);
    return Buffer.concat(parts).toString('utf8');
  };

  it('reads a file descriptor to its end', async () => {
    const file = join(dir, 'in.txt');
    const text = 'a line of input\n'.repeat(10_000);
    writeFileSync(file, text);
    const fd = openSync(file, 'r');
    try {
      const input = new FdInput(fd, () => {
        throw new Error('no fallback expected');
      });
      expect(await collect(input)).toBe(text);
    } finally {
      closeSync(fd);
    }
  });

  it('goes on through the stream when the descriptor has nothing yet (EAGAIN)', async () => {
    const [reader, writer] = fifo('in-empty');
    try {
      writeSync(writer, 'first part, ');
      let made = 0;
      const input = new FdInput(reader, () => {
        made++;
        return (async function* () {
          yield Buffer.from('then the stream');
        })();
      });
      expect(await collect(input)).toBe('first part, then the stream');
      expect(made).toBe(1);
    } finally {
      closeSync(reader);
      closeSync(writer);
    }
  });

  it('switches to the stream when asked (batch mode), after the chunks already read', async () => {
    const file = join(dir, 'switch.txt');
    writeFileSync(file, 'x'.repeat(100_000));
    const fd = openSync(file, 'r');
    try {
      const input = new FdInput(fd, () =>
        (async function* () {
          yield Buffer.from('<rest>');
        })(),
      );
      const it = input[Symbol.asyncIterator]();
      const first = await it.next();
      expect(first.done).toBe(false);
      expect(first.value.length).toBe(1 << 16);
      input.useStream();
      const rest: string[] = [];
      for (let r = await it.next(); !r.done; r = await it.next()) rest.push(Buffer.from(r.value).toString('utf8'));
      expect(rest).toEqual(['<rest>']);
    } finally {
      closeSync(fd);
    }
  });
});
