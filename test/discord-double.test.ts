import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { createInflate } from 'node:zlib';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  ModalBuilder,
  Routes,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  type Interaction,
} from 'discord.js';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  DefaultChannelId,
  DefaultGuildId,
  startDiscordDouble,
  type DiscordDouble,
  type DiscordDoubleOptions,
} from './discord-double/index.js';
import { accidentalPings, checkAutocompleteChoices, checkCommand, checkMessage, checkModal } from './discord-double/limits.js';
import type { Json } from './discord-double/types.js';

type Handler = (interaction: Interaction) => Promise<void>;

/** expect.poll gives up after 1 s by default; on a busy machine the client's next request can take longer. */
const POLL = { timeout: 10_000 };
/**
 * For tests where one interaction must time out: short, to keep them quick, yet long enough for the
 * client in this process to answer the others on a busy machine.
 */
const SHORT_DEADLINE_MS = 2000;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A double plus a plain discord.js client logged into it; `handle` is the bot's whole behaviour. */
async function setup(handle: Handler = async () => undefined, options: DiscordDoubleOptions = {}) {
  const double = await startDiscordDouble(options);
  cleanups.push(() => double.close());
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: double.apiUrl }, allowedMentions: { parse: [] } });
  cleanups.push(() => client.destroy());
  const handlerErrors: unknown[] = [];
  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction).catch((error: unknown) => handlerErrors.push(error));
  });
  const ready = once(client, Events.ClientReady);
  await client.login(double.token);
  await ready;
  await double.ready();
  return { double, client, handlerErrors };
}

const tuneCommand = {
  name: 'tune',
  description: 'Turn a dial and see what happens',
  options: [
    { type: 3, name: 'dial', description: 'Which dial', required: true, autocomplete: true },
    { type: 4, name: 'steps', description: 'How many steps', min_value: 1, max_value: 10 },
  ],
};
const feedbackCommand = { name: 'feedback', description: 'Tell us what you think' };

async function register(double: DiscordDouble, client: Client) {
  await client.application?.commands.set([tuneCommand, feedbackCommand]);
  expect(double.commands().map((command) => command.name)).toEqual(['tune', 'feedback']);
}

function ctxFor(double: DiscordDouble) {
  return { user: double.user(), guildId: DefaultGuildId, channelId: DefaultChannelId };
}

function tinyPng(): Buffer {
  const png = new PNG({ width: 2, height: 2 });
  png.data.fill(200);
  return PNG.sync.write(png);
}

