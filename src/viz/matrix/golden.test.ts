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

// ---- a small well-formedness check (no XML parser is installed) ----

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string, where: string): string {
  return s.replace(/&([^;]*);?/g, (m, name: string) => {
    if (!m.endsWith(';')) throw new Error(`${where}: bare '&'`);
    if (name in ENTITY) return ENTITY[name];
    const num = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(name);
    if (num) return String.fromCodePoint(num[1][0] === 'x' ? Number.parseInt(num[1].slice(1), 16) : Number(num[1]));
    throw new Error(`${where}: unknown entity &${name};`);
  });
}

/** Parse an XML document (elements, attributes, text; no comments/CDATA/doctype): throws on anything not well-formed. */
function parseXml(src: string): XmlElement {
  const NAME = /^[A-Za-z_][\w.:-]*/;
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const text = src.slice(i, lt < 0 ? src.length : lt);
    if (text.includes('>')) throw new Error(`stray '>' at ${i}`);
    if (stack.length) stack[stack.length - 1].text += unescapeXml(text, `text at ${i}`);
    else if (text.trim()) throw new Error(`text outside the root element at ${i}`);
    if (lt < 0) break;
    i = lt + 1;
    if (src[i] === '/') {
      const m = NAME.exec(src.slice(i + 1));
      const open = stack.pop();
      if (!m || !open || open.name !== m[0]) throw new Error(`</${m?.[0]}> at ${lt} does not close <${open?.name}>`);
      i += 1 + m[0].length;
      while (/\s/.test(src[i])) i++;
      if (src[i] !== '>') throw new Error(`bad closing tag at ${lt}`);
      i++;
      continue;
    }
    const m = NAME.exec(src.slice(i));
    if (!m) throw new Error(`bad tag name at ${lt}`);
    const el: XmlElement = { name: m[0], attrs: {}, children: [], text: '' };
    i += m[0].length;
    for (;;) {
      const ws = /^\s*/.exec(src.slice(i))![0].length;
      i += ws;
      if (src.startsWith('/>', i) || src[i] === '>') break;
      if (!ws) throw new Error(`no space before an attribute of <${el.name}> at ${i}`);
      const a = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(src.slice(i));
      if (!a) throw new Error(`bad attribute of <${el.name}> at ${i}`);
      if (a[1] in el.attrs) throw new Error(`duplicate attribute ${a[1]} of <${el.name}>`);
      el.attrs[a[1]] = unescapeXml(a[3] ?? a[4], `attribute ${a[1]}`);
      i += a[0].length;
    }
    if (stack.length) stack[stack.length - 1].children.push(el);
    else if (root) throw new Error('a second root element');
    else root = el;
    if (src[i] === '/') i += 2;
    else {
      i += 1;
      stack.push(el);
    }
  }
  if (stack.length) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

/**
 * The corners of a <text>'s box, estimated: width = characters × 0.62 × font-size (a
 * monospace advance, as the layouts assume), height = font-size around the baseline
 * (dominant-baseline middle: ±½; text-after-edge: above; else alphabetic: 0.8 above, 0.2
 * below), then translate(x,y) and rotate(θ) of the transform attribute applied.
 */
function textCorners(t: XmlElement): [number, number][] {
  const fs = Number(t.attrs['font-size'] ?? 16);
  const w = [...t.text].length * 0.62 * fs;
  const anchor = t.attrs['text-anchor'] ?? 'start';
  const [u0, u1] = anchor === 'end' ? [-w, 0] : anchor === 'middle' ? [-w / 2, w / 2] : [0, w];
  const base = t.attrs['dominant-baseline'];
  const [v0, v1] = base === 'middle' ? [-fs / 2, fs / 2] : base === 'text-after-edge' ? [-fs, 0] : [-0.8 * fs, 0.2 * fs];
  const x = Number(t.attrs.x ?? 0);
  const y = Number(t.attrs.y ?? 0);
  let tx = 0;
  let ty = 0;
  let angle = 0;
  const tr = t.attrs.transform ?? '';
  const mt = /translate\(\s*([-\d.e]+)[\s,]+([-\d.e]+)\s*\)/.exec(tr);
  if (mt) [tx, ty] = [Number(mt[1]), Number(mt[2])];
  const mr = /rotate\(\s*([-\d.e]+)\s*\)/.exec(tr);
  if (mr) angle = (Number(mr[1]) * Math.PI) / 180;
  if (tr.replace(/translate\([^)]*\)|rotate\([^)]*\)|\s/g, '')) throw new Error(`transform not understood: ${tr}`);
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [
    [u0, v0],
    [u1, v0],
    [u1, v1],
    [u0, v1],
  ].map(([u, v]) => [tx + (x + u) * c - (y + v) * s, ty + (x + u) * s + (y + v) * c]);
}

/** Well-formed, one <svg> root sized as its viewBox, every <text> inside it; returns the problems. */
function svgProblems(svg: string): string[] {
  const root = parseXml(svg);
  const problems: string[] = [];
  if (root.name !== 'svg') problems.push(`root is <${root.name}>`);
  const vb = (root.attrs.viewBox ?? '').split(/[\s,]+/).map(Number);
  if (vb.length !== 4 || vb.some((v) => !Number.isFinite(v))) return [...problems, `bad viewBox "${root.attrs.viewBox}"`];
  const [vx, vy, vw, vh] = vb;
  if (Number(root.attrs.width) !== vw || Number(root.attrs.height) !== vh) problems.push(`size ${root.attrs.width}×${root.attrs.height} ≠ viewBox ${vw}×${vh}`);
  const tol = 0.5;
  for (const el of walk(root)) {
    for (const [k, v] of Object.entries(el.attrs)) if (/NaN|Infinity|undefined/.test(v)) problems.push(`<${el.name} ${k}="${v}">`);
    if (el.name !== 'text') continue;
    for (const [px, py] of textCorners(el))
      if (px < vx - tol || py < vy - tol || px > vx + vw + tol || py > vy + vh + tol) {
        problems.push(`<text> "${el.text}" reaches (${px.toFixed(1)}, ${py.toFixed(1)}), outside the viewBox ${vb.join(' ')}`);
        break;
      }
  }
  return problems;
}

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
