/**
 * One interaction's life in the double: dispatched to the bot, acknowledged once within the deadline,
 * answered by a message (now or after deferring), followed up. Also turns a test's plain option values
 * into the typed options and `resolved` data Discord sends for a slash command.
 */
import {
  ApplicationCommandOptionType,
  ChannelType,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataBooleanOption,
  type APIApplicationCommandInteractionDataChannelOption,
  type APIApplicationCommandInteractionDataIntegerOption,
  type APIApplicationCommandInteractionDataMentionableOption,
  type APIApplicationCommandInteractionDataNumberOption,
  type APIApplicationCommandInteractionDataRoleOption,
  type APIApplicationCommandInteractionDataStringOption,
  type APIApplicationCommandInteractionDataUserOption,
  type APIInteractionDataResolved,
  type APIInteractionDataResolvedChannel,
  type APIInteractionDataResolvedGuildMember,
  type APIRole,
  type APIUser,
  type GuildMemberFlags,
  type InteractionType as DiscordInteractionType,
  type RoleFlags,
} from 'discord-api-types/v10';
import type { InteractionPlace } from './payloads.js';
import type { ApiCommand, InteractionCallback, InteractionResult, Json, StoredMessage, UserFixture } from './types.js';

export const InteractionType = { ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 } as const;
export const CallbackType = {
  ChannelMessage: 4,
  DeferredChannelMessage: 5,
  DeferredUpdate: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
  Modal: 9,
  LaunchActivity: 12,
} as const;

const DefaultSettleTimeoutMs = 5000;

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Nobody may be listening; an unobserved failure is reported through violations instead.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

export class InteractionRecord {
  readonly createdAt = Date.now();
  callback: InteractionCallback | undefined;
  /** The reply (types 4/5) or, for component answers (6/7), the message the component is on. */
  originalMessageId: string | undefined;
  readonly followups: StoredMessage[] = [];
  ephemeral = false;
  /** For command interactions, the command's name, as answers show it in their interaction metadata. */
  commandName = '';
  private readonly acknowledged = deferred<InteractionCallback>();
  private readonly answered = deferred<void>();
  private readonly deadlineTimer: NodeJS.Timeout;

  constructor(
    readonly id: string,
    readonly token: string,
    readonly type: number,
    /** How tests and violations name it, e.g. `/tune` or `button tune:next`. */
    readonly label: string,
    readonly place: InteractionPlace,
    /** The message a component (or a modal opened from one) sits on. */
    readonly sourceMessageId: string | undefined,
    readonly deadlineMs: number,
    onDeadline: (record: InteractionRecord) => void,
    private readonly lookup: (id: string) => StoredMessage | undefined,
  ) {
    this.deadlineTimer = setTimeout(() => {
      if (this.callback) return;
      this.acknowledged.reject(new Error(`${label} was not acknowledged within ${deadlineMs}ms`));
      onDeadline(this);
    }, deadlineMs);
    this.deadlineTimer.unref();
  }

  get isLate(): boolean {
    return Date.now() - this.createdAt > this.deadlineMs;
  }

  acknowledge(callback: InteractionCallback): void {
    this.callback = callback;
    clearTimeout(this.deadlineTimer);
    this.acknowledged.resolve(callback);
    if (callback.type === CallbackType.ChannelMessage || callback.type === CallbackType.UpdateMessage) {
      this.answered.resolve();
    }
  }

  /** The deferred answer has been filled in by an edit of @original. */
  markAnswered(): void {
    this.answered.resolve();
  }

  stop(): void {
    clearTimeout(this.deadlineTimer);
    this.acknowledged.reject(new Error('Discord double closed'));
  }

  result(): InteractionResult {
    const live = { followups: () => this.followups, ephemeral: () => this.ephemeral };
    return {
      id: this.id,
      token: this.token,
      response: () => this.acknowledged.promise,
      settled: (timeoutMs = DefaultSettleTimeoutMs) => this.settled(timeoutMs),
      get followups() {
        return live.followups();
      },
      get ephemeral() {
        return live.ephemeral();
      },
    };
  }

