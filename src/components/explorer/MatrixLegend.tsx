/**
 * Keys under the large matrix views: the colour legend (phase or sign, and what full colour
 * means on the current scale) and, when a narrow screen labels a 64×64 matrix by decimal
 * index, what an index stands for.
 */
import { useLayoutEffect, useRef } from 'react';
import type { ColourScale, MatrixView as MatrixViewId, Palette } from '../../app/explorer/store';
import { css, paletteSpec, phaseColour } from '../../viz/config';
import { basisBits, fmt } from '../../viz/format';
import { Term } from '../teaching/Term';

/** "n = |n in binary⟩": the key of decimal-index axis labels (on nQubits qubits, big-endian). */
export function IndexLegend({ nQubits }: { nQubits: number }) {
  const example = 2 ** Math.max(0, nQubits - 3);
  return (
    <p className="viz-index-legend">
      Axes: basis index n = |n in binary⟩, e.g. {example} = |{basisBits(example, nQubits)}⟩ (hover or arrow keys for the full entry).
    </p>
  );
}

/** The colour key of the matrix views: the phase wheel (heatmap, Hinton) or the sign colours (city), and what full colour means. */
export function Legend({ palette, view, scale, mode }: { palette: Palette; view: MatrixViewId; scale: number; mode: ColourScale }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const spec = paletteSpec(palette);
  useLayoutEffect(() => {
    const c = ref.current;
    if (!c) return;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    c.width = 128;
    c.height = 1;
    for (let x = 0; x < 128; x++) {
      ctx.fillStyle = css(phaseColour(spec, (x / 128) * 2 * Math.PI));
      ctx.fillRect(x, 0, 1, 1);
    }
    // `view`: the canvas is a new element after City → Heatmap (the city shows no phase bar);
    // with [spec] alone it stayed blank.
  }, [spec, view]);
  return (
    <div className="viz-legend" aria-label="Colour legend" role="group">
      {view === 'city' ? (
        <>
          <span className="viz-swatch" style={{ background: css(phaseColour(spec, 0)) }} /> positive
          <span className="viz-swatch" style={{ background: css(phaseColour(spec, Math.PI)) }} /> negative
        </>
      ) : (
        <>
          <span>phase</span>
          <span className="viz-phase-bar">
            {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a canvas is not focusable; the ticks beside it carry the text */}
            <canvas ref={ref} aria-hidden="true" />
            <span className="viz-phase-ticks">
              <span>0</span>
              <span>π/2</span>
              <span>π</span>
              <span>3π/2</span>
              <span>2π</span>
            </span>
          </span>
        </>
      )}
      <span>
        <Term id={view}>{view === 'heatmap' ? 'Heatmap' : view === 'hinton' ? 'Hinton' : 'City'}</Term>:{' '}
        <Term id="colour-scale">{view === 'heatmap' ? 'full colour' : view === 'hinton' ? 'full square' : 'tallest bar'}</Term> = {fmt(scale)} (
        {mode === 'fixed' ? 'fixed' : 'this layer'})
      </span>
    </div>
  );
}
