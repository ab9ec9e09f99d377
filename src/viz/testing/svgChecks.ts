/**
 * Checks of exported SVG documents, shared by the tests of every export (matrix views, figures,
 * charts): a small XML parser (no XML library is installed), and svgProblems: well-formed, one
 * <svg> root whose width/height equal its viewBox, no NaN/Infinity/undefined in an attribute,
 * and every <text> (estimated box, after the translate() of its <g> ancestors) inside the
 * viewBox. For tests only (imports nothing from the app).
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string, where: string): string {
  return s.replace(/&([^;]*);?/g, (m, name: string) => {
    if (!m.endsWith(';')) throw new Error(`${where}: bare '&'`);
    if (name in ENTITY) return ENTITY[name];
    const num = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(name);
    if (num) return String.fromCodePoint(num[1][0] === 'x' ? Number.parseInt(num[1].slice(1), 16) : Number(num[1]));
    throw new Error(`${where}: unknown entity &${name};`);
  });
}

/** Parse an XML document (elements, attributes, text; no comments/CDATA/doctype): throws on anything not well-formed. */
export function parseXml(src: string): XmlElement {
  const NAME = /^[A-Za-z_][\w.:-]*/;
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const text = src.slice(i, lt < 0 ? src.length : lt);
    if (text.includes('>')) throw new Error(`stray '>' at ${i}`);
    if (stack.length) stack[stack.length - 1].text += unescapeXml(text, `text at ${i}`);
    else if (text.trim()) throw new Error(`text outside the root element at ${i}`);
    if (lt < 0) break;
    i = lt + 1;
    if (src[i] === '/') {
      const m = NAME.exec(src.slice(i + 1));
      const open = stack.pop();
      if (!m || !open || open.name !== m[0]) throw new Error(`</${m?.[0]}> at ${lt} does not close <${open?.name}>`);
      i += 1 + m[0].length;
      while (/\s/.test(src[i])) i++;
      if (src[i] !== '>') throw new Error(`bad closing tag at ${lt}`);
      i++;
      continue;
    }
    const m = NAME.exec(src.slice(i));
    if (!m) throw new Error(`bad tag name at ${lt}`);
    const el: XmlElement = { name: m[0], attrs: {}, children: [], text: '' };
    i += m[0].length;
    for (;;) {
      const ws = /^\s*/.exec(src.slice(i))![0].length;
      i += ws;
      if (src.startsWith('/>', i) || src[i] === '>') break;
      if (!ws) throw new Error(`no space before an attribute of <${el.name}> at ${i}`);
      const a = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(src.slice(i));
      if (!a) throw new Error(`bad attribute of <${el.name}> at ${i}`);
      if (a[1] in el.attrs) throw new Error(`duplicate attribute ${a[1]} of <${el.name}>`);
      el.attrs[a[1]] = unescapeXml(a[3] ?? a[4], `attribute ${a[1]}`);
      i += a[0].length;
    }
    if (stack.length) stack[stack.length - 1].children.push(el);
    else if (root) throw new Error('a second root element');
    else root = el;
    if (src[i] === '/') i += 2;
    else {
      i += 1;
      stack.push(el);
    }
  }
  if (stack.length) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

/** Every element with the sum of the translate(x, y) of its ancestors' transforms (a <g> moves its children). */
export function* walkPlaced(el: XmlElement, dx = 0, dy = 0): Generator<{ el: XmlElement; dx: number; dy: number }> {
  yield { el, dx, dy };
  let cx = dx;
  let cy = dy;
  if (el.name === 'g' && el.attrs.transform) {
    const m = /^\s*translate\(\s*([-\d.e]+)[\s,]+([-\d.e]+)\s*\)\s*$/.exec(el.attrs.transform);
    if (!m) throw new Error(`<g transform="${el.attrs.transform}"> not understood (only translate(x, y))`);
    cx += Number(m[1]);
    cy += Number(m[2]);
  }
  for (const c of el.children) yield* walkPlaced(c, cx, cy);
}

