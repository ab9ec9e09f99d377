/**
 * "Reproduce this run": open a model or result file with a run card (docs/math.md §11); its
 * settings fill the form and the run starts. A file without a usable card says why.
 */
import { useState } from 'react';
import { formFromRunCard } from '../../app/training/reproduce';
import { useTraining } from '../../app/training/store';

export function ReproduceRun() {
  const status = useTraining((s) => s.status);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const busy = status === 'running' || status === 'paused';
  const open = async (file: File) => {
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setNote({ ok: false, text: `${file.name}: not a JSON file (a model or result file exported by this app or by hqrn train)` });
      return;
    }
    const r = formFromRunCard(json);
    if ('problem' in r) {
      setNote({ ok: false, text: `${file.name}: ${r.problem}` });
      return;
    }
    const st = useTraining.getState();
    st.reset();
    st.loadForm(r.form);
    st.play();
    setNote({ ok: true, text: `${file.name}: the form now holds its run card's settings; re-running it.` });
  };
  return (
    <div className="train-field train-field-wide train-reproduce">
      <label htmlFor="train-reproduce">Reproduce this run (a model file with a run card)</label>
      <input
        id="train-reproduce"
        type="file"
        accept=".json,application/json"
        disabled={busy}
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) void open(f);
        }}
      />
      {note && (
        <small role={note.ok ? 'status' : 'alert'} className={note.ok ? 'train-hint' : 'train-field-error'}>
          {note.text}
        </small>
      )}
    </div>
  );
}
