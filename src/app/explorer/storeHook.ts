/**
 * `window.__hqrnStore`: the explorer store, for the end-to-end tests and the browser benchmark
 * (e.g. `window.__hqrnStore.getState().requestId`). Imported by the view components.
 */
import { useExplorer } from './store';

declare global {
  interface Window {
    __hqrnStore?: typeof useExplorer;
  }
}

if (typeof window !== 'undefined' && !window.__hqrnStore) window.__hqrnStore = useExplorer;

export { useExplorer };
