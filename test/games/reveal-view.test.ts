import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { beliefAfter, beliefFrames } from '../../commands/play/reveal-belief.js';
import { REVEAL_FILE_NAMES, revealView, whyExplanation, type RevealView } from '../../commands/play/reveal-view.js';
import { racerNames } from '../../commands/play/reveal-words.js';
import { formatNumber } from '../../commands/play/turn-text.js';
import { LIMITS, messageProblems } from '../../src/command-layer/limits.js';
import type { MessageView } from '../../src/command-layer/types.js';
import { loadTopicLibrary, type TopicLibrary } from '../../src/content/library.js';
import { LEVELS } from '../../src/content/levels.js';
import { GRADE_CAP, gradeLevel } from '../support/readability.js';
import { bake, GAMES, lock, train, tune } from '../../src/games/index.js';
import type { BakeReveal, BakeState } from '../../src/games/bake.js';
import { bakeObjective } from '../../src/games/bake.js';
import type { LockReveal, LockState } from '../../src/games/lock.js';
import type { Reveal, RevealRun } from '../../src/games/reveal.js';
import { reveal } from '../../src/games/reveal.js';
import type { TrainReveal, TrainState } from '../../src/games/train.js';
import type { TuneMove, TuneReveal, TuneState } from '../../src/games/tune.js';
import { GUITAR_STRINGS } from '../../src/games/tune.js';
import type { GameState } from '../../src/games/types.js';

// ---- Real games, played through their rules --------------------------------------------------------------

/** Bakes the listed times until the game ends (a perfect bake ends it early). */
function playBake(seed: string): BakeState {
  let state = bake.start({ seed });
  for (const minutes of [8, 21, 15, 12, 18, 17, 16, 19]) if (state.status === 'playing') state = bake.play(state, { minutes }).state;
  return state;
}

/** Fixed tries until the budget is spent or the lock opens. */
function playLock(seed: string): LockState {
  let state = lock.start({ seed });
  const tries = [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 9, 9], [0, 4, 8], [1, 5, 9], [2, 6, 0], [3, 7, 1], [4, 8, 2], [5, 9, 3], [6, 0, 4], [7, 1, 5]];
  for (const combination of tries) if (state.status === 'playing') state = lock.play(state, { combination }).state;
  return state;
}

/** A listening player: keeps turning a peg the same way while the chord improves, reverses when it gets worse. */
function playTune(seed: string): TuneState {
  let state = tune.start({ seed, difficulty: 'easy' });
  const direction = GUITAR_STRINGS.map(() => 1);
  let step = 0;
  while (state.status === 'playing') {
    const i = step % GUITAR_STRINGS.length;
    const move: TuneMove = { string: GUITAR_STRINGS[i]!.name, cents: direction[i] === 1 ? 5 : -5 };
    const { state: next, feedback } = tune.play(state, move);
    if (feedback.change < 0) direction[i] = -direction[i]!;
    state = next;
    step++;
  }
  return state;
}

/** Three runs, then the player stops (giving up is one way a game ends). */
function playTrain(seed: string): TrainState {
  let state = train.start({ seed });
  for (const settings of [
    { learningRate: 0.001, epochs: 5, hiddenUnits: 4, batchSize: 64, weightDecay: 1e-4 },
    { learningRate: 0.05, epochs: 20, hiddenUnits: 8, batchSize: 16, weightDecay: 1e-4 },
    { learningRate: 2.5, epochs: 10, hiddenUnits: 16, batchSize: 8, weightDecay: 1e-3 },
  ]) {
    state = train.play(state, settings).state;
  }
  return train.giveUp(state);
}

// ---- Reading the view back --------------------------------------------------------------------------------

function asMessage(view: RevealView): MessageView {
  return { embeds: [{ title: 'Game over', description: view.summary, fields: view.fields, imageFile: view.imageFile }], files: view.files };
}

interface TableRow {
  best: number | null;
  at: number | null;
  match: number | null;
}

/** Parses the race table's code block: label, best (unit stripped), at, match; '-' means none. */
function parseTable(view: RevealView): Map<string, TableRow> {
  const race = view.fields.find((f) => f.value.startsWith('```'));
  if (race === undefined) throw new Error('no race table');
  const block = /```\n([\s\S]*?)\n```/.exec(race.value)?.[1];
  if (block === undefined) throw new Error('race table is not a code block');
  const [head, ...lines] = block.split('\n');
  expect(head).toMatch(/^strategy\s+best\s+at\s+match$/);
  const number = (text: string): number | null => (text === '-' ? null : Number(text.replace(/\/\d+$|%$/, '')));
  const rows = new Map<string, TableRow>();
  for (const line of lines) {
    const match = /^(.+?)\s+(\S+)\s+(\S+)\s+(\S+)$/.exec(line);
    if (match === null) throw new Error(`unreadable row: ${line}`);
    rows.set(match[1]!, { best: number(match[2]!), at: number(match[3]!), match: number(match[4]!) });
  }
  return rows;
}

