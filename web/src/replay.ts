/**
 * The replay page: a finished game move by move. The server sends the game's own state; the reveal (every
 * strategy's run on the same puzzle) is rebuilt here with the same pure engine Discord's reveal uses, and
 * the belief after each move with the same Gaussian process.
 */
import './style.css';
import type { BakeRevealExtras } from '../../src/games/bake.js';
import type { DigRevealExtras } from '../../src/games/dig.js';
import { digFieldGrid } from '../../src/games/dig-reveal.js';
import { GAMES } from '../../src/games/index.js';
import { reveal, type Reveal, type RevealRun } from '../../src/games/reveal.js';
import type { GameId, GameState, MoveField } from '../../src/games/types.js';
import type { Trial } from '../../src/search/types.js';
import { beliefMaps, beliefSlice, unitOf } from './belief.js';
import { acquisitionChart, beliefChart, raceChart } from './charts.js';
import { formatNumber } from './controls.js';
import { mapAxesOf, spotText } from './map-coordinates.js';
import { mapPicture, wrapMaps, type MapGrid, type MapMark } from './maps.js';
import { readingLabel, readingRange, readingText } from './reading-words.js';
import { PARAM_OF_FIELD, describeParams } from './runs.js';

interface ReplayData {
  game: GameId;
  mode: string;
  finishedAt: string | null;
  expiresAt: string;
  state: GameState<unknown, unknown>;
  raced: { strategy: string; trials: { params: Record<string, number | string | boolean>; value: number }[] } | null;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const scrub = $<HTMLInputElement>('scrub');
const runSelect = $<HTMLSelectElement>('run');
const axisSelect = $<HTMLSelectElement>('axis');

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * "5 of 12 moves": how many of the run's own moves the scrubber has reached. A run that ended early (a win,
 * or giving up) has fewer moves than the budget the scrubber spans.
 */
function movesOf(run: RevealRun, shown: number): string {
  const total = run.trials.length;
  return `${shown} of ${total} ${total === 1 ? 'move' : 'moves'}`;
}

function trialsOf(run: RevealRun, count: number): Trial[] {
  return run.trials.slice(0, count).map((t, index) => (t.value === null ? { index, params: t.params, state: 'failed' } : { index, params: t.params, state: 'complete', value: t.value }));
}

