/** Issue 5: undo/redo buttons, copy link, classroom link. (Skeleton: filled in by the URL/undo work.) */
export function ShareBar() {
  return null;
}
