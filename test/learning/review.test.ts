/** FSRS scheduling through a fixed clock: wrong answers come back soon, right ones later and later. */
import { describe, expect, it } from 'vitest';
import { endOfReviewDay, gradeFor, isRecalled, parseStoredCard, schedule, type StoredCard } from '../../src/learning/review.js';

const start = new Date('2026-12-01T09:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const after = (from: Date, to: Date) => to.getTime() - from.getTime();

/** Answers in turn, each at the moment the previous one fell due; the gaps between answer and due date. */
function play(answers: readonly boolean[]): { gaps: number[]; card: StoredCard } {
  let card: StoredCard | undefined;
  let now = start;
  const gaps: number[] = [];
  for (const right of answers) {
    const next = schedule(card, gradeFor(right), now);
    gaps.push(after(now, next.due));
    card = next.card;
    now = next.due;
  }
  return { gaps, card: card! };
}

describe('review scheduling', () => {
  it('rates answers: wrong is Again, right is Good, right and sure is Easy', () => {
    expect(gradeFor(false)).toBe('again');
    expect(gradeFor(false, true)).toBe('again');
    expect(gradeFor(true)).toBe('good');
    expect(gradeFor(true, true)).toBe('easy');
  });

  it('brings a wrong answer back within the day, and the same review day', () => {
    const { due } = schedule(undefined, 'again', start);
    expect(after(start, due)).toBeGreaterThan(0);
    expect(after(start, due)).toBeLessThanOrEqual(DAY);
    expect(due.getTime()).toBeLessThanOrEqual(endOfReviewDay(start).getTime());
  });

  it('brings a right answer back later than a wrong one, and a sure one later still', () => {
    const wrong = after(start, schedule(undefined, 'again', start).due);
    const right = after(start, schedule(undefined, 'good', start).due);
    const sure = after(start, schedule(undefined, 'easy', start).due);
    expect(right).toBeGreaterThan(wrong);
    expect(right).toBeGreaterThanOrEqual(DAY);
    expect(sure).toBeGreaterThan(right);
  });

  it('spaces out a string of right answers', () => {
    const { gaps, card } = play([true, true, true, true, true]);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!, `gap ${i}`).toBeGreaterThan(gaps[i - 1]!);
    expect(gaps.at(-1)!).toBeGreaterThan(30 * DAY);
    expect(isRecalled(card)).toBe(true);
  });

  it('brings a forgotten card back soon, however long it had been spaced out', () => {
    const { card } = play([true, true, true]);
    const lapse = schedule(card, 'again', new Date(card.due));
    expect(after(new Date(card.due), lapse.due)).toBeLessThanOrEqual(DAY);
    expect(isRecalled(lapse.card)).toBe(false);
  });

  it('is deterministic: the same answers at the same times give the same cards', () => {
    expect(play([true, false, true, true])).toEqual(play([true, false, true, true]));
  });

  it('survives a JSON round trip, and starts over on a card that does not parse', () => {
    const { card } = play([true, true]);
    const stored = JSON.parse(JSON.stringify(card)) as unknown;
    expect(parseStoredCard(stored)).toEqual(card);
    expect(schedule(stored, 'good', new Date(card.due))).toEqual(schedule(card, 'good', new Date(card.due)));
    expect(parseStoredCard({ v: 2 })).toBeUndefined();
    expect(schedule({ garbage: true }, 'good', start)).toEqual(schedule(undefined, 'good', start));
  });

  it('ends the review day at midnight UTC', () => {
    expect(endOfReviewDay(new Date('2026-12-01T23:59:00Z')).toISOString()).toBe('2026-12-01T23:59:59.999Z');
    expect(endOfReviewDay(new Date('2026-12-02T00:00:00Z')).toISOString()).toBe('2026-12-02T23:59:59.999Z');
  });
});