  private async settled(timeoutMs: number): Promise<StoredMessage | undefined> {
    const callback = await this.acknowledged.promise;
    if (callback.type === CallbackType.AutocompleteResult || callback.type === CallbackType.Modal) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${this.label}: deferred answer (callback ${callback.type}) not filled in within ${timeoutMs}ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.answered.promise, timeout]);
    } finally {
      clearTimeout(timer);
    }
    return this.originalMessageId === undefined ? undefined : this.lookup(this.originalMessageId);
  }
}

export const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

export interface OptionWorld {
  findUser(id: string): UserFixture | undefined;
  place: InteractionPlace;
  /** Leave out every field Discord may omit (see `DiscordDoubleOptions.minimalPayloads`). */
  minimal: boolean;
}

/** A filled-in option as Discord sends it, for a command or (with the raw focused text) for autocomplete. */
export type DataOption = APIApplicationCommandInteractionDataBasicOption<DiscordInteractionType.ApplicationCommand>;
export type AutocompleteDataOption = APIApplicationCommandInteractionDataBasicOption<DiscordInteractionType.ApplicationCommandAutocomplete>;

export interface ResolvedOptions<Option = DataOption> {
  options: Option[];
  resolved: APIInteractionDataResolved;
}

/** Input a real Discord client would not let the user send; tampered mode sends it anyway. */
export class RefusedByClient extends Error {}

function fail(command: string, message: string): never {
  throw new RefusedByClient(`Discord double: /${command}: ${message}`);
}

/**
 * Builds the `options` Discord would send when a user fills in `given` (in that order). Throws when a
 * real Discord client would not let the user send it: unknown option, wrong type, missing required
 * option, value outside choices or bounds.
 */
export function resolveOptionValues(command: string, definitions: Json[] | undefined, given: Record<string, unknown>, world: OptionWorld): ResolvedOptions {
  const defs: Json[] = definitions ?? [];
  const resolved: APIInteractionDataResolved = {};
  const options = Object.entries(given).map(([name, value]) => {
    const def = defs.find((candidate) => candidate?.name === name);
    if (!def) fail(command, `has no option "${name}"`);
    return checkedOption(command, def, value, world, resolved);
  });
  for (const def of defs) {
    if (def?.required === true && !(def.name in given)) fail(command, `required option "${String(def.name)}" is missing`);
  }
  return { options, resolved };
}

/**
 * The options of an autocomplete interaction while the user types into `focusedName`: that option carries
 * the raw text typed so far, always a string (possibly empty, possibly not a number even for integer and
 * number options). Every other option is sent only if it passes Discord's checks; one that does not is
 * left out, required or not, and required options the user has not reached yet are simply missing.
 */
export function autocompleteOptionValues(
  command: string,
  definitions: Json[] | undefined,
  given: Record<string, unknown>,
  focusedName: string,
  world: OptionWorld,
): ResolvedOptions<AutocompleteDataOption> {
  const defs: Json[] = definitions ?? [];
  const focusedDef = defs.find((candidate) => candidate?.name === focusedName);
  if (!focusedDef) fail(command, `has no option "${focusedName}" to autocomplete`);
  if (focusedDef.autocomplete !== true) fail(command, `option "${focusedName}" does not autocomplete`);
  const resolved: APIInteractionDataResolved = {};
  const options: AutocompleteDataOption[] = [];
  for (const [name, value] of Object.entries(given)) {
    const def = defs.find((candidate) => candidate?.name === name);
    if (!def) fail(command, `has no option "${name}"`);
    if (name === focusedName) {
      options.push(focusedOption(def, value));
      continue;
    }
    try {
      // A checked option carries a number for integer and number options, as Discord sends them.
      options.push(checkedOption(command, def, value, world, resolved) as AutocompleteDataOption);
    } catch (error) {
      if (!(error instanceof RefusedByClient)) throw error;
    }
  }
  if (!(focusedName in given)) options.push(focusedOption(focusedDef, ''));
  return { options, resolved };
}

