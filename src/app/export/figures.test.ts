/**
 * The explorer's state as a figure spec: the title names the model and depth, the lines the
 * input and its true class (PPT criterion for two qubits, the label for an MNIST digit,
 * unknown for a drawing), each readout marked right / wrong against that truth, the scale
 * text of the colour mode, and the layer figure on the selected (clamped) layer.
 */
import { describe, expect, it } from 'vitest';
import type { ExploreLayer, ExploreResponse, InputSpec, StackSpec } from '../../protocol/explorer';
import { chainFigureSpec, figureSvg, layerFigureSpec, type FigureState } from './figures';

function layer(k: number, ppt: boolean): ExploreLayer {
  const re = new Float32Array(16);
  for (let i = 0; i < 4; i++) re[i * 5] = 0.25;
  return {
    rho: { re, im: new Float32Array(16) },
    x: Float32Array.from([0.25, 0.25, 0.25, 0.25]),
    dead: k === 2,
    classicalDead: false,
    measures: { trace: 1, purity: 0.25, entropy: 2, coherence: 0, traceDistanceToClassical: 0, ppt },
  };
}

function state(opts: { ppt?: boolean; input?: InputSpec; trained?: boolean; scale?: 'fixed' | 'per-layer'; selected?: number } = {}): FigureState {
  const result: ExploreResponse = {
    requestId: 1,
    backend: 'cpu',
    d: 4,
    nQubits: 2,
    layers: Array.from({ length: 4 }, (_, k) => layer(k, opts.ppt ?? false)),
    output: { probabilities: Float32Array.from([0.2, 0.8]), predicted: 1 },
    classicalOutput: { probabilities: Float32Array.from([0.6, 0.4]), predicted: 0 },
    classes: ['separable', 'entangled'],
    divergenceLayer: 1,
    ms: 1,
  };
  const stack = {
    task: 'entanglement',
    blocks: [],
    readoutSeed: 1,
    ...(opts.trained ? { trained: { name: 'entanglement-quantum', model: {} } } : {}),
  } as unknown as StackSpec;
  return {
    result,
    stack,
    input: opts.input ?? { kind: 'bell', which: 'phi+' },
    view: { matrixView: 'heatmap', colourScale: opts.scale ?? 'fixed', palette: 'default' },
    selectedLayer: opts.selected ?? 0,
  };
}

describe('chainFigureSpec', () => {
  it('names the model, depth and input; an NPT input is truly entangled: quantum right, classical wrong', () => {
    const f = chainFigureSpec(state({ trained: true }));
    expect(f.title).toBe('HQRN, model entanglement-quantum, 3 blocks: every layer, quantum vs classical path');
    expect(f.lines).toEqual(['Input: the Bell state |Φ+⟩', 'True class: entangled (PPT criterion: NPT, exact for two qubits)']);
    expect(f.readouts.map((r) => [r.path, r.predicted, r.verdict])).toEqual([
      ['Quantum path', 1, 'right'],
      ['Classical path', 0, 'wrong'],
    ]);
    expect(f.layers.map((l) => l.name)).toEqual(['input', 'after block 1', 'after block 2', 'after block 3']);
    expect(f.layers[1].note).toBe('◆ paths part');
    expect(f.layers[2].note).toBe('✕ dead block');
    // Fixed scale: the largest |entry| over every layer of both paths (0.25 here).
    expect(f.scaleText).toBe('full colour = 0.2500 (fixed over all layers)');
    expect(f.layers.every((l) => l.quantum.scaleMax === 0.25)).toBe(true);
  });
  it('a PPT input is truly separable (quantum wrong, classical right); an untrained stack says so', () => {
    const f = chainFigureSpec(state({ ppt: true }));
    expect(f.title.startsWith('HQRN, untrained stack with random weights, 3 blocks')).toBe(true);
    expect(f.lines[1]).toBe('True class: separable (PPT criterion: PPT, exact for two qubits)');
    expect(f.readouts.map((r) => r.verdict)).toEqual(['wrong', 'right']);
  });
  it('per-layer colour scale: the text says so', () => {
    expect(chainFigureSpec(state({ scale: 'per-layer' })).scaleText).toBe("full colour = the layer's largest |entry| (per-layer scale)");
  });
});

describe('layerFigureSpec', () => {
  it('draws the selected layer (clamped to the last) with its scale', () => {
    const f = layerFigureSpec(state({ selected: 9 }));
    expect(f.layers.map((l) => l.k)).toEqual([3]);
    expect(f.title).toContain('layer ρ⁽³⁾');
    expect(figureSvg('layer', state({ selected: 1 }))).toContain('Quantum path: ρ⁽¹⁾ (after block 1)');
  });
});
