/**
 * Animated GIF from RGBA frames via gifenc. One palette is shared by all frames: our charts use the
 * same few colours throughout, and a global table keeps the file small and the colours steady.
 */
import { createRequire } from 'node:module';
import type { RgbaImage } from './render.js';

type Palette = number[][];

interface GifStream {
  writeFrame(index: Uint8Array, width: number, height: number, options: { palette?: Palette; delay?: number; repeat?: number }): void;
  finish(): void;
  bytes(): Uint8Array;
}

/** The slice of gifenc we use. It ships CommonJS without types, so it is loaded through require. */
interface Gifenc {
  GIFEncoder(): GifStream;
  quantize(rgba: Uint8Array, maxColours: number, options?: { format?: 'rgb565' | 'rgb444' }): Palette;
  applyPalette(rgba: Uint8Array, palette: Palette, format?: 'rgb565' | 'rgb444'): Uint8Array;
}

const gifenc = createRequire(import.meta.url)('gifenc') as Gifenc;

export interface GifFrame {
  readonly image: RgbaImage;
  /** How long this frame stays on screen. GIF stores hundredths of a second. */
  readonly delayMs: number;
}

/** Every `stride`-th pixel of every frame, so the palette sees colours that only some frames have. */
function paletteSample(frames: readonly GifFrame[], stride: number): Uint8Array {
  const perFrame = frames.map((frame) => Math.ceil(frame.image.pixels.length / 4 / stride));
  const sample = new Uint8Array(perFrame.reduce((a, b) => a + b, 0) * 4);
  let offset = 0;
  for (const frame of frames) {
    const pixels = frame.image.pixels;
    for (let p = 0; p < pixels.length / 4; p += stride) {
      sample[offset++] = pixels[p * 4] ?? 0;
      sample[offset++] = pixels[p * 4 + 1] ?? 0;
      sample[offset++] = pixels[p * 4 + 2] ?? 0;
      sample[offset++] = 255;
    }
  }
  return sample.subarray(0, offset);
}

export function encodeGif(frames: readonly GifFrame[]): Buffer {
  const first = frames[0];
  if (first === undefined) throw new RangeError('A GIF needs at least one frame');
  const { width, height } = first.image;
  for (const frame of frames) {
    if (frame.image.width !== width || frame.image.height !== height) {
      throw new RangeError('All GIF frames must have the same size');
    }
  }
  const palette = gifenc.quantize(paletteSample(frames, Math.max(1, Math.floor(frames.length / 2))), 256);
  const stream = gifenc.GIFEncoder();
  frames.forEach((frame, index) => {
    const indexed = gifenc.applyPalette(new Uint8Array(frame.image.pixels.buffer, frame.image.pixels.byteOffset, frame.image.pixels.length), palette);
    stream.writeFrame(indexed, width, height, {
      ...(index === 0 ? { palette, repeat: 0 } : {}),
      delay: frame.delayMs,
    });
  });
  stream.finish();
  return Buffer.from(stream.bytes());
}
