/**
 * The playground page: probe a puzzle, watch the Gaussian process's belief and its expected improvement
 * move after every probe, let a strategy play step by step, race them. Everything is computed here, in
 * the browser, with the project's own games and search engine; the server only serves topic text.
 */
import './style.css';
import { MoveError } from '../../src/games/types.js';
import type { GameId, MoveField, MoveInput } from '../../src/games/types.js';
import type { Params } from '../../src/search/types.js';
import { startActivity } from './activity.js';
import { beliefSlice, unitOf, type BeliefSlice } from './belief.js';
import { acquisitionChart, beliefChart, raceChart, type PlottedProbe } from './charts.js';
import { buildControls, formatNumber, type ControlSet } from './controls.js';
import { fetchTopic, showTopic } from './explanation.js';
import { READING_UNIT } from './readings.js';
import { bestSoFar, PARAM_OF_FIELD, probe, RUN_LABELS, startPuzzle, stepStrategy, STRATEGY_RUNS, type Puzzle, type RunName } from './runs.js';

const PLAYGROUND_GAMES: readonly GameId[] = ['bake', 'train'];
const DEFAULT_MOVES: Partial<Record<GameId, MoveInput>> = {
  bake: { minutes: 15 },
  train: { learningRate: 0.1, epochs: 20, hiddenUnits: 16, batchSize: '32', weightDecay: 0.0001 },
};
const STRATEGY_TOPICS: Readonly<Record<RunName, string | undefined>> = { you: undefined, grid: 'grid-search', random: 'random-search', bayes: 'bayesian-optimisation' };
const PROBE_WORDS: Partial<Record<GameId, string>> = { bake: 'Bake', train: 'Train' };

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const gameSelect = $<HTMLSelectElement>('game');
const seedInput = $<HTMLInputElement>('seed');
const levelSelect = $<HTMLSelectElement>('level');
const axisSelect = $<HTMLSelectElement>('axis');
const form = $<HTMLFormElement>('controls');
const status = $<HTMLParagraphElement>('status');

let puzzle: Puzzle;
let controls: ControlSet;
let viewing: RunName = 'you';
let busy = false;

function freshSeed(): string {
  const words = ['maple', 'oak', 'birch', 'cedar', 'willow', 'rowan', 'hazel', 'aspen'];
  const bytes = crypto.getRandomValues(new Uint8Array(2));
  return `${words[(bytes[0] ?? 0) % words.length]}-${(bytes[1] ?? 0) % 100}`;
}

