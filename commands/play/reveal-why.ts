/**
 * The "Why?" answer under a reveal: what the picture shows, said at the player's level, then the game's
 * topic from content/ at that same level. Cheap on purpose (no replays): a button press must answer fast.
 */
import { clip, LIMITS } from '../../src/command-layer/limits.js';
import type { TopicLibrary } from '../../src/content/library.js';
import type { Level } from '../../src/content/levels.js';
import { FOR_LEVEL } from '../../src/content/levels.js';
import { GAMES } from '../../src/games/index.js';
import { dialsFor } from '../../src/games/lock.js';
import type { GameId, GameState } from '../../src/games/types.js';
import type { TrainState } from '../../src/games/train.js';
import { formatReadingFor, MOVE_NOUNS } from './reveal-words.js';
import { scoreExplanation } from './score-words.js';
import { formatNumber } from './turn-text.js';

type Depth = 'simple' | 'plain' | 'technical';

/** Levels 1–2 get the picture in everyday words, 3 in plain terms, 4–5 in the optimiser's words. */
function depthOf(level: Level): Depth {
  return level <= 2 ? 'simple' : level === 3 ? 'plain' : 'technical';
}

const PICTURE_WORDS: Readonly<Record<GameId, Readonly<Record<Depth, string>>>> = {
  bake: {
    simple:
      'The grey line shows how good the cake tastes at each bake time. Nobody could see it while you played. ' +
      'Your bakes are the black dots with numbers. The oven wobbles, so a taste can be a few points above or below ' +
      'the grey line. A bake close to the best time wins, even if the wobble made it taste worse. ' +
      'The dashed line is a guess made from your bakes, and the shaded band ' +
      'shows how unsure that guess is: thin where you baked, wide where you did not. The bottom strip shows where one more ' +
      'bake might beat your best. The small pictures below show where each helper baked. The TPE helper starts by ' +
      'guessing at random, so at first it bakes the same times as the random helper. The moving picture shows the Bayesian ' +
      'helper making a new guess after every bake.',
    plain:
      'The grey curve is the true taste at each bake time, hidden during the game. Your bakes are numbered in order. ' +
      'Each taste includes the oven’s wobble, a few points up or down, so a bake near the best time can taste as good ' +
      'as the best time itself. Perfect goes by time, not taste: a bake close enough to the best time wins. ' +
      'The dashed line and shaded band are a Gaussian process’s belief after your bakes: its best guess of the taste, and ' +
      'how unsure it is (two standard deviations either side). The lower panel is expected improvement: how much a bake ' +
      'there is expected to beat your best, counting both a high guess and a wide band. The small panels show each ' +
      'strategy’s bakes on the same puzzle. TPE starts with random bakes from the same seed as random search and only ' +
      'uses its model after 10 bakes, so the two bake alike at first. The GIF replays Bayesian search bake by bake: its ' +
      'first few bakes are spread out on purpose, then it bakes where expected improvement peaks.',
    technical:
      'Grey: the noise-free objective; the oven adds noise frozen per bake time, so re-baking repeats a taste. Numbered ' +
      'points: your evaluations. Dashed mean and ±2σ band: the GP posterior (Matérn 5/2, MAP hyperparameters) fitted to ' +
      'your bakes exactly as the Bayesian strategy fits its own. Lower panel: expected improvement over your incumbent; ' +
      'its argmax is where BO would evaluate next. Small panels: every strategy’s trials with the same budget and seed; ' +
      'TPE’s 10 random start-up trials use the same seed as random search, so the two coincide until its density model ' +
      'takes over. The GIF is the BO run’s posterior after each trial; its opening trials come from a scrambled Halton ' +
      'design before EI takes over.',
  },
  lock: {
    simple:
      'The picture counts how many secret codes could still be the answer after each try. It starts with every code and ' +
      'goes down as the clicks rule codes out. Lower is better: at 1, you know the code. Your line is black; the other ' +
      'lines are helpers trying the same lock.',
    plain:
      'Each line shows how many combinations were still possible after each try, given every click heard so far. The ' +
      'scale is logarithmic: each equal step down means ten times fewer. A try that splits the possibilities evenly ' +
      'teaches the most, even when nothing clicks. The lock reasoner picks every try to leave the fewest possibilities on ' +
      'average; the search strategies only chase more clicks and ignore what a silent try rules out.',
    technical:
      'y: size of the consistent set (combinations not contradicted by any observation) after each trial, log scale; under ' +
      'a uniform prior it is the posterior’s support. Each try’s click count partitions the set, and the reasoner greedily ' +
      'minimises the expected remaining size Σn_c²/N, a stand-in for information gain. The black-box strategies maximise ' +
      'clicks as an objective, so they waste the likelihood information in low-click trials.',
  },
  tune: {
    simple:
      'Each line shows the best the guitar had sounded so far, strum after strum. Higher is better. The dashed line at 100 ' +
      'means every string is in tune. When a line stays flat, nothing new helped.',
    plain:
      'Each staircase is the best chord score so far after each strum, for you and for each strategy tuning the same ' +
      'guitar with the same number of strums. The dashed line is 100: all six strings in tune. A step up marks a strum ' +
      'that beat the best so far. Six pegs make a six-dimensional search, so a grid spreads its few strums very thinly.',
    technical:
      'Incumbent curves over the budget for a 6-D integer objective (peg offsets in cents) whose value is the mean over ' +
      'strings of 1/(1 + (e/20)²): separable and smooth. Dashed: the optimum, 100. A grid of this budget covers about two ' +
      'values per dimension; model-based strategies exploit the smooth, separable structure.',
  },
  train: {
    simple:
      'The first picture shows the best score so far after each try. Each try taught a small computer brain. ' +
      'Higher is better. The second picture shows the best brain as it learned. The top line is its mistakes, and it ' +
      'should go down. The bottom line is how often it got new examples right, and it should go up. If the mistakes ' +
      'line jumps up and down, the brain took steps that were too big: it kept jumping past the answer.',
    plain:
      'The first chart is the best held-out accuracy so far after each run: the share of examples the model never trained ' +
      'on that it got right. The second is the learning curve of the best model anyone found: training loss (top) should ' +
      'fall and held-out accuracy (bottom) should rise. A loss that jumps up instead of falling is the learning rate at ' +
      'work: each step is so big that it overshoots the bottom and lands higher on the other side. If accuracy drops while ' +
      'loss keeps falling, the model is memorising instead of learning. Hyperband trains many models briefly and keeps ' +
      'only the promising ones going; a short run counts only until a fully trained one exists.',
    technical:
      'First: incumbent held-out accuracy per trial for each strategy on a 5-D mixed space (log-scaled learning rate, ' +
      'hidden units and weight decay; integer epochs; categorical batch size). Hyperband’s trials may run at reduced ' +
      'fidelity (fewer epochs); the incumbent counts only full-fidelity trials once one exists, so its line can step down. ' +
      'Second: the best configuration’s per-epoch training cross-entropy and held-out accuracy. Loss spikes mean the step ' +
      'size exceeds what the loss surface’s curvature allows (roughly 2/λ_max of the Hessian): SGD oscillates across ' +
      'the valley or diverges; a gap in the loss marks divergence.',
  },
};

