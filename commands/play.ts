/**
 * /play bake|lock|tune|train [seed] [difficulty] [mode] [minutes] — a tuning game: a hidden objective
 * probed with a small budget. Solo, as a group round on one shared board, or racing the optimiser.
 * Every move edits the board; when the game ends the board reveals how grid, random, quasi-random and
 * Bayesian search would have played the same puzzle.
 */
import { SlashCommandBuilder, type SlashCommandSubcommandBuilder } from '@discordjs/builders';
import { IN_SERVERS_AND_DMS, INSTALLED_TO } from './views/contexts.js';
import { encodeCustomId, exactly } from '../src/command-layer/custom-id.js';
import { UserError } from '../src/command-layer/errors.js';
import { clip, LIMITS } from '../src/command-layer/limits.js';
import {
  reply,
  showModal,
  update,
  type CommandModule,
  type ComponentHandler,
  type RoutableComponentHandler,
  type ModalFieldView,
} from '../src/command-layer/types.js';
import { GAME_IDS, GAMES, isGameId } from '../src/games/index.js';
import { DAILY_SEED_PREFIX, looksLikeDailySeed } from '../src/social/daily-puzzles.js';
import type { GameId, MoveField } from '../src/games/types.js';
import { boardMessage, decodeDraft } from './play/board.js';
import { PRESENTERS, presenterOf } from './play/games/index.js';
import type { BoardAction } from './play/games/presenter.js';
import { optimiserThoughts } from './play/race.js';
import { closeExpiredGamesJob } from './play/expiry.js';
import { closeRoundsOnTime } from './play/rounds.js';
import { whyExplanation } from './play/reveal-view.js';
import { render, gameHooks } from './play/render.js';
import { withReplayLink } from './play/replay-link.js';
import { checkTurn, freshSeed, savedByThisInteraction, GAME_ID_PATTERN, loadGame, makeMove, parseBoardRef, startGame, type BoardRef, type MoveAction } from './play/session.js';
import { formatNumber } from './play/turn-text.js';
import { levelFor } from './views/level.js';

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
      )
      .addStringOption((o) =>
        o
          .setName('mode')
          .setDescription('Solo (default), a group round on one board, or a race against the optimiser')
          .addChoices({ name: 'solo', value: 'solo' }, { name: 'group', value: 'group' }, { name: 'race the optimiser', value: 'race' }),
      )
      .addIntegerOption((o) => o.setName('minutes').setDescription('Group rounds: how long the round stays open (default 10)').setMinValue(1).setMaxValue(120));
}

const data = new SlashCommandBuilder()
  .setName('play')
  .setDescription('Play a tuning game: find the hidden best setting with a small budget')
  .setContexts(...IN_SERVERS_AND_DMS)
  .setIntegrationTypes(...INSTALLED_TO);
for (const id of GAME_IDS) data.addSubcommand(gameSubcommand(id));

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

/** A handler that loads the board, checks the click belongs on it now, and makes a move. */
function moveHandler<P extends BoardRef>(parse: (args: readonly string[]) => P | undefined, action: (parsed: P, request: Parameters<ComponentHandler<P>['run']>[0]) => MoveAction): ComponentHandler<P> {
  return {
    parse,
    async run(request, parsed, app) {
      const game = await loadGame(app, parsed.gameId);
      const madeElsewhere = savedByThisInteraction(game, request.interactionId, gameHooks);
      if (madeElsewhere) return madeElsewhere;
      checkTurn(game, request, parsed.version, boardMessage);
      return makeMove(app, game, request.user, action(parsed, request), withReplayLink(app, gameHooks), request.messageId, request.interactionId);
    },
  };
}

const askForMove: ComponentHandler<BoardRef> = {
  parse: parseBoardRef,
  async run(request, ref, app) {
    const game = await loadGame(app, ref.gameId);
    checkTurn(game, request, ref.version, boardMessage);
    const last = game.state.history.at(-1)?.move as Record<string, unknown> | undefined;
    return showModal({
      customId: encodeCustomId('play', 'submit', ref.gameId, ref.version),
      title: clip(game.rules.title, LIMITS.modalTitle),
      fields: game.rules.moveFields(game.record.difficulty).map((f) => modalField(f, last?.[f.name])),
    });
  },
};