function say(text: string, isError = false): void {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

/** The engine parameter a move field sets. */
const paramName = (field: MoveField) => PARAM_OF_FIELD[puzzle.game]?.[field.name] ?? field.name;

function currentParams(): Params {
  const input = controls.read();
  const params: Record<string, number | string> = {};
  for (const field of controls.fields) {
    const value = input[field.name];
    if (value !== undefined) params[paramName(field)] = Number.isNaN(Number(value)) ? value : Number(value);
  }
  return params;
}

function axisField(): MoveField & { kind: 'number' } {
  const fields = controls.fields.filter((f): f is MoveField & { kind: 'number' } => f.kind === 'number');
  return fields.find((f) => paramName(f) === axisSelect.value) ?? fields[0]!;
}

function valueAt(unit: number): number {
  const field = axisField();
  const names = Object.keys(puzzle.objective.space);
  const spec = puzzle.objective.space[paramName(field)];
  if (!spec || spec.kind === 'categorical') return unit;
  void names;
  return spec.log ? spec.low * (spec.high / spec.low) ** unit : spec.low + unit * (spec.high - spec.low);
}

function describeBelief(slice: BeliefSlice | undefined, axisLabel: string): string {
  const run = puzzle.runs[viewing];
  if (!slice) return `${RUN_LABELS[viewing]}: no probes yet, so no belief. Make a probe and the belief appears.`;
  let top = 0;
  slice.mean.forEach((m, i) => {
    if (m > (slice.mean[top] ?? -Infinity)) top = i;
  });
  return `${RUN_LABELS[viewing]}, after ${run.trials.length} ${run.trials.length === 1 ? 'probe' : 'probes'}: the belief is highest (${formatNumber(slice.mean[top] ?? 0)}) at ${axisLabel} ${formatNumber(slice.values[top] ?? 0)}; expected improvement peaks at ${formatNumber(valueAt(slice.peak))}, where Bayesian search would probe next.`;
}

/** Redraws the belief, acquisition and race from the puzzle as it stands. */
function draw(cursorUnit?: number): void {
  const field = axisField();
  const axis = paramName(field);
  const axisLabel = field.unit ? `${field.label} (${field.unit})` : field.label;
  const run = puzzle.runs[viewing];
  const base = currentParams();
  const slice = beliefSlice(puzzle.objective, run.trials, axis, base);
  const probes: PlottedProbe[] = run.probes.map((p, i) => ({ unit: unitOf(puzzle.objective, axis, p.params), value: p.value, run: viewing, label: String(i + 1) }));
  const yLabel = READING_UNIT[puzzle.game] ?? 'reading';
  const description = describeBelief(slice, axisLabel);
  $('belief-chart').replaceChildren(
    beliefChart({ slice, probes, axisLabel, formatValue: formatNumber, valueAt, yLabel, yRange: [0, 100], description, ...(cursorUnit === undefined ? {} : { cursor: cursorUnit }) }),
  );
  $('acquisition-chart').replaceChildren(acquisitionChart(slice, axisLabel, formatNumber, valueAt));
  $('belief-summary').textContent = description;
  const lines = (['you', ...STRATEGY_RUNS] as const).map((name) => ({ run: name, label: RUN_LABELS[name], best: bestSoFar(puzzle, puzzle.runs[name]) }));
  $('race-chart').replaceChildren(raceChart(lines, puzzle.budget, yLabel, [0, 100]));
  const list = $('probes');
  list.replaceChildren(
    ...run.probes.map((p) => {
      const item = document.createElement('li');
      item.textContent = p.text;
      return item;
    }),
  );
  list.setAttribute('aria-label', `${RUN_LABELS[viewing]}'s probes`);
  document.body.dataset.probes = String(run.probes.length);
}

function showRuns(): void {
  const target = $('view-runs');
  target.replaceChildren(
    ...(['you', ...STRATEGY_RUNS] as const).map((name) => {
      const label = document.createElement('label');
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'view-run';
      radio.value = name;
      radio.checked = name === viewing;
      radio.addEventListener('change', () => {
        viewing = name;
        draw();
        void explain();
      });
      label.append(radio, ` ${RUN_LABELS[name]} (${puzzle.runs[name].trials.length}/${puzzle.budget})`);
      return label;
    }),
  );
}

async function explain(): Promise<void> {
  const level = Number(levelSelect.value);
  const slug = STRATEGY_TOPICS[viewing] ?? puzzle.rules.topic;
  showTopic($('explanation'), await fetchTopic(slug, level), level);
}

function saveToUrl(): void {
  const url = new URL(location.href);
  url.searchParams.set('game', puzzle.game);
  url.searchParams.set('seed', puzzle.seed);
  url.searchParams.set('level', levelSelect.value);
  history.replaceState(null, '', url);
}

function newPuzzle(): void {
  const game = gameSelect.value as GameId;
  const seed = seedInput.value.trim() || freshSeed();
  try {
    puzzle = startPuzzle(game, seed);
  } catch (error) {
    say(error instanceof MoveError ? error.message : 'That puzzle could not be started.', true);
    return;
  }
  seedInput.value = puzzle.seed;
  viewing = 'you';
  $('blurb').textContent = `${puzzle.rules.title}: ${puzzle.rules.blurb}`;
  controls = buildControls(form, puzzle.rules.moveFields(puzzle.difficulty), DEFAULT_MOVES[game] ?? {}, () => draw(cursor()));
  $('probe').textContent = PROBE_WORDS[game] ?? 'Probe';
  // A one-knob game probes where the slider is let go, as well as by the button or Enter.
  if (controls.fields.length === 1) {
    const [only] = controls.sliders.values();
    only?.addEventListener('pointerup', () => void makeProbe());
  }
  axisSelect.replaceChildren(
    ...controls.fields
      .filter((f) => f.kind === 'number')
      .map((f) => {
        const option = document.createElement('option');
        option.value = paramName(f);
        option.textContent = f.label;
        return option;
      }),
  );
  $('axis-label').hidden = axisSelect.options.length < 2;
  say(`New puzzle "${puzzle.seed}". ${puzzle.budget} probes.`);
  showRuns();
  draw();
  saveToUrl();
  void explain();
}

/** Where the axis knob's control stands now, as a unit position, for the cursor line. */
function cursor(): number {
  return unitOf(puzzle.objective, paramName(axisField()), currentParams());
}

/** Lets the browser paint the "working" message before a slow, synchronous step (training a network). */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

async function makeProbe(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    if (puzzle.game === 'train') {
      say('Training…');
      await nextFrame();
    }
    performance.mark('probe-start');
    const made = probe(puzzle, controls.read());
    viewing = 'you';
    showRuns();
    draw();
    performance.measure('probe-to-belief', 'probe-start');
    const left = puzzle.budget - puzzle.runs.you.trials.length;
    const end = puzzle.state.status === 'won' ? ' You won!' : puzzle.state.status !== 'playing' ? ' That was your last probe.' : ` ${left} left.`;
    say(`Probe ${puzzle.runs.you.trials.length}: ${made.text}.${end}`);
  } catch (error) {
    say(error instanceof MoveError ? error.message : `That probe failed: ${String(error)}`, true);
  } finally {
    busy = false;
  }
}

