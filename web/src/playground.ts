/**
 * The playground page: probe a puzzle, watch the Gaussian process's belief and its expected improvement
 * move after every probe, let a strategy play step by step, race them. Everything is computed here, in
 * the browser, with the project's own games and search engine; the server only serves topic text.
 */
import './style.css';
import { digFieldGrid } from '../../src/games/dig-reveal.js';
import { goldPeak } from '../../src/games/dig.js';
import { MoveError } from '../../src/games/types.js';
import type { GameId, MoveField, MoveInput } from '../../src/games/types.js';
import { isFlat } from '../../src/pictures/heat-map.js';
import { highestCell } from '../../src/search/belief-map.js';
import type { Params } from '../../src/search/types.js';
import { startActivity } from './activity.js';
import { beliefMaps, beliefSlice, unitOf, type BeliefSlice } from './belief.js';
import { acquisitionChart, beliefChart, raceChart, type PlottedProbe } from './charts.js';
import { buildControls, formatNumber, type ControlSet } from './controls.js';
import { fetchTopic, showTopic } from './explanation.js';
import { withUnit } from './format.js';
import { mapAxesOf, moveCursor, pixelToField, snapToAxis, spotText as spotOnField, type FieldPoint, type MapAxis, type MapFrame } from './map-coordinates.js';
import { mapFrameOf, mapPicture, placeCursor, wrapMaps, type MapMark, type MapPictureOptions } from './maps.js';
import { readingLabel, readingRange } from './reading-words.js';
import { bestSoFar, PARAM_OF_FIELD, probe, RUN_LABELS, startPuzzle, stepStrategy, STRATEGY_RUNS, type Puzzle, type Run, type RunName } from './runs.js';

const PLAYGROUND_GAMES: readonly GameId[] = ['bake', 'dig', 'train'];
const DEFAULT_MOVES: Partial<Record<GameId, MoveInput>> = {
  bake: { minutes: 15 },
  dig: { x: 50, y: 50 },
  train: { learningRate: 0.1, epochs: 20, hiddenUnits: 16, batchSize: '32', weightDecay: 0.0001 },
};
const STRATEGY_TOPICS: Readonly<Record<RunName, string | undefined>> = { you: undefined, grid: 'grid-search', random: 'random-search', bayes: 'bayesian-optimisation' };
const PROBE_WORDS: Partial<Record<GameId, string>> = { bake: 'Bake', dig: 'Dig', train: 'Train' };
/** Picture sizes (their own coordinates; the page scales them): the field you click, and the belief maps. */
const FIELD_MAP_SIZE = 440;
const BELIEF_MAP_SIZE = 300;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const gameSelect = $<HTMLSelectElement>('game');
const seedInput = $<HTMLInputElement>('seed');
const levelSelect = $<HTMLSelectElement>('level');
const axisSelect = $<HTMLSelectElement>('axis');
const form = $<HTMLFormElement>('controls');
const status = $<HTMLParagraphElement>('status');
const fieldMap = $<HTMLDivElement>('field-map');
const mapCursorText = $<HTMLParagraphElement>('map-cursor');

let puzzle: Puzzle;
let controls: ControlSet;
let viewing: RunName = 'you';
let busy = false;
/** A 2-D game's map: its axes (the two move fields), the drawn field picture, and the cursor on it. */
let map: { x: MapAxis; y: MapAxis; svg?: SVGSVGElement; frame?: MapFrame; cursor: FieldPoint } | undefined;

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
  const belief = isFlat(slice.mean)
    ? `the belief is ${formatNumber(slice.mean[top] ?? 0)} all along ${axisLabel}, as one probe cannot show where it rises`
    : `the belief is highest (${formatNumber(slice.mean[top] ?? 0)}) at ${axisLabel} ${formatNumber(slice.values[top] ?? 0)}`;
  return `${RUN_LABELS[viewing]}, after ${run.trials.length} ${run.trials.length === 1 ? 'probe' : 'probes'}: ${belief}; expected improvement peaks at ${formatNumber(valueAt(slice.peak))}, where Bayesian search would probe next.`;
}

