/**
 * A hand-entered two-qubit density matrix: 4×4 complex entries, validated as you type by the
 * worker's checkMatrix (the main thread only parses numbers). docs/math.md §10 "States as people
 * write them": cells take `1/3`, `-1/2`, `0.5+0.5i`, `i/2`, `1/sqrt(2)`, `0,5`
 * (src/core/io/matrixText.ts); a "Paste a matrix" field reads numpy, MATLAB, Mathematica and CSV.
 * A matrix within 1e-6 of a state is accepted and used as its nearest state (the distance is
 * shown); outside, the problem is named with the tolerance and "Use the nearest state" offers
 * the projection. An unreadable cell is named as a parse problem, never as "not a state".
 */
import { useEffect, useId, useRef, useState } from 'react';
import { getEngine } from '../../app/engine/engineClient';
import type { MatrixCheck } from '../../protocol/explorer';
import { useMatrixDraft } from '../../app/inputs/matrixDraft';
import { useExplorer } from '../../app/explorer/store';
import { editorStatus, readPastedMatrix, sig4, type CellCheck } from '../../app/inputs/matrixEditorStatus';
import { formatCell, MAX_STATE_ENTRY, parseComplex } from '../../core/io/matrixText';

const D = 4;
const BASIS = ['00', '01', '10', '11'];
/** Trace distances at or below this are "nothing changed" (docs/math.md §10). */
const REPORT_THRESHOLD = 1e-12;

type Grid = string[][];
type Part = 're' | 'im';

const fill = (f: (i: number, j: number) => string): Grid => Array.from({ length: D }, (_, i) => Array.from({ length: D }, (_, j) => f(i, j)));

const PRESETS: { name: string; re: Grid; im: Grid }[] = [
  { name: 'I/4', re: fill((i, j) => (i === j ? '0.25' : '0')), im: fill(() => '0') },
  { name: '|Φ+⟩⟨Φ+|', re: fill((i, j) => ((i === 0 || i === 3) && (j === 0 || j === 3) ? '0.5' : '0')), im: fill(() => '0') },
  { name: '|00⟩⟨00|', re: fill((i, j) => (i === 0 && j === 0 ? '1' : '0')), im: fill(() => '0') },
];

const SIMPLE_NUMBER = /^[+-−]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The text of −v for the mirrored imaginary part, keeping what the user typed. */
function negateText(text: string): string {
  const t = text.trim();
  if (t === '') return '';
  const p = parseComplex(t);
  if ('value' in p && p.value.re === 0 && p.value.im === 0) return '0';
  if (SIMPLE_NUMBER.test(t) || /^[+-−]?[\d.]+\/[\d.]+$/.test(t))
    return t.startsWith('-') || t.startsWith('−') ? t.slice(1) : t.startsWith('+') ? `-${t.slice(1)}` : `-${t}`;
  return `-(${t})`;
}

/** The text of conj(v) for the mirrored real-part cell: the same text when v is real. */
function conjText(text: string): string {
  const p = parseComplex(text);
  return 'value' in p && p.value.im !== 0 ? `conj(${text.trim()})` : text;
}

/**
 * Exact values behind cells filled by a paste or by "Use the nearest state": the cell shows 6
 * decimals, the value keeps every digit until the cell is edited (its text no longer matches).
 */
type Exact = Map<string, { text: string; value: number }>;
const exactKey = (part: Part, i: number, j: number) => `${part}${i},${j}`;

/** Cell texts (6 decimals) and exact values of a matrix. */
function gridsOf(re: number[][], im: number[][]): { re: Grid; im: Grid; exact: Exact } {
  const exact: Exact = new Map();
  const texts = (part: Part, m: number[][]) =>
    fill((i, j) => {
      const text = formatCell(m[i][j]);
      if (Number(text) !== m[i][j]) exact.set(exactKey(part, i, j), { text, value: m[i][j] });
      return text;
    });
  return { re: texts('re', re), im: texts('im', im), exact };
}

type Check = CellCheck;

