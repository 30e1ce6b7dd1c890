import { SlashCommandBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/command-layer/errors.js';
import { resolveOptions } from '../../src/command-layer/options.js';

const explain = new SlashCommandBuilder()
  .setName('explain')
  .setDescription('Explain a topic')
  .addStringOption((o) => o.setName('topic').setDescription('What to explain').setRequired(true).setMaxLength(20))
  .addIntegerOption((o) =>
    o.setName('level').setDescription('How deep').addChoices({ name: 'one', value: 1 }, { name: 'two', value: 2 }),
  )
  .addNumberOption((o) => o.setName('ratio').setDescription('A ratio').setMinValue(0).setMaxValue(1))
  .addBooleanOption((o) => o.setName('public').setDescription('Show everyone'))
  .toJSON();

const settings = new SlashCommandBuilder()
  .setName('settings')
  .setDescription('Server settings')
  .addSubcommand((s) => s.setName('show').setDescription('Show them'))
  .addSubcommand((s) =>
    s.setName('set').setDescription('Change them').addChannelOption((o) => o.setName('channel').setDescription('Where')),
  )
  .toJSON();

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('resolveOptions', () => {
  it('coerces typed text to the declared types', () => {
    const resolved = resolveOptions(explain, null, { topic: 'lr', level: '2', ratio: '0.5', public: 'true' });
    expect(resolved.options).toEqual({ topic: 'lr', level: 2, ratio: 0.5, public: true });
  });

  it('accepts values that already have their type (from Discord)', () => {
    expect(resolveOptions(explain, null, { topic: 'lr', level: 1 }).options).toEqual({ topic: 'lr', level: 1 });
  });

  it('names a missing required option with its description', () => {
    expect(message(() => resolveOptions(explain, null, {}))).toBe('/explain needs `topic`: What to explain');
  });

  it('refuses unknown options and lists the real ones', () => {
    expect(message(() => resolveOptions(explain, null, { topic: 'x', colour: 'red' }))).toContain(
      'has no option `colour`. Options: `topic`, `level`, `ratio`, `public`.',
    );
  });

  it('refuses values outside choices, ranges and lengths, naming what is allowed', () => {
    expect(message(() => resolveOptions(explain, null, { topic: 'x', level: '7' }))).toBe(
      '`level` for /explain must be one of `1` (one), `2` (two).',
    );
    expect(message(() => resolveOptions(explain, null, { topic: 'x', level: '1.5' }))).toContain('must be one of');
    expect(message(() => resolveOptions(explain, null, { topic: 'x', ratio: '2' }))).toBe(
      '`ratio` for /explain must be a number from 0 to 1.',
    );
    expect(message(() => resolveOptions(explain, null, { topic: 'x', ratio: 'lots' }))).toContain('must be a number');
    expect(message(() => resolveOptions(explain, null, { topic: 'x'.repeat(21) }))).toContain('text of 1 to 20 characters');
    expect(message(() => resolveOptions(explain, null, { topic: 'x', public: 'maybe' }))).toContain('`true` or `false`');
  });

  it('handles subcommands and their own options', () => {
    expect(resolveOptions(settings, 'set', { channel: '123456789012345678' }).options).toEqual({ channel: '123456789012345678' });
    expect(message(() => resolveOptions(settings, null, {}))).toBe('/settings needs a subcommand: `show`, `set`.');
    expect(message(() => resolveOptions(settings, 'delete', {}))).toContain('has no subcommand `delete`');
    expect(message(() => resolveOptions(settings, 'set', { channel: 'general' }))).toContain('must be an id');
  });

  it('in partial mode (autocomplete) allows missing required options and half-typed text', () => {
    expect(resolveOptions(explain, null, { level: 1 }, true).options).toEqual({ level: 1 });
  });
});
