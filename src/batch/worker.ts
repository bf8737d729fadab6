/**
 * Worker thread entry: receives jobs `{id, job}`, runs the pipeline, posts `{id, result}` back
 * with the output as ready UTF-8 bytes (the NDJSON line with its newline, or the rendered file),
 * transferred, so the main thread only writes them. The configuration arrives once, as workerData.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { processJob } from './process.js';
import type { JobMessage, ResultMessage } from './pool.js';
import type { ProcessConfig } from './types.js';

const cfg = workerData as ProcessConfig;
const port = parentPort;
if (!port) throw new Error('newsclean batch worker: must run in a worker thread');

const utf8 = new TextEncoder();

port.on('message', (msg: JobMessage) => {
  const result = processJob(msg.job, cfg);
  if (result.output !== '') {
    result.bytes = utf8.encode(cfg.mode === 'ndjson' ? `${result.output}\n` : result.output);
    result.output = '';
  }
  const reply: ResultMessage = { id: msg.id, result };
  port.postMessage(reply, result.bytes ? [result.bytes.buffer as ArrayBuffer] : []);
});
