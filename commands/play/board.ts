/**
 * The game board: the story in a line, the budget left, every move with its feedback, and the controls
 * (a modal for numbers, select menus for dials and strings, buttons for steps, Give up). Every control's
 * custom id carries the game id and the board's version, so a click on an outdated board is recognised.
 */
import { encodeCustomId } from '../../src/command-layer/custom-id.js';
import { clip, LIMITS } from '../../src/command-layer/limits.js';
import type { ComponentView, EmbedFieldView, FileView, MessageView } from '../../src/command-layer/types.js';
import { PEG_STEPS, GUITAR_STRINGS, startingScore, stringFrequencies, type TuneMove, type TuneState } from '../../src/games/tune.js';
import { dialsFor } from '../../src/games/lock.js';
import type { GameId } from '../../src/games/types.js';
import { strumWav } from '../../src/pictures/index.js';
import { dayOfDailySeed } from '../../src/social/daily-puzzles.js';
import { dayNumber } from '../../src/social/days.js';
import { finishWords, optimiserNoun, raceRules, tryCost } from './race.js';
import { bakeRulesText } from '../../src/games/bake.js';
import { scoreExplanation } from './score-words.js';
import { isOpen, type GameView } from './session.js';
import { formatNumber, moveNoun, readingOf, turnText } from './turn-text.js';

/** Choices made on the board that are not a move yet: the dials set so far, the string picked. */
export interface Draft {
  dials?: readonly (number | null)[];
  string?: string;
  /** Give up was pressed once: the board asks before it ends the game. */
  confirmGiveUp?: boolean;
}

/**
 * The draft as one custom-id part (the lock's dials, or the tune's string), so a board that asks
 * "Really give up?" comes back exactly as it was when the player keeps playing.
 */
export function encodeDraft(game: GameView, draft: Draft): string {
  switch (game.rules.id) {
    case 'lock':
      return encodeDials(draft.dials ?? Array.from({ length: dialsFor(game.record.difficulty) }, () => null));
    case 'tune':
      return draft.string ?? GUITAR_STRINGS[0].name;
    default:
      return '_';
  }
}

/** The draft an encoded part carries; an unreadable part gives the board's fresh draft. */
export function decodeDraft(game: GameView, text: string | undefined): Draft {
  switch (game.rules.id) {
    case 'lock': {
      const dials = text === undefined ? undefined : decodeDials(text, dialsFor(game.record.difficulty));
      return dials ? { dials } : {};
    }
    case 'tune':
      return GUITAR_STRINGS.some((s) => s.name === text) ? { string: text } : {};
    default:
      return {};
  }
}

/** Buttons in one row, at most; Discord's limit. */
const ROW_BUTTONS = 5;

const COLOURS = { playing: 0x5865f2, won: 0x57f287, spent: 0xfee75c, 'gave-up': 0x99aab5 } as const;

const HISTORY_LINES = 15;

export function encodeDials(dials: readonly (number | null)[]): string {
  return dials.map((d) => (d === null ? '_' : String(d))).join('');
}

export function decodeDials(text: string, count: number): (number | null)[] | undefined {
  if (text.length !== count || !/^[0-9_]+$/.test(text)) return undefined;
  return [...text].map((c) => (c === '_' ? null : Number(c)));
}

const ROUND_ENDINGS = {
  time: 'Time is up',
  host: 'The host ended the round',
  budgets: 'Everyone has made their moves',
  target: 'Solved',
} as const;

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function raceLine(game: GameView): string {
  const race = game.session.race;
  if (!race?.winner) return '';
  if (race.winner === 'player') return '**You beat the optimiser!**';
  if (race.winner === 'optimiser') return '**The optimiser won this race.**';
  return '**A tie with the optimiser.**';
}

function dialsOf(game: GameView): number {
  return game.rules.id === 'lock' ? dialsFor(game.record.difficulty) : 0;
}

/** What decides a win and what a reading means, where a game has more to say than its blurb. */
function rulesLine(game: GameView): string {
  return game.rules.id === 'bake' ? bakeRulesText(game.record.difficulty) : '';
}

