/**
 * The Discord front end's channel posts and edits (src/discord/channels.ts) through the real discord.js
 * client against the Discord double: an edit that keeps a picture reads the message as Discord has it now,
 * not as the client's cache last saw it (an edit does not refresh that cache).
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileView, MessageView } from '../src/command-layer/types.js';
import { discordChannels } from '../src/discord/channels.js';
import { DefaultChannelId, startDiscordDouble, type DiscordDouble } from './discord-double/index.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function connected(): Promise<{ double: DiscordDouble; client: Client }> {
  const double = await startDiscordDouble();
  cleanups.push(() => double.close());
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: double.apiUrl }, allowedMentions: { parse: [] } });
  cleanups.push(() => client.destroy());
  const ready = once(client, Events.ClientReady);
  await client.login(double.token);
  await ready;
  await double.ready();
  return { double, client };
}

const picture = (name: string, bytes: string): FileView => ({ name, data: Buffer.from(bytes), description: `${name} drawn` });
const board = (content: string, file: FileView): MessageView => ({ content, files: [file] });

describe('channel edits through discord.js', () => {
  it('keeps the picture the message shows now, though the client cached it with an earlier one', async () => {
    const { double, client } = await connected();
    const channels = discordChannels(client);
    const id = await channels.post(DefaultChannelId, board('question 1', picture('question-1.png', 'first')));
    await channels.edit(DefaultChannelId, id, board('question 2', picture('question-2.png', 'second picture')));
    const since = double.requests.length;
    await channels.edit(DefaultChannelId, id, board('question 2 · answered: 1', { ...picture('question-2.png', 'second picture'), unchanged: true }));
    const edits = double.requests.slice(since).filter((request) => request.method === 'PATCH');
    expect(edits).toHaveLength(1);
    expect(edits[0]!.uploads).toEqual([]);
    const shown = double.message(id)!;
    expect(shown.content).toBe('question 2 · answered: 1');
    expect(shown.attachments.map((a) => a.filename)).toEqual(['question-2.png']);
    expect(double.violations).toEqual([]);
  });
});
