/**
 * The command layer's vocabulary: what a command receives and what it answers, in terms that neither
 * Discord nor the console owns. Front ends translate their input into these requests and render these
 * views; commands never see a discord.js object or a terminal.
 */
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import type { Storage } from '../storage/index.js';
import type { TopicLibrary } from '../content/library.js';
import type { QuestionBank } from '../content/quizzes.js';
import type { DailyPuzzles } from '../social/daily-puzzles.js';

// ---- What a command shows --------------------------------------------------------------------------

export interface EmbedFieldView {
  name: string;
  value: string;
  inline?: boolean;
}

export interface EmbedView {
  title?: string;
  description?: string;
  color?: number;
  fields?: EmbedFieldView[];
  footer?: string;
  /** Name of one of the message's files to show as the embed's picture. */
  imageFile?: string;
}

export type ButtonStyle = 'primary' | 'secondary' | 'success' | 'danger';

export interface ButtonView {
  type: 'button';
  customId: string;
  label: string;
  style?: ButtonStyle;
  disabled?: boolean;
}

export interface SelectOptionView {
  label: string;
  value: string;
  description?: string;
  isDefault?: boolean;
}

export interface SelectView {
  type: 'select';
  customId: string;
  placeholder?: string;
  options: SelectOptionView[];
  disabled?: boolean;
}

/** A button that opens a web page (Discord's link style): it sends no interaction, so it has no custom id. */
export interface LinkButtonView {
  type: 'link';
  label: string;
  url: string;
}

export type ComponentView = ButtonView | SelectView;

/** A file sent with a message; `description` is the alt text screen readers speak. */
export interface FileView {
  name: string;
  data: Buffer;
  description: string;
  /**
   * Files of one series stand for the same thing at different moments (a tune game's strums): a front
   * end that saves files may keep only the newest of each series. Letters, digits and dashes.
   */
  series?: string;
  /**
   * If the message this answer edits has a file by this name, it is this very file (same bytes): a front
   * end may keep that copy instead of sending it again. The bytes stay, for a front end that finds no copy
   * to keep. Only a command that knows what a file of this name on that message holds may say so (the
   * click's version says the board has not changed, or the name belongs to one picture); a new message
   * ignores it.
   */
  unchanged?: boolean;
}

export interface MessageView {
  content?: string;
  embeds?: EmbedView[];
  /** Rows of components: up to five buttons, or exactly one select menu, per row. */
  rows?: ComponentView[][];
  /** Link buttons, shown in one row of their own after `rows` (they send no interaction, so no custom id). */
  links?: LinkButtonView[];
  files?: FileView[];
  /** Shown only to the person who asked. */
  ephemeral?: boolean;
}

export interface ModalFieldView {
  customId: string;
  label: string;
  style?: 'short' | 'paragraph';
  placeholder?: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  value?: string;
}

export interface ModalView {
  customId: string;
  title: string;
  fields: ModalFieldView[];
}

/**
 * How a command answers. `update` edits the message whose button, menu or modal was used;
 * `reply` posts a new message (often ephemeral); `modal` asks for typed input.
 */
export type CommandResponse =
  | {
      kind: 'reply';
      message: MessageView;
      later?: LaterEdit;
      /** A refused modal answer: the field to ask for again, for front ends that can keep the other answers. */
      invalidField?: string;
    }
  | { kind: 'update'; message: MessageView; later?: LaterEdit }
  | { kind: 'modal'; modal: ModalView }
  /**
   * Open the app's Activity (Discord's LAUNCH_ACTIVITY answer). Front ends without Activities (the
   * console), or an answer that had to be deferred first, show `message` instead.
   */
  | { kind: 'launch-activity'; message: MessageView; later?: undefined };

/**
 * Work that may take longer than an interaction allows (a reveal with replays and pictures): the front
 * end sends the first answer at once, then runs this and edits that same message with its result.
 */
export type LaterEdit = () => Promise<MessageView>;

export const reply = (message: MessageView): CommandResponse => ({ kind: 'reply', message });
export const update = (message: MessageView): CommandResponse => ({ kind: 'update', message });
export const showModal = (modal: ModalView): CommandResponse => ({ kind: 'modal', modal });
export const privateNote = (content: string): CommandResponse => reply({ content, ephemeral: true });

/** The files, marked as the very ones the edited message already shows (see `FileView.unchanged`). */
export const unchangedFiles = (files: readonly FileView[]): FileView[] => files.map((file) => ({ ...file, unchanged: true }));

// ---- What a command receives -----------------------------------------------------------------------

export interface Person {
  id: string;
  /** Display name, for text only: never turned into a mention. */
  name: string;
}

/** Who acted, and where. */
export interface Invocation {
  user: Person;
  guildId: string | null;
  channelId: string | null;
  /** Whether the member holds Manage Server where they acted (always true in the console). */
  canManageGuild: boolean;
  /**
   * Discord's id of the interaction, when there is one. Two processes on one shard both receive each
   * interaction; the id lets the slower one see that the other already acted on it.
   */
  interactionId?: string;
}

