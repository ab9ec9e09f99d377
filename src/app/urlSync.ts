/** Issue 5: keeps the URL hash and the explorer store in step. (Skeleton: filled in by the URL/undo task.) */
export function startUrlSync(): () => void {
  return () => {};
}
