/**
 * A hand-entered two-qubit density matrix: 4×4 complex entries, validated as you type by the
 * worker's checkMatrix (the main thread only parses numbers). "Use this matrix" is enabled
 * only for a valid state, so an invalid matrix never replaces the current input.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { getEngine } from '../app/engineClient';
import { useExplorer } from '../app/store';

const D = 4;
const BASIS = ['00', '01', '10', '11'];

type Grid = string[][];

const fill = (f: (i: number, j: number) => string): Grid => Array.from({ length: D }, (_, i) => Array.from({ length: D }, (_, j) => f(i, j)));

const PRESETS: { name: string; re: Grid; im: Grid }[] = [
  { name: 'I/4', re: fill((i, j) => (i === j ? '0.25' : '0')), im: fill(() => '0') },
  { name: '|Φ+⟩⟨Φ+|', re: fill((i, j) => ((i === 0 || i === 3) && (j === 0 || j === 3) ? '0.5' : '0')), im: fill(() => '0') },
  { name: '|00⟩⟨00|', re: fill((i, j) => (i === 0 && j === 0 ? '1' : '0')), im: fill(() => '0') },
];

/** The number in a cell, or null when the text is not one (an empty real part is missing). */
function parseCell(text: string): number | null {
  const t = text.trim().replace(/−/g, '-');
  if (t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** The text of −v for the mirrored imaginary part, keeping what the user typed. */
function negateText(text: string): string {
  const t = text.trim();
  if (t === '' || parseCell(t) === 0) return t === '' ? '' : '0';
  return t.startsWith('-') || t.startsWith('−') ? t.slice(1) : `-${t}`;
}

type Check = ({ state: 'checking' } | { state: 'valid' } | { state: 'invalid'; reason: string } | { state: 'error'; reason: string }) & { key?: string };

export function MatrixEditor() {
  const [re, setRe] = useState<Grid>(PRESETS[1].re);
  const [im, setIm] = useState<Grid>(PRESETS[1].im);
  const [hermitian, setHermitian] = useState(true);
  const [check, setCheck] = useState<Check>({ state: 'checking' });
  const setInput = useExplorer((s) => s.setInput);
  const currentIsMatrix = useExplorer((s) => s.input.kind === 'matrix');
  const seq = useRef(0);
  const id = useId();

  // Parse on the main thread (UI input); the physics check runs in the worker, debounced.
  const parsed = (() => {
    const out = { re: [] as number[][], im: [] as number[][], problem: null as string | null };
    for (let i = 0; i < D; i++) {
      out.re.push([]);
      out.im.push([]);
      for (let j = 0; j < D; j++) {
        const r = parseCell(re[i][j]);
        const m = im[i][j].trim() === '' ? 0 : parseCell(im[i][j]);
        if (r === null && out.problem === null) out.problem = `Re ρ(${i},${j}) is not a number`;
        if (m === null && out.problem === null) out.problem = `Im ρ(${i},${j}) is not a number`;
        out.re[i].push(r ?? 0);
        out.im[i].push(m ?? 0);
      }
    }
    return out;
  })();
  const key = JSON.stringify([parsed.re, parsed.im, parsed.problem]);

  useEffect(() => {
    const mine = ++seq.current;
    if (parsed.problem !== null) {
      setCheck({ state: 'invalid', reason: parsed.problem, key });
      return;
    }
    setCheck({ state: 'checking' });
    const timer = setTimeout(() => {
      getEngine().checkMatrix(parsed.re, parsed.im).then(
        (problem) => {
          if (mine !== seq.current) return; // a newer edit is being checked
          setCheck(problem === null ? { state: 'valid', key } : { state: 'invalid', reason: problem, key });
        },
        (e: unknown) => {
          if (mine !== seq.current) return;
          setCheck({ state: 'error', reason: e instanceof Error ? e.message : String(e), key });
        },
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [key]);

  const edit = (part: 're' | 'im', i: number, j: number, text: string) => {
    const update = (g: Grid, v: string, mi: number, mj: number) => g.map((row, a) => row.map((c, b) => (a === mi && b === mj ? v : c)));
    if (part === 're') {
      setRe((g) => {
        let next = update(g, text, i, j);
        if (hermitian && i !== j) next = update(next, text, j, i);
        return next;
      });
    } else {
      setIm((g) => {
        let next = update(g, text, i, j);
        if (hermitian && i !== j) next = update(next, negateText(text), j, i);
        return next;
      });
    }
  };

  const message =
    check.state === 'valid'
      ? 'A valid density matrix (Hermitian, trace 1, positive semidefinite).'
      : check.state === 'checking'
        ? 'Checking…'
        : check.state === 'invalid'
          ? `Not a state: ${check.reason}`
          : `Could not check the matrix: ${check.reason}`;

  return (
    <fieldset className="matrix-editor">
      <legend>Hand-entered density matrix ρ</legend>
      <div className="matrix-tools">
        {PRESETS.map((p) => (
          <button
            key={p.name}
            type="button"
            onClick={() => {
              setRe(p.re);
              setIm(p.im);
            }}
          >
            Fill {p.name}
          </button>
        ))}
        <label className="check">
          <input type="checkbox" checked={hermitian} onChange={(e) => setHermitian(e.target.checked)} />
          Keep Hermitian (mirror ρ(j,i) = conj ρ(i,j))
        </label>
      </div>
      <div className="matrix-scroll">
        <table className="matrix-grid" aria-describedby={`${id}-check`}>
          <caption className="visually-hidden">Entries ρ(i,j): real part above, imaginary part below</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">row \ column</span>
              </th>
              {BASIS.map((b) => (
                <th key={b} scope="col">
                  ⟨{b}|
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {BASIS.map((rb, i) => (
              <tr key={rb}>
                <th scope="row">|{rb}⟩</th>
                {BASIS.map((cb, j) => (
                  <td key={cb}>
                    <input
                      type="text"
                      inputMode="decimal"
                      className="cell-re"
                      aria-label={`Re ρ(${i},${j})`}
                      value={re[i][j]}
                      spellCheck={false}
                      onChange={(e) => edit('re', i, j, e.target.value)}
                    />
                    <input
                      type="text"
                      inputMode="decimal"
                      className="cell-im"
                      aria-label={`Im ρ(${i},${j})`}
                      value={im[i][j]}
                      spellCheck={false}
                      onChange={(e) => edit('im', i, j, e.target.value)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p
        id={`${id}-check`}
        role="status"
        aria-label="Matrix check"
        className={`matrix-check matrix-check-${check.state}`}
        data-state={check.state}
      >
        {message}
      </p>
      <button type="button" className="primary" disabled={check.state !== 'valid' || check.key !== key} onClick={() => setInput({ kind: 'matrix', re: parsed.re, im: parsed.im })}>
        Use this matrix
      </button>
      {currentIsMatrix && <span className="hint"> (the current input is a hand-entered matrix)</span>}
    </fieldset>
  );
}
