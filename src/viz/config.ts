/**
 * Limits, sizes, colours and palettes of the explorer's views, in one place.
 *
 * Two palettes:
 * - `default`: magnitude on viridis; phase on a "sinebow" hue wheel (phase 0 = red,
 *   π = cyan), the usual domain-colouring convention.
 * - `colour-blind`: magnitude on cividis (designed to look the same to viewers with and
 *   without red–green colour-vision deficiency); phase on a four-anchor cyclic map that
 *   varies only along the blue–yellow and light–dark axes, the two that protan, deutan and
 *   (mostly) tritan viewers keep: phase 0 = orange, π/2 = gold (light), π = blue,
 *   3π/2 = dark purple, interpolated in CIELAB. Sign (0 vs π, the common case for real
 *   density matrices) is orange vs blue, the safest pair; ±π/2 differ in lightness.
 *
 * Every view uses the same phase colours: a heatmap cell is `mix(background, phase colour,
 * |ρ_ij| / scale)`, a Hinton square and a city bar take the colour of their phase/sign.
 */
import { interpolateCividis, interpolateLab, interpolateSinebow, interpolateViridis, rgb } from 'd3';
import type { Palette } from './matrix/types';

export const VIZ_LIMITS = {
  /** Largest matrix drawn with grid lines and per-cell basis labels on the axes. */
  maxLabelledDim: 16,
  /** Largest dimension whose classical/quantum diagonals are also shown as a table. */
  maxDiagonalTableDim: 8,
  /** Size of the large matrix view in CSS pixels (the canvas is devicePixelRatio-scaled). */
  mainViewCss: 360,
  /** Thumbnail size in CSS pixels. */
  thumbCss: 56,
  /** Play-through animation: milliseconds per layer. */
  playStepMs: 800,
  /** Values below this are drawn as zero (float32 noise from the engine). */
  zeroTolerance: 5e-7,
  /** Decimals of every number shown as text. */
  decimals: 4,
} as const;

export const BACKGROUND = { r: 255, g: 255, b: 255 } as const;
export const GRID_COLOUR = 'rgba(0,0,0,0.12)';
export const AXIS_TEXT = '#333';
export const CURSOR_COLOUR = '#000';
export const DEAD_COLOUR = '#b00020';
export const DIVERGENCE_COLOUR = '#c2185b';
export const SELECTED_COLOUR = '#111';

export interface RGB {
  r: number;
  g: number;
  b: number;
}

/** The colour-blind-safe cyclic phase anchors (0, π/2, π, 3π/2). */
const CVD_PHASE_ANCHORS = ['#d55e00', '#e6b800', '#0072b2', '#4b2a7b'];

const LUT_SIZE = 256;

function buildLut(f: (t: number) => string): RGB[] {
  const out: RGB[] = [];
  for (let k = 0; k < LUT_SIZE; k++) {
    const c = rgb(f(k / (LUT_SIZE - 1)));
    out.push({ r: Math.round(c.r), g: Math.round(c.g), b: Math.round(c.b) });
  }
  return out;
}

function cvdPhase(t: number): string {
  // t in [0, 1) ↦ phase 2πt; piecewise CIELAB interpolation between the four anchors.
  const s = ((t % 1) + 1) % 1;
  const seg = Math.min(3, Math.floor(s * 4));
  const u = s * 4 - seg;
  return interpolateLab(CVD_PHASE_ANCHORS[seg], CVD_PHASE_ANCHORS[(seg + 1) % 4])(u);
}

export interface PaletteSpec {
  id: Palette;
  label: string;
  /** Cyclic phase map, t = phase / 2π in [0, 1]. */
  phase: RGB[];
  /** Sequential magnitude map, t in [0, 1]. */
  magnitude: RGB[];
  /** CSS colours for the line charts (quantum path, classical path). */
  quantumLine: string;
  classicalLine: string;
}

// sinebow(0) is red and sinebow(0.5) cyan: phase 0 ↦ red, π ↦ cyan.
const DEFAULT_PALETTE: PaletteSpec = {
  id: 'default',
  label: 'Default (viridis magnitude, hue-wheel phase)',
  phase: buildLut((t) => interpolateSinebow(t)),
  magnitude: buildLut(interpolateViridis),
  quantumLine: '#6a3d9a',
  classicalLine: '#e08214',
};

const CVD_PALETTE: PaletteSpec = {
  id: 'colour-blind',
  label: 'Colour-blind safe (cividis magnitude, blue–yellow cyclic phase)',
  phase: buildLut(cvdPhase),
  magnitude: buildLut(interpolateCividis),
  quantumLine: '#0072b2',
  classicalLine: '#d55e00',
};

export function paletteSpec(p: Palette): PaletteSpec {
  return p === 'colour-blind' ? CVD_PALETTE : DEFAULT_PALETTE;
}

/** Colour of a phase in radians (any real number). */
export function phaseColour(p: PaletteSpec, phase: number): RGB {
  let t = phase / (2 * Math.PI);
  t -= Math.floor(t);
  return p.phase[Math.min(LUT_SIZE - 1, Math.round(t * (LUT_SIZE - 1)))];
}

export function magnitudeColour(p: PaletteSpec, t: number): RGB {
  const u = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0));
  return p.magnitude[Math.round(u * (LUT_SIZE - 1))];
}

export function css(c: RGB, alpha = 1): string {
  return alpha >= 1 ? `rgb(${c.r},${c.g},${c.b})` : `rgba(${c.r},${c.g},${c.b},${alpha})`;
}

export function mix(a: RGB, b: RGB, t: number): RGB {
  const u = Math.max(0, Math.min(1, t));
  return { r: a.r + (b.r - a.r) * u, g: a.g + (b.g - a.g) * u, b: a.b + (b.b - a.b) * u };
}

export function shade(c: RGB, f: number): RGB {
  return { r: c.r * f, g: c.g * f, b: c.b * f };
}

/** Names, order and y-domains of the per-layer measures (MetricsPanel). */
export const MEASURES = [
  { key: 'purity', label: 'purity', title: 'Purity Tr ρ²', twoQubitOnly: false },
  { key: 'entropy', label: 'entropy', title: 'Entropy −Tr ρ log₂ ρ (bits)', twoQubitOnly: false },
  { key: 'coherence', label: 'l1-coherence', title: 'l1-coherence Σ |ρ_ij| over i ≠ j', twoQubitOnly: false },
  { key: 'concurrence', label: 'concurrence', title: 'Concurrence', twoQubitOnly: true },
  { key: 'negativity', label: 'negativity', title: 'Negativity (‖ρ^T_B‖₁ − 1)/2', twoQubitOnly: true },
  { key: 'traceDistanceToClassical', label: 'trace distance', title: 'Trace distance ½‖ρ − diag(x)‖₁ to the classical path', twoQubitOnly: false },
] as const;

export type MeasureKey = (typeof MEASURES)[number]['key'];
