/**
 * Worker thread entry: receives jobs `{id, job}`, runs the pipeline, posts `{id, result}` back.
 * The configuration arrives once, as workerData.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { processJob, type Job } from './process.js';
import type { ProcessConfig } from './types.js';

const cfg = workerData as ProcessConfig;
const port = parentPort;
if (!port) throw new Error('newsclean batch worker: must run in a worker thread');

port.on('message', (msg: { id: number; job: Job }) => {
  port.postMessage({ id: msg.id, result: processJob(msg.job, cfg) });
});