function expectTableEqualsReveal(view: RevealView, numbers: Reveal): void {
  const rows = parseTable(view);
  const runs: readonly RevealRun[] = [numbers.player, ...numbers.strategies];
  expect([...rows.keys()]).toEqual(runs.map((run) => racerNames(run).short));
  for (const run of runs) {
    expect(rows.get(racerNames(run).short), run.name).toEqual({ best: run.best, at: run.foundAt, match: run.triesToMatchPlayer });
  }
}

function pngSize(data: Buffer): { width: number; height: number } {
  const image = PNG.sync.read(data);
  return { width: image.width, height: image.height };
}

function fileNamed(view: RevealView, name: string) {
  const file = view.files.find((f) => f.name === name);
  if (file === undefined) throw new Error(`no file ${name}; got ${view.files.map((f) => f.name).join(', ')}`);
  return file;
}

function expectFitsDiscord(view: RevealView): void {
  expect(messageProblems(asMessage(view))).toEqual([]);
  expect(view.fields.length).toBeLessThanOrEqual(4);
  for (const field of view.fields) {
    expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
    expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  }
  // Readable on a phone: no table line wider than 30 monospace characters.
  for (const block of view.fields.flatMap((f) => [...f.value.matchAll(/```\n([\s\S]*?)\n```/g)].map((m) => m[1]!))) {
    for (const line of block.split('\n')) expect(line.length, line).toBeLessThanOrEqual(30);
  }
  for (const file of view.files) expect(file.description.length).toBeLessThanOrEqual(1000);
  expect(view.files.map((f) => f.name)).toContain(view.imageFile);
  expect(view.imageFile).toMatch(/\.png$/);
  expect(view.files.reduce((sum, f) => sum + f.data.length, 0)).toBeLessThan(1_000_000);
  expect(view.summary).not.toContain('\n');
}

// ---- The games ------------------------------------------------------------------------------------------