export type OptionValue = string | number | boolean;

export interface SlashRequest extends Invocation {
  command: string;
  subcommand: string | null;
  options: Readonly<Record<string, OptionValue>>;
}

export interface AutocompleteRequest extends Invocation {
  command: string;
  subcommand: string | null;
  focused: { name: string; value: string };
  options: Readonly<Record<string, OptionValue>>;
}

/** A button press, a menu choice or a modal submission, routed by its custom id. */
export interface ComponentRequest extends Invocation {
  source: 'button' | 'select' | 'modal';
  customId: string;
  /** Chosen values of a select menu. */
  values: readonly string[];
  /** Field values of a submitted modal, by field custom id. */
  fields: Readonly<Record<string, string>>;
  /** The message the component sits on, when there is one. */
  messageId: string | null;
}

export interface AutocompleteChoice {
  name: string;
  value: string;
}

// ---- What a command may use ------------------------------------------------------------------------

/**
 * What a command may do in channels beyond answering its own interaction (the daily post, checking a
 * channel the bot is asked to post in). Each front end provides it: Discord through its client, the
 * console by printing.
 */
export interface Channels {
  /** Whether the bot can see the channel and send messages with embeds and files there. */
  canPost(guildId: string, channelId: string): Promise<boolean>;
  /** Posts a message; resolves its id. */
  post(channelId: string, message: MessageView): Promise<string>;
  /** Replaces what one of the bot's messages shows (a board closed by the clock, say). */
  edit(channelId: string, messageId: string, message: MessageView): Promise<void>;
  /**
   * The id of a message the bot posted in the channel since `since` whose first embed title (or, without
   * embeds, whose text) is `marker`; undefined if there is none. Lets a post that another process may have
   * sent before dying be checked for instead of sent twice.
   */
  findOwnPost(channelId: string, since: Date, marker: string): Promise<string | undefined>;
}

/** Work a command needs done on a clock rather than on an interaction (closing group rounds on time). */
export interface ScheduledJob {
  name: string;
  /** A cron expression, e.g. every minute: `* * * * *`. */
  cron: string;
  run(app: AppServices): Promise<void | ScheduledJobOutcome>;
}

export interface ScheduledJobOutcome {
  /** Run once more at this time, before the next cron time (e.g. when another process's claim runs out). */
  readonly runAgainAt?: Date;
}

export interface AppServices {
  storage: Storage;
  channels: Channels;
  topics: TopicLibrary;
  /** The quiz questions of content/quizzes/, checked at start-up. */
  quizzes: QuestionBank;
  logger: Logger;
  /** The current time; tests pass a controlled clock. */
  now: () => Date;
  /** Daily seeds and attempt keys, derived with the server's secret. */
  daily: DailyPuzzles;
  /** Every loaded command, for /help. */
  commands: () => readonly CommandModule[];
  /**
   * Whether this process receives the server's events (its shard is one this process runs), and so is
   * the one to post or edit there on a clock. Always true unsharded; a direct message (null) is shard 0's.
   */
  ownsGuild: (guildId: string | null) => boolean;
  /** How long a claim on a daily post holds unless its process renews it (DAILY_POST_LEASE_SECONDS). */
  dailyPostLeaseMs: number;
  /**
   * A signed link to a finished game's replay on the web server (see src/web/replay-links.ts); absent
   * when WEB_BASE_URL is unset, as there is then no address to link to.
   */
  replayLink?: (gameId: string) => string;
  /** The playground page's public address (WEB_BASE_URL), when there is one to link to. */
  playgroundUrl?: string;
}

/**
 * A component handler turns the arguments of a custom id into typed data first (`parse`), so that a
 * forged or outdated id is refused before any work is done, then acts on it (`run`).
 */
export interface ComponentHandler<Parsed = unknown> {
  parse(args: readonly string[]): Parsed | undefined;
  run(request: ComponentRequest, parsed: Parsed, app: AppServices): Promise<CommandResponse> | CommandResponse;
}

/** What the router stores: any handler, whatever its parsed type (parse's result is passed to run unchanged). */
export interface RoutableComponentHandler {
  parse(args: readonly string[]): unknown;
  run(request: ComponentRequest, parsed: never, app: AppServices): Promise<CommandResponse> | CommandResponse;
}

export interface CommandDefinition {
  toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody;
}

export interface CommandModule {
  data: CommandDefinition;
  execute(request: SlashRequest, app: AppServices): Promise<CommandResponse> | CommandResponse;
  autocomplete?(request: AutocompleteRequest, app: AppServices): Promise<AutocompleteChoice[]> | AutocompleteChoice[];
  /** Handlers for this command's buttons, menus and modals, keyed by the action part of the custom id. */
  components?: Readonly<Record<string, RoutableComponentHandler>>;
  /** Answers that may take longer than Discord's 3-second window; front ends acknowledge these first. */
  slow?: boolean;
  /** Jobs the app runs on a clock for this command, from start-up until it stops. */
  scheduled?: readonly ScheduledJob[];
}
