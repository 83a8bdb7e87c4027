// Concurrent views from another thread: the load generator's own fetch and JSON work must
// not queue on the event loop of the portal it measures (browsers are elsewhere too).
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
Promise.all(
  Array.from({ length: workerData.count }, async () => {
    const start = performance.now();
    const res = await fetch(workerData.url);
    await res.arrayBuffer();
    if (!res.ok) throw new Error('HTTP ' + res.status);
    return performance.now() - start;
  }),
).then(times => parentPort.postMessage(times));
`;

/** `count` views of `url` at once; resolves with each one's HTTP time in ms. */
export function concurrentViews(url: string, count: number) {
  return new Promise<number[]>((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { url, count },
    });
    worker.once('message', times => {
      resolve(times);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
