/**
 * How the Discord front end finishes an interaction it acknowledged first (a slow command), through the
 * real bot adapter and discord.js against the Discord double: when a click's answer is a new message
 * (a follow-up, since the click was acknowledged as an update of its own message), the picture drawn
 * later finishes that new message, and the message clicked keeps what it showed.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeCustomId } from '../src/command-layer/custom-id.js';
import { CommandRouter } from '../src/command-layer/router.js';
import type { CommandModule } from '../src/command-layer/types.js';
import { startDiscordBot } from '../src/discord/bot.js';
import { DefaultChannelId, DefaultGuildId, startDiscordDouble } from './discord-double/index.js';
import { createTestApp } from './support/app.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A slow command (acknowledged at once) whose button answers with a new set, its picture drawn later. */
const sets: CommandModule = {
  data: new SlashCommandBuilder().setName('sets').setDescription('A score, and a button for another set'),
  slow: true,
  execute: () => ({
    kind: 'reply',
    message: { content: 'Score: 4 of 5', rows: [[{ type: 'button', customId: encodeCustomId('sets', 'another'), label: 'Another set', style: 'primary' }]] },
  }),
  components: {
    another: {
      parse: (args) => (args.length === 0 ? {} : undefined),
      run: () => ({
        kind: 'reply',
        message: { content: 'Set 2, its picture on the way' },
        later: () => Promise.resolve({ content: 'Set 2', files: [{ name: 'question-1.png', data: Buffer.from('a picture'), description: 'the first question' }] }),
      }),
    },
  },
};

describe('an acknowledged click answered with a new message', () => {
  it('finishes the new message with the later picture and leaves the clicked one as it was', async () => {
    const double = await startDiscordDouble();
    cleanups.push(() => double.close());
    const app = await createTestApp();
    cleanups.push(() => app.dispose());
    const router = new CommandRouter(new Map([['sets', sets]]), app.services, null);
    const bot = await startDiscordBot({ token: double.token, apiUrl: double.apiUrl, router, logger: pino({ level: 'silent' }) });
    cleanups.push(() => bot.stop());
    await double.ready();
    await bot.client.application!.commands.set(router.definitions());

    const ctx = { user: double.user(), guildId: DefaultGuildId, channelId: DefaultChannelId };
    const score = (await (await double.slash('sets', {}, ctx)).settled())!;
    expect(score.content).toBe('Score: 4 of 5');
    const click = await double.click(score.id, encodeCustomId('sets', 'another'), ctx);
    expect((await click.response()).type).toBe(6);
    await expect.poll(() => double.channelMessages(DefaultChannelId).find((m) => m.content === 'Set 2'), { timeout: 10_000 }).toBeDefined();
    const set = double.channelMessages(DefaultChannelId).find((m) => m.content === 'Set 2')!;
    expect(set.id).not.toBe(score.id);
    expect(set.attachments.map((a) => a.filename)).toEqual(['question-1.png']);
    expect(double.message(score.id)?.content).toBe('Score: 4 of 5');
    expect(double.violations).toEqual([]);
  });
});
