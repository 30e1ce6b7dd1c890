import { SlashCommandBuilder } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommandRouter } from '../../src/command-layer/router.js';
import { reply, type CommandModule, type CommandResponse } from '../../src/command-layer/types.js';
import { createTestApp, person, type TestApp } from '../support/app.js';

let app: TestApp;

beforeEach(async () => {
  // A clock that stands still: on the real one a slow machine could let the flood's rate limit refill.
  const now = new Date('2026-11-28T12:00:00Z');
  app = await createTestApp(() => now);
});

afterEach(async () => {
  await app.dispose();
});

function text(response: CommandResponse): string {
  if (response.kind === 'modal') throw new Error('expected a message');
  return response.message.content ?? response.message.embeds?.[0]?.description ?? '';
}

/** Fixture commands that misbehave on purpose, next to the real ones. */
function routerWith(...extra: CommandModule[]): CommandRouter {
  const commands = new Map(app.services.commands().map((c) => [c.data.toJSON().name, c] as const));
  for (const command of extra) commands.set(command.data.toJSON().name, command);
  return new CommandRouter(commands, app.services);
}

const failing: CommandModule = {
  data: new SlashCommandBuilder().setName('boom').setDescription('Always fails'),
  execute() {
    throw new Error('kaboom');
  },
};

const oversize: CommandModule = {
  data: new SlashCommandBuilder().setName('huge').setDescription('Answers too much'),
  execute: () => reply({ content: 'x'.repeat(2001) }),
};

const failsLater: CommandModule = {
  data: new SlashCommandBuilder().setName('later').setDescription('Fails after answering'),
  execute: () => ({ kind: 'reply', message: { content: 'first' }, later: () => Promise.reject(new Error('late kaboom')) }),
};

