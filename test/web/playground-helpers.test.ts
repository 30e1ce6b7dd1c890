/**
 * The playground's pure helpers: field ↔ pixel on a map picture, the keyboard cursor's steps, which games
 * get a map, any game's reading in its own words, and the 2-D belief (the very maps Discord's dig reveal
 * draws, read through src/search/belief-map.ts).
 */
import { describe, expect, it } from 'vitest';
import { digBelief, DIG_MAP_CELLS } from '../../src/games/dig-reveal.js';
import { digObjective } from '../../src/games/dig.js';
import { GAMES } from '../../src/games/index.js';
import { GAME_IDS } from '../../src/games/types.js';
import type { Trial } from '../../src/search/types.js';
import { beliefMaps } from '../../web/src/belief.js';
import { fieldToPixel, keyStep, mapAxesOf, moveCursor, pixelToField, snapToAxis, spotText, type MapFrame } from '../../web/src/map-coordinates.js';
import { readingLabel, readingRange, readingText } from '../../web/src/reading-words.js';

const METRES = { min: 0, max: 100, step: 1 };
const FRAME: MapFrame = { left: 40, top: 20, width: 200, height: 200, x: METRES, y: METRES };

describe('map coordinates', () => {
  it('draws the south-west corner bottom left and the north-east corner top right (y grows north)', () => {
    expect(fieldToPixel(FRAME, { x: 0, y: 0 })).toEqual({ px: 40, py: 220 });
    expect(fieldToPixel(FRAME, { x: 100, y: 100 })).toEqual({ px: 240, py: 20 });
    expect(fieldToPixel(FRAME, { x: 25, y: 75 })).toEqual({ px: 90, py: 70 });
  });

  it('reads a pixel back as the whole-metre spot under it, and every spot survives the round trip', () => {
    expect(pixelToField(FRAME, 90, 70)).toEqual({ x: 25, y: 75 });
    expect(pixelToField(FRAME, 90.9, 70.9)).toEqual({ x: 25, y: 75 });
    expect(pixelToField(FRAME, 91.1, 68.9)).toEqual({ x: 26, y: 76 });
    for (const x of [0, 1, 37, 99, 100]) {
      for (const y of [0, 50, 100]) {
        const { px, py } = fieldToPixel(FRAME, { x, y });
        expect(pixelToField(FRAME, px, py)).toEqual({ x, y });
      }
    }
  });

  it('finds nothing outside the plotted square (the axes and their labels dig nowhere)', () => {
    expect(pixelToField(FRAME, 39, 100)).toBeUndefined();
    expect(pixelToField(FRAME, 100, 221)).toBeUndefined();
    expect(pixelToField(FRAME, 241, 19)).toBeUndefined();
    expect(pixelToField(FRAME, Number.NaN, 50)).toBeUndefined();
  });

  it('snaps to the axis steps and keeps inside the range, stepless axes only clamped', () => {
    expect(snapToAxis(METRES, 12.4)).toBe(12);
    expect(snapToAxis(METRES, 12.6)).toBe(13);
    expect(snapToAxis(METRES, -3)).toBe(0);
    expect(snapToAxis(METRES, 140)).toBe(100);
    expect(snapToAxis({ min: 0, max: 1, step: 0.3 }, 1)).toBe(0.9);
    expect(snapToAxis({ min: 0, max: 1 }, 0.123)).toBe(0.123);
  });

  it('moves the cursor a step per arrow and ten with Shift, north up, stopping at the edges', () => {
    expect(keyStep(METRES, false)).toBe(1);
    expect(keyStep(METRES, true)).toBe(10);
    expect(moveCursor(FRAME, { x: 50, y: 50 }, 'ArrowRight', false)).toEqual({ x: 51, y: 50 });
    expect(moveCursor(FRAME, { x: 50, y: 50 }, 'ArrowUp', true)).toEqual({ x: 50, y: 60 });
    expect(moveCursor(FRAME, { x: 50, y: 50 }, 'ArrowDown', false)).toEqual({ x: 50, y: 49 });
    expect(moveCursor(FRAME, { x: 3, y: 98 }, 'ArrowLeft', true)).toEqual({ x: 0, y: 98 });
    expect(moveCursor(FRAME, { x: 3, y: 98 }, 'ArrowUp', true)).toEqual({ x: 3, y: 100 });
    expect(moveCursor(FRAME, { x: 3, y: 98 }, 'Enter', false)).toBeUndefined();
  });

  it('gives a map to a game whose move is two numbers (dig), and to no other', () => {
    const axes = mapAxesOf(GAMES.dig.moveFields('normal'));
    expect(axes).toEqual({
      x: { name: 'x', label: 'x (metres east)', unit: 'm', min: 0, max: 100, step: 1 },
      y: { name: 'y', label: 'y (metres north)', unit: 'm', min: 0, max: 100, step: 1 },
    });
    for (const game of GAME_IDS.filter((id) => id !== 'dig')) expect(mapAxesOf(GAMES[game].moveFields(GAMES[game].defaultDifficulty)), game).toBeUndefined();
  });

  it('names a field point by the nearest spot a dig can take, in the axes’ units', () => {
    const axes = mapAxesOf(GAMES.dig.moveFields('normal'))!;
    expect(spotText(axes.x, axes.y, { x: 41.25, y: 61.6 })).toBe('x 41 m, y 62 m');
    expect(spotText(axes.x, axes.y, { x: 100.4, y: -0.2 })).toBe('x 100 m, y 0 m');
    expect(spotText({ ...axes.x, unit: '' }, axes.y, { x: 3, y: 4 })).toBe('x 3, y 4 m');
  });
});

