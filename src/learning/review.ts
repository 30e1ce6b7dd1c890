/**
 * Spaced review with FSRS (ts-fsrs): each answer rates the question's card (wrong → Again, right → Good,
 * right and sure → Easy) and the scheduler says when to ask it again. Pure: the time is passed in, fuzz
 * is off (so the same answers give the same dates), and cards are stored as versioned JSON.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type Grade } from 'ts-fsrs';
import { z } from 'zod';

/**
 * One short step before a card graduates: a wrong answer comes back ten minutes later (in today's review),
 * a right one after days, spacing out with each right answer.
 */
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: true, learning_steps: ['10m'], relearning_steps: ['10m'] }));

export type ReviewGrade = 'again' | 'good' | 'easy';

const RATING: Readonly<Record<ReviewGrade, Grade>> = { again: Rating.Again, good: Rating.Good, easy: Rating.Easy };

export function gradeFor(right: boolean, sure = false): ReviewGrade {
  return right ? (sure ? 'easy' : 'good') : 'again';
}

/** A card as stored: ts-fsrs's card with dates as ISO text, under a format version. */
const storedCardSchema = z.object({
  v: z.literal(1),
  due: z.iso.datetime(),
  stability: z.number().finite(),
  difficulty: z.number().finite(),
  elapsedDays: z.number().finite(),
  scheduledDays: z.number().finite(),
  learningSteps: z.number().int(),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
  state: z.enum(State),
  lastReview: z.iso.datetime().optional(),
});
export type StoredCard = z.infer<typeof storedCardSchema>;

function toStored(card: Card): StoredCard {
  return {
    v: 1,
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review && { lastReview: card.last_review.toISOString() }),
  };
}

function fromStored(stored: StoredCard): Card {
  return {
    due: new Date(stored.due),
    stability: stored.stability,
    difficulty: stored.difficulty,
    elapsed_days: stored.elapsedDays,
    scheduled_days: stored.scheduledDays,
    learning_steps: stored.learningSteps,
    reps: stored.reps,
    lapses: stored.lapses,
    state: stored.state,
    ...(stored.lastReview && { last_review: new Date(stored.lastReview) }),
  };
}

/** A stored card read back; a row that does not parse starts over as a new card rather than failing an answer. */
export function parseStoredCard(value: unknown): StoredCard | undefined {
  const parsed = storedCardSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export interface Scheduled {
  readonly card: StoredCard;
  readonly due: Date;
}

/** The card after one answer at `now`; `previous` is the stored card, if the question was answered before. */
export function schedule(previous: unknown, grade: ReviewGrade, now: Date): Scheduled {
  const stored = previous === undefined ? undefined : parseStoredCard(previous);
  const card = stored ? fromStored(stored) : createEmptyCard(now);
  const next = scheduler.next(card, now, RATING[grade]).card;
  return { card: toStored(next), due: next.due };
}

/** Whether a card has been recalled: answered right at least once since it last went wrong, and out of learning. */
export function isRecalled(value: unknown): boolean {
  const stored = parseStoredCard(value);
  return stored !== undefined && stored.state === State.Review;
}

/** Reviews are "due today" until the end of the current UTC day, so a wrong answer is back in today's review. */
export function endOfReviewDay(now: Date): Date {
  const end = new Date(now);
  end.setUTCHours(23, 59, 59, 999);
  return end;
}