describe('CommandRouter', () => {
  it('runs a real command with checked options', async () => {
    const response = await app.router.slash({ ...person('1'), command: 'explain', subcommand: null, options: { topic: 'tpe', level: '2' } });
    expect(response.kind).toBe('reply');
    if (response.kind === 'reply') expect(response.message.embeds?.[0]?.footer).toContain('Level 2 of 5');
  });

  it('refuses unknown commands and bad options with private, readable messages', async () => {
    const unknown = await app.router.slash({ ...person('1'), command: 'nope', subcommand: null, options: {} });
    expect(text(unknown)).toBe('There is no /nope command here. Type /help to see what I can do.');
    const bad = await app.router.slash({ ...person('1'), command: 'explain', subcommand: null, options: { topic: 'tpe', level: '9' } });
    expect(bad.kind === 'reply' && bad.message.ephemeral).toBe(true);
    expect(text(bad)).toContain('`level` for /explain must be one of');
  });

  it('suggests only topics a mistyped name could mean', async () => {
    const explain = (topic: string) => app.router.slash({ ...person('2'), command: 'explain', subcommand: null, options: { topic } });
    const typo = text(await explain('bayes opt'));
    expect(typo).toContain("I don't have a topic called “bayes opt”. Did you mean `bayesian-optimisation`");
    // Nothing is close to nonsense: pointing at whichever topic shares a word would send people astray.
    expect(text(await explain('nonsense-topic'))).toBe("I don't have a topic called “nonsense-topic”. Type /help to see the topics.");
  });

  it('refuses forged and garbled custom ids before any handler runs', async () => {
    for (const customId of ['explain:level:tpe:99:1', 'explain:nothing:1', 'nope:level', '<script>', 'explain:level:no-such-topic:2:1']) {
      const response = await app.router.component({ ...person('1'), source: 'button', customId, values: [], fields: {}, messageId: '5' });
      expect(response.kind === 'reply' && response.message.ephemeral).toBe(true);
    }
    const forged = await app.router.component({ ...person('1'), source: 'button', customId: 'explain:level:tpe:99:1', values: [], fields: {}, messageId: '5' });
    expect(text(forged)).toContain('not one I recognise');
  });

  it('slows down a flood from one person without affecting others', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 22; i++) answers.push(text(await app.router.slash({ ...person('7'), command: 'help', subcommand: null, options: {} })));
    expect(answers.filter((a) => a.includes('going a little fast')).length).toBe(2);
    expect(text(await app.router.slash({ ...person('8'), command: 'help', subcommand: null, options: {} }))).not.toContain('going a little fast');
  });

  it('turns a thrown error into an apology whose id is in the log', async () => {
    const router = routerWith(failing);
    const response = await router.slash({ ...person('1'), command: 'boom', subcommand: null, options: {} });
    const id = /error id: `([0-9a-f]{8})`/.exec(text(response))?.[1];
    expect(id).toBeDefined();
    expect(app.logs()).toContain(`"errorId":"${id}"`);
    expect(app.logs()).toContain('kaboom');
  });

  it('never sends an answer that breaks Discord’s limits', async () => {
    const response = await routerWith(oversize).slash({ ...person('1'), command: 'huge', subcommand: null, options: {} });
    expect(text(response)).toContain('error id');
    expect(app.logs()).toContain('breaks Discord');
  });

  it('keeps the first answer when the follow-up work fails, adding the apology', async () => {
    const response = await routerWith(failsLater).slash({ ...person('1'), command: 'later', subcommand: null, options: {} });
    if (response.kind === 'modal' || !response.later) throw new Error('expected a later edit');
    const edited = await response.later();
    expect(edited.content).toMatch(/could not finish this \(error id `[0-9a-f]{8}`\)/);
    expect(app.logs()).toContain('late kaboom');
  });

  it('hands autocomplete the raw typed text, even for a number option, and drops options that fail the checks', async () => {
    const received: unknown[] = [];
    const counting: CommandModule = {
      data: new SlashCommandBuilder()
        .setName('count')
        .setDescription('Counts')
        .addIntegerOption((o) => o.setName('howmany').setDescription('How many').setRequired(true).setAutocomplete(true).setMinValue(1))
        .addStringOption((o) => o.setName('unit').setDescription('Unit').setRequired(true).addChoices({ name: 'cm', value: 'cm' }))
        .addIntegerOption((o) => o.setName('step').setDescription('Step').setMaxValue(5)),
      execute: () => reply({ content: 'counted' }),
      autocomplete(request) {
        received.push({ focused: request.focused, options: request.options });
        return [{ name: 'one', value: '1' }];
      },
    };
    const router = routerWith(counting);
    const ask = (options: Record<string, unknown>) => router.autocomplete({ ...person('1'), command: 'count', subcommand: null, options, focused: 'howmany' });
    expect(await ask({ howmany: 'tw' })).toEqual([{ name: 'one', value: '1' }]);
    expect(await ask({ howmany: '', step: 9, unit: 'cm' })).toHaveLength(1);
    expect(await ask({ step: 2 })).toHaveLength(1);
    expect(received).toEqual([
      { focused: { name: 'howmany', value: 'tw' }, options: {} },
      { focused: { name: 'howmany', value: '' }, options: { unit: 'cm' } },
      { focused: { name: 'howmany', value: '' }, options: { step: 2 } },
    ]);
  });

  it('starts group rounds only where the board has a server channel', async () => {
    for (const where of [{ guildId: null }, { channelId: null }]) {
      const response = await app.router.slash({ ...person('1'), ...where, command: 'play', subcommand: 'bake', options: { mode: 'group' } });
      expect(text(response)).toBe('Group rounds are played in a server channel.');
    }
  });

  it('answers a server-only command outside a server with one line', async () => {
    const response = await app.router.slash({ ...person('1'), guildId: null, command: 'leaderboard', subcommand: null, options: { game: 'bake' } });
    expect(text(response)).toBe('/leaderboard works only in a server. Run it in a server channel where I am.');
    const inDm = await app.router.slash({ ...person('1'), guildId: null, command: 'help', subcommand: null, options: {} });
    expect(text(inDm)).not.toContain('works only in a server');
  });

  it('answers autocomplete from memory with at most 25 choices, and never errors', async () => {
    const choices = await app.router.autocomplete({ ...person('1'), command: 'explain', subcommand: null, options: { topic: '' }, focused: 'topic' });
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.length).toBeGreaterThan(0);
    expect(await app.router.autocomplete({ ...person('1'), command: 'nope', subcommand: null, options: {}, focused: 'x' })).toEqual([]);
  });
});
