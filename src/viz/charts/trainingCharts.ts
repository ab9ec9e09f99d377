/**
 * The training panel's d3 charts on SVG: a multi-series line chart (loss / accuracy per epoch,
 * accuracy vs depth), grouped bars (adversarial subsets) and a confusion matrix. Each draw
 * function redraws the whole SVG from plain numbers (the panel calls it only when the data
 * changes: once per epoch end). Non-finite values break lines and skip bars.
 */
import { axisBottom, axisLeft, interpolateBlues, line, max, min, scaleBand, scaleLinear, select } from 'd3';

export const TRAIN_COLOURS = {
  train: '#1f77b4',
  test: '#d95f02',
  loss: '#7b3294',
  quantum: '#1b9e77',
  classical: '#7570b3',
  stage: '#999999',
};

export interface Series {
  name: string;
  colour: string;
  points: { x: number; y: number }[];
  dashed?: boolean;
}

export interface SeriesChartSpec {
  series: Series[];
  width: number;
  height: number;
  xLabel: string;
  yLabel: string;
  /** Fixed y domain (accuracy: [0, 1]); otherwise [min(0, data), max data · 1.05]. */
  yDomain?: [number, number];
  /** At least this x range (the run's planned epochs), grown to fit the data. */
  xMin?: number;
  xMax?: number;
  /** Vertical marks (greedy stage boundaries), with a short label. */
  marks?: { x: number; label: string }[];
  /** A horizontal reference line (chance level). */
  reference?: { y: number; label: string };
}

const M = { top: 10, right: 12, bottom: 34, left: 44 };

const finite = (v: number) => Number.isFinite(v);

