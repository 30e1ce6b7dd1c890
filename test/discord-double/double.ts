/**
 * The double itself: one loopback HTTP server answering the REST routes discord.js uses, with the gateway
 * on the same port, and the test-facing handle that plays Discord users (slash, click, select, modal).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  type APIApplicationCommandInteractionDataSubcommandGroupOption,
  type APIApplicationCommandInteractionDataSubcommandOption,
  type APIChatInputApplicationCommandInteractionData,
  type APIInteractionDataResolved,
  type APIMessageButtonInteractionData,
  type APIMessageStringSelectInteractionData,
  type APIModalSubmission,
  type APIModalSubmissionComponent,
} from 'discord-api-types/v10';
import { WebSocketServer } from 'ws';
import { Gateway } from './gateway.js';
import { Errors, readBody, RestError, sendJson, type UploadedFile } from './http.js';
import {
  autocompleteOptionValues,
  CallbackType,
  commandUsable,
  InteractionRecord,
  InteractionType,
  OptionType,
  rawOptionValues,
  resolveOptionValues,
} from './interactions.js';
import {
  accidentalPings,
  checkAutocompleteChoices,
  checkCommand,
  checkModal,
  describeIssues,
  invalidFormBody,
  type LimitIssue,
} from './limits.js';
import { EphemeralFlag, findComponent, LoadingFlag, MessageStore } from './messages.js';
import {
  apiChannel,
  apiMember,
  apiMessage,
  completeGuild,
  defaultGuilds,
  interactionEnvelope,
  makeUser,
  OrdinaryMemberPermissions,
  SnowflakeSource,
  type GuildState,
  type InteractionPlace,
} from './payloads.js';
import type {
  ApiCommand,
  ApiUser,
  ChannelFixture,
  DiscordDouble,
  DiscordDoubleOptions,
  InteractionCallback,
  InteractionCtx,
  InteractionResult,
  Json,
  OptionTree,
  RecordedRequest,
  StoredMessage,
  TamperedClient,
  UserFixture,
} from './types.js';

const DefaultToken = 'double-bot-token.tuning-fork.loopback';
const DefaultClientSecret = 'double-client-secret';
const DefaultApplicationId = '1200000000000000001';
/** Past this the double closes itself, so a forgotten close() cannot keep a test run alive. */
const MaxLifetimeMs = 10 * 60_000;
const MaxRecordedRequests = 10_000;
const InteractionTokenLifetimeMs = 15 * 60_000;
const MaxKeptInteractions = 10_000;
const MaxClosedModals = 1000;

/** Up to three path parameters, in order; missing ones are empty strings. */
type RouteParams = [string, string, string];

interface Route {
  method: string;
  pattern: RegExp;
  auth: boolean;
  handle: (params: RouteParams, body: { json: Json; files: UploadedFile[] }, query: URLSearchParams) => Json | Promise<Json>;
}

interface ShownModal {
  userId: string;
  customId: string;
  data: Json;
  /** The interaction that showed it; a submission from a component modal carries that message. */
  from: InteractionRecord;
}

/** Interactions from a tampered client say so wherever they are named (violations, errors). */
function labelled(label: string, tampered: boolean): string {
  return tampered ? `${label} (tampered)` : label;
}

function isOptionTree(value: Record<string, unknown> | OptionTree): value is OptionTree {
  return typeof (value as OptionTree).subcommand === 'string';
}

/** Status 204 answers (no body) are signalled with this marker. */
const NoContent = Symbol('no content');

class DiscordDoubleServer implements DiscordDouble {
  apiUrl = '';
  readonly token: string;
  readonly applicationId: string;
  readonly clientSecret: string;
  readonly botUser: ApiUser;
  readonly requests: RecordedRequest[] = [];
  readonly activityLaunches: { userId: string; channelId: string; interactionId: string }[] = [];
  /** OAuth2 codes handed out and not yet exchanged: code → who and which scopes. */
  private readonly oauthCodes = new Map<string, { userId: string; scopes: readonly string[] }>();
  readonly violations: string[] = [];

