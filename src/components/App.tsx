import { useEffect, useId, useState } from 'react';
import { getEngine, type WernerMeasures } from '../app/engineClient';

export function App() {
  return (
    <main>
      <h1>HQRN Explorer</h1>
      <p>
        An in-browser explorer of hybrid quantum residual networks: quantum states, their
        entanglement measures and small quantum-classical models, all computed locally in a
        Web Worker.
      </p>
      <WernerPanel />
    </main>
  );
}

function WernerPanel() {
  const [p, setP] = useState(0.5);
  const [result, setResult] = useState<WernerMeasures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sliderId = useId();

  useEffect(() => {
    // Only the newest request's answer is shown: a superseded effect is cancelled.
    let cancelled = false;
    getEngine()
      .wernerMeasures(p)
      .then(
        (r) => {
          if (!cancelled) {
            setResult(r);
            setError(null);
          }
        },
        (e: unknown) => {
          if (!cancelled) setError(e instanceof Error ? e.message : String(e));
        },
      );
    return () => {
      cancelled = true;
    };
  }, [p]);

  const current = result !== null && result.p === p ? result : null;

  return (
    <section aria-labelledby="werner-heading">
      <h2 id="werner-heading">Werner state</h2>
      <p>
        ρ = p|Φ<sup>+</sup>⟩⟨Φ<sup>+</sup>| + (1−p)I/4
      </p>
      <label htmlFor={sliderId}>Werner p</label>{' '}
      <input
        id={sliderId}
        type="range"
        min={0}
        max={1}
        step={0.01}
        value={p}
        onChange={(e) => setP(Number(e.target.value))}
      />{' '}
      <output htmlFor={sliderId} aria-label="p">
        {p.toFixed(2)}
      </output>
      <dl aria-busy={current === null}>
        <dt>Concurrence</dt>
        <dd>
          <output aria-label="concurrence">{current ? current.concurrence.toFixed(4) : '…'}</output>
        </dd>
        <dt>Negativity</dt>
        <dd>
          <output aria-label="negativity">{current ? current.negativity.toFixed(4) : '…'}</output>
        </dd>
        <dt>PPT criterion</dt>
        <dd>
          <output aria-label="verdict">
            {current ? (current.ppt ? 'PPT: separable' : 'NPT: entangled') : '…'}
          </output>
        </dd>
      </dl>
      {error !== null && <p role="alert">Engine error: {error}</p>}
    </section>
  );
}