function statusLine(game: GameView): string {
  const outcome = game.rules.outcome(game.state);
  const id = game.rules.id;
  const group = game.session.group;
  if (group?.endedBy) {
    return `**${ROUND_ENDINGS[group.endedBy]}.** The group made ${outcome.movesUsed} ${moveNoun(id, outcome.movesUsed)}; best ${outcome.best ?? '–'}.`;
  }
  const noun = moveNoun(id, outcome.movesUsed);
  const race = game.session.race;
  const optimiserLast = race?.trials.at(-1);
  const optimiserFinished =
    race?.winner === 'optimiser' && optimiserLast !== undefined && game.rules.winsAt(game.record.seed, game.record.difficulty, optimiserLast.params);
  if (race && optimiserFinished && outcome.status === 'spent') {
    return `**The optimiser ${finishWords(id)} first**, on its ${ordinal(race.trials.length)} ${optimiserNoun(id)}. Your best was ${outcome.best ?? '–'}.`;
  }
  const line = (() => {
    switch (outcome.status) {
      case 'won':
        return `**Solved in ${outcome.movesUsed} ${noun}!** ${scoreExplanation(id, outcome, dialsOf(game))}`;
      case 'spent':
        return `**Out of ${moveNoun(id, 2)}.** Best ${outcome.best ?? '–'}. ${scoreExplanation(id, outcome, dialsOf(game))}`;
      case 'gave-up':
        return `**You gave up** after ${outcome.movesUsed} ${noun}.`;
      case 'playing':
        return '';
    }
  })();
  return [line, raceLine(game)].filter(Boolean).join(' ');
}

/** Tune's first change is measured from the chord as it starts, so the board shows that score too. */
function startText(game: GameView): string | undefined {
  if (game.rules.id !== 'tune') return undefined;
  return `As it starts, the chord sounds **${formatNumber(startingScore(game.state as TuneState))}**.`;
}

function historyText(game: GameView): string {
  const id = game.rules.id;
  const turns = game.state.history;
  const start = startText(game);
  if (turns.length === 0) return [`No ${moveNoun(id, 2)} yet.`, start].filter(Boolean).join(' ');
  const group = game.session.group;
  const names = new Map(group?.players.map((p) => [p.id, p.name]));
  const shown = turns.slice(-HISTORY_LINES);
  const skipped = turns.length - shown.length;
  const lines = shown.map((turn, i) => {
    const index = skipped + i;
    // Display names only, never mentions: a board must not ping anyone.
    const who = group ? `**${names.get(group.movers[index] ?? '') ?? 'someone'}**: ` : '';
    return `${index + 1}. ${who}${turnText(id, turn)}`;
  });
  return [...(start ? [start] : []), ...(skipped > 0 ? [`…${skipped} earlier`] : []), ...lines].join('\n');
}

/** The race's rule, then the optimiser's moves in the same words as the player's. */
function raceText(game: GameView): string {
  const race = game.session.race;
  if (!race) return '';
  const rules = raceRules(game);
  const id = game.rules.id;
  if (race.trials.length === 0) {
    const cost = tryCost(id);
    return `${rules}\n${cost === 1 ? 'Waiting for your first move.' : `It makes its first try after your ${ordinal(cost)} ${moveNoun(id)}.`}`;
  }
  const last = race.trials.at(-1)!;
  const best = Math.max(...race.trials.map((t) => t.value));
  return `${rules}\n${race.trials.length} ${optimiserNoun(id, race.trials.length)}, best **${formatNumber(best)}**\nlast: ${raceMoveText(id, last.params, last.value)}`;
}

export function raceMoveText(game: GameId, params: Record<string, unknown>, value: number): string {
  switch (game) {
    case 'bake':
      return `${String(params.bakeTime)} min → ${value}`;
    case 'lock':
      return `\`${Object.keys(params).sort().map((k) => String(params[k])).join(' ')}\` → ${value} click${value === 1 ? '' : 's'}`;
    case 'tune':
      return `pegs ${Object.values(params).map((v) => `${Number(v) > 0 ? '+' : ''}${String(v)}`).join(' ')} → ${value}`;
    case 'train':
      return `lr ${formatNumber(Number(params.learningRate))} · ${String(params.epochs)} ep · ${String(params.hiddenUnits)} units → ${value}%`;
  }
}

function scoreboard(game: GameView): string {
  const group = game.session.group!;
  const id = game.rules.id;
  if (group.players.length === 0) return 'Nobody yet: make a move to join.';
  const rows = group.players.map((player) => {
    const readings = game.state.history.flatMap((turn, i) => (group.movers[i] === player.id ? [readingOf(id, turn)] : []));
    return { player, best: Math.max(...readings), used: readings.length };
  });
  rows.sort((a, b) => b.best - a.best);
  const shown = rows.slice(0, 10).map((r, i) => `${i + 1}. ${r.player.name}: ${formatNumber(r.best)} (${r.used}/${group.perPlayer})`);
  if (rows.length > 10) shown.push(`…and ${rows.length - 10} more`);
  return clip(shown.join('\n'), LIMITS.fieldValue);
}