type Svg = ReturnType<typeof select<SVGSVGElement, unknown>>;
interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The x label under the plot area and the rotated y label left of it. */
export function drawAxisLabels(svg: Svg, m: Margins, width: number, height: number, xLabel: string, yLabel: string): void {
  svg
    .append('text')
    .attr('x', (m.left + width - m.right) / 2)
    .attr('y', height - 4)
    .attr('text-anchor', 'middle')
    .attr('font-size', 11)
    .attr('fill', 'currentColor')
    .text(xLabel);
  svg
    .append('text')
    .attr('transform', `translate(11,${(m.top + height - m.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('font-size', 11)
    .attr('fill', 'currentColor')
    .text(yLabel);
}

/** A dashed horizontal reference line at pixel row `ry` with its label at the right end. */
export function drawReferenceLine(svg: Svg, m: Margins, width: number, ry: number, label: string, colour: string, labelGap: number): void {
  svg
    .append('line')
    .attr('class', 'reference')
    .attr('x1', m.left)
    .attr('x2', width - m.right)
    .attr('y1', ry)
    .attr('y2', ry)
    .attr('stroke', colour)
    .attr('stroke-dasharray', '6 4');
  svg
    .append('text')
    .attr('x', width - m.right - 2)
    .attr('y', ry - labelGap)
    .attr('text-anchor', 'end')
    .attr('font-size', 9)
    .attr('fill', colour)
    .text(label);
}
export function drawSeriesChart(svgEl: SVGSVGElement, spec: SeriesChartSpec): void {
  const { width, height } = spec;
  const svg = select(svgEl).attr('viewBox', `0 0 ${width} ${height}`).attr('preserveAspectRatio', 'xMidYMid meet');
  svg.selectAll('*').remove();
  const all = spec.series.flatMap((s) => s.points).filter((p) => finite(p.x) && finite(p.y));
  const x0 = Math.min(spec.xMin ?? Infinity, min(all, (p) => p.x) ?? 0);
  const x1 = Math.max(spec.xMax ?? -Infinity, max(all, (p) => p.x) ?? 1, x0 + 1);
  const x = scaleLinear()
    .domain([x0, x1])
    .range([M.left, width - M.right]);
  const yDom = spec.yDomain ?? [Math.min(0, min(all, (p) => p.y) ?? 0), Math.max(1e-6, (max(all, (p) => p.y) ?? 1) * 1.05)];
  const y = scaleLinear()
    .domain(yDom)
    .nice()
    .range([height - M.bottom, M.top]);

  const integerX = x1 - x0 <= 12;
  svg
    .append('g')
    .attr('class', 'axis x-axis')
    .attr('transform', `translate(0,${height - M.bottom})`)
    .call(
      axisBottom(x)
        .ticks(integerX ? Math.max(1, Math.round(x1 - x0)) : 8)
        .tickFormat((v) => (Number.isInteger(+v) ? String(v) : '')),
    )
    .attr('font-size', 10);
  svg.append('g').attr('class', 'axis y-axis').attr('transform', `translate(${M.left},0)`).call(axisLeft(y).ticks(5)).attr('font-size', 10);
  drawAxisLabels(svg, M, width, height, spec.xLabel, spec.yLabel);

  for (const mk of spec.marks ?? []) {
    if (!(mk.x >= x0 && mk.x <= x1)) continue;
    svg
      .append('line')
      .attr('class', 'stage-mark')
      .attr('x1', x(mk.x))
      .attr('x2', x(mk.x))
      .attr('y1', M.top)
      .attr('y2', height - M.bottom)
      .attr('stroke', TRAIN_COLOURS.stage)
      .attr('stroke-dasharray', '2 3');
    svg
      .append('text')
      .attr('x', x(mk.x) + 3)
      .attr('y', M.top + 9)
      .attr('font-size', 9)
      .attr('fill', TRAIN_COLOURS.stage)
      .text(mk.label);
  }
  if (spec.reference) drawReferenceLine(svg, M, width, y(spec.reference.y), spec.reference.label, TRAIN_COLOURS.stage, 3);

  const ok = (p: { x: number; y: number }) => finite(p.x) && finite(p.y);
  for (const s of spec.series) {
    const g = svg.append('g').attr('class', 'series').attr('data-series', s.name);
    g.append('path')
      .datum(s.points)
      .attr('class', 'series-line')
      .attr('fill', 'none')
      .attr('stroke', s.colour)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', s.dashed ? '5 3' : null)
      .attr(
        'd',
        line<{ x: number; y: number }>()
          .defined(ok)
          .x((p) => x(p.x))
          .y((p) => y(p.y)),
      );
    g.selectAll('circle')
      .data(s.points.filter(ok))
      .join('circle')
      .attr('class', 'series-point')
      .attr('cx', (p) => x(p.x))
      .attr('cy', (p) => y(p.y))
      .attr('r', 2.5)
      .attr('fill', s.colour)
      .append('title')
      .text((p) => `${s.name}: ${p.y.toFixed(4)} at ${p.x}`);
  }
}

export interface BarGroup {
  group: string;
  values: { name: string; colour: string; value: number }[];
}

/** Grouped bars in [0, 1] (accuracies), each labelled with its value. */
export function drawGroupedBars(svgEl: SVGSVGElement, groups: BarGroup[], width: number, height: number, reference?: number): void {
  const svg = select(svgEl).attr('viewBox', `0 0 ${width} ${height}`).attr('preserveAspectRatio', 'xMidYMid meet');
  svg.selectAll('*').remove();
  const names = Array.from(new Set(groups.flatMap((g) => g.values.map((v) => v.name))));
  const x = scaleBand<string>()
    .domain(groups.map((g) => g.group))
    .range([M.left, width - M.right])
    .padding(0.2);
  const inner = scaleBand<string>().domain(names).range([0, x.bandwidth()]).padding(0.08);
  const y = scaleLinear()
    .domain([0, 1])
    .range([height - M.bottom, M.top]);
  svg
    .append('g')
    .attr('transform', `translate(0,${height - M.bottom})`)
    .call(axisBottom(x))
    .attr('font-size', 10);
  svg.append('g').attr('transform', `translate(${M.left},0)`).call(axisLeft(y).ticks(5)).attr('font-size', 10);
  if (reference !== undefined) {
    svg
      .append('line')
      .attr('x1', M.left)
      .attr('x2', width - M.right)
      .attr('y1', y(reference))
      .attr('y2', y(reference))
      .attr('stroke', TRAIN_COLOURS.stage)
      .attr('stroke-dasharray', '6 4');
  }
  for (const g of groups) {
    const gx = x(g.group) ?? 0;
    for (const v of g.values) {
      if (!finite(v.value)) continue;
      const bx = gx + (inner(v.name) ?? 0);
      svg
        .append('rect')
        .attr('class', 'bar')
        .attr('data-series', v.name)
        .attr('x', bx)
        .attr('width', inner.bandwidth())
        .attr('y', y(v.value))
        .attr('height', y(0) - y(v.value))
        .attr('fill', v.colour)
        .append('title')
        .text(`${g.group}, ${v.name}: ${v.value.toFixed(4)}`);
      svg
        .append('text')
        .attr('x', bx + inner.bandwidth() / 2)
        .attr('y', y(v.value) - 3)
        .attr('text-anchor', 'middle')
        .attr('font-size', 9)
        .attr('fill', 'currentColor')
        .text(v.value.toFixed(3));
    }
  }
}

/** Confusion matrix: rows true class, columns predicted; cells shaded by row share, with counts. */
export function drawConfusion(svgEl: SVGSVGElement, counts: number[][], classes: string[], size: number): void {
  const n = classes.length;
  const m = { top: 8, right: 8, bottom: 36, left: 50 };
  const svg = select(svgEl).attr('viewBox', `0 0 ${size} ${size}`).attr('preserveAspectRatio', 'xMidYMid meet');
  svg.selectAll('*').remove();
  const band = scaleBand<string>()
    .domain(classes)
    .range([0, size - Math.max(m.left + m.right, m.top + m.bottom)]);
  const x = (j: number) => m.left + (band(classes[j]) ?? 0);
  const y = (i: number) => m.top + (band(classes[i]) ?? 0);
  const cell = band.bandwidth();
  const rowSum = counts.map((r) => r.reduce((a, b) => a + b, 0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const share = rowSum[i] ? counts[i][j] / rowSum[i] : 0;
      svg
        .append('rect')
        .attr('class', 'confusion-cell')
        .attr('x', x(j))
        .attr('y', y(i))
        .attr('width', cell - 1)
        .attr('height', cell - 1)
        .attr('fill', interpolateBlues(0.05 + 0.9 * share))
        .append('title')
        .text(`true ${classes[i]}, predicted ${classes[j]}: ${counts[i][j]}`);
      if (cell >= 14) {
        svg
          .append('text')
          .attr('x', x(j) + cell / 2)
          .attr('y', y(i) + cell / 2 + 3)
          .attr('text-anchor', 'middle')
          .attr('font-size', Math.min(11, cell / 3))
          .attr('fill', share > 0.55 ? '#fff' : '#222')
          .text(counts[i][j]);
      }
    }
  }
  const side = n * cell;
  svg
    .append('g')
    .attr('transform', `translate(${m.left},${m.top + side})`)
    .call(axisBottom(band).tickSize(0))
    .attr('font-size', 9)
    .call((g) => g.select('.domain').remove());
  svg
    .append('g')
    .attr('transform', `translate(${m.left},${m.top})`)
    .call(axisLeft(band).tickSize(0))
    .attr('font-size', 9)
    .call((g) => g.select('.domain').remove());
  svg
    .append('text')
    .attr('x', m.left + side / 2)
    .attr('y', m.top + side + 30)
    .attr('text-anchor', 'middle')
    .attr('font-size', 10)
    .attr('fill', 'currentColor')
    .text('predicted');
  svg
    .append('text')
    .attr('transform', `translate(10,${m.top + side / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('font-size', 10)
    .attr('fill', 'currentColor')
    .text('true');
}

/** counts[true][predicted] (counting only; no physics). */
export function confusionCounts(labels: ArrayLike<number>, predictions: ArrayLike<number>, classes: number): number[][] {
  const c = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const n = Math.min(labels.length, predictions.length);
  for (let s = 0; s < n; s++) {
    const t = labels[s],
      p = predictions[s];
    if (t >= 0 && t < classes && p >= 0 && p < classes) c[t][p]++;
  }
  return c;
}