describe('reveal view: bake', () => {
  const state = playBake('view-bake');
  let numbers: BakeReveal;
  let view: RevealView;
  beforeAll(() => {
    const computed = reveal(state) as BakeReveal;
    if (computed.game !== 'bake') throw new Error('wrong game');
    numbers = computed;
    view = revealView(state, numbers);
  });

  it('fits Discord, and its table says exactly what the reveal says', () => {
    expect(state.status).not.toBe('playing');
    expectFitsDiscord(view);
    expectTableEqualsReveal(view, numbers);
  });

  it('names the best time and its taste, and sums up the race in the learner’s words', () => {
    const taste = numbers.extras.ovenTastes.find((p) => p.x === numbers.extras.bestTime)!.y;
    expect(view.fields[0]!.value).toContain(`**${numbers.extras.bestTime} minutes**`);
    expect(view.fields[0]!.value).toContain(`**${taste}**`);
    expect(view.summary).toContain(`your best (${numbers.player.best}, bake ${numbers.player.foundAt})`);
  });

  it('attaches the chart (PNG at 900×750, a panel per strategy below) and the belief animation (GIF), each described with key numbers', () => {
    const chart = fileNamed(view, REVEAL_FILE_NAMES.bakeChart);
    expect(view.imageFile).toBe(REVEAL_FILE_NAMES.bakeChart);
    expect(pngSize(chart.data)).toEqual({ width: 900, height: 750 });
    expect(chart.description).toContain(`${numbers.extras.bestTime.toFixed(1)} min`);
    expect(chart.description).toContain(`Your best was ${numbers.player.best}`);
    const gif = fileNamed(view, REVEAL_FILE_NAMES.bakeBelief);
    expect(gif.data.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect([gif.data.readUInt16LE(6), gif.data.readUInt16LE(8)]).toEqual([640, 360]);
    const bayes = numbers.strategies.find((r) => r.name === 'bayes')!;
    expect(gif.description).toContain(`Animation in ${bayes.trials.length} frames`);
    expect(gif.description).toContain(`Its best was ${bayes.best}`);
  });

  it('draws a belief that passes through the bakes it learned from and is unsure far from them', () => {
    const axis = { space: bakeObjective(state.seed, state.difficulty).space, direction: numbers.direction, parameter: 'bakeTime', xs: [5, 5.25, ...numbers.extras.playerBakes.map((b) => b.x), 25] };
    const belief = beliefAfter(axis, numbers.player.trials);
    for (const bakeMade of numbers.extras.playerBakes) {
      const at = belief.find((s) => s.x === bakeMade.x)!;
      expect(at.mean).toBeCloseTo(bakeMade.y, 0);
      expect(at.sd).toBeLessThan(1);
    }
    const edges = belief.filter((s) => s.x === 5 || s.x === 25).map((s) => s.sd);
    const atBakes = belief.filter((s) => numbers.extras.playerBakes.some((b) => b.x === s.x)).map((s) => s.sd);
    expect(Math.min(...edges)).toBeGreaterThan(Math.max(...atBakes));
    for (const sample of belief) expect(sample.expectedImprovement).toBeGreaterThanOrEqual(0);
    expect(beliefAfter(axis, [])).toEqual([]);
  });

  it('after a one-bake game, draws a belief sure at the bake and wide far from it', () => {
    const one = bake.play(bake.start({ seed: 'view-one-bake' }), { minutes: 15 }).state;
    const axis = { space: bakeObjective(one.seed, one.difficulty).space, direction: 'maximize' as const, parameter: 'bakeTime', xs: [5, 15, 25] };
    const [left, at, right] = beliefAfter(axis, reveal(one).player.trials);
    expect(at!.sd).toBeLessThan(1);
    // ±2σ spans more than half the taste scale at both ends: the model knows nothing there.
    for (const far of [left!, right!]) expect(4 * far.sd).toBeGreaterThan(50);
  });

  it('animates the Bayesian run frame by frame: its bakes so far and the bake it made next', () => {
    const bayes = numbers.strategies.find((r) => r.name === 'bayes')!;
    const axis = { space: bakeObjective(state.seed, state.difficulty).space, direction: numbers.direction, parameter: 'bakeTime', xs: [10, 15, 20] };
    const frames = beliefFrames(axis, bayes.trials);
    expect(frames).toHaveLength(bayes.trials.length);
    frames.forEach((frame, k) => {
      expect(frame.bakes).toEqual(bayes.trials.slice(0, k + 1).map((t) => ({ x: t.params.bakeTime, y: t.value })));
      expect(frame.nextX).toBe(bayes.trials[k + 1]?.params.bakeTime);
      expect(frame.belief).toHaveLength(3);
    });
    // Tries placed by the opening design were not the belief's choice, so no frame points at them.
    const opened = beliefFrames(axis, bayes.trials, 5);
    expect(opened.map((f) => f.nextX)).toEqual(bayes.trials.map((t, k) => (k + 1 < 5 ? undefined : bayes.trials[k + 1]?.params.bakeTime)));
  });

  it('is the same view for the same seed (byte for byte) and another for another seed', () => {
    const again = revealView(playBake('view-bake'));
    expect(again.fields).toEqual(view.fields);
    expect(again.summary).toBe(view.summary);
    expect(again.files.map((f) => [f.name, f.description])).toEqual(view.files.map((f) => [f.name, f.description]));
    again.files.forEach((file, i) => expect(file.data.equals(view.files[i]!.data), file.name).toBe(true));
    const other = revealView(playBake('view-bake-2'));
    expect(other.files[0]!.data.equals(view.files[0]!.data)).toBe(false);
  });

  it('refuses a reveal computed for another game', () => {
    expect(() => revealView(playBake('someone-else'), numbers)).toThrow(/not bake "someone-else"/);
  });
});

describe('reveal view: lock', () => {
  const state = playLock('view-lock');
  const numbers = reveal(state) as LockReveal;
  const view = revealView(state, numbers);

  it('fits Discord, tables the reveal (clicks as n/3, the reasoner included) and names the combination', () => {
    if (numbers.game !== 'lock') throw new Error('wrong game');
    expectFitsDiscord(view);
    expectTableEqualsReveal(view, numbers);
    expect(view.fields[1]!.value).toMatch(new RegExp(`^You +${numbers.player.best}/3 `, 'm'));
    expect(view.fields[1]!.value).toMatch(/^Reasoner /m);
    expect(view.fields[0]!.value).toContain(`**${numbers.extras.combination.join(' ')}**`);
    expect(view.fields[0]!.value).toContain(`${numbers.extras.consistentCounts.player!.at(-1)} of 1,000`);
  });

  it('attaches the combinations-still-possible chart, described with the counts', () => {
    if (numbers.game !== 'lock') throw new Error('wrong game');
    const chart = fileNamed(view, REVEAL_FILE_NAMES.lockChart);
    expect(view.files).toHaveLength(1);
    expect(pngSize(chart.data)).toEqual({ width: 900, height: 500 });
    expect(chart.description).toContain('out of 1,000');
    expect(chart.description).toContain(`Your first try left ${numbers.extras.consistentCounts.player![0]} of 1,000`);
    expect(chart.description).toContain('Lock reasoner');
  });
});

describe('reveal view: tune', () => {
  const state = playTune('view-tune');
  const numbers = reveal(state) as TuneReveal;
  const view = revealView(state, numbers);

  it('fits Discord, tables the chord scores and shows how far each peg was off', () => {
    if (numbers.game !== 'tune') throw new Error('wrong game');
    expect(state.history.length).toBeGreaterThan(6);
    expectFitsDiscord(view);
    expectTableEqualsReveal(view, numbers);
    const lines = view.fields[0]!.value.split('\n');
    GUITAR_STRINGS.forEach((s, i) => {
      const line = lines.find((l) => l.startsWith(`${s.name} `));
      const [, start, end] = (line ?? '').trim().split(/\s+/);
      expect([Number(start), Number(end)], s.name).toEqual([numbers.extras.detuning[i], numbers.extras.playerFinalErrors[i]]);
    });
  });

  it('attaches the best-so-far chart with the player’s best in its alt text', () => {
    const chart = fileNamed(view, REVEAL_FILE_NAMES.tuneChart);
    expect(pngSize(chart.data)).toEqual({ width: 900, height: 500 });
    expect(chart.description).toContain(`You reached ${numbers.player.best}`);
    expect(chart.description).toContain('In tune (100)');
  });
});

describe('reveal view: train', () => {
  const state = playTrain('view-train');
  const numbers = reveal(state) as TrainReveal;
  const view = revealView(state, numbers);

  it('fits Discord, tables accuracy in percent and names the best model’s settings', () => {
    if (numbers.game !== 'train') throw new Error('wrong game');
    expectFitsDiscord(view);
    expectTableEqualsReveal(view, numbers);
    expect(view.fields[1]!.value).toMatch(new RegExp(`^You +${numbers.player.best!.toFixed(1)}% `, 'm'));
    const best = numbers.extras.bestModel!;
    expect(view.fields[0]!.value).toContain(`**${best.accuracy.toFixed(1)}%**`);
    expect(view.fields[0]!.value).toContain(`${best.settings.epochs} epochs`);
    expect(view.fields[0]!.value).toContain(`batch size ${best.settings.batchSize}`);
    // Written as the board writes it, so the player recognises their own settings.
    expect(view.fields[0]!.value).toContain(`learning rate ${formatNumber(best.settings.learningRate)},`);
  });

  it('writes numbers one way everywhere: whole numbers whole, others to 3 significant digits', () => {
    expect([250, 0, -3, 0.24718, 12.5, 0.0107, 0.00015234, -0.000123, 1.5e-7].map(formatNumber)).toEqual(['250', '0', '-3', '0.247', '12.5', '0.0107', '0.000152', '-0.000123', '1.5e-7']);
  });

  it('attaches the race (embed image) and the best model’s learning curve, both 900×500', () => {
    if (numbers.game !== 'train') throw new Error('wrong game');
    expect(view.imageFile).toBe(REVEAL_FILE_NAMES.trainChart);
    const race = fileNamed(view, REVEAL_FILE_NAMES.trainChart);
    const curve = fileNamed(view, REVEAL_FILE_NAMES.trainCurve);
    expect(pngSize(race.data)).toEqual({ width: 900, height: 500 });
    expect(pngSize(curve.data)).toEqual({ width: 900, height: 500 });
    expect(race.description).toContain(`You reached ${numbers.player.best}`);
    expect(curve.description).toContain(`${numbers.extras.bestModel!.accuracy.toFixed(1)}%`);
    expect(curve.description).toContain(`over ${numbers.extras.bestModel!.settings.epochs} epochs`);
  });
});

describe('reveal view: train on the spiral (Hyperband shortens runs)', () => {
  let state = train.start({ seed: 'sp', difficulty: 'spiral' });
  state = train.giveUp(train.play(state, { learningRate: 0.05, epochs: 20, hiddenUnits: 8, batchSize: 16, weightDecay: 1e-4 }).state);
  const numbers = reveal(state) as TrainReveal;
  const view = revealView(state, numbers);

  it('says one best and one "when" per run in the table, the chart’s words and the best model', () => {
    if (numbers.game !== 'train') throw new Error('wrong game');
    const hyperband = numbers.strategies.find((run) => run.name === 'hyperband')!;
    // The case that disagreed: a shortened try scored above every try that counts.
    expect(Math.max(...hyperband.trials.map((t) => t.value ?? -1))).toBeGreaterThan(hyperband.best!);
    expectTableEqualsReveal(view, numbers);
    const race = fileNamed(view, REVEAL_FILE_NAMES.trainChart).description;
    for (const run of [numbers.player, ...numbers.strategies]) {
      expect(race).toContain(`${racerNames(run).long} reached ${formatNumber(run.best!)} by try ${run.foundAt} of`);
    }
    const counted = Math.max(...[numbers.player, ...numbers.strategies].map((run) => run.best ?? -1));
    expect(numbers.extras.bestModel!.accuracy).toBe(counted);
  });
});

describe('reveal view: giving up before the first move', () => {
  it('still fits Discord and says you made no moves, for every game', () => {
    for (const game of Object.values(GAMES)) {
      const state = game.giveUp(game.start({ seed: 'view-no-moves' }));
      const numbers = reveal(state);
      const view = revealView(state, numbers);
      expectFitsDiscord(view);
      expectTableEqualsReveal(view, numbers);
      expect(view.summary).toMatch(/^You made no (bakes|tries|strums|runs)/);
      expect(parseTable(view).get('You')).toEqual({ best: null, at: null, match: null });
    }
  });
});

// ---- Why? --------------------------------------------------------------------------------------------------

describe('whyExplanation', () => {
  let topics: TopicLibrary;
  const ended: GameState<unknown, unknown>[] = [
    playBake('why-bake'),
    playLock('why-lock'),
    lock.giveUp(lock.start({ seed: 'why-lock-empty' })),
  ];
  beforeAll(() => {
    topics = loadTopicLibrary();
  });

  it('explains the picture, then gives the game’s topic at the requested level, within one embed', () => {
    for (const state of ended) {
      const slug = GAMES[state.game].topic;
      for (const level of LEVELS) {
        const why = whyExplanation(state, level, topics);
        expect(why.description.length).toBeLessThanOrEqual(LIMITS.embedDescription);
        expect(why.title.length).toBeLessThanOrEqual(LIMITS.embedTitle);
        expect(why.title).toContain(topics.get(slug)!.title);
        expect(why.description).toContain(topics.text(slug, level));
        expect(why.description.indexOf('What the picture shows')).toBeLessThan(why.description.indexOf(topics.text(slug, level)));
        expect(messageProblems({ embeds: [why] })).toEqual([]);
      }
    }
  });

  it('speaks at the player’s level: everyday words at level 1, the optimiser’s words at level 5', () => {
    const state = ended[0]!;
    const simple = whyExplanation(state, 1, topics).description;
    const expert = whyExplanation(state, 5, topics).description;
    expect(simple).toContain('how unsure that guess is');
    expect(simple).not.toContain('posterior');
    expect(expert).toContain('GP posterior');
  });

  it('keeps the picture words as easy to read as the topics at levels 1–3', () => {
    for (const game of Object.values(GAMES)) {
      const state = game.giveUp(game.start({ seed: 'why-grade' }));
      for (const level of [1, 2, 3] as const) {
        const description = whyExplanation(state, level, topics).description;
        const pictureWords = description.slice(description.indexOf('\n') + 1, description.indexOf('\n\n'));
        expect(gradeLevel(pictureWords), `${game.id} level ${level}`).toBeLessThanOrEqual(GRADE_CAP[level]!);
      }
    }
  });

  it('names a swinging training loss as the lesson of a too-large learning rate', () => {
    let state = train.start({ seed: 'why-train' });
    state = train.play(state, { learningRate: 0.05, epochs: 20, hiddenUnits: 8, batchSize: 16, weightDecay: 1e-4 }).state;
    state = train.giveUp(train.play(state, { learningRate: 1, epochs: 20, hiddenUnits: 16, batchSize: 8, weightDecay: 1e-4 }).state);
    for (const level of LEVELS) {
      expect(whyExplanation(state, level, topics).description, `level ${level}`).toContain(
        'With learning rate 1, your loss jumped to 7.36 at epoch 14: the steps were too big, so they overshot.',
      );
    }
    expect(whyExplanation(state, 3, topics).description).toContain('A loss that jumps up instead of falling is the learning rate at work');
  });

  it('tells the player their own best, or that they made no moves', () => {
    const best = GAMES.bake.outcome(ended[0]!).best!;
    expect(whyExplanation(ended[0]!, 3, topics).description).toContain(`Your best was ${best} after`);
    expect(whyExplanation(ended[2]!, 3, topics).description).toContain('You made no tries this time.');
  });
});