/** The puzzle as the board names it: its seed, or for a daily puzzle only its number. */
function puzzleName(game: GameView): string {
  if (game.record.mode !== 'daily') return `seed \`${game.record.seed}\``;
  const day = dayOfDailySeed(game.record.seed);
  return day ? `Daily #${dayNumber(day)}` : 'Daily';
}

export function boardFields(game: GameView): EmbedFieldView[] {
  const outcome = game.rules.outcome(game.state);
  const id = game.rules.id;
  const puzzle: EmbedFieldView = { name: 'Puzzle', value: `${puzzleName(game)} · ${game.record.difficulty}`, inline: true };
  const group = game.session.group;
  if (group) {
    const closes = Math.floor(Date.parse(group.endsAt) / 1000);
    return [
      { name: 'Each player', value: `${group.perPlayer} ${moveNoun(id, group.perPlayer)} · closes <t:${closes}:R>`, inline: true },
      { name: 'Best so far', value: outcome.best === null ? '–' : String(outcome.best), inline: true },
      puzzle,
      { name: `Scoreboard (${group.players.length} playing)`, value: scoreboard(game) },
    ];
  }
  const fields: EmbedFieldView[] = [
    { name: 'Left', value: `${outcome.budget - outcome.movesUsed} of ${outcome.budget} ${moveNoun(id, 2)}`, inline: true },
    { name: 'Best so far', value: outcome.best === null ? '–' : String(outcome.best), inline: true },
    puzzle,
  ];
  if (game.session.race) fields.push({ name: 'The optimiser', value: clip(raceText(game), LIMITS.fieldValue) });
  return fields;
}

function controls(game: GameView, draft: Draft): ComponentView[][] {
  const { record } = game;
  const id = (action: string, ...args: (string | number)[]) => encodeCustomId('play', action, record.id, record.version, ...args);
  const kept = encodeDraft(game, draft);
  const giveUp: ComponentView = game.session.group
    ? { type: 'button', customId: id('end'), label: 'End round', style: 'danger' }
    : { type: 'button', customId: id('giveup', kept), label: 'Give up', style: 'danger', disabled: draft.confirmGiveUp === true };
  const rows = movesFor(game, draft, id, giveUp);
  if (draft.confirmGiveUp && !game.session.group) {
    // One stray click must not end a game: Give up turns into a question with two answers.
    const question: ComponentView[] = [
      { ...giveUp, label: 'Really give up?', style: 'secondary' },
      { type: 'button', customId: id('quit'), label: 'Yes, give up', style: 'danger' },
      { type: 'button', customId: id('keep', kept), label: 'Keep playing', style: 'secondary' },
    ];
    const row = rows.find((r) => r.includes(giveUp))!;
    if (row.length - 1 + question.length <= ROW_BUTTONS) row.splice(row.indexOf(giveUp), 1, ...question);
    else {
      row.splice(row.indexOf(giveUp), 1);
      rows.push(question);
    }
  }
  if (game.session.race) {
    const last = rows[rows.length - 1]!;
    const think: ComponentView = { type: 'button', customId: id('think'), label: 'What is it thinking?', style: 'secondary' };
    if (last.length < 5 && last.every((c) => c.type === 'button')) last.push(think);
    else rows.push([think]);
  }
  return rows;
}

function movesFor(game: GameView, draft: Draft, id: (action: string, ...args: (string | number)[]) => string, giveUp: ComponentView): ComponentView[][] {
  const { record } = game;
  switch (game.rules.id) {
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
      // The string last turned stays picked, so the next press turns it again without a wasted strum.
      const last = game.state.history.at(-1)?.move as TuneMove | undefined;
      const chosen = draft.string ?? last?.string ?? GUITAR_STRINGS[0].name;
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
    // Each strum replaces the last: a console keeps only the newest unless asked to keep them all.
    series: `strum-${game.record.id}`,
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
  const playing = isOpen(game);
  const description = [[game.rules.blurb, rulesLine(game)].filter(Boolean).join(' '), historyText(game), statusLine(game)].filter(Boolean).join('\n\n');
  // A daily seed is never shown: playing it elsewhere would scout today's answer (and /play refuses it).
  const replayHint =
    game.record.mode === 'daily'
      ? `/daily ${game.rules.id}`
      : `/play ${game.rules.id} seed:${game.record.seed} difficulty:${game.record.difficulty}`;
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
