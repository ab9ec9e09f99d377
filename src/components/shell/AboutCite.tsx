/**
 * "About / cite" in the top bar: the app's version and build commit, the paper it explores
 * (arXiv 2604.15626) and BibTeX to copy (src/app/about/about.ts; CITATION.cff in the repository).
 */
import { useRef, useState } from 'react';
import { appInfo, bibtex, PAPER } from '../../app/about/about';
import { useDismissable } from './useDismissable';

export function AboutCite() {
  const menu = useRef<HTMLDetailsElement>(null);
  useDismissable(menu);
  const [copied, setCopied] = useState<boolean | null>(null);
  const info = appInfo();
  const bib = bibtex(info);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(bib);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <details ref={menu} className="menu about-cite">
      <summary>About / cite</summary>
      <div className="menu-body" role="group" aria-label="About and citation">
        <p>
          <strong>HQRN Explorer</strong> version <span data-testid="app-version">{info.version}</span>, commit{' '}
          <code data-testid="app-commit">{info.commit}</code>.
        </p>
        <p>
          It explores the Hybrid Quantum Residual Networks of{' '}
          <a href={PAPER.url} target="_blank" rel="noreferrer">
            “{PAPER.title}”, arXiv {PAPER.arxiv}
          </a>
          . Exported models and results carry a run card with this version and commit.
        </p>
        <label htmlFor="about-bibtex">BibTeX</label>
        <textarea id="about-bibtex" readOnly rows={14} cols={60} value={bib} />
        <button type="button" onClick={() => void copy()}>
          Copy BibTeX
        </button>
        {copied === true && <span role="status"> copied</span>}
        {copied === false && <span role="status"> the browser refused the clipboard: select the text above and copy it</span>}
      </div>
    </details>
  );
}
