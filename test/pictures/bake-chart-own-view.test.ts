/**
 * The race's "What is it thinking?" chart shows only the optimiser's own view: no true curve and no
 * player's bakes, so neither may appear in the legend, and a belief about one bake must not be blown
 * up to fill the taste axis.
 */
import { describe, expect, it } from 'vitest';
import { bakeChartAltText, bakeChartSvg, type BakeChartInput } from '../../src/pictures/bake-chart.js';

const flatBelief = Array.from({ length: 41 }, (_, i) => ({ x: 5 + i / 2, mean: 13.7, sd: 0.05, expectedImprovement: i === 30 ? 0.4 : 0.1 }));

const ownView: BakeChartInput = {
  trueCurve: [],
  playerBakes: [],
  belief: flatBelief,
  strategies: [{ name: 'bayes', label: 'Optimiser', points: [{ x: 11, y: 13.7 }] }],
  title: 'What the optimiser believes now',
  beliefOf: { whose: 'its own bakes', searcher: 'it' },
  nextBake: 25,
};

/** The taste axis's tick labels: the text elements right-aligned left of the plot. */
function tasteTicks(svg: string): number[] {
  return [...svg.matchAll(/<text[^>]*text-anchor="end"[^>]*>([\d.]+)<\/text>/g)].map((m) => Number(m[1]));
}

describe('a bake chart of the optimiser’s own view', () => {
  const svg = bakeChartSvg(ownView);

  it('keeps the taste axis at 0–100 whatever the belief', () => {
    const ticks = tasteTicks(svg);
    expect(ticks).toEqual(expect.arrayContaining([0, 20, 40, 60, 80, 100]));
    expect(ticks.some((t) => t > 13 && t < 14)).toBe(false);
  });

  it('has legend entries only for what is drawn', () => {
    expect(svg).not.toContain('True taste');
    expect(svg).not.toContain('(in order)');
    expect(svg).toContain('Belief (mean)');
    expect(svg).toContain('Optimiser');
  });

  it('says whose belief it is and where it really bakes next', () => {
    const alt = bakeChartAltText(ownView);
    expect(alt).toContain('belief after its own bakes');
    expect(alt).toContain('it bakes next at 25.0 min');
    expect(alt).not.toMatch(/your bakes|from you/);
  });
});
