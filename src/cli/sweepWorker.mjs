// A worker thread of `hqrn sweep`: runs training runs (src/cli/train.ts through tsx's loader)
// sent by the parent, one at a time, and posts each result back.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { runSweepItem } = await tsImport('./sweepRun.ts', import.meta.url);
parentPort.on('message', async (msg) => {
  try {
    parentPort.postMessage({ id: msg.id, result: await runSweepItem(msg.settings, msg.date) });
  } catch (e) {
    parentPort.postMessage({
      id: msg.id,
      error: e instanceof Error ? `${e.constructor.name === 'UsageError' ? '' : 'internal error: '}${e.message}` : String(e),
    });
  }
});
parentPort.postMessage({ ready: true });
