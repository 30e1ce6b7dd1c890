/**
 * Loads every command module in `commands/` and checks its shape with zod before the bot starts, so a
 * broken module stops start-up with its file named instead of failing at the first interaction.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { CommandModule } from './types.js';

export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', 'must be a function');

const definitionJson = z.object({
  name: z.string().regex(/^[-_a-z0-9]{1,32}$/, 'must be 1–32 lowercase letters, digits, - or _'),
  description: z.string().min(1).max(100),
});

export const commandModuleSchema = z.object({
  // The builder is checked through its own toJSON(), called on the original object (it needs `this`).
  data: z.custom<{ toJSON(): unknown }>((data) => typeof (data as { toJSON?: unknown })?.toJSON === 'function', 'must have toJSON()').refine(
    (data) => {
      try {
        return definitionJson.safeParse(data.toJSON()).success;
      } catch {
        return false;
      }
    },
    { message: 'data.toJSON() must give a name (1–32 lowercase characters) and a description (1–100 characters)' },
  ),
  execute: fn,
  autocomplete: fn.optional(),
  components: z.record(z.string(), z.object({ parse: fn, run: fn })).optional(),
  slow: z.boolean().optional(),
  scheduled: z.array(z.object({ name: z.string().min(1), cron: z.string().min(9), run: fn })).optional(),
});

export class CommandLoadError extends Error {}

/** Checks one module; the error names the file and every problem. */
export function checkCommandModule(module: unknown, file: string): CommandModule {
  const candidate = (module as { default?: unknown })?.default ?? module;
  const parsed = commandModuleSchema.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(module)'}: ${i.message}`).join('; ');
    throw new CommandLoadError(`${file} is not a valid command module: ${problems}`);
  }
  return candidate as CommandModule;
}

export function commandFiles(dir = COMMANDS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(dir, entry.name))
    .sort();
}

/** Every command in `dir`, keyed by its slash-command name. */
export async function loadCommands(dir = COMMANDS_DIR): Promise<Map<string, CommandModule>> {
  const commands = new Map<string, CommandModule>();
  for (const file of commandFiles(dir)) {
    const command = checkCommandModule(await import(pathToFileURL(file).href), file);
    const name = command.data.toJSON().name;
    if (commands.has(name)) throw new CommandLoadError(`${file} defines /${name}, which another module already defines`);
    commands.set(name, command);
  }
  return commands;
}
