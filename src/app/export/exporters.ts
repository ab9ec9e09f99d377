/**
 * Export of views and data as files: CSV text of curves and tables, file
 * names, SVG serialisation of d3 charts with their styles inlined, PNG rasterisation, and the
 * download itself.
 *
 * Strict-CSP friendly: downloads go through an <a download> element and a blob: URL; the
 * inlined styles are SVG presentation attributes (fill="…"), never a style="…" string; PNGs of
 * SVG charts are drawn from an Image of a blob: URL (img-src needs blob:).
 *
 * The first half (CSV, names) is pure and unit-tested; the second half needs a DOM.
 */
import type { ExploreResponse } from '../../protocol/explorer';
import type { TrainProgress } from '../../protocol/messages';

// ---------------------------------------------------------------------------------------
// Pure: CSV and file names

export type CsvCell = string | number | boolean | null | undefined;

/** One CSV field (RFC 4180): quoted when it holds a comma, quote, or line break; empty for null/undefined/NaN. */
export function csvField(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text: a header row, then one line per row (CRLF line ends, as RFC 4180 says). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  for (const [i, r] of rows.entries()) if (r.length !== header.length) throw new Error(`csv row ${i}: ${r.length} cells for ${header.length} columns`);
  return `${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Per-layer measures of an explorer result: one row per layer (0 = the input). */
export function metricsCsv(result: ExploreResponse): string {
  const twoQubits = result.d === 4;
  const header = [
    'layer',
    'purity',
    'entropy_bits',
    'l1_coherence',
    ...(twoQubits ? ['concurrence', 'negativity', 'ppt'] : []),
    'trace_distance_to_classical',
    'trace',
    'dead_block',
    'classical_dead_block',
  ];
  const rows = result.layers.map((l, k) => {
    const m = l.measures;
    return [
      k,
      m.purity,
      m.entropy,
      m.coherence,
      ...(twoQubits ? [m.concurrence, m.negativity, m.ppt === undefined ? undefined : m.ppt ? 'PPT' : 'NPT'] : []),
      m.traceDistanceToClassical,
      m.trace,
      l.dead,
      l.classicalDead,
    ];
  });
  return toCsv(header, rows);
}

/** Class probabilities of both paths of an explorer result: one row per class. */
export function readoutCsv(result: ExploreResponse): string {
  return toCsv(
    ['class', 'quantum_path_probability', 'classical_path_probability'],
    result.classes.map((c, m) => [c, result.output.probabilities[m], result.classicalOutput.probabilities[m]]),
  );
}

/** Training curves: one row per finished epoch (global epoch count, stage, loss, accuracies). */
export function trainingCurvesCsv(history: readonly TrainProgress[]): string {
  return toCsv(
    ['epoch', 'stage', 'stage_epoch', 'loss', 'train_accuracy', 'test_accuracy', 'adversarial_accuracy', 'elapsed_ms'],
    history.map((p, i) => [i + 1, p.stage, p.epoch, p.loss, p.trainAccuracy, p.testAccuracy, p.adversarialAccuracy?.all, Math.round(p.elapsedMs)]),
  );
}

/**
 * A file name that says what it is: "hqrn-" + the parts, lower-cased, with every run of
 * characters other than a–z, 0–9, '.' and '_' turned into one '-', plus the extension.
 * fileName(['layer 3', 'heatmap'], 'svg') = "hqrn-layer-3-heatmap.svg".
 */
export function fileName(parts: readonly (string | number)[], ext: string): string {
  const slug = parts
    .map((p) =>
      String(p)
        .toLowerCase()
        .replace(/[^a-z0-9._]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter(Boolean)
    .join('-');
  return `hqrn-${slug}.${ext}`;
}

/**
 * An integer typed into a form field: { value } when it is an integer in [min, max], else
 * { problem } naming the field and what is wrong.
 */
export function parseIntegerField(field: string, text: string, min: number, max: number): { value: number } | { problem: string } {
  const t = text.trim();
  if (t === '') return { problem: `${field}: enter a whole number from ${min} to ${max}` };
  const v = Number(t);
  if (!Number.isInteger(v)) return { problem: `${field}: "${t}" is not a whole number` };
  if (v < min || v > max) return { problem: `${field}: ${v} is outside ${min}–${max}` };
  return { value: v };
}

// ---------------------------------------------------------------------------------------
// DOM: serialisation, rasterisation, download

/** Style properties a d3 chart takes from CSS, copied onto the exported elements as attributes. */
const INLINED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

const escapeXml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One element as XML text, its computed styles as presentation attributes, children recursively. */
function elementXml(el: Element, override: Record<string, string> = {}): string {
  const attrs = new Map<string, string>();
  // style="…" is dropped: what it set is in the computed style copied below.
  for (const a of Array.from(el.attributes)) if (a.name !== 'style') attrs.set(a.name, a.value);
  const cs = getComputedStyle(el);
  for (const p of INLINED_PROPERTIES) {
    const v = cs.getPropertyValue(p);
    if (v && !attrs.has(p)) attrs.set(p, v);
  }
  for (const [k, v] of Object.entries(override)) attrs.set(k, v);
  const head = `<${el.tagName}${Array.from(attrs, ([k, v]) => ` ${k}="${escapeXml(v)}"`).join('')}`;
  const children = Array.from(el.childNodes, (n) =>
    n.nodeType === Node.ELEMENT_NODE ? elementXml(n as Element) : n.nodeType === Node.TEXT_NODE ? escapeXml(n.textContent ?? '') : '',
  ).join('');
  return children ? `${head}>${children}</${el.tagName}>` : `${head}/>`;
}

/**
 * A standalone SVG document of an SVG element on the page: its elements written out as XML
 * text with their computed styles as presentation attributes (the page's CSS does not travel
 * with the file), xmlns, and pixel width/height (from width/height, else the viewBox); with
 * `title`, that title above it (withTitle).
 * Written as text rather than through cloneNode: a clone would re-apply style attributes
 * (d3's .style()) in the page, which a strict CSP (style-src-attr) reports as a violation.
 */
export function serializeSvgElement(svg: SVGSVGElement, title = ''): string {
  // Size: the width/height attributes, else the viewBox (d3 charts here draw in viewBox
  // units and are scaled by CSS), else the box on screen.
  const view = svg.viewBox?.baseVal;
  const box = svg.getBoundingClientRect();
  const width = parseFloat(svg.getAttribute('width') ?? '') || view?.width || Math.round(box.width) || 300;
  const height = parseFloat(svg.getAttribute('height') ?? '') || view?.height || Math.round(box.height) || 150;
  const doc = elementXml(svg, {
    xmlns: 'http://www.w3.org/2000/svg',
    width: String(width),
    height: String(height),
    viewBox: svg.getAttribute('viewBox') ?? `0 0 ${width} ${height}`,
    'font-family': getComputedStyle(svg).fontFamily || 'sans-serif',
  });
  return withTitle(doc, title);
}

/** Font size of an exported view's title band, px. */
export const TITLE_FONT_PX = 15;

/**
 * A standalone SVG document with a title above it: a new root, max(width, title width + 16)
 * wide (title width estimated at 0.58 em per character) and TITLE_FONT_PX × 1.8 (rounded)
 * taller, holding the title in bold at the top left and the original document as a nested
 * <svg> (its viewBox and content unchanged) below it. Empty title: the document unchanged.
 * Throws when the document's root has no width/height attributes.
 */
export function withTitle(svgDoc: string, title: string): string {
  if (!title.trim()) return svgDoc;
  const head = /^<svg\b([^>]*)>/.exec(svgDoc);
  const w = head && /\swidth="([\d.]+)"/.exec(head[1]);
  const h = head && /\sheight="([\d.]+)"/.exec(head[1]);
  if (!head || !w || !h) throw new Error('svg: the document has no width/height to put a title above');
  const fs = TITLE_FONT_PX;
  const band = Math.round(fs * 1.8);
  const width = Math.ceil(Math.max(Number(w[1]), [...title].length * 0.58 * fs + 16));
  const height = Math.ceil(Number(h[1]) + band);
  // Taken from the root as written (already escaped there).
  const font = /\sfont-family="([^"]*)"/.exec(head[1])?.[1] ?? 'Helvetica, Arial, sans-serif';
  const inner = svgDoc.replace(/^<svg\b/, `<svg x="0" y="${band}"`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${font}">` +
    `<text x="8" y="${band - Math.round(fs * 0.5)}" font-size="${fs}" font-weight="bold" font-family="${font}" fill="#222">${escapeXml(title)}</text>${inner}</svg>`
  );
}