async function letPlay(name: (typeof STRATEGY_RUNS)[number]): Promise<boolean> {
  say(`${RUN_LABELS[name]} is choosing…`);
  await nextFrame();
  const made = stepStrategy(puzzle, name);
  viewing = name;
  showRuns();
  draw();
  say(made ? `${RUN_LABELS[name]}, probe ${puzzle.runs[name].trials.length}: ${made.text}.` : `${RUN_LABELS[name]} has used all ${puzzle.budget} probes.`);
  return made !== undefined;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void makeProbe();
});
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-strategy]')) {
  button.addEventListener('click', async () => {
    if (busy) return;
    busy = true;
    try {
      await letPlay(button.dataset.strategy as (typeof STRATEGY_RUNS)[number]);
      void explain();
    } finally {
      busy = false;
    }
  });
}
$('race').addEventListener('click', async () => {
  if (busy) return;
  busy = true;
  try {
    // Turn by turn, so the race chart grows as they go.
    for (let turn = 0; turn < puzzle.budget; turn++) {
      for (const name of STRATEGY_RUNS) await letPlay(name);
    }
    say('The race is run: compare the best-so-far lines.');
  } finally {
    busy = false;
  }
});
$('new-puzzle').addEventListener('click', () => {
  seedInput.value = '';
  newPuzzle();
});
gameSelect.addEventListener('change', newPuzzle);
seedInput.addEventListener('change', newPuzzle);
levelSelect.addEventListener('change', () => {
  saveToUrl();
  void explain();
});
axisSelect.addEventListener('change', () => draw());

const query = new URLSearchParams(location.search);
const requestedGame = query.get('game');
if (requestedGame && (PLAYGROUND_GAMES as readonly string[]).includes(requestedGame)) gameSelect.value = requestedGame;
seedInput.value = query.get('seed') ?? freshSeed();
if (/^[1-5]$/.test(query.get('level') ?? '')) levelSelect.value = query.get('level')!;
newPuzzle();
void startActivity(query, (text) => ($('who').textContent = text));
