/**
 * Shapes shared by the Discord test double: fixtures the tests describe, what the double stores, and the
 * handle tests drive it with. Wire payloads stay loosely typed (`Json`) on purpose: the double must accept
 * whatever the bot sends and judge it by Discord's rules, not by our TypeScript types.
 */

// Wire JSON is checked at run time by limits.ts, so a loose type is the honest one here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ApiUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: string | null;
  bot?: boolean;
}

/** A Discord user the test acts as (fields are the raw API user). */
export type UserFixture = ApiUser;

export interface ChannelFixture {
  id: string;
  name: string;
  /** Discord channel type; 0 (guild text) when omitted. */
  type?: number;
}

export interface RoleFixture {
  id: string;
  name: string;
  /** Permission bits as a decimal string, like the API. */
  permissions: string;
  managed?: boolean;
}

export interface MemberFixture {
  user: UserFixture;
  roles?: string[];
}

export interface GuildFixture {
  id: string;
  name: string;
  ownerId?: string;
  channels?: ChannelFixture[];
  /** The @everyone role (id = guild id) and a managed role for the bot are added when missing. */
  roles?: RoleFixture[];
  members?: MemberFixture[];
}

export interface DiscordDoubleOptions {
  applicationId?: string;
  /** The token the bot must present; anything else gets 401 (REST) or close 4004 (gateway). */
  token?: string;
  /** The application's OAuth2 client secret, which `POST /oauth2/token` requires. */
  clientSecret?: string;
  /** Sent as GUILD_CREATE after READY. Defaults to one guild with a #general channel. */
  guilds?: GuildFixture[];
  /** Like Discord: a first callback later than this answers 404 Unknown interaction (10062). */
  interactionDeadlineMs?: number;
  /** Gateway heartbeat interval announced in Hello. */
  heartbeatIntervalMs?: number;
  /**
   * Privileged intents switched on for the application (bits of GuildMembers 1<<1, GuildPresences 1<<8,
   * MessageContent 1<<15). Identifying with any other privileged intent closes with 4014, as on Discord.
   * Default none.
   */
  allowedPrivilegedIntents?: number;
  /**
   * Send the least Discord may send: every interaction field its types mark optional is left out
   * (`guild`, `channel`, `channel_id`, `guild_locale`, `context`, the member's optional fields, a guild
   * command's `data.guild_id`). What Discord always sends (`guild_id` and `member` in a server, `user` in
   * a DM, `app_permissions`, `locale`, `entitlements`, `authorizing_integration_owners`) stays.
   */
  minimalPayloads?: boolean;
  /**
   * The shard count `GET /gateway/bot` recommends (default 1). Each gateway session gets the events of
   * its own shard's guilds only, as Discord routes them: shard = (guild_id >> 22) % count, DMs on shard 0.
   */
  shards?: number;
}

export interface ApiCommand {
  id: string;
  application_id: string;
  guild_id?: string;
  version: string;
  name: string;
  description: string;
  type: number;
  options?: Json[];
  default_member_permissions?: string | null;
  contexts?: number[] | null;
  integration_types?: number[];
  [key: string]: Json;
}

export interface StoredAttachment {
  id: string;
  filename: string;
  /** Alt text. */
  description?: string;
  contentType?: string;
  data: Buffer;
}

export interface StoredMessage {
  id: string;
  channelId: string;
  author: ApiUser;
  content: string;
  embeds: Json[];
  components: Json[];
  attachments: StoredAttachment[];
  flags: number;
  allowed_mentions?: Json;
  /** The interaction this message answers, for replies and follow-ups. */
  interactionId?: string;
  /** Set on every edit; absent for messages never edited. */
  editedAt?: string;
  createdAt: string;
  deleted: boolean;
}

export interface RecordedRequest {
  method: string;
  /** Path below /api/v10, with the query string removed, e.g. `/interactions/123/tok/callback`. */
  route: string;
  query: Record<string, string>;
  /** Parsed JSON (or payload_json of a multipart body); undefined when there was none. */
  body: Json;
  /** The files the request uploaded (multipart `files[n]` parts): what an edit that keeps a file must not send. */
  uploads: { field: string; filename: string; size: number }[];
  status: number;
}

/** Who acts, and where. Without guildId the interaction happens in a DM with the bot. */
export interface InteractionCtx {
  user: UserFixture;
  guildId?: string;
  channelId: string;
  /** Member permission bits (decimal string). Defaults to an ordinary member's. */
  permissions?: string;
  locale?: string;
}

/** For commands with subcommands: which one, and its options. */
export interface OptionTree {
  subcommandGroup?: string;
  subcommand: string;
  options?: Record<string, unknown>;
}

export interface InteractionCallback {
  type: number;
  data?: Json;
}

