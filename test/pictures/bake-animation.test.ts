import { describe, expect, it } from 'vitest';
import { bakeAnimation, bakeAnimationSvgs } from '../../src/pictures/bake-animation.js';
import { renderPng } from '../../src/pictures/render.js';
import { animationFrames, trueCurve } from './fixtures.js';
import { darkPixels, decodePng, parseGif } from './inspect.js';

describe('bakeAnimation', () => {
  const frames = animationFrames(8);
  const animation = bakeAnimation(frames, { trueCurve, frameDelayMs: 1000, lastFrameHoldMs: 4000 });

  it('is a looping GIF89a with one frame per bake', () => {
    expect(animation.gif.subarray(0, 6).toString('ascii')).toBe('GIF89a');
    const gif = parseGif(animation.gif);
    expect(gif.frames).toBe(8);
    expect(animation.frameCount).toBe(8);
    expect([gif.width, gif.height]).toEqual([640, 360]);
    expect(gif.loops).toBe(true);
  });

  it('holds the last frame longer than the others', () => {
    const { delays } = parseGif(animation.gif);
    expect(delays).toEqual([100, 100, 100, 100, 100, 100, 100, 400]);
  });

  it('stays small enough to post', () => {
    expect(animation.gif.length).toBeLessThan(2 * 1024 * 1024);
  });

  it('frames differ as the belief changes', () => {
    const svgs = bakeAnimationSvgs(frames, { trueCurve });
    expect(new Set(svgs).size).toBe(8);
    expect(svgs[0]).toContain('bake 1');
    expect(svgs[7]).toContain('bake 8');
    const first = decodePng(renderPng(svgs[0] ?? ''));
    expect(darkPixels(first, 80, 8, 300, 30)).toBeGreaterThan(300);
  });

  it('describes the search in its alt text', () => {
    expect(animation.altText).toContain('Animation in 8 frames');
    expect(animation.altText).toContain('Its best was 97 at 13.3 min, found on bake 7');
    expect(animation.altText).toContain('The true peak is 97 at 13.2 min');
  });

  it('refuses an empty animation', () => {
    expect(() => bakeAnimation([], { trueCurve })).toThrow(RangeError);
  });
});
