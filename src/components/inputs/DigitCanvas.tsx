/**
 * Digits task input: a 28×28 drawing canvas (mouse, touch and pen through pointer events),
 * painted with a soft brush into 784 intensities in [0, 1] (UI input), a random MNIST digit,
 * and what the worker made of it: the drawing normalised as MNIST's digits were (docs/math.md §7:
 * ink box to 20×20, centre of mass to the centre) and its 8×8 pooled input. Both previews use
 * a fixed scale, 0 (black) … full ink (white), so a blank canvas shows black; a canvas without
 * ink gets "draw a digit" and no prediction. A random MNIST digit is shown on the drawing canvas
 * as well, and drawing there edits it (Clear starts a new drawing).
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useExplorer } from '../../app/explorer/store';
import { poolDigit } from '../../core/states/digits';

const N = 28;
const POOLED = 8;
/** Brush: intensity exp(−r²/2σ²) around the pen, combined with max (no over-saturation). */
const SIGMA = 0.85;
const RADIUS = 2.5;
/** While drawing, send the picture to the worker at most this often. */
const THROTTLE_MS = 100;

function stamp(pixels: Float32Array, x: number, y: number) {
  const x0 = Math.max(0, Math.floor(x - RADIUS));
  const x1 = Math.min(N - 1, Math.ceil(x + RADIUS));
  const y0 = Math.max(0, Math.floor(y - RADIUS));
  const y1 = Math.min(N - 1, Math.ceil(y + RADIUS));
  for (let r = y0; r <= y1; r++)
    for (let c = x0; c <= x1; c++) {
      const dx = c + 0.5 - x;
      const dy = r + 0.5 - y;
      const v = Math.exp(-(dx * dx + dy * dy) / (2 * SIGMA * SIGMA));
      if (v > pixels[r * N + c]) pixels[r * N + c] = v;
    }
}

/** Stamp along the segment (x0, y0) → (x1, y1), in pixel units. */
function line(pixels: Float32Array, x0: number, y0: number, x1: number, y1: number) {
  const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / 0.3));
  for (let s = 1; s <= steps; s++) stamp(pixels, x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps);
}

