/**
 * The session machine's mode rules, straight on `step`: no storage, no Discord, no command layer.
 * Solo play, group rounds (join, per-player budget, host end, time up, budgets spent, target), races
 * (the optimiser's reply, one finish line for both, ties) and give-up, with the events each one emits.
 */
import { describe, expect, it } from 'vitest';
import { bake, bestBakeTime, type BakeState } from '../../src/games/bake.js';
import { lock } from '../../src/games/lock.js';
import { tune } from '../../src/games/tune.js';
import type { GameState } from '../../src/games/types.js';
import { optimiserBudget } from '../../src/play/race.js';
import type { SessionState } from '../../src/play/session-state.js';
import { FORMER_PLAYER_PREFIX, newSession, step, type PlayAction, type PlayEvent, type PlaySession } from '../../src/play/step.js';

const NOW = new Date('2026-12-03T12:00:00Z');
const LATER = new Date(NOW.getTime() + 11 * 60_000);
const ann = { id: '100000000000000001', name: 'Ann' };
const bob = { id: '100000000000000002', name: 'Bob' };
const cat = { id: '100000000000000003', name: 'Cat' };

/** A bake time far from the best, so it never wins by accident. */
function farFrom(seed: string): number {
  return bestBakeTime(seed) > 15 ? 5 : 25;
}

function session(game: GameState<unknown, unknown>, mode: 'solo' | 'group' | 'race', ownerId = ann.id): PlaySession {
  return { ownerId, state: newSession(game, mode, { hostId: ownerId, now: NOW }) };
}

const bakeAt = (by: typeof ann, minutes: number): PlayAction => ({ kind: 'move', by, input: { minutes: String(minutes) } });

/** Plays actions in order, each on the session the last one left; returns the last result and all events. */
function playAll(start: PlaySession, actions: readonly PlayAction[], now = NOW): { session: PlaySession; events: PlayEvent[]; last: readonly PlayEvent[] } {
  let current = start;
  const events: PlayEvent[] = [];
  let last: readonly PlayEvent[] = [];
  for (const action of actions) {
    const result = step(current, action, now);
    current = result.session;
    events.push(...result.events);
    last = result.events;
  }
  return { session: current, events, last };
}

const types = (events: readonly PlayEvent[]) => events.map((e) => e.type);

describe('solo play', () => {
  it('makes a move and says so', () => {
    const start = session(bake.start({ seed: 'step-1' }), 'solo');
    const { session: after, events } = step(start, bakeAt(ann, farFrom('step-1')), NOW);
    expect(events).toEqual([{ type: 'moved', by: ann.id, moveIndex: 0 }]);
    expect(after.state.game.history).toHaveLength(1);
    expect(after.state.version).toBe(1);
    expect(start.state.game.history).toHaveLength(0);
  });

  it('refuses someone else, a malformed move and a finished game, changing nothing', () => {
    const start = session(bake.start({ seed: 'step-2' }), 'solo');
    const stranger = step(start, bakeAt(bob, 10), NOW);
    expect(stranger.events).toEqual([{ type: 'refused', refusal: { code: 'not-yours' } }]);
    expect(stranger.session).toBe(start);

    const malformed = step(start, bakeAt(ann, 99), NOW);
    const refusal = malformed.events[0];
    expect(refusal?.type === 'refused' && refusal.refusal.code).toBe('invalid-move');
    expect(refusal?.type === 'refused' && refusal.refusal.code === 'invalid-move' && refusal.refusal.field).toBe('minutes');
    expect(malformed.session).toBe(start);

    const over = step(start, { kind: 'give-up', by: ann }, NOW).session;
    expect(step(over, bakeAt(ann, 10), NOW).events).toEqual([{ type: 'refused', refusal: { code: 'game-over' } }]);
  });

  it('ends on the target with a won result', () => {
    const seed = 'step-3';
    const { last, session: after } = playAll(session(bake.start({ seed }), 'solo'), [bakeAt(ann, farFrom(seed)), bakeAt(ann, bestBakeTime(seed))]);
    expect(types(last)).toEqual(['moved', 'ended', 'result']);
    expect(last[1]).toEqual({ type: 'ended', by: 'target' });
    expect(last[2]).toMatchObject({ type: 'result', userId: ann.id, won: true, moves: 2 });
    expect(after.state.game.status).toBe('won');
  });

  it('ends when the budget runs out, and a give-up scores 0', () => {
    const seed = 'step-4';
    const game = bake.start({ seed });
    const far = farFrom(seed);
    const moves = Array.from({ length: game.budget }, () => bakeAt(ann, far));
    const spent = playAll(session(game, 'solo'), moves);
    expect(spent.last.find((e) => e.type === 'ended')).toEqual({ type: 'ended', by: 'out-of-moves' });
    expect(spent.last.find((e) => e.type === 'result')).toMatchObject({ userId: ann.id, won: false, moves: game.budget });

    const quit = step(session(game, 'solo'), { kind: 'give-up', by: ann }, NOW);
    expect(quit.events).toEqual([{ type: 'ended', by: 'gave-up' }, { type: 'result', userId: ann.id, score: 0, won: false, moves: 0 }]);
  });

  it('has no End button outside a group round', () => {
    const start = session(bake.start({ seed: 'step-5' }), 'solo');
    expect(step(start, { kind: 'end-round', by: ann }, NOW).events).toEqual([{ type: 'refused', refusal: { code: 'not-a-round' } }]);
  });
});

