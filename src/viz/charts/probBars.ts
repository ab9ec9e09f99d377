/**
 * Class-probability bars (d3 on SVG): one bar per class, the predicted class outlined.
 */
import { axisBottom, axisLeft, scaleBand, scaleLinear, select } from 'd3';
import { SELECTED_COLOUR } from '../config';

export interface ProbBarsSpec {
  labels: string[];
  values: number[];
  predicted: number;
  colour: string;
  width: number;
  height: number;
}

const frames = new WeakMap<SVGSVGElement, string>();

export function drawProbBars(svgEl: SVGSVGElement, spec: ProbBarsSpec): void {
  const M = { top: 6, right: 6, bottom: spec.labels.length > 4 ? 20 : 20, left: 32 };
  const svg = select(svgEl).attr('viewBox', `0 0 ${spec.width} ${spec.height}`);
  const clamp = (v: number) => (Number.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0);
  // Same labels, size, colour and prediction: only the bar heights change.
  const key = JSON.stringify([spec.labels, spec.width, spec.height, spec.colour, spec.predicted]);
  if (frames.get(svgEl) === key) {
    const y = scaleLinear()
      .domain([0, 1])
      .range([spec.height - M.bottom, M.top]);
    svg
      .selectAll<SVGRectElement, { v: number; k: number }>('rect.prob-bar')
      .data(spec.values.map((v, k) => ({ v: clamp(v), k })))
      .attr('y', (p) => y(p.v))
      .attr('height', (p) => y(0) - y(p.v));
    return;
  }
  frames.set(svgEl, key);
  svg.selectAll('*').remove();
  const x = scaleBand<number>()
    .domain(spec.labels.map((_, k) => k))
    .range([M.left, spec.width - M.right])
    .padding(0.2);
  const y = scaleLinear()
    .domain([0, 1])
    .range([spec.height - M.bottom, M.top]);
  svg
    .append('g')
    .attr('transform', `translate(0,${spec.height - M.bottom})`)
    .call(axisBottom(x).tickFormat((k) => spec.labels[k as number] ?? ''))
    .attr('font-size', 9);
  svg.append('g').attr('transform', `translate(${M.left},0)`).call(axisLeft(y).ticks(4)).attr('font-size', 9);
  svg
    .append('g')
    .selectAll('rect')
    .data(spec.values.map((v, k) => ({ v: Number.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0, k })))
    .join('rect')
    .attr('class', 'prob-bar')
    .attr('x', (p) => x(p.k)!)
    .attr('width', x.bandwidth())
    .attr('y', (p) => y(p.v))
    .attr('height', (p) => y(0) - y(p.v))
    .attr('fill', spec.colour)
    .attr('opacity', (p) => (p.k === spec.predicted ? 1 : 0.55))
    .attr('stroke', (p) => (p.k === spec.predicted ? SELECTED_COLOUR : 'none'))
    .attr('stroke-width', 1.5);
}
