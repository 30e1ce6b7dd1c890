/** Plain-data scenes for the picture tests: a bake puzzle with a known peak, and the shapes around it. */
import type { BakeAnimationFrame } from '../../src/pictures/bake-animation.js';
import type { BakeChartInput, BeliefSample, Point } from '../../src/pictures/bake-chart.js';

/** Taste peaks at exactly 97 at 13.2 minutes. */
export const taste = (minutes: number): number => 97 - 1.5 * (minutes - 13.2) ** 2;

export const trueCurve: Point[] = Array.from({ length: 151 }, (_, i) => {
  const x = Math.round((6 + i * 0.08) * 100) / 100;
  return { x, y: taste(x) };
});

/** A belief that is sure near the bakes and unsure far from them, with EI peaking at `eiPeak`. */
export function beliefAfter(bakes: readonly Point[], eiPeak: number): BeliefSample[] {
  return Array.from({ length: 61 }, (_, i) => {
    const x = 6 + i * 0.2;
    const distance = Math.min(...bakes.map((b) => Math.abs(b.x - x)));
    return {
      x,
      mean: taste(x) - 2 + Math.sin(x),
      sd: 0.5 + 2.5 * distance,
      expectedImprovement: 4 * Math.exp(-((x - eiPeak) ** 2)),
    };
  });
}

export const playerBakes: Point[] = [
  { x: 10, y: 72 },
  { x: 14.5, y: 91 },
  { x: 17, y: 60 },
];

export const bakeInput: BakeChartInput = {
  trueCurve,
  playerBakes,
  belief: beliefAfter(playerBakes, 12.6),
  strategies: [
    { name: 'grid', points: [8, 10, 12, 14, 16, 18].map((x) => ({ x, y: taste(x) })) },
    { name: 'random', points: [7.1, 16.3, 11.8, 15.2, 9.9].map((x) => ({ x, y: Math.round(taste(x)) })) },
    {
      name: 'bayes',
      points: [
        { x: 10, y: 72 },
        { x: 16, y: 85 },
        { x: 12, y: 93 },
        { x: 13.5, y: 95 },
        { x: 13, y: 96 },
      ],
    },
  ],
};

/** Eight frames of a Bayesian optimiser, each choosing the next bake. */
export function animationFrames(count = 8): BakeAnimationFrame[] {
  const chosen = [9, 17, 13, 11.5, 14.2, 12.8, 13.3, 13.1, 6.5, 18.5].slice(0, count);
  return chosen.map((_, k) => {
    const bakes = chosen.slice(0, k + 1).map((x) => ({ x, y: taste(x) }));
    const next = chosen[k + 1];
    return { bakes, belief: beliefAfter(bakes, next ?? 13.2), ...(next !== undefined ? { nextX: next } : {}) };
  });
}