function focusedOption(def: Json, typed: unknown): AutocompleteDataOption {
  const name = String(def.name);
  const value = typed === undefined || typed === null ? '' : String(typed);
  switch (def.type) {
    case OptionType.Integer:
      return { name, type: ApplicationCommandOptionType.Integer, value, focused: true } satisfies APIApplicationCommandInteractionDataIntegerOption<DiscordInteractionType.ApplicationCommandAutocomplete>;
    case OptionType.Number:
      return { name, type: ApplicationCommandOptionType.Number, value, focused: true } satisfies APIApplicationCommandInteractionDataNumberOption<DiscordInteractionType.ApplicationCommandAutocomplete>;
    default:
      return { name, type: ApplicationCommandOptionType.String, value, focused: true } satisfies APIApplicationCommandInteractionDataStringOption;
  }
}

/**
 * The options a modified client sends for `given`: every value as given, typed by its definition (or,
 * for an option the command does not have, by the JavaScript value), with `resolved` data only for
 * users, channels and roles that exist. Nothing is refused; missing required options stay missing.
 * These payloads are deliberately outside discord-api-types (a value may have the wrong type), so they
 * stay `Json`.
 */
export function rawOptionValues(command: string, definitions: Json[] | undefined, given: Record<string, unknown>, world: OptionWorld): { options: Json[]; resolved: APIInteractionDataResolved } {
  const defs: Json[] = definitions ?? [];
  const resolved: APIInteractionDataResolved = {};
  const options = Object.entries(given).map(([name, value]) => {
    const def = defs.find((candidate) => candidate?.name === name);
    if (!def) return { name, type: wireTypeOf(value), value };
    try {
      return checkedOption(command, def, value, world, resolved);
    } catch (error) {
      if (!(error instanceof RefusedByClient)) throw error;
      return { name, type: def.type, value };
    }
  });
  return { options, resolved };
}

/** The option type a value would most plausibly travel as when no definition names it. */
function wireTypeOf(value: unknown): number {
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  return OptionType.String;
}

function checkedOption(command: string, def: Json, value: unknown, world: OptionWorld, resolved: APIInteractionDataResolved): DataOption {
  const name = String(def.name);
  const choices: Json[] | undefined = Array.isArray(def.choices) ? def.choices : undefined;
  const inChoices = () => {
    if (choices && !choices.some((choice) => choice?.value === value)) fail(command, `"${name}" must be one of its choices`);
  };
  switch (def.type) {
    case OptionType.String: {
      if (typeof value !== 'string') fail(command, `"${name}" takes a string`);
      const length = [...value].length;
      if (length < (def.min_length ?? 0) || length > (def.max_length ?? 6000)) fail(command, `"${name}" has the wrong length`);
      inChoices();
      return { name, type: ApplicationCommandOptionType.String, value } satisfies APIApplicationCommandInteractionDataStringOption;
    }
    case OptionType.Integer:
    case OptionType.Number: {
      if (typeof value !== 'number' || !Number.isFinite(value)) fail(command, `"${name}" takes a number`);
      if (def.type === OptionType.Integer && !Number.isInteger(value)) fail(command, `"${name}" takes an integer`);
      if (value < (def.min_value ?? -Infinity) || value > (def.max_value ?? Infinity)) fail(command, `"${name}" is out of range`);
      inChoices();
      return def.type === OptionType.Integer
        ? ({ name, type: ApplicationCommandOptionType.Integer, value } satisfies APIApplicationCommandInteractionDataIntegerOption<DiscordInteractionType.ApplicationCommand>)
        : ({ name, type: ApplicationCommandOptionType.Number, value } satisfies APIApplicationCommandInteractionDataNumberOption<DiscordInteractionType.ApplicationCommand>);
    }
    case OptionType.Boolean:
      if (typeof value !== 'boolean') fail(command, `"${name}" takes a boolean`);
      return { name, type: ApplicationCommandOptionType.Boolean, value } satisfies APIApplicationCommandInteractionDataBooleanOption;
    case OptionType.User:
      return { name, type: ApplicationCommandOptionType.User, value: resolveUser(command, name, value, world, resolved) } satisfies APIApplicationCommandInteractionDataUserOption;
    case OptionType.Channel: {
      const channel = world.place.guild?.channels.find((candidate) => candidate.id === value);
      if (!channel) fail(command, `"${name}" must be a channel of this guild`);
      // Fixtures are text-like guild channels; their type number is taken as given.
      const type = (channel.type ?? ChannelType.GuildText) as ChannelType.GuildText;
      const entry = { id: channel.id, name: channel.name, type, permissions: '0' } satisfies APIInteractionDataResolvedChannel;
      resolved.channels = { ...resolved.channels, [channel.id]: entry };
      return { name, type: ApplicationCommandOptionType.Channel, value: channel.id } satisfies APIApplicationCommandInteractionDataChannelOption;
    }
    case OptionType.Role:
      return { name, type: ApplicationCommandOptionType.Role, value: resolveRole(command, name, value, world, resolved) } satisfies APIApplicationCommandInteractionDataRoleOption;
    case OptionType.Mentionable: {
      const id = typeof value === 'object' && value !== null ? String((value as UserFixture).id) : String(value);
      const isRole = world.place.guild?.roles.some((role) => role.id === id) ?? false;
      const mentioned = isRole ? resolveRole(command, name, id, world, resolved) : resolveUser(command, name, value, world, resolved);
      return { name, type: ApplicationCommandOptionType.Mentionable, value: mentioned } satisfies APIApplicationCommandInteractionDataMentionableOption;
    }
    default:
      return fail(command, `option type ${String(def.type)} of "${name}" is not supported by the double`);
  }
}

