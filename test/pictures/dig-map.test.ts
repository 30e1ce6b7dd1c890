import { describe, expect, it } from 'vitest';
import { dig, type DigState } from '../../src/games/dig.js';
import { digBelief, digBeliefFrames, digPlayerRun, digRevealData, type DigRun } from '../../src/games/dig-reveal.js';
import { ALT_TEXT_LIMIT } from '../../src/pictures/chart-image.js';
import { mapAnimation, mapAnimationSvgs, type MapAnimationFrame } from '../../src/pictures/dig-animation.js';
import { digBeliefMaps, digBoardMap, digBoardMapSvg, digHeatMap, digRevealMap, type MapDig, type MapSearcher } from '../../src/pictures/dig-map.js';
import { HEAT_COLOUR_STEPS, heatCells, paletteShare } from '../../src/pictures/heat-map.js';
import { lightness, VIRIDIS_ANCHORS, viridis, viridisRgb } from '../../src/pictures/palette.js';
import { seriesStyle } from '../../src/pictures/series-style.js';
import { decodePng, parseGif, pixelsNear } from './inspect.js';

const SPOTS = [
  [20, 20],
  [80, 20],
  [50, 50],
  [20, 80],
  [80, 80],
] as const;

function played(seed: string, spots: readonly (readonly [number, number])[] = SPOTS): DigState {
  return spots.reduce((state, [x, y]) => dig.play(state, { x, y }).state, dig.start({ seed }));
}

const mapDigs = (run: DigRun): MapDig[] => run.digs.map((d) => ({ x: d.x, y: d.y, reading: d.grams }));
const searchers = (runs: readonly DigRun[]): MapSearcher[] => runs.map((run) => ({ name: run.name, digs: mapDigs(run) }));

