/**
 * The series palette, shared by Discord's pictures and the playground's web charts, meets WCAG's 3:1
 * contrast for graphics against the white chart background, and tells series apart without colour.
 */
import { describe, expect, it } from 'vitest';
import { contrastRatio, rgbOfHex } from '../../src/pictures/palette.js';
import { BELIEF_COLOUR, HIGHLIGHT_COLOUR, KNOWN_SERIES, seriesStyle, TRUE_CURVE_COLOUR } from '../../src/pictures/series-style.js';

const WHITE = rgbOfHex('#ffffff');

describe('WCAG contrast', () => {
  it('matches the ratios WCAG publishes', () => {
    expect(contrastRatio(rgbOfHex('#000000'), WHITE)).toBeCloseTo(21, 6);
    expect(contrastRatio(WHITE, WHITE)).toBe(1);
    // #767676 is the lightest grey with 4.5:1 on white, #777777 just misses it.
    expect(contrastRatio(rgbOfHex('#767676'), WHITE)).toBeGreaterThan(4.5);
    expect(contrastRatio(rgbOfHex('#777777'), WHITE)).toBeLessThan(4.5);
    expect(contrastRatio(WHITE, rgbOfHex('#0072B2'))).toBeCloseTo(contrastRatio(rgbOfHex('#0072B2'), WHITE), 12);
  });
});

describe('the series palette', () => {
  const unknown = ['mystery', 'sobol', 'cma-es', 'hill-climb', 'anneal', 'x', 'y', 'z'];

  it('gives every series, known or not, and the belief colours 3:1 against the white background', () => {
    for (const name of [...KNOWN_SERIES, ...unknown]) {
      const { colour } = seriesStyle(name);
      expect(contrastRatio(rgbOfHex(colour), WHITE), `${name} ${colour}`).toBeGreaterThanOrEqual(3);
    }
    for (const colour of [BELIEF_COLOUR, HIGHLIGHT_COLOUR, TRUE_CURVE_COLOUR]) expect(contrastRatio(rgbOfHex(colour), WHITE), colour).toBeGreaterThanOrEqual(3);
  });

  it('gives every known series its own marker and dash pair, so colour is never the only difference', () => {
    const looks = KNOWN_SERIES.map((name) => `${seriesStyle(name).marker}/${seriesStyle(name).dash}`);
    expect(new Set(looks).size).toBe(KNOWN_SERIES.length);
    expect(new Set(KNOWN_SERIES.map((name) => seriesStyle(name).dash)).size).toBe(KNOWN_SERIES.length);
  });
});