describe('Discord double with a real discord.js client', () => {
  it('logs in: READY, guilds with channels and the bot member cached', async () => {
    const { double, client } = await setup();
    expect(client.user?.id).toBe(double.botUser.id);
    expect(client.application?.id).toBe(double.applicationId);
    const guild = client.guilds.cache.get(DefaultGuildId);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(DefaultChannelId)?.name).toBe('general');
    expect(guild?.members.cache.has(double.botUser.id)).toBe(true);
    expect(guild?.roles.cache.some((role) => role.managed)).toBe(true);
    expect(double.requests.some((request) => request.method === 'GET' && request.route === '/gateway/bot')).toBe(true);
    expect(double.violations).toEqual([]);
  });

  it('registers global and guild commands and rejects an invalid definition', async () => {
    const { double, client } = await setup();
    await register(double, client);
    await client.application?.commands.set([{ name: 'guild-only', description: 'Only here' }], DefaultGuildId);
    expect(double.commands(DefaultGuildId).map((command) => command.name)).toEqual(['guild-only']);

    const invalid = client.application?.commands.set([
      {
        name: 'Bad Name',
        description: 'Uppercase and a space',
        options: [
          { type: 3, name: 'optional', description: 'first', required: false },
          { type: 3, name: 'required', description: 'second', required: true },
        ],
      },
    ]);
    const error = await invalid?.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect(double.commands().map((command) => command.name)).toEqual(['tune', 'feedback']);
    expect(double.violations.join('\n')).toMatch(/invalid.*\n?.*Required options must be placed before/s);
  });

  it('answers a slash command with an embed and buttons, then a click with an update', async () => {
    const { double, client, handlerErrors } = await setup(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const dial = interaction.options.getString('dial', true);
        const steps = interaction.options.getInteger('steps') ?? 1;
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('tune:next').setLabel('Next').setStyle(ButtonStyle.Primary),
          new ButtonBuilder().setCustomId('tune:stop').setLabel('Stop').setStyle(ButtonStyle.Secondary),
        );
        const embed = new EmbedBuilder().setTitle(`Turning ${dial}`).setDescription(`${steps} steps`);
        await interaction.reply({ embeds: [embed], components: [row] });
      } else if (interaction.isButton()) {
        await interaction.update({ content: `clicked ${interaction.customId} by ${interaction.user.username}`, components: [] });
      }
    });
    await register(double, client);
    const ctx = ctxFor(double);
    const slash = await double.slash('tune', { dial: 'bake time', steps: 3 }, ctx);
    expect((await slash.response()).type).toBe(4);
    const reply = await slash.settled();
    expect(reply?.embeds[0]).toMatchObject({ title: 'Turning bake time', description: '3 steps' });
    expect(reply?.components[0].components.map((button: { custom_id: string }) => button.custom_id)).toEqual(['tune:next', 'tune:stop']);
    expect(slash.ephemeral).toBe(false);
    expect(double.channelMessages(DefaultChannelId).map((message) => message.id)).toContain(reply?.id);

    const click = await double.click(reply?.id ?? '', 'tune:next', ctx);
    expect((await click.response()).type).toBe(7);
    const updated = await click.settled();
    expect(updated?.id).toBe(reply?.id);
    expect(updated?.content).toBe(`clicked tune:next by ${ctx.user.username}`);
    expect(updated?.components).toEqual([]);
    expect(updated?.embeds).toHaveLength(1);
    await expect(double.click(reply?.id ?? '', 'tune:next', ctx)).rejects.toThrow(/no component/);
    await expect(double.click(reply?.id ?? '', 'tune:stop', { ...ctx, channelId: '1100000000000000009' })).rejects.toThrow(/not 1100000000000000009/);
    expect(handlerErrors).toEqual([]);
    expect(double.violations).toEqual([]);
  });

  it('fills a deferred ephemeral reply with a PNG whose bytes and alt text arrive', async () => {
    const png = tinyPng();
    const { double, client, handlerErrors } = await setup(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await sleep(50);
      const picture = new AttachmentBuilder(png, { name: 'loss-curve.png', description: 'Loss falls from 2.3 to 0.4' });
      await interaction.editReply({ content: 'Here is your curve', files: [picture] });
    });
    await register(double, client);
    const result = await double.slash('tune', { dial: 'learning rate' }, ctxFor(double));
    expect((await result.response()).type).toBe(5);
    const shown = await result.settled();
    expect(shown?.content).toBe('Here is your curve');
    expect(result.ephemeral).toBe(true);
    expect(shown?.attachments).toHaveLength(1);
    const attachment = shown?.attachments[0];
    expect(attachment?.filename).toBe('loss-curve.png');
    expect(attachment?.description).toBe('Loss falls from 2.3 to 0.4');
    expect(attachment?.contentType).toBe('image/png');
    expect(attachment?.data.equals(png)).toBe(true);
    const edit = double.requests.find((request) => request.method === 'PATCH' && request.route.endsWith('/messages/@original'));
    expect(edit?.status).toBe(200);
    expect(handlerErrors).toEqual([]);
    expect(double.violations).toEqual([]);
  });

  it('serves autocomplete with the focused option and rejects more than 25 choices', async () => {
    const dials = ['bake time', 'batch size', 'learning rate', 'momentum'];
    const { double, client } = await setup(async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused();
      if (typed === 'everything') {
        const many = Array.from({ length: 30 }, (_, index) => ({ name: `dial ${index}`, value: `dial-${index}` }));
        await interaction.respond(many).catch(() => undefined);
        return;
      }
      await interaction.respond(dials.filter((dial) => dial.startsWith(typed)).map((dial) => ({ name: dial, value: dial })));
    }, { interactionDeadlineMs: SHORT_DEADLINE_MS });
    await register(double, client);
    const ctx = ctxFor(double);
    const { choices } = await double.autocomplete('tune', { dial: 'b' }, 'dial', ctx);
    expect(choices).toEqual([
      { name: 'bake time', value: 'bake time' },
      { name: 'batch size', value: 'batch size' },
    ]);
    const tooMany = double.autocomplete('tune', { dial: 'everything' }, 'dial', ctx);
    await expect(tooMany).rejects.toThrow(/not acknowledged/);
    expect(double.violations.join('\n')).toMatch(/choices: Must be 25 or fewer/);
  });

  it('sends interactions as Discord does: bare subcommands, servers and DMs, minimal payloads', async () => {
    const raw: Json[] = [];
    for (const minimalPayloads of [false, true]) {
      const { double, client } = await setup(async (interaction) => {
        if (interaction.isRepliable()) await interaction.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
      }, { minimalPayloads });
      client.on(Events.Raw, (packet: { t?: string; d?: Json }) => {
        if (packet.t === 'INTERACTION_CREATE' && packet.d) raw.push(packet.d);
      });
      const game = { name: 'game', description: 'Games', options: [{ type: 1, name: 'bake', description: 'Bake', options: [{ type: 3, name: 'seed', description: 'Seed' }] }] };
      await client.application?.commands.set([game]);
      const user = double.user();
      await (await double.slash('game', { subcommand: 'bake' }, { user, guildId: DefaultGuildId, channelId: DefaultChannelId })).settled();
      await (await double.slash('game', { subcommand: 'bake', options: { seed: 'x' } }, { user, channelId: '1400000000000000001' })).settled();
      await expect.poll(() => raw.length, POLL).toBe(minimalPayloads ? 4 : 2);
    }
    const [server, dm, minimalServer, minimalDm] = raw as Json[];
    // A bare subcommand carries no options key, and nothing needs resolving.
    expect(server!.data.options).toEqual([{ name: 'bake', type: 1 }]);
    expect(server!.data).not.toHaveProperty('resolved');
    expect(dm!.data.options).toEqual([{ name: 'bake', type: 1, options: [{ name: 'seed', type: 3, value: 'x' }] }]);
    // In a server: member (with user), guild_id, guild_locale, context 0; no top-level user.
    expect(server).toMatchObject({ guild_id: DefaultGuildId, guild_locale: 'en-US', context: 0, authorizing_integration_owners: { '0': DefaultGuildId } });
    expect(server!.member.user.id).toBe(dm!.user.id);
    expect(server).not.toHaveProperty('user');
    // In a DM: user; no member, guild_id or guild_locale; context 1.
    expect(dm).toMatchObject({ context: 1, authorizing_integration_owners: { '0': '0' } });
    for (const key of ['member', 'guild_id', 'guild_locale', 'guild']) expect(dm).not.toHaveProperty(key);
    for (const payload of raw) {
      for (const key of ['app_permissions', 'locale', 'entitlements', 'authorizing_integration_owners', 'attachment_size_limit']) expect(payload).toHaveProperty(key);
    }
    // Minimal: every optional field gone, what Discord always sends still there.
    for (const key of ['guild', 'channel', 'channel_id', 'guild_locale', 'context']) {
      expect(minimalServer).not.toHaveProperty(key);
      expect(minimalDm).not.toHaveProperty(key);
    }
    expect(Object.keys(minimalServer!.member).sort()).toEqual(['deaf', 'flags', 'joined_at', 'mute', 'permissions', 'roles', 'user']);
    expect(minimalServer!.data).not.toHaveProperty('guild_id');
    expect(minimalDm!.user.id).toBe(dm!.user.id);
  });

  it('autocompletes with the raw typed text and leaves out options that fail Discord’s checks', async () => {
    const seen: { focused: unknown; data: unknown }[] = [];
    const { double, client } = await setup(async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      seen.push({ focused: interaction.options.getFocused(true), data: interaction.options.data });
      await interaction.respond([]);
    });
    const pick = {
      name: 'pick',
      description: 'Pick',
      options: [
        { type: 4, name: 'count', description: 'How many', required: true, autocomplete: true, min_value: 1, max_value: 9 },
        { type: 3, name: 'word', description: 'A word', required: true, max_length: 3 },
        { type: 10, name: 'ratio', description: 'A ratio', autocomplete: true },
      ],
    };
    await client.application?.commands.set([pick]);
    const ctx = ctxFor(double);
    await double.autocomplete('pick', { count: 'tw' }, 'count', ctx);
    await double.autocomplete('pick', { word: 'too long', count: '', ratio: 0.5 }, 'count', ctx);
    await double.autocomplete('pick', { count: 3, word: 'ok' }, 'ratio', ctx);
    expect(seen).toEqual([
      // Not a number yet, for an integer option; the required word is simply missing.
      { focused: { name: 'count', type: 4, value: 'tw', focused: true }, data: [{ name: 'count', type: 4, value: 'tw', focused: true }] },
      // Empty text; the over-long word is left out; the valid ratio is sent as a number.
      {
        focused: { name: 'count', type: 4, value: '', focused: true },
        data: [
          { name: 'count', type: 4, value: '', focused: true },
          { name: 'ratio', type: 10, value: 0.5 },
        ],
      },
      // The focused option is sent (empty) even before anything is typed into it.
      {
        focused: { name: 'ratio', type: 10, value: '', focused: true },
        data: [
          { name: 'count', type: 4, value: 3 },
          { name: 'word', type: 3, value: 'ok' },
          { name: 'ratio', type: 10, value: '', focused: true },
        ],
      },
    ]);
  });

  it('offers a guild command only in its guild: a DM sees global commands', async () => {
    const { double, client } = await setup();
    await client.application?.commands.set([feedbackCommand], DefaultGuildId);
    await client.application?.commands.set([{ ...tuneCommand, name: 'everywhere' }, { ...feedbackCommand, name: 'servers', contexts: [0] }]);
    const dm = { user: double.user(), channelId: '1400000000000000002' };
    await expect(double.slash('feedback', {}, dm)).rejects.toThrow(/not registered globally/);
    await expect(double.slash('servers', {}, dm)).rejects.toThrow(/not available in DMs/);
  });

  it('shows a modal and receives its submission', async () => {
    const { double, client, handlerErrors } = await setup(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const modal = new ModalBuilder()
          .setCustomId('feedback-modal')
          .setTitle('Your feedback')
          .addComponents(
            new ActionRowBuilder<TextInputBuilder>().addComponents(
              new TextInputBuilder().setCustomId('note').setLabel('What did you learn?').setStyle(TextInputStyle.Paragraph),
            ),
          );
        await interaction.showModal(modal);
      } else if (interaction.isModalSubmit()) {
        await interaction.reply({ content: `Thanks: ${interaction.fields.getTextInputValue('note')}`, flags: MessageFlags.Ephemeral });
      }
    });
    await register(double, client);
    const ctx = ctxFor(double);
    const opened = await double.slash('feedback', {}, ctx);
    const response = await opened.response();
    expect(response.type).toBe(9);
    expect(response.data.title).toBe('Your feedback');
    expect(await opened.settled()).toBeUndefined();
    await expect(double.submitModal('feedback-modal', {}, ctx)).rejects.toThrow(/required/);
    const submitted = await double.submitModal('feedback-modal', { note: 'small steps first' }, ctx);
    const thanks = await submitted.settled();
    expect(thanks?.content).toBe('Thanks: small steps first');
    expect(submitted.ephemeral).toBe(true);
    await expect(double.submitModal('feedback-modal', { note: 'again' }, ctx)).rejects.toThrow(/no modal/);
    expect(handlerErrors).toEqual([]);
    expect(double.violations).toEqual([]);
  });

  it('records a double acknowledgement and answers 40060', async () => {
    const secondAnswers: unknown[] = [];
    const { double, client } = await setup(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'first' });
      // discord.js refuses a second reply itself, so go straight to the endpoint as a buggy bot might.
      await client.rest
        .post(Routes.interactionCallback(interaction.id, interaction.token), { body: { type: 4, data: { content: 'second' } }, auth: false })
        .catch((error: unknown) => secondAnswers.push(error));
    });
    await register(double, client);
    const result = await double.slash('feedback', {}, ctxFor(double));
    expect((await result.settled())?.content).toBe('first');
    await expect.poll(() => secondAnswers.length, POLL).toBe(1);
    expect((secondAnswers[0] as DiscordAPIError).code).toBe(40060);
    expect(double.violations.join('\n')).toMatch(/\/feedback: callback: 40060/);
  });

  it('rejects an over-long embed with 50035 and lets the bot answer properly after', async () => {
    const { double, client } = await setup(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const rejected = await interaction.reply({ embeds: [{ title: 'T'.repeat(257), description: 'fine' }] }).catch((error: unknown) => error);
      if (rejected instanceof DiscordAPIError && rejected.code === 50035) {
        await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
          body: { type: 4, data: { content: 'shorter', allowed_mentions: { parse: [] } } },
          auth: false,
        });
      }
    });
    await register(double, client);
    const result = await double.slash('feedback', {}, ctxFor(double));
    expect((await result.settled())?.content).toBe('shorter');
    expect(double.violations, double.violations.join('\n')).toHaveLength(1);
    expect(double.violations[0]).toMatch(/50035 Invalid Form Body: embeds\.0\.title: Must be 256 or fewer/);
  });

  it('answers a late first callback with 10062 and records the missed deadline', async () => {
    const late: unknown[] = [];
    const { double, client } = await setup(
      async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await sleep(400);
        await interaction.reply({ content: 'too slow' }).catch((error: unknown) => late.push(error));
      },
      { interactionDeadlineMs: 200 },
    );
    await register(double, client);
    const result = await double.slash('feedback', {}, ctxFor(double));
    await expect(result.response()).rejects.toThrow(/not acknowledged within 200ms/);
    await expect.poll(() => late.length, POLL).toBe(1);
    expect((late[0] as DiscordAPIError).code).toBe(10062);
    expect(double.violations.join('\n')).toMatch(/not acknowledged within 200ms[\s\S]*past the 200ms deadline/);
  });

  it('resumes after op 7, replaying an interaction sent while the client was away', async () => {
    const { double, client } = await setup(async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: `pong ${interaction.id}` });
    });
    await register(double, client);
    const ctx = ctxFor(double);
    const debug: string[] = [];
    client.on(Events.Debug, (message) => debug.push(message));
    const reconnecting = double.forceReconnect();
    // discord.js stops reading the old connection as soon as it handles op 7, then waits 500 ms before
    // resuming: this lands in the gap. A fixed sleep could fire before a busy client has read op 7, and
    // an interaction read on the old connection would not be missed at all.
    await expect.poll(() => debug.some((line) => line.includes('Told to reconnect by Discord')), POLL).toBe(true);
    const missed = await double.slash('feedback', {}, ctx);
    await reconnecting;
    expect((await missed.settled())?.content).toBe(`pong ${missed.id}`);
    const after = await double.slash('feedback', {}, ctx);
    expect((await after.settled())?.content).toBe(`pong ${after.id}`);
    // discord.js counts RESUMED itself among the replayed dispatches: one missed interaction + RESUMED.
    expect(debug.join('\n')).toMatch(/Resumed and replayed 2 events/);
    expect(double.violations).toEqual([]);
  });

  it('recovers from a non-resumable invalid session by identifying afresh', async () => {
    const { double, client } = await setup(async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'still here' });
    });
    await register(double, client);
    await double.invalidateSession(false);
    const result = await double.slash('feedback', {}, ctxFor(double));
    expect((await result.settled())?.content).toBe('still here');
  });

  it('answers a select with a deferred update, then fills it in and follows up', async () => {
    const { double, client, handlerErrors } = await setup(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const select = new StringSelectMenuBuilder()
          .setCustomId('pick-dial')
          .setMaxValues(2)
          .addOptions(
            { label: 'Bake time', value: 'bake' },
            { label: 'Oven heat', value: 'heat' },
            { label: 'Sugar', value: 'sugar' },
          );
        await interaction.reply({ content: 'Pick dials', components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(select)] });
      } else if (interaction.isStringSelectMenu()) {
        await interaction.deferUpdate();
        await sleep(30);
        await interaction.editReply({ content: `Tuning ${interaction.values.join(' and ')}`, components: [] });
        await interaction.followUp({ content: 'Only you can see this tip', flags: MessageFlags.Ephemeral });
      }
    });
    await register(double, client);
    const ctx = ctxFor(double);
    const menu = await (await double.slash('feedback', {}, ctx)).settled();
    await expect(double.select(menu?.id ?? '', 'pick-dial', ['bake', 'nope'], ctx)).rejects.toThrow(/offers no nope/);
    await expect(double.select(menu?.id ?? '', 'pick-dial', ['bake', 'heat', 'sugar'], ctx)).rejects.toThrow(/1–2 values/);
    const picked = await double.select(menu?.id ?? '', 'pick-dial', ['bake', 'heat'], ctx);
    expect((await picked.response()).type).toBe(6);
    const shown = await picked.settled();
    expect(shown?.id).toBe(menu?.id);
    expect(shown?.content).toBe('Tuning bake and heat');
    await expect.poll(() => picked.followups.length, POLL).toBe(1);
    expect(picked.followups[0]).toMatchObject({ content: 'Only you can see this tip', flags: 64 });
    const otherUser = { ...ctx, user: double.user('1377777777777777777') };
    await expect(double.click(picked.followups[0]?.id ?? '', 'anything', otherUser)).rejects.toThrow(/ephemeral/);
    expect(double.channelMessages(DefaultChannelId).map((message) => message.content)).toEqual([
      'Tuning bake and heat',
      'Only you can see this tip',
    ]);
    expect(handlerErrors).toEqual([]);
    expect(double.violations).toEqual([]);
  });

  it('works in a DM with the bot and checks what a real client would let a user send', async () => {
    const { double, client, handlerErrors } = await setup(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const where = interaction.inGuild() ? 'guild' : 'dm';
      await interaction.reply({ content: `${where} ${interaction.options.getSubcommand(false) ?? ''} ${interaction.options.getNumber('rate') ?? ''}`.trim() });
    });
    await client.application?.commands.set([
      {
        name: 'study',
        description: 'Run a study',
        contexts: [0, 1],
        options: [
          { type: 1, name: 'start', description: 'Start one', options: [{ type: 10, name: 'rate', description: 'Learning rate', min_value: 0, max_value: 1 }] },
          { type: 1, name: 'stop', description: 'Stop it' },
        ],
      },
      { name: 'admin', description: 'Moderators only', default_member_permissions: '8' },
    ]);
    const learner = double.user('1399999999999999999');
    const dm = { user: learner, channelId: '1388888888888888888' };
    const started = await double.slash('study', { subcommand: 'start', options: { rate: 0.1 } }, dm);
    expect((await started.settled())?.content).toBe('dm start 0.1');
    await expect(double.slash('study', { subcommand: 'start', options: { rate: 2 } }, dm)).rejects.toThrow(/out of range/);
    await expect(double.slash('study', { rate: 0.1 }, dm)).rejects.toThrow(/has subcommands/);
    await expect(double.slash('study', { subcommand: 'pause' }, dm)).rejects.toThrow(/no subcommand pause/);
    await expect(double.slash('missing', {}, dm)).rejects.toThrow(/not registered/);
    await expect(double.slash('admin', {}, { ...ctxFor(double), user: learner })).rejects.toThrow(/hidden/);
    const admin = await double.slash('admin', {}, { ...ctxFor(double), user: learner, permissions: '8' });
    expect((await admin.settled())?.content).toMatch(/^guild/);
    expect(handlerErrors).toEqual([]);
    expect(double.violations).toEqual([]);
  });

  it('refuses follow-ups before acknowledging and over-long content', async () => {
    const failures: number[] = [];
    const { double, client } = await setup(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await client.rest
        .post(Routes.webhook(interaction.applicationId, interaction.token), { body: { content: 'too early' }, auth: false })
        .catch((error: unknown) => failures.push((error as DiscordAPIError).code as number));
      await interaction.reply({ content: 'x'.repeat(2001) }).catch((error: unknown) => failures.push((error as DiscordAPIError).code as number));
      await interaction.reply({ content: 'ok' });
    });
    await register(double, client);
    const result = await double.slash('feedback', {}, ctxFor(double));
    expect((await result.settled())?.content).toBe('ok');
    expect(failures).toEqual([10015, 50035]);
    expect(double.violations).toEqual([
      '/feedback: sent a follow-up before acknowledging the interaction',
      '/feedback: callback: 50035 Invalid Form Body: content: Must be 2000 or fewer in length.',
    ]);
  });

  it('lets the first follow-up after a deferred reply fill in the thinking message', async () => {
    const { double, client } = await setup(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.followUp({ content: 'done thinking' });
      await interaction.followUp({ content: 'one more thing' });
    });
    await register(double, client);
    const result = await double.slash('feedback', {}, ctxFor(double));
    const shown = await result.settled();
    expect(shown?.content).toBe('done thinking');
    expect(shown?.flags).toBe(0);
    await expect.poll(() => result.followups.map((message) => message.content), POLL).toEqual(['one more thing']);
    expect(double.violations).toEqual([]);
  });

  it('closes the gateway with Discord codes for a wrong token, an unknown opcode and disallowed intents', async () => {
    const double = await startDiscordDouble();
    cleanups.push(() => double.close());
    const gatewayUrl = `${double.apiUrl.replace('http', 'ws').replace('/api', '')}/?v=10&encoding=json`;
    const closeCodeAfter = async (payload: object) => {
      const socket = new WebSocket(gatewayUrl);
      cleanups.push(async () => socket.terminate());
      await once(socket, 'message');
      socket.send(JSON.stringify(payload));
      const [code] = (await once(socket, 'close')) as [number];
      return code;
    };
    expect(await closeCodeAfter({ op: 2, d: { token: 'nope', intents: 1, properties: {} } })).toBe(4004);
    expect(await closeCodeAfter({ op: 42, d: null })).toBe(4001);
    const messageContent = 1 << 15;
    expect(await closeCodeAfter({ op: 2, d: { token: double.token, intents: 1 | messageContent, properties: {} } })).toBe(4014);
    expect(double.violations).toEqual([
      'gateway: identify/resume with a wrong token',
      'gateway: unknown opcode 42',
      `gateway: identified with privileged intents ${messageContent} not enabled for the application`,
    ]);
  });

  it('rejects a wrong token on REST (401) and login', async () => {
    const double = await startDiscordDouble({ token: 'the-right-token' });
    cleanups.push(() => double.close());
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: double.apiUrl } });
    cleanups.push(() => client.destroy());
    await expect(client.login('a-wrong-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(double.requests[0]).toMatchObject({ method: 'GET', route: '/gateway/bot', status: 401 });
    expect(double.violations[0]).toMatch(/wrong or missing Authorization/);
  });

  it('flags accidental pings in ordinary channel posts', async () => {
    const { double, client } = await setup();
    const channel = await client.channels.fetch(DefaultChannelId);
    if (!channel?.isSendable()) throw new Error('expected a sendable channel');
    const careful = await channel.send({ content: 'hey <@123> and @everyone' });
    expect(careful.content).toBe('hey <@123> and @everyone');
    expect(double.violations).toEqual([]);
    await client.rest.post(Routes.channelMessages(DefaultChannelId), { body: { content: 'hello @here' } });
    expect(double.violations).toEqual([`POST /channels/${DefaultChannelId}/messages: would ping @here (set allowed_mentions)`]);
    expect(double.channelMessages(DefaultChannelId).map((message) => message.content)).toEqual(['hey <@123> and @everyone', 'hello @here']);
  });

  it('holds the answers to posts in chosen channels: the message is there at once, its answer comes on release', async () => {
    const { double, client } = await setup();
    const release = double.holdPostAnswers([DefaultChannelId]);
    let answered = false;
    const sending = client.rest.post(Routes.channelMessages(DefaultChannelId), { body: { content: 'slow news' } }).then((message) => {
      answered = true;
      return message as { id: string };
    });
    await expect.poll(() => double.channelMessages(DefaultChannelId).length, POLL).toBe(1);
    expect(answered).toBe(false);
    release();
    expect((await sending).id).toBe(double.channelMessages(DefaultChannelId)[0]?.id);
    expect(double.violations).toEqual([]);
  });

  it('serves the gateway over zlib-stream when asked', async () => {
    const double = await startDiscordDouble();
    cleanups.push(() => double.close());
    const gatewayUrl = double.apiUrl.replace('http', 'ws').replace('/api', '');
    const socket = new WebSocket(`${gatewayUrl}/?v=10&encoding=json&compress=zlib-stream`);
    cleanups.push(async () => socket.terminate());
    const inflate = createInflate();
    socket.on('message', (data: Buffer) => inflate.write(data));
    const [chunk] = (await once(inflate, 'data')) as [Buffer];
    expect(JSON.parse(chunk.toString('utf8'))).toMatchObject({ op: 10, d: { heartbeat_interval: 41_250 } });
  });
});

