/**
 * A per-layer line chart (d3 scales and axes on SVG): one measure against layer 0…K, the
 * selected layer marked, the divergence layer dashed, dead blocks crossed. Missing or
 * non-finite values break the line instead of drawing NaN.
 */
import { axisBottom, axisLeft, line, max, scaleLinear, select } from 'd3';
import { DEAD_COLOUR, DIVERGENCE_COLOUR, SELECTED_COLOUR } from '../config';

export interface LineChartSpec {
  values: (number | undefined)[];
  /** Lower bound of the y axis and the smallest upper bound (grown to fit the data). */
  yMin: number;
  yMaxAtLeast: number;
  selected: number;
  divergence: number | null;
  dead: boolean[];
  colour: string;
  width: number;
  height: number;
  /** Called with the nearest layer when the chart is clicked. */
  onSelect?: (layer: number) => void;
}

const M = { top: 8, right: 10, bottom: 28, left: 34 };

const state = new WeakMap<SVGSVGElement, { x: (k: number) => number; n: number; colour: string; key?: string; y?: (v: number) => number; selected?: number }>();

/** Move the selected-layer mark (cheap: no redraw of the chart). */
export function updateLineChartSelection(svgEl: SVGSVGElement, selected: number): void {
  const st = state.get(svgEl);
  if (!st || st.selected === selected) return; // the marks already show it
  st.selected = selected;
  const svg = select(svgEl);
  const visible = selected >= 0 && selected < st.n;
  svg
    .select('rect.selected-mark')
    .attr('x', visible ? st.x(selected) - 3 : -100)
    .attr('display', visible ? null : 'none');
  svg
    .selectAll<SVGCircleElement, { k: number }>('circle.layer-dot')
    .attr('r', (p) => (p.k === selected ? 4.5 : 2))
    .attr('fill', (p) => (p.k === selected ? SELECTED_COLOUR : st.colour));
}

/** Draw the whole chart (the selection mark via updateLineChartSelection). */
export function drawLineChart(svgEl: SVGSVGElement, spec: LineChartSpec): void {
  const { width, height } = spec;
  const n = spec.values.length;
  const svg = select(svgEl).attr('viewBox', `0 0 ${width} ${height}`).attr('preserveAspectRatio', 'xMidYMid meet');
  const finite = spec.values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  const yMax = Math.max(spec.yMaxAtLeast, (max(finite) ?? 0) * 1.05);
  const x = scaleLinear()
    .domain([0, Math.max(1, n - 1)])
    .range([M.left, width - M.right]);
  const y = scaleLinear()
    .domain([spec.yMin, yMax])
    .nice()
    .range([height - M.bottom, M.top]);
  const ok = (p: { v: number | undefined }) => p.v !== undefined && Number.isFinite(p.v);
  const pts = spec.values.map((v, k) => ({ k, v }));

  // Same frame (size, layers, y domain, marks): move the line and the dots only (an α drag
  // changes the values, not the axes), instead of rebuilding the chart.
  const key = JSON.stringify([width, height, n, y.domain(), spec.divergence, spec.dead, spec.colour, !!spec.onSelect, pts.map(ok)]);
  const prev = state.get(svgEl);
  if (prev && prev.key === key && prev.y) {
    const py = prev.y;
    svg.select('path.value-line').attr(
      'd',
      line<{ k: number; v: number | undefined }>()
        .defined(ok)
        .x((p) => prev.x(p.k))
        .y((p) => py(p.v as number))(pts),
    );
    // The dots are the finite points in order (the key fixes which): move them directly.
    const dots = svgEl.querySelectorAll<SVGCircleElement>('circle.layer-dot');
    let i = 0;
    for (const p of pts) if (ok(p)) dots[i++]?.setAttribute('cy', String(py(p.v as number)));
    updateLineChartSelection(svgEl, spec.selected);
    return;
  }

  // A new frame: rebuild the chart (only here: the fast path above moves the existing marks).
  svg.selectAll('*').remove();
  const ticks = Math.min(n - 1, width < 200 ? 5 : 10);
  svg
    .append('g')
    .attr('transform', `translate(0,${height - M.bottom})`)
    .call(
      axisBottom(x)
        .ticks(Math.max(1, ticks))
        .tickFormat((v) => String(v)),
    )
    .attr('font-size', 9);
  svg.append('g').attr('transform', `translate(${M.left},0)`).call(axisLeft(y).ticks(3)).attr('font-size', 9);
  svg
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', width - M.right)
    .attr('y', height - 2)
    .attr('text-anchor', 'end')
    .attr('font-size', 9)
    .attr('fill', '#333')
    .text('layer');

  if (spec.divergence !== null && spec.divergence < n) {
    svg
      .append('line')
      .attr('class', 'divergence-mark')
      .attr('x1', x(spec.divergence))
      .attr('x2', x(spec.divergence))
      .attr('y1', M.top)
      .attr('y2', height - M.bottom)
      .attr('stroke', DIVERGENCE_COLOUR)
      .attr('stroke-dasharray', '3 3');
  }
  svg
    .append('rect')
    .attr('class', 'selected-mark')
    .attr('width', 6)
    .attr('y', M.top)
    .attr('height', height - M.bottom - M.top)
    .attr('fill', SELECTED_COLOUR)
    .attr('opacity', 0.12);

  svg
    .append('path')
    .attr('class', 'value-line')
    .datum(pts)
    .attr('fill', 'none')
    .attr('stroke', spec.colour)
    .attr('stroke-width', 2)
    .attr(
      'd',
      line<{ k: number; v: number | undefined }>()
        .defined(ok)
        .x((p) => x(p.k))
        .y((p) => y(p.v as number)),
    );
  svg
    .append('g')
    .selectAll('circle')
    .data(pts.filter(ok))
    .join('circle')
    .attr('class', 'layer-dot')
    .attr('cx', (p) => x(p.k))
    .attr('cy', (p) => y(p.v as number))
    .attr('r', 2)
    .attr('fill', spec.colour);
  svg
    .append('g')
    .selectAll('text')
    .data(pts.filter((p) => spec.dead[p.k]))
    .join('text')
    .attr('x', (p) => x(p.k))
    .attr('y', M.top + 8)
    .attr('text-anchor', 'middle')
    .attr('font-size', 10)
    .attr('fill', DEAD_COLOUR)
    .text('✕');

  state.set(svgEl, { x: (k: number) => x(k), n, colour: spec.colour, key, y: (v: number) => y(v) });
  updateLineChartSelection(svgEl, spec.selected);

  if (spec.onSelect) {
    const onSelect = spec.onSelect;
    svg
      .append('rect')
      .attr('x', M.left)
      .attr('y', M.top)
      .attr('width', width - M.left - M.right)
      .attr('height', height - M.top - M.bottom)
      .attr('fill', 'transparent')
      .style('cursor', 'pointer')
      .on('click', (ev: MouseEvent) => {
        const rect = svgEl.getBoundingClientRect();
        const sx = ((ev.clientX - rect.left) / rect.width) * width;
        onSelect(Math.max(0, Math.min(n - 1, Math.round(x.invert(sx)))));
      });
  }
}
