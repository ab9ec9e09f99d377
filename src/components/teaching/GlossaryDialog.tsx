/** The whole glossary as one list (a modal dialog opened from the top bar; Escape closes it). */
import { forwardRef } from 'react';
import { GLOSSARY, type GlossaryId } from '../../content/glossary';

export const GlossaryDialog = forwardRef<HTMLDialogElement>(function GlossaryDialog(_, ref) {
  const ids = (Object.keys(GLOSSARY) as GlossaryId[]).sort((a, b) => GLOSSARY[a].term.localeCompare(GLOSSARY[b].term));
  return (
    <dialog ref={ref} className="glossary-dialog" aria-labelledby="glossary-title">
      <form method="dialog" className="glossary-head">
        <h2 id="glossary-title">Glossary</h2>
        <button type="submit">Close</button>
      </form>
      <dl className="glossary-list">
        {ids.map((id) => (
          <div key={id} id={`glossary-${id}`}>
            <dt>{GLOSSARY[id].term}</dt>
            <dd>
              {GLOSSARY[id].definition} <span className="glossary-docs">({GLOSSARY[id].docs})</span>
            </dd>
          </div>
        ))}
      </dl>
    </dialog>
  );
});