describe('readings in each game’s own words', () => {
  it('names the reading and its unit from the rules', () => {
    expect(readingText(GAMES.dig, 23.4)).toBe('gold 23.4 g');
    expect(readingText(GAMES.bake, 82)).toBe('taste 82');
    expect(readingText(GAMES.train, 87.5)).toBe('held-out accuracy 87.5%');
    expect(readingText(GAMES.dig, null)).toBe('failed');
    expect(readingLabel(GAMES.dig)).toBe('gold (g)');
    expect(readingLabel(GAMES.bake)).toBe('taste');
  });

  it('spans a chart over the game’s fixed range, or from zero to a round number above the readings', () => {
    expect(readingRange(GAMES.bake, [12, null])).toEqual([0, 100]);
    expect(readingRange(GAMES.dig, [])).toEqual([0, 10]);
    expect(readingRange(GAMES.dig, [23.4, null, 51])).toEqual([0, 60]);
    expect(readingRange(GAMES.dig, [8])).toEqual([0, 10]);
  });

  it('gives every game a reading scale whose spread is positive', () => {
    for (const game of GAME_IDS) expect(GAMES[game].readingScale.spread, game).toBeGreaterThan(0);
  });
});

describe('the belief maps of a 2-D game', () => {
  const digs = [
    { x: 10, y: 20, grams: 4.2 },
    { x: 60, y: 55, grams: 31.5 },
    { x: 85, y: 90, grams: 12 },
  ];
  const trials: Trial[] = digs.map((d, index) => ({ index, params: { x: d.x, y: d.y }, state: 'complete', value: d.grams }));

  it('is nothing before the first completed dig', () => {
    expect(beliefMaps(digObjective('maps-1', 'normal'), [], GAMES.dig.readingScale.spread)).toBeUndefined();
  });

  it('is the belief Discord’s dig reveal draws: the same mean, uncertainty and next dig', () => {
    const maps = beliefMaps(digObjective('maps-1', 'normal'), trials, GAMES.dig.readingScale.spread)!;
    const reveal = digBelief(digs)!;
    expect(maps.xs.length).toBe(DIG_MAP_CELLS);
    expect(maps.ys.length).toBe(DIG_MAP_CELLS);
    expect(Array.from(maps.mean)).toEqual(Array.from(reveal.mean.values));
    expect(Array.from(maps.sd)).toEqual(Array.from(reveal.uncertainty.values));
    expect(Array.from(maps.expectedImprovement)).toEqual(Array.from(reveal.acquisition.values));
    expect(maps.peak).toEqual(reveal.next);
  });

  it('peaks where the expected improvement is largest, and the belief is surest beside a dig', () => {
    const maps = beliefMaps(digObjective('maps-1', 'normal'), trials, GAMES.dig.readingScale.spread)!;
    const columns = maps.xs.length;
    const at = maps.xs.indexOf(maps.peak.x) + columns * maps.ys.indexOf(maps.peak.y);
    expect(maps.expectedImprovement[at]).toBe(Math.max(...maps.expectedImprovement));
    const cellOf = (x: number, y: number) => Math.floor(x / 2.5) + columns * Math.floor(y / 2.5);
    expect(maps.sd[cellOf(60, 55)]!).toBeLessThan(maps.sd[cellOf(5, 95)]!);
    for (const sd of maps.sd) expect(Number.isFinite(sd)).toBe(true);
  });
});
