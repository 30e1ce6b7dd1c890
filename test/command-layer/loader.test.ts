import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommandModule, CommandLoadError, loadCommands } from '../../src/command-layer/loader.js';

describe('command loader', () => {
  it('loads every module in commands/ keyed by name, each within Discord’s definition rules', async () => {
    const commands = await loadCommands();
    expect([...commands.keys()]).toEqual(expect.arrayContaining(['ask', 'explain', 'help', 'level']));
    for (const [name, command] of commands) {
      const json = command.data.toJSON();
      expect(json.name).toBe(name);
      expect(json.description.length).toBeLessThanOrEqual(100);
      expect((json.options ?? []).length).toBeLessThanOrEqual(25);
    }
  });

  it('names the file and every problem of a malformed module', () => {
    expect(() => checkCommandModule({ default: { data: {}, execute: 'no' } }, 'commands/bad.ts')).toThrow(
      /commands\/bad\.ts is not a valid command module: data: must have toJSON\(\); execute: must be a function/,
    );
    const badName = { data: { toJSON: () => ({ name: 'Bad Name', description: 'x' }) }, execute: () => undefined };
    expect(() => checkCommandModule(badName, 'commands/x.ts')).toThrow(CommandLoadError);
  });

  it('refuses two modules that define the same command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'commands-'));
    const source = `export default { data: { toJSON: () => ({ name: 'twin', description: 'A twin' }) }, execute: () => ({ kind: 'reply', message: { content: 'hi' } }) };\n`;
    writeFileSync(join(dir, 'a.js'), source);
    writeFileSync(join(dir, 'b.js'), source);
    await expect(loadCommands(dir)).rejects.toThrow(/b\.js defines \/twin, which another module already defines/);
  });
});