describe('group rounds', () => {
  const seed = 'step-group';
  const far = farFrom(seed);
  const round = () => session(bake.start({ seed }), 'group');

  it('lets anyone join by moving, once each', () => {
    const { events } = playAll(round(), [bakeAt(bob, far), bakeAt(bob, far - 0.5 * Math.sign(far - 15))]);
    expect(events).toEqual([
      { type: 'joined', player: bob },
      { type: 'moved', by: bob.id, moveIndex: 0 },
      { type: 'moved', by: bob.id, moveIndex: 1 },
    ]);
  });

  it('refuses a fourth move by one player', () => {
    const three = playAll(round(), [bakeAt(bob, far), bakeAt(bob, far), bakeAt(bob, far)]);
    expect(three.session.state.group?.movers).toEqual([bob.id, bob.id, bob.id]);
    const fourth = step(three.session, bakeAt(bob, far), NOW);
    expect(fourth.events).toEqual([{ type: 'refused', refusal: { code: 'budget-spent', perPlayer: 3 } }]);
    expect(fourth.session).toBe(three.session);
  });

  it('does not end when one quick player spends their moves alone, but does once everyone who played has', () => {
    const alone = playAll(round(), [bakeAt(bob, far), bakeAt(bob, far), bakeAt(bob, far)]);
    expect(alone.session.state.game.status).toBe('playing');
    const both = playAll(alone.session, [bakeAt(cat, far), bakeAt(cat, far), bakeAt(cat, far)]);
    expect(both.last.filter((e) => e.type !== 'result')).toEqual([{ type: 'moved', by: cat.id, moveIndex: 5 }, { type: 'ended', by: 'budgets' }]);
    expect(both.last.filter((e) => e.type === 'result').map((e) => e.type === 'result' && [e.userId, e.moves])).toEqual([
      [bob.id, 3],
      [cat.id, 3],
    ]);
    expect(both.session.state.group?.endedBy).toBe('budgets');
    expect(both.session.state.game.status).toBe('spent');
  });

  it('ends a move after time-up as the round instead of making it', () => {
    const started = playAll(round(), [bakeAt(bob, far)]).session;
    const late = step(started, bakeAt(cat, far), LATER);
    expect(late.events).toEqual([
      { type: 'ended', by: 'time' },
      { type: 'result', userId: bob.id, score: expect.any(Number) as number, won: false, moves: 1 },
    ]);
    expect(late.session.state.game.history).toHaveLength(1);
    expect(late.session.state.group?.endedBy).toBe('time');
  });

  it('closes on its clock when checked, and not before', () => {
    const started = playAll(round(), [bakeAt(bob, far)]).session;
    expect(step(started, { kind: 'check-clock' }, NOW)).toEqual({ session: started, events: [] });
    expect(types(step(started, { kind: 'check-clock' }, LATER).events)).toEqual(['ended', 'result']);
  });

  it('lets the host end it, and nobody else', () => {
    const started = playAll(round(), [bakeAt(bob, far)]).session;
    expect(step(started, { kind: 'end-round', by: bob }, NOW).events).toEqual([{ type: 'refused', refusal: { code: 'not-host' } }]);
    const ended = step(started, { kind: 'end-round', by: ann }, NOW);
    expect(ended.events[0]).toEqual({ type: 'ended', by: 'host' });
    // The host never moved: only players get results.
    expect(ended.events.slice(1).map((e) => e.type === 'result' && e.userId)).toEqual([bob.id]);
  });

  it('ends on the target for everyone, and has no Give up', () => {
    const hit = playAll(round(), [bakeAt(bob, far), bakeAt(cat, bestBakeTime(seed))]);
    expect(hit.last.find((e) => e.type === 'ended')).toEqual({ type: 'ended', by: 'target' });
    expect(hit.last.filter((e) => e.type === 'result').map((e) => e.type === 'result' && [e.userId, e.won])).toEqual([
      [bob.id, true],
      [cat.id, true],
    ]);
    expect(step(round(), { kind: 'give-up', by: ann }, NOW).events).toEqual([{ type: 'refused', refusal: { code: 'no-give-up-in-rounds' } }]);
  });

  it('gives a forgotten player’s stand-in no result, and waits on no stand-in’s budget', () => {
    const standIn = { id: `${FORMER_PLAYER_PREFIX}1`, name: 'Former player 1' };
    const base = round();
    const state: SessionState = { ...base.state, group: { ...base.state.group!, players: [standIn], movers: [standIn.id] } };
    const { last } = playAll({ ...base, state }, [bakeAt(bob, far), bakeAt(bob, far), bakeAt(bob, far)]);
    expect(last.find((e) => e.type === 'ended')).toEqual({ type: 'ended', by: 'budgets' });
    expect(last.filter((e) => e.type === 'result').map((e) => e.type === 'result' && e.userId)).toEqual([bob.id]);
  });
});

