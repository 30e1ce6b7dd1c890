/**
 * How one game looks and speaks: everything the board, the race and the reveal say or draw that differs
 * from game to game. The game's rules (src/games) decide what happens; its presenter says it. Boards,
 * reveals, "Why?" and "What is it thinking?" are generic loops that ask the presenter for the game's part.
 */
import type { ComponentView, FileView, MessageView } from '../../../src/command-layer/types.js';
import type { Reveal } from '../../../src/games/reveal-types.js';
import type { GameId, GameRules, GameState, MoveInput, Outcome, Turn } from '../../../src/games/types.js';
import type { Objective, Params } from '../../../src/search/types.js';
import type { GameView } from '../session.js';
import { formatNumber } from '../turn-text.js';

/** A move's name, singular and plural: "by bake 4", "in 12 tries". */
export interface Nouns {
  readonly one: string;
  readonly many: string;
}

/** How deep the "Why?" words go: levels 1–2 everyday words, 3 plain terms, 4–5 the optimiser's words. */
export type Depth = 'simple' | 'plain' | 'technical';

/** A board control's custom id: the action and the control's own arguments (game id and version are added). */
export type ControlId = (action: string, ...args: (string | number)[]) => string;

/** What a presenter gets to draw a board's move controls. */
export interface BoardControls<State> {
  readonly game: GameView;
  readonly state: State;
  /** The choice made on the board that is not a move yet (the lock's dials so far), as the presenter wrote it. */
  readonly selection: string | undefined;
  readonly id: ControlId;
  /** The Give up (or End round) button, to place in a row of the presenter's choosing. */
  readonly giveUp: ComponentView;
}

/**
 * A board's choice that is not a move yet (the dials set so far, the string picked), carried in custom ids
 * as one short text so the board comes back as it was after "Really give up?". Short, no colons.
 */
export interface SelectionText {
  /** What every selection text of this game looks like, checked before the game is loaded. */
  readonly shape: RegExp;
  /** The selection of a fresh board. */
  initial(game: GameView): string;
  /** Whether a text from a custom id is one this game's board writes. */
  accepts(game: GameView, text: string): boolean;
}

/** What pressing a game's own control does: the board's selection changes, or a move is made. */
export type ControlAnswer = { readonly selection: string } | { readonly move: MoveInput };

/**
 * A control a game adds to its board (the lock's dial menus, the tune's peg buttons), by the custom id
 * action its `controls` use. /play turns each into a handler that loads the board, checks the click
 * belongs on it now (as every board control does), then asks `answer`.
 */
export interface BoardAction<Parsed> {
  /** How many arguments the control's custom id carries after the game id and the board version. */
  readonly arguments: number;
  /** Those arguments, checked; undefined for an id this control never makes. */
  parse(args: readonly string[]): Parsed | undefined;
  /** Throws UserError, in the player's words, for a choice the board does not offer. */
  answer(game: GameView, parsed: Parsed, values: readonly string[]): ControlAnswer;
}

/** A board action typed by its own parse, kept in a presenter's list of any actions. */
export function boardAction<Parsed>(action: BoardAction<Parsed>): BoardAction<unknown> {
  return action;
}

export interface RevealPictures {
  readonly files: FileView[];
  /** The PNG the embed shows. */
  readonly imageFile: string;
}

/** What "What is it thinking?" knows, worked out by the race; the presenter puts the game's part into words. */
export interface ThinkingContext {
  readonly game: GameView;
  readonly objective: Objective;
  /** The optimiser's next try, undefined when it has made them all; `opening` when its design placed it. */
  readonly next: { readonly params: Params; readonly opening: boolean } | undefined;
  /** Said when it has no try left: "It has made all its bakes." */
  readonly done: string;
  /** When its next try comes, in the player's moves: "after your next bake". */
  readonly when: string;
  /** Why its first tries are spread out, as a clause without a full stop. */
  readonly opening: string;
}

export interface GamePresenter<State extends GameState<Move, Feedback>, Move, Feedback, Extras> {
  readonly id: GameId;
  readonly nouns: Nouns;
  /** What playing it is, after "Try it: `/play <game>`," under a topic that links the game. */
  readonly invitation: string;
  /** The optimiser's move in a race when it is not the player's (tune: one try sets every peg). */
  readonly optimiserNouns?: Nouns;
  /** The knobs one optimiser try sets at once, when a try is worth several of the player's moves ("pegs"). */
  readonly tryKnobs?: string;

  // ---- Readings: the number a move scored (the rules' `reading`), written in the game's unit.
  /** As the table writes it: "97", "2/3", "88.0%". */
  formatReading(value: number, difficulty: string): string;
  /** In a sentence: "a taste of 97", "2 of 3 clicks". */
  readingInWords(value: number, difficulty: string): string;
  /** The table legend's word for a best reading ("reading", "clicks"). */
  readonly readingName: string;

