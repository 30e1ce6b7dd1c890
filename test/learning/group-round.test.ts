import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../src/content/quizzes.js';
import { REPO_ROOT } from '../e2e/harness.js';
import {
  answerDecision,
  answerSplit,
  closeQuestion,
  closeReason,
  joinDecision,
  MAX_ROUND_PLAYERS,
  newGroupRound,
  nextRoundQuestion,
  pickRoundQuestions,
  roundOptionOrder,
  scoreboard,
  startRound,
  type RoundAnswer,
  type RoundPlayer,
} from '../../src/learning/group-round.js';

const ROUND = 'Rq9dE5gH9k';
const t0 = new Date('2026-12-03T20:00:00Z');
const seconds = (n: number) => new Date(t0.getTime() + n * 1000);
const ana: RoundPlayer = { userId: '1', name: 'Ana' };
const ben: RoundPlayer = { userId: '2', name: 'Ben' };
const cy: RoundPlayer = { userId: '3', name: 'Cy' };
const lobby = newGroupRound(ana.userId, ['q-one', 'q-two'], 2, null, 45);
const asking = startRound(lobby, t0);
/** The board position that shows the answer written at `index` (0 is the right one). */
const positionOf = (index: number, question = 'q-one') => roundOptionOrder(ROUND, question).indexOf(index);

