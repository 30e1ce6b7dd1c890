import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { braninObjective } from '../../src/search/objectives/benchmarks.js';
import { STRATEGY_NAMES } from '../../src/search/strategies/index.js';
import { compiledEntry } from '../e2e/harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI as `npm run search` does (the compiled CLI through scripts/start.mjs), in one Node process
 * rather than two (npm, node): several run at once here, and on a busy machine each extra process costs
 * seconds.
 */
function search(...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, compiledEntry('src/cli/search.ts', ...args), { cwd: root, timeout: 80_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('search CLI', { timeout: 90_000 }, () => {
  it('prints one JSON object with every trial and the best', async () => {
    const [first, again] = await Promise.all([
      search('--objective', 'branin', '--strategy', 'tpe', '--budget', '15', '--seed', 'cli', '--json'),
      search('--objective', 'branin', '--strategy', 'tpe', '--budget', '15', '--seed', 'cli', '--json'),
    ]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout) as {
      objective: string;
      strategy: string;
      seed: string;
      budget: number;
      direction: string;
      trials: { index: number; params: Record<string, number>; value: number; best: number }[];
      best: { params: Record<string, number>; value: number };
      seconds: number;
    };
    expect(result).toMatchObject({ objective: 'branin', strategy: 'tpe', seed: 'cli', budget: 15, direction: 'minimize' });
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['trials', 'best', 'seconds']));
    expect(result.trials).toHaveLength(15);
    for (const trial of result.trials) {
      expect(Object.keys(trial).sort()).toEqual(['best', 'index', 'params', 'value']);
      expect(trial.value).toBeCloseTo(braninObjective.evaluate(trial.params), 10);
    }
    expect(result.best.value).toBe(Math.min(...result.trials.map((t) => t.value)));
    expect(result.trials.at(-1)?.best).toBe(result.best.value);
    expect(result.seconds).toBeGreaterThanOrEqual(0);
    // Same seed, same search: only the timing may differ.
    const { seconds: _a, ...firstRest } = result;
    const { seconds: _b, ...againRest } = JSON.parse(again.stdout) as typeof result;
    expect(againRest).toEqual(firstRest);
  });

  it('prints a readable table without --json, and lists objectives and strategies', async () => {
    const [table, list] = await Promise.all([
      search('--objective', 'branin-training', '--strategy', 'hyperband', '--budget', '12'),
      search('--list'),
    ]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/fidelity/);
    expect(table.stdout).toMatch(/Best: [\d.]+ at x1=/);
    expect(table.stdout.split('\n').filter((line) => /^\s+\d+\s/.test(line))).toHaveLength(12);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/branin\s+Branin: 2 parameters/);
    expect(list.stdout).toMatch(/hartmann6/);
    for (const name of STRATEGY_NAMES) expect(list.stdout).toMatch(new RegExp(`^  ${name}\\s`, 'm'));
  });

  it.concurrent.each([
    [['--objective', 'nope', '--strategy', 'random'], /Unknown objective "nope". Choose one of: branin/],
    [['--objective', 'branin', '--strategy', 'annealing'], /Unknown strategy "annealing"/],
    [['--objective', 'branin', '--strategy', 'random', '--budget', 'ten'], /--budget must be a whole number/],
    [['--objective', 'branin', '--strategy', 'random', '--budget', '0'], /--budget must be a whole number/],
    [['--objective', 'branin', '--strategy', 'random', '--budget', '2.5'], /--budget must be a whole number/],
    [['--objective', 'branin'], /--strategy is required/],
    [['--objective', 'branin', '--strategy', 'random', '--colour', 'red'], /colour/],
  ])('exits with 2 and says why for %j', async (args, message) => {
    const outcome = await search(...args);
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toMatch(message);
  });
});
