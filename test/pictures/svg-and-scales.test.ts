import { describe, expect, it } from 'vitest';
import { altTextFrom } from '../../src/pictures/chart-image.js';
import { formatNumber, logScale, niceDomain, tickFormatter } from '../../src/pictures/scale.js';
import { KNOWN_SERIES, seriesStyle } from '../../src/pictures/series-style.js';
import { el, escapeXml, text } from '../../src/pictures/svg.js';

describe('svg builder', () => {
  it('escapes text and attribute values', () => {
    expect(escapeXml(`<b>&"'`)).toBe('&lt;b&gt;&amp;&quot;&apos;');
    expect(el('text', { 'data-name': 'a"b' }, [text('<b>&')])).toBe('<text data-name="a&quot;b">&lt;b&gt;&amp;</text>');
    expect(escapeXml('bell\u0007')).toBe('bell');
  });

  it('rounds numbers and refuses non-finite ones', () => {
    expect(el('circle', { cx: 1.23456, r: 2 })).toBe('<circle cx="1.23" r="2"/>');
    expect(() => el('circle', { cx: Number.NaN })).toThrow(RangeError);
  });
});

describe('scales', () => {
  it('picks nice ticks', () => {
    expect(niceDomain(31.3, 97, 5)).toEqual({ domain: [30, 100], ticks: [30, 40, 50, 60, 70, 80, 90, 100] });
    expect(niceDomain(0, 0.97, 4).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceDomain(5, 5).domain[0]).toBeLessThan(5);
  });

  it('puts log ticks at powers of ten', () => {
    expect(logScale(1000, [400, 0]).ticks).toEqual([1, 10, 100, 1000]);
    expect(logScale(1500, [400, 0]).ticks).toEqual([1, 10, 100, 1000, 10000]);
    const scale = logScale(1000, [300, 0]);
    expect(scale(10)).toBeCloseTo(200);
  });

  it('formats numbers as a reader writes them', () => {
    expect(formatNumber(96.04)).toBe('96');
    expect(formatNumber(0.15812)).toBe('0.158');
    expect(formatNumber(13, { decimals: 1 })).toBe('13.0');
    expect(formatNumber(10000, { decimals: 0 })).toBe('10,000');
    expect(tickFormatter([0, 0.5, 1])(1)).toBe('1.0');
  });
});

describe('series styles', () => {
  it('gives every known series its own colour', () => {
    const colours = KNOWN_SERIES.map((name) => seriesStyle(name).colour);
    expect(new Set(colours).size).toBe(KNOWN_SERIES.length);
  });

  it('keeps an unknown name’s look stable and lets labels be overridden', () => {
    expect(seriesStyle('mystery')).toEqual(seriesStyle('mystery'));
    expect(seriesStyle('mystery').label).toBe('mystery');
    expect(seriesStyle('bayes', 'Bayes').label).toBe('Bayes');
    expect(seriesStyle('bayes', 'Bayes').colour).toBe(seriesStyle('bayes').colour);
  });
});

describe('altTextFrom', () => {
  it('drops whole sentences past the limit', () => {
    expect(altTextFrom(['One.', 'Two two.', 'Three three three.'], 14)).toBe('One. Two two.');
  });
});