describe('a group quiz round', () => {
  it('lets anyone join once, until it is full or finished', () => {
    expect(joinDecision(lobby, [ana], ben.userId)).toBe('joined');
    expect(joinDecision(lobby, [ana, ben], ben.userId)).toBe('already');
    const crowd = Array.from({ length: MAX_ROUND_PLAYERS }, (_, i) => ({ userId: `p${i}`, name: `P${i}` }));
    expect(joinDecision(lobby, crowd, ben.userId)).toBe('full');
    expect(joinDecision({ ...lobby, phase: 'finished' }, [ana], ben.userId)).toBe('finished');
  });

  it('starts the first question with its own clock', () => {
    expect(asking).toMatchObject({ phase: 'asking', position: 0, closesAt: seconds(45).toISOString() });
    expect(() => startRound(asking, t0)).toThrow(RangeError);
  });

  it('shows everyone the answers in the same order, and turns a position back into the answer as written', () => {
    const order = roundOptionOrder(ROUND, 'q-one');
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    expect(roundOptionOrder(ROUND, 'q-one')).toEqual(order);
    const decision = answerDecision(ROUND, asking, [ana], [], { userId: ben.userId, questionIndex: 0, position: positionOf(0) }, seconds(3));
    expect(decision).toEqual({ kind: 'accept', chosen: 0, right: true, joins: true });
    const wrong = answerDecision(ROUND, asking, [ana], [], { userId: ana.userId, questionIndex: 0, position: positionOf(2) }, seconds(3));
    expect(wrong).toEqual({ kind: 'accept', chosen: 2, right: false, joins: false });
  });

  it('keeps a person’s first answer: a second click is refused with the answer that counts', () => {
    const answers: RoundAnswer[] = [{ userId: ana.userId, questionIndex: 0, chosen: 2, right: false }];
    expect(answerDecision(ROUND, asking, [ana], answers, { userId: ana.userId, questionIndex: 0, position: positionOf(0) }, seconds(4))).toEqual({ kind: 'already', chosen: 2 });
  });

  it('refuses answers to a question that is not taking them: in the lobby, after its time, or an earlier one', () => {
    const click = { userId: ana.userId, questionIndex: 0, position: 1 };
    expect(answerDecision(ROUND, lobby, [ana], [], click, t0)).toEqual({ kind: 'closed' });
    expect(answerDecision(ROUND, asking, [ana], [], click, seconds(45))).toEqual({ kind: 'closed' });
    const second = nextRoundQuestion(closeQuestion(asking, 'time'), seconds(50));
    expect(answerDecision(ROUND, second, [ana], [], click, seconds(51))).toEqual({ kind: 'closed' });
  });

  it('refuses a newcomer once the round is full', () => {
    const crowd = Array.from({ length: MAX_ROUND_PLAYERS }, (_, i) => ({ userId: `p${i}`, name: `P${i}` }));
    expect(answerDecision(ROUND, asking, crowd, [], { userId: ben.userId, questionIndex: 0, position: 0 }, seconds(1))).toEqual({ kind: 'full' });
  });

  it('closes a question when its time is up, or as soon as everyone who joined has answered', () => {
    const players = [ana, ben, cy];
    const two: RoundAnswer[] = [
      { userId: ana.userId, questionIndex: 0, chosen: 0, right: true },
      { userId: ben.userId, questionIndex: 0, chosen: 1, right: false },
    ];
    expect(closeReason(asking, players, two, seconds(44))).toBeUndefined();
    expect(closeReason(asking, players, two, seconds(45))).toBe('time');
    const three = [...two, { userId: cy.userId, questionIndex: 0, chosen: 0, right: true }];
    expect(closeReason(asking, players, three, seconds(10))).toBe('everyone');
    expect(closeReason(lobby, players, three, seconds(10))).toBeUndefined();
    // Answers to an earlier question do not count for the one on the board.
    const second = nextRoundQuestion(closeQuestion(asking, 'everyone'), seconds(10));
    expect(closeReason(second, players, three, seconds(11))).toBeUndefined();
  });

  it('moves on from a closed question to the next, then to the scoreboard', () => {
    const closed = closeQuestion(asking, 'time');
    expect(closed).toMatchObject({ phase: 'closed', closesAt: null, closedBy: 'time' });
    expect(() => nextRoundQuestion(asking, seconds(1))).toThrow(RangeError);
    const second = nextRoundQuestion(closed, seconds(60));
    expect(second).toMatchObject({ phase: 'asking', position: 1, closesAt: seconds(105).toISOString() });
    expect(nextRoundQuestion(closeQuestion(second, 'everyone'), seconds(70))).toMatchObject({ phase: 'finished', position: 2, closesAt: null });
  });

  it('counts how the group split across the answers of one question', () => {
    const answers: RoundAnswer[] = [
      { userId: ana.userId, questionIndex: 0, chosen: 0, right: true },
      { userId: ben.userId, questionIndex: 0, chosen: 3, right: false },
      { userId: cy.userId, questionIndex: 0, chosen: 3, right: false },
      { userId: cy.userId, questionIndex: 1, chosen: 1, right: false },
    ];
    expect(answerSplit(answers, 0)).toEqual([1, 0, 0, 2]);
    expect(answerSplit(answers, 1)).toEqual([0, 1, 0, 0]);
  });

  it('ranks the scoreboard by right answers, ties sharing a rank in the order people joined', () => {
    const answers: RoundAnswer[] = [
      { userId: ana.userId, questionIndex: 0, chosen: 1, right: false },
      { userId: ben.userId, questionIndex: 0, chosen: 0, right: true },
      { userId: cy.userId, questionIndex: 0, chosen: 0, right: true },
      { userId: cy.userId, questionIndex: 1, chosen: 2, right: false },
    ];
    expect(scoreboard([ana, ben, cy], answers)).toEqual([
      { userId: ben.userId, name: 'Ben', right: 1, answered: 1, rank: 1 },
      { userId: cy.userId, name: 'Cy', right: 1, answered: 2, rank: 1 },
      { userId: ana.userId, name: 'Ana', right: 0, answered: 1, rank: 3 },
    ]);
  });
});

describe('picking a round’s questions', () => {
  const topics = new Set(readdirSync(join(REPO_ROOT, 'content/topics')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)));
  const bank = loadQuestionBank(topics);

  it('is seeded, keeps to the topic, and takes the level first, then the nearest levels', () => {
    const picked = pickRoundQuestions(bank, { seed: 's1', level: 1, topic: 'hyperparameters', count: 5 });
    expect(pickRoundQuestions(bank, { seed: 's1', level: 1, topic: 'hyperparameters', count: 5 })).toEqual(picked);
    expect(picked).toHaveLength(5);
    expect(new Set(picked.map((q) => q.id)).size).toBe(5);
    expect(picked.every((q) => q.topic === 'hyperparameters')).toBe(true);
    const atLevel = bank.forTopic('hyperparameters').filter((q) => q.level === 1).length;
    expect(picked.slice(0, atLevel).every((q) => q.level === 1)).toBe(true);
    expect(picked.slice(atLevel).every((q) => q.level === 2)).toBe(true);
  });
});
