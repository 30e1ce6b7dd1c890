/** The quiz questions' pictures: every kind draws, says what it shows, and is the same every time. */
import { describe, expect, it } from 'vitest';
import { CURVE_SHAPES, type QuestionPicture } from '../../src/content/quizzes.js';
import { questionPicture } from '../../src/learning/question-pictures.js';
import { lossCurvesChart } from '../../src/pictures/loss-curves-chart.js';
import { searchDotsChart } from '../../src/pictures/search-dots-chart.js';
import { seriesStyle } from '../../src/pictures/series-style.js';
import { decodePng, distinctColours, pixelsNear } from '../pictures/inspect.js';

describe('question pictures', () => {
  it('draws a strategy’s tries on the bake time axis, in order, the same every time', () => {
    const picture: QuestionPicture = { kind: 'search-dots', strategy: 'grid', game: 'bake', budget: 5 };
    const image = questionPicture(picture);
    expect(decodePng(image.png).width).toBe(900);
    expect(pixelsNear(decodePng(image.png), seriesStyle('grid').colour, 10)).toBeGreaterThan(200);
    // A grid of five over 5–25 minutes: evenly spaced times.
    expect(image.altText).toMatch(/^Grid search: 5 tries in order: 5 numbered dots, Bake time \(minutes\) across, try number down\./);
    expect(image.altText).toContain('5 minutes');
    expect(image.altText).toContain('25 minutes');
    // Drawn afresh by the chart code, not only served from the cache, it is byte for byte the same.
    const again = searchDotsChart({ title: 'x', x: { label: 'Bake time', low: 5, high: 25 }, tries: [{ x: 5 }, { x: 25 }] });
    const twice = searchDotsChart({ title: 'x', x: { label: 'Bake time', low: 5, high: 25 }, tries: [{ x: 5 }, { x: 25 }] });
    expect(again.png.equals(twice.png)).toBe(true);
  });

  it('draws a two-knob game on its first two knobs', () => {
    const image = questionPicture({ kind: 'search-dots', strategy: 'random', game: 'tune', budget: 4 });
    expect(image.altText).toContain('E2 peg (cents) across, A2 peg (cents) up');
    expect(image.altText.match(/\(-?\d+ cents, -?\d+ cents\)/g)).toHaveLength(4);
  });

  it.each(CURVE_SHAPES)('draws the %s learning curve', (shape) => {
    const image = questionPicture({ kind: 'learning-curve', shape });
    expect(distinctColours(decodePng(image.png))).toBeGreaterThan(30);
    expect(image.altText).toMatch(/^Loss after each epoch, over 20 epochs\. Training loss starts at/);
    // The title and words describe the lines, never name the shape the question asks about.
    expect(image.altText).not.toMatch(/too high|too low|just right|overfit/i);
    expect(image.altText.includes('Validation loss')).toBe(shape === 'overfitting');
  });

  it('shows the shapes it promises: overfitting’s validation loss turns up while training loss keeps falling', () => {
    const numbers = (text: string, label: string) => {
      const match = new RegExp(`${label} starts at ([\\d.]+), is lowest at ([\\d.]+) in epoch (\\d+), and ends at ([\\d.]*\\d)`).exec(text);
      return match!.slice(1).map(Number);
    };
    const over = questionPicture({ kind: 'learning-curve', shape: 'overfitting' }).altText;
    const [, , trainLowAt] = numbers(over, 'Training loss');
    const [, valLow, valLowAt, valEnd] = numbers(over, 'Validation loss');
    expect(trainLowAt).toBe(20);
    expect(valLowAt).toBeLessThan(15);
    expect(valEnd).toBeGreaterThan(valLow! * 1.5);
    const [slowStart, , , slowEnd] = numbers(questionPicture({ kind: 'learning-curve', shape: 'too-low' }).altText, 'Training loss');
    const [goodStart, , , goodEnd] = numbers(questionPicture({ kind: 'learning-curve', shape: 'just-right' }).altText, 'Training loss');
    expect(slowStart! - slowEnd!).toBeLessThan((goodStart! - goodEnd!) / 2);
    const [, highLow, , highEnd] = numbers(questionPicture({ kind: 'learning-curve', shape: 'too-high' }).altText, 'Training loss');
    expect(highEnd!).toBeGreaterThan(highLow! * 1.5);
  });

  it('labels loss curves from the data it is given', () => {
    const image = lossCurvesChart({ curves: [{ name: 'training', label: 'Training loss', losses: [3, 2, 1] }] });
    expect(image.altText).toBe('Loss after each epoch, over 3 epochs. Training loss starts at 3, is lowest at 1 in epoch 3, and ends at 1.');
  });
});
