/** A small hand-written SVG line chart for `hqrn reproduce` (y in [0, 1], one line per series). */

export interface Series {
  name: string;
  y: number[];
}

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An SVG document: x values on the horizontal axis, each series a polyline with dots, a legend. */
export function lineChart(o: { title: string; xLabel: string; yLabel: string; x: number[]; series: Series[] }): string {
  const W = 640,
    H = 400,
    L = 60,
    R = 190,
    T = 40,
    B = 50;
  const pw = W - L - R,
    ph = H - T - B;
  const xmin = Math.min(...o.x),
    xmax = Math.max(...o.x);
  const sx = (x: number) => L + (xmax === xmin ? pw / 2 : ((x - xmin) / (xmax - xmin)) * pw);
  const sy = (y: number) => T + (1 - y) * ph;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${L}" y="22" font-size="14">${esc(o.title)}</text>`,
  ];
  for (let k = 0; k <= 5; k++) {
    const y = k / 5;
    out.push(
      `<line x1="${L}" x2="${L + pw}" y1="${sy(y)}" y2="${sy(y)}" stroke="#ddd"/>`,
      `<text x="${L - 8}" y="${sy(y) + 4}" text-anchor="end">${y.toFixed(1)}</text>`,
    );
  }
  for (const x of o.x) out.push(`<text x="${sx(x)}" y="${T + ph + 18}" text-anchor="middle">${x}</text>`);
  out.push(
    `<line x1="${L}" x2="${L + pw}" y1="${T + ph}" y2="${T + ph}" stroke="black"/>`,
    `<line x1="${L}" x2="${L}" y1="${T}" y2="${T + ph}" stroke="black"/>`,
    `<text x="${L + pw / 2}" y="${H - 10}" text-anchor="middle">${esc(o.xLabel)}</text>`,
    `<text transform="translate(16 ${T + ph / 2}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`,
  );
  o.series.forEach((s, i) => {
    const c = COLOURS[i % COLOURS.length];
    const pts = o.x.map((x, k) => `${sx(x).toFixed(1)},${sy(Math.min(1, Math.max(0, s.y[k]))).toFixed(1)}`);
    out.push(`<polyline fill="none" stroke="${c}" stroke-width="2" points="${pts.join(' ')}"/>`);
    for (const p of pts) out.push(`<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="3" fill="${c}"/>`);
    const ly = T + 10 + 20 * i;
    out.push(
      `<line x1="${L + pw + 15}" x2="${L + pw + 35}" y1="${ly}" y2="${ly}" stroke="${c}" stroke-width="2"/>`,
      `<text x="${L + pw + 40}" y="${ly + 4}">${esc(s.name)}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