/** Redraws the belief, acquisition and race from the puzzle as it stands. */
function draw(cursorUnit?: number): void {
  const run = puzzle.runs[viewing];
  if (map) drawMaps(run);
  else drawSlice(run, cursorUnit);
  const lines = (['you', ...STRATEGY_RUNS] as const).map((name) => ({ run: name, label: RUN_LABELS[name], best: bestSoFar(puzzle, puzzle.runs[name]) }));
  const range = readingRange(puzzle.rules, lines.flatMap((line) => line.best));
  $('race-chart').replaceChildren(raceChart(lines, puzzle.budget, readingLabel(puzzle.rules), range));
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

/** A game of knobs: the belief and the acquisition along one knob, the others where the controls stand. */
function drawSlice(run: Run, cursorUnit?: number): void {
  const field = axisField();
  const axis = paramName(field);
  const axisLabel = field.unit ? `${field.label} (${field.unit})` : field.label;
  const base = currentParams();
  const slice = beliefSlice(puzzle.objective, run.trials, axis, base, puzzle.rules.readingScale.spread);
  const probes: PlottedProbe[] = run.probes.map((p, i) => ({ unit: unitOf(puzzle.objective, axis, p.params), value: p.value, run: viewing, label: String(i + 1) }));
  const description = describeBelief(slice, axisLabel);
  const yRange = readingRange(puzzle.rules, [...probes.map((p) => p.value), ...(slice?.mean ?? [])]);
  $('belief-chart').replaceChildren(
    beliefChart({ slice, probes, axisLabel, formatValue: formatNumber, valueAt, yLabel: readingLabel(puzzle.rules), yRange, description, ...(cursorUnit === undefined ? {} : { cursor: cursorUnit }) }),
  );
  $('acquisition-chart').replaceChildren(acquisitionChart(slice, axisLabel, formatNumber, valueAt));
  $('belief-summary').textContent = description;
}

// ---- A 2-D game: the field is a map to click, the belief and the acquisition are maps ----------------------

function spotText(point: FieldPoint): string {
  return map ? spotOnField(map.x, map.y, point) : '';
}

function pointOf(params: Params): FieldPoint {
  return { x: Number(params[map!.x.name]), y: Number(params[map!.y.name]) };
}

/**
 * The field map's picture: hidden while your game goes on, and once it is over (a win, or the last dig)
 * uncovered with the mother lode starred, as Dig for Gold's reveal and the replay show it.
 */
function fieldContents(digsText: string, reading: (value: number) => string): Pick<MapPictureOptions, 'title' | 'description' | 'grid' | 'gridUnit' | 'lode'> {
  if (puzzle.game !== 'dig' || puzzle.state.status === 'playing') {
    return { title: 'The field: click to dig', description: `${digsText} What lies beneath stays hidden until the game is over.` };
  }
  const lode = goldPeak(puzzle.seed, puzzle.difficulty);
  const unit = puzzle.rules.readingScale.unit;
  return {
    title: 'The field, uncovered',
    description: `${digsText} The game is over, so the gold is shown: the richest spot (the star) is at ${spotText(lode)}, with ${reading(lode.grams)}.`,
    grid: digFieldGrid(puzzle.seed, puzzle.difficulty),
    ...(unit ? { gridUnit: unit } : {}),
    lode,
  };
}

function drawMaps(run: Run): void {
  const axes = map!;
  const reading = (value: number) => withUnit(value, puzzle.rules.readingScale.unit);
  const who = RUN_LABELS[viewing];
  const marks: MapMark[] = run.probes.map((p, i) => ({ ...pointOf(p.params), run: viewing, label: String(i + 1) }));
  const maps = beliefMaps(puzzle.objective, run.trials, puzzle.rules.readingScale.spread, viewing === 'bayes' ? { strategyBudget: puzzle.budget } : {});
  const best = run.probes.reduce<{ value: number; params: Params } | undefined>((top, p) => (p.value !== null && (top === undefined || p.value > top.value) ? { value: p.value, params: p.params } : top), undefined);
  const digs = run.probes.length;
  const digsText = digs === 0 ? `${who}: no digs yet.` : `${who}: ${digs} ${digs === 1 ? 'dig' : 'digs'}${best ? `, the best ${reading(best.value)} at ${spotText(pointOf(best.params))}` : ''}.`;
  const common = { x: axes.x, y: axes.y };
  const fieldOptions = { ...common, size: FIELD_MAP_SIZE };
  const fieldPicture = { ...fieldOptions, ...fieldContents(digsText, reading) };
  const field = mapPicture({ ...fieldPicture, marks, className: 'field' });
  axes.svg = field;
  // The uncovered field has a colour key, which narrows the plotted square: clicks are read in the frame drawn.
  axes.frame = mapFrameOf(fieldPicture);
  fieldMap.replaceChildren(field);
  placeCursor(field, axes.frame, axes.cursor);
  const size = BELIEF_MAP_SIZE;
  const unit = puzzle.rules.readingScale.unit;
  const meanTitle = `Belief: expected ${puzzle.rules.readingScale.name} (mean)`;
  if (maps === undefined) {
    const empty = (title: string, className: string) =>
      mapPicture({ ...common, size, title, description: `${title}: appears after the first dig.`, marks: [], className });
    $('belief-chart').replaceChildren(wrapMaps(empty(meanTitle, 'mean'), empty('Uncertainty (sd)', 'sd')));
    $('acquisition-chart').replaceChildren(empty('Expected improvement', 'acquisition'));
    $('belief-summary').textContent = `${digsText} No belief before the first dig: dig once and the maps appear.`;
    return;
  }
  const top = highestCell(maps, maps.mean);
  const unsure = highestCell(maps, maps.sd);
  const next = maps.peak;
  const meanText = isFlat(maps.mean)
    ? `The belief is ${reading(top.value)} everywhere: one dig cannot show where the gold rises.`
    : `The belief is richest (${reading(top.value)}) near ${spotText(top.point)}.`;
  const sdText = `The belief is least sure (± ${reading(unsure.value)}) near ${spotText(unsure.point)}, and surest beside the digs.`;
  const nextText = `Expected improvement peaks at ${spotText(next)}: Bayes would dig here next.`;
  $('belief-chart').replaceChildren(
    wrapMaps(
      mapPicture({ ...common, size, title: meanTitle, description: meanText, grid: { xs: maps.xs, ys: maps.ys, values: maps.mean }, ...(unit ? { gridUnit: unit } : {}), marks, className: 'mean' }),
      mapPicture({ ...common, size, title: 'Uncertainty (sd)', description: sdText, grid: { xs: maps.xs, ys: maps.ys, values: maps.sd }, ...(unit ? { gridUnit: unit } : {}), marks, className: 'sd' }),
    ),
  );
  $('acquisition-chart').replaceChildren(
    mapPicture({ ...common, size, title: 'Expected improvement', description: nextText, grid: { xs: maps.xs, ys: maps.ys, values: maps.expectedImprovement }, marks, next, className: 'acquisition' }),
  );
  $('belief-summary').textContent = `${digsText} ${meanText} ${nextText}`;
}


/** Moves the map's cursor (and the typed x and y with it) and says where it is. */
function setCursor(point: FieldPoint, fillInputs: boolean): void {
  if (!map) return;
  map.cursor = point;
  if (map.svg && map.frame) placeCursor(map.svg, map.frame, point);
  if (fillInputs) {
    const xInput = controls.numberInputs.get(map.x.name);
    const yInput = controls.numberInputs.get(map.y.name);
    if (xInput) xInput.value = String(point.x);
    if (yInput) yInput.value = String(point.y);
  }
  const text =
    puzzle.state.status === 'playing'
      ? `Cursor at ${spotText(point)}. Enter or Space digs there; arrows move it (Shift for bigger steps).`
      : `Cursor at ${spotText(point)}. The game is over: New puzzle starts another.`;
  mapCursorText.textContent = text;
}

/** The field point under the pointer, or undefined off the plotted square. */
function pointUnder(event: MouseEvent): FieldPoint | undefined {
  if (!map?.svg || !map.frame) return undefined;
  const box = map.svg.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return undefined;
  return pixelToField(map.frame, ((event.clientX - box.left) * FIELD_MAP_SIZE) / box.width, ((event.clientY - box.top) * FIELD_MAP_SIZE) / box.height);
}

/**
 * The cursor where the typed x and y say, when both are numbers on the field; off the field it stays where
 * it was (the rules say what is allowed when the dig is made). A cursor is always a spot a dig can take.
 */
function cursorFromInputs(): void {
  if (!map) return;
  const typed = (axis: MapAxis) => {
    const text = controls.numberInputs.get(axis.name)?.value ?? '';
    const value = Number(text);
    return text !== '' && Number.isFinite(value) && value >= axis.min && value <= axis.max ? snapToAxis(axis, value) : undefined;
  };
  const x = typed(map.x);
  const y = typed(map.y);
  if (x !== undefined && y !== undefined) setCursor({ x, y }, false);
}

// The pointer only shows where a click would dig. The cursor, which Enter digs at and the live region
// announces, moves with the keys, the typed x and y, or a click, so a resting mouse never redirects a dig.
fieldMap.addEventListener('pointermove', (event) => {
  const point = pointUnder(event);
  if (map?.svg && map.frame) placeCursor(map.svg, map.frame, point ?? map.cursor);
});
fieldMap.addEventListener('pointerleave', () => {
  if (map?.svg && map.frame) placeCursor(map.svg, map.frame, map.cursor);
});
fieldMap.addEventListener('click', (event) => {
  const point = pointUnder(event);
  if (!point) return;
  setCursor(point, true);
  void makeProbe();
});
fieldMap.addEventListener('keydown', (event) => {
  if (!map?.frame) return;
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    setCursor(map.cursor, true);
    void makeProbe();
    return;
  }
  const moved = moveCursor(map.frame, map.cursor, event.key, event.shiftKey);
  if (moved) {
    event.preventDefault();
    setCursor(moved, true);
  }
});

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
  const fields = puzzle.rules.moveFields(puzzle.difficulty);
  const axes = mapAxesOf(fields);
  map = axes && { ...axes, cursor: { x: Number(DEFAULT_MOVES[game]?.[axes.x.name] ?? axes.x.min), y: Number(DEFAULT_MOVES[game]?.[axes.y.name] ?? axes.y.min) } };
  controls = buildControls(form, fields, DEFAULT_MOVES[game] ?? {}, () => (map ? cursorFromInputs() : draw(cursor())), map !== undefined);
  fieldMap.hidden = map === undefined;
  mapCursorText.hidden = map === undefined;
  if (axes) fieldMap.setAttribute('aria-label', `The field, ${axes.x.label} across and ${axes.y.label} up: click, or move with the arrow keys and press Enter, to dig`);
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
  $('axis-label').hidden = map !== undefined || axisSelect.options.length < 2;
  say(`New puzzle "${puzzle.seed}". ${puzzle.budget} probes.`);
  showRuns();
  draw();
  if (map) setCursor(map.cursor, false);
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
