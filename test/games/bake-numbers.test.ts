/**
 * The numbers on one screen agree: the board, the reveal's words and table, and "Why?" use one meaning
 * of "best", "perfect" and the score (issue 9, items 9 and 11). Boards are built from a real stored
 * record of a real game, exactly as the command layer reads one back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { boardMessage } from '../../commands/play/board.js';
import { revealView, whyExplanation } from '../../commands/play/reveal-view.js';
import { viewOf } from '../../commands/play/session.js';
import type { SessionState } from '../../src/play/session-state.js';
import { loadTopicLibrary, type TopicLibrary } from '../../src/content/library.js';
import { bake, bakeRulesText, type BakeReveal, type BakeState } from '../../src/games/bake.js';
import { reveal } from '../../src/games/reveal.js';
import type { GameRecord } from '../../src/storage/types.js';

function played(seed: string, difficulty: string, times: readonly number[]): BakeState {
  let state = bake.start({ seed, difficulty });
  for (const minutes of times) if (state.status === 'playing') state = bake.play(state, { minutes }).state;
  return state;
}

function boardOf(state: BakeState) {
  const session: SessionState = { version: 1, game: state };
  const now = new Date('2026-12-03T17:00:00Z');
  const record: GameRecord = {
    id: 'g1',
    game: 'bake',
    mode: 'solo',
    ownerId: '1',
    guildId: null,
    channelId: null,
    messageId: null,
    seed: state.seed,
    difficulty: state.difficulty,
    state: JSON.parse(JSON.stringify(session)) as unknown,
    version: state.history.length,
    status: state.status === 'playing' ? 'active' : 'finished',
    score: null,
    createdAt: now,
    updatedAt: now,
    finishedAt: state.status === 'playing' ? null : now,
  };
  return boardMessage(viewOf(record)).embeds![0]!;
}

describe('bake: one meaning of best, perfect and taste', () => {
  // The reported game: 17 min tasted 100 and was perfect; the best time, 17.5, tastes 98 in this oven.
  const state = played('maple-42', 'normal', [10, 20, 15, 17]);
  const board = boardOf(state);
  const numbers = reveal(state) as BakeReveal;
  const view = revealView(state, numbers);
  const answer = view.fields[0]!.value;

  it('is the game the issue reported', () => {
    expect(state.status).toBe('won');
    expect(numbers.game === 'bake' && numbers.extras.bestTime).toBe(17.5);
    expect(numbers.game === 'bake' && numbers.extras.ovenTastes.find((p) => p.x === 17.5)?.y).toBe(98);
  });

  it('states the rules on the board: what perfect is and how far the oven wobbles', () => {
    expect(bakeRulesText('normal')).toBe(
      "A bake within 0.5 minutes of the best time is perfect and wins. The oven wobbles: a taste can be up to 8 points above or below the cake's true taste.",
    );
    expect(board.description).toContain(bakeRulesText('normal'));
    expect(board.description).toContain('17 min → tastes **100** (perfect)');
    expect(board.fields!.find((f) => f.name === 'Best so far')?.value).toBe('100');
  });

  it('says in the reveal the same best bake as the board and the table, why it is perfect, and why it beat the best time', () => {
    expect(answer).toContain("Grandma's best time was **17.5 minutes**, the top of the true taste curve; this oven's wobble makes a bake there taste **98**.");
    expect(answer).toContain('Your best bake tasted **100**, at 17 minutes (0.5 minutes short; perfect: within 0.5 minutes of the best time).');
    expect(answer).toContain('the oven wobbles by up to 8 points; perfect goes by time, not taste');
    expect(numbers.player.best).toBe(100);
    expect(view.fields[1]!.value).toMatch(/^You +100 +4 /m);
  });

  it('calls a winning bake a minute short perfect on easy, where a minute is allowed', () => {
    const easy = played('maple-42', 'easy', [10, 20, 15, 16.5]);
    expect(easy.status).toBe('won');
    expect(revealView(easy).fields[0]!.value).toContain('(1 minute short; perfect: within 1 minute of the best time)');
  });

  it('says when the best-tasting bake was not perfect, and what perfect needs', () => {
    const missed = played('maple-42', 'hard', [10, 20, 15, 17, 19, 12, 8, 22]);
    expect(missed.status).toBe('spent');
    expect(revealView(missed).fields[0]!.value).toMatch(/not perfect: that needs exactly the best time\)/);
  });
});

describe('what Score X/100 means, where it is shown', () => {
  let topics: TopicLibrary;
  beforeAll(() => {
    topics = loadTopicLibrary();
  });

  it('explains a win’s score on the board and in "Why?"', () => {
    const won = played('maple-42', 'normal', [10, 20, 15, 17]);
    const sentence = 'Score 79/100: solved on bake 4 of 8; a win scores 100 on the first bake, down to 50 on the last.';
    expect(bake.outcome(won).score).toBe(79);
    expect(boardOf(won).description).toContain(`**Solved in 4 bakes!** ${sentence}`);
    expect(whyExplanation(won, 3, topics).description).toContain(sentence);
  });

  it('explains a score without a win as half the best taste', () => {
    const spent = played('maple-42', 'hard', [10, 20, 15, 17, 19, 12, 8, 22]);
    const outcome = bake.outcome(spent);
    expect(boardOf(spent).description).toContain(
      `Score ${outcome.score}/100: not solved, so half your best taste (${outcome.best}); a win scores 50 to 100.`,
    );
  });

  it('shows the oven’s wobble in "Why?" at levels 1–3 too, not only to experts', () => {
    const won = played('maple-42', 'normal', [10, 20, 15, 17]);
    for (const level of [1, 2, 3] as const) expect(whyExplanation(won, level, topics).description, `level ${level}`).toMatch(/wobble/);
  });
});
