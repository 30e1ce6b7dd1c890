import { describe, expect, it } from 'vitest';
import { bakeChart, bakeChartAltText } from '../../src/pictures/bake-chart.js';
import { ALT_TEXT_LIMIT } from '../../src/pictures/chart-image.js';
import { seriesStyle } from '../../src/pictures/series-style.js';
import { bakeInput, playerBakes, trueCurve } from './fixtures.js';
import { darkPixels, decodePng, distinctColours, pixelsNear } from './inspect.js';
import { placeLabels } from '../../src/pictures/label-placement.js';

describe('bakeChart', () => {
  const chart = bakeChart(bakeInput);
  const image = decodePng(chart.png);

  it('renders a full-size, non-blank PNG with a title, and a row of strategy panels below', () => {
    expect([image.width, image.height]).toEqual([900, 750]);
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

  it('keeps crowded numbered bakes apart, each dot still on its value, and no tick below 0 or above 100', () => {
    const crowded = [{ x: 12.5, y: 93 }, { x: 13, y: 96 }, { x: 13.5, y: 95 }, { x: 13.2, y: 97 }];
    const svg = bakeChart({ ...bakeInput, playerBakes: crowded }).svg ?? '';
    const discs = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="(13|15)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), r: Number(m[3]) }));
    expect(discs).toHaveLength(crowded.length);
    for (let i = 0; i < discs.length; i++) {
      for (let j = 0; j < i; j++) {
        const [a, b] = [discs[i]!, discs[j]!];
        expect(Math.hypot(a.x - b.x, a.y - b.y), `discs ${j + 1} and ${i + 1}`).toBeGreaterThanOrEqual(a.r + b.r);
      }
    }
    // A disc moved aside keeps a dot exactly on the value and a leader line to it.
    expect(svg).toMatch(/<circle cx="[\d.]+" cy="[\d.]+" r="4.5"/);
    expect(svg).not.toMatch(/>-20<|>120</);
  });

  it('gives each strategy its own panel, so identical openings hide nothing', () => {
    const same = [{ x: 8, y: 60 }, { x: 12, y: 93 }, { x: 16, y: 85 }];
    const chart = bakeChart({ ...bakeInput, strategies: [{ name: 'quasi-random', points: same }, { name: 'bayes', points: same }] });
    const picture = decodePng(chart.png);
    for (const name of ['quasi-random', 'bayes']) expect(pixelsNear(picture, seriesStyle(name).colour, 10), name).toBeGreaterThan(60);
    expect(chart.svg).toContain('Where each strategy baked');
  });

  it('draws a single strategy on the belief it produced, with no row of panels', () => {
    const single = bakeChart({ ...bakeInput, strategies: [{ name: 'bayes', label: 'Optimiser', points: [{ x: 12, y: 90 }] }] });
    expect(decodePng(single.png).height).toBe(500);
    expect(single.svg).not.toContain('Where each strategy baked');
    expect(single.svg).toContain('Optimiser');
  });

  it('adds the caller’s notes, such as why two strategies baked alike', () => {
    const note = 'TPE baked exactly the same times as random search.';
    expect(bakeChart({ ...bakeInput, notes: [note] }).altText).toContain(note);
  });

    it('keeps alt text within Discord’s limit by dropping whole sentences', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `strategy-${i}`, points: [{ x: 10 + i * 0.1, y: 50 + i }] }));
    const text = bakeChartAltText({ ...bakeInput, strategies: many });
    expect(text.length).toBeLessThanOrEqual(ALT_TEXT_LIMIT);
    expect(text.endsWith('.')).toBe(true);
    expect(text).toContain('Your best was 91');
  });
});

describe('placeLabels', () => {
  const bounds = { left: 0, top: 0, width: 400, height: 300 };

  it('leaves a label on its point when there is room and steps aside, flagged, when there is not', () => {
    const placed = placeLabels([{ x: 100, y: 100 }, { x: 104, y: 100 }, { x: 300, y: 200 }], { radius: 12, bounds, onPoint: true });
    expect(placed[0]).toEqual({ anchor: { x: 100, y: 100 }, at: { x: 100, y: 100 }, moved: false });
    expect(placed[1]!.moved).toBe(true);
    expect(placed[1]!.anchor).toEqual({ x: 104, y: 100 });
    expect(Math.hypot(placed[1]!.at.x - 100, placed[1]!.at.y - 100)).toBeGreaterThanOrEqual(24);
    expect(placed[2]!.moved).toBe(false);
  });

  it('sets plain numbers beside their points, clear of every marker', () => {
    const points = [{ x: 50, y: 50 }, { x: 56, y: 50 }, { x: 53, y: 55 }];
    const obstacles = points.map((at) => ({ at, radius: 6 }));
    const placed = placeLabels(points, { radius: 7, bounds, onPoint: false, obstacles });
    for (const label of placed) {
      for (const marker of obstacles) expect(Math.hypot(label.at.x - marker.at.x, label.at.y - marker.at.y)).toBeGreaterThanOrEqual(13);
    }
  });
});
