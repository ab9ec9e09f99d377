/**
 * Plots of the studies beyond the paper (src/components/training/Studies.tsx): accuracy
 * against a swept parameter (α, N_s on a log axis, noise λ), one or more series of points with
 * optional ± error bars and a dashed horizontal reference (the exact value). Plain numbers in,
 * an SVG redrawn from scratch; no physics.
 */
import { axisBottom, axisLeft, line, max, min, scaleLinear, scaleLog, select } from 'd3';
import { TRAIN_COLOURS, drawAxisLabels, drawReferenceLine } from './trainingCharts';

export interface StudySeries {
  name: string;
  colour: string;
  points: { x: number; y: number; err?: number }[];
  dashed?: boolean;
}

export interface StudyChartSpec {
  series: StudySeries[];
  width: number;
  height: number;
  xLabel: string;
  yLabel: string;
  logX?: boolean;
  reference?: { y: number; label: string };
}

const M = { top: 12, right: 14, bottom: 36, left: 46 };

export function drawStudyChart(svgEl: SVGSVGElement, spec: StudyChartSpec): void {
  const { width, height } = spec;
  const svg = select(svgEl).attr('viewBox', `0 0 ${width} ${height}`).attr('preserveAspectRatio', 'xMidYMid meet');
  svg.selectAll('*').remove();
  const ok = (p: { x: number; y: number }) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!spec.logX || p.x > 0);
  const all = spec.series.flatMap((s) => s.points).filter(ok);
  let x0 = min(all, (p) => p.x) ?? 0;
  let x1 = max(all, (p) => p.x) ?? 1;
  if (x0 === x1) {
    x0 = spec.logX ? x0 / 2 : x0 - 0.5;
    x1 = spec.logX ? x1 * 2 : x1 + 0.5;
  }
  const pad = spec.logX ? 0 : (x1 - x0) * 0.04;
  const x = spec.logX
    ? scaleLog()
        .domain([x0 / 1.5, x1 * 1.5])
        .range([M.left, width - M.right])
    : scaleLinear()
        .domain([x0 - pad, x1 + pad])
        .range([M.left, width - M.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([height - M.bottom, M.top]);

  const xAxis = axisBottom(x);
  if (spec.logX) xAxis.ticks(6, '~s');
  else xAxis.ticks(6);
  svg
    .append('g')
    .attr('class', 'axis x-axis')
    .attr('transform', `translate(0,${height - M.bottom})`)
    .call(xAxis)
    .attr('font-size', 10);
  svg.append('g').attr('class', 'axis y-axis').attr('transform', `translate(${M.left},0)`).call(axisLeft(y).ticks(5)).attr('font-size', 10);
  drawAxisLabels(svg, M, width, height, spec.xLabel, spec.yLabel);

  if (spec.reference && Number.isFinite(spec.reference.y)) drawReferenceLine(svg, M, width, y(spec.reference.y), spec.reference.label, TRAIN_COLOURS.test, 4);

  const clamp = (v: number) => Math.max(0, Math.min(1, v));
  for (const s of spec.series) {
    const pts = s.points.filter(ok);
    const g = svg.append('g').attr('class', 'series').attr('data-series', s.name);
    g.append('path')
      .datum(pts)
      .attr('fill', 'none')
      .attr('stroke', s.colour)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', s.dashed ? '5 3' : null)
      .attr(
        'd',
        line<{ x: number; y: number }>()
          .x((p) => x(p.x))
          .y((p) => y(p.y)),
      );
    for (const p of pts) {
      if (p.err !== undefined && Number.isFinite(p.err) && p.err > 0) {
        const cx = x(p.x),
          lo = y(clamp(p.y - p.err)),
          hi = y(clamp(p.y + p.err));
        g.append('path')
          .attr('class', 'error-bar')
          .attr('d', `M${cx - 4},${hi}H${cx + 4}M${cx},${hi}V${lo}M${cx - 4},${lo}H${cx + 4}`)
          .attr('stroke', s.colour)
          .attr('fill', 'none');
      }
    }
    g.selectAll('circle')
      .data(pts)
      .join('circle')
      .attr('class', 'series-point')
      .attr('cx', (p) => x(p.x))
      .attr('cy', (p) => y(p.y))
      .attr('r', 3)
      .attr('fill', s.colour)
      .append('title')
      .text((p) => `${s.name}: ${p.y.toFixed(4)}${p.err ? ` ± ${p.err.toFixed(4)}` : ''} at ${p.x}`);
  }
}
