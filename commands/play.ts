/**
 * /play bake|lock|tune|train [seed] [difficulty] — a tuning game: a hidden objective probed with a small
 * budget. Every move edits the board; when the game ends the board reveals how grid, random,
 * quasi-random and Bayesian search would have played the same puzzle.
 */
import { SlashCommandBuilder, type SlashCommandSubcommandBuilder } from 'discord.js';
import { UserError } from '../src/command-layer/errors.js';
import { clip, LIMITS } from '../src/command-layer/limits.js';
import {
  reply,
  showModal,
  update,
  type CommandModule,
  type ComponentHandler,
  type MessageView,
  type ModalFieldView,
} from '../src/command-layer/types.js';
import { GAME_IDS, GAMES, isGameId } from '../src/games/index.js';
import { dialsFor } from '../src/games/lock.js';
import type { GameId, MoveField } from '../src/games/types.js';
import { levelFor } from './views/level.js';
import { boardMessage, decodeDials, type GameView } from './play/board.js';
import { revealView, whyExplanation } from './play/reveal-view.js';
import { checkTurn, freshSeed, loadGame, makeMove, parseBoardRef, startGame, type BoardRef } from './play/session.js';
import { encodeCustomId } from '../src/command-layer/custom-id.js';
import { formatNumber } from './play/turn-text.js';

export const SEED_MAX_LENGTH = 32;

function gameSubcommand(id: GameId) {
  const rules = GAMES[id];
  return (sub: SlashCommandSubcommandBuilder) =>
    sub
      .setName(id)
      .setDescription(clip(rules.blurb, 100))
      .addStringOption((o) =>
        o.setName('seed').setDescription('Any short text: the same seed gives friends the same puzzle').setMaxLength(SEED_MAX_LENGTH),
      )
      .addStringOption((o) =>
        o
          .setName('difficulty')
          .setDescription(`Default: ${rules.defaultDifficulty}`)
          .addChoices(...rules.difficulties.map((d) => ({ name: clip(`${d.label}: ${d.description}`, 100), value: d.id }))),
      );
}

const data = new SlashCommandBuilder()
  .setName('play')
  .setDescription('Play a tuning game: find the hidden best setting with a small budget');
for (const id of GAME_IDS) data.addSubcommand(gameSubcommand(id));

/** The board as the game stands; once it has ended, the reveal follows as a later edit. */
export function render(game: GameView): { message: MessageView; later?: () => Promise<MessageView> } {
  const board = boardMessage(game);
  if (game.state.status === 'playing') return { message: board };
  return {
    message: { ...board, content: 'Working out how the search strategies would have played this same puzzle…' },
    later: async () => revealedBoard(game),
  };
}

export function revealedBoard(game: GameView): MessageView {
  const board = boardMessage(game);
  const view = revealView(game.state);
  const [embed] = board.embeds ?? [];
  return {
    ...board,
    content: clip(view.summary, LIMITS.content),
    embeds: [{ ...embed, fields: [...(embed?.fields ?? []), ...view.fields].slice(0, LIMITS.embedFields), imageFile: view.imageFile }],
    files: [...(board.files ?? []), ...view.files],
    rows: [[{ type: 'button', customId: encodeCustomId('play', 'why', game.record.id), label: 'Why?', style: 'primary' }]],
  };
}

function modalField(field: MoveField, previous: unknown): ModalFieldView {
  const value = previous === undefined ? undefined : typeof previous === 'number' ? formatNumber(previous) : String(previous);
  if (field.kind === 'choice') {
    return {
      customId: field.name,
      label: clip(field.label, LIMITS.modalLabel),
      placeholder: clip(`One of ${field.choices.map((c) => c.value).join(', ')}`, 100),
      maxLength: 20,
      value,
    };
  }
  const range = `${formatNumber(field.min)} to ${formatNumber(field.max)}${field.unit ? ` ${field.unit}` : ''}`;
  const hint = field.logScale ? `${range}, e.g. 0.01 or 1e-3` : field.step ? `${range}, steps of ${field.step}` : range;
  return { customId: field.name, label: clip(field.label, LIMITS.modalLabel), placeholder: clip(hint, 100), maxLength: 20, value };
}

const askForMove: ComponentHandler<BoardRef> = {
  parse: parseBoardRef,
  async run(request, ref, app) {
    const game = await loadGame(app, ref.gameId);
    checkTurn(game, request, ref.version);
    const last = game.state.history.at(-1)?.move as Record<string, unknown> | undefined;
    return showModal({
      customId: encodeCustomId('play', 'submit', ref.gameId, ref.version),
      title: clip(game.rules.title, LIMITS.modalTitle),
      fields: game.rules.moveFields(game.record.difficulty).map((f) => modalField(f, last?.[f.name])),
    });
  },
};

