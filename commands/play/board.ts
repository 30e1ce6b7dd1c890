/**
 * The game board: the story in a line, the budget left, every move with its feedback, and the controls
 * (a modal for numbers, select menus for dials and strings, buttons for steps, Give up). Every control's
 * custom id carries the game id and the board's version, so a click on an outdated board is recognised.
 */
import { encodeCustomId } from '../../src/command-layer/custom-id.js';
import { clip, LIMITS } from '../../src/command-layer/limits.js';
import { unchangedFiles, type ComponentView, type EmbedFieldView, type FileView, type MessageView } from '../../src/command-layer/types.js';
import { dayOfDailySeed } from '../../src/social/daily-puzzles.js';
import { dayNumber } from '../../src/social/days.js';
import { counted, presenterOf, type AnyGamePresenter } from './games/index.js';
import { optimiserNoun, raceRules, tryCost } from './race.js';
import { scoreExplanation } from './score-words.js';
import { isOpen, type GameView } from './session.js';
import { formatNumber } from './turn-text.js';

/** Choices made on the board that are not a move yet (the lock's dials so far, the string picked). */
export interface Draft {
  /** The choice as the game's presenter writes it into custom ids; see its `selection`. */
  selection?: string;
  /** Give up was pressed once: the board asks before it ends the game. */
  confirmGiveUp?: boolean;
}

/**
 * The draft as one custom-id part, so a board that asks "Really give up?" comes back exactly as it was
 * when the player keeps playing; `_` for a game whose board has nothing to keep.
 */
export function encodeDraft(game: GameView, draft: Draft): string {
  return draft.selection ?? presenterOf(game.rules.id).selection?.initial(game) ?? '_';
}

/** The draft an encoded part carries; an unreadable part gives the board's fresh draft. */
export function decodeDraft(game: GameView, text: string | undefined): Draft {
  const selection = presenterOf(game.rules.id).selection;
  return text !== undefined && selection?.accepts(game, text) === true ? { selection: text } : {};
}

/** Buttons in one row, at most; Discord's limit. */
const ROW_BUTTONS = 5;

const COLOURS = { playing: 0x5865f2, won: 0x57f287, spent: 0xfee75c, 'gave-up': 0x99aab5 } as const;

const HISTORY_LINES = 15;

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

const presenter = (game: GameView): AnyGamePresenter => presenterOf(game.rules.id);

/** What decides a win and what a reading means, where a game has more to say than its blurb. */
function rulesLine(game: GameView): string {
  return presenter(game).rulesText?.(game.record.difficulty) ?? '';
}

function statusLine(game: GameView): string {
  const outcome = game.rules.outcome(game.state);
  const id = game.rules.id;
  const nouns = presenter(game).nouns;
  const group = game.session.group;
  if (group?.endedBy) {
    return `**${ROUND_ENDINGS[group.endedBy]}.** The group made ${counted(nouns, outcome.movesUsed)}; best ${outcome.best ?? '–'}.`;
  }
  const moves = counted(nouns, outcome.movesUsed);
  const race = game.session.race;
  const optimiserLast = race?.trials.at(-1);
  const optimiserFinished =
    race?.winner === 'optimiser' && optimiserLast !== undefined && game.rules.winsAt(game.record.seed, game.record.difficulty, optimiserLast.params);
  if (race && optimiserFinished && outcome.status === 'spent') {
    return `**The optimiser ${presenter(game).finishWords} first**, on its ${ordinal(race.trials.length)} ${optimiserNoun(id)}. Your best was ${outcome.best ?? '–'}.`;
  }
  const line = (() => {
    switch (outcome.status) {
      case 'won':
        return `**Solved in ${moves}!** ${scoreExplanation(id, outcome, game.record.difficulty)}`;
      case 'spent':
        return `**Out of ${nouns.many}.** Best ${outcome.best ?? '–'}. ${scoreExplanation(id, outcome, game.record.difficulty)}`;
      case 'gave-up':
        return `**You gave up** after ${moves}.`;
      case 'playing':
        return '';
    }
  })();
  return [line, raceLine(game)].filter(Boolean).join(' ');
}