  // ---- The board.
  /** What decides a win and what a reading means, where the game has more to say than its blurb. */
  rulesText?(difficulty: string): string;
  /** A line before the first move, when the game starts somewhere worth saying (tune's starting chord). */
  startText?(state: State): string;
  /** One move and what it got back, for the board's history. */
  turnText(turn: Turn<Move, Feedback>): string;
  /** The rows of move controls; the generic Give up, confirmation and race buttons are added around them. */
  controls(board: BoardControls<State>): ComponentView[][];
  readonly selection?: SelectionText;
  /** The game's own controls by custom id action; Bake… style modal buttons ('ask') need none. */
  readonly actions?: Readonly<Record<string, BoardAction<unknown>>>;
  /** Files the board carries besides its picture (tune's strum). */
  boardFiles?(game: GameView, state: State): FileView[];
  /** The board's picture (dig's map of the digs so far), shown as the board embed's image; its alt text is the file's. */
  boardPicture?(game: GameView, state: State): FileView;

  // ---- The race against the optimiser.
  /** What winning takes, in bold where it matters; undefined when the game has no finish line. */
  finishLine(difficulty: string): string | undefined;
  /** What the optimiser did when it won: "made a perfect bake". */
  readonly finishWords: string;
  /** The reading compared when nobody wins: "the better best taste". */
  readonly bestReadingWords: string;
  /** One of the optimiser's tries and its reading, in the player's words. */
  raceMoveText(params: Params, value: number): string;
  /** "What is it thinking?": its belief now and its next try, in this game's pictures and words. */
  optimiserThoughts(context: ThinkingContext): MessageView;

  // ---- After the game.
  /** What the score means when the game was neither won nor given up (after "Score X/100: "). */
  unsolvedScore(outcome: Outcome, difficulty: string): string;
  /** The reveal's first field's name; "The answer" unless the game says otherwise. */
  readonly answerTitle?: string;
  /** The hidden answer and how the player's best compares, from the reveal. */
  answerText(reveal: Reveal<Extras>): string;
  pictures(reveal: Reveal<Extras>): RevealPictures;
  /** "Why?": what the pictures show, at each depth. */
  readonly pictureWords: Readonly<Record<Depth, string>>;
  /** A lesson the player's own moves teach, added to "Why?" (train: a loss that swung up). */
  whyMore?(state: State): string;
  /** What a group round was as a search, when the game's differs from the usual note. */
  readonly groupNote?: string;
}

/** Any game's presenter, for the registry and the generic loops. */
// Method syntax keeps parameters bivariant, so each concrete presenter fits this wide type.
export type AnyGamePresenter = GamePresenter<GameState<unknown, unknown>, unknown, unknown, unknown>;

/** A presenter typed by its game's rules: the moves, feedback and reveal extras it reads are the rules' own. */
export function presenterFor<State extends GameState<Move, Feedback>, Move, Feedback, Extras>(
  rules: GameRules<State, Move, Feedback, Extras>,
  presenter: Omit<GamePresenter<State, Move, Feedback, Extras>, 'id'>,
): GamePresenter<State, Move, Feedback, Extras> {
  return { id: rules.id, ...presenter };
}

/** "bake" or "bakes" for a count. */
export function noun(nouns: Nouns, count = 1): string {
  return count === 1 ? nouns.one : nouns.many;
}

/** "1 bake", "12 tries". */
export function counted(nouns: Nouns, count: number): string {
  return `${count} ${noun(nouns, count)}`;
}

/** The score of a game scored by its best reading out of 100 (taste, chord score) that was not won. */
export function halfOfBest(reading: string, outcome: Outcome, formatted: (value: number) => string): string {
  const best = outcome.best === null ? 'nothing yet' : formatted(outcome.best);
  return `not solved, so half your best ${reading} (${best}); a win scores 50 to 100.`;
}

/**
 * "What is it thinking?" for a game whose belief is not drawn (many knobs): its best so far and where its
 * smooth guess says to try next, with the setting in the game's words.
 */
export function modelThoughts(context: ThinkingContext, nouns: Nouns, setting: (params: Params) => string): MessageView {
  const trials = context.game.session.race?.trials ?? [];
  const best = trials.reduce<{ value: number } | undefined>((a, b) => (a === undefined || b.value > a.value ? b : a), undefined);
  const sofar =
    best === undefined
      ? `It has not made a ${noun(nouns)} yet.`
      : `Its best so far is ${formatNumber(best.value)} after ${trials.length} ${noun(nouns, trials.length)}.`;
  const next = context.next;
  const plan =
    next === undefined
      ? context.done
      : next.opening
        ? `${context.opening}, so next it tries ${setting(next.params)}, ${context.when}.`
        : `It keeps a smooth guess of the score over all the knobs at once and tries next where that guess, plus how unsure it is, looks most promising: ${setting(next.params)}, ${context.when}.`;
  return { content: `${sofar} ${plan}` };
}
