/**
 * The session machine's own share of a move, in this process, no storage and no Discord: reading a
 * stored session back (JSON text → zod-checked SessionState, as every click does) and `step` on it, for
 * a solo bake, a tune group board late in a round (25 players, long history) and a bake race (the
 * optimiser's Bayesian reply included). The service's save and the board's rendering are measured end
 * to end by test/bench/games.ts; this says how much of that the schema check and the mode rules add.
 *
 * Run: npx tsx test/bench/play-step.ts [--quick]
 */
import { performance } from 'node:perf_hooks';
import { bake, bestBakeTime } from '../../src/games/bake.js';
import { tune } from '../../src/games/tune.js';
import { readSessionState, type SessionState } from '../../src/play/session-state.js';
import { newSession, step, type PlayAction, type PlaySession } from '../../src/play/step.js';
import { formatMs, machineLoadNote, markdownTable, summarize } from './stats.js';

const quick = process.argv.includes('--quick');
const SAMPLES = quick ? 300 : 2000;
const RACE_SAMPLES = quick ? 20 : 80;
const NOW = new Date('2026-12-03T12:00:00Z');

function time(samples: number, work: (i: number) => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    work(i);
    times.push(performance.now() - start);
  }
  return times;
}

/** Steps and checks the action was made: a refused or ending step is not the work measured here. */
function moved(session: PlaySession, action: PlayAction): PlaySession {
  const { session: next, events } = step(session, action, NOW);
  if (!events.some((e) => e.type === 'moved') || events.some((e) => e.type === 'ended')) {
    throw new Error(`expected a move that does not end the game, got ${events.map((e) => e.type).join(', ')}`);
  }
  return next;
}

/**
 * A tune group round late in play: 24 players took turns (everyone spent would end it), 71 strums in,
 * and a 25th player about to join.
 */
function lateGroupRound(): PlaySession {
  let session: PlaySession = { ownerId: 'p0', state: newSession(tune.start({ seed: 'bench-group' }), 'group', { hostId: 'p0', now: NOW, minutes: 60 }) };
  for (let pass = 0; pass < 3; pass++) {
    for (let player = 0; player < (pass === 2 ? 23 : 24); player++) {
      const by = { id: `p${player}`, name: `Player ${player}` };
      session = moved(session, { kind: 'move', by, input: { string: 'E2', cents: String(player % 2 === 0 ? 1 : -1) } });
    }
  }
  return session;
}

function row(name: string, times: number[]): string[] {
  const s = summarize(times);
  return [name, String(s.n), `${formatMs(s.p50)} ms`, `${formatMs(s.p99)} ms`, `${formatMs(s.max)} ms`];
}

const rows: string[][] = [];
const soloSeed = 'bench-solo';
const solo: PlaySession = { ownerId: 'a', state: newSession(bake.start({ seed: soloSeed }), 'solo', { hostId: 'a', now: NOW }) };
const far = bestBakeTime(soloSeed) > 15 ? 5 : 25;
const soloMove: PlayAction = { kind: 'move', by: { id: 'a', name: 'A' }, input: { minutes: String(far) } };
const soloText = JSON.stringify(solo.state);
rows.push(row('bake solo: read stored session', time(SAMPLES, () => readSessionState(JSON.parse(soloText), { game: 'bake', seed: soloSeed }))));
rows.push(row('bake solo: step a move', time(SAMPLES, () => moved(solo, soloMove))));

const group = lateGroupRound();
const groupText = JSON.stringify(group.state);
const lastPlayer: PlayAction = { kind: 'move', by: { id: 'p24', name: 'Player 24' }, input: { string: 'A2', cents: '1' } };
rows.push(row(`tune group, ${group.state.game.history.length} strums: read`, time(SAMPLES, () => readSessionState(JSON.parse(groupText), { game: 'tune', seed: 'bench-group' }))));
rows.push(row(`tune group, ${group.state.game.history.length} strums: step`, time(SAMPLES, () => moved(group, lastPlayer))));

// A race's step includes the optimiser's reply: a Bayesian ask on the bake puzzle, after 4 tries each.
// (The seed is one where the optimiser's first four bakes are not perfect, so the race is still on.)
let race: PlaySession = { ownerId: 'a', state: newSession(bake.start({ seed: 'bench-race-3', difficulty: 'hard' }), 'race', { hostId: 'a', now: NOW }) };
for (let move = 0; move < 4; move++) race = moved(race, soloMove);
const raceState: SessionState = race.state;
rows.push(row(`bake race, ${raceState.race?.trials.length} tries each: step with the optimiser's reply`, time(RACE_SAMPLES, () => moved(race, soloMove))));

console.log(markdownTable(['what', 'n', 'p50', 'p99', 'max'], rows));
console.log(`Stored session sizes: bake solo ${soloText.length} characters, tune group ${groupText.length}.`);
console.log(machineLoadNote());
