/**
 * Checks a command's options against its own definition, so the console and Discord (where a forged or
 * outdated client can send anything) refuse bad input with the same words.
 */
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { UserError } from './errors.js';
import type { OptionValue } from './types.js';

export interface ResolvedOptions {
  subcommand: string | null;
  options: Record<string, OptionValue>;
}

type Definition = RESTPostAPIChatInputApplicationCommandsJSONBody;

function isSubcommand(option: APIApplicationCommandOption): boolean {
  return option.type === ApplicationCommandOptionType.Subcommand;
}

function list(names: readonly string[]): string {
  return names.length ? names.map((n) => `\`${n}\``).join(', ') : 'none';
}

/** The options that apply: the command's own, or those of the chosen subcommand. */
export function optionsOf(definition: Definition, subcommand: string | null): APIApplicationCommandBasicOption[] {
  const options = definition.options ?? [];
  const subcommands = options.filter(isSubcommand);
  if (subcommands.length === 0) {
    if (subcommand) throw new UserError(`/${definition.name} has no subcommand \`${subcommand}\`.`);
    return options as APIApplicationCommandBasicOption[];
  }
  const names = subcommands.map((o) => o.name);
  if (!subcommand) throw new UserError(`/${definition.name} needs a subcommand: ${list(names)}.`);
  const chosen = subcommands.find((o) => o.name === subcommand);
  if (!chosen || chosen.type !== ApplicationCommandOptionType.Subcommand) {
    throw new UserError(`/${definition.name} has no subcommand \`${subcommand}\`. Try ${list(names)}.`);
  }
  return chosen.options ?? [];
}

function describeRange(option: APIApplicationCommandBasicOption): string {
  if ('choices' in option && option.choices?.length) {
    return `one of ${option.choices.map((c) => `\`${c.value}\` (${c.name})`).join(', ')}`;
  }
  if (option.type === ApplicationCommandOptionType.Integer || option.type === ApplicationCommandOptionType.Number) {
    const kind = option.type === ApplicationCommandOptionType.Integer ? 'a whole number' : 'a number';
    const { min_value: min, max_value: max } = option;
    if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`;
    if (min !== undefined) return `${kind} of at least ${min}`;
    if (max !== undefined) return `${kind} of at most ${max}`;
    return kind;
  }
  if (option.type === ApplicationCommandOptionType.Boolean) return '`true` or `false`';
  if (option.type === ApplicationCommandOptionType.String) {
    const { min_length: min, max_length: max } = option;
    // A required option cannot be empty, whatever min_length says.
    const least = Math.max(min ?? 0, option.required ? 1 : 0);
    if (max !== undefined) return `text of ${least} to ${max} characters`;
    return 'text';
  }
  return 'an id';
}

function coerce(where: string, option: APIApplicationCommandBasicOption, raw: unknown): OptionValue {
  const bad = (): never => {
    throw new UserError(`\`${option.name}\` for ${where} must be ${describeRange(option)}.`);
  };
  let value: OptionValue;
  switch (option.type) {
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(n)) return bad();
      if (option.type === ApplicationCommandOptionType.Integer && !Number.isInteger(n)) return bad();
      if (option.min_value !== undefined && n < option.min_value) return bad();
      if (option.max_value !== undefined && n > option.max_value) return bad();
      value = n;
      break;
    }
    case ApplicationCommandOptionType.Boolean: {
      if (typeof raw === 'boolean') value = raw;
      else if (raw === 'true' || raw === 'false') value = raw === 'true';
      else return bad();
      break;
    }
    case ApplicationCommandOptionType.String: {
      if (typeof raw !== 'string') return bad();
      if (option.min_length !== undefined && raw.length < option.min_length) return bad();
      if (option.max_length !== undefined && raw.length > option.max_length) return bad();
      value = raw;
      break;
    }
    default: {
      // Users, channels and roles arrive as snowflake ids.
      if (typeof raw !== 'string' || !/^\d{1,20}$/.test(raw)) return bad();
      value = raw;
    }
  }
  if ('choices' in option && option.choices?.length && !option.choices.some((c) => c.value === value)) return bad();
  return value;
}

/**
 * @param given option values by name: strings from the console, typed values from Discord.
 * @param partial when true (autocomplete), missing required options and options that do not pass
 *   the checks yet are not errors: the first are missing, the others left out.
 */
export function resolveOptions(
  definition: Definition,
  subcommand: string | null,
  given: Readonly<Record<string, unknown>>,
  partial = false,
): ResolvedOptions {
  const declared = optionsOf(definition, subcommand);
  const where = subcommand ? `/${definition.name} ${subcommand}` : `/${definition.name}`;
  const options: Record<string, OptionValue> = {};
  for (const name of Object.keys(given)) {
    if (!declared.some((o) => o.name === name)) {
      throw new UserError(`${where} has no option \`${name}\`. Options: ${list(declared.map((o) => o.name))}.`);
    }
  }
  for (const option of declared) {
    const raw = given[option.name];
    if (raw === undefined) {
      if (option.required && !partial) {
        throw new UserError(`${where} needs \`${option.name}\`: ${option.description}`);
      }
      continue;
    }
    if (partial && option.type === ApplicationCommandOptionType.String) {
      options[option.name] = String(raw);
      continue;
    }
    try {
      options[option.name] = coerce(where, option, raw);
    } catch (error) {
      // While typing, Discord leaves out options that fail its checks; a front end that sends one anyway
      // (the console) gets the same: the option is ignored, the suggestions still come.
      if (!(partial && error instanceof UserError)) throw error;
    }
  }
  return { subcommand, options };
}
