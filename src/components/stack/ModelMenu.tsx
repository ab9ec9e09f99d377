/**
 * "Model" menu of the top bar: which weights the stack uses — a bundled trained model, a saved
 * one, a model file, or untrained (random) weights. Loading only dispatches store actions
 * (through the saved-work store for bundled and saved models); the worker validates the model.
 */
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useSavedWork } from '../../app/saved/store';
import { readModelFile } from '../../app/saved/modelFile';
import { findModelByName } from '../../app/saved/savedWork';
import type { ModelJson } from '../../protocol/messages';
import { modelsOffered, modelTaskRefusal } from '../../app/explorer/classroom';
import { useExplorer } from '../../app/explorer/store';
import { Hideable } from '../shell/Hideable';
import { useDismissable } from '../shell/useDismissable';
import { isAppUpdated } from '../../app/engine/appUpdate';
import { WeightsSeed } from './StackControls';

/** The Model menu's accessible name: what it is and the current model. */
export function modelMenuLabel(trainedName: string | undefined): string {
  return trainedName ? `Model: trained weights ${trainedName}` : 'Model: untrained (random) weights';
}

export function ModelMenu() {
  const trained = useExplorer((s) => s.stack.trained);
  const task = useExplorer((s) => s.stack.task);
  const [open, setOpen] = useState(false);
  const hidden = useExplorer((s) => s.hidden);
  // A classroom link hiding the task switch: only this task's models (choosing another would switch the task).
  const bundledAll = useSavedWork((s) => s.bundled);
  const savedAll = useSavedWork((s) => s.models);
  const bundled = modelsOffered(bundledAll, task, hidden);
  const saved = modelsOffered(savedAll, task, hidden);
  const { openBundled, openModel, refresh } = useSavedWork.getState();
  const close = () => setOpen(false);
  const menu = useRef<HTMLDetailsElement>(null);
  useDismissable(menu);

  return (
    <details
      ref={menu}
      className="menu model-menu"
      open={open}
      onToggle={(e) => {
        const isOpen = (e.currentTarget as HTMLDetailsElement).open;
        setOpen(isOpen);
        if (isOpen) void refresh();
      }}
    >
      {/* Its own name says what it is and which model the stack uses now. */}
      <summary aria-label={modelMenuLabel(trained?.name)} title={trained ? `Trained weights: ${trained.name}` : 'Untrained (random) weights'}>
        {trained ? (
          <span className="model-name trained">
            Trained weights: <strong>{trained.name}</strong>
          </span>
        ) : (
          <span className="model-name">
            Weights: <strong>untrained (random)</strong>
          </span>
        )}
        <span aria-hidden="true"> ▾</span>
      </summary>
      <div className="menu-body" role="group" aria-label="Load a model">
        <p className="menu-title">Models that come with the app</p>
        <ul>
          {bundled
            .filter((m) => m.kind === 'quantum')
            .map((m) => (
              <li key={m.name}>
                <button
                  type="button"
                  onClick={() => {
                    close();
                    void openBundled(m);
                  }}
                >
                  {m.name}
                  {m.task !== task ? ` (${m.task})` : ''}
                  {m.accuracy !== undefined ? ` · test accuracy ${m.accuracy.toFixed(3)}` : ''}
                </button>
              </li>
            ))}
          {bundledAll.length === 0 && <li className="hint">loading…</li>}
        </ul>
        <p className="menu-title">Saved models</p>
        <ul>
          {saved
            .filter((m) => m.kind === 'quantum')
            .map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  onClick={() => {
                    close();
                    openModel(m);
                  }}
                >
                  {m.name}
                </button>
              </li>
            ))}
          {saved.filter((m) => m.kind === 'quantum').length === 0 && <li className="hint">none yet (train one in the Training studio)</li>}
        </ul>
        <p className="menu-title">Other</p>
        <ul>
          <li>
            <ModelFile onLoaded={close} />
          </li>
          <Hideable control="stack">
            <li>
              <WeightsSeed />
            </li>
          </Hideable>
          <li>
            <button
              type="button"
              disabled={!trained}
              onClick={() => {
                close();
                useExplorer.getState().clearTrainedModel();
              }}
            >
              Use untrained (random) weights
            </button>
          </li>
        </ul>
      </div>
    </details>
  );
}

/** Reads an hqrn-model file as text and checks it on the page (a refusal goes to store.fileError); the worker validates it again. */
function ModelFile({ onLoaded }: { onLoaded: () => void }) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const text = await file.text();
    if (ref.current) ref.current.value = '';
    onLoaded();
    // Read and checked here, before anything changes (src/app/saved/modelFile.ts).
    let read: Awaited<ReturnType<typeof readModelFile>>;
    try {
      read = await readModelFile(file.name, text);
    } catch (err) {
      // A new version replaced this tab's files: the app-wide notice says so (appUpdate.ts).
      if (!isAppUpdated(err)) useExplorer.setState({ fileError: err instanceof Error ? err.message : String(err) });
      return;
    }
    if ('problem' in read) {
      useExplorer.setState({ fileError: read.problem });
      return;
    }
    const st = useExplorer.getState();
    const refusal = modelTaskRefusal(read.task, st.stack.task, st.hidden, `model file ${file.name}`);
    if (refusal) {
      useExplorer.setState({ fileError: refusal });
      return;
    }
    useExplorer.setState({ fileError: undefined });
    // The task switch (if any) and the model in one store update: one undo step.
    st.loadTrainedModel(file.name, read.model, read.task);
    useExplorer.getState().setPanel(null);
    // Kept in Saved work (once per name and content), so the view's `model=` link opens it again on this machine.
    void keepOpenedModel(file.name, read.model);
  };
  return (
    <span className="control">
      <label htmlFor={id} className="file-button">
        Load trained model
      </label>
      <input ref={ref} id={id} className="visually-hidden-file" type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} />
      <span className="hint">an hqrn-model file</span>
    </span>
  );
}

/** Save a model opened from a file unless Saved work already holds the same model under that name. */
async function keepOpenedModel(name: string, model: ModelJson): Promise<void> {
  try {
    const found = await findModelByName(name);
    if (found && JSON.stringify(found.model) === JSON.stringify(model)) return;
    await useSavedWork.getState().saveModel({ name, model });
  } catch {
    /* storage refused (private mode, quota, a bundled name): the model stays open, only unsaved */
  }
}
