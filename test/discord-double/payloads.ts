/**
 * Builders for the raw API objects the double hands to discord.js: snowflakes, users, members, guilds,
 * channels, messages and interactions, shaped like Discord's own payloads so discord.js builds its real
 * structures from them.
 */
import {
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  type APIBaseInteraction,
  type APIDMChannel,
  type APIGuildMember,
  type APIInteractionGuildMember,
  type APIMessage,
  type APITextChannel,
  type ChannelFlags,
  type GuildMemberFlags,
  type InteractionType,
  type Locale,
} from 'discord-api-types/v10';
import type {
  ApiUser,
  ChannelFixture,
  GuildFixture,
  InteractionCtx,
  Json,
  MemberFixture,
  RoleFixture,
  StoredMessage,
} from './types.js';

const DiscordEpochMs = 1_420_070_400_000n;

/** Hands out increasing snowflakes whose timestamp part is the current time, as Discord's do. */
export class SnowflakeSource {
  private increment = 0n;
  next(): string {
    const timestamp = BigInt(Date.now()) - DiscordEpochMs;
    this.increment = (this.increment + 1n) & 0xfffn;
    // Worker and process bits are fixed: one double is one "worker".
    return ((timestamp << 22n) | (1n << 17n) | this.increment).toString();
  }
}

/** Bits of an ordinary member: view, send, embed, attach, read history, react, use application commands. */
export const OrdinaryMemberPermissions = (
  (1n << 6n) | (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n) | (1n << 31n)
).toString();
/** What the bot's managed role grants: an ordinary member's rights plus sending in threads. */
export const BotPermissions = (BigInt(OrdinaryMemberPermissions) | (1n << 38n)).toString();
export const AdministratorBit = 1n << 3n;

export const DefaultGuildId = '1100000000000000001';
export const DefaultChannelId = '1100000000000000002';

export function makeUser(id: string, username: string, bot = false): ApiUser {
  return { id, username, discriminator: '0', global_name: bot ? null : username, avatar: null, ...(bot ? { bot: true } : {}) };
}

export function defaultGuilds(): GuildFixture[] {
  return [{ id: DefaultGuildId, name: 'Tuning Fork Test Guild', channels: [{ id: DefaultChannelId, name: 'general' }] }];
}

/** The guild as the double keeps it: fixture plus the @everyone role, the bot's role and the bot as member. */
export interface GuildState {
  id: string;
  name: string;
  ownerId: string;
  channels: ChannelFixture[];
  roles: RoleFixture[];
  members: MemberFixture[];
  botRoleId: string;
}

export function completeGuild(fixture: GuildFixture, bot: ApiUser, ids: SnowflakeSource): GuildState {
  const roles = [...(fixture.roles ?? [])];
  if (!roles.some((role) => role.id === fixture.id)) {
    roles.unshift({ id: fixture.id, name: '@everyone', permissions: OrdinaryMemberPermissions });
  }
  let botRole = roles.find((role) => role.managed === true);
  if (!botRole) {
    botRole = { id: ids.next(), name: bot.username, permissions: BotPermissions, managed: true };
    roles.push(botRole);
  }
  const members = [...(fixture.members ?? [])];
  if (!members.some((member) => member.user.id === bot.id)) members.push({ user: bot, roles: [botRole.id] });
  return {
    id: fixture.id,
    name: fixture.name,
    ownerId: fixture.ownerId ?? members.find((member) => member.user.id !== bot.id)?.user.id ?? bot.id,
    channels: fixture.channels ?? [],
    roles,
    members,
    botRoleId: botRole.id,
  };
}

const FixedJoinDate = '2026-01-01T00:00:00.000Z';

export function apiRole(role: RoleFixture, position: number): Json {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: role.permissions,
    managed: role.managed ?? false,
    mentionable: false,
    flags: 0,
  };
}

export function apiChannel(channel: ChannelFixture, guildId: string | undefined, position = 0): Json {
  return {
    id: channel.id,
    type: channel.type ?? 0,
    name: channel.name,
    ...(guildId === undefined ? {} : { guild_id: guildId, position, permission_overwrites: [], parent_id: null, nsfw: false }),
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
  };
}

export function apiMember(member: MemberFixture): APIGuildMember {
  return {
    user: member.user,
    nick: null,
    avatar: null,
    roles: member.roles ?? [],
    joined_at: FixedJoinDate,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
  } satisfies APIGuildMember;
}

