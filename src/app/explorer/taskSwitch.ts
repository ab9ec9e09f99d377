/**
 * The task switch of the top bar. With a trained model loaded, switching task opens the other
 * task's bundled trained model (a teacher who turns to Digits sees a trained network, not
 * random weights guessing "digit 8" for a 0); with untrained weights it stays untrained. If the
 * bundled model cannot be read (offline before it was ever fetched) the seeded stack stays,
 * labelled "untrained (random) weights".
 */
import type { TaskName } from '../../protocol/explorer';
import { listBundledModels, loadBundledModel } from '../saved/savedWork';
import { useExplorer } from './store';

/** The bundled trained model each task opens with. */
export const BUNDLED_FOR_TASK: Record<TaskName, string> = { entanglement: 'entanglement-quantum', digits: 'digits-quantum' };

export async function switchTask(task: TaskName): Promise<void> {
  const st = useExplorer.getState();
  // A dataset stack keeps the task 'entanglement': choosing a built-in task leaves the dataset.
  if (st.stack.task === task && !st.stack.dataset) {
    if (st.pendingTask !== null) useExplorer.setState({ pendingTask: null }); // back before the other task opened
    return;
  }
  if (st.stack.trained === undefined) {
    useExplorer.setState({ pendingTask: null });
    st.setTask(task);
    return;
  }
  // The model is read first, then the task and the model change in one store update: one undo
  // step and one browser-history entry (no in-between "untrained digits" view to step through).
  // Meanwhile the task switch shows the chosen task (pendingTask).
  useExplorer.setState({ pendingTask: task });
  let loaded: { name: string; model: Record<string, unknown> } | undefined;
  try {
    const entry = (await listBundledModels()).find((m) => m.name === BUNDLED_FOR_TASK[task]);
    if (entry) loaded = { name: entry.name, model: await loadBundledModel(entry) };
  } catch {
    // not readable now: the seeded stack (its readouts say "untrained (random) weights")
  }
  const now = useExplorer.getState();
  // The user has moved on meanwhile (chose the task back, or edited): leave the page alone.
  if (now.pendingTask !== task || now.stack !== st.stack || now.input !== st.input) {
    if (now.pendingTask === task) useExplorer.setState({ pendingTask: null });
    return;
  }
  useExplorer.setState({ pendingTask: null });
  if (loaded) now.loadTrainedModel(loaded.name, loaded.model, task);
  else now.setTask(task);
}
