/**
 * Output paths for `--out-dir`: every input maps to a relative path that mirrors where it came
 * from, made safe so that nothing (`..`, absolute paths, URLs from a WARC, odd bytes) can lead a
 * write outside the output directory.
 */
import { createHash } from 'node:crypto';
import { basename, isAbsolute, resolve, sep } from 'node:path';
import type { BatchDoc, OutputMode } from './types.js';

/** Longest path segment kept, in characters (file systems allow 255 bytes). */
const MAX_SEGMENT = 120;
/** Deepest relative path kept. */
const MAX_DEPTH = 24;

const EXTENSIONS: Record<Exclude<OutputMode, 'ndjson'>, string> = { json: '.json', text: '.txt', markdown: '.md' };

/** Make one path segment safe: a conservative character set, no leading dot, bounded length. */
export function safeSegment(seg: string): string {
  let s = seg.replace(/[^A-Za-z0-9._@+-]/g, '_').replace(/^\.+/, (dots) => '_'.repeat(dots.length));
  if (s.length > MAX_SEGMENT) s = `${s.slice(0, MAX_SEGMENT - 9)}_${hash8(seg)}`;
  return s;
}

const hash8 = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 8);

/**
 * The relative path of a file input as the user named it: kept when it is relative and stays
 * below the current directory; otherwise (absolute, or with `..`) only its base name is kept.
 */
export function relPathOfArgument(path: string): string {
  const parts = path.split(/[\\/]+/);
  if (isAbsolute(path) || parts.includes('..')) return basename(path);
  return parts.filter((p) => p !== '' && p !== '.').join('/');
}

/** A safe relative path for a WARC record: `host/path…@offset`, query hashed. */
export function relPathOfUrl(uri: string, offset: number): string {
  let host = 'no-host';
  let segments: string[] = [];
  let query = '';
  try {
    const u = new URL(uri);
    host = u.host || u.protocol.replace(/:$/, '') || host;
    segments = u.pathname.split('/').map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
    query = u.search;
  } catch {
    segments = uri.split(/[\\/]+/);
  }
  segments = segments.filter((s) => s !== '' && s !== '.' && s !== '..');
  let last = segments.pop() ?? 'index';
  if (query) last += `_q${hash8(query)}`;
  return [host, ...segments, `${last}@${offset}`].join('/');
}

/** The relative output path for a document (without the output directory), already safe. */
export function outputRelPath(doc: BatchDoc, mode: Exclude<OutputMode, 'ndjson'>): string {
  let rel: string;
  if (doc.record !== undefined) {
    const base = doc.relPath ? `${doc.relPath.replace(/\.gz$/i, '')}/` : '';
    rel = base + relPathOfUrl(doc.name, doc.record);
  } else if (doc.line !== undefined) {
    rel = `${(doc.relPath ?? doc.name).replace(/\.gz$/i, '')}/${doc.line}`;
  } else {
    rel = (doc.relPath ?? relPathOfArgument(doc.name)).replace(/\.gz$/i, '');
  }
  if (rel === '-' || rel === '') rel = 'stdin';
  const segs = rel
    .split(/[\\/]+/)
    .filter((s) => s !== '' && s !== '.' && s !== '..')
    .map(safeSegment);
  if (segs.length === 0) segs.push('unnamed');
  const kept = segs.length > MAX_DEPTH ? [...segs.slice(0, MAX_DEPTH - 1), segs.slice(MAX_DEPTH - 1).join('_')] : segs;
  return kept.join('/') + EXTENSIONS[mode];
}

/** Resolve a relative output path inside `dir`; throws when it would land outside. */
export function resolveInside(dir: string, rel: string): string {
  const root = resolve(dir);
  const full = resolve(root, rel);
  if (isAbsolute(rel) || !full.startsWith(root + sep)) {
    throw new Error(`output path ${JSON.stringify(rel)} escapes the output directory`);
  }
  return full;
}