/** The pixel size an SVG document declares (its width/height attributes). */
export function svgSize(svgText: string): { width: number; height: number } {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const root = doc.documentElement;
  const width = parseFloat(root.getAttribute('width') ?? '');
  const height = parseFloat(root.getAttribute('height') ?? '');
  if (!(width > 0 && height > 0)) throw new Error('svg: the document has no positive width/height');
  return { width, height };
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('png: the canvas could not be encoded'))), 'image/png'));
}

/**
 * PNG of an SVG document, `scale` device pixels per SVG pixel, on a white background:
 * an Image of a blob: URL of the SVG drawn onto a canvas.
 */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const { width, height } = svgSize(svgText);
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('png: no 2D canvas context');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await canvasToBlob(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** PNG of a canvas as drawn (its backing-store size), on a white background. */
export function canvasToPng(source: HTMLCanvasElement): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('png: no 2D canvas context'));
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(source, 0, 0);
  return canvasToBlob(canvas);
}

/** Save a blob as a file: an <a download> on a blob: URL, clicked, then released. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Let the browser start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const MIME = {
  svg: 'image/svg+xml',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  qasm: 'text/plain;charset=utf-8',
} as const;

/** Save text as a file with the given MIME type. */
export function downloadText(text: string, name: string, mime: string): void {
  downloadBlob(new Blob([text], { type: mime }), name);
}

/** Save a JSON value (2-space indented) as a file. */
export function downloadJson(value: unknown, name: string): void {
  downloadText(`${JSON.stringify(value, null, 2)}\n`, name, MIME.json);
}
