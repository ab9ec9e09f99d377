/**
 * Golden SVG exports of the matrix views: each plugin (heatmap, Hinton, city) exports
 * |Φ+⟩⟨Φ+|, the Werner state ρ_W(0.4) (docs/math.md §7) and the 64×64 diagonal ρ = diag(x)
 * of a fixed drawn digit (a ring, through the 8×8 pipeline of docs/math.md §7), compared
 * byte for byte with src/viz/matrix/__golden__/<plugin>-<state>.svg.
 *
 * On a mismatch the new picture is written beside the golden as <name>.actual.svg (gitignored):
 * open both, and if the new one is right accept it with
 *   UPDATE_GOLDEN=1 npx vitest run src/viz/matrix/golden.test.ts
 * A golden can lock in a bug, so every export is also checked on its own: well-formed XML with
 * one <svg> root whose viewBox is its size, and every <text> (estimated box) inside the viewBox.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CMat } from '../../core/math/complex';
import { DIGIT_DIM, DIGIT_PIXELS, DIGIT_SIDE, digitToInput } from '../../core/states/digits';
import { bellState, werner } from '../../core/states/states';
import { MATRIX_PLUGINS, MATRIX_VIEW_ORDER, type MatrixData } from './index';
import { parseXml, svgProblems } from '../testing/svgChecks';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '__golden__');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** The export size of the explorer's main matrix (CSS px). */
const CSS_SIZE = 320;

function matrixData(rho: CMat, nQubits: number): MatrixData {
  let scaleMax = 0;
  for (let k = 0; k < rho.re.length; k++) scaleMax = Math.max(scaleMax, Math.hypot(rho.re[k], rho.im[k]));
  return { d: rho.rows, nQubits, re: rho.re, im: rho.im, scaleMax };
}

/** A drawn "0": intensity 1 on a ring of radius 9 around the image centre, fading over 3 px. */
function ringDigit(): Float64Array {
  const img = new Float64Array(DIGIT_PIXELS);
  const c = (DIGIT_SIDE - 1) / 2;
  for (let y = 0; y < DIGIT_SIDE; y++)
    for (let x = 0; x < DIGIT_SIDE; x++) img[y * DIGIT_SIDE + x] = Math.max(0, 1 - Math.abs(Math.hypot(x - c, y - c) - 9) / 3);
  return img;
}

function digitState(): CMat {
  const x = digitToInput(ringDigit());
  const re = new Float64Array(DIGIT_DIM * DIGIT_DIM);
  for (let k = 0; k < DIGIT_DIM; k++) re[k * DIGIT_DIM + k] = x[k];
  return { rows: DIGIT_DIM, cols: DIGIT_DIM, re, im: new Float64Array(DIGIT_DIM * DIGIT_DIM) } as CMat;
}

const STATES: { name: string; rho: () => CMat; nQubits: number }[] = [
  { name: 'bell', rho: () => bellState('phi+'), nQubits: 2 },
  { name: 'werner-0.4', rho: () => werner(0.4), nQubits: 2 },
  { name: 'digit-ring', rho: digitState, nQubits: 6 },
];

describe('the SVG checks themselves', () => {
  it('reject malformed XML', () => {
    expect(() => parseXml('<svg><g></svg>')).toThrow();
    expect(() => parseXml('<svg><text>a & b</text></svg>')).toThrow(/bare '&'/);
    expect(() => parseXml('<svg a="1" a="2"/>')).toThrow(/duplicate/);
    expect(() => parseXml('<svg/><svg/>')).toThrow(/second root/);
    expect(parseXml('<svg x="1"><text>a &amp; &#x27E8;b</text></svg>').children[0].text).toBe('a & ⟨b');
  });
  it('find a label outside the viewBox (plain and rotated)', () => {
    const head = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">';
    expect(svgProblems(`${head}<text x="50" y="50" text-anchor="middle" font-size="10">ok</text></svg>`)).toEqual([]);
    expect(svgProblems(`${head}<text x="5" y="50" text-anchor="end" font-size="10">cut</text></svg>`)).toHaveLength(1);
    // Rotated −90° at y = 15: a 4-character label (≈ 27 px) reads upwards past the top edge.
    expect(svgProblems(`${head}<text transform="translate(50,15) rotate(-90)" font-size="11" dominant-baseline="middle">⟨00|</text></svg>`)).toHaveLength(1);
    expect(svgProblems(`${head}<text transform="translate(50,40) rotate(-90)" font-size="11" dominant-baseline="middle">⟨00|</text></svg>`)).toEqual([]);
  });
});

describe.each(MATRIX_VIEW_ORDER)('%s SVG export', (view) => {
  const plugin = MATRIX_PLUGINS[view];
  it.each(STATES)('$name: well-formed, every label inside the viewBox, and equal to its golden', ({ name, rho, nQubits }) => {
    if (!plugin.exportSvg) throw new Error(`the ${view} plugin has no exportSvg`);
    const m = rho();
    let tr = 0;
    for (let k = 0; k < m.rows; k++) tr += m.re[k * m.rows + k];
    expect(tr).toBeCloseTo(1, 12);
    const svg = plugin.exportSvg(matrixData(m, nQubits), { palette: 'default', cssSize: CSS_SIZE, labels: true });
    expect(svgProblems(svg)).toEqual([]);
    // Each basis state is named: d kets (or every labelEvery-th) on the grid views, and the city's titles.
    if (view === 'city') expect(svg).toContain('Re ρ');
    else expect(svg).toContain(nQubits === 2 ? '|11⟩' : '|000000⟩');
    // Grid lines kept: the heatmap's and Hinton's cell grid, the city's two floor grids.
    const gridPaths = [...svg.matchAll(/<path d="([^"]*)" fill="none" stroke="rgba\(0,0,0,0\.1[25]\)"/g)];
    expect(gridPaths).toHaveLength(view === 'city' ? 2 : 1);
    // d + 1 lines each way up to 16×16; for 64×64 every 8th (9 each way).
    const lines = m.rows <= 16 ? m.rows + 1 : 9;
    for (const [, d] of gridPaths) expect(d.match(/M/g)).toHaveLength(2 * lines);

    const file = join(GOLDEN_DIR, `${view}-${name}.svg`);
    const actual = file.replace(/\.svg$/, '.actual.svg');
    if (UPDATE || !existsSync(file)) {
      if (!UPDATE && process.env.CI) throw new Error(`${file} is missing (create it with UPDATE_GOLDEN=1 npx vitest run src/viz/matrix/golden.test.ts)`);
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(file, `${svg}\n`);
    }
    const golden = readFileSync(file, 'utf8');
    if (golden !== `${svg}\n`) {
      writeFileSync(actual, `${svg}\n`);
      expect.fail(
        `${view} export of ${name} differs from ${file}; the new one is in ${actual}. If it is right: UPDATE_GOLDEN=1 npx vitest run src/viz/matrix/golden.test.ts`,
      );
    }
    rmSync(actual, { force: true });
  });
});

describe('city SVG export at a slide size', () => {
  it('names every basis state of a two-qubit matrix on both panels (no label thinned out)', () => {
    const svg = MATRIX_PLUGINS.city.exportSvg!(matrixData(bellState('phi+'), 2), { palette: 'default', cssSize: 520, labels: true });
    expect(svgProblems(svg)).toEqual([]);
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]);
    for (const b of ['00', '01', '10', '11']) {
      expect(texts.filter((t) => t === `|${b}⟩`)).toHaveLength(2);
      expect(texts.filter((t) => t === `⟨${b}|`)).toHaveLength(2);
    }
  });
});
