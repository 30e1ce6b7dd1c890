/**
 * The "Why?" answer under a reveal: what the picture shows, said at the player's level, then the game's
 * topic from content/ at that same level. Cheap on purpose (no replays): a button press must answer fast.
 */
import { clip, LIMITS } from '../../src/command-layer/limits.js';
import type { TopicLibrary } from '../../src/content/library.js';
import type { Level } from '../../src/content/levels.js';
import { FOR_LEVEL } from '../../src/content/levels.js';
import { GAMES } from '../../src/games/index.js';
import type { GameState } from '../../src/games/types.js';
import { presenterOf, type Depth } from './games/index.js';
import { scoreExplanation } from './score-words.js';

/** Levels 1–2 get the picture in everyday words, 3 in plain terms, 4–5 in the optimiser's words. */
function depthOf(level: Level): Depth {
  return level <= 2 ? 'simple' : level === 3 ? 'plain' : 'technical';
}

/** "Your best was 97, on bake 3 of 8." from the stored game alone. */
function yourBest(state: GameState<unknown, unknown>): string {
  const game = GAMES[state.game];
  const presenter = presenterOf(state.game);
  const outcome = game.outcome(state);
  const noun = presenter.nouns;
  if (outcome.best === null) return `You made no ${noun.many} this time.`;
  const best = `Your best was ${presenter.formatReading(outcome.best, state.difficulty)} after ${outcome.movesUsed} of ${outcome.budget} ${noun.many}.`;
  const more = presenter.whyMore?.(state) ?? '';
  return [best, scoreExplanation(state.game, outcome, state.difficulty), more].filter(Boolean).join(' ');
}

export function whyExplanation(
  state: GameState<unknown, unknown>,
  level: Level,
  topics: TopicLibrary,
): { title: string; description: string } {
  const game = GAMES[state.game];
  const picture = `**What the picture shows** · level ${level}, ${FOR_LEVEL[level]}\n${presenterOf(state.game).pictureWords[depthOf(level)]}\n${yourBest(state)}`;
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