/** "Your best was 97, on bake 3 of 8." from the stored game alone. */
function yourBest(state: GameState<unknown, unknown>): string {
  const game = GAMES[state.game];
  const outcome = game.outcome(state);
  const noun = MOVE_NOUNS[state.game];
  if (outcome.best === null) return `You made no ${noun.many} this time.`;
  const dials = state.game === 'lock' ? dialsFor(state.difficulty) : 0;
  const best = `Your best was ${formatReadingFor(state.game, outcome.best, dials)} after ${outcome.movesUsed} of ${outcome.budget} ${noun.many}.`;
  const swing = state.game === 'train' ? lossSwing(state as TrainState) : '';
  return [best, scoreExplanation(state.game, outcome, dials), swing].filter(Boolean).join(' ');
}

/** A rise in training loss from one epoch to the next bigger than this is a swing worth naming. */
const SWING_RISE = 0.5;

/**
 * The player's own run whose loss swung up the most, in words: the lesson a too-large learning rate
 * teaches. Empty when no run's loss rose by more than SWING_RISE in one epoch or blew up.
 */
function lossSwing(state: TrainState): string {
  let worst: { learningRate: number; loss: number | null; epoch: number; rise: number } | undefined;
  for (const turn of state.history) {
    const losses = turn.feedback.curve.trainLoss;
    for (let epoch = 1; epoch < losses.length; epoch++) {
      const before = losses[epoch - 1];
      const now = losses[epoch];
      if (before === null || before === undefined) continue;
      const rise = now === null || now === undefined ? Number.POSITIVE_INFINITY : now - before;
      if (rise > SWING_RISE && (worst === undefined || rise > worst.rise)) {
        worst = { learningRate: turn.move.learningRate, loss: now ?? null, epoch: epoch + 1, rise };
      }
    }
  }
  if (worst === undefined) return '';
  const jump = worst.loss === null ? 'blew up' : `jumped to ${formatNumber(worst.loss)}`;
  return `With learning rate ${formatNumber(worst.learningRate)}, your loss ${jump} at epoch ${worst.epoch}: the steps were too big, so they overshot.`;
}

export function whyExplanation(
  state: GameState<unknown, unknown>,
  level: Level,
  topics: TopicLibrary,
): { title: string; description: string } {
  const game = GAMES[state.game];
  const picture = `**What the picture shows** · level ${level}, ${FOR_LEVEL[level]}\n${PICTURE_WORDS[state.game][depthOf(level)]}\n${yourBest(state)}`;
  const topic = topics.get(game.topic);
  if (topic === undefined) {
    return { title: clip(`Why? ${game.title}`, LIMITS.embedTitle), description: clip(picture, LIMITS.embedDescription) };
  }
  const heading = `**The idea behind it: ${topic.title}**`;
  const body = topics.text(topic.slug, level);
  // The topic text is capped well below the limit (content/ keeps each level to 3,000); if the two still
  // do not fit, the picture words give way first, so the lesson itself is never cut.
  const room = LIMITS.embedDescription - heading.length - body.length - 4;
  return {
    title: clip(`Why? ${game.title}: ${topic.title}`, LIMITS.embedTitle),
    description: clip(`${clip(picture, Math.max(1, room))}\n\n${heading}\n${body}`, LIMITS.embedDescription),
  };
}
