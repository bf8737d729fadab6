/**
 * Path sources: files, directories (recursive), globs, `--files-from` lists, and stdin, each
 * dispatched by name to the right reader: `.jsonl`/`.ndjson` → one document per line,
 * `.warc` → WARC records, anything else → one document; `.gz` is gunzipped on the fly.
 * Nothing here throws out of the batch: failures become error documents.
 */
import { createReadStream } from 'node:fs';
import { opendir, realpath, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { join, relative, resolve } from 'node:path';
import type { BatchDoc } from '../types.js';
import { relPathOfArgument } from '../outpath.js';
import { jsonlDocs } from './jsonl.js';
import { isGz, openFile, readBounded, type ByteCounter } from './streams.js';
import { sniffJsonl } from './stdin.js';

/** How to read each file: by its extension (`auto`), or forced. */
export type Container = 'auto' | 'jsonl' | 'warc' | 'single';

export interface SourceOptions {
  maxBytes: number;
  container?: Container;
  /** JSONL document field, when given (used to sniff stdin). */
  field?: string;
  /** Raw bytes read from files, for progress. */
  counter?: ByteCounter;
  /** Directories never walked into (e.g. the output directory), absolute real paths. */
  exclude?: string[];
  /** The stream read for `-`. */
  stdin?: AsyncIterable<Uint8Array>;
}

const fail = (name: string, err: unknown): BatchDoc => ({
  name,
  error: { code: 'UNREADABLE', message: `${name}: cannot read (${(err as Error).message})` },
});

/** The reader a file name calls for. */
export function containerOf(path: string, forced: Container = 'auto'): Exclude<Container, 'auto'> {
  if (forced !== 'auto') return forced;
  const bare = path.replace(/\.gz$/i, '').toLowerCase();
  if (bare.endsWith('.jsonl') || bare.endsWith('.ndjson')) return 'jsonl';
  if (bare.endsWith('.warc')) return 'warc';
  return 'single';
}

/** Documents of one file. */
export async function* fileDocs(path: string, relPath: string, opts: SourceOptions): AsyncGenerator<BatchDoc> {
  const kind = containerOf(path, opts.container);
  if (kind === 'single') {
    try {
      if (!isGz(path)) {
        const st = await stat(path);
        if (st.size > opts.maxBytes) {
          yield {
            name: path,
            relPath,
            error: { code: 'TOO_LARGE', message: `${path}: input is ${st.size} bytes, over the limit of ${opts.maxBytes}` },
          };
          return;
        }
      }
      const r = await readBounded(openFile(path, opts.counter), opts.maxBytes);
      if ('bytes' in r) yield { name: path, relPath, bytes: r.bytes };
      else
        yield {
          name: path,
          relPath,
          error: { code: 'TOO_LARGE', message: `${path}: input is over the limit of ${opts.maxBytes} bytes` },
        };
    } catch (err) {
      yield { ...fail(path, err), relPath };
    }
    return;
  }
  const stream = openFile(path, opts.counter, kind !== 'warc');
  try {
    if (kind === 'jsonl') {
      yield* jsonlDocs(path, relPath, stream, opts.maxBytes);
    } else {
      const { warcDocs } = await import('./warc.js');
      yield* warcDocs(path, relPath, stream, opts.maxBytes);
    }
  } finally {
    stream.destroy();
  }
}

/**
 * Every file below `dir`, in name order; dot files are left out, symlinks to directories too.
 * Relative paths are `prefix` (the directory as named on the command line) + path below `root`.
 */
async function* walk(dir: string, root: string, prefix: string, opts: SourceOptions): AsyncGenerator<BatchDoc> {
  let names: { name: string; dir: boolean; link: boolean }[];
  try {
    const handle = await opendir(dir);
    names = [];
    for await (const d of handle) {
      if (d.name.startsWith('.')) continue;
      names.push({ name: d.name, dir: d.isDirectory(), link: d.isSymbolicLink() });
    }
  } catch (err) {
    yield fail(dir, err);
    return;
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of names) {
    const full = join(dir, e.name);
    if (e.dir) {
      if (opts.exclude?.includes(resolve(full))) continue;
      yield* walk(full, root, prefix, opts);
      continue;
    }
    if (e.link) {
      try {
        if ((await stat(full)).isDirectory()) continue;
      } catch (err) {
        yield { ...fail(full, err), relPath: join(prefix, relative(root, full)) }; // dangling link
        continue;
      }
    }
    yield* fileDocs(full, join(prefix, relative(root, full)), opts);
  }
}

/** Documents of one command-line argument: a file, a directory, a glob, or `-`. */
export async function* argumentDocs(input: string, opts: SourceOptions, allowGlob = true): AsyncGenerator<BatchDoc> {
  if (input === '-') {
    yield* stdinDocs(opts);
    return;
  }
  let st;
  try {
    st = await stat(input);
  } catch (err) {
    const tg = allowGlob && /[*?[\]{}!]/.test(input) ? await import('tinyglobby') : null;
    if (tg?.isDynamicPattern(input)) {
      const { glob } = tg;
      const matches = (await glob(input, { onlyFiles: true, dot: false, expandDirectories: false })).sort();
      if (matches.length === 0) {
        yield { name: input, error: { code: 'UNREADABLE', message: `${input}: no file matches this pattern` } };
      }
      for (const m of matches) yield* fileDocs(m, relPathOfArgument(m), opts);
      return;
    }
    yield fail(input, err);
    return;
  }
  if (st.isDirectory()) {
    let real = resolve(input);
    try {
      real = await realpath(input);
    } catch {
      /* keep the resolved path */
    }
    if (opts.exclude?.includes(real)) return;
    yield* walk(input, input, relPathOfArgument(input), opts);
    return;
  }
  yield* fileDocs(input, relPathOfArgument(input), opts);
}

/** Standard input: JSONL or one document (see `sniffJsonl`), named `-`. */
export async function* stdinDocs(opts: SourceOptions): AsyncGenerator<BatchDoc> {
  if (!opts.stdin) {
    yield { name: '-', error: { code: 'UNREADABLE', message: '-: no standard input' } };
    return;
  }
  const forced = opts.container ?? 'auto';
  let stream = opts.stdin;
  let jsonl = forced === 'jsonl';
  if (forced === 'auto') {
    const s = await sniffJsonl(opts.stdin, opts.maxBytes, opts.field);
    jsonl = s.jsonl;
    stream = s.stream;
  }
  if (jsonl) {
    yield* jsonlDocs('-', 'stdin', stream, opts.maxBytes);
    return;
  }
  if (forced === 'warc') {
    const { warcDocs } = await import('./warc.js');
    yield* warcDocs('-', 'stdin', stream, opts.maxBytes);
    return;
  }
  try {
    const r = await readBounded(stream, opts.maxBytes);
    if ('bytes' in r) yield { name: '-', bytes: r.bytes };
    else yield { name: '-', error: { code: 'TOO_LARGE', message: `-: input is over the limit of ${opts.maxBytes} bytes` } };
  } catch (err) {
    yield fail('-', err);
  }
}

/** Paths listed in a file (one per line, `-` = stdin); blank lines are ignored, no glob expansion. */
export async function* filesFromDocs(list: string, opts: SourceOptions): AsyncGenerator<BatchDoc> {
  let input: NodeJS.ReadableStream;
  if (list === '-') {
    if (!opts.stdin) return;
    input = opts.stdin as unknown as NodeJS.ReadableStream;
  } else {
    const s = createReadStream(list);
    input = s;
    const ok = await new Promise<unknown>((res) => {
      s.once('open', () => res(null));
      s.once('error', (e) => res(e));
    });
    if (ok) {
      yield fail(list, ok);
      return;
    }
  }
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const raw of rl) {
    const path = raw.replace(/\r$/, '');
    if (path.trim() === '') continue;
    yield* argumentDocs(path, opts, false);
  }
}

/** All documents of the command line: the arguments, then the `--files-from` lists. */
export async function* allDocs(inputs: string[], filesFrom: string[], opts: SourceOptions): AsyncGenerator<BatchDoc> {
  for (const input of inputs) yield* argumentDocs(input, opts);
  for (const list of filesFrom) yield* filesFromDocs(list, opts);
}
