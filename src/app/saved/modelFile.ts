/**
 * A model file picked in the Model menu ("Load trained model"), read on the page before the
 * explorer changes anything: the text must be JSON, an hqrn-model (HQRN.md §10, checked by
 * describeModel — the core's parseModelFile plus the task of its qubit count — as saved-work
 * imports are), and a quantum model (the explorer runs U± blocks; a classical model must be
 * transferred first). A file that fails gets one line naming the problem and nothing changes:
 * loading a classical model used to switch the task and then leave every view on "computing…".
 * The parsers are loaded on first use (a dynamic import), so they stay out of the first load.
 */
import { notJsonProblem } from './fileSniff';
import { lazyImport } from '../engine/lazyImport';
import type { TaskName } from '../../protocol/messages';

export type ModelFileReading = { model: Record<string, unknown>; task: TaskName } | { problem: string };

/** Reads `text` (the content of the file `name`); see the module comment. */
export async function readModelFile(name: string, text: string): Promise<ModelFileReading> {
  const what = `model file ${name}`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { problem: `${what}: ${notJsonProblem(text, err)}` };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { problem: `${what}: expected a JSON object (an hqrn-model)` };
  const [{ describeModel }, { FileFormatError }] = await Promise.all([
    lazyImport(() => import('./files'), 'the model file reader'),
    lazyImport(() => import('../../core/io/files'), 'the model file reader'),
  ]);
  try {
    const { kind, task } = describeModel(json);
    if (kind !== 'quantum') return { problem: `${what}: a classical model; the explorer shows quantum models (transfer it to its quantum twin first)` };
    return { model: json as Record<string, unknown>, task };
  } catch (err) {
    if (err instanceof FileFormatError) return { problem: `${what}: ${err.message}` };
    return { problem: `${what}: not an hqrn-model file` };
  }
}
