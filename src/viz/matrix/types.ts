/**
 * The renderer plugins' contract. A plugin draws a d×d complex matrix on a canvas (so 64×64
 * digit states cost one canvas, not 4096 DOM nodes) and reports the geometry it used, which
 * the component needs for hit-testing (hover, roving cursor). `exportSvg` returns the same
 * picture as a standalone SVG document (vector export).
 */

/** How a density matrix is drawn: a heatmap, Hinton squares or a 3-D city (bar) plot. */
export type MatrixView = 'heatmap' | 'hinton' | 'city';
/** The colour range: fixed to |ρ_ij| ≤ 1 for every layer, or scaled to each layer's largest entry. */
export type ColourScale = 'fixed' | 'per-layer';
/** The colour palette (the colour-blind one avoids red/green). */
export type Palette = 'default' | 'colour-blind';

/** How the matrices are shown (the URL fields `mv`, `cs`, `pal`). */
export interface ViewOptions {
  matrixView: MatrixView;
  colourScale: ColourScale;
  palette: Palette;
}

export interface MatrixData {
  /** Dimension d (rows = columns). */
  d: number;
  nQubits: number;
  /** Row-major d×d real and imaginary parts. */
  re: ArrayLike<number>;
  im: ArrayLike<number>;
  /** |entry| mapped to full colour/size; > 0. */
  scaleMax: number;
}

export interface MatrixDrawOptions {
  palette: Palette;
  /** Size of the drawing in CSS pixels (square for heatmap/Hinton; city is wider). */
  cssSize: number;
  /** devicePixelRatio (1 in tests and export). */
  dpr: number;
  /** Draw basis labels on the axes. */
  labels: boolean;
  /**
   * Heatmap/Hinton: false leaves out the row labels (the matrix beside it, drawn at the same
   * size, shares them; or the matrix is a diagonal, which its column labels already name).
   * Default true.
   */
  rowLabels?: boolean;
  /**
   * Heatmap/Hinton: basis labels as decimal indices (0, 8, 16 … for 64×64) instead of kets
   * (|001000⟩): a narrow screen keeps the room for the cells. Default false.
   */
  indexLabels?: boolean;
  /** Heatmap/Hinton: the basis labels' font size in CSS px (default 11; presentation mode 16). */
  labelCss?: number;
  /** The cell under the keyboard cursor (outlined), if any. */
  cursor?: { i: number; j: number } | null;
}

/** Where the cells are, in CSS pixels relative to the canvas. */
export interface MatrixGeometry {
  cssWidth: number;
  cssHeight: number;
  /** The cell under CSS point (x, y), or null. */
  cellAt(x: number, y: number): { i: number; j: number } | null;
}

export interface MatrixPlugin {
  id: MatrixView;
  label: string;
  /** Width/height ratio of the drawing for a square cssSize budget. */
  aspect: number;
  draw(target: HTMLCanvasElement, data: MatrixData, options: MatrixDrawOptions): MatrixGeometry;
  exportSvg?(data: MatrixData, options: Omit<MatrixDrawOptions, 'dpr' | 'cursor'>): string;
}
