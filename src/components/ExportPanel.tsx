/** Issue 5: export of the stack (OpenQASM 3), state, model and dataset. (Skeleton: filled in by the export task.) */
export function ExportPanel() {
  return null;
}
