/**
 * The notices line under the top bar (full width, its own row): problems found in an opened
 * link (until dismissed; the rest of the link still applies), the engine's error for the
 * newest edit (the last good result stays on screen), and the link to copy by hand when the
 * clipboard was refused. Nothing is rendered when all is well, so the bar's rows keep their
 * layout.
 */
import { useEffect, useId, useRef } from 'react';
import { useCopyByHand } from '../../app/url/copyLink';
import { useExplorer } from '../../app/explorer/store';
import { linkNoticeHeading } from '../../app/url/urlState';
import { useAppUpdate } from '../../app/engine/appUpdate';
import { UpdateNotice } from './UpdateNotice';

export function Notices() {
  const problems = useExplorer((s) => s.urlProblems.length > 0);
  const error = useExplorer((s) => s.error);
  const fileError = useExplorer((s) => s.fileError);
  const byHand = useCopyByHand((s) => s.link !== null);
  const updated = useAppUpdate((s) => s.available);
  if (!problems && !error && !fileError && !byHand && !updated) return null;
  return (
    <div className="topbar-notices">
      <UpdateNotice />
      <UrlProblems />
      <CopyByHand />
      {fileError && (
        <p className="error" role="alert">
          {fileError.replace(/\.$/, '')}. Nothing was changed.{' '}
          <button type="button" onClick={() => useExplorer.setState({ fileError: undefined })}>
            Dismiss
          </button>
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          Could not compute the newest edit: {error.replace(/\.$/, '')}. The last good result is still shown.
        </p>
      )}
    </div>
  );
}

function CopyByHand() {
  const link = useCopyByHand((s) => s.link);
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  // Focused (and so selected, and scrolled to: on a phone this line is far above the button).
  useEffect(() => {
    if (link !== null) field.current?.focus();
  }, [link]);
  if (link === null) return null;
  return (
    <div className="copy-by-hand" role="status">
      <label htmlFor={id}>The browser did not allow copying: copy this link by hand</label>
      <input ref={field} id={id} type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" onClick={() => useCopyByHand.getState().show(null)}>
        Dismiss
      </button>
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