/** The text content of an element and its descendants. */
export function textOf(el: XmlElement): string {
  return el.text + el.children.map(textOf).join('');
}

/**
 * The corners of a <text>'s box, estimated: width = characters × 0.62 × font-size (a
 * monospace advance, as the layouts assume; 0.58 for a font-family naming sans-serif), height = font-size around the baseline
 * (dominant-baseline middle: ±½; text-after-edge: above; else alphabetic: 0.8 above, 0.2
 * below), then translate(x,y) and rotate(θ) of the transform attribute applied.
 */
export function textCorners(t: XmlElement): [number, number][] {
  const fs = Number(t.attrs['font-size'] ?? 16);
  // 0.62 em per character in a monospace face (the matrix labels), 0.58 em in a proportional one
  // (the figures' Helvetica/Arial: about 0.5 em on average); the e2e tests measure the real boxes.
  const em = /sans-serif/.test(t.attrs['font-family'] ?? '') ? 0.58 : 0.62;
  const w = [...t.text].length * em * fs;
  const anchor = t.attrs['text-anchor'] ?? 'start';
  const [u0, u1] = anchor === 'end' ? [-w, 0] : anchor === 'middle' ? [-w / 2, w / 2] : [0, w];
  const base = t.attrs['dominant-baseline'];
  const [v0, v1] = base === 'middle' ? [-fs / 2, fs / 2] : base === 'text-after-edge' ? [-fs, 0] : [-0.8 * fs, 0.2 * fs];
  const x = Number(t.attrs.x ?? 0);
  const y = Number(t.attrs.y ?? 0);
  let tx = 0;
  let ty = 0;
  let angle = 0;
  const tr = t.attrs.transform ?? '';
  const mt = /translate\(\s*([-\d.e]+)[\s,]+([-\d.e]+)\s*\)/.exec(tr);
  if (mt) [tx, ty] = [Number(mt[1]), Number(mt[2])];
  const mr = /rotate\(\s*([-\d.e]+)\s*\)/.exec(tr);
  if (mr) angle = (Number(mr[1]) * Math.PI) / 180;
  if (tr.replace(/translate\([^)]*\)|rotate\([^)]*\)|\s/g, '')) throw new Error(`transform not understood: ${tr}`);
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [
    [u0, v0],
    [u1, v0],
    [u1, v1],
    [u0, v1],
  ].map(([u, v]) => [tx + (x + u) * c - (y + v) * s, ty + (x + u) * s + (y + v) * c]);
}

/** Well-formed, one <svg> root sized as its viewBox, every <text> inside it; returns the problems. */
export function svgProblems(svg: string): string[] {
  const root = parseXml(svg);
  const problems: string[] = [];
  if (root.name !== 'svg') problems.push(`root is <${root.name}>`);
  const vb = (root.attrs.viewBox ?? '').split(/[\s,]+/).map(Number);
  if (vb.length !== 4 || vb.some((v) => !Number.isFinite(v))) return [...problems, `bad viewBox "${root.attrs.viewBox}"`];
  const [vx, vy, vw, vh] = vb;
  if (Number(root.attrs.width) !== vw || Number(root.attrs.height) !== vh) problems.push(`size ${root.attrs.width}×${root.attrs.height} ≠ viewBox ${vw}×${vh}`);
  const tol = 0.5;
  for (const { el, dx, dy } of walkPlaced(root)) {
    for (const [k, v] of Object.entries(el.attrs)) if (/NaN|Infinity|undefined/.test(v)) problems.push(`<${el.name} ${k}="${v}">`);
    if (el.name !== 'text') continue;
    for (const [px, py] of textCorners(el).map(([x, y]) => [x + dx, y + dy]))
      if (px < vx - tol || py < vy - tol || px > vx + vw + tol || py > vy + vh + tol) {
        problems.push(`<text> "${el.text}" reaches (${px.toFixed(1)}, ${py.toFixed(1)}), outside the viewBox ${vb.join(' ')}`);
        break;
      }
  }
  return problems;
}