describe('Discord double as a tampered client', () => {
  /** Replies to /tune with a Next button, and answers every component and modal with what it received. */
  async function setupTuneBot(options: DiscordDoubleOptions = {}) {
    const seen: Interaction[] = [];
    const fixture = await setup(async (interaction) => {
      seen.push(interaction);
      if (interaction.isChatInputCommand() && interaction.commandName === 'tune') {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('tune:next').setLabel('Next').setStyle(ButtonStyle.Primary),
        );
        await interaction.reply({ content: `steps ${String(interaction.options.get('steps')?.value)}`, components: [row] });
      } else if (interaction.isChatInputCommand()) {
        const note = new TextInputBuilder().setCustomId('note').setLabel('What did you learn?').setStyle(TextInputStyle.Short).setMaxLength(20);
        await interaction.showModal(
          new ModalBuilder().setCustomId('feedback-modal').setTitle('Your feedback').addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(note)),
        );
      } else if (interaction.isButton() && interaction.customId === 'tune:next') {
        await interaction.update({ content: 'next step', components: [] });
      } else if (interaction.isButton() || interaction.isStringSelectMenu()) {
        await interaction.reply({ content: `unknown control ${interaction.customId}`, flags: MessageFlags.Ephemeral });
      } else if (interaction.isModalSubmit()) {
        await interaction.reply({ content: `got ${interaction.fields.getTextInputValue('note')}`, flags: MessageFlags.Ephemeral });
      }
    }, options);
    await register(fixture.double, fixture.client);
    return { ...fixture, seen };
  }

  it('dispatches a click on a forged custom id, on the message as stored', async () => {
    const { double, handlerErrors, seen } = await setupTuneBot();
    const ctx = ctxFor(double);
    const reply = await (await double.slash('tune', { dial: 'bake time', steps: 2 }, ctx)).settled();
    const messageId = reply?.id ?? '';
    await expect(double.click(messageId, 'tune:admin-reset', ctx)).rejects.toThrow(/no component "tune:admin-reset"/);

    const forged = await double.tampered.click(messageId, 'tune:admin-reset', ctx);
    expect((await forged.settled())?.content).toBe('unknown control tune:admin-reset');
    const received = seen.at(-1);
    if (!received?.isButton()) throw new Error('expected a button interaction');
    expect(received.customId).toBe('tune:admin-reset');
    expect(received.message.id).toBe(messageId);
    expect(received.message.components).toHaveLength(1);
    expect(received.component).toBeNull();
    // The same message, untouched: a strict client can still use the real button.
    expect((await (await double.click(messageId, 'tune:next', ctx)).settled())?.content).toBe('next step');
    // A stale client still showing the removed button can press it; Discord's own checks still hold.
    const stale = await double.tampered.click(messageId, 'tune:next', ctx);
    expect((await stale.response()).type).toBe(7);
    await expect(double.tampered.click(messageId, 'tune:next', { ...ctx, channelId: '1100000000000000009' })).rejects.toThrow(/not 1100000000000000009/);
    await expect(double.tampered.click('1100000000000000123', 'tune:next', ctx)).rejects.toThrow(/unknown message/);
    expect(handlerErrors).toEqual([]);
    expect(double.violations).toEqual([]);
  });

  it('sends slash options raw: out of range, wrong type, unknown, required ones missing', async () => {
    const { double, handlerErrors, seen } = await setupTuneBot();
    const ctx = ctxFor(double);
    await expect(double.slash('tune', { dial: 'bake time', steps: 99 }, ctx)).rejects.toThrow(/"steps" is out of range/);
    await expect(double.slash('tune', { dial: 'bake time', steps: 'lots' }, ctx)).rejects.toThrow(/"steps" takes a number/);
    await expect(double.slash('tune', { steps: 2 }, ctx)).rejects.toThrow(/required option "dial" is missing/);

    const outOfRange = await double.tampered.slash('tune', { dial: 'bake time', steps: 99 }, ctx);
    expect((await outOfRange.settled())?.content).toBe('steps 99');
    const first = seen.at(-1);
    if (!first?.isChatInputCommand()) throw new Error('expected a slash command');
    expect(first.options.getInteger('steps')).toBe(99);

    const wrongType = await double.tampered.slash('tune', { steps: 'lots', extra: 7.5 }, ctx);
    expect((await wrongType.settled())?.content).toBe('steps lots');
    const second = seen.at(-1);
    if (!second?.isChatInputCommand()) throw new Error('expected a slash command');
    expect(second.options.get('steps')).toMatchObject({ type: 4, value: 'lots' });
    expect(second.options.get('extra')).toMatchObject({ type: 10, value: 7.5 });
    expect(second.options.getString('dial')).toBeNull();

    await expect(double.tampered.slash('missing', {}, ctx)).rejects.toThrow(/not registered/);
    expect(handlerErrors).toEqual([]);
    expect(double.violations).toEqual([]);
  });

  it('submits a modal that is not open, and lets two submits of one modal race', async () => {
    const { double, handlerErrors, seen } = await setupTuneBot();
    const ctx = ctxFor(double);
    await expect(double.submitModal('feedback-modal', { note: 'forged' }, ctx)).rejects.toThrow(/no modal "feedback-modal" is open/);
    const forged = await double.tampered.submitModal('feedback-modal', { note: 'forged' }, ctx);
    expect((await forged.settled())?.content).toBe('got forged');
    const received = seen.at(-1);
    if (!received?.isModalSubmit()) throw new Error('expected a modal submission');
    expect(received.customId).toBe('feedback-modal');
    expect(received.message).toBeNull();
    // No modal was ever shown, so the field travels as a labelled text input.
    expect(received.components[0]?.type).toBe(18);

    expect((await (await double.slash('feedback', {}, ctx)).response()).type).toBe(9);
    await expect(double.submitModal('feedback-modal', { note: 'x'.repeat(21) }, ctx)).rejects.toThrow(/wrong length/);
    const [winner, racer] = await Promise.all([
      double.tampered.submitModal('feedback-modal', { note: 'first' }, ctx),
      double.tampered.submitModal('feedback-modal', { note: 'x'.repeat(21) }, ctx),
    ]);
    expect(winner.id).not.toBe(racer.id);
    expect((await winner.settled())?.content).toBe('got first');
    expect((await racer.settled())?.content).toBe(`got ${'x'.repeat(21)}`);
    // The racing submit has the shape of the modal the bot showed (one action row), like the first.
    const racing = seen.filter((interaction) => interaction.id === winner.id || interaction.id === racer.id);
    expect(racing.map((interaction) => (interaction.isModalSubmit() ? interaction.components[0]?.type : undefined))).toEqual([1, 1]);
    await expect(double.submitModal('feedback-modal', { note: 'late' }, ctx)).rejects.toThrow(/no modal/);
    expect(handlerErrors).toEqual([]);
    expect(double.violations).toEqual([]);
  });

  it('sends select values the menu does not offer', async () => {
    const { double, client, handlerErrors, seen } = await setupTuneBot();
    const channel = await client.channels.fetch(DefaultChannelId);
    if (!channel?.isSendable()) throw new Error('expected a sendable channel');
    const select = new StringSelectMenuBuilder().setCustomId('pick-dial').addOptions({ label: 'Bake time', value: 'bake' });
    const menu = await channel.send({ content: 'Pick', components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(select)] });
    const ctx = ctxFor(double);
    await expect(double.select(menu.id, 'pick-dial', ['bake', 'heat'], ctx)).rejects.toThrow(/offers no heat/);
    const tampered = await double.tampered.select(menu.id, 'pick-dial', ['bake', 'heat'], ctx);
    expect((await tampered.settled())?.content).toBe('unknown control pick-dial');
    const received = seen.at(-1);
    if (!received?.isStringSelectMenu()) throw new Error('expected a select interaction');
    expect(received.values).toEqual(['bake', 'heat']);
    expect(handlerErrors).toEqual([]);
    expect(double.violations).toEqual([]);
  });

  it('judges the answers to tampered input as strictly as any other', async () => {
    const { double, client } = await setup(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('ok').setLabel('OK').setStyle(ButtonStyle.Primary));
        await interaction.reply({ content: 'menu', components: [row] });
      }
      // A bot that ignores custom ids it does not know leaves the user with "interaction failed".
    }, { interactionDeadlineMs: SHORT_DEADLINE_MS });
    await register(double, client);
    const ctx = ctxFor(double);
    const menu = await (await double.slash('feedback', {}, ctx)).settled();
    const ignored = await double.tampered.click(menu?.id ?? '', 'forged', ctx);
    await expect(ignored.response()).rejects.toThrow(`button forged (tampered) was not acknowledged within ${SHORT_DEADLINE_MS}ms`);
    expect(double.violations).toEqual([`button forged (tampered): not acknowledged within ${SHORT_DEADLINE_MS}ms (the user sees "The application did not respond")`]);
  });

  it('lets a user double-click a button without tampering, until the message loses it', async () => {
    const clicks: string[] = [];
    const { double, client, handlerErrors } = await setup(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('roll').setLabel('Roll').setStyle(ButtonStyle.Primary));
        await interaction.reply({ content: 'ready', components: [row] });
      } else if (interaction.isButton()) {
        clicks.push(interaction.id);
        await interaction.update({ content: `rolled ${clicks.length}`, components: [] });
      }
    });
    await register(double, client);
    const ctx = ctxFor(double);
    const reply = await (await double.slash('feedback', {}, ctx)).settled();
    const messageId = reply?.id ?? '';
    const first = await double.click(messageId, 'roll', ctx);
    const second = await double.click(messageId, 'roll', ctx);
    expect(first.id).not.toBe(second.id);
    expect((await first.response()).type).toBe(7);
    expect((await second.response()).type).toBe(7);
    await expect.poll(() => clicks.length, POLL).toBe(2);
    expect(double.message(messageId)?.content).toBe('rolled 2');
    await expect(double.click(messageId, 'roll', ctx)).rejects.toThrow(/no component "roll"/);
    expect(handlerErrors).toEqual([]);
    expect(double.violations).toEqual([]);
  });
});

