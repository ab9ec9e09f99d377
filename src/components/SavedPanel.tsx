/** Issue 5: saved models and inputs (IndexedDB). (Skeleton: filled in by the saved-work task.) */
export function SavedPanel() {
  return null;
}
