/**
 * `npm run deploy-commands`: registers every slash command with Discord — to DISCORD_GUILD_ID when set
 * (instant, for development), globally otherwise — through DISCORD_API_URL when set.
 */
import { existsSync } from 'node:fs';
import { REST, Routes } from 'discord.js';
import { loadCommands } from '../command-layer/loader.js';
import { ConfigError, loadConfig } from '../config.js';

if (existsSync('.env')) process.loadEnvFile('.env');

try {
  const config = loadConfig();
  if (config.mode !== 'discord') {
    throw new ConfigError(['DISCORD_TOKEN and DISCORD_CLIENT_ID must be set to register commands: fill them in .env']);
  }
  const { token, clientId, guildId, apiUrl } = config.discord;
  const definitions = [...(await loadCommands()).values()].map((c) => c.data.toJSON());
  const rest = new REST({ api: apiUrl }).setToken(token);
  const route = guildId ? Routes.applicationGuildCommands(clientId, guildId) : Routes.applicationCommands(clientId);
  const registered = (await rest.put(route, { body: definitions })) as { name: string }[];
  const where = guildId ? `server ${guildId}` : 'every server (global; may take up to an hour to appear)';
  console.log(`Registered ${registered.length} commands for ${where}: ${registered.map((c) => `/${c.name}`).join(', ')}`);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(`Could not register the commands: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
