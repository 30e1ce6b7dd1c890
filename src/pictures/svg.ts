/**
 * A tiny SVG builder. Every piece of markup is a `Markup` value, and the only ways to make one are
 * `el` (which escapes attribute values) and `text` (which escapes content), so user-supplied names
 * such as series labels can never break the document.
 */

declare const markupBrand: unique symbol;
export type Markup = string & { readonly [markupBrand]: true };

export type AttributeValue = string | number | undefined;
export type Attributes = Readonly<Record<string, AttributeValue>>;

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(raw: string): string {
  // Control characters other than tab/newline are not allowed in XML 1.0 at all, so drop them.
  // eslint-disable-next-line no-control-regex
  const legal = raw.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  return legal.replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);
}

/** Rounds coordinates so the markup stays short and stable across platforms. */
function formatAttribute(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`SVG attribute value is not finite: ${value}`);
    return String(Math.round(value * 100) / 100);
  }
  return escapeXml(value);
}

function attributeList(attributes: Attributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    out += ` ${name}="${formatAttribute(value)}"`;
  }
  return out;
}

/** Escaped character data, safe to place inside any element. */
export function text(content: string): Markup {
  return escapeXml(content) as Markup;
}

export function el(tag: string, attributes: Attributes = {}, children: readonly Markup[] = []): Markup {
  const open = `<${tag}${attributeList(attributes)}`;
  if (children.length === 0) return `${open}/>` as Markup;
  return `${open}>${children.join('')}</${tag}>` as Markup;
}

export function group(attributes: Attributes, children: readonly Markup[]): Markup {
  return el('g', attributes, children);
}

export interface XY {
  readonly x: number;
  readonly y: number;
}

/** Path data through the points in order; non-finite points break the line into separate runs. */
export function polylinePath(points: readonly XY[]): string {
  let data = '';
  let penDown = false;
  for (const point of points) {
    if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) {
      penDown = false;
      continue;
    }
    data += `${penDown ? 'L' : 'M'}${formatAttribute(point.x)} ${formatAttribute(point.y)}`;
    penDown = true;
  }
  return data;
}

/** Closed path between an upper and a lower edge sampled at the same x positions (a band). */
export function bandPath(upper: readonly XY[], lower: readonly XY[]): string {
  if (upper.length === 0) return '';
  const outline = [...upper, ...[...lower].reverse()];
  return `${polylinePath(outline)}Z`;
}

export function svgDocument(width: number, height: number, children: readonly Markup[]): string {
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      'font-family': 'DejaVu Sans',
    },
    [el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }), ...children],
  );
}
