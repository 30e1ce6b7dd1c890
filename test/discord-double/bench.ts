/**
 * How much time the double adds to an end-to-end test: median round trips with a real discord.js client
 * for a slash command answered at once, a deferred reply filled with a PNG, and a button update.
 * Run: npx tsx test/discord-double/bench.ts [rounds]
 */
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { ActionRowBuilder, AttachmentBuilder, ButtonBuilder, ButtonStyle, Client, Events, GatewayIntentBits } from 'discord.js';
import { DefaultChannelId, DefaultGuildId, startDiscordDouble } from './index.js';

const rounds = Number(process.argv[2] ?? 200);
const png = Buffer.alloc(64 * 1024, 7);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const double = await startDiscordDouble();
const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: double.apiUrl }, allowedMentions: { parse: [] } });
client.on(Events.InteractionCreate, (interaction) => {
  void (async () => {
    if (interaction.isChatInputCommand() && interaction.commandName === 'quick') {
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('again').setLabel('Again').setStyle(ButtonStyle.Primary),
      );
      await interaction.reply({ content: 'quick', components: [row] });
    } else if (interaction.isChatInputCommand()) {
      await interaction.deferReply();
      await interaction.editReply({ files: [new AttachmentBuilder(png, { name: 'chart.png', description: 'chart' })] });
    } else if (interaction.isButton()) {
      await interaction.update({ content: `clicked ${interaction.id}` });
    }
  })();
});
const ready = once(client, Events.ClientReady);
await client.login(double.token);
await ready;
await client.application?.commands.set([
  { name: 'quick', description: 'Answers at once' },
  { name: 'chart', description: 'Answers with a picture' },
]);

const ctx = { user: double.user(), guildId: DefaultGuildId, channelId: DefaultChannelId };
const timings = { slash: [] as number[], deferredPng: [] as number[], click: [] as number[] };
for (let round = 0; round < rounds; round += 1) {
  let start = performance.now();
  const reply = await (await double.slash('quick', {}, ctx)).settled();
  timings.slash.push(performance.now() - start);
  start = performance.now();
  await (await double.click(reply?.id ?? '', 'again', ctx)).settled();
  timings.click.push(performance.now() - start);
  start = performance.now();
  await (await double.slash('chart', {}, ctx)).settled();
  timings.deferredPng.push(performance.now() - start);
}
await client.destroy();
await double.close();

console.log(`rounds: ${rounds}`);
for (const [name, values] of Object.entries(timings)) console.log(`${name}: median ${median(values).toFixed(2)} ms`);
console.log(`violations: ${double.violations.length}`);
