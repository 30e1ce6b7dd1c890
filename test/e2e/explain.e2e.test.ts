/**
 * End to end: the real bot process and discord.js client against the Discord test double, on a real
 * SQLite file. Registration, /explain at every level, autocomplete, Simpler/Deeper, related topics,
 * /ask, /level, bad input, and a handler that fails without taking the process down.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../src/content/levels.js';
import { loadTopicLibrary } from '../../src/content/library.js';
import { GUILD_ID } from './harness.js';
import { useScenario } from './scenario.js';

const topics = loadTopicLibrary();

const scenario = useScenario();

function buttons(message: { components: { components: { custom_id: string; label?: string; disabled?: boolean; type: number }[] }[] }) {
  return message.components.flatMap((row) => row.components);
}

describe('the bot on Discord', () => {
  it('registers every command to the development guild and says so', () => {
    const names = scenario().double.commands(GUILD_ID).map((c) => c.name).sort();
    expect(names).toEqual(expect.arrayContaining(['ask', 'explain', 'help', 'level']));
  });

  it('explains a topic at every level, each level its own text', async () => {
    const ann = scenario().as('100000000000000001');
    const seen = new Set<string>();
    for (const level of LEVELS) {
      const result = await scenario().double.slash('explain', { topic: 'learning-rate', level }, ann);
      const message = await result.settled();
      expect(result.ephemeral).toBe(false);
      const embed = message?.embeds[0];
      expect(embed.title).toBe(topics.get('learning-rate')?.title);
      expect(embed.description).toContain(topics.text('learning-rate', level).slice(0, 200));
      expect(embed.footer.text).toContain(`Level ${level} of 5`);
      seen.add(embed.description);
    }
    expect(seen.size).toBe(5);
  });

  it('accepts titles and aliases as well as slugs', async () => {
    const ann = scenario().as('100000000000000001');
    const topic = topics.get('learning-rate');
    const byTitle = await (await scenario().double.slash('explain', { topic: topic?.title, level: 2 }, ann)).settled();
    expect(byTitle?.embeds[0].title).toBe(topic?.title);
  });

  it('autocompletes topics from titles and aliases, at most 25', async () => {
    const ann = scenario().as('100000000000000001');
    const { choices } = await scenario().double.autocomplete('explain', { topic: 'learn' }, 'topic', ann);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain('learning-rate');
    const all = await scenario().double.autocomplete('explain', { topic: '' }, 'topic', ann);
    expect(all.choices.length).toBe(Math.min(25, topics.all().length));
  });

  it('goes Simpler and Deeper by editing the same message, and disables the ends', async () => {
    const ann = scenario().as('100000000000000002');
    const first = await (await scenario().double.slash('explain', { topic: 'batch-size', level: 2 }, ann)).settled();
    if (!first) throw new Error('no answer');
    const simpler = buttons(first).find((b) => b.label === 'Simpler');
    const clicked = await scenario().double.click(first.id, simpler!.custom_id, ann);
    expect((await clicked.response()).type).toBe(7);
    const edited = scenario().double.message(first.id);
    expect(edited?.embeds[0].description).toContain(topics.text('batch-size', 1).slice(0, 200));
    expect(buttons(edited!).find((b) => b.label === 'Simpler')?.disabled).toBe(true);
    const deeper = buttons(edited!).find((b) => b.label === 'Deeper');
    await (await scenario().double.click(first.id, deeper!.custom_id, ann)).settled();
    expect(scenario().double.message(first.id)?.embeds[0].footer.text).toContain('Level 2 of 5');
  });

  it('answers someone else’s Simpler click privately and leaves the shared message alone', async () => {
    const ann = scenario().as('100000000000000003');
    const bob = scenario().as('100000000000000004');
    const first = await (await scenario().double.slash('explain', { topic: 'dropout', level: 3 }, ann)).settled();
    const deeper = buttons(first!).find((b) => b.label === 'Deeper');
    const result = await scenario().double.click(first!.id, deeper!.custom_id, bob);
    const answer = await result.settled();
    expect(result.ephemeral).toBe(true);
    expect(answer?.embeds[0].footer.text).toContain('Level 4 of 5');
    expect(scenario().double.message(first!.id)?.embeds[0].footer.text).toContain('Level 3 of 5');
  });

  it('offers related topics in a menu that switches topic', async () => {
    const ann = scenario().as('100000000000000005');
    const first = await (await scenario().double.slash('explain', { topic: 'learning-rate', level: 3 }, ann)).settled();
    const menu = buttons(first!).find((c) => c.type === 3) as unknown as { custom_id: string; options: { value: string }[] };
    expect(menu.options.map((o) => o.value)).toEqual(topics.related('learning-rate').slice(0, 25).map((t) => t.slug));
    const target = menu.options[0]!.value;
    await (await scenario().double.select(first!.id, menu.custom_id, [target], ann)).settled();
    expect(scenario().double.message(first!.id)?.embeds[0].title).toBe(topics.get(target)?.title);
  });

  it('uses the saved /level when none is given', async () => {
    const cy = scenario().as('100000000000000006');
    const saved = await (await scenario().double.slash('level', { level: 5 }, cy)).settled();
    expect(saved?.content).toContain('level 5');
    const shown = await (await scenario().double.slash('level', {}, cy)).settled();
    expect(shown?.content).toContain('Your level is 5');
    const answer = await (await scenario().double.slash('explain', { topic: 'tpe' }, cy)).settled();
    expect(answer?.embeds[0].footer.text).toContain('Level 5 of 5');
  });

  it('answers /ask with the best topic and did-you-mean buttons', async () => {
    const ann = scenario().as('100000000000000007');
    const result = await scenario().double.slash('ask', { question: 'why is learning rate searched on a log scale' }, ann);
    const answer = await result.settled();
    const best = topics.ask('why is learning rate searched on a log scale', 5);
    expect(answer?.embeds[0].title).toBe(best[0]?.topic.title);
    const didYouMean = buttons(answer!).filter((b) => b.label?.startsWith('Did you mean'));
    expect(didYouMean.length).toBe(Math.min(4, best.length - 1));
    const other = await scenario().double.click(answer!.id, didYouMean[0]!.custom_id, ann);
    expect((await other.settled())?.embeds[0].title).toBe(best[1]?.topic.title);
    expect(other.ephemeral).toBe(true);
  });

  it('answers a question that matches nothing with the list of topics', async () => {
    const ann = scenario().as('100000000000000007');
    const result = await scenario().double.slash('ask', { question: 'zzqx vvbnm' }, ann);
    const answer = await result.settled();
    expect(result.ephemeral).toBe(true);
    expect(answer?.embeds[0].description).toContain('`hyperparameters`');
  });

  it('refuses an unknown topic privately, suggesting close matches', async () => {
    const ann = scenario().as('100000000000000008');
    const unknown = await scenario().double.slash('explain', { topic: 'quantum-cheese' }, ann);
    expect((await unknown.settled())?.content).toContain('I don\'t have a topic called “quantum-cheese”');
    expect(unknown.ephemeral).toBe(true);
  });

  it('apologises with an error id when a handler fails, logs the id, and keeps running', async () => {
    const ann = scenario().as('100000000000000009');
    const db = new Database(scenario().databasePath);
    db.exec('ALTER TABLE preferences RENAME TO preferences_away');
    try {
      const result = await scenario().double.slash('level', { level: 2 }, ann);
      const answer = await result.settled();
      expect(result.ephemeral).toBe(true);
      const id = /error id:? `([0-9a-f]{8})`/.exec(answer?.content ?? '')?.[1];
      expect(id).toBeDefined();
      await scenario().bot.waitForOutput(id!);
    } finally {
      db.exec('ALTER TABLE preferences_away RENAME TO preferences');
      db.close();
    }
    const help = await (await scenario().double.slash('help', {}, ann)).settled();
    expect(help?.embeds[0].title).toBe('Tuning Fork');
  });

  it('refuses what a tampered client sends: forged buttons and out-of-range options', async () => {
    const ann = scenario().as('100000000000000010');
    const first = await (await scenario().double.slash('explain', { topic: 'tpe', level: 3 }, ann)).settled();
    const forged = await scenario().double.tampered.click(first!.id, 'explain:level:tpe:99:100000000000000010', ann);
    expect((await forged.settled())?.content).toContain('not one I recognise');
    expect(forged.ephemeral).toBe(true);
    const garbled = await scenario().double.tampered.click(first!.id, 'play:giveup:<script>:1', ann);
    expect((await garbled.settled())?.content).toContain('not one I recognise');
    const badLevel = await scenario().double.tampered.slash('explain', { topic: 'tpe', level: 9 }, ann);
    expect((await badLevel.settled())?.content).toContain('`level` for /explain must be one of');
    expect(badLevel.ephemeral).toBe(true);
  });

  it('keeps answering after the gateway asks it to reconnect', async () => {
    await scenario().double.forceReconnect();
    const answer = await (await scenario().double.slash('explain', { topic: 'dropout', level: 1 }, scenario().as('100000000000000011'))).settled();
    expect(answer?.embeds[0].title).toBe(topics.get('dropout')?.title);
  });

  it('broke none of Discord’s rules and never logged the token', () => {
    expect(scenario().double.violations).toEqual([]);
    expect(scenario().bot.output()).not.toContain(scenario().double.token);
  });
});
