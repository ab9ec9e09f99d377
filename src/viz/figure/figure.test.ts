/**
 * The slide figures' SVG composition: title, lines, a name per layer, the legend (phase bar
 * ticks or sign swatches, the scale), both readouts, grid lines kept, and every <text> inside
 * the viewBox (src/viz/testing/svgChecks.ts), for every matrix view, a 13-layer chain (wraps)
 * and a 64×64 digit layer.
 */
import { describe, expect, it } from 'vitest';
import type { CMat } from '../../core/math/complex';
import { bellState, werner } from '../../core/states/states';
import type { MatrixData, MatrixView } from '../matrix/types';
import { parseXml, svgProblems, textOf, walkPlaced } from '../testing/svgChecks';
import { CHAIN_COLUMNS, chainFigureSvg, layerFigureSvg, rhoName, sup, type FigureLayer, type FigureSpec } from './figure';
import { readoutHeading } from './parts';

function data(rho: CMat, nQubits: number, scaleMax = 1): MatrixData {
  return { d: rho.rows, nQubits, re: rho.re, im: rho.im, scaleMax };
}
const diagOf = (rho: CMat) => Array.from({ length: rho.rows }, (_, i) => rho.re[i * rho.rows + i]);

function layers(n: number): FigureLayer[] {
  return Array.from({ length: n }, (_, k) => {
    const rho = k === 0 ? bellState('phi+') : werner(Math.max(0, 1 - k / n));
    return { k, name: k === 0 ? 'input' : `after block ${k}`, quantum: data(rho, 2), classical: diagOf(rho), note: k === 2 ? '◆ paths part' : undefined };
  });
}

function spec(view: MatrixView, n: number): FigureSpec {
  return {
    title: 'HQRN entanglement-quantum (12 blocks): every layer',
    lines: ['Input: the Bell state |Φ+⟩', 'True class: entangled (PPT criterion: NPT, exact for two qubits)'],
    view,
    palette: 'default',
    scaleText: 'full colour = 0.5000 (fixed over all layers)',
    layers: layers(n),
    readouts: [
      { path: 'Quantum path', classes: ['separable', 'entangled'], probabilities: [0.002, 0.998], predicted: 1, verdict: 'right' },
      { path: 'Classical path', classes: ['separable', 'entangled'], probabilities: [0.61, 0.39], predicted: 0, verdict: 'wrong' },
    ],
  };
}

const texts = (svg: string) => [...walkPlaced(parseXml(svg))].filter((e) => e.el.name === 'text').map((e) => ({ s: textOf(e.el), ...e }));

describe('sup / rhoName', () => {
  it('write layer indices in superscript digits', () => {
    expect(sup(0)).toBe('⁰');
    expect(sup(12)).toBe('¹²');
    expect(rhoName(3)).toBe('ρ⁽³⁾');
  });
});

describe('readoutHeading', () => {
  it('names the prediction, its probability and the verdict', () => {
    expect(readoutHeading({ path: 'Quantum path', classes: ['separable', 'entangled'], probabilities: [0.25, 0.75], predicted: 1, verdict: 'wrong' })).toBe(
      'Quantum path: predicts entangled (P 0.7500), ✗ wrong',
    );
    expect(readoutHeading({ path: 'Classical path', classes: ['a'], probabilities: [1], predicted: null })).toBe('Classical path: no prediction');
  });
});

