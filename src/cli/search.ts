/**
 * Runs one search from the command line:
 *   npm run --silent search -- --objective branin --strategy tpe --budget 30 --seed s1 [--json]
 *   npm run --silent search -- --list
 * Bad input is reported on stderr with exit code 2; a run that breaks exits with 1.
 */
import { parseArgs } from 'node:util';
import { objectiveCatalog, findObjective } from '../objective-catalog.js';
import { replay, type Replay } from '../search/replay.js';
import { createStrategy, STRATEGY_NAMES } from '../search/strategies/index.js';
import type { Objective, Params } from '../search/types.js';

const DEFAULT_BUDGET = 30;
const DEFAULT_SEED = 'tuning-fork';
const MAX_BUDGET = 10_000;

const USAGE = `Usage: npm run --silent search -- --objective NAME --strategy NAME [--budget N] [--seed S]
         [--puzzle-seed P] [--difficulty D] [--json]
       npm run --silent search -- --list
Budget defaults to ${DEFAULT_BUDGET}, seed to "${DEFAULT_SEED}".`;

class UsageError extends Error {}

interface Run {
  readonly replay: Replay;
  readonly objective: Objective;
  readonly seconds: number;
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        objective: { type: 'string' },
        strategy: { type: 'string' },
        budget: { type: 'string' },
        seed: { type: 'string' },
        'puzzle-seed': { type: 'string' },
        difficulty: { type: 'string' },
        json: { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function parseBudget(text: string | undefined): number {
  if (text === undefined) return DEFAULT_BUDGET;
  const budget = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(budget) || budget < 1 || budget > MAX_BUDGET) {
    throw new UsageError(`--budget must be a whole number from 1 to ${MAX_BUDGET}, got "${text}"`);
  }
  return budget;
}

function listing(): string {
  const objectives = objectiveCatalog().map((factory) => `  ${factory.name.padEnd(18)} ${factory.description}`);
  const strategies = STRATEGY_NAMES.map((name) => `  ${name.padEnd(18)} ${createStrategy(name).label}`);
  return ['Objectives:', ...objectives, '', 'Strategies:', ...strategies].join('\n');
}

const formatNumber = (value: number | null): string => (value === null ? 'failed' : Number(value.toPrecision(6)).toString());
const formatParams = (params: Params): string =>
  Object.entries(params)
    .map(([name, value]) => `${name}=${typeof value === 'number' ? formatNumber(value) : String(value)}`)
    .join(' ');

function table(run: Run): string {
  const { replay: result } = run;
  const hasFidelity = result.trials.some((trial) => trial.fidelity !== undefined);
  const rows = result.trials.map((trial) =>
    [
      String(trial.index).padStart(4),
      formatNumber(trial.value).padStart(12),
      formatNumber(trial.best).padStart(12),
      ...(hasFidelity ? [String(trial.fidelity ?? '').padStart(8)] : []),
      `  ${formatParams(trial.params)}`,
    ].join(' '),
  );
  const header = ['   #', 'value'.padStart(12), 'best'.padStart(12), ...(hasFidelity ? ['fidelity'.padStart(8)] : []), '  params'].join(' ');
  return [
    `${run.objective.name} (${result.direction}) with ${result.strategy}, budget ${result.budget}, seed "${result.seed}"`,
    header,
    ...rows,
    '',
    `Best: ${formatNumber(result.best.value)} at ${formatParams(result.best.params)}`,
    ...(result.regret === undefined ? [] : [`Regret (distance from the known optimum ${run.objective.optimum}): ${formatNumber(result.regret)}`]),
    `Took ${run.seconds.toFixed(3)} s`,
  ].join('\n');
}

function toJson(run: Run): string {
  const { replay: result } = run;
  return JSON.stringify({
    objective: result.objective,
    strategy: result.strategy,
    seed: result.seed,
    budget: result.budget,
    direction: result.direction,
    trials: result.trials.map((trial) => ({
      index: trial.index,
      params: trial.params,
      value: trial.value,
      best: trial.best,
      ...(trial.fidelity === undefined ? {} : { fidelity: trial.fidelity }),
      ...(trial.failure === undefined ? {} : { failure: trial.failure }),
    })),
    best: result.best,
    ...(result.regret === undefined ? {} : { regret: result.regret }),
    seconds: run.seconds,
  });
}

function main(argv: readonly string[]): number {
  let values: ReturnType<typeof parse>;
  let objective: Objective;
  let budget: number;
  let strategyName: string;
  let seed: string;
  try {
    values = parse(argv);
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (values.list) {
      process.stdout.write(`${listing()}\n`);
      return 0;
    }
    if (values.objective === undefined) throw new UsageError('--objective is required (see --list)');
    if (values.strategy === undefined) throw new UsageError('--strategy is required (see --list)');
    budget = parseBudget(values.budget);
    seed = values.seed ?? DEFAULT_SEED;
    if (seed.trim() === '') throw new UsageError('--seed must not be empty');
    strategyName = values.strategy;
    createStrategy(strategyName);
    const factory = findObjective(values.objective);
    objective = factory.create({
      ...(values['puzzle-seed'] === undefined ? {} : { puzzleSeed: values['puzzle-seed'] }),
      ...(values.difficulty === undefined ? {} : { difficulty: values.difficulty }),
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }

  const started = performance.now();
  const result = replay({ objective, strategy: strategyName, budget, seed });
  const run: Run = { replay: result, objective, seconds: (performance.now() - started) / 1000 };
  process.stdout.write(`${values.json ? toJson(run) : table(run)}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`Search failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
