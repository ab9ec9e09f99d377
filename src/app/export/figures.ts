/**
 * The explorer's state as a slide figure (src/viz/figure/figure.ts): the title names the model
 * and its depth, the lines name the input (src/app/explorer/caption.ts describeInput) and its
 * true class when known (two qubits: the PPT criterion, exact, docs/math.md §8; an MNIST digit:
 * its label), every layer's ρ⁽ᵏ⁾ and x⁽ᵏ⁾ on the view's colour scale, and both readouts with
 * right / wrong. Pure: plain values in, a FigureSpec (or its SVG) out.
 */
import type { ExploreResponse, InputSpec, StackSpec } from '../../protocol/explorer';
import { chainFigureSvg, layerFigureSvg, rhoName, type FigureLayer, type FigureReadout, type FigureSpec } from '../../viz/figure/figure';
import { classLabel, fmt } from '../../viz/format';
import { fixedScale, scaleFor, shownLayer } from '../../viz/matrix/layerData';
import type { ViewOptions } from '../../viz/matrix/types';
import { describeInput, digitTruth, pptTruth, verdictOf, type Truth } from '../explorer/caption';

/** What a figure is made from: the explorer's current state. */
export interface FigureState {
  result: ExploreResponse;
  stack: StackSpec;
  input: InputSpec;
  view: ViewOptions;
  selectedLayer: number;
}

/** "HQRN, model entanglement-quantum, 12 blocks" or "HQRN, untrained stack with random weights, 4 blocks". */
function modelTitle(stack: StackSpec, K: number): string {
  return `HQRN, ${stack.trained ? `model ${stack.trained.name}` : 'untrained stack with random weights'}, ${K} block${K === 1 ? '' : 's'}`;
}

/** The true class of the input, or null when it cannot be known (a drawing) or does not apply. */
export function figureTruth(r: ExploreResponse, input: InputSpec): Truth | null {
  const ppt = r.layers[0]?.measures.ppt;
  // The caption's truth, with a slide-length reason.
  if (r.d === 4 && ppt !== undefined) return { ...pptTruth(ppt, r.classes), how: `PPT criterion: ${ppt ? 'PPT' : 'NPT'}, exact for two qubits` };
  if (input.kind === 'mnist' || input.kind === 'drawn') return digitTruth(r.digitLabel, r.classes);
  return null;
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function scaleText(view: ViewOptions, scale: number | null): string {
  const what = view.matrixView === 'heatmap' ? 'full colour' : view.matrixView === 'hinton' ? 'full square' : 'tallest bar';
  return scale === null
    ? `${what} = the layer's largest |entry| (per-layer scale)`
    : `${what} = ${fmt(scale)} (${view.colourScale === 'fixed' ? 'fixed over all layers' : 'this layer'})`;
}

function figureLayer(r: ExploreResponse, k: number, scaleMax: number): FigureLayer {
  const l = r.layers[k];
  const notes = [r.divergenceLayer === k ? '◆ paths part' : '', l.dead ? '✕ dead block' : ''].filter(Boolean);
  return {
    k,
    name: k === 0 ? 'input' : `after block ${k}`,
    quantum: { d: r.d, nQubits: r.nQubits, re: l.rho.re, im: l.rho.im, scaleMax },
    classical: l.x,
    note: notes.length ? notes.join('  ') : undefined,
  };
}

function readouts(r: ExploreResponse, truth: Truth | null): FigureReadout[] {
  const classes = r.classes.map(classLabel);
  const one = (path: string, o: { probabilities: Float32Array; predicted: number }): FigureReadout => ({
    path,
    classes,
    probabilities: o.probabilities,
    predicted: r.noDigit ? null : o.predicted,
    verdict: r.noDigit || !truth ? undefined : verdictOf(o.predicted, truth),
  });
  return [one('Quantum path', r.output), one('Classical path', r.classicalOutput)];
}

function lines(s: FigureState, truth: Truth | null): string[] {
  const out = [`Input: ${describeInput(s.input)}`];
  if (truth) out.push(truth.cls === null ? `True class: unknown (${truth.how})` : `True class: ${classLabel(s.result.classes[truth.cls])} (${truth.how})`);
  return out;
}

/** The whole chain's figure spec: every layer, the readouts, title and truth. */
export function chainFigureSpec(s: FigureState): FigureSpec {
  const r = s.result;
  const K = r.layers.length - 1;
  const fixed = s.view.colourScale === 'fixed' ? fixedScale(r) : null;
  const truth = figureTruth(r, s.input);
  return {
    title: `${modelTitle(s.stack, K)}: every layer, quantum vs classical path`,
    lines: lines(s, truth),
    view: s.view.matrixView,
    palette: s.view.palette,
    scaleText: scaleText(s.view, fixed),
    layers: r.layers.map((_, k) => figureLayer(r, k, fixed ?? scaleFor(r, k, 'per-layer'))),
    readouts: readouts(r, truth),
  };
}

/** The selected layer's figure spec: quantum vs classical at that layer, the readouts, title and truth. */
export function layerFigureSpec(s: FigureState): FigureSpec {
  const r = s.result;
  const k = shownLayer(r, s.selectedLayer);
  const K = r.layers.length - 1;
  const scale = scaleFor(r, k, s.view.colourScale);
  const truth = figureTruth(r, s.input);
  return {
    title: `${modelTitle(s.stack, K)}: layer ${rhoName(k)}, quantum vs classical path`,
    lines: lines(s, truth),
    view: s.view.matrixView,
    palette: s.view.palette,
    scaleText: scaleText(s.view, scale),
    layers: [figureLayer(r, k, scale)],
    readouts: readouts(r, truth),
  };
}

/** The SVG document of a figure of the current state. */
export function figureSvg(kind: 'chain' | 'layer', s: FigureState): string {
  return kind === 'chain' ? chainFigureSvg(chainFigureSpec(s)) : layerFigureSvg(layerFigureSpec(s));
}

/** The PNG scales offered (device pixels per SVG pixel); 2 is the default. */
export const PNG_SCALES = [1, 2, 3] as const;
export type PngScale = (typeof PNG_SCALES)[number];
export const DEFAULT_PNG_SCALE: PngScale = 2;
