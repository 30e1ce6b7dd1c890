/**
 * How a study group split across a question's answers: one horizontal bar per answer A–D with its count.
 * The right answer is told apart three ways (a darker blue fill, a thick outline and the word "right"),
 * so nobody needs to tell colours apart to read it. Plain data in, PNG and alt text out.
 */
import { altTextFrom, type ChartImage } from './chart-image.js';
import { FONT, INK, MUTED, title } from './chart-frame.js';
import { renderPng } from './render.js';
import { el, svgDocument, text } from './svg.js';

export interface AnswerSplitInput {
  /** Letters in board order, e.g. A–D. */
  readonly letters: readonly string[];
  /** How many chose each letter, in the same order. */
  readonly counts: readonly number[];
  /** Board position of the right answer. */
  readonly rightPosition: number;
}

const WIDTH = 700;
const ROW = 64;
const TOP = 64;
const LEFT = 70;
const BAR_SPACE = 470;
/** Okabe–Ito blue for the right answer, a light grey for the others: apart in every kind of colour vision. */
const RIGHT_FILL = '#0072B2';
const OTHER_FILL = '#c8c8c8';

export function answerSplitChartSvg(input: AnswerSplitInput): string {
  const most = Math.max(1, ...input.counts);
  const height = TOP + ROW * input.letters.length + 16;
  const rows = input.letters.flatMap((letter, i) => {
    const count = input.counts[i] ?? 0;
    const right = i === input.rightPosition;
    const y = TOP + i * ROW;
    const width = Math.max(count === 0 ? 0 : 6, (count / most) * BAR_SPACE);
    const label = `${count}${right ? '  ✓ right' : ''}`;
    return [
      el('text', { x: LEFT - 20, y: y + 34, 'text-anchor': 'end', 'font-size': FONT.axisTitle + 4, 'font-weight': 'bold', fill: INK }, [text(letter)]),
      el('rect', {
        x: LEFT,
        y: y + 10,
        width,
        height: ROW - 24,
        fill: right ? RIGHT_FILL : OTHER_FILL,
        stroke: right ? INK : 'none',
        'stroke-width': right ? 3 : 0,
      }),
      el('text', { x: LEFT + width + 12, y: y + 36, 'font-size': FONT.legend + 2, 'font-weight': right ? 'bold' : 'normal', fill: right ? INK : MUTED }, [text(label)]),
    ];
  });
  return svgDocument(WIDTH, height, [title('How the group answered', WIDTH, 36), ...rows]);
}

export function answerSplitChartAltText(input: AnswerSplitInput): string {
  const total = input.counts.reduce((sum, n) => sum + n, 0);
  const parts = input.letters.map((letter, i) => `${letter} ${input.counts[i] ?? 0}`);
  const rightLetter = input.letters[input.rightPosition] ?? '?';
  const rightCount = input.counts[input.rightPosition] ?? 0;
  return altTextFrom([
    `Bar chart of how the group answered: ${total === 1 ? '1 answer' : `${total} answers`}.`,
    `${parts.join(', ')}.`,
    `The right answer, ${rightLetter}, was chosen by ${rightCount} of ${total}.`,
  ]);
}

export function answerSplitChart(input: AnswerSplitInput): ChartImage {
  const svg = answerSplitChartSvg(input);
  return { png: renderPng(svg), altText: answerSplitChartAltText(input), svg };
}
