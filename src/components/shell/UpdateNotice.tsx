/**
 * "A new version is available — Reload" (src/app/engine/appUpdate.ts): shown once this tab's
 * build is known to be replaced on the server. Reload keeps the view (the URL hash) and saved
 * work (IndexedDB); nothing else on the page changes until then.
 */
import { useAppUpdate } from '../../app/engine/appUpdate';

export function UpdateNotice() {
  const available = useAppUpdate((s) => s.available);
  const seenBy = useAppUpdate((s) => s.seenBy);
  if (!available) return null;
  return (
    <p className="app-update" role="alert" aria-label="New version" title={seenBy}>
      A new version is available —{' '}
      <button type="button" onClick={() => window.location.reload()}>
        Reload
      </button>{' '}
      <span className="hint">(the view and your saved work are kept)</span>
    </p>
  );
}
