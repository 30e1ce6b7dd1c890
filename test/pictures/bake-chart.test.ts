import { describe, expect, it } from 'vitest';
import { bakeChart, bakeChartAltText } from '../../src/pictures/bake-chart.js';
import { ALT_TEXT_LIMIT } from '../../src/pictures/chart-image.js';
import { seriesStyle } from '../../src/pictures/series-style.js';
import { bakeInput, playerBakes, trueCurve } from './fixtures.js';
import { darkPixels, decodePng, distinctColours, pixelsNear } from './inspect.js';

describe('bakeChart', () => {
  const chart = bakeChart(bakeInput);
  const image = decodePng(chart.png);

  it('renders a full-size, non-blank PNG with a title', () => {
    expect([image.width, image.height]).toEqual([900, 500]);
    expect(distinctColours(image)).toBeGreaterThan(50);
    // The title sits in the top 45 px, centred.
    expect(darkPixels(image, 200, 5, 500, 40)).toBeGreaterThan(500);
  });

  it('draws each series in its own fixed colour', () => {
    for (const name of ['grid', 'random', 'bayes']) {
      expect(pixelsNear(image, seriesStyle(name).colour, 10), name).toBeGreaterThan(50);
    }
  });

  it('says the key numbers in the alt text', () => {
    expect(chart.altText).toContain('The true curve peaks at 97 at 13.2 min');
    expect(chart.altText).toContain('Your best was 91 at 14.5 min (bake 2 of 3)');
    expect(chart.altText).toContain('Bayesian search found 96 at 13.0 min by bake 5 of 5');
    expect(chart.altText).toContain('Grid search found 96 at 14.0 min by bake 4 of 6');
    expect(chart.altText).toContain('expected improvement, in the lower panel, is highest at 12.6 min');
    expect(chart.altText.length).toBeLessThanOrEqual(ALT_TEXT_LIMIT);
  });

  it('leaves the belief out of picture and words when there is none', () => {
    const plain = bakeChart({ trueCurve, playerBakes });
    expect(plain.svg).not.toContain('Belief');
    expect(plain.altText).not.toContain('expected improvement');
    expect(pixelsNear(decodePng(plain.png), seriesStyle('bayes').colour, 10)).toBe(0);
  });

  it('escapes series names and still renders', () => {
    const tricky = bakeChart({ ...bakeInput, strategies: [{ name: 'custom', label: '<b>&', points: [{ x: 12, y: 90 }] }] });
    expect(tricky.svg).toContain('&lt;b&gt;&amp;');
    expect(tricky.svg).not.toContain('<b>');
    expect(tricky.altText).toContain('<b>& found 90 at 12.0 min');
    expect(decodePng(tricky.png).width).toBe(900);
  });

  it('keeps alt text within Discord’s limit by dropping whole sentences', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `strategy-${i}`, points: [{ x: 10 + i * 0.1, y: 50 + i }] }));
    const text = bakeChartAltText({ ...bakeInput, strategies: many });
    expect(text.length).toBeLessThanOrEqual(ALT_TEXT_LIMIT);
    expect(text.endsWith('.')).toBe(true);
    expect(text).toContain('Your best was 91');
  });
});