function paintGrey(canvas: HTMLCanvasElement | null, values: ArrayLike<number>, size: number, scale: number) {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return;
  const img = ctx.createImageData(size, size);
  for (let k = 0; k < size * size; k++) {
    const g = Math.round(255 * Math.min(1, Math.max(0, values[k] / scale)));
    img.data[4 * k] = g;
    img.data[4 * k + 1] = g;
    img.data[4 * k + 2] = g;
    img.data[4 * k + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}

export function DigitCanvas() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const pooledRef = useRef<HTMLCanvasElement>(null);
  const normalisedRef = useRef<HTMLCanvasElement>(null);
  const pixels = useRef(new Float32Array(N * N));
  const last = useRef<{ x: number; y: number } | null>(null);
  const lastSent = useRef(0);
  const sentPixels = useRef<number[] | null>(null);
  const cursor = useRef({ x: 14, y: 14, pen: false });
  const [cursorShown, setCursorShown] = useState<{ x: number; y: number; pen: boolean } | null>(null);
  const input = useExplorer((s) => s.input);
  const setInput = useExplorer((s) => s.setInput);
  const pooled = useExplorer((s) => s.result?.pooled);
  const digit28 = useExplorer((s) => s.result?.digit28);
  const noDigit = useExplorer((s) => s.result?.noDigit === true);
  const digitLabel = useExplorer((s) => s.result?.digitLabel);

  const redraw = useCallback(() => paintGrey(canvasRef.current, pixels.current, N, 1), []);
  const commit = useCallback(() => {
    lastSent.current = performance.now();
    sentPixels.current = Array.from(pixels.current);
    setInput({ kind: 'drawn', pixels: sentPixels.current });
  }, [setInput]);

  useEffect(() => {
    // Showing a drawn input: keep the canvas in sync with it (e.g. after a task switch back).
    // (Our own strokes are already on it, and may be newer than the input they produced.)
    if (input.kind === 'drawn' && input.pixels !== sentPixels.current && input.pixels.length === N * N) pixels.current.set(input.pixels);
    redraw();
  }, [input, redraw]);

  useEffect(() => {
    // An MNIST digit is put on the drawing canvas too (it stayed black): drawing edits it, Clear
    // starts a new one. Only an MNIST result (it has a label) is copied, never a stale drawing's.
    if (input.kind === 'mnist' && digitLabel !== undefined && digit28 && digit28.length === N * N) {
      pixels.current.set(digit28);
      redraw();
    }
  }, [input, digit28, digitLabel, redraw]);

  useEffect(() => {
    // Fixed scale 0 … 1 (full ink), never scaled to the picture's own maximum: blank is black.
    if (digit28 && digit28.length === N * N) {
      paintGrey(normalisedRef.current, digit28, N, 1);
      paintGrey(pooledRef.current, poolDigit(digit28), POOLED, 1);
    } else if (pooled) paintGrey(pooledRef.current, new Float32Array(POOLED * POOLED), POOLED, 1);
  }, [digit28, pooled]);

  const toGrid = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * N, y: ((e.clientY - r.top) / r.height) * N };
  };

  const onDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
    if (input.kind !== 'drawn' && input.kind !== 'mnist') pixels.current.fill(0); // an MNIST digit on the canvas is edited
    const p = toGrid(e);
    stamp(pixels.current, p.x, p.y);
    last.current = p;
    redraw();
  };
  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!last.current) return;
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    const r = e.currentTarget.getBoundingClientRect();
    const points = (events.length ? events : [e.nativeEvent]).map((ev) => ({
      x: ((ev.clientX - r.left) / r.width) * N,
      y: ((ev.clientY - r.top) / r.height) * N,
    }));
    for (const p of points) {
      line(pixels.current, last.current.x, last.current.y, p.x, p.y);
      last.current = p;
    }
    redraw();
    if (performance.now() - lastSent.current > THROTTLE_MS) commit();
  };
  const onUp = () => {
    if (!last.current) return;
    last.current = null;
    commit();
  };

  const clear = () => {
    pixels.current.fill(0);
    redraw();
    commit();
  };

  // Keyboard drawing: arrows move the pen, Space lifts/lowers it (the canvas is focusable).
  const onKey = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const c = cursor.current;
    const moves: Record<string, [number, number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      c.pen = !c.pen;
      if (c.pen) {
        if (input.kind !== 'drawn' && input.kind !== 'mnist') pixels.current.fill(0);
        stamp(pixels.current, c.x + 0.5, c.y + 0.5);
        redraw();
      }
      commit();
    } else if (moves[e.key]) {
      e.preventDefault();
      const [dx, dy] = moves[e.key];
      const nx = Math.min(N - 1, Math.max(0, c.x + dx));
      const ny = Math.min(N - 1, Math.max(0, c.y + dy));
      if (c.pen) {
        line(pixels.current, c.x + 0.5, c.y + 0.5, nx + 0.5, ny + 0.5);
        redraw();
        commit();
      }
      c.x = nx;
      c.y = ny;
    } else return;
    setCursorShown({ ...c });
  };

  return (
    <div className="digit-input">
      <div className="digit-pair">
        <figure className="digit-figure">
          <div className="canvas-wrap">
            <canvas
              ref={canvasRef}
              width={N}
              height={N}
              className="draw-canvas"
              tabIndex={0}
              role="img"
              aria-label="Drawing canvas, 28×28: draw a digit with mouse, touch or pen (keyboard: arrows move, Space lifts or lowers the pen)"
              onPointerDown={onDown}
              onPointerMove={onMove}
              onPointerUp={onUp}
              onPointerCancel={onUp}
              onKeyDown={onKey}
              onBlur={() => setCursorShown(null)}
            />
            {cursorShown && (
              <span
                className={`kbd-cursor${cursorShown.pen ? ' pen' : ''}`}
                style={{ left: `${((cursorShown.x + 0.5) / N) * 100}%`, top: `${((cursorShown.y + 0.5) / N) * 100}%` }}
                aria-hidden="true"
              />
            )}
          </div>
          <figcaption>Draw here (28×28)</figcaption>
        </figure>
        <figure className="digit-figure">
          <canvas ref={normalisedRef} width={N} height={N} className="pooled-canvas" role="img" aria-label="Normalised 28×28 digit" />
          <figcaption>Normalised as MNIST (20×20 box, centred)</figcaption>
        </figure>
        <figure className="digit-figure">
          <canvas
            ref={pooledRef}
            width={POOLED}
            height={POOLED}
            className="pooled-canvas"
            role="img"
            aria-label="8×8 pooled input"
            data-values={pooled ? Array.from(pooled, (v) => v.toFixed(4)).join(',') : ''}
          />
          <figcaption>8×8 pooled input x = diag ρ⁽⁰⁾</figcaption>
        </figure>
      </div>
      <div className="button-row">
        <button type="button" onClick={clear}>
          Clear
        </button>
        <button
          type="button"
          onClick={() => {
            pixels.current.fill(0);
            redraw();
            setInput({ kind: 'mnist', index: Math.floor(Math.random() * 10000) });
          }}
        >
          Random MNIST digit
        </button>
      </div>
      {noDigit && input.kind === 'drawn' && (
        <p className="hint" role="status" aria-label="Digit check">
          Draw a digit: the canvas has no ink, so there is no prediction.
        </p>
      )}
      {input.kind === 'mnist' && (
        <p className="hint">
          MNIST digit #{input.index}
          {digitLabel !== undefined ? `, true label ${digitLabel}` : ''}, is on the drawing canvas: draw on it to change it, or Clear it to draw your own.
        </p>
      )}
    </div>
  );
}
