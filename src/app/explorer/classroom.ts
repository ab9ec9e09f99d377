/**
 * What a classroom link's hidden controls (store.hidden, URL field `hide`) leave a student:
 * pure rules the components follow. Hiding the task switch also hides every other way to change
 * the task (the Model menu offers only the current task's models; a model file of the other
 * task is refused); hiding Export hides every SVG / PNG / CSV button under the views.
 */
import type { HideableControl } from './store';
import type { TaskName } from '../../protocol/messages';

/** The models the Model menu offers: all of them, or only the current task's when the task switch is hidden. */
export function modelsOffered<M extends { task: string }>(models: readonly M[], task: TaskName, hidden: readonly HideableControl[]): M[] {
  return hidden.includes('task') ? models.filter((m) => m.task === task) : [...models];
}

/** The problem with loading a model of `modelTask` while on `task`, or null when it may load. */
export function modelTaskRefusal(modelTask: TaskName | undefined, task: TaskName, hidden: readonly HideableControl[], what: string): string | null {
  if (!hidden.includes('task') || modelTask === undefined || modelTask === task) return null;
  return `${what}: it is a model of the ${modelTask} task, and this classroom link keeps the explorer on the ${task} task; choose a model of the ${task} task instead.`;
}

/** Whether the SVG / PNG / CSV export buttons under the views are shown. */
export function exportButtonsShown(hidden: readonly HideableControl[]): boolean {
  return !hidden.includes('export');
}
