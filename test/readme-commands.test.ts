/** The README's command table marks required options as `name:<…>` and optional ones as `[name]`, as the definitions do. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCommands } from '../src/command-layer/loader.js';
import { REPO_ROOT } from './e2e/harness.js';

describe('README command table', () => {
  it('shows each option as required or optional as the command defines it', async () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const commands = await loadCommands();
    const rows = [...readme.matchAll(/^\| `\/([a-z-]+)([^`]*)`/gm)];
    expect(rows.length).toBeGreaterThan(5);
    for (const [, name = '', usage = ''] of rows) {
      const definition = commands.get(name)?.data.toJSON();
      expect(definition, `/${name}`).toBeDefined();
      const options = new Map<string, boolean>();
      const collect = (list: readonly { name: string; required?: boolean; options?: unknown }[] | undefined) => {
        for (const option of list ?? []) {
          if (option.options) collect(option.options as typeof list);
          else options.set(option.name, option.required === true);
        }
      };
      collect(definition?.options);
      for (const [, option = ''] of usage.matchAll(/([a-z-]+):</g)) expect(options.get(option), `/${name} ${option} shown as required`).toBe(true);
      for (const [, option = ''] of usage.matchAll(/\[([a-z-]+)\]/g)) expect(options.get(option), `/${name} [${option}] shown as optional`).toBe(false);
    }
  });
});
