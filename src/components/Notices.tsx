/**
 * The notices line under the top bar (full width, its own row): problems found in an opened
 * link (until dismissed; the rest of the link still applies) and the engine's error for the
 * newest edit (the last good result stays on screen). Nothing is rendered when all is well, so
 * the bar's rows keep their layout.
 */
import { useExplorer } from '../app/store';
import { linkNoticeHeading } from '../app/urlState';

export function Notices() {
  const problems = useExplorer((s) => s.urlProblems.length > 0);
  const error = useExplorer((s) => s.error);
  if (!problems && !error) return null;
  return (
    <div className="topbar-notices">
      <UrlProblems />
      {error && (
        <p className="error" role="alert">
          Could not compute the newest edit: {error}. The last good result is still shown.
        </p>
      )}
    </div>
  );
}

function UrlProblems() {
  const problems = useExplorer((s) => s.urlProblems);
  const setUrlProblems = useExplorer((s) => s.setUrlProblems);
  if (problems.length === 0) return null;
  return (
    <div className="url-problems" role="alert" aria-label="Problems in the link">
      <p>{linkNoticeHeading(problems)}</p>
      <ul>
        {problems.map((p, k) => (
          <li key={k}>{p}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setUrlProblems([])}>
        Dismiss
      </button>
    </div>
  );
}
