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
import { formatReadingFor, MOVE_NOUNS } from './reveal-words.js';

type Depth = 'simple' | 'plain' | 'technical';

/** Levels 1–2 get the picture in everyday words, 3 in plain terms, 4–5 in the optimiser's words. */
function depthOf(level: Level): Depth {
  return level <= 2 ? 'simple' : level === 3 ? 'plain' : 'technical';
}

const PICTURE_WORDS: Readonly<Record<GameId, Readonly<Record<Depth, string>>>> = {
  bake: {
    simple:
      'The grey line shows how good the cake tastes at each bake time. Nobody could see it while you played. ' +
      'Your bakes are the black dots with numbers. The dashed line is a guess made from your bakes, and the shaded band ' +
      'shows how unsure that guess is: thin where you baked, wide where you did not. The bottom strip shows where one more ' +
      'bake might beat your best. The other shapes are where each helper baked. The moving picture shows the Bayesian ' +
      'helper making a new guess after every bake.',
    plain:
      'The grey curve is the true taste at each bake time, hidden during the game. Your bakes are numbered in order. ' +
      'The dashed line and shaded band are a Gaussian process’s belief after your bakes: its best guess of the taste, and ' +
      'how unsure it is (two standard deviations either side). The lower panel is expected improvement: how much a bake ' +
      'there is expected to beat your best, counting both a high guess and a wide band. The other markers are each ' +
      'strategy’s bakes on the same puzzle. The GIF replays Bayesian search bake by bake: its first few bakes are spread ' +
      'out on purpose, then it bakes where expected improvement peaks.',
    technical:
      'Grey: the noise-free objective; the oven adds noise frozen per bake time, so re-baking repeats a taste. Numbered ' +
      'points: your evaluations. Dashed mean and ±2σ band: the GP posterior (Matérn 5/2, MAP hyperparameters) fitted to ' +
      'your bakes exactly as the Bayesian strategy fits its own. Lower panel: expected improvement over your incumbent; ' +
      'its argmax is where BO would evaluate next. Markers: every strategy’s trials with the same budget and seed. The GIF ' +
      'is the BO run’s posterior after each trial; its opening trials come from a scrambled Halton design before EI takes over.',
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
      'should go down. The bottom line is how often it got new examples right, and it should go up.',
    plain:
      'The first chart is the best held-out accuracy so far after each run: the share of examples the model never trained ' +
      'on that it got right. The second is the learning curve of the best model anyone found: training loss (top) should ' +
      'fall and held-out accuracy (bottom) should rise. If accuracy drops while loss keeps falling, the model is memorising ' +
      'instead of learning. Hyperband trains many models briefly and keeps only the promising ones going, so some of its runs are short.',
    technical:
      'First: incumbent held-out accuracy per trial for each strategy on a 5-D mixed space (log-scaled learning rate, ' +
      'hidden units and weight decay; integer epochs; categorical batch size). Hyperband’s trials may run at reduced ' +
      'fidelity (fewer epochs), so its values there are low-fidelity estimates. Second: the best configuration’s ' +
      'per-epoch training cross-entropy and held-out accuracy; a gap in the loss marks divergence.',
  },
};

/** "Your best was 97, on bake 3 of 8." from the stored game alone. */
function yourBest(state: GameState<unknown, unknown>): string {
  const game = GAMES[state.game];
  const outcome = game.outcome(state);
  const noun = MOVE_NOUNS[state.game];
  if (outcome.best === null) return `You made no ${noun.many} this time.`;
  const dials = state.game === 'lock' ? dialsFor(state.difficulty) : 0;
  return `Your best was ${formatReadingFor(state.game, outcome.best, dials)} after ${outcome.movesUsed} of ${outcome.budget} ${noun.many}.`;
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