export interface InteractionResult {
  id: string;
  token: string;
  /** The first callback. Rejects if none arrives before the deadline. */
  response(): Promise<InteractionCallback>;
  /**
   * The visible answer: immediate for callback types 4 and 7, for 5 and 6 the edit of @original.
   * Resolves undefined for answers that show no message (autocomplete, modal).
   */
  settled(timeoutMs?: number): Promise<StoredMessage | undefined>;
  /** Follow-up messages. The first follow-up after a deferred reply fills in @original instead, as on Discord. */
  readonly followups: StoredMessage[];
  /** Flags 64 on the answer. */
  readonly ephemeral: boolean;
}

/**
 * Input a modified client or a stale cache could send, which a real Discord client never would. Each
 * method skips the client-side checks of its strict namesake on `DiscordDouble` and dispatches the raw
 * interaction; what Discord's servers check (registered command, command permissions, a message that
 * exists in the channel and is visible to the user) and all rules for the bot's answers stay strict.
 */
export interface TamperedClient {
  /** Options go out as given: unknown options, wrong types, out-of-range values, missing required ones, unknown subcommands. */
  slash(name: string, options: Record<string, unknown> | OptionTree, ctx: InteractionCtx): Promise<InteractionResult>;
  /** Any custom id, sent as a button (component_type 2), on the message as stored — even if it no longer has it or it is disabled. */
  click(messageId: string, customId: string, ctx: InteractionCtx): Promise<InteractionResult>;
  /** Any values, any count, sent as a string select (component_type 3), whatever the message has. */
  select(messageId: string, customId: string, values: string[], ctx: InteractionCtx): Promise<InteractionResult>;
  /**
   * Submits whether or not the modal is open: with the shape of the open modal (closing it) or else of the
   * last one of that custom id shown to the user (a racing second submit), otherwise with the given fields
   * as labelled text inputs. Field values are not checked; fields the modal lacks are added.
   */
  submitModal(customId: string, fields: Record<string, string>, ctx: InteractionCtx & { messageId?: string }): Promise<InteractionResult>;
}

export interface DiscordDouble {
  /** Give this to discord.js as `rest.api` (our DISCORD_API_URL), e.g. http://127.0.0.1:PORT/api */
  apiUrl: string;
  token: string;
  applicationId: string;
  /** The OAuth2 client secret the token endpoint checks. */
  clientSecret: string;
  botUser: ApiUser;
  /**
   * What the Embedded App SDK's `authorize()` gives an Activity after the user agrees: a one-time OAuth2
   * code for `POST /oauth2/token`.
   */
  authorizeActivity(userId: string, scopes?: readonly string[]): string;
  /** Activities the app launched with LAUNCH_ACTIVITY (callback type 12), oldest first. */
  readonly activityLaunches: readonly { userId: string; channelId: string; interactionId: string }[];
  /** Resolves once a client has identified and been sent READY and every GUILD_CREATE (default wait 30 s). */
  ready(timeoutMs?: number): Promise<void>;
  commands(guildId?: string): ApiCommand[];
  user(id?: string): UserFixture;
  slash(name: string, options: Record<string, unknown> | OptionTree, ctx: InteractionCtx): Promise<InteractionResult>;
  autocomplete(
    name: string,
    options: Record<string, unknown> | OptionTree,
    focusedName: string,
    ctx: InteractionCtx,
  ): Promise<{ choices: { name: string; value: string | number }[] }>;
  click(messageId: string, customId: string, ctx: InteractionCtx): Promise<InteractionResult>;
  select(messageId: string, customId: string, values: string[], ctx: InteractionCtx): Promise<InteractionResult>;
  submitModal(
    customId: string,
    fields: Record<string, string>,
    ctx: InteractionCtx & { messageId?: string },
  ): Promise<InteractionResult>;
  /** The same user actions without the Discord client's checks, for robustness tests; see `TamperedClient`. */
  readonly tampered: TamperedClient;
  message(id: string): StoredMessage | undefined;
  channelMessages(channelId: string): StoredMessage[];
  requests: RecordedRequest[];
  violations: string[];
  /** Gateway op 7; resolves once the client resumed and got RESUMED (missed dispatches replayed). */
  forceReconnect(): Promise<void>;
  /** Gateway op 9; the client must resume (resumable) or identify afresh. Resolves when it has. */
  invalidateSession(resumable: boolean): Promise<void>;
  /** The shard ids with a client connected and identified right now, ascending. */
  connectedShards(): number[];
  /** How many clients are connected on this shard right now; Discord sends each of them the shard's events. */
  connectedSessions(shardId: number): number;
  /** How many times a client has identified on this shard (a respawned shard process identifies again). */
  identifyCount(shardId: number): number;
  /**
   * Makes Discord slow to answer posts in these channels, as when its answers are delayed or lost on the
   * way: each `POST /channels/{id}/messages` there creates its message at once (the channel shows it), but
   * the HTTP answer waits until the returned release() is called. A bot killed meanwhile never learns the
   * message id. Keep holds short: discord.js gives up on a request after 15 s and sends it again.
   */
  holdPostAnswers(channelIds: Iterable<string>): () => void;
  close(): Promise<void>;
}
