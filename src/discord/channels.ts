/** Posting outside an interaction (the daily post), through the discord.js client. */
import { PermissionFlagsBits, type Client } from 'discord.js';
import type { Channels } from '../command-layer/types.js';
import { shownAttachments, toMessageEdit, toNewMessage } from './payloads.js';

const NEEDED = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
];

const CLOCK_SLACK_MS = 60_000;
/** How far back to look for a post another process may have sent: Discord's largest page. */
const RECENT_MESSAGES = 100;

export function discordChannels(client: Client): Channels {
  return {
    async canPost(guildId, channelId) {
      const channel = await client.channels.fetch(channelId).catch(() => null);
      if (!channel || channel.isDMBased() || !channel.isTextBased() || channel.guildId !== guildId) return false;
      const me = client.user;
      const permissions = me ? channel.permissionsFor(me) : null;
      return permissions?.has(NEEDED) === true;
    },
    async post(channelId, message) {
      const channel = await client.channels.fetch(channelId);
      if (!channel?.isSendable()) throw new Error(`cannot post in channel ${channelId}`);
      const { flags: _ephemeralMakesNoSenseHere, ...payload } = toNewMessage({ ...message, ephemeral: false });
      const sent = await channel.send(payload);
      return sent.id;
    },
    async findOwnPost(channelId, since, marker) {
      const channel = await client.channels.fetch(channelId);
      if (!channel?.isTextBased()) return undefined;
      // Discord's clock and ours may differ by a little; a minute's slack still excludes yesterday's post.
      const after = since.getTime() - CLOCK_SLACK_MS;
      const recent = await channel.messages.fetch({ limit: RECENT_MESSAGES, cache: false });
      const mine = recent.find(
        (message) =>
          message.author.id === client.user?.id &&
          message.createdTimestamp >= after &&
          (message.embeds[0]?.title ?? message.content) === marker,
      );
      return mine?.id;
    },
    async edit(channelId, messageId, message) {
      const channel = await client.channels.fetch(channelId);
      if (!channel?.isTextBased()) throw new Error(`cannot edit messages in channel ${channelId}`);
      // Keeping a file needs the attachment ids the message has now: one read instead of an upload. Not
      // the cache: edits do not refresh it, so it may hold the attachments of an earlier question.
      const keepsFiles = message.files?.some((file) => file.unchanged === true) === true;
      const shown = keepsFiles ? shownAttachments(await channel.messages.fetch({ message: messageId, force: true }).catch(() => null)) : [];
      await channel.messages.edit(messageId, toMessageEdit(message, shown));
    },
  };
}
