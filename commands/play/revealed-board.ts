/**
 * The finished board with its reveal: the replays' table and pictures, the race's and the group's notes,
 * and for a daily puzzle the share line. Built in the reveal worker (or in-process when it cannot start),
 * so it imports nothing that starts one.
 */
import { encodeCustomId } from '../../src/command-layer/custom-id.js';
import { clip, LIMITS } from '../../src/command-layer/limits.js';
import type { MessageView } from '../../src/command-layer/types.js';
import { reveal, type Reveal } from '../../src/games/reveal.js';
import type { GameId, GameState } from '../../src/games/types.js';
import { dailyShareText } from '../../src/play/share.js';
import { boardMessage } from './board.js';
import { presenterOf } from './games/index.js';
import { optimiserNoun, raceRules, tryCost } from './race.js';
import { revealView } from './reveal-view.js';
import { racerNames } from './reveal-words.js';
import type { GameView } from './session.js';

/**
 * The strategies get the same number of tries the player (or the whole group) used, so a group round
 * is compared with grid, random and Bayesian search at the same total number of evaluations.
 */
function revealedState(game: GameView): GameState<unknown, unknown> {
  if (!game.session.group) return game.state;
  return { ...game.state, budget: Math.max(1, game.state.history.length) };
}

/** The spoiler-free line a daily player shares: squares per move, the day's number, the score. */
export function dailyShareLine(game: GameView): string {
  return `\`\`\`\n${dailyShareText(game)}\n\`\`\``;
}

export function revealedBoard(game: GameView): MessageView {
  const board = boardMessage(game);
  const state = revealedState(game);
  const race = game.session.race;
  // In a race the opponent's row is the very run the player raced, carried on to the budget.
  const numbers = reveal(state, race ? { raced: { strategy: race.opponent, trials: race.trials } } : {});
  const view = revealView(state, numbers);
  const [embed] = board.embeds ?? [];
  const summary = game.record.mode === 'daily' ? `${view.summary}\nShare your result:\n${dailyShareLine(game)}` : view.summary;
  const groupNote = game.session.group
    ? [{ name: 'A group is a search too', value: clip(groupNoteFor(game.rules.id), LIMITS.fieldValue) }]
    : [];
  const raceNote = race ? [{ name: 'The race', value: clip(raceNoteFor(game, numbers), LIMITS.fieldValue) }] : [];
  return {
    ...board,
    content: clip(summary, LIMITS.content),
    embeds: [
      {
        ...embed,
        fields: [...(embed?.fields ?? []), ...view.fields, ...raceNote, ...groupNote].slice(0, LIMITS.embedFields),
        imageFile: view.imageFile,
      },
    ],
    files: [...(board.files ?? []), ...view.files],
    rows: [[{ type: 'button', customId: encodeCustomId('play', 'why', game.record.id), label: 'Why?', style: 'primary' }]],
  };
}

/**
 * What the group was as a search, true to the game: every move lands on one shared board that everyone
 * sees, so nobody guessed blind; a game whose moves add up (tune's one guitar) says so in its presenter.
 */
function groupNoteFor(game: GameId): string {
  const more = ' Press **Why?**, or `/explain topic:parallel-search`, for more at your level.';
  const presenter = presenterOf(game);
  if (presenter.groupNote !== undefined) return presenter.groupNote + more;
  const noun = presenter.nouns;
  return (
    `Everyone saw every result on this board, so each ${noun.one} could learn from all the ${noun.many} before it, ` +
    'whoever made them: together you were one search with many hands, like a parallel search that shares its results. ' +
    `Only ${noun.many} made at the same moment could not learn from each other.` + more
  );
}

/** Which row of the table the player raced, how much of it was the race, and the rule it was held to. */
function raceNoteFor(game: GameView, numbers: Reveal): string {
  const race = game.session.race!;
  const id = game.rules.id;
  const presenter = presenterOf(id);
  const run = numbers.strategies.find((r) => r.name === race.opponent);
  const made = race.trials.length;
  const row = run === undefined ? 'the optimiser' : `the **${racerNames(run).short}** row`;
  const cost = tryCost(id);
  const worth = cost === 1 ? '' : ` (each worth ${cost} of your ${presenter.nouns.many})`;
  const part =
    made === 0
      ? 'It made no move in the race'
      : made === 1
        ? `Its first ${optimiserNoun(id)} there is the one it made against you${worth}`
        : `Its first ${made} ${optimiserNoun(id, made)} there are the ones it made against you${worth}`;
  const rest =
    cost === 1
      ? `the rest show how it carries on to the table's ${numbers.budget}, as every row does`
      : `the rest show how it carries on to the table's ${numbers.budget} ${optimiserNoun(id, 2)}, as every row does ` +
        `(there each try sets all ${cost} ${presenter.tryKnobs ?? 'knobs'}; only the race charged them in ${presenter.nouns.many})`;
  return `The optimiser you raced is ${row} of the table: the same run on the same puzzle. ${part}; ${rest}. The rule: ${raceRules(game)}`;
}
