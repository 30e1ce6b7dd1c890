/** Small helpers to build SVG charts as DOM (no inline styles: the page's CSP forbids them). */
const NS = 'http://www.w3.org/2000/svg';

export type Attributes = Readonly<Record<string, string | number>>;

export function svgElement<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, children: readonly SVGElement[] = []): SVGElementTagNameMap[K] {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child);
  return element;
}

export function svgText(x: number, y: number, text: string, attributes: Attributes = {}): SVGTextElement {
  const element = svgElement('text', { x, y, 'font-size': 12, fill: '#1b1b1b', ...attributes });
  element.textContent = text;
  return element;
}

/** A chart with a title and a description screen readers speak instead of the picture. */
export function chartFrame(width: number, height: number, title: string, description: string): SVGSVGElement {
  const id = `chart-${Math.random().toString(36).slice(2, 9)}`;
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc` });
  const titleElement = svgElement('title', { id: `${id}-title` });
  titleElement.textContent = title;
  const descElement = svgElement('desc', { id: `${id}-desc` });
  descElement.textContent = description;
  svg.append(titleElement, descElement);
  return svg;
}

export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const scale = ((value: number) => r0 + ((value - d0) / span) * (r1 - r0)) as LinearScale;
  Object.defineProperty(scale, 'domain', { value: domain });
  return scale;
}

export function pathOf(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join('');
}

/** Tick values at round numbers over a range, about `count` of them. */
export function niceTicks(low: number, high: number, count = 5): number[] {
  const raw = (high - low) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(low / step) * step; v <= high + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}
