/**
 * The task switch of the top bar. With a trained model loaded, switching task opens the other
 * task's bundled trained model (a teacher who turns to Digits sees a trained network, not
 * random weights guessing "digit 8" for a 0); with untrained weights it stays untrained. If the
 * bundled model cannot be read (offline before it was ever fetched) the seeded stack stays,
 * labelled "untrained (random) weights".
 */
import type { TaskName } from './explorer';
import { listBundledModels, loadBundledModel } from './savedWork';
import { useExplorer } from './store';

/** The bundled trained model each task opens with. */
export const BUNDLED_FOR_TASK: Record<TaskName, string> = { entanglement: 'entanglement-quantum', digits: 'digits-quantum' };

export async function switchTask(task: TaskName): Promise<void> {
  const st = useExplorer.getState();
  if (st.stack.task === task) return;
  const wasTrained = st.stack.trained !== undefined;
  st.setTask(task);
  if (!wasTrained) return;
  try {
    const entry = (await listBundledModels()).find((m) => m.name === BUNDLED_FOR_TASK[task]);
    if (!entry) return;
    const model = await loadBundledModel(entry);
    const now = useExplorer.getState();
    if (now.stack.task !== task || now.stack.trained) return; // the user has moved on meanwhile
    now.loadTrainedModel(entry.name, model);
  } catch {
    // not readable now: the seeded stack stays (its readouts say "untrained (random) weights")
  }
}
