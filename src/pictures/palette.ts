/**
 * Colour for a value on a map. Viridis (van der Walt and Smith, for matplotlib) runs from dark blue-violet
 * to yellow, brightening steadily, so a value's rank reads from lightness alone: in grey, for readers with
 * any common colour-vision deficiency, and for everyone else. Our table samples it at nine even anchors;
 * between two anchors the colour is interpolated linearly, which keeps the lightness monotonic.
 */

/** Viridis at t = 0, 1/8, …, 1, as sRGB. */
export const VIRIDIS_ANCHORS: readonly (readonly [number, number, number])[] = [
  [0x44, 0x01, 0x54],
  [0x48, 0x28, 0x78],
  [0x3e, 0x49, 0x89],
  [0x31, 0x68, 0x8e],
  [0x26, 0x82, 0x8e],
  [0x1f, 0x9e, 0x89],
  [0x35, 0xb7, 0x79],
  [0x6e, 0xce, 0x58],
  [0xfd, 0xe7, 0x25],
];

export type Rgb = readonly [number, number, number];

/**
 * The palette's colour at t in [0, 1] (clamped; NaN counts as 0), unrounded: its lightness rises strictly.
 * Rounded to whole sRGB steps, colours closer than about 1/128 apart can tie or dip by a hair, so maps
 * draw in fewer steps than that (see HEAT_COLOUR_STEPS).
 */
export function viridisRgb(t: number): Rgb {
  const last = VIRIDIS_ANCHORS.length - 1;
  const position = (Number.isNaN(t) ? 0 : Math.min(1, Math.max(0, t))) * last;
  const index = Math.min(last - 1, Math.floor(position));
  const share = position - index;
  const from = VIRIDIS_ANCHORS[index] as Rgb;
  const to = VIRIDIS_ANCHORS[index + 1] as Rgb;
  const mix = (c: 0 | 1 | 2): number => from[c] + (to[c] - from[c]) * share;
  return [mix(0), mix(1), mix(2)];
}

export function hexColour([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

export function viridis(t: number): string {
  return hexColour(viridisRgb(t));
}

/** Relative luminance (0 black … 1 white) of an sRGB colour, as WCAG and CIE define it. */
export function relativeLuminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio of two colours, 1 … 21; graphics need 3, small text 4.5. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** '#rrggbb' (any case) as sRGB. */
export function rgbOfHex(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new RangeError(`Not a #rrggbb colour: ${hex}`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

/** CIE L* (0 black … 100 white) of an sRGB colour: how light it looks, whatever its hue. */
export function lightness(rgb: Rgb): number {
  const luminance = relativeLuminance(rgb);
  return luminance > 216 / 24389 ? 116 * Math.cbrt(luminance) - 16 : (24389 / 27) * luminance;
}
