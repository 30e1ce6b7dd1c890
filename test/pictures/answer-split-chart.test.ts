/** The group quiz's split picture: readable without colour, and alt text that says what it shows. */
import { describe, expect, it } from 'vitest';
import { answerSplitChart, answerSplitChartAltText, answerSplitChartSvg } from '../../src/pictures/answer-split-chart.js';

const input = { letters: ['A', 'B', 'C', 'D'], counts: [1, 0, 3, 2], rightPosition: 2 };

describe('the answer split picture', () => {
  it('marks the right answer in words and by outline, not by colour alone, and labels every bar with its count', () => {
    const svg = answerSplitChartSvg(input);
    expect(svg.match(/✓ right/g)).toHaveLength(1);
    expect(svg).toContain('>3  ✓ right<');
    for (const label of ['>1<', '>0<', '>2<']) expect(svg).toContain(label);
    expect(svg.match(/stroke-width="3"/g)).toHaveLength(1);
  });

  it('describes the counts and the right answer in its alt text', () => {
    expect(answerSplitChartAltText(input)).toBe(
      'Bar chart of how the group answered: 6 answers. A 1, B 0, C 3, D 2. The right answer, C, was chosen by 3 of 6.',
    );
    expect(answerSplitChartAltText({ ...input, counts: [0, 1, 0, 0] })).toContain('1 answer.');
  });

  it('renders a PNG', () => {
    const image = answerSplitChart(input);
    expect(image.png.subarray(1, 4).toString()).toBe('PNG');
  });
});