describe('Discord limit checks', () => {
  it('finds every broken message rule with its path', () => {
    const row = (count: number) => ({ type: 1, components: Array.from({ length: count }, (_, index) => ({ type: 2, style: 1, label: 'b', custom_id: `b${index}` })) });
    const issues = checkMessage({
      content: 'x'.repeat(2001),
      embeds: [{ description: 'd'.repeat(4097), fields: [{ name: 'n', value: 'v'.repeat(1025) }] }],
      components: [row(6), { type: 1, components: [{ type: 3, custom_id: 'b0', options: [{ label: 'a', value: 'a' }] }, { type: 2, style: 1, custom_id: 'z' }] }],
    }).map((issue) => issue.path);
    expect(issues).toEqual(
      expect.arrayContaining([
        'content',
        'embeds.0.description',
        'embeds.0.fields.0.value',
        'components.0.components',
        'components.1.components',
        'components.1.components.0.custom_id',
      ]),
    );
    expect(checkMessage({ content: 'fine', embeds: [{ title: 't' }] })).toEqual([]);
    expect(checkMessage({}).map((issue) => issue.code)).toEqual(['EMPTY_MESSAGE']);
  });

  it('sums embed text across embeds against the 6000 total', () => {
    const embed = { description: 'd'.repeat(4000) };
    expect(checkMessage({ embeds: [embed] })).toEqual([]);
    expect(checkMessage({ embeds: [embed, embed] }).map((issue) => issue.code)).toEqual(['MAX_EMBED_SIZE_EXCEEDED']);
  });

  it('checks command names, descriptions and option order', () => {
    expect(checkCommand({ name: 'räkna', description: 'Unicode letters are fine' }, '0')).toEqual([]);
    const paths = checkCommand({ name: 'Tune', description: '', options: [{ type: 3, name: 'a', description: 'a' }, { type: 3, name: 'b', description: 'b', required: true }] }, '0').map(
      (issue) => issue.path,
    );
    expect(paths).toEqual(['0.name', '0.description', '0.options.1.required']);
  });

  it('checks modals and autocomplete results', () => {
    const input = (index: number) => ({ type: 1, components: [{ type: 4, custom_id: `f${index}`, label: 'Field', style: 1 }] });
    expect(checkModal({ custom_id: 'm', title: 'Fine', components: [input(0)] })).toEqual([]);
    const paths = checkModal({ custom_id: 'm', title: 'T'.repeat(46), components: Array.from({ length: 6 }, (_, index) => input(index)) }).map((issue) => issue.path);
    expect(paths).toEqual(['title', 'components']);
    const choices = (count: number) => ({ choices: Array.from({ length: count }, (_, index) => ({ name: `c${index}`, value: index })) });
    expect(checkAutocompleteChoices(choices(25))).toEqual([]);
    expect(checkAutocompleteChoices(choices(26)).map((issue) => issue.path)).toEqual(['choices']);
  });

  it('treats only unrestricted mentions as accidental pings', () => {
    expect(accidentalPings('hi <@1> <@&2> @everyone', undefined)).toEqual(['@everyone', '<@1>', '<@&2>']);
    expect(accidentalPings('hi <@1> @everyone', { parse: [] })).toEqual([]);
    expect(accidentalPings('hi <@1>', { parse: [], users: ['1'] })).toEqual([]);
    expect(accidentalPings('hi <@1>', { parse: ['users'] })).toEqual(['<@1>']);
  });
});

