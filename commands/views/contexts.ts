/**
 * Where each command can be used. The bot is installed to servers (not to users' accounts), so it is
 * reached in a server channel or in a DM with the bot; commands about a server (its settings, its
 * leaderboard) are offered only in servers, and Discord hides them from DMs.
 */
import { ApplicationIntegrationType, InteractionContextType } from 'discord-api-types/v10';

export const INSTALLED_TO = [ApplicationIntegrationType.GuildInstall] as const;
export const IN_SERVERS_AND_DMS = [InteractionContextType.Guild, InteractionContextType.BotDM] as const;
export const IN_SERVERS_ONLY = [InteractionContextType.Guild] as const;
