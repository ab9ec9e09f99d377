// A worker thread of `hqrn sweep`: runs training runs sent by the parent, one at a time, and
// posts each result back. The code is the prebuilt bundle of sweepRun.ts when the parent made
// one (workerData.bundle, see sweepBundle.ts), else src/cli/sweepRun.ts through tsx's loader.
import { parentPort, workerData } from 'node:worker_threads';

const { runSweepItem } = workerData?.bundle ? await import(workerData.bundle) : await (await import('tsx/esm/api')).tsImport('./sweepRun.ts', import.meta.url);
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