async function main(): Promise<void> {
  const token = decodeURIComponent(location.pathname.split('/').pop() ?? '');
  const response = await fetch(`/api/replay/${encodeURIComponent(token)}`);
  const body = (await response.json()) as ReplayData | { error: string };
  if ('error' in body) {
    $('about').textContent = body.error;
    return;
  }
  const rules = GAMES[body.game];
  const objective = rules.objective(body.state.seed, body.state.difficulty);
  $('title').textContent = `Replay: ${rules.title}, puzzle "${body.state.seed}"`;
  $('about').textContent = 'Working out how each strategy would have played this same puzzle…';
  await nextFrame();
  const numbers: Reveal = reveal(body.state, body.raced ? { raced: body.raced } : {});
  const runs: RevealRun[] = [numbers.player, ...numbers.strategies];
  const runKey = (run: RevealRun) => run.name;
  runSelect.replaceChildren(
    ...runs.map((run) => {
      const option = document.createElement('option');
      option.value = run.name;
      option.textContent = run.name === 'player' ? 'the player' : run.label;
      return option;
    }),
  );
  const fields = rules.moveFields(body.state.difficulty).filter((f): f is MoveField & { kind: 'number' } => f.kind === 'number');
  const param = (f: MoveField) => PARAM_OF_FIELD[body.game]?.[f.name] ?? f.name;
  axisSelect.replaceChildren(
    ...fields.map((f) => {
      const option = document.createElement('option');
      option.value = param(f);
      option.textContent = f.label;
      return option;
    }),
  );
  $('axis-label').hidden = fields.length < 2;
  const budget = Math.max(...runs.map((run) => run.trials.length), 1);
  scrub.max = String(budget);
  scrub.value = String(numbers.player.trials.length);
  const finished = body.finishedAt ? new Date(body.finishedAt).toUTCString() : 'recently';
  $('about').textContent = `Finished ${finished}. ${numbers.player.trials.length} ${numbers.player.trials.length === 1 ? 'move' : 'moves'} by the player, best ${numbers.player.best ?? 'none'}; this link works until ${new Date(body.expiresAt).toUTCString()}.`;

  const axes = mapAxesOf(rules.moveFields(body.state.difficulty));
  const scale = rules.readingScale;
  // The hidden field, shown as Discord's reveal shows it once the game is over (Dig for Gold's).
  const truthMap: { grid: MapGrid; lode: { x: number; y: number } } | undefined =
    numbers.game === 'dig' ? { grid: digFieldGrid(body.state.seed, body.state.difficulty), lode: (numbers.extras as DigRevealExtras).peak } : undefined;
  $('field-section').hidden = truthMap === undefined;
  if (axes) $('axis-label').hidden = true;

  /** A game of knobs: the belief along one knob after the scrubbed move. */
  const drawSlice = (run: RevealRun, moves: number, who: string): string => {
    const field = fields.find((f) => param(f) === axisSelect.value) ?? fields[0]!;
    const axis = param(field);
    const spec = objective.space[axis];
    const valueAt = (u: number) => (spec && spec.kind !== 'categorical' ? (spec.log ? spec.low * (spec.high / spec.low) ** u : spec.low + u * (spec.high - spec.low)) : u);
    const valueToUnit = (x: number) => (spec && spec.kind === 'float' && !spec.log ? (x - spec.low) / (spec.high - spec.low) : unitOf(objective, axis, { [axis]: x }));
    const axisLabel = field.unit ? `${field.label} (${field.unit})` : field.label;
    const shown = trialsOf(run, moves);
    const base = shown.at(-1)?.params ?? {};
    const slice = beliefSlice(objective, shown, axis, base, scale.spread);
    const description = slice
      ? `${who} after ${movesOf(run, shown.length)}: expected improvement peaks at ${formatNumber(valueAt(slice.peak))}.`
      : `${who} before the first move: no belief yet.`;
    const truth =
      numbers.game === 'bake' && axis === 'bakeTime' ? (numbers.extras as BakeRevealExtras).trueCurve.map((p) => ({ unit: valueToUnit(p.x), value: p.y })) : undefined;
    $('belief-chart').replaceChildren(
      beliefChart({
        slice,
        probes: shown.map((t, i) => ({ unit: unitOf(objective, axis, t.params), value: t.value ?? null, run: run.name, label: String(i + 1) })),
        axisLabel,
        formatValue: formatNumber,
        valueAt,
        yLabel: readingLabel(rules),
        yRange: readingRange(rules, [...shown.map((t) => t.value ?? null), ...(truth ?? []).map((p) => p.value)]),
        description: truth ? `${description} The dotted line is the hidden truth.` : description,
        ...(truth ? { truth } : {}),
      }),
    );
    $('acquisition-chart').replaceChildren(acquisitionChart(slice, axisLabel, formatNumber, valueAt));
    return description;
  };

  /** A 2-D game: the run's digs on the uncovered field, and the belief and acquisition maps after the scrubbed move. */
  const drawMaps = (run: RevealRun, moves: number, who: string, map: NonNullable<typeof axes>): string => {
    const shown = trialsOf(run, moves);
    const marks: MapMark[] = shown.map((t, i) => ({ x: Number(t.params[map.x.name]), y: Number(t.params[map.y.name]), run: run.name, label: String(i + 1) }));
    const spot = (p: { x: number; y: number }) => spotText(map.x, map.y, p);
    const whose = who === 'The player' ? "the player's" : `${who}'s`;
    const common = { x: map.x, y: map.y, size: 300 };
    if (truthMap) {
      const lodeText = `The richest spot (the star) is at ${spot(truthMap.lode)}.`;
      const text = `The hidden field with ${whose} first ${movesOf(run, shown.length)}. ${lodeText}`;
      $('map-chart').replaceChildren(
        mapPicture({ ...common, size: 360, title: 'The hidden field', description: text, grid: truthMap.grid, ...(scale.unit ? { gridUnit: scale.unit } : {}), marks, lode: truthMap.lode, className: 'truth' }),
      );
      $('field-summary').textContent = text;
    }
    // Bayesian search's own moves are read with the model it had (see src/search/gp/restarts.ts).
    const maps = beliefMaps(objective, shown, scale.spread, run.name === 'bayes' ? { strategyBudget: budget } : {});
    if (maps === undefined) {
      const empty = (title: string, className: string) => mapPicture({ ...common, title, description: `${title}: none before the first move.`, marks: [], className });
      $('belief-chart').replaceChildren(wrapMaps(empty('Belief (mean)', 'mean'), empty('Uncertainty (sd)', 'sd')));
      $('acquisition-chart').replaceChildren(empty('Expected improvement', 'acquisition'));
      return `${who} before the first move: no belief yet.`;
    }
    const grid = (values: Float64Array): MapGrid => ({ xs: maps.xs, ys: maps.ys, values });
    const unit = scale.unit ? { gridUnit: scale.unit } : {};
    const nextText = `expected improvement peaks at ${spot(maps.peak)}, where Bayesian search would dig next.`;
    const movesText = movesOf(run, shown.length);
    // Only Bayesian search's own run had this belief; for any other run it is what Bayes would make of those moves.
    const meanText =
      run.name === 'bayes'
        ? `What Bayesian search believed about the ${scale.name} after ${movesText}.`
        : `What Bayesian search would believe about the ${scale.name} from ${whose} first ${movesText}.`;
    $('belief-chart').replaceChildren(
      wrapMaps(
        mapPicture({ ...common, title: 'Belief (mean)', description: meanText, grid: grid(maps.mean), ...unit, marks, className: 'mean' }),
        mapPicture({ ...common, title: 'Uncertainty (sd)', description: `How unsure that belief was after ${movesText}: surest beside the moves.`, grid: grid(maps.sd), ...unit, marks, className: 'sd' }),
      ),
    );
    $('acquisition-chart').replaceChildren(
      mapPicture({ ...common, title: 'Expected improvement', description: `After ${movesText}, ${nextText}`, grid: grid(maps.expectedImprovement), marks, next: maps.peak, className: 'acquisition' }),
    );
    return `${who} after ${movesText}: ${nextText}`;
  };

  const draw = () => {
    const moves = Number(scrub.value);
    const run = runs.find((r) => runKey(r) === runSelect.value) ?? numbers.player;
    const who = run.name === 'player' ? 'The player' : run.label;
    const description = axes ? drawMaps(run, moves, who, axes) : drawSlice(run, moves, who);
    $('belief-summary').textContent = description;
    $('move').textContent = `Move ${moves} of ${budget}`;
    scrub.setAttribute('aria-valuetext', `Move ${moves} of ${budget}`);
    const lines = runs.map((r) => ({ run: r.name, label: r.name === 'player' ? 'Player' : r.label, best: r.trials.slice(0, moves).map((t) => t.best) }));
    $('race-chart').replaceChildren(raceChart(lines, budget, readingLabel(rules), readingRange(rules, lines.flatMap((line) => line.best))));
    $('probes').replaceChildren(
      ...run.trials.slice(0, moves).map((t) => {
        const item = document.createElement('li');
        item.textContent = `${describeParams(rules, body.state.difficulty, t.params)}: ${readingText(rules, t.value)}`;
        return item;
      }),
    );
    document.body.dataset.move = String(moves);
  };
  scrub.addEventListener('input', draw);
  runSelect.addEventListener('change', draw);
  axisSelect.addEventListener('change', draw);
  $('previous').addEventListener('click', () => {
    scrub.value = String(Math.max(0, Number(scrub.value) - 1));
    draw();
  });
  $('next').addEventListener('click', () => {
    scrub.value = String(Math.min(budget, Number(scrub.value) + 1));
    draw();
  });
  $('replay').hidden = false;
  draw();
}

void main().catch(() => {
  $('about').textContent = 'This replay could not be shown. Check the link, or open the playground.';
});
