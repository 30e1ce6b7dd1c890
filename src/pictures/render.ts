/**
 * Rasterises our SVG with resvg using only the bundled DejaVu fonts, so a chart looks the same on
 * a fresh server as on a laptop full of system fonts.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

function dejavuFontFiles(): string[] {
  const fontPackage = require.resolve('dejavu-fonts-ttf/package.json');
  const directory = path.join(path.dirname(fontPackage), 'ttf');
  return [path.join(directory, 'DejaVuSans.ttf'), path.join(directory, 'DejaVuSans-Bold.ttf')];
}

let cachedOptions: ResvgRenderOptions | undefined;

function renderOptions(): ResvgRenderOptions {
  cachedOptions ??= {
    font: {
      loadSystemFonts: false,
      fontFiles: dejavuFontFiles(),
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'error',
  };
  return cachedOptions;
}

export function renderPng(svg: string): Buffer {
  return new Resvg(svg, renderOptions()).render().asPng();
}

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** width × height × 4 bytes, row by row. */
  readonly pixels: Buffer;
}

export function renderRgba(svg: string): RgbaImage {
  const image = new Resvg(svg, renderOptions()).render();
  return { width: image.width, height: image.height, pixels: image.pixels };
}
