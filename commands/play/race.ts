/**
 * Racing the optimiser: after each of the player's moves, the engine makes its own on the same puzzle
 * (Bayesian optimisation; for the lock, the exact reasoner), asked and told through a Study rebuilt from
 * its stored tries, so the race carries on the same after a restart. First to the target wins, else the
 * better best when both budgets are spent.
 */
import { clip, LIMITS } from '../../src/command-layer/limits.js';
import type { MessageView } from '../../src/command-layer/types.js';
import { consistentCombinations, dialsFor, paramsToCombination, combinationTable, combinationAt } from '../../src/games/lock.js';
import { lockReasoner } from '../../src/games/lock-reasoner.js';
import type { GameId } from '../../src/games/types.js';
import { BAKE_TIMES } from '../../src/games/bake.js';
import { bakeChart } from '../../src/pictures/index.js';
import { createStrategy } from '../../src/search/strategies/index.js';
import { Study } from '../../src/search/study.js';
import type { Objective, Trial } from '../../src/search/types.js';
import { beliefAfter } from './reveal-belief.js';
import type { GameView, Race, StoredSession } from './session.js';
import { formatNumber, moveNoun, readingOf } from './turn-text.js';

function studyFor(game: GameView, race: Race, objective: Objective): Study {
  const trials: Trial[] = race.trials.map((t, index) => ({ index, params: t.params, state: 'complete', value: t.value }));
  return new Study({
    space: objective.space,
    direction: objective.direction,
    strategy: race.opponent === 'lock-reasoner' ? lockReasoner : createStrategy('bayes'),
    seed: `${game.record.seed}/race`,
    budget: game.state.budget,
    trials,
  });
}

function reachedTarget(objective: Objective, value: number): boolean {
  return objective.optimum !== undefined && value >= objective.optimum - 1e-9;
}

/** The player's best reading, in the same unit as the optimiser's values. */
function playerBest(game: GameView): number {
  const id = game.rules.id as GameId;
  return Math.max(-Infinity, ...game.session.game.history.map((turn) => readingOf(id, turn)));
}

/** After the player's move: settle the race if it is decided, else let the optimiser move. */
export function raceMove(game: GameView, session: StoredSession): StoredSession {
  const race = session.race;
  if (!race || race.winner) return session;
  const player = session.game;
  if (player.status === 'won') return { ...session, race: { ...race, winner: 'player' } };
  if (player.status === 'gave-up') return { ...session, race: { ...race, winner: 'optimiser' } };
  const objective = game.rules.objective(game.record.seed, game.record.difficulty);
  let trials = race.trials;
  if (trials.length < player.budget) {
    const study = studyFor(game, race, objective);
    const trial = study.ask();
    const value = objective.evaluate(trial.params);
    trials = [...trials, { params: trial.params, value }];
    if (reachedTarget(objective, value)) {
      return { ...session, game: { ...player, status: 'spent' }, race: { ...race, trials, winner: 'optimiser' } };
    }
  }
  if (player.status === 'playing') return { ...session, race: { ...race, trials } };
  const mine = playerBest({ ...game, session });
  const theirs = Math.max(...trials.map((t) => t.value));
  const winner = mine > theirs ? 'player' : mine < theirs ? 'optimiser' : 'tie';
  return { ...session, race: { ...race, trials, winner } };
}

/** What the optimiser believes now, for the "What is it thinking?" button. */
export function optimiserThoughts(game: GameView): MessageView {
  const race = game.session.race!;
  const id = game.rules.id as GameId;
  if (race.trials.length === 0) {
    return { content: 'It has not moved yet: make your first move and it will answer with its own.' };
  }
  switch (id) {
    case 'bake': {
      const objective = game.rules.objective(game.record.seed, game.record.difficulty);
      const belief = beliefAfter(
        { space: objective.space, direction: objective.direction, parameter: 'bakeTime', xs: BAKE_TIMES },
        race.trials.map((t) => ({ params: t.params, value: t.value, best: null })),
        game.state.budget,
      );
      if (belief.length === 0) return { content: 'It has just started afresh and has nothing to believe yet: give it a move or two.' };
      // The true curve stays hidden while the race is on: only the optimiser's own view is drawn.
      const chart = bakeChart({
        trueCurve: [],
        playerBakes: [],
        belief,
        strategies: [{ name: 'bayes', label: 'Optimiser', points: race.trials.map((t) => ({ x: Number(t.params.bakeTime), y: t.value })) }],
        title: 'What the optimiser believes now',
      });
      const next = belief.reduce((a, b) => (b.expectedImprovement > a.expectedImprovement ? b : a));
      return {
        content: clip(
          `The line is its guess of the taste at each time, the band how unsure it is. It bakes next where the bottom curve peaks, around ${formatNumber(next.x)} min: a good guess, or a big unknown, or both.`,
          LIMITS.content,
        ),
        embeds: [{ title: 'What is it thinking?', imageFile: 'optimiser-belief.png' }],
        files: [{ name: 'optimiser-belief.png', data: chart.png, description: chart.altText }],
      };
    }
    case 'lock': {
      const dials = dialsFor(game.record.difficulty);
      const clues = race.trials.map((t) => ({ combination: paramsToCombination(t.params, dials), clicks: t.value }));
      const left = consistentCombinations(clues, dials);
      const table = combinationTable(dials);
      const sample = left.slice(0, 12).map((i) => `\`${combinationAt(table, i).join(' ')}\``);
      return {
        content: clip(
          `It keeps every combination that fits all the clicks it heard: **${left.length}** of ${10 ** dials} are still possible` +
            `${left.length <= 12 ? `: ${sample.join(', ')}` : `, such as ${sample.join(', ')}…`}. It tries next the combination that splits them most evenly, whatever the answer.`,
          LIMITS.content,
        ),
      };
    }
    default: {
      const best = race.trials.reduce((a, b) => (b.value > a.value ? b : a));
      return {
        content: clip(
          `Its best so far is ${formatNumber(best.value)} after ${race.trials.length} ${moveNoun(id, race.trials.length)}. It keeps a smooth guess of the score over all the knobs at once and tries next where that guess, plus how unsure it is, looks most promising.`,
          LIMITS.content,
        ),
      };
    }
  }
}