function historyText(game: GameView): string {
  const words = presenter(game);
  const turns = game.state.history;
  const start = words.startText?.(game.state);
  if (turns.length === 0) return [`No ${words.nouns.many} yet.`, start].filter(Boolean).join(' ');
  const group = game.session.group;
  const names = new Map(group?.players.map((p) => [p.id, p.name]));
  const shown = turns.slice(-HISTORY_LINES);
  const skipped = turns.length - shown.length;
  const lines = shown.map((turn, i) => {
    const index = skipped + i;
    // Display names only, never mentions: a board must not ping anyone.
    const who = group ? `**${names.get(group.movers[index] ?? '') ?? 'someone'}**: ` : '';
    return `${index + 1}. ${who}${words.turnText(turn)}`;
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
    return `${rules}\n${cost === 1 ? 'Waiting for your first move.' : `It makes its first try after your ${ordinal(cost)} ${presenter(game).nouns.one}.`}`;
  }
  const last = race.trials.at(-1)!;
  const best = Math.max(...race.trials.map((t) => t.value));
  return `${rules}\n${race.trials.length} ${optimiserNoun(id, race.trials.length)}, best **${formatNumber(best)}**\nlast: ${presenter(game).raceMoveText(last.params, last.value)}`;
}

function scoreboard(game: GameView): string {
  const group = game.session.group!;
  if (group.players.length === 0) return 'Nobody yet: make a move to join.';
  const rows = group.players.map((player) => {
    const readings = game.state.history.flatMap((turn, i) => (group.movers[i] === player.id ? [game.rules.reading(turn)] : []));
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
  const nouns = presenter(game).nouns;
  const puzzle: EmbedFieldView = { name: 'Puzzle', value: `${puzzleName(game)} · ${game.record.difficulty}`, inline: true };
  const group = game.session.group;
  if (group) {
    const closes = Math.floor(Date.parse(group.endsAt) / 1000);
    return [
      { name: 'Each player', value: `${counted(nouns, group.perPlayer)} · closes <t:${closes}:R>`, inline: true },
      { name: 'Best so far', value: outcome.best === null ? '–' : String(outcome.best), inline: true },
      puzzle,
      { name: `Scoreboard (${group.players.length} playing)`, value: scoreboard(game) },
    ];
  }
  const fields: EmbedFieldView[] = [
    { name: 'Left', value: `${outcome.budget - outcome.movesUsed} of ${outcome.budget} ${nouns.many}`, inline: true },
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
  const rows = presenter(game).controls({ game, state: game.state, selection: draft.selection, id, giveUp });
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

/** How the board is shown. */
export interface BoardShown {
  /**
   * The message this board edits shows this very state's board (the click checked its version), so its
   * picture is already there and stays as it is.
   */
  readonly pictureShown?: boolean;
}

/** The board's files: its picture first (the embed's image), then the others; kept as they are when shown. */
function boardFiles(game: GameView, shown: BoardShown): { files: FileView[]; imageFile?: string } {
  const picture = presenter(game).boardPicture?.(game, game.state);
  const files = [...(picture ? [picture] : []), ...(presenter(game).boardFiles?.(game, game.state) ?? [])];
  return { files: shown.pictureShown ? unchangedFiles(files) : files, ...(picture && { imageFile: picture.name }) };
}

export function boardMessage(game: GameView, draft: Draft = {}, shown: BoardShown = {}): MessageView {
  const playing = isOpen(game);
  const { files, imageFile } = boardFiles(game, shown);
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
        ...(imageFile && { imageFile }),
      },
    ],
    rows: playing ? controls(game, draft) : [],
    files,
  };
}