describe.each(['heatmap', 'hinton', 'city'] as const)('chain figure, %s view', (view) => {
  it('has the title, a name per layer, the legend and both readouts, every text inside the viewBox', () => {
    const s = spec(view, 5);
    const svg = chainFigureSvg(s);
    expect(svgProblems(svg)).toEqual([]);
    const t = texts(svg).map((x) => x.s);
    expect(t).toContain(s.title);
    for (const l of s.lines) expect(t).toContain(l);
    for (let k = 0; k < 5; k++) expect(t).toContain(rhoName(k));
    expect(t).toContain('after block 4');
    expect(t).toContain('◆ paths part');
    expect(t).toContain(s.scaleText);
    if (view === 'city') expect(t).toEqual(expect.arrayContaining(['positive', 'negative']));
    else expect(t).toEqual(expect.arrayContaining(['phase', '0', 'π/2', 'π', '3π/2', '2π']));
    expect(t).toContain('Quantum path: predicts entangled (P 0.9980), ✓ right');
    expect(t).toContain('Classical path: predicts separable (P 0.6100), ✗ wrong');
    // Class names twice (one per readout).
    expect(t.filter((x) => x === 'entangled')).toHaveLength(2);
    // Grid lines kept: one cell grid (heatmap/Hinton) or two floor grids (city) per layer.
    const grids = svg.match(/stroke="rgba\(0,0,0,0\.1[25]\)"/g) ?? [];
    expect(grids).toHaveLength(view === 'city' ? 10 : 5);
  });
});

describe('chain figure layout', () => {
  it(`wraps 13 layers onto rows of at most ${CHAIN_COLUMNS}, in order, inside the viewBox`, () => {
    const svg = chainFigureSvg(spec('heatmap', 13));
    expect(svgProblems(svg)).toEqual([]);
    const names = texts(svg).filter((x) => /^ρ⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾$/.test(x.s));
    expect(names.map((x) => x.s)).toEqual(Array.from({ length: 13 }, (_, k) => rhoName(k)));
    const y = (x: (typeof names)[number]) => x.dy + Number(x.el.attrs.y);
    const rows = new Set(names.map(y));
    expect(rows.size).toBe(2);
    // 13 layers on 2 rows: 7 then 6, left to right.
    expect(names.filter((x) => y(x) === y(names[0]))).toHaveLength(7);
    for (let k = 1; k < 7; k++) expect(names[k].dx + Number(names[k].el.attrs.x)).toBeGreaterThan(names[k - 1].dx + Number(names[k - 1].el.attrs.x));
  });
  it('refuses an empty chain with a message', () => {
    expect(() => chainFigureSvg({ ...spec('heatmap', 1), layers: [] })).toThrow(/no layer/);
  });
  it('draws a 64×64 digit layer (indices on 6 qubits) inside the viewBox', () => {
    const d = 64;
    const re = new Float64Array(d * d);
    for (let i = 0; i < d; i++) re[i * d + i] = 1 / d;
    const q: MatrixData = { d, nQubits: 6, re, im: new Float64Array(d * d), scaleMax: 1 / d };
    const s: FigureSpec = { ...spec('heatmap', 1), layers: [{ k: 0, name: 'input', quantum: q, classical: Array(d).fill(1 / d) }] };
    expect(svgProblems(chainFigureSvg(s))).toEqual([]);
    expect(svgProblems(layerFigureSvg(s))).toEqual([]);
  });
});

describe.each(['heatmap', 'hinton', 'city'] as const)('layer figure, %s view', (view) => {
  it('shows quantum vs classical with basis labels, the legend and both readouts, inside the viewBox', () => {
    const s = { ...spec(view, 1), title: 'HQRN entanglement-quantum: layer 0' };
    const svg = layerFigureSvg(s);
    expect(svgProblems(svg)).toEqual([]);
    const t = texts(svg).map((x) => x.s);
    expect(t).toContain(s.title);
    expect(t).toContain('Quantum path: ρ⁽⁰⁾ (input)');
    expect(t).toContain('Classical path: diag x⁽⁰⁾ (input)');
    expect(t).toContain(s.scaleText);
    expect(t).toContain('Quantum path: predicts entangled (P 0.9980), ✓ right');
    // Every basis state named (twice per matrix for the city's two panels, rows and columns for the grids).
    for (const b of ['00', '01', '10', '11']) expect(t.filter((x) => x === `|${b}⟩`).length).toBe(view === 'city' ? 4 : 2);
  });
  it('refuses more than one layer', () => {
    expect(() => layerFigureSvg(spec(view, 2))).toThrow(/one layer/);
  });
});
