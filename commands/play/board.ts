/**
 * The game board: the story in a line, the budget left, every move with its feedback, and the controls
 * (a modal for numbers, select menus for dials and strings, buttons for steps, Give up). Every control's
 * custom id carries the game id and the board's version, so a click on an outdated board is recognised.
 */
import { encodeCustomId } from '../../src/command-layer/custom-id.js';
import { clip, LIMITS } from '../../src/command-layer/limits.js';
import type { ComponentView, EmbedFieldView, FileView, MessageView } from '../../src/command-layer/types.js';
import { PEG_STEPS, GUITAR_STRINGS, stringFrequencies, type TuneState } from '../../src/games/tune.js';
import { dialsFor } from '../../src/games/lock.js';
import type { AnyGameRules, GameId, GameState } from '../../src/games/types.js';
import { strumWav } from '../../src/pictures/index.js';
import type { GameRecord } from '../../src/storage/index.js';
import { moveNoun, turnText } from './turn-text.js';

export interface GameView {
  record: GameRecord;
  rules: AnyGameRules;
  state: GameState<unknown, unknown>;
}

/** Choices made on the board that are not a move yet: the dials set so far, the string picked. */
export interface Draft {
  dials?: readonly (number | null)[];
  string?: string;
}

const COLOURS = { playing: 0x5865f2, won: 0x57f287, spent: 0xfee75c, 'gave-up': 0x99aab5 } as const;
const HISTORY_LINES = 15;

export function encodeDials(dials: readonly (number | null)[]): string {
  return dials.map((d) => (d === null ? '_' : String(d))).join('');
}

export function decodeDials(text: string, count: number): (number | null)[] | undefined {
  if (text.length !== count || !/^[0-9_]+$/.test(text)) return undefined;
  return [...text].map((c) => (c === '_' ? null : Number(c)));
}

function statusLine(game: GameView): string {
  const outcome = game.rules.outcome(game.state);
  const noun = moveNoun(game.rules.id as GameId, outcome.movesUsed);
  switch (outcome.status) {
    case 'won':
      return `**Solved in ${outcome.movesUsed} ${noun}!** Score ${outcome.score}/100.`;
    case 'spent':
      return `**Out of ${moveNoun(game.rules.id as GameId, 2)}.** Best ${outcome.best ?? '–'}, score ${outcome.score}/100.`;
    case 'gave-up':
      return `**You gave up** after ${outcome.movesUsed} ${noun}.`;
    case 'playing':
      return '';
  }
}

function historyText(game: GameView): string {
  const id = game.rules.id as GameId;
  const turns = game.state.history;
  if (turns.length === 0) return `No ${moveNoun(id, 2)} yet.`;
  const shown = turns.slice(-HISTORY_LINES);
  const skipped = turns.length - shown.length;
  const lines = shown.map((turn, i) => `${skipped + i + 1}. ${turnText(id, turn)}`);
  return (skipped > 0 ? [`…${skipped} earlier`, ...lines] : lines).join('\n');
}

export function boardFields(game: GameView): EmbedFieldView[] {
  const outcome = game.rules.outcome(game.state);
  const id = game.rules.id as GameId;
  const left = outcome.budget - outcome.movesUsed;
  return [
    { name: 'Left', value: `${left} of ${outcome.budget} ${moveNoun(id, 2)}`, inline: true },
    { name: 'Best so far', value: outcome.best === null ? '–' : String(outcome.best), inline: true },
    { name: 'Puzzle', value: `seed \`${game.record.seed}\` · ${game.record.difficulty}`, inline: true },
  ];
}

function controls(game: GameView, draft: Draft): ComponentView[][] {
  const { record } = game;
  const id = (action: string, ...args: (string | number)[]) => encodeCustomId('play', action, record.id, record.version, ...args);
  const giveUp: ComponentView = { type: 'button', customId: id('giveup'), label: 'Give up', style: 'danger' };
  switch (game.rules.id as GameId) {
    case 'bake':
      return [[{ type: 'button', customId: id('ask'), label: 'Bake…', style: 'primary' }, giveUp]];
    case 'train':
      return [[{ type: 'button', customId: id('ask'), label: 'Train…', style: 'primary' }, giveUp]];
    case 'lock': {
      const count = dialsFor(record.difficulty);
      const dials = draft.dials ?? Array.from({ length: count }, () => null);
      const rows: ComponentView[][] = dials.map((digit, dial) => [
        {
          type: 'select',
          customId: id('dial', dial, encodeDials(dials)),
          placeholder: `Dial ${dial + 1}`,
          options: Array.from({ length: 10 }, (_, n) => ({ label: `Dial ${dial + 1}: ${n}`, value: String(n), isDefault: digit === n })),
        },
      ]);
      const ready = dials.every((d) => d !== null);
      rows.push([
        { type: 'button', customId: id('try', encodeDials(dials)), label: ready ? `Try ${dials.join(' ')}` : 'Set every dial', style: 'primary', disabled: !ready },
        giveUp,
      ]);
      return rows;
    }
    case 'tune': {
      const chosen = draft.string ?? GUITAR_STRINGS[0].name;
      const step = (cents: number): ComponentView => ({
        type: 'button',
        customId: id('peg', chosen, cents),
        label: `${cents > 0 ? '+' : ''}${cents}¢`,
        style: 'secondary',
      });
      return [
        [
          {
            type: 'select',
            customId: id('string'),
            placeholder: 'String to turn',
            options: GUITAR_STRINGS.map((s) => ({ label: `String ${s.name}`, value: s.name, isDefault: s.name === chosen })),
          },
        ],
        PEG_STEPS.filter((s) => s < 0).map(step),
        [...PEG_STEPS.filter((s) => s > 0).map(step), giveUp],
      ];
    }
  }
}

/** The strum as it sounds now, so an out-of-tune guitar really sounds out of tune. */
function strumFile(game: GameView): FileView {
  const state = game.state as TuneState;
  const score = state.history.at(-1)?.feedback.score;
  return {
    name: 'strum.wav',
    data: strumWav(stringFrequencies(state), { seed: `${game.record.seed}/${state.history.length}` }),
    description: clip(
      score === undefined
        ? 'The guitar strummed as it starts: all six strings, out of tune.'
        : `The guitar strummed after move ${state.history.length}: the chord sounds ${score} out of 100 in tune.`,
      LIMITS.altText,
    ),
  };
}

export function boardMessage(game: GameView, draft: Draft = {}): MessageView {
  const playing = game.state.status === 'playing';
  const description = [game.rules.blurb, historyText(game), statusLine(game)].filter(Boolean).join('\n\n');
  const replayHint = `/play ${game.rules.id} seed:${game.record.seed} difficulty:${game.record.difficulty}`;
  return {
    embeds: [
      {
        title: game.rules.title,
        description: clip(description, LIMITS.embedDescription),
        color: COLOURS[game.state.status],
        fields: boardFields(game),
        footer: `Same puzzle for friends: ${replayHint} · game ${game.record.id}`,
      },
    ],
    rows: playing ? controls(game, draft) : [],
    files: game.rules.id === 'tune' ? [strumFile(game)] : [],
  };
}