describe('Discord double: attachments on edits', () => {
  const png = tinyPng();
  const file = (name: string, description: string) => new AttachmentBuilder(png, { name, description });
  /** Files uploaded with each request to the message's routes after `since`, by route. */
  const uploadsSince = (double: DiscordDouble, since: number) =>
    double.requests.slice(since).filter((request) => request.method !== 'GET' && request.uploads.length > 0).map((request) => request.uploads.map((u) => u.filename));

  /** /tune answers with two pictures and five buttons, each editing the message a different way. */
  async function setupPictureBot() {
    const fixture = await setup(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          ...['keep', 'omit', 'deferred', 'unknown', 'followup'].map((id) => new ButtonBuilder().setCustomId(`att:${id}`).setLabel(id).setStyle(ButtonStyle.Secondary)),
        );
        await interaction.reply({ content: 'two pictures', files: [file('a.png', 'first'), file('b.png', 'second')], components: [row] });
        return;
      }
      if (!interaction.isButton()) return;
      const a = interaction.message.attachments.find((attachment) => attachment.name === 'a.png');
      switch (interaction.customId) {
        case 'att:keep':
          await interaction.update({ content: 'kept a, added c', attachments: a ? [{ id: a.id }] : [], files: [file('c.png', 'third')] });
          break;
        case 'att:omit':
          await interaction.update({ content: 'text only' });
          break;
        case 'att:deferred':
          await interaction.deferUpdate();
          await interaction.editReply({ content: 'deferred, kept a', attachments: a ? [{ id: a.id }] : [] });
          break;
        case 'att:unknown':
          await interaction.update({ content: 'keeps a stranger', attachments: [{ id: '1100000000000000999' }] });
          break;
        case 'att:followup': {
          await interaction.deferReply({ flags: MessageFlags.Ephemeral });
          const followUp = await interaction.followUp({ content: 'a follow-up picture', files: [file('f.png', 'follow')], flags: MessageFlags.Ephemeral });
          const kept = followUp.attachments.first();
          await interaction.webhook.editMessage(followUp, { content: 'follow-up edited, f kept', attachments: kept ? [{ id: kept.id }] : [] });
          await interaction.webhook.editMessage(followUp, { content: 'follow-up without pictures', attachments: [] });
          break;
        }
      }
    });
    await register(fixture.double, fixture.client);
    const ctx = ctxFor(fixture.double);
    const reply = await (await fixture.double.slash('tune', { dial: 'bake time' }, ctx)).settled();
    if (!reply) throw new Error('no reply');
    return { ...fixture, ctx, reply };
  }

  it('type 7 UPDATE_MESSAGE keeps a listed attachment without an upload, drops the unlisted, adds new files', async () => {
    const { double, handlerErrors, ctx, reply } = await setupPictureBot();
    const [a, b] = reply.attachments;
    expect([a?.filename, b?.filename]).toEqual(['a.png', 'b.png']);
    const since = double.requests.length;
    const click = await double.click(reply.id, 'att:keep', ctx);
    expect((await click.response()).type).toBe(7);
    const edited = double.message(reply.id);
    expect(edited?.content).toBe('kept a, added c');
    expect(edited?.attachments.map((x) => x.filename)).toEqual(['a.png', 'c.png']);
    // The kept one is the very attachment the message had: same id, same bytes, same alt text.
    expect(edited?.attachments[0]).toEqual(a);
    expect(edited?.attachments[1]?.description).toBe('third');
    expect(uploadsSince(double, since)).toEqual([['c.png']]);
    expect(handlerErrors).toEqual([]);
    expect(double.violations).toEqual([]);
  });

  it('an update that leaves `attachments` out keeps every attachment', async () => {
    const { double, handlerErrors, ctx, reply } = await setupPictureBot();
    await (await double.click(reply.id, 'att:omit', ctx)).response();
    const edited = double.message(reply.id);
    expect(edited?.content).toBe('text only');
    expect(edited?.attachments).toEqual(reply.attachments);
    expect(handlerErrors).toEqual([]);
    expect(double.violations).toEqual([]);
  });

  it('PATCH of @original after a deferred update keeps only what it lists, uploading nothing', async () => {
    const { double, handlerErrors, ctx, reply } = await setupPictureBot();
    const since = double.requests.length;
    await (await double.click(reply.id, 'att:deferred', ctx)).response();
    await expect.poll(() => double.message(reply.id)?.content, POLL).toBe('deferred, kept a');
    expect(double.message(reply.id)?.attachments).toEqual([reply.attachments[0]]);
    const patch = double.requests.slice(since).find((request) => request.method === 'PATCH' && request.route.endsWith('/messages/@original'));
    expect(patch?.status).toBe(200);
    expect(patch?.uploads).toEqual([]);
    expect(handlerErrors).toEqual([]);
    expect(double.violations).toEqual([]);
  });

  it('PATCH of a follow-up keeps a listed attachment, and an empty list removes them all', async () => {
    const { double, handlerErrors, ctx, reply } = await setupPictureBot();
    await (await double.click(reply.id, 'att:followup', ctx)).response();
    const followUp = () => double.channelMessages(DefaultChannelId).find((message) => message.content.startsWith('follow-up'));
    await expect.poll(() => followUp()?.content, POLL).toBe('follow-up without pictures');
    expect(followUp()?.attachments).toEqual([]);
    const edits = double.requests.filter((request) => request.method === 'PATCH' && /\/webhooks\/\d+\/[^/]+\/messages\/\d+$/.test(request.route));
    expect(edits.map((request) => [request.status, request.uploads.length])).toEqual([
      [200, 0],
      [200, 0],
    ]);
    expect(edits[0]?.body.attachments).toHaveLength(1);
    expect(handlerErrors).toEqual([]);
    expect(double.violations).toEqual([]);
  });

  it('refuses an attachment id that is not the message’s, changing nothing', async () => {
    const { double, handlerErrors, ctx, reply } = await setupPictureBot();
    await double.click(reply.id, 'att:unknown', ctx);
    await expect.poll(() => handlerErrors.length, POLL).toBe(1);
    const error = handlerErrors[0];
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect(JSON.stringify((error as DiscordAPIError).rawError)).toContain('ATTACHMENT_NOT_FOUND');
    expect(double.message(reply.id)?.content).toBe('two pictures');
    expect(double.message(reply.id)?.attachments).toEqual(reply.attachments);
    expect(double.violations.join('\n')).toMatch(/ATTACHMENT_NOT_FOUND|Attachment data not found/);
  });

  it('PATCH of a channel message with files and no `attachments` replaces what it had (API v10)', async () => {
    const { double, client, handlerErrors, reply } = await setupPictureBot();
    const since = double.requests.length;
    await client.rest.patch(Routes.channelMessage(DefaultChannelId, reply.id), { body: { content: 'replaced' }, files: [{ name: 'd.png', data: png }] });
    expect(double.message(reply.id)?.attachments.map((x) => x.filename)).toEqual(['d.png']);
    expect(uploadsSince(double, since)).toEqual([['d.png']]);
    // A list names what stays; an upload it leaves out is not attached either.
    await client.rest.patch(Routes.channelMessage(DefaultChannelId, reply.id), { body: { attachments: [] }, files: [{ name: 'e.png', data: png }] });
    expect(double.message(reply.id)?.attachments).toEqual([]);
    expect(handlerErrors).toEqual([]);
    expect(double.violations).toEqual([]);
  });
});
