/**
 * Mastery per topic: one row per topic with three bars, read, quizzed and recalled, each from 0 to 100 %.
 * Plain data in, PNG and alt text out.
 */
import { altTextFrom, type ChartImage } from './chart-image.js';
import { FONT, GRID, INK, MUTED, title } from './chart-frame.js';
import { renderPng } from './render.js';
import { el, group, svgDocument, text, type Markup } from './svg.js';

export interface MasteryRow {
  readonly label: string;
  /** Each a fraction from 0 to 1. */
  readonly read: number;
  readonly quizzed: number;
  readonly recalled: number;
}

export interface MasteryChartInput {
  readonly title?: string;
  readonly rows: readonly MasteryRow[];
}

const BARS = [
  { key: 'read', label: 'Read', colour: '#E69F00' },
  { key: 'quizzed', label: 'Quizzed', colour: '#56B4E9' },
  { key: 'recalled', label: 'Recalled', colour: '#009E73' },
] as const;

const WIDTH = 900;
const ROW_HEIGHT = 54;
const LABEL_WIDTH = 300;
const BAR_HEIGHT = 12;
const TOP = 90;

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
const percent = (v: number) => `${Math.round(clamp01(v) * 100)}%`;

export function masteryChartSvg(input: MasteryChartInput): string {
  const height = TOP + Math.max(1, input.rows.length) * ROW_HEIGHT + 20;
  const left = LABEL_WIDTH;
  const barWidth = WIDTH - left - 90;
  const parts: Markup[] = [title(input.title ?? 'Your progress per topic', WIDTH)];
  BARS.forEach((bar, i) => {
    const x = left + i * 150;
    parts.push(el('rect', { x, y: 52, width: 22, height: BAR_HEIGHT, fill: bar.colour }));
    parts.push(el('text', { x: x + 30, y: 63, 'font-size': FONT.legend, fill: INK }, [text(bar.label)]));
  });
  input.rows.forEach((row, r) => {
    const y = TOP + r * ROW_HEIGHT;
    const label = row.label.length > 30 ? `${row.label.slice(0, 29)}…` : row.label;
    parts.push(el('text', { x: left - 12, y: y + 28, 'text-anchor': 'end', 'font-size': FONT.tick, fill: INK }, [text(label)]));
    BARS.forEach((bar, i) => {
      const by = y + 6 + i * (BAR_HEIGHT + 3);
      const value = clamp01(row[bar.key]);
      parts.push(el('rect', { x: left, y: by, width: barWidth, height: BAR_HEIGHT, fill: GRID }));
      if (value > 0) parts.push(el('rect', { x: left, y: by, width: barWidth * value, height: BAR_HEIGHT, fill: bar.colour }));
      parts.push(el('text', { x: left + barWidth + 8, y: by + 11, 'font-size': 13, fill: MUTED }, [text(percent(value))]));
    });
  });
  return svgDocument(WIDTH, height, [group({}, parts)]);
}

export function masteryAltText(input: MasteryChartInput): string {
  const sentences = [`${input.title ?? 'Your progress per topic'}: read, quizzed and recalled for ${input.rows.length} topics.`];
  for (const row of input.rows) sentences.push(`${row.label}: read ${percent(row.read)}, quizzed ${percent(row.quizzed)}, recalled ${percent(row.recalled)}.`);
  return altTextFrom(sentences);
}

export function masteryChart(input: MasteryChartInput): ChartImage {
  const svg = masteryChartSvg(input);
  return { png: renderPng(svg), altText: masteryAltText(input), svg };
}
