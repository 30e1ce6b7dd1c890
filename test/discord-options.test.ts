/**
 * How the Discord front end reads slash options as Discord sends them: a subcommand given no options
 * arrives as `{ type: 1, name }` with no `options` key, and groups nest one level deeper.
 */
import { ApplicationCommandOptionType, type CommandInteractionOption } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { optionsOf } from '../src/discord/bot.js';

describe('optionsOf', () => {
  it('knows a bare subcommand by its type, without an options key', () => {
    const bare: CommandInteractionOption[] = [{ name: 'bake', type: ApplicationCommandOptionType.Subcommand }];
    expect(optionsOf(bare)).toEqual({ subcommand: 'bake', options: {} });
  });

  it('reads a subcommand with options, and a group with its subcommand', () => {
    const seeded: CommandInteractionOption[] = [
      { name: 'lock', type: ApplicationCommandOptionType.Subcommand, options: [{ name: 'seed', type: ApplicationCommandOptionType.String, value: 'a' }] },
    ];
    expect(optionsOf(seeded)).toEqual({ subcommand: 'lock', options: { seed: 'a' } });
    const grouped: CommandInteractionOption[] = [
      { name: 'daily', type: ApplicationCommandOptionType.SubcommandGroup, options: [{ name: 'show', type: ApplicationCommandOptionType.Subcommand }] },
    ];
    expect(optionsOf(grouped)).toEqual({ subcommand: 'daily show', options: {} });
  });

  it('reads top-level options of a command without subcommands', () => {
    const plain: CommandInteractionOption[] = [
      { name: 'topic', type: ApplicationCommandOptionType.String, value: 'learning-rate' },
      { name: 'level', type: ApplicationCommandOptionType.Integer, value: 2 },
    ];
    expect(optionsOf(plain)).toEqual({ subcommand: null, options: { topic: 'learning-rate', level: 2 } });
  });
});