const submitMove: ComponentHandler<BoardRef> = {
  parse: parseBoardRef,
  async run(request, ref, app) {
    const game = await loadGame(app, ref.gameId);
    checkTurn(game, request, ref.version);
    return makeMove(app, game, { kind: 'move', input: request.fields }, render);
  },
};

const giveUp: ComponentHandler<BoardRef> = {
  parse: parseBoardRef,
  async run(request, ref, app) {
    const game = await loadGame(app, ref.gameId);
    checkTurn(game, request, ref.version);
    return makeMove(app, game, { kind: 'give-up' }, render);
  },
};

/** A dial turned: only the board's draft changes (carried in the custom ids), not the game. */
const turnDial: ComponentHandler<BoardRef & { dial: number; draft: string }> = {
  parse(args) {
    const ref = parseBoardRef(args);
    const [, , dial, draft] = args;
    return ref && dial && /^\d$/.test(dial) && draft ? { ...ref, dial: Number(dial), draft } : undefined;
  },
  async run(request, { gameId, version, dial, draft }, app) {
    const game = await loadGame(app, gameId);
    checkTurn(game, request, version);
    const dials = decodeDials(draft, dialsFor(game.record.difficulty));
    const digit = Number(request.values[0]);
    if (!dials || dial >= dials.length || !Number.isInteger(digit) || digit < 0 || digit > 9) {
      throw new UserError('Each dial goes from 0 to 9.');
    }
    dials[dial] = digit;
    return update(boardMessage(game, { dials }));
  },
};

const tryCombination: ComponentHandler<BoardRef & { draft: string }> = {
  parse(args) {
    const ref = parseBoardRef(args);
    return ref && args[2] ? { ...ref, draft: args[2] } : undefined;
  },
  async run(request, { gameId, version, draft }, app) {
    const game = await loadGame(app, gameId);
    checkTurn(game, request, version);
    const dials = decodeDials(draft, dialsFor(game.record.difficulty));
    if (!dials || dials.some((d) => d === null)) throw new UserError('Set every dial before you try the lock.');
    const input = Object.fromEntries(dials.map((digit, i) => [`dial${i + 1}`, digit ?? undefined]));
    return makeMove(app, game, { kind: 'move', input }, render);
  },
};

const pickString: ComponentHandler<BoardRef> = {
  parse: parseBoardRef,
  async run(request, ref, app) {
    const game = await loadGame(app, ref.gameId);
    checkTurn(game, request, ref.version);
    return update(boardMessage(game, { string: request.values[0] }));
  },
};

const turnPeg: ComponentHandler<BoardRef & { string: string; cents: string }> = {
  parse(args) {
    const ref = parseBoardRef(args);
    const [, , string, cents] = args;
    return ref && string && cents ? { ...ref, string, cents } : undefined;
  },
  async run(request, { gameId, version, string, cents }, app) {
    const game = await loadGame(app, gameId);
    checkTurn(game, request, version);
    return makeMove(app, game, { kind: 'move', input: { string, cents } }, render);
  },
};

/** "Why?" after the reveal: what the picture shows and the idea behind it, at the asker's level. */
const why: ComponentHandler<{ gameId: string }> = {
  parse: ([gameId]) => (gameId && /^[0-9A-Za-z]{10}$/.test(gameId) ? { gameId } : undefined),
  async run(request, { gameId }, app) {
    const game = await loadGame(app, gameId);
    if (game.state.status === 'playing') throw new UserError('The reveal comes when the game ends.');
    const level = await levelFor(app, request.user.id, undefined);
    const { title, description } = whyExplanation(game.state, level, app.topics);
    return reply({ ephemeral: true, embeds: [{ title: clip(title, LIMITS.embedTitle), description: clip(description, LIMITS.embedDescription) }] });
  },
};

const play: CommandModule = {
  data,
  async execute(request, app) {
    const id = request.subcommand ?? '';
    if (!isGameId(id)) throw new UserError(`There is no game called ${id}. Try bake, lock, tune or train.`);
    const seed = String(request.options.seed ?? '').trim() || freshSeed();
    const difficulty = request.options.difficulty === undefined ? undefined : String(request.options.difficulty);
    const game = await startGame(app, GAMES[id], { game: id, mode: 'solo', seed, difficulty, request });
    return reply(boardMessage(game));
  },
  components: {
    ask: askForMove,
    submit: submitMove,
    giveup: giveUp,
    dial: turnDial,
    try: tryCombination,
    string: pickString,
    peg: turnPeg,
    why,
  },
};

export default play;
