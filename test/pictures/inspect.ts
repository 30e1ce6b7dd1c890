/** Small decoders the picture tests use to look inside what was rendered. */
import { PNG } from 'pngjs';

export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly data: Buffer;
}

export function decodePng(png: Buffer): DecodedPng {
  const image = PNG.sync.read(png);
  return { width: image.width, height: image.height, data: image.data };
}

export function distinctColours(image: DecodedPng): number {
  const seen = new Set<number>();
  for (let i = 0; i < image.data.length; i += 4) {
    seen.add(((image.data[i] ?? 0) << 16) | ((image.data[i + 1] ?? 0) << 8) | (image.data[i + 2] ?? 0));
  }
  return seen.size;
}

/** Pixels in the rectangle darker than mid-grey: text and lines, not background. */
export function darkPixels(image: DecodedPng, left: number, top: number, width: number, height: number): number {
  let count = 0;
  for (let y = top; y < top + height; y++) {
    for (let x = left; x < left + width; x++) {
      const i = (y * image.width + x) * 4;
      const luminance = 0.299 * (image.data[i] ?? 255) + 0.587 * (image.data[i + 1] ?? 255) + 0.114 * (image.data[i + 2] ?? 255);
      if (luminance < 100) count++;
    }
  }
  return count;
}

/** Pixels close to an exact colour, e.g. a series colour. */
export function pixelsNear(image: DecodedPng, hex: string, tolerance = 24): number {
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (
      Math.abs((image.data[i] ?? 0) - r) <= tolerance &&
      Math.abs((image.data[i + 1] ?? 0) - g) <= tolerance &&
      Math.abs((image.data[i + 2] ?? 0) - b) <= tolerance
    ) {
      count++;
    }
  }
  return count;
}

export interface GifSummary {
  readonly width: number;
  readonly height: number;
  readonly frames: number;
  /** Delay of each frame in hundredths of a second, from its graphic control extension. */
  readonly delays: number[];
  readonly loops: boolean;
}

/** Walks the GIF block structure (header, colour tables, extensions, images) up to the trailer. */
export function parseGif(gif: Buffer): GifSummary {
  if (gif.toString('ascii', 0, 6) !== 'GIF89a') throw new Error('Not a GIF89a file');
  const width = gif.readUInt16LE(6);
  const height = gif.readUInt16LE(8);
  const screenFlags = gif[10] ?? 0;
  let at = 13;
  if (screenFlags & 0x80) at += 3 * 2 ** ((screenFlags & 7) + 1);
  let frames = 0;
  let loops = false;
  const delays: number[] = [];
  const skipSubBlocks = () => {
    while (true) {
      const size = gif[at] ?? 0;
      at += 1;
      if (size === 0) return;
      at += size;
    }
  };
  while (at < gif.length) {
    const introducer = gif[at];
    if (introducer === 0x3b) return { width, height, frames, delays, loops };
    if (introducer === 0x21) {
      const label = gif[at + 1];
      if (label === 0xf9) delays.push(gif.readUInt16LE(at + 4));
      if (label === 0xff && gif.toString('ascii', at + 3, at + 14) === 'NETSCAPE2.0') loops = true;
      at += 2;
      skipSubBlocks();
    } else if (introducer === 0x2c) {
      const imageFlags = gif[at + 9] ?? 0;
      at += 10;
      if (imageFlags & 0x80) at += 3 * 2 ** ((imageFlags & 7) + 1);
      at += 1; // LZW minimum code size
      skipSubBlocks();
      frames++;
    } else {
      throw new Error(`Unexpected GIF block 0x${(introducer ?? 0).toString(16)} at ${at}`);
    }
  }
  throw new Error('GIF has no trailer');
}

/** Power of one frequency in a stretch of samples (the Goertzel algorithm, a one-bin DFT). */
export function powerAt(samples: ArrayLike<number>, frequency: number, sampleRate: number, from: number, count: number): number {
  const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / sampleRate);
  let s1 = 0;
  let s2 = 0;
  for (let i = from; i < from + count; i++) {
    const s = (samples[i] ?? 0) + coefficient * s1 - s2;
    s2 = s1;
    s1 = s;
  }
  return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
}
