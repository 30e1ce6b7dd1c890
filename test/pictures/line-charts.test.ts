import { describe, expect, it } from 'vitest';
import { bestSoFarChart, runningBest } from '../../src/pictures/best-so-far-chart.js';
import { learningCurveChart } from '../../src/pictures/learning-curve-chart.js';
import { remainingChart } from '../../src/pictures/remaining-chart.js';
import { seriesStyle } from '../../src/pictures/series-style.js';
import { darkPixels, decodePng, distinctColours, pixelsNear } from './inspect.js';

function expectReadablePng(png: Buffer): void {
  const image = decodePng(png);
  expect([image.width, image.height]).toEqual([900, 500]);
  expect(distinctColours(image)).toBeGreaterThan(30);
  expect(darkPixels(image, 200, 5, 500, 40)).toBeGreaterThan(400);
}

describe('remainingChart', () => {
  const chart = remainingChart({
    total: 1000,
    series: [
      { name: 'player', remaining: [300, 120, 40, 9, 3, 1] },
      { name: 'random', remaining: [500, 200, 90, 30, 12, 12, 5, 5] },
      { name: 'reasoner', remaining: [100, 10, 1] },
    ],
  });

  it('renders with every series in its colour', () => {
    expectReadablePng(chart.png);
    const image = decodePng(chart.png);
    for (const name of ['random', 'reasoner']) expect(pixelsNear(image, seriesStyle(name).colour, 10), name).toBeGreaterThan(100);
  });

  it('uses a log axis from 1 to 1,000', () => {
    for (const label of ['>1<', '>10<', '>100<', '>1,000<']) expect(chart.svg).toContain(label);
  });

  it('says who got down to one combination, and when', () => {
    expect(chart.altText).toContain('out of 1,000 at the start');
    expect(chart.altText).toContain('You got down to one combination by try 6');
    expect(chart.altText).toContain('Reasoner got down to one combination by try 3');
    expect(chart.altText).toContain('Random search still had 5 possible after 8 tries');
    expect(chart.altText).toContain('Your first try left 300 of 1,000');
  });
});

describe('bestSoFarChart', () => {
  it('keeps the running best in either direction and skips failed tries', () => {
    expect(runningBest([3, 5, 4, Number.NaN, 8], 'maximize')).toEqual([3, 5, 5, 5, 8]);
    expect(runningBest([3, 5, 2, 4], 'minimize')).toEqual([3, 3, 2, 2]);
    expect(runningBest([Number.NaN, 2], 'maximize')).toEqual([Number.NaN, 2]);
  });

  const chart = bestSoFarChart({
    target: 0.97,
    yLabel: 'Validation accuracy',
    series: [
      { name: 'player', scores: [0.6, 0.71, 0.65, 0.88, 0.9, 0.85, 0.93] },
      { name: 'bayes', scores: [0.5, 0.8, 0.9, 0.95, 0.96, 0.96, 0.97, 0.9] },
      { name: 'hyperband', scores: [0.7, Number.NaN, 0.88] },
    ],
  });

  it('renders with a dashed target line and legend entry', () => {
    expectReadablePng(chart.png);
    expect(chart.svg).toContain('stroke-dasharray="10 7"');
    expect(chart.svg).toContain('Best possible');
  });

  it('reports each best, when it was reached and the gap to the target', () => {
    expect(chart.altText).toContain('(higher is better)');
    expect(chart.altText).toContain('You reached 0.93 by try 7 of 7, 0.04 short of the best possible');
    expect(chart.altText).toContain('Bayesian search reached 0.97 by try 7 of 8, the best possible');
    expect(chart.altText).toContain('Hyperband reached 0.88 by try 3 of 3');
  });

  it('draws every line on its values, overlap shown by width and dashes, and the player on top', () => {
    const same = [40, 60, 60, 80];
    const overlap = bestSoFarChart({
      series: [
        { name: 'player', scores: same },
        { name: 'quasi-random', scores: same },
        { name: 'bayes', scores: same },
      ],
    });
    const paths = [...(overlap.svg ?? '').matchAll(/<path d="([^"]+)"([^>]*)>/g)].filter((m) => / stroke="#[0-9A-Fa-f]{6}"/.test(m[2]!) && m[2]!.includes('stroke-linejoin'));
    const byColour = (name: string) => paths.filter((m) => m[2]!.includes(`stroke="${seriesStyle(name).colour}"`));
    const only = (name: string): RegExpExecArray => {
      const found = byColour(name);
      expect(found, name).toHaveLength(1);
      return found[0]!;
    };
    const [player, quasi, bayes] = [only('player'), only('quasi-random'), only('bayes')];
    // Same values, same pixels: nothing is nudged off its value.
    expect(quasi[1]).toBe(player[1]);
    expect(bayes[1]).toBe(player[1]);
    // The repeat is dashed so the line beneath shows, and the player is drawn last, over both.
    expect(bayes[2]).toContain('stroke-dasharray');
    expect(paths.indexOf(player)).toBe(paths.length - 1);
    const width = (m: RegExpMatchArray) => Number(/stroke-width="([\d.]+)"/.exec(m[2]!)?.[1]);
    expect(width(quasi)).toBeGreaterThan(width(bayes));
    expect(width(player)).toBeLessThan(width(bayes));
    const image = decodePng(overlap.png);
    for (const name of ['player', 'quasi-random', 'bayes']) expect(pixelsNear(image, seriesStyle(name).colour, 10), name).toBeGreaterThan(150);
  });

  it('draws and words the best a run itself counts, when given', () => {
    const counted = bestSoFarChart({ series: [{ name: 'hyperband', scores: [50, 84.4, 78.9], bests: [50, 84.4, 78.9], note: 'It steps down.' }] });
    expect(counted.altText).toContain('Hyperband reached 78.9 by try 3 of 3. It steps down.');
  });

  it('understands lower-is-better scores', () => {
    const loss = bestSoFarChart({ direction: 'minimize', series: [{ name: 'tpe', scores: [0.9, 0.4, 0.5, 0.3] }] });
    expect(loss.altText).toContain('(lower is better)');
    expect(loss.altText).toContain('TPE reached 0.3 by try 4 of 4');
  });
});

describe('learningCurveChart', () => {
  const epochs = 30;
  const trainLoss = Array.from({ length: epochs }, (_, i) => 0.15 + Math.exp(-i / 6));
  const overfitting = Array.from({ length: epochs }, (_, i) => Math.min(0.95, 0.4 + 0.6 * (1 - Math.exp(-i / 4))) - Math.max(0, i - 18) * 0.005);

  it('renders both panels', () => {
    const chart = learningCurveChart({ trainLoss, heldOutAccuracy: overfitting });
    expectReadablePng(chart.png);
    const image = decodePng(chart.png);
    expect(pixelsNear(image, '#D55E00', 10)).toBeGreaterThan(200);
    expect(pixelsNear(image, '#0072B2', 10)).toBeGreaterThan(200);
  });

  it('names the numbers and calls out overfitting only when it happens', () => {
    const overfit = learningCurveChart({ trainLoss, heldOutAccuracy: overfitting });
    expect(overfit.altText).toContain('Training loss went from 1.15 at epoch 1 to 0.158 at epoch 30');
    expect(overfit.altText).toContain('peaking at 95% at epoch');
    expect(overfit.altText).toContain('overfit');

    const steady = Array.from({ length: epochs }, (_, i) => 0.4 + 0.55 * (1 - Math.exp(-i / 4)));
    expect(learningCurveChart({ trainLoss, heldOutAccuracy: steady }).altText).not.toContain('overfit');
  });
});