const submitMove = moveHandler(parseBoardRef, (_ref, request) => ({ kind: 'move', input: request.fields }));
/** What encodeDraft writes: a selection in the shape some game's board writes, or _ for none. */
function isDraftPart(text: string): boolean {
  return text === '_' || Object.values(PRESENTERS).some((presenter) => presenter.selection?.shape.test(text) === true);
}

/** A board reference and, for a game whose board keeps a selection (the lock's dials), that selection. */
function parseBoardWithDraft(args: readonly string[]): (BoardRef & { draft: string | undefined }) | undefined {
  if (args.length !== 2 && args.length !== 3) return undefined;
  const ref = parseBoardRef(args.slice(0, 2));
  const draft = args[2];
  if (!ref || (draft !== undefined && !isDraftPart(draft))) return undefined;
  return { ...ref, draft };
}

/**
 * Give up asks first: the board swaps the button for "Really give up?" with Yes and Keep playing. Nothing
 * is saved, so the board's version stays and a stale click is answered with the board as it is.
 */
const askGiveUp: ComponentHandler<BoardRef & { draft: string | undefined }> = {
  parse: parseBoardWithDraft,
  async run(request, ref, app) {
    const game = await loadGame(app, ref.gameId);
    checkTurn(game, request, ref.version, boardMessage, { spendsMove: false });
    return update(boardMessage(game, { ...decodeDraft(game, ref.draft), confirmGiveUp: true }, { pictureShown: true }));
  },
};

const keepPlaying: ComponentHandler<BoardRef & { draft: string | undefined }> = {
  parse: parseBoardWithDraft,
  async run(request, ref, app) {
    const game = await loadGame(app, ref.gameId);
    checkTurn(game, request, ref.version, boardMessage, { spendsMove: false });
    return update(boardMessage(game, decodeDraft(game, ref.draft), { pictureShown: true }));
  },
};

const giveUp = moveHandler(parseBoardRef, () => ({ kind: 'give-up' }));

/** The host closes a group round early; the reveal follows. */
const endRound: ComponentHandler<BoardRef> = {
  parse: parseBoardRef,
  async run(request, ref, app) {
    const game = await loadGame(app, ref.gameId);
    const madeElsewhere = savedByThisInteraction(game, request.interactionId, gameHooks);
    if (madeElsewhere) return madeElsewhere;
    // Ending the round is not a move: a host who has used their own moves can still end it. Only the
    // host may: the session machine refuses anyone else.
    checkTurn(game, request, ref.version, boardMessage, { spendsMove: false });
    return makeMove(app, game, request.user, { kind: 'end-round' }, withReplayLink(app, gameHooks), request.messageId, request.interactionId);
  },
};

/**
 * A control a game adds to its board (the lock's dials, the tune's pegs): the board is loaded and the click
 * checked like any other, then the game's presenter says whether it changes the board or makes a move.
 */
function gameControl(action: string, control: BoardAction<unknown>): ComponentHandler<BoardRef & { parsed: unknown }> {
  return {
    parse(args) {
      const ref = parseBoardRef(args, control.arguments);
      const parsed = ref && control.parse(args.slice(2));
      return ref && parsed !== undefined ? { ...ref, parsed } : undefined;
    },
    async run(request, { gameId, version, parsed }, app) {
      const game = await loadGame(app, gameId);
      const madeElsewhere = savedByThisInteraction(game, request.interactionId, gameHooks);
      if (madeElsewhere) return madeElsewhere;
      checkTurn(game, request, version, boardMessage);
      if (presenterOf(game.rules.id).actions?.[action] !== control) throw new UserError('That control belongs to another game’s board.');
      const answer = control.answer(game, parsed, request.values);
      if ('selection' in answer) return update(boardMessage(game, { selection: answer.selection }, { pictureShown: true }));
      return makeMove(app, game, request.user, { kind: 'move', input: answer.move }, gameHooks, request.messageId, request.interactionId);
    },
  };
}