function resolveUser(command: string, name: string, value: unknown, world: OptionWorld, resolved: APIInteractionDataResolved): string {
  const user = typeof value === 'object' && value !== null ? (value as UserFixture) : world.findUser(String(value));
  if (!user) fail(command, `"${name}" names an unknown user`);
  resolved.users = { ...resolved.users, [user.id]: user satisfies APIUser };
  const member = world.place.guild?.members.find((candidate) => candidate.user.id === user.id);
  if (member) {
    const required = { roles: member.roles ?? [], joined_at: '2026-01-01T00:00:00.000Z', flags: 0 as GuildMemberFlags, permissions: '0' };
    const entry = world.minimal ? required : { ...required, nick: null, avatar: null, pending: false };
    resolved.members = { ...resolved.members, [user.id]: entry satisfies APIInteractionDataResolvedGuildMember };
  }
  return user.id;
}

function resolveRole(command: string, name: string, value: unknown, world: OptionWorld, resolved: APIInteractionDataResolved): string {
  const role = world.place.guild?.roles.find((candidate) => candidate.id === value);
  if (!role) fail(command, `"${name}" must be a role of this guild`);
  const entry = {
    id: role.id,
    name: role.name,
    permissions: role.permissions,
    managed: role.managed ?? false,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    position: 0,
    mentionable: false,
    flags: 0 as RoleFlags,
  } satisfies APIRole;
  resolved.roles = { ...resolved.roles, [role.id]: entry };
  return role.id;
}

/** Whether a user with these member permissions may see and use the command here. */
export function commandUsable(command: ApiCommand, inGuild: boolean, permissions: bigint): string | undefined {
  const contexts = command.contexts;
  if (Array.isArray(contexts) && !contexts.includes(inGuild ? 0 : 1)) return `not available in ${inGuild ? 'guilds' : 'DMs'}`;
  if (!inGuild && command.dm_permission === false) return 'not available in DMs';
  const required = command.default_member_permissions;
  if (inGuild && typeof required === 'string') {
    const needed = BigInt(required);
    const isAdministrator = (permissions & (1n << 3n)) !== 0n;
    if (!isAdministrator && (permissions & needed) !== needed) return `needs permissions ${required}`;
  }
  return undefined;
}