  private readonly ids = new SnowflakeSource();
  /** Channels whose posts are answered only once the test releases them (see holdPostAnswers). */
  private readonly postHolds = new Set<{ channels: Set<string>; gate: Promise<void>; release: () => void }>();
  private readonly server: Server;
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: 4096 * 1024 });
  private readonly gateway: Gateway;
  private readonly guilds: GuildState[];
  private readonly dmChannels = new Map<string, ChannelFixture & { recipient: UserFixture }>();
  private readonly users = new Map<string, UserFixture>();
  private readonly globalCommands: ApiCommand[] = [];
  private readonly guildCommands = new Map<string, ApiCommand[]>();
  private readonly messages: MessageStore;
  /** By token, as webhooks and callbacks name them. */
  private readonly interactions = new Map<string, InteractionRecord>();
  private readonly interactionsById = new Map<string, InteractionRecord>();
  private readonly shownModals: ShownModal[] = [];
  /** Submitted modals, newest last, so a tampered client can race a second submit of the same one. */
  private readonly closedModals: ShownModal[] = [];
  readonly tampered: TamperedClient = {
    slash: async (name, options, ctx) => this.useCommand(name, options, ctx, true),
    click: async (messageId, customId, ctx) => this.clickButton(messageId, customId, ctx, true),
    select: async (messageId, customId, values, ctx) => this.selectValues(messageId, customId, values, ctx, true),
    submitModal: async (customId, fields, ctx) => this.submitFields(customId, fields, ctx, true),
  };
  private readonly reportedErrors = new WeakSet<RestError>();
  private readonly deadlineMs: number;
  private readonly minimal: boolean;
  private readonly routes: Route[];
  private readonly lifetimeTimer: NodeJS.Timeout;
  private port = 0;
  private closed = false;
  private readonly recommendedShards: number;

  constructor(options: DiscordDoubleOptions) {
    this.token = options.token ?? DefaultToken;
    this.applicationId = options.applicationId ?? DefaultApplicationId;
    this.clientSecret = options.clientSecret ?? DefaultClientSecret;
    this.deadlineMs = options.interactionDeadlineMs ?? 3000;
    this.minimal = options.minimalPayloads ?? false;
    this.recommendedShards = options.shards ?? 1;
    this.botUser = makeUser(this.applicationId, 'Tuning Fork', true);
    this.guilds = (options.guilds ?? defaultGuilds()).map((guild) => completeGuild(guild, this.botUser, this.ids));
    for (const guild of this.guilds) for (const member of guild.members) this.users.set(member.user.id, member.user);
    this.messages = new MessageStore(this.ids);
    this.gateway = new Gateway({
      token: this.token,
      applicationId: this.applicationId,
      botUser: this.botUser,
      guilds: this.guilds,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      allowedPrivilegedIntents: options.allowedPrivilegedIntents ?? 0,
      gatewayUrl: () => `ws://127.0.0.1:${this.port}`,
      ids: this.ids,
      violation: (message) => this.violate(message),
    });
    this.routes = this.buildRoutes();
    this.server = createServer((request, response) => void this.serve(request, response));
    this.server.on('upgrade', (request, socket, head) => {
      this.sockets.handleUpgrade(request, socket, head, (ws) => this.gateway.accept(ws, request));
    });
    this.lifetimeTimer = setTimeout(() => void this.close(), MaxLifetimeMs);
    this.lifetimeTimer.unref();
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.apiUrl = `http://127.0.0.1:${this.port}/api`;
  }

  // ---- the test-facing handle ----

  ready(timeoutMs?: number): Promise<void> {
    return this.gateway.ready(timeoutMs);
  }

  commands(guildId?: string): ApiCommand[] {
    return guildId === undefined ? [...this.globalCommands] : [...(this.guildCommands.get(guildId) ?? [])];
  }

  user(id?: string): UserFixture {
    const userId = id ?? `13000000000000${String(this.users.size + 1).padStart(5, '0')}`;
    const existing = this.users.get(userId);
    if (existing) return existing;
    const user = makeUser(userId, `learner${this.users.size + 1}`);
    this.users.set(userId, user);
    return user;
  }

  message(id: string): StoredMessage | undefined {
    return this.messages.get(id);
  }

  channelMessages(channelId: string): StoredMessage[] {
    return this.messages.inChannel(channelId);
  }

  async slash(name: string, options: Record<string, unknown> | OptionTree, ctx: InteractionCtx): Promise<InteractionResult> {
    return this.useCommand(name, options, ctx, false);
  }

  async autocomplete(
    name: string,
    options: Record<string, unknown> | OptionTree,
    focusedName: string,
    ctx: InteractionCtx,
  ): Promise<{ choices: { name: string; value: string | number }[] }> {
    const place = this.place(ctx);
    const data = this.commandData(name, options, place, 'autocomplete', focusedName);
    const record = this.dispatchInteraction(InteractionType.Autocomplete, `/${name} autocomplete`, place, data, undefined);
    const callback = await record.result().response();
    return { choices: callback.data?.choices ?? [] };
  }

  async click(messageId: string, customId: string, ctx: InteractionCtx): Promise<InteractionResult> {
    return this.clickButton(messageId, customId, ctx, false);
  }

  async select(messageId: string, customId: string, values: string[], ctx: InteractionCtx): Promise<InteractionResult> {
    return this.selectValues(messageId, customId, values, ctx, false);
  }

  async submitModal(
    customId: string,
    fields: Record<string, string>,
    ctx: InteractionCtx & { messageId?: string },
  ): Promise<InteractionResult> {
    return this.submitFields(customId, fields, ctx, false);
  }

  forceReconnect(): Promise<void> {
    return this.gateway.forceReconnect();
  }

  invalidateSession(resumable: boolean): Promise<void> {
    return this.gateway.invalidateSession(resumable);
  }

  /** The shard ids with a client connected and identified right now, ascending. */
  connectedShards(): number[] {
    return this.gateway.connectedShards();
  }

  /** How many clients are connected on this shard right now; Discord sends each of them the shard's events. */
  connectedSessions(shardId: number): number {
    return this.gateway.connectedSessions(shardId);
  }

  /** How many times a client has identified on this shard (a respawned shard process identifies again). */
  identifyCount(shardId: number): number {
    return this.gateway.identifyCount(shardId);
  }

  holdPostAnswers(channelIds: Iterable<string>): () => void {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const hold = {
      channels: new Set(channelIds),
      gate,
      release: () => {
        this.postHolds.delete(hold);
        open();
      },
    };
    this.postHolds.add(hold);
    return hold.release;
  }

  /** Resolves when no hold covers `channelId`; a post's answer waits for it. */
  private async answerWhenReleased(channelId: string): Promise<void> {
    for (const hold of [...this.postHolds]) if (hold.channels.has(channelId)) await hold.gate;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.lifetimeTimer);
    for (const hold of [...this.postHolds]) hold.release();
    for (const record of this.interactions.values()) record.stop();
    this.gateway.close();
    this.sockets.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---- playing users ----

  private useCommand(name: string, options: Record<string, unknown> | OptionTree, ctx: InteractionCtx, tampered: boolean): InteractionResult {
    const place = this.place(ctx);
    const data = this.commandData(name, options, place, tampered ? 'tampered' : 'strict');
    return this.dispatchInteraction(InteractionType.ApplicationCommand, labelled(`/${name}`, tampered), place, data, undefined).result();
  }

  private clickButton(messageId: string, customId: string, ctx: InteractionCtx, tampered: boolean): InteractionResult {
    const { message, component } = this.componentOn(messageId, customId, ctx, tampered);
    if (!tampered) {
      if (component?.type !== 2) throw new Error(`Discord double: "${customId}" is not a button`);
      if (component.disabled === true) throw new Error(`Discord double: button "${customId}" is disabled`);
    }
    const place = this.place(ctx);
    const data = { custom_id: customId, component_type: ComponentType.Button } satisfies APIMessageButtonInteractionData;
    return this.dispatchInteraction(InteractionType.MessageComponent, labelled(`button ${customId}`, tampered), place, data, message).result();
  }

  private selectValues(messageId: string, customId: string, values: string[], ctx: InteractionCtx, tampered: boolean): InteractionResult {
    const { message, component } = this.componentOn(messageId, customId, ctx, tampered);
    if (!tampered) {
      if (component?.type !== 3) throw new Error(`Discord double: "${customId}" is not a string select`);
      if (component.disabled === true) throw new Error(`Discord double: select "${customId}" is disabled`);
      const offered = new Set((component.options ?? []).map((option: Json) => option.value));
      const unknown = values.filter((value) => !offered.has(value));
      if (unknown.length > 0) throw new Error(`Discord double: select "${customId}" offers no ${unknown.join(', ')}`);
      const min = component.min_values ?? 1;
      const max = component.max_values ?? 1;
      if (values.length < min || values.length > max) {
        throw new Error(`Discord double: select "${customId}" takes ${min}–${max} values, not ${values.length}`);
      }
    }
    const place = this.place(ctx);
    const data = { custom_id: customId, component_type: ComponentType.StringSelect, values } satisfies APIMessageStringSelectInteractionData;
    return this.dispatchInteraction(InteractionType.MessageComponent, labelled(`select ${customId}`, tampered), place, data, message).result();
  }

  /**
   * A modal submission. Strict: only into a modal open for this user, with values its inputs accept; that
   * closes it. Tampered: into the open modal, else the last closed one (a racing second submit), else a
   * modal the bot never showed, and values go unchecked.
   */
  private submitFields(customId: string, fields: Record<string, string>, ctx: InteractionCtx & { messageId?: string }, tampered: boolean): InteractionResult {
    const isThisModal = (modal: ShownModal) => modal.customId === customId && modal.userId === ctx.user.id;
    const index = this.shownModals.findLastIndex(isThisModal);
    const shown = this.shownModals[index] ?? (tampered ? this.closedModals.findLast(isThisModal) : undefined);
    if (!shown && !tampered) throw new Error(`Discord double: no modal "${customId}" is open for user ${ctx.user.id}`);
    const remaining = new Set(Object.keys(fields));
    const submitted = (input: Json): Json => {
      const value = fields[input.custom_id] ?? input.value ?? '';
      remaining.delete(input.custom_id);
      const length = [...value].length;
      if (!tampered) {
        if (input.required !== false && length === 0) throw new Error(`Discord double: modal field "${input.custom_id}" is required`);
        if (length > 0 && (length < (input.min_length ?? 0) || length > (input.max_length ?? 4000))) {
          throw new Error(`Discord double: modal field "${input.custom_id}" has the wrong length`);
        }
      }
      return { type: 4, id: input.id ?? 0, custom_id: input.custom_id, value };
    };
    const components = ((shown?.data.components ?? []) as Json[]).map((component) => {
      if (component.type === 1) return { type: 1, id: component.id ?? 0, components: component.components.map(submitted) };
      if (component.type === 18) return { type: 18, id: component.id ?? 0, component: submitted(component.component) };
      return { type: component.type, id: component.id ?? 0 };
    });
    if (remaining.size > 0 && !tampered) throw new Error(`Discord double: modal "${customId}" has no fields ${[...remaining].join(', ')}`);
    // A modified client can add inputs the modal never had; they travel as labelled text inputs.
    const usedIds = components.flatMap((component) => [component.id, component.component?.id, ...(component.components ?? []).map((input: Json) => input.id)]);
    let nextId = Math.max(0, ...usedIds.filter((id): id is number => typeof id === 'number')) + 1;
    for (const fieldId of remaining) {
      components.push({ type: 18, id: nextId, component: { type: 4, id: nextId + 1, custom_id: fieldId, value: fields[fieldId] } });
      nextId += 2;
    }
    const messageId = ctx.messageId ?? shown?.from.sourceMessageId;
    const message = messageId === undefined ? undefined : this.messages.get(messageId);
    if (messageId !== undefined && !message) throw new Error(`Discord double: unknown message ${messageId}`);
    const place = this.place(ctx);
    // Only a submission that went out closes the modal; it is kept a while for racing resubmits.
    if (index >= 0) this.closeModal(index);
    // Tampered submissions may carry inputs the modal never had; they keep the documented shape.
    const data = { custom_id: customId, components: components as APIModalSubmissionComponent[] } satisfies APIModalSubmission;
    return this.dispatchInteraction(InteractionType.ModalSubmit, labelled(`modal ${customId}`, tampered), place, data, message).result();
  }

  private closeModal(index: number): void {
    const [closed] = this.shownModals.splice(index, 1);
    if (closed) this.closedModals.push(closed);
    if (this.closedModals.length > MaxClosedModals) this.closedModals.shift();
  }

  private place(ctx: InteractionCtx): InteractionPlace {
    if (!this.users.has(ctx.user.id)) this.users.set(ctx.user.id, ctx.user);
    if (ctx.guildId === undefined) {
      const existing = this.dmChannels.get(ctx.channelId);
      if (existing && existing.recipient.id !== ctx.user.id) {
        throw new Error(`Discord double: DM channel ${ctx.channelId} belongs to another user`);
      }
      const channel = existing ?? { id: ctx.channelId, name: '', type: 1, recipient: ctx.user };
      this.dmChannels.set(ctx.channelId, channel);
      return { ctx, guild: undefined, channel };
    }
    const guild = this.guilds.find((candidate) => candidate.id === ctx.guildId);
    if (!guild) throw new Error(`Discord double: unknown guild ${ctx.guildId}`);
    const channel = guild.channels.find((candidate) => candidate.id === ctx.channelId);
    if (!channel) throw new Error(`Discord double: guild ${guild.id} has no channel ${ctx.channelId}`);
    return { ctx, guild, channel };
  }

  /**
   * The `data` of a command interaction. `strict` checks the options as a Discord client would,
   * `autocomplete` sends the focused option's raw text and leaves out options that fail the checks,
   * `tampered` sends the options as given. A command registered to a guild exists only there: in a DM
   * only global commands can be used.
   */
  private commandData(name: string, given: Record<string, unknown> | OptionTree, place: InteractionPlace, mode: 'strict' | 'autocomplete' | 'tampered', focused?: string): Json {
    const guildId = place.guild?.id;
    const command =
      (guildId === undefined ? undefined : this.guildCommands.get(guildId)?.find((candidate) => candidate.name === name)) ??
      this.globalCommands.find((candidate) => candidate.name === name);
    if (!command) throw new Error(`Discord double: /${name} is not registered${guildId ? ` in guild ${guildId}` : ' globally (a DM offers only global commands)'}`);
    const hidden = commandUsable(command, guildId !== undefined, BigInt(place.ctx.permissions ?? OrdinaryMemberPermissions));
    if (hidden) throw new Error(`Discord double: /${name} is hidden from this user: ${hidden}`);
    const tampered = mode === 'tampered';
    const world = { findUser: (id: string) => this.users.get(id), place, minimal: this.minimal };
    const optionValues = (definitions: Json[] | undefined, values: Record<string, unknown>): { options: Json[]; resolved: APIInteractionDataResolved } => {
      if (mode === 'tampered') return rawOptionValues(name, definitions, values, world);
      if (mode === 'autocomplete') return autocompleteOptionValues(name, definitions, values, String(focused), world);
      return resolveOptionValues(name, definitions, values, world);
    };
    let options: Json[];
    let resolved: APIInteractionDataResolved;
    if (isOptionTree(given)) {
      const groupDef = given.subcommandGroup === undefined ? undefined : command.options?.find((option) => option.name === given.subcommandGroup && option.type === OptionType.SubcommandGroup);
      if (given.subcommandGroup !== undefined && !groupDef && !tampered) throw new Error(`Discord double: /${name} has no group ${given.subcommandGroup}`);
      const subDefs: Json[] = (groupDef ?? command).options ?? [];
      const subDef = subDefs.find((option) => option.name === given.subcommand && option.type === OptionType.Subcommand);
      if (!subDef && !tampered) throw new Error(`Discord double: /${name} has no subcommand ${given.subcommand}`);
      const inner = optionValues(subDef?.options, given.options ?? {});
      // A subcommand given no options arrives without an `options` key, as on Discord.
      const sub = {
        name: given.subcommand,
        type: ApplicationCommandOptionType.Subcommand,
        ...(inner.options.length > 0 ? { options: inner.options } : {}),
      } satisfies APIApplicationCommandInteractionDataSubcommandOption;
      options =
        given.subcommandGroup === undefined
          ? [sub]
          : [{ name: given.subcommandGroup, type: ApplicationCommandOptionType.SubcommandGroup, options: [sub] } satisfies APIApplicationCommandInteractionDataSubcommandGroupOption];
      resolved = inner.resolved;
    } else {
      const hasSubcommands = command.options?.some((option) => option.type === OptionType.Subcommand || option.type === OptionType.SubcommandGroup);
      if (hasSubcommands && !tampered) throw new Error(`Discord double: /${name} has subcommands; pass { subcommand, options }`);
      ({ options, resolved } = optionValues(command.options, given));
    }
    return {
      id: command.id,
      name: command.name,
      type: ApplicationCommandType.ChatInput,
      ...(command.guild_id === undefined || this.minimal ? {} : { guild_id: command.guild_id }),
      ...(options.length > 0 ? { options } : {}),
      // `resolved` comes only with users, roles, channels or attachments among the options.
      ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
    } satisfies APIChatInputApplicationCommandInteractionData;
  }

  /**
   * Finds the component a user is about to use, refusing what no Discord client could show them. The
   * message must exist where the user is, even when tampered (Discord's servers look it up); only a
   * tampered client may name a component the message does not have.
   */
  private componentOn(messageId: string, customId: string, ctx: InteractionCtx, tampered: boolean): { message: StoredMessage; component: Json } {
    const message = this.messages.get(messageId);
    if (!message || message.deleted) throw new Error(`Discord double: unknown message ${messageId}`);
    if (message.channelId !== ctx.channelId) {
      throw new Error(`Discord double: message ${messageId} is in channel ${message.channelId}, not ${ctx.channelId}`);
    }
    const recipient = message.interactionId === undefined ? undefined : this.interactionsById.get(message.interactionId)?.place.ctx.user.id;
    if ((message.flags & EphemeralFlag) !== 0 && recipient !== ctx.user.id) {
      throw new Error(`Discord double: message ${messageId} is ephemeral; only user ${String(recipient)} can see it`);
    }
    const component = findComponent(message.components, customId);
    if (!component && !tampered) throw new Error(`Discord double: message ${messageId} has no component "${customId}"`);
    return { message, component };
  }

  private dispatchInteraction(
    type: number,
    label: string,
    place: InteractionPlace,
    data: Json,
    message: StoredMessage | undefined,
  ): InteractionRecord {
    const id = this.ids.next();
    const token = `aW50ZXJhY3Rpb246${id}:${this.ids.next()}`;
    const record = new InteractionRecord(
      id,
      token,
      type,
      label,
      place,
      message?.id,
      this.deadlineMs,
      (late) => this.violate(`${late.label}: not acknowledged within ${this.deadlineMs}ms (the user sees "The application did not respond")`),
      (messageId) => this.messages.get(messageId),
    );
    if (type === InteractionType.ApplicationCommand) record.commandName = String(data.name);
    this.interactions.set(token, record);
    this.interactionsById.set(id, record);
    if (this.interactions.size > MaxKeptInteractions) {
      const [oldestToken, oldest] = this.interactions.entries().next().value ?? [];
      if (oldestToken !== undefined && oldest !== undefined) {
        oldest.stop();
        this.interactions.delete(oldestToken);
        this.interactionsById.delete(oldest.id);
      }
    }
    const payload = interactionEnvelope(place, { id, token, applicationId: this.applicationId, type }, data, {
      ...(message ? { message: this.toApi(message) } : {}),
      minimal: this.minimal,
    });
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return record;
  }

  // ---- REST ----

  /** A stored message as the API shows it, with the metadata of the interaction it answers. */
  private toApi(message: StoredMessage): Json {
    const record = message.interactionId === undefined ? undefined : this.interactionsById.get(message.interactionId);
    if (!record) return apiMessage(message, this.applicationId);
    return apiMessage(message, this.applicationId, {
      id: record.id,
      type: record.type,
      name: record.commandName,
      user: record.place.ctx.user,
      owners: record.place.guild ? { '0': record.place.guild.id } : { '0': '0' },
      ...(record.sourceMessageId === undefined ? {} : { interactedMessageId: record.sourceMessageId }),
      ...(message.id !== record.originalMessageId && record.originalMessageId !== undefined
        ? { originalResponseMessageId: record.originalMessageId }
        : {}),
    });
  }

  authorizeActivity(userId: string, scopes: readonly string[] = ['identify']): string {
    const code = randomBytes(15).toString('base64url');
    this.oauthCodes.set(code, { userId, scopes });
    return code;
  }

  /**
   * Discord's token exchange for the authorization-code grant: a form-encoded body with the client's
   * id and secret (or HTTP Basic, which this double does not take), `grant_type` and `code`. A code works
   * once; errors use OAuth2's shape ({ error, error_description }), not the REST API's.
   */
  private exchangeOAuthCode(body: Json): Json {
    const form = (body ?? {}) as Record<string, unknown>;
    if (form.client_id !== this.applicationId || form.client_secret !== this.clientSecret) {
      throw new RestError(401, { error: 'invalid_client' });
    }
    if (form.grant_type !== 'authorization_code') throw new RestError(400, { error: 'unsupported_grant_type' });
    const grant = typeof form.code === 'string' ? this.oauthCodes.get(form.code) : undefined;
    if (grant === undefined) throw new RestError(400, { error: 'invalid_grant', error_description: 'Invalid "code" in request.' });
    this.oauthCodes.delete(form.code as string);
    return {
      access_token: randomBytes(20).toString('base64url'),
      token_type: 'Bearer',
      expires_in: 604_800,
      refresh_token: randomBytes(20).toString('base64url'),
      scope: grant.scopes.join(' '),
    };
  }

  private violate(message: string): void {
    this.violations.push(message);
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://double');
    const method = request.method ?? 'GET';
    const prefix = '/api/v10';
    const route = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
    const recorded: RecordedRequest = { method, route: safeDecode(route), query: Object.fromEntries(url.searchParams), body: undefined, uploads: [], status: 0 };
    this.requests.push(recorded);
    if (this.requests.length > MaxRecordedRequests) this.requests.shift();
    let status = 200;
    let body: Json;
    try {
      const parsed = await readBody(request);
      recorded.body = parsed.json;
      recorded.uploads = parsed.files.map((file) => ({ field: file.field, filename: file.filename, size: file.data.length }));
      if (!url.pathname.startsWith(prefix)) {
        this.violate(`REST: ${method} ${url.pathname} is outside /api/v10`);
        throw Errors.notFound();
      }
      const match = this.matchRoute(method, route);
      if (!match) {
        this.violate(`REST: no such route ${method} ${route}`);
        throw Errors.notFound();
      }
      if (match.route.auth && request.headers.authorization !== `Bot ${this.token}`) {
        this.violate(`REST: ${method} ${route} with a wrong or missing Authorization header`);
        throw Errors.unauthorized();
      }
      body = await match.route.handle(match.params, parsed, url.searchParams);
      if (body === NoContent) status = 204;
    } catch (error) {
      if (error instanceof RestError) {
        status = error.status;
        body = error.body;
      } else {
        // A bug in the double, not the bot; recorded so it cannot pass unnoticed.
        status = 500;
        body = { message: `Discord double failed: ${(error as Error).message}`, code: 0 };
        this.violate(`double failed on ${method} ${route}: ${(error as Error).message}`);
      }
    }
    recorded.status = status;
    sendJson(response, status, body);
  }

  private matchRoute(method: string, route: string): { route: Route; params: RouteParams } | undefined {
    for (const candidate of this.routes) {
      if (candidate.method !== method) continue;
      const match = candidate.pattern.exec(route);
      const param = (index: number) => decodeURIComponent(match?.[index] ?? '');
      if (match) return { route: candidate, params: [param(1), param(2), param(3)] };
    }
    return undefined;
  }

  private buildRoutes(): Route[] {
    const id = '([^/]+)';
    const route = (method: string, path: string, auth: boolean, handle: Route['handle']): Route => ({
      method,
      pattern: new RegExp(`^${path}/?$`),
      auth,
      handle,
    });
    const application = {
      id: this.applicationId,
      name: this.botUser.username,
      icon: null,
      description: 'Discord double application',
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      flags: 0,
      team: null,
      bot: this.botUser,
      owner: makeUser('1300000000000000000', 'owner'),
      approximate_guild_count: this.guilds.length,
    };
    return [
      route('GET', '/gateway/bot', true, () => ({
        url: `ws://127.0.0.1:${this.port}`,
        shards: this.recommendedShards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      })),
      route('GET', '/gateway', false, () => ({ url: `ws://127.0.0.1:${this.port}` })),
      route('POST', '/oauth2/token', false, (_, { json }) => this.exchangeOAuthCode(json)),
      route('GET', '/users/@me', true, () => ({ ...this.botUser, verified: true, mfa_enabled: false, flags: 0 })),
      route('GET', '/applications/@me', true, () => application),
      route('GET', '/oauth2/applications/@me', true, () => application),
      route('POST', '/users/@me/channels', true, (_, { json }) => this.openDm(json)),
      route('GET', `/applications/${id}/commands`, true, ([app]) => this.listCommands(app, undefined)),
      route('PUT', `/applications/${id}/commands`, true, ([app], { json }) => this.putCommands(app, undefined, json)),
      route('POST', `/applications/${id}/commands`, true, ([app], { json }) => this.postCommand(app, undefined, json)),
      route('DELETE', `/applications/${id}/commands/${id}`, true, ([app, commandId]) => this.deleteCommand(app, undefined, commandId)),
      route('GET', `/applications/${id}/guilds/${id}/commands`, true, ([app, guildId]) => this.listCommands(app, guildId)),
      route('PUT', `/applications/${id}/guilds/${id}/commands`, true, ([app, guildId], { json }) => this.putCommands(app, guildId, json)),
      route('POST', `/applications/${id}/guilds/${id}/commands`, true, ([app, guildId], { json }) => this.postCommand(app, guildId, json)),
      route('DELETE', `/applications/${id}/guilds/${id}/commands/${id}`, true, ([app, guildId, commandId]) =>
        this.deleteCommand(app, guildId, commandId),
      ),
      route('POST', `/interactions/${id}/${id}/callback`, false, ([interactionId, token], body, query) =>
        this.callback(interactionId, token, body, query),
      ),
      route('POST', `/webhooks/${id}/${id}`, false, ([app, token], { json, files }) => this.followup(app, token, json, files)),
      route('GET', `/webhooks/${id}/${id}/messages/${id}`, false, ([app, token, messageId]) =>
        this.toApi(this.webhookMessage(app, token, messageId).message),
      ),
      route('PATCH', `/webhooks/${id}/${id}/messages/${id}`, false, ([app, token, messageId], { json, files }) =>
        this.editWebhookMessage(app, token, messageId, json, files),
      ),
      route('DELETE', `/webhooks/${id}/${id}/messages/${id}`, false, ([app, token, messageId]) => {
        this.messages.delete(this.webhookMessage(app, token, messageId).message);
        return NoContent;
      }),
      route('GET', `/channels/${id}`, true, ([channelId]) => this.apiChannelById(channelId)),
      route('POST', `/channels/${id}/typing`, true, ([channelId]) => {
        this.apiChannelById(channelId);
        return NoContent;
      }),
      route('GET', `/channels/${id}/messages`, true, ([channelId], _, query) => {
        this.apiChannelById(channelId);
        const limit = Math.min(Number(query.get('limit') ?? 50), 100);
        return this.visibleChannelMessages(channelId).reverse().slice(0, limit).map((message) => this.toApi(message));
      }),
      route('POST', `/channels/${id}/messages`, true, async ([channelId], { json, files }) => {
        // The message exists from here on, whether or not its answer gets back to the bot.
        const created = this.postChannelMessage(channelId, json, files);
        await this.answerWhenReleased(channelId);
        return created;
      }),
      route('GET', `/channels/${id}/messages/${id}`, true, ([channelId, messageId]) =>
        this.toApi(this.channelMessage(channelId, messageId)),
      ),
      route('PATCH', `/channels/${id}/messages/${id}`, true, ([channelId, messageId], { json, files }) => {
        const message = this.channelMessage(channelId, messageId);
        if (message.author.id !== this.botUser.id) throw new RestError(403, { message: 'Cannot edit a message authored by another user', code: 50005 });
        return this.toApi(this.checkedEdit(message, json, files, `PATCH /channels/${channelId}/messages/${messageId}`));
      }),
      route('DELETE', `/channels/${id}/messages/${id}`, true, ([channelId, messageId]) => {
        this.messages.delete(this.channelMessage(channelId, messageId));
        return NoContent;
      }),
      route('GET', `/guilds/${id}`, true, ([guildId]) => {
        const guild = this.guildById(guildId);
        return { id: guild.id, name: guild.name, owner_id: guild.ownerId, roles: [], emojis: [], features: [] };
      }),
      route('GET', `/guilds/${id}/members/${id}`, true, ([guildId, userId]) => {
        const member = this.guildById(guildId).members.find((candidate) => candidate.user.id === userId);
        if (!member) throw new RestError(404, { message: 'Unknown Member', code: 10007 });
        return apiMember(member);
      }),
    ];
  }

  private guildById(guildId: string | undefined): GuildState {
    const guild = this.guilds.find((candidate) => candidate.id === guildId);
    if (!guild) throw Errors.unknownGuild();
    return guild;
  }

  private apiChannelById(channelId: string): Json {
    const dm = this.dmChannels.get(channelId);
    if (dm) return { id: dm.id, type: 1, last_message_id: null, recipients: [dm.recipient], flags: 0 };
    for (const guild of this.guilds) {
      const channel = guild.channels.find((candidate) => candidate.id === channelId);
      if (channel) return apiChannel(channel, guild.id);
    }
    throw Errors.unknownChannel();
  }

  private openDm(json: Json): Json {
    const user = this.users.get(String(json?.recipient_id));
    if (!user) throw new RestError(400, { message: 'Unknown User', code: 10013 });
    const existing = [...this.dmChannels.values()].find((channel) => channel.recipient.id === user.id);
    const channel = existing ?? { id: this.ids.next(), name: '', type: 1, recipient: user };
    this.dmChannels.set(channel.id, channel);
    return this.apiChannelById(channel.id);
  }

  private visibleChannelMessages(channelId: string): StoredMessage[] {
    return this.messages.inChannel(channelId).filter((message) => (message.flags & EphemeralFlag) === 0);
  }

  private channelMessage(channelId: string, messageId: string): StoredMessage {
    this.apiChannelById(channelId);
    const message = this.messages.get(messageId);
    // Ephemeral messages live only in the interaction's webhook; channel routes cannot see them.
    if (!message || message.deleted || message.channelId !== channelId || (message.flags & EphemeralFlag) !== 0) {
      throw Errors.unknownMessage();
    }
    return message;
  }

  private postChannelMessage(channelId: string, json: Json, files: UploadedFile[]): Json {
    this.apiChannelById(channelId);
    const where = `POST /channels/${channelId}/messages`;
    if (typeof json?.flags === 'number' && (json.flags & EphemeralFlag) !== 0) {
      this.violate(`${where}: ephemeral flag on an ordinary message`);
      throw Errors.invalidFormBody(invalidFormBody([{ path: 'flags', code: 'MESSAGE_FLAGS_INVALID', message: 'Only interaction responses can be ephemeral' }]));
    }
    return this.toApi(this.checkedCreate(channelId, json, files, where));
  }

  // ---- validation that also records violations ----

  private guarded<T>(where: string, action: () => T): T {
    try {
      return action();
    } catch (error) {
      // Checks nest (a callback creates a message); each refusal is one violation, named by the innermost.
      if (error instanceof RestError && !this.reportedErrors.has(error)) {
        this.reportedErrors.add(error);
        this.violate(`${where}: ${String(error.body?.code)} ${describeRestError(error)}`);
      }
      throw error;
    }
  }

  private checkPings(where: string, json: Json, ephemeral: boolean): void {
    if (ephemeral) return;
    const pings = accidentalPings(json?.content, json?.allowed_mentions);
    if (pings.length > 0) this.violate(`${where}: would ping ${pings.join(', ')} (set allowed_mentions)`);
  }

  private checkedCreate(channelId: string, json: Json, files: UploadedFile[], where: string, interactionId?: string): StoredMessage {
    const message = this.guarded(where, () => this.messages.create(channelId, this.botUser, json, files, interactionId));
    this.checkPings(where, json, (message.flags & EphemeralFlag) !== 0);
    return message;
  }

  private checkedEdit(message: StoredMessage, json: Json, files: UploadedFile[], where: string): StoredMessage {
    const wasLoading = (message.flags & LoadingFlag) !== 0;
    const edited = this.guarded(where, () => this.messages.edit(message, json, files));
    // Filling in a deferred reply notifies like a new message; later edits never ping.
    if (wasLoading) this.checkPings(where, json, (edited.flags & EphemeralFlag) !== 0);
    return edited;
  }

  // ---- commands ----

  private checkApplication(app: string | undefined): void {
    if (app !== this.applicationId) throw new RestError(403, { message: 'Missing Access', code: 50001 });
  }

  private commandList(guildId: string | undefined): ApiCommand[] {
    if (guildId === undefined) return this.globalCommands;
    this.guildById(guildId);
    let list = this.guildCommands.get(guildId);
    if (!list) this.guildCommands.set(guildId, (list = []));
    return list;
  }

  private listCommands(app: string | undefined, guildId: string | undefined): Json {
    this.checkApplication(app);
    return this.commandList(guildId);
  }

  private toApiCommand(definition: Json, guildId: string | undefined, existing: ApiCommand | undefined): ApiCommand {
    return {
      ...definition,
      id: existing?.id ?? this.ids.next(),
      application_id: this.applicationId,
      ...(guildId === undefined ? {} : { guild_id: guildId }),
      version: this.ids.next(),
      type: definition.type ?? 1,
      name: definition.name,
      description: definition.description ?? '',
      default_member_permissions: definition.default_member_permissions ?? null,
      nsfw: definition.nsfw ?? false,
    };
  }

  private putCommands(app: string | undefined, guildId: string | undefined, json: Json): Json {
    this.checkApplication(app);
    const where = `PUT commands${guildId ? ` of guild ${guildId}` : ''}`;
    const list = this.commandList(guildId);
    return this.guarded(where, () => {
      if (!Array.isArray(json)) throw Errors.badRequest('Expected an array of commands');
      const issues: LimitIssue[] = json.flatMap((definition, index) => checkCommand(definition, String(index)));
      const chatInput = json.filter((definition) => (definition?.type ?? 1) === 1);
      if (chatInput.length > 100) issues.push({ path: '', code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
      const names = new Set<string>();
      json.forEach((definition, index) => {
        const key = `${definition?.type ?? 1}:${String(definition?.name)}`;
        if (names.has(key)) issues.push({ path: `${index}.name`, code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: 'Application command names must be unique' });
        names.add(key);
      });
      if (issues.length > 0) throw Errors.invalidFormBody(invalidFormBody(issues));
      const next = json.map((definition) =>
        this.toApiCommand(definition, guildId, list.find((old) => old.name === definition.name && old.type === (definition.type ?? 1))),
      );
      list.splice(0, list.length, ...next);
      return next;
    });
  }

  private postCommand(app: string | undefined, guildId: string | undefined, json: Json): Json {
    this.checkApplication(app);
    const list = this.commandList(guildId);
    return this.guarded(`POST command ${String(json?.name)}`, () => {
      const issues = checkCommand(json, '');
      if (issues.length > 0) throw Errors.invalidFormBody(invalidFormBody(issues));
      const index = list.findIndex((old) => old.name === json.name && old.type === (json.type ?? 1));
      const command = this.toApiCommand(json, guildId, list[index]);
      if (index >= 0) list[index] = command;
      else list.push(command);
      return command;
    });
  }

  private deleteCommand(app: string | undefined, guildId: string | undefined, commandId: string | undefined): Json {
    this.checkApplication(app);
    const list = this.commandList(guildId);
    const index = list.findIndex((command) => command.id === commandId);
    if (index < 0) throw Errors.unknownCommand();
    list.splice(index, 1);
    return NoContent;
  }

  // ---- interactions and their webhooks ----

  private callback(interactionId: string | undefined, token: string | undefined, body: { json: Json; files: UploadedFile[] }, query: URLSearchParams): Json {
    const record = this.interactions.get(String(token));
    if (!record || record.id !== interactionId) {
      this.violate(`callback for unknown interaction ${String(interactionId)}`);
      throw Errors.unknownInteraction();
    }
    const where = `${record.label}: callback`;
    if (record.isLate && !record.callback) {
      this.violate(`${where} came ${Date.now() - record.createdAt}ms after the interaction, past the ${this.deadlineMs}ms deadline`);
      throw Errors.unknownInteraction();
    }
    return this.guarded(where, () => {
      if (record.callback) throw Errors.alreadyAcknowledged();
      const callback: InteractionCallback = { type: Number(body.json?.type), ...(body.json?.data === undefined ? {} : { data: body.json.data }) };
      this.checkCallbackType(record, callback.type);
      let message: StoredMessage | undefined;
      const channelId = record.place.channel.id;
      switch (callback.type) {
        case CallbackType.ChannelMessage:
          message = this.checkedCreate(channelId, callback.data, body.files, where, record.id);
          record.originalMessageId = message.id;
          record.ephemeral = (message.flags & EphemeralFlag) !== 0;
          break;
        case CallbackType.DeferredChannelMessage:
          message = this.messages.createPlaceholder(channelId, this.botUser, callback.data?.flags ?? 0, record.id);
          record.originalMessageId = message.id;
          record.ephemeral = (message.flags & EphemeralFlag) !== 0;
          break;
        case CallbackType.DeferredUpdate:
          record.originalMessageId = record.sourceMessageId;
          break;
        case CallbackType.UpdateMessage: {
          const source = this.messages.get(String(record.sourceMessageId));
          if (!source) throw Errors.unknownMessage();
          message = this.checkedEdit(source, callback.data, body.files, where);
          record.originalMessageId = message.id;
          record.ephemeral = (message.flags & EphemeralFlag) !== 0;
          break;
        }
        case CallbackType.AutocompleteResult: {
          const issues = checkAutocompleteChoices(callback.data);
          if (issues.length > 0) throw Errors.invalidFormBody(invalidFormBody(issues.map((issue) => ({ ...issue, path: `data.${issue.path}` }))));
          break;
        }
        case CallbackType.LaunchActivity:
          // Discord opens the Activity for the user; nothing is posted, and with_response names the instance.
          this.activityLaunches.push({ userId: record.place.ctx.user.id, channelId, interactionId: record.id });
          break;
        case CallbackType.Modal: {
          const issues = checkModal(callback.data);
          if (issues.length > 0) throw Errors.invalidFormBody(invalidFormBody(issues.map((issue) => ({ ...issue, path: `data.${issue.path}` }))));
          this.shownModals.push({ userId: record.place.ctx.user.id, customId: callback.data.custom_id, data: callback.data, from: record });
          break;
        }
      }
      record.acknowledge(callback);
      if (query.get('with_response') !== 'true') return NoContent;
      return {
        interaction: {
          id: record.id,
          type: record.type,
          ...(message
            ? {
                response_message_id: message.id,
                response_message_loading: (message.flags & LoadingFlag) !== 0,
                response_message_ephemeral: (message.flags & EphemeralFlag) !== 0,
              }
            : {}),
        },
        resource: {
          type: callback.type,
          ...(message ? { message: this.toApi(message) } : {}),
          ...(callback.type === CallbackType.LaunchActivity ? { activity_instance: { id: `i-${record.id}` } } : {}),
        },
      };
    });
  }

  private checkCallbackType(record: InteractionRecord, type: number): void {
    const allowed: number[] =
      record.type === InteractionType.Autocomplete
        ? [CallbackType.AutocompleteResult]
        : record.type === InteractionType.ApplicationCommand
          ? [CallbackType.ChannelMessage, CallbackType.DeferredChannelMessage, CallbackType.Modal, CallbackType.LaunchActivity]
          : record.type === InteractionType.MessageComponent
            ? [CallbackType.ChannelMessage, CallbackType.DeferredChannelMessage, CallbackType.DeferredUpdate, CallbackType.UpdateMessage, CallbackType.Modal, CallbackType.LaunchActivity]
            : record.sourceMessageId === undefined
              ? [CallbackType.ChannelMessage, CallbackType.DeferredChannelMessage]
              : [CallbackType.ChannelMessage, CallbackType.DeferredChannelMessage, CallbackType.DeferredUpdate, CallbackType.UpdateMessage];
    if (!allowed.includes(type)) {
      throw Errors.invalidFormBody(
        invalidFormBody([{ path: 'type', code: 'INTERACTION_CALLBACK_TYPE_INVALID', message: `Callback type ${type} is not valid for interaction type ${record.type}` }]),
      );
    }
  }

  private webhookRecord(app: string | undefined, token: string | undefined, action: string): InteractionRecord {
    const record = this.interactions.get(String(token));
    if (app !== this.applicationId || !record) {
      this.violate(`webhook call with an unknown application or interaction token (${action})`);
      throw Errors.unknownWebhook();
    }
    if (!record.callback) {
      this.violate(`${record.label}: ${action} before acknowledging the interaction`);
      throw Errors.unknownWebhook();
    }
    if (Date.now() - record.createdAt > InteractionTokenLifetimeMs) {
      this.violate(`${record.label}: ${action} after the interaction token expired (15 minutes)`);
      throw new RestError(401, { message: 'Invalid Webhook Token', code: 50027 });
    }
    return record;
  }

  private webhookMessage(app: string | undefined, token: string | undefined, messageId: string | undefined): { record: InteractionRecord; message: StoredMessage } {
    const record = this.webhookRecord(app, token, `touched message ${String(messageId)}`);
    const id = messageId === '@original' ? record.originalMessageId : messageId;
    const owned = id === record.originalMessageId || record.followups.some((followup) => followup.id === id);
    const message = id === undefined ? undefined : this.messages.get(id);
    if (!owned || !message || message.deleted) throw Errors.unknownMessage();
    return { record, message };
  }

  private followup(app: string | undefined, token: string | undefined, json: Json, files: UploadedFile[]): Json {
    const record = this.webhookRecord(app, token, 'sent a follow-up');
    const original = record.originalMessageId === undefined ? undefined : this.messages.get(record.originalMessageId);
    if (record.callback?.type === CallbackType.DeferredChannelMessage && original && (original.flags & LoadingFlag) !== 0) {
      // As on Discord, the first follow-up after a deferred reply fills in the "thinking…" message,
      // keeping the ephemerality chosen when deferring.
      const filled = this.checkedEdit(original, json, files, `${record.label}: follow-up filling the deferred reply`);
      record.markAnswered();
      return this.toApi(filled);
    }
    const message = this.checkedCreate(record.place.channel.id, json, files, `${record.label}: follow-up`, record.id);
    record.followups.push(message);
    return this.toApi(message);
  }

  private editWebhookMessage(app: string | undefined, token: string | undefined, messageId: string | undefined, json: Json, files: UploadedFile[]): Json {
    const { record, message } = this.webhookMessage(app, token, messageId);
    const edited = this.checkedEdit(message, json, files, `${record.label}: edit of ${String(messageId)}`);
    if (edited.id === record.originalMessageId) {
      record.ephemeral = (edited.flags & EphemeralFlag) !== 0;
      record.markAnswered();
    } else {
      const index = record.followups.findIndex((followup) => followup.id === edited.id);
      if (index >= 0) record.followups[index] = edited;
    }
    return this.toApi(edited);
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function describeRestError(error: RestError): string {
  const errors: Json = error.body?.errors;
  if (!errors || Object.keys(errors).length === 0) return String(error.body?.message);
  const issues: LimitIssue[] = [];
  const walk = (node: Json, path: string[]) => {
    for (const [key, value] of Object.entries(node as Record<string, Json>)) {
      if (key === '_errors') for (const entry of value) issues.push({ path: path.join('.'), code: entry.code, message: entry.message });
      else walk(value, [...path, key]);
    }
  };
  walk(errors, []);
  return `${String(error.body?.message)}: ${describeIssues(issues)}`;
}

export async function startDiscordDouble(options: DiscordDoubleOptions = {}): Promise<DiscordDouble> {
  const double = new DiscordDoubleServer(options);
  await double.listen();
  return double;
}