/** Every game's own controls by action; two games may not claim one action, nor a game a generic one. */
function gameControls(generic: readonly string[]): Record<string, ComponentHandler<BoardRef & { parsed: unknown }>> {
  const handlers: Record<string, ComponentHandler<BoardRef & { parsed: unknown }>> = {};
  for (const presenter of Object.values(PRESENTERS)) {
    for (const [action, control] of Object.entries(presenter.actions ?? {})) {
      if (Object.hasOwn(handlers, action) || generic.includes(action)) throw new Error(`Two /play board controls are called "${action}".`);
      handlers[action] = gameControl(action, control);
    }
  }
  return handlers;
}

const parseGameId = (args: readonly string[]) => {
  const gameId = exactly(args, 1)?.[0];
  return gameId && GAME_ID_PATTERN.test(gameId) ? { gameId } : undefined;
};

/** "Why?" after the reveal: what the picture shows and the idea behind it, at the asker's level. */
const why: ComponentHandler<{ gameId: string }> = {
  parse: parseGameId,
  async run(request, { gameId }, app) {
    const game = await loadGame(app, gameId);
    if (game.state.status === 'playing') throw new UserError('The reveal comes when the game ends.');
    const level = await levelFor(app, request.user.id, undefined);
    const { title, description } = whyExplanation(game.state, level, app.topics);
    return reply({ ephemeral: true, embeds: [{ title: clip(title, LIMITS.embedTitle), description: clip(description, LIMITS.embedDescription) }] });
  },
};

/** "What is it thinking?" in a race: the optimiser's current belief, privately, with one line of explanation. */
const think: ComponentHandler<BoardRef> = {
  parse: parseBoardRef,
  async run(request, ref, app) {
    const game = await loadGame(app, ref.gameId);
    if (!game.session.race) throw new UserError('Only a race has an optimiser to ask.');
    if (game.record.ownerId !== request.user.id) throw new UserError(`This is someone else's race. Start your own with \`/play ${game.record.game} mode:race\`.`);
    return reply({ ...optimiserThoughts(game), ephemeral: true });
  },
};

function withGameControls(generic: Record<string, RoutableComponentHandler>): Record<string, RoutableComponentHandler> {
  return { ...generic, ...gameControls(Object.keys(generic)) };
}

const play: CommandModule = {
  data,
  async execute(request, app) {
    const id = request.subcommand ?? '';
    if (!isGameId(id)) throw new UserError(`There is no game called ${id}. Try ${GAME_IDS.slice(0, -1).join(', ')} or ${GAME_IDS.at(-1)}.`);
    const mode = request.options.mode === 'group' || request.options.mode === 'race' ? request.options.mode : 'solo';
    // A group round's board is closed on time by editing it in its channel, so it needs to know where it is.
    if (mode === 'group' && (!request.guildId || !request.channelId)) throw new UserError('Group rounds are played in a server channel.');
    const seed = String(request.options.seed ?? '').trim() || freshSeed();
    if (looksLikeDailySeed(seed)) {
      throw new UserError(`Seeds starting with “${DAILY_SEED_PREFIX}” belong to the daily puzzles. Play today's with \`/daily ${id}\`, or pick another seed.`);
    }
    const difficulty = request.options.difficulty === undefined ? undefined : String(request.options.difficulty);
    const minutes = typeof request.options.minutes === 'number' ? request.options.minutes : undefined;
    const game = await startGame(app, { game: id, mode, seed, difficulty, minutes, request });
    return reply(render(game).message);
  },
  components: withGameControls({
    ask: askForMove,
    submit: submitMove,
    giveup: askGiveUp,
    quit: giveUp,
    keep: keepPlaying,
    end: endRound,
    why,
    think,
  }),
  scheduled: [closeRoundsOnTime, closeExpiredGamesJob],
};

export default play;