describe('races against the optimiser', () => {
  it('answers each move with the optimiser’s, and a tune try only after six strums', () => {
    const bakeRace = step(session(bake.start({ seed: 'race-step' }), 'race'), bakeAt(ann, 25), NOW);
    expect(types(bakeRace.events)).toEqual(['moved', 'optimiser-moved']);
    expect(bakeRace.session.state.race?.opponent).toBe('bayes');

    const strum: PlayAction = { kind: 'move', by: ann, input: { string: 'E2', cents: '1' } };
    const tuneRace = playAll(session(tune.start({ seed: 'race-step' }), 'race'), Array.from({ length: 6 }, () => strum));
    expect(tuneRace.events.filter((e) => e.type === 'optimiser-moved')).toHaveLength(1);
    expect(types(tuneRace.last)).toEqual(['moved', 'optimiser-moved']);
  });

  it('races the lock against the exact reasoner, from the race rules, not a special case', () => {
    expect(session(lock.start({ seed: 'race-step' }), 'race').state.race?.opponent).toBe('lock-reasoner');
  });

  it('holds the optimiser to the game’s own finish line: its win ends the game, lost for the player', () => {
    // The lock reasoner opens an easy lock well within its budget; the player keeps trying one wrong combination.
    const game = lock.start({ seed: 'race-finish', difficulty: 'easy' });
    const wrong: PlayAction = { kind: 'move', by: ann, input: { dial1: '0', dial2: '0', dial3: '0' } };
    let current = session(game, 'race');
    let events: readonly PlayEvent[] = [];
    for (let move = 0; move < game.budget && current.state.game.status === 'playing'; move++) ({ session: current, events } = step(current, wrong, NOW));
    // 000 is not this puzzle's combination (else the player would have won first).
    expect(current.state.race?.winner).toBe('optimiser');
    const trials = current.state.race!.trials;
    expect(lock.winsAt(game.seed, game.difficulty, trials.at(-1)!.params)).toBe(true);
    expect(types(events)).toEqual(['moved', 'optimiser-moved', 'race-decided', 'ended', 'result']);
    expect(events.find((e) => e.type === 'ended')).toEqual({ type: 'ended', by: 'optimiser' });
    expect(events.find((e) => e.type === 'result')).toMatchObject({ won: false });
    expect(current.state.game.status).toBe('spent');
  });

  it('lets the player’s win decide the race at once', () => {
    const seed = 'race-win';
    const { events } = step(session(bake.start({ seed }), 'race'), bakeAt(ann, bestBakeTime(seed)), NOW);
    expect(types(events)).toEqual(['moved', 'race-decided', 'ended', 'result']);
    expect(events[1]).toEqual({ type: 'race-decided', winner: 'player' });
    expect(events.find((e) => e.type === 'result')).toMatchObject({ won: true });
  });

  it('gives the race to the optimiser when the player gives up', () => {
    const { events } = step(session(bake.start({ seed: 'race-quit' }), 'race'), { kind: 'give-up', by: ann }, NOW);
    expect(types(events)).toEqual(['race-decided', 'ended', 'result']);
    expect(events[0]).toEqual({ type: 'race-decided', winner: 'optimiser' });
  });

  /** A bake race one move from the end, the optimiser's tries already made, with a best of `theirs`. */
  function lastMove(seed: string, theirs: number): { session: PlaySession; game: BakeState; minutes: number } {
    const far = farFrom(seed);
    let game = bake.start({ seed, difficulty: 'hard' });
    for (let i = 0; i < game.budget - 1; i++) game = bake.play(game, { minutes: far }).state;
    const tries = optimiserBudget(game);
    const race = { opponent: 'bayes' as const, trials: Array.from({ length: tries }, () => ({ params: { bakeTime: far }, value: theirs })) };
    return { session: { ownerId: ann.id, state: { version: 1, game, race } }, game, minutes: far };
  }

  it('decides on the better best when neither finishes, and calls equal bests a tie', () => {
    const seed = 'race-tie';
    // The player's best over the whole game, last move included (the oven is moody: tastes vary).
    const probe = lastMove(seed, 0);
    const mine = bake.outcome(bake.play(probe.game, { minutes: probe.minutes }).state).best!;

    const tie = lastMove(seed, mine);
    const tied = step(tie.session, bakeAt(ann, tie.minutes), NOW);
    expect(tied.events).toContainEqual({ type: 'race-decided', winner: 'tie' });
    expect(tied.events).toContainEqual({ type: 'ended', by: 'out-of-moves' });

    const behind = lastMove(seed, mine + 1);
    expect(step(behind.session, bakeAt(ann, behind.minutes), NOW).events).toContainEqual({ type: 'race-decided', winner: 'optimiser' });
    const ahead = lastMove(seed, mine - 1);
    expect(step(ahead.session, bakeAt(ann, ahead.minutes), NOW).events).toContainEqual({ type: 'race-decided', winner: 'player' });
  });
});
