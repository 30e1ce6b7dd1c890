/**
 * /settings set [daily-channel] [daily-time] [timezone] | /settings show — where and when this server
 * gets the daily post. Changing settings needs Manage Server: Discord hides the command from other
 * members, and the check is repeated here because a hidden command can still be called.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import { IN_SERVERS_ONLY, INSTALLED_TO } from './views/contexts.js';
import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { UserError } from '../src/command-layer/errors.js';
import { privateNote, type AppServices, type CommandModule, type SlashRequest } from '../src/command-layer/types.js';
import { canonicalTimeZone, DEFAULT_DAILY_TIME, DEFAULT_TIMEZONE, knownTimeZones, localClock, normaliseDailyTime } from '../src/social/local-time.js';
import type { GuildSettings } from '../src/storage/index.js';

const data = new SlashCommandBuilder()
  .setName('settings')
  .setDescription("This server's daily post: channel, time and time zone")
  .setContexts(...IN_SERVERS_ONLY)
  .setIntegrationTypes(...INSTALLED_TO)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((sub) =>
    sub
      .setName('set')
      .setDescription('Choose where and when the daily post goes out (needs Manage Server)')
      .addChannelOption((o) =>
        o.setName('daily-channel').setDescription('The channel for the daily post').addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      )
      .addStringOption((o) => o.setName('daily-time').setDescription('Local time of the post, 24-hour HH:MM, e.g. 09:00').setMaxLength(5))
      .addStringOption((o) => o.setName('timezone').setDescription('IANA time zone, e.g. Europe/Paris (default UTC)').setMaxLength(64).setAutocomplete(true)),
  )
  .addSubcommand((sub) => sub.setName('show').setDescription("Show this server's daily-post settings"));

function describe(settings: GuildSettings, now: Date): string {
  const clock = localClock(now, settings.timezone);
  return (
    `Daily post: <#${settings.dailyChannelId}> at **${settings.dailyTime}** ${settings.timezone} ` +
    `(it is ${clock.time} there now, on ${clock.date}).`
  );
}

function option(request: SlashRequest, name: string): string | undefined {
  const value = request.options[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

async function set(request: SlashRequest, guildId: string, app: AppServices) {
  if (!request.canManageGuild) throw new UserError('Only members with the Manage Server permission can change these settings.');
  const channelId = option(request, 'daily-channel');
  const timeText = option(request, 'daily-time');
  const zoneText = option(request, 'timezone');
  if (channelId === undefined && timeText === undefined && zoneText === undefined) {
    throw new UserError('Give at least one of `daily-channel`, `daily-time` or `timezone`.');
  }
  const dailyTime = timeText === undefined ? undefined : normaliseDailyTime(timeText);
  if (timeText !== undefined && dailyTime === undefined) {
    throw new UserError(`“${timeText}” is not a time I can read. Use 24-hour HH:MM, like 09:00 or 18:30.`);
  }
  const timezone = zoneText === undefined ? undefined : canonicalTimeZone(zoneText);
  if (zoneText !== undefined && timezone === undefined) {
    throw new UserError(`“${zoneText}” is not a time zone I know. Use an IANA name like Europe/Paris, America/New_York or UTC.`);
  }
  const current = await app.storage.guildSettings.get(guildId);
  const dailyChannelId = channelId ?? current?.dailyChannelId;
  if (dailyChannelId === undefined) {
    throw new UserError('Choose a `daily-channel` first; the time and time zone can be changed on their own after that.');
  }
  if (channelId !== undefined && !(await app.channels.canPost(guildId, channelId))) {
    throw new UserError(`I cannot post in <#${channelId}>. Let me view it and send messages, embeds and files there, or pick another channel.`);
  }
  const saved = await app.storage.guildSettings.save({
    guildId,
    dailyChannelId,
    dailyTime: dailyTime ?? current?.dailyTime ?? DEFAULT_DAILY_TIME,
    timezone: timezone ?? current?.timezone ?? DEFAULT_TIMEZONE,
  });
  return privateNote(`Saved. ${describe(saved, app.now())}`);
}

const settings: CommandModule = {
  data,
  async execute(request, app) {
    const guildId = request.guildId;
    if (!guildId) return privateNote('Settings belong to a server. Run /settings in a server where you have Manage Server.');
    if (request.subcommand === 'set') return set(request, guildId, app);
    const current = await app.storage.guildSettings.get(guildId);
    if (!current) return privateNote('No daily post is set up here yet. Someone with Manage Server can run `/settings set daily-channel:#channel`.');
    const last = await app.storage.dailyPosts.latest(guildId);
    const lastLine = last?.status === 'posted' ? `\nLast post: ${last.localDate} (local date).` : '';
    return privateNote(`${describe(current, app.now())}${lastLine}`);
  },
  autocomplete(request) {
    const typed = request.focused.value.trim().toLowerCase();
    const zones = ['UTC', ...knownTimeZones().filter((zone) => zone !== 'UTC')];
    const starts = zones.filter((zone) => zone.toLowerCase().startsWith(typed));
    const contains = zones.filter((zone) => !zone.toLowerCase().startsWith(typed) && zone.toLowerCase().includes(typed));
    return [...starts, ...contains].slice(0, 25).map((zone) => ({ name: zone, value: zone }));
  },
};

export default settings;
