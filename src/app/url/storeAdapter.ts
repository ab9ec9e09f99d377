/** The store adapter: the URL's part of the explorer store, as a UrlState. */
import type { DatasetRef, InputSpec, TaskName } from '../../protocol/explorer';
import type { HideableControl, PanelName, TeachingState, ViewOptions } from '../explorer/store';
import type { BlockParams, UrlState } from './fields';
import { DEFAULT_FORM, type TrainForm } from '../training/form';

/**
 * The URL's part of the explorer store, with the Training studio's form (`training`; the fresh
 * form when not given — the app's own links pass the studio's, see currentUrlState in ./urlSync.ts).
 */
export function urlStateOf(
  st: {
    stack: { task: TaskName; blocks: BlockParams[]; readoutSeed: number; trained?: { name: string }; dataset?: DatasetRef };
    input: InputSpec;
    sameAlpha: boolean;
    globalAlpha: number;
    selectedLayer: number;
    view: ViewOptions;
    panel: PanelName | null;
    hidden: HideableControl[];
    teaching: TeachingState;
  },
  training: TrainForm = DEFAULT_FORM,
): UrlState {
  return {
    task: st.stack.task,
    input: st.input,
    blocks: st.stack.blocks.map((b) => ({ alpha: b.alpha, activation: b.activation, gain: b.gain, seed: b.seed })),
    readoutSeed: st.stack.readoutSeed,
    sameAlpha: st.sameAlpha,
    globalAlpha: st.globalAlpha,
    selectedLayer: st.selectedLayer,
    view: { ...st.view },
    panel: st.panel,
    hidden: [...st.hidden],
    model: st.stack.trained?.name ?? null,
    dataset: st.stack.dataset ?? null,
    training: { ...training },
    lesson: st.teaching.lesson,
    step: st.teaching.step,
    presentation: st.teaching.presentation,
  };
}