export function guildCreatePayload(guild: GuildState): Json {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    roles: guild.roles.map((role, index) => apiRole(role, index)),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: FixedJoinDate,
    large: false,
    unavailable: false,
    member_count: guild.members.length,
    voice_states: [],
    members: guild.members.map(apiMember),
    channels: guild.channels.map((channel, index) => apiChannel(channel, undefined, index)),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** What a message says about the interaction it answers (`interaction_metadata`). */
export interface AnsweredInteraction {
  id: string;
  type: number;
  name: string;
  user: ApiUser;
  owners: Json;
  interactedMessageId?: string;
  originalResponseMessageId?: string;
}

export function apiMessage(message: StoredMessage, applicationId: string, answered?: AnsweredInteraction): APIMessage {
  const metadata = answered && {
    interaction_metadata: {
      id: answered.id,
      type: answered.type,
      user: answered.user,
      authorizing_integration_owners: answered.owners,
      ...(answered.interactedMessageId === undefined ? {} : { interacted_message_id: answered.interactedMessageId }),
      ...(answered.originalResponseMessageId === undefined ? {} : { original_response_message_id: answered.originalResponseMessageId }),
    },
    // The deprecated `interaction` field still accompanies command answers.
    ...(answered.type === 2 ? { interaction: { id: answered.id, type: answered.type, name: answered.name, user: answered.user } } : {}),
  };
  return {
    id: message.id,
    // Answers to slash commands are CHAT_INPUT_COMMAND messages; everything else is DEFAULT.
    type: answered?.type === 2 ? 20 : 0,
    ...metadata,
    channel_id: message.channelId,
    author: message.author,
    content: message.content,
    timestamp: message.createdAt,
    edited_timestamp: message.editedAt ?? null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: message.attachments.map((attachment) => ({
      id: attachment.id,
      filename: attachment.filename,
      ...(attachment.description === undefined ? {} : { description: attachment.description }),
      ...(attachment.contentType === undefined ? {} : { content_type: attachment.contentType }),
      size: attachment.data.length,
      url: `https://cdn.discordapp.invalid/attachments/${message.channelId}/${attachment.id}/${attachment.filename}`,
      proxy_url: `https://media.discordapp.invalid/attachments/${message.channelId}/${attachment.id}/${attachment.filename}`,
    })),
    embeds: message.embeds,
    components: message.components,
    pinned: false,
    flags: message.flags,
    ...(message.interactionId === undefined ? {} : { webhook_id: applicationId, application_id: applicationId }),
  } satisfies APIMessage;
}

/** Where an interaction happens, resolved against the guild fixtures. */
export interface InteractionPlace {
  ctx: InteractionCtx;
  guild: GuildState | undefined;
  channel: ChannelFixture;
}

/**
 * What Discord says the bot may do in a DM: embed links, attach files, mention everyone and use external
 * emojis (the last only in the bot's own DMs).
 */
export const DmAppPermissions = ((1n << 14n) | (1n << 15n) | (1n << 17n) | (1n << 18n)).toString();

export interface EnvelopeIds<Type extends InteractionType> {
  id: string;
  token: string;
  applicationId: string;
  type: Type;
}

/**
 * The interaction as Discord dispatches it. In a server: `guild_id`, `guild_locale` and `member` (whose
 * `user` is the actor), no top-level `user`, context 0, owned by the guild install. In a DM with the
 * bot: top-level `user`, no `member`, `guild_id` or `guild_locale`, context 1, guild install owner "0".
 * Always: `app_permissions`, `locale`, `entitlements`, `authorizing_integration_owners`. With `minimal`,
 * every field the types let Discord leave out goes: `guild`, `channel`, `channel_id`, `guild_locale`,
 * `context`, and the member's optional fields.
 */
export function interactionEnvelope<Type extends InteractionType, Data>(
  place: InteractionPlace,
  ids: EnvelopeIds<Type>,
  data: Data,
  { message, minimal }: { message?: APIMessage; minimal: boolean },
): APIBaseInteraction<Type, Data> {
  const { ctx, guild, channel } = place;
  const locale = (ctx.locale ?? 'en-US') as Locale;
  const botRole = guild?.roles.find((role) => role.id === guild.botRoleId);
  const common = {
    id: ids.id,
    application_id: ids.applicationId,
    type: ids.type,
    data,
    token: ids.token,
    version: 1,
    app_permissions: guild ? (botRole?.permissions ?? BotPermissions) : DmAppPermissions,
    locale,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
    ...(message === undefined ? {} : { message }),
  } satisfies Omit<APIBaseInteraction<Type, Data>, 'authorizing_integration_owners'>;
  if (guild) {
    const found = guild.members.find((candidate) => candidate.user.id === ctx.user.id) ?? { user: ctx.user, roles: [] };
    const required = {
      user: ctx.user,
      roles: found.roles ?? [],
      joined_at: FixedJoinDate,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      permissions: ctx.permissions ?? OrdinaryMemberPermissions,
    };
    const member: APIInteractionGuildMember = minimal ? required : { ...apiMember(found), ...required };
    const guildChannel = {
      id: channel.id,
      type: ChannelType.GuildText,
      name: channel.name,
      guild_id: guild.id,
      position: 0,
      permission_overwrites: [],
      parent_id: null,
      nsfw: false,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0 as ChannelFlags,
    } satisfies Partial<APITextChannel>;
    return {
      ...common,
      guild_id: guild.id,
      member,
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guild.id },
      ...(minimal
        ? {}
        : {
            guild: { id: guild.id, locale: 'en-US' as Locale, features: [] },
            guild_locale: 'en-US' as Locale,
            channel: { ...guildChannel, type: (channel.type ?? ChannelType.GuildText) as ChannelType.GuildText },
            channel_id: channel.id,
            context: InteractionContextType.Guild,
          }),
    } satisfies APIBaseInteraction<Type, Data>;
  }
  const dmChannel = { id: channel.id, type: ChannelType.DM, last_message_id: null, flags: 0 as ChannelFlags, recipients: [ctx.user] } satisfies Partial<APIDMChannel>;
  return {
    ...common,
    user: ctx.user,
    // In the bot's DM the guild install authorises the interaction, with the documented owner "0".
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: '0' },
    ...(minimal ? {} : { channel: dmChannel, channel_id: channel.id, context: InteractionContextType.BotDM }),
  } satisfies APIBaseInteraction<Type, Data>;
}