/** Colours of the viridis middle: any of them in a picture means a heat map was drawn. */
const FIELD_COLOURS = VIRIDIS_ANCHORS.slice(2, 8).map((rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`);

describe('the map palette', () => {
  it('gets lighter all the way from low to high, so order reads without colour', () => {
    let previous = Number.NEGATIVE_INFINITY;
    for (let k = 0; k <= 1024; k++) {
      const l = lightness(viridisRgb(k / 1024));
      expect(l, `t = ${k}/1024`).toBeGreaterThan(previous);
      previous = l;
    }
    expect(lightness(viridisRgb(1)) - lightness(viridisRgb(0))).toBeGreaterThan(60);
  });

  it('stays strictly lighter step by step in the whole-number colours a map is drawn in', () => {
    const rgb = (hex: string) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];
    let previous = Number.NEGATIVE_INFINITY;
    for (let k = 0; k <= HEAT_COLOUR_STEPS; k++) {
      const l = lightness(rgb(viridis(k / HEAT_COLOUR_STEPS)));
      expect(l, `step ${k}`).toBeGreaterThan(previous);
      previous = l;
    }
  });

  it('passes through its anchors and clamps outside [0, 1]', () => {
    expect(viridis(0)).toBe('#440154');
    expect(viridis(1)).toBe('#fde725');
    expect(viridis(0.5)).toBe('#26828e');
    expect(viridis(-3)).toBe(viridis(0));
    expect(viridis(7)).toBe(viridis(1));
    expect(paletteShare(5, { low: 0, high: 10 })).toBe(0.5);
    expect(paletteShare(Number.POSITIVE_INFINITY, { low: 0, high: 10 })).toBe(1);
  });

  it('draws the highest cell of a grid in the lightest colour and the lowest in the darkest', () => {
    const markup = heatCells({ left: 0, top: 0, width: 30, height: 30 }, { xs: [0, 1, 2], ys: [0, 1, 2], values: [0, 1, 2, 3, 4, 5, 6, 7, 8] }, { low: 0, high: 8 });
    expect(markup).toContain(`fill="${viridis(0)}"`);
    expect(markup).toContain(`fill="${viridis(1)}"`);
    // Row 0 is the bottom row: the lowest value sits at the panel's bottom-left.
    expect(markup).toMatch(new RegExp(`<rect x="0" y="20"[^>]*fill="${viridis(0)}"`));
  });
});

describe('Dig for Gold pictures', () => {
  const state = played('pictures');
  const data = digRevealData(state);
  const range = { low: 0, high: data.peak.grams };
  const peak = { x: data.peak.x, y: data.peak.y, reading: data.peak.grams };

  it('heat map: 820 × 640, the field in viridis, each searcher in its own colour, axes and colour bar labelled', () => {
    const image = digHeatMap({ grid: data.field, kind: 'field', range, peak, searchers: searchers(data.runs) });
    const png = decodePng(image.png);
    expect([png.width, png.height]).toEqual([820, 640]);
    expect(image.svg).toContain('x (m east)');
    expect(image.svg).toContain('y (m north)');
    expect(image.svg).toContain('gold (g)');
    for (const run of data.runs) expect(pixelsNear(png, seriesStyle(run.name).colour, 12), run.name).toBeGreaterThan(20);
    expect(pixelsNear(png, viridis(1), 10)).toBeGreaterThan(20);
  });

  it('heat maps of the belief name what their colour bar measures', () => {
    const belief = data.belief;
    if (belief === undefined) throw new Error('a belief after five digs');
    const uncertainty = digHeatMap({ grid: belief.uncertainty, kind: 'uncertainty' });
    expect(uncertainty.svg).toContain('± g');
    expect(uncertainty.altText).toMatch(/^A heat map of the Bayesian belief: uncertainty/);
    const acquisition = digHeatMap({ grid: belief.acquisition, kind: 'acquisition', searchers: [{ name: 'player', digs: mapDigs(digPlayerRun(state)) }] });
    expect(acquisition.svg).toContain('gain (g)');
    expect(acquisition.altText).toContain('Your 5 digs: best');
  });

  it('reveal maps: one small map per searcher on the same field, with labels and the richest spot', () => {
    const image = digRevealMap({ field: data.field, range, peak, searchers: searchers(data.runs) });
    const png = decodePng(image.png);
    expect([png.width, png.height]).toEqual([1040, 780]);
    for (const label of ['Grid search', 'Random search', 'Quasi-random search', 'Bayesian search', 'You']) {
      expect(image.svg).toContain(label);
      expect(image.altText).toContain(label);
    }
    expect(image.altText).toContain(`The richest spot is (${Math.round(data.peak.x)}, ${Math.round(data.peak.y)})`);
    expect(image.altText.length).toBeLessThanOrEqual(ALT_TEXT_LIMIT);
  });

  it('belief maps: mean, uncertainty and acquisition after the player digs, with the next dig named', () => {
    const belief = data.belief;
    if (belief === undefined) throw new Error('a belief after five digs');
    const image = digBeliefMaps({ mean: belief.mean, uncertainty: belief.uncertainty, acquisition: belief.acquisition, digs: mapDigs(digPlayerRun(state)), next: belief.next });
    const png = decodePng(image.png);
    expect([png.width, png.height]).toEqual([1300, 460]);
    for (const heading of ['Belief: predicted gold', 'Uncertainty (±1 sd)', 'Expected improvement']) expect(image.svg).toContain(heading);
    expect(image.altText).toMatch(/^Three maps of what Bayesian search believes after your digs \(5 digs\)/);
    expect(image.altText).toContain(`Expected improvement peaks at (${Math.round(belief.next.x)}, ${Math.round(belief.next.y)})`);
    expect(image.altText).toMatch(/Predicted gold is highest near \(\d+, \d+\)/);
  });

  it('belief maps after one dig: the prediction is that dig’s grams everywhere, with no place named as highest', () => {
    const one = [{ x: 20, y: 80, grams: 40 }];
    const belief = digBelief(one)!;
    const image = digBeliefMaps({ mean: belief.mean, uncertainty: belief.uncertainty, acquisition: belief.acquisition, digs: one.map((d) => ({ x: d.x, y: d.y, reading: d.grams })), next: belief.next });
    expect(image.altText).toContain('Predicted gold is the same everywhere, about 40.0 g: one dig cannot show where it rises.');
    expect(image.altText).not.toMatch(/highest near/);
  });

  it('the board map shows the digs and their grams on an empty map, and never the field', () => {
    const player = digPlayerRun(state);
    const image = digBoardMap({ digs: mapDigs(player) });
    const png = decodePng(image.png);
    expect([png.width, png.height]).toEqual([500, 500]);
    for (const colour of FIELD_COLOURS) expect(pixelsNear(png, colour, 6), colour).toBe(0);
    for (const d of player.digs) expect(image.svg).toContain(`${d.grams.toFixed(1)} g`);
    expect(image.altText).toContain('the hidden gold is not shown');

    // Another puzzle dug at the same spots with the same readings draws the very same picture.
    const other = digPlayerRun(played('another-field'));
    const sameReadings = other.digs.map((d, i) => ({ x: d.x, y: d.y, reading: player.digs[i]!.grams }));
    expect(digBoardMap({ digs: sameReadings }).png.equals(image.png)).toBe(true);
  });

  it('the board map before any dig says so', () => {
    expect(digBoardMapSvg({ digs: [] })).toContain('No digs yet');
    expect(digBoardMap({ digs: [] }).altText).toMatch(/no digs yet/);
  });

  it('is deterministic: the same game draws the same bytes', () => {
    const again = digRevealData(played('pictures'));
    const draw = (d: typeof data) => digRevealMap({ field: d.field, range, peak, searchers: searchers(d.runs) }).png;
    expect(draw(again).equals(draw(data))).toBe(true);
    expect(digBoardMap({ digs: mapDigs(again.runs.at(-1)!) }).png.equals(digBoardMap({ digs: mapDigs(data.runs.at(-1)!) }).png)).toBe(true);
  });
});

describe('the belief animation', () => {
  const state = played('animation');
  const bayes = digRevealData(state).runs.find((run) => run.name === 'bayes')!;
  const frames: MapAnimationFrame[] = digBeliefFrames(bayes, { bayesOpening: true }).map((frame) => ({
    mean: frame.belief.mean,
    acquisition: frame.belief.acquisition,
    digs: frame.digs.map((d) => ({ x: d.x, y: d.y, reading: d.grams })),
    ...(frame.next === undefined ? {} : { next: frame.next }),
  }));

  it('has one frame per dig, looping, holding the last', () => {
    const animation = mapAnimation(frames, { frameDelayMs: 1000, lastFrameHoldMs: 4000 });
    const gif = parseGif(animation.gif);
    expect(bayes.digs).toHaveLength(12);
    expect(gif.frames).toBe(12);
    expect(animation.frameCount).toBe(12);
    expect([gif.width, gif.height]).toEqual([870, 420]);
    expect(gif.loops).toBe(true);
    expect(gif.delays.at(-1)).toBe(400);
    expect(animation.altText).toContain('Animation in 12 frames');
    expect(animation.gif.length).toBeLessThan(2 * 1024 * 1024);
  }, 60_000);

  it('marks no next dig while the opening design placed it, and each frame adds one dig', () => {
    const svgs = mapAnimationSvgs(frames);
    expect(new Set(svgs).size).toBe(12);
    svgs.forEach((svg, k) => expect(svg).toContain(`dig ${k + 1} of 12`));
    expect(frames.slice(0, 3).every((f) => f.next === undefined)).toBe(true);
    expect(frames.slice(3, 11).every((f) => f.next !== undefined)).toBe(true);
    expect(frames[11]!.next).toBeUndefined();
    frames.forEach((f, k) => expect(f.digs).toHaveLength(k + 1));
  });
});
