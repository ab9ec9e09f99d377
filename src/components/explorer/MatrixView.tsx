/**
 * One density matrix on a canvas, drawn by a view plugin (heatmap, Hinton, city). Hover, tap or
 * click a cell, or focus the canvas and move a roving cursor with the arrow keys (Home/End: first/
 * last column, PageUp/PageDown: first/last row), to read the exact entry in the status
 * region that the parent renders (`onEntry`).
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MatrixView as MatrixViewId, Palette } from '../../app/explorer/store';
import { entryText } from '../../viz/format';
import { MATRIX_PLUGINS, type MatrixData, type MatrixGeometry } from '../../viz/matrix';
import { cellAtClient } from '../../viz/matrix/grid';
import { withTitle } from '../../app/export/exporters';
import { canvasExport, ExportButtons } from '../export/ExportButtons';
import { GRID_LABEL_CSS } from '../../viz/matrix/grid';
import { CITY_LABEL_CSS } from '../../viz/matrix/cityLayout';
import { useExplorer } from '../../app/explorer/storeHook';
import '../../viz/viz.css';

/** Basis label size in presentation mode (a 1920×1080 projector), CSS px. */
const PRESENTATION_LABEL_CSS = 16;

export interface MatrixViewProps {
  data: MatrixData | null;
  view: MatrixViewId;
  palette: Palette;
  /** Width budget in CSS pixels. */
  cssSize: number;
  labels?: boolean;
  /** Heatmap/Hinton: draw the row labels (false when the matrix beside shares them). Default true. */
  rowLabels?: boolean;
  /** Heatmap/Hinton: decimal-index labels (0, 8, …) instead of kets, for narrow screens. Default false. */
  indexLabels?: boolean;
  /** Accessible name, e.g. "Quantum path density matrix, layer 2". */
  label: string;
  /** Prefix of the status text, e.g. "Quantum path, layer 2". */
  context: string;
  onEntry?: (text: string | null) => void;
  /** File name parts of SVG/PNG export buttons under the view (none when absent), e.g. ['layer3', 'quantum', 'heatmap']. */
  exportName?: readonly (string | number)[];
}

export function MatrixView({
  data,
  view,
  palette,
  cssSize,
  labels = true,
  rowLabels = true,
  indexLabels = false,
  label,
  context,
  onEntry,
  exportName,
}: MatrixViewProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const geometry = useRef<MatrixGeometry | null>(null);
  const [cursor, setCursor] = useState<{ i: number; j: number } | null>(null);
  const [focused, setFocused] = useState(false);
  /** The cell a pointer press landed on, for the focus that follows it. */
  const pressed = useRef<{ i: number; j: number } | null>(null);
  const d = data?.d ?? 0;
  // Presentation mode (a projector): basis labels of at least PRESENTATION_LABEL_CSS px.
  const labelCss = useExplorer((s) => (s.teaching.presentation ? PRESENTATION_LABEL_CSS : undefined));

  // Keep the cursor inside the matrix when the dimension changes (task switch).
  const cur = cursor && cursor.i < d && cursor.j < d ? cursor : null;

  useLayoutEffect(() => {
    const el = canvas.current;
    if (!el) return;
    if (!data) {
      const ctx = el.getContext('2d');
      ctx?.clearRect(0, 0, el.width, el.height);
      geometry.current = null;
      return;
    }
    const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;
    geometry.current = MATRIX_PLUGINS[view].draw(el, data, { palette, cssSize, dpr, labels, rowLabels, indexLabels, labelCss, cursor: focused ? cur : null });
  }, [data, view, palette, cssSize, labels, rowLabels, indexLabels, labelCss, cur, focused]);

  /** The cell whose entry the read-out shows now (hover or keyboard), so it follows new data. */
  const shown = useRef<{ i: number; j: number } | null>(null);
  const report = (c: { i: number; j: number } | null) => {
    shown.current = c && data && c.i < data.d && c.j < data.d ? c : null;
    if (!onEntry) return;
    if (!c || !data || !shown.current) return onEntry(null);
    const k = c.i * data.d + c.j;
    onEntry(`${context} — ${entryText(c.i, c.j, data.nQubits, data.re[k], data.im[k])}`);
  };

  // The read-out follows the drawn data (another input, layer or α): the cell it shows is
  // reported again with the new numbers, never left stale (it kept layer 0's entry before).
  useLayoutEffect(() => {
    if (shown.current) report(shown.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, context]);

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (!data) return;
    const c = cur ?? { i: 0, j: 0 };
    const last = data.d - 1;
    const moves: Record<string, { i: number; j: number }> = {
      ArrowUp: { i: Math.max(0, c.i - 1), j: c.j },
      ArrowDown: { i: Math.min(last, c.i + 1), j: c.j },
      ArrowLeft: { i: c.i, j: Math.max(0, c.j - 1) },
      ArrowRight: { i: c.i, j: Math.min(last, c.j + 1) },
      Home: { i: c.i, j: 0 },
      End: { i: c.i, j: last },
      PageUp: { i: 0, j: c.j },
      PageDown: { i: last, j: c.j },
    };
    const next = moves[e.key];
    if (!next) return;
    e.preventDefault();
    setCursor(next);
    report(next);
  };

  const exportSvg = MATRIX_PLUGINS[view].exportSvg;
  return (
    <>
      <canvas
        ref={canvas}
        className="viz-matrix-canvas"
        role="img"
        aria-label={`${label}. Arrow keys move the cell cursor.`}
        aria-keyshortcuts="ArrowUp ArrowDown ArrowLeft ArrowRight Home End PageUp PageDown"
        tabIndex={0}
        data-view={view}
        data-dim={d}
        data-label-px={labels ? (labelCss ?? (view === 'city' ? CITY_LABEL_CSS : GRID_LABEL_CSS)) : undefined}
        onPointerDown={(e) => {
          // A tap or click reads THAT cell. Without this, the focus that follows the press
          // (onFocus) moved the read-out to the cursor's cell (|00⟩⟨00| on a first tap).
          const g = geometry.current;
          if (!g) return;
          const c = cellAtClient(g, e.currentTarget.getBoundingClientRect(), e.clientX, e.clientY);
          pressed.current = c;
          if (c) {
            setCursor(c);
            report(c);
          }
        }}
        onFocus={() => {
          setFocused(true);
          const c = pressed.current ?? cur ?? { i: 0, j: 0 };
          pressed.current = null;
          setCursor(c);
          report(c);
        }}
        onBlur={() => setFocused(false)}
        onKeyDown={onKeyDown}
        onMouseMove={(e) => {
          const g = geometry.current;
          if (!g) return;
          report(cellAtClient(g, e.currentTarget.getBoundingClientRect(), e.clientX, e.clientY));
        }}
        onMouseLeave={() => report(focused ? cur : null)}
      />
      {exportName && (
        <ExportButtons
          what={context}
          name={exportName}
          svg={exportSvg ? () => (data ? withTitle(exportSvg(data, { palette, cssSize, labels }), label) : null) : undefined}
          png={exportSvg ? undefined : canvasExport(canvas)}
        />
      )}
    </>
  );
}