export function MatrixEditor() {
  const [re, setRe] = useState<Grid>(PRESETS[1].re);
  const [im, setIm] = useState<Grid>(PRESETS[1].im);
  const [exact, setExact] = useState<Exact>(() => new Map());
  const [hermitian, setHermitian] = useState(true);
  const [check, setCheck] = useState<Check>({ state: 'checking' });
  const [pasteText, setPasteText] = useState('');
  /** After "Use the nearest state": how far it moved the matrix entered. */
  const [moved, setMoved] = useState<number | null>(null);
  const setInput = useExplorer((s) => s.setInput);
  const currentIsMatrix = useExplorer((s) => s.input.kind === 'matrix');
  const seq = useRef(0);
  const id = useId();
  const draft = useMatrixDraft((s) => s.draft);

  // Parse on the main thread (UI input); the physics check runs in the worker, debounced.
  const parsed = (() => {
    const out = { re: [] as number[][], im: [] as number[][], problem: null as string | null };
    const value = (part: Part, i: number, j: number, text: string) => {
      const e = exact.get(exactKey(part, i, j));
      if (e && e.text === text) return { re: e.value, im: 0 };
      if (part === 'im' && text.trim() === '') return { re: 0, im: 0 };
      const p = parseComplex(text);
      const name = `${part === 're' ? 'Re' : 'Im'} ρ(${i},${j})`;
      if ('problem' in p) {
        out.problem ??= p.problem === 'is empty' ? `${name} is empty` : `${name} is not a number (${p.problem.replace(/ is not a number$/, '')})`;
        return { re: 0, im: 0 };
      }
      if (Math.hypot(p.value.re, p.value.im) > MAX_STATE_ENTRY) {
        out.problem ??= `${name}: '${text.trim()}' is too large for a density matrix (its entries are at most 1 in size)`;
        return { re: 0, im: 0 };
      }
      if (part === 'im' && p.value.im !== 0) {
        out.problem ??= `${name}: '${text.trim()}' has an imaginary part; type the imaginary part as a real number (or the whole entry in the Re cell)`;
        return { re: 0, im: 0 };
      }
      return p.value;
    };
    for (let i = 0; i < D; i++) {
      out.re.push([]);
      out.im.push([]);
      for (let j = 0; j < D; j++) {
        // ρ_ij = (Re cell) + i·(Im cell); the Re cell may hold a whole complex entry
        const r = value('re', i, j, re[i][j]);
        const m = value('im', i, j, im[i][j]);
        out.re[i].push(r.re);
        out.im[i].push(r.im + m.re);
      }
    }
    return out;
  })();
  const key = JSON.stringify([parsed.re, parsed.im, parsed.problem]);

  useEffect(() => {
    const mine = ++seq.current;
    if (parsed.problem !== null) {
      setCheck({ state: 'unreadable', reason: parsed.problem, key });
      return;
    }
    setCheck({ state: 'checking' });
    const timer = setTimeout(() => {
      getEngine()
        .checkMatrix(parsed.re, parsed.im)
        .then(
          (answer) => {
            if (mine !== seq.current) return; // a newer edit is being checked
            setCheck(
              answer.problem === null
                ? { state: 'valid', traceDistance: answer.traceDistance ?? 0, key }
                : { state: 'invalid', reason: answer.problem, kind: answer.kind, minEigenvalue: answer.minEigenvalue, nearest: answer.nearest, key },
            );
          },
          (e: unknown) => {
            if (mine !== seq.current) return;
            setCheck({ state: 'error', reason: e instanceof Error ? e.message : String(e), key });
          },
        );
    }, 250);
    return () => clearTimeout(timer);
  }, [key]);

  // A matrix offered from elsewhere (a link's matrix outside the tolerance): fill it in, so
  // its problem is named here and "Use the nearest state" can project it.
  useEffect(() => {
    if (draft) {
      setMoved(null);
      setMatrix(draft);
      setPasteText(''); // the cells now hold the offered matrix, not the paste
    }
  }, [draft?.seq]);

  const edit = (part: Part, i: number, j: number, text: string) => {
    setMoved(null);
    const update = (g: Grid, v: string, mi: number, mj: number) => g.map((row, a) => row.map((c, b) => (a === mi && b === mj ? v : c)));
    if (part === 're') {
      setRe((g) => {
        let next = update(g, text, i, j);
        if (hermitian && i !== j) next = update(next, conjText(text), j, i);
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

  const setMatrix = (m: { re: number[][]; im: number[][] }) => {
    const g = gridsOf(m.re, m.im);
    setRe(g.re);
    setIm(g.im);
    setExact(g.exact);
  };

  const paste = readPastedMatrix(pasteText, D);
  const readPaste = (text: string) => {
    setPasteText(text);
    const p = readPastedMatrix(text, D);
    if (p.state !== 'read') return;
    setMoved(null);
    setMatrix(p);
  };

  const applyNearest = (nearest: NonNullable<MatrixCheck['nearest']>) => {
    setMatrix(nearest);
    setMoved(nearest.traceDistance);
    setInput({ kind: 'matrix', re: nearest.re, im: nearest.im });
  };

  const upToDate = check.key === key;
  const status = editorStatus(paste, check, upToDate, moved);
  const nearest = status.offerNearest && check.state === 'invalid' ? check.nearest : undefined;

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
              setExact(new Map());
              setPasteText(''); // a filled preset replaces whatever the paste box held
              setMoved(null);
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
      <label className="matrix-paste">
        Paste a matrix (numpy, MATLAB, Mathematica or CSV; entries like 1/3, 0.5+0.5i, 1/sqrt(2))
        <textarea
          aria-label="Paste a matrix"
          rows={3}
          spellCheck={false}
          placeholder="[[0.5, 0, 0, 0.5], [0, 0, 0, 0], [0, 0, 0, 0], [0.5, 0, 0, 0.5]]"
          value={pasteText}
          onChange={(e) => readPaste(e.target.value)}
        />
      </label>
      {paste.state !== 'empty' && (
        <p role="status" aria-label="Pasted matrix" className={`matrix-check ${paste.state === 'read' ? 'matrix-check-valid' : 'matrix-check-invalid'}`}>
          {paste.note}
        </p>
      )}
      {paste.state === 'unreadable' && (
        <button type="button" onClick={() => setPasteText('')}>
          Clear the paste box
        </button>
      )}
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
                      inputMode="text"
                      className="cell-re"
                      aria-label={`Re ρ(${i},${j})`}
                      value={re[i][j]}
                      spellCheck={false}
                      onChange={(e) => edit('re', i, j, e.target.value)}
                    />
                    <input
                      type="text"
                      inputMode="text"
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
      <p id={`${id}-check`} role="status" aria-label="Matrix check" className={`matrix-check matrix-check-${status.tone}`} data-state={status.state}>
        {status.message}
      </p>
      <button type="button" className="primary" disabled={!status.canUse} onClick={() => setInput({ kind: 'matrix', re: parsed.re, im: parsed.im })}>
        Use this matrix
      </button>{' '}
      {nearest && (
        <button type="button" onClick={() => applyNearest(nearest)}>
          Use the nearest state (trace distance {sig4(nearest.traceDistance)})
        </button>
      )}
      {currentIsMatrix && <span className="hint"> (the current input is a hand-entered matrix)</span>}
    </fieldset>
  );
}
