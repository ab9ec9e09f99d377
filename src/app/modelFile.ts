/**
 * A model file picked in the Model menu ("Load trained model"), read on the page before the
 * explorer changes anything: the text must be JSON, an hqrn-model (HQRN.md §10, checked by the
 * core's parseModelFile, the same check `hqrn` and saved-work imports use), a quantum model
 * (the explorer runs U± blocks; a classical model must be transferred first), of 2 or 6 qubits
 * (a task). A file that fails gets one line naming the problem and nothing changes: loading a
 * classical model used to switch the task and then leave every view on "computing…".
 */
import { FileFormatError, parseModelFile } from '../core/files';
import { notJsonProblem } from './fileSniff';
import type { TaskName } from './protocol';

export type ModelFileReading = { model: Record<string, unknown>; task: TaskName } | { problem: string };

/** Reads `text` (the content of the file `name`); see the module comment. */
export function readModelFile(name: string, text: string): ModelFileReading {
  const what = `model file ${name}`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { problem: `${what}: ${notJsonProblem(text, err)}` };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { problem: `${what}: expected a JSON object (an hqrn-model)` };
  try {
    const model = parseModelFile(json);
    if (model.kind !== 'quantum') return { problem: `${what}: a classical model; the explorer shows quantum models (transfer it to its quantum twin first)` };
    const task: TaskName | undefined = model.nQubits === 2 ? 'entanglement' : model.nQubits === 6 ? 'digits' : undefined;
    if (!task) return { problem: `${what}: a model of ${model.nQubits} qubits; the explorer's tasks have 2 (entanglement) or 6 (digits)` };
    return { model: json as Record<string, unknown>, task };
  } catch (err) {
    if (err instanceof FileFormatError) return { problem: `${what}: ${err.message}` };
    return { problem: `${what}: not an hqrn-model file` };
  }
}
