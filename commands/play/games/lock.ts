/** Crack the Lock as the player sees it: a menu per dial, clicks heard, and the combinations still possible. */
import { parseSmallInt } from '../../../src/command-layer/custom-id.js';
import { UserError } from '../../../src/command-layer/errors.js';
import type { ComponentView } from '../../../src/command-layer/types.js';
import {
  combinationAt,
  combinationTable,
  consistentCombinations,
  dialsFor,
  lock,
  paramsToCombination,
  type LockReveal,
} from '../../../src/games/lock.js';
import { remainingChart } from '../../../src/pictures/index.js';
import { racerNames } from '../reveal-words.js';
import { boardAction, counted, presenterFor, type ThinkingContext } from './presenter.js';

/** Stable names, so a front end (or a person) can tell the pictures apart. */
export const LOCK_FILE_NAMES = { chart: 'lock-reveal.png' } as const;

const NOUNS = { one: 'try', many: 'tries' };

/** The dials set so far, as a custom id carries them: a digit per dial, _ for one not set yet. */
function encodeDials(dials: readonly (number | null)[]): string {
  return dials.map((d) => (d === null ? '_' : String(d))).join('');
}

function decodeDials(text: string, count: number): (number | null)[] | undefined {
  if (text.length !== count || !/^[0-9_]+$/.test(text)) return undefined;
  return [...text].map((c) => (c === '_' ? null : Number(c)));
}

/** A custom id's dials text: a digit or _ per dial. */
const DIALS_TEXT = /^[0-9_]{1,10}$/;

/** A dial menu changes only the board's dials (carried in the custom ids), not the game. */
const turnDial = boardAction({
  arguments: 2,
  parse([dialText, dials]) {
    const dial = parseSmallInt(dialText, 0, 9);
    return dial !== undefined && dials !== undefined && DIALS_TEXT.test(dials) ? { dial, dials } : undefined;
  },
  answer(game, { dial, dials: text }, values) {
    const dials = decodeDials(text, dialsFor(game.record.difficulty));
    if (!dials || dial >= dials.length || !/^\d$/.test(values[0] ?? '')) throw new UserError('Each dial goes from 0 to 9.');
    dials[dial] = Number(values[0]);
    return { selection: encodeDials(dials) };
  },
});

const tryCombination = boardAction({
  arguments: 1,
  parse: ([dials]) => (dials !== undefined && DIALS_TEXT.test(dials) ? { dials } : undefined),
  answer(_game, { dials }) {
    const digits = /^\d+$/.test(dials) ? [...dials].map(Number) : undefined;
    if (!digits) throw new UserError('Set every dial before you try the lock.');
    return { move: Object.fromEntries(digits.map((digit, i) => [`dial${i + 1}`, digit])) };
  },
});

const unsetDials = (difficulty: string): null[] => Array.from({ length: dialsFor(difficulty) }, () => null);

function lockAnswer(reveal: LockReveal): string {
  const { combination: secret, consistentCounts } = reveal.extras;
  const total = 10 ** secret.length;
  const combination = `The combination was **${secret.join(' ')}**.`;
  const left = consistentCounts.player?.at(-1);
  if (left === undefined) return `${combination} You made no tries, so all ${total.toLocaleString('en-US')} combinations were still possible.`;
  const after = counted(NOUNS, reveal.player.trials.length);
  return `${combination} After your ${after}, ${left.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} combinations still fitted every click you heard.`;
}

/** The reasoner's belief is the set of combinations still possible: how many, a few of them, and its next try. */
function lockThoughts({ game, next, done, when }: ThinkingContext) {
  const race = game.session.race!;
  const dials = dialsFor(game.record.difficulty);
  const clues = race.trials.map((t) => ({ combination: paramsToCombination(t.params, dials), clicks: t.value }));
  const left = consistentCombinations(clues, dials);
  const table = combinationTable(dials);
  const sample = left.slice(0, 12).map((i) => `\`${combinationAt(table, i).join(' ')}\``);
  const plan =
    next === undefined
      ? done
      : `It tries next \`${paramsToCombination(next.params, dials).join(' ')}\`, ${when}: the try that splits them most evenly, whatever the answer.`;
  return {
    content:
      `It keeps every combination that fits all the clicks it heard: **${left.length}** of ${10 ** dials} are still possible` +
      `${left.length <= 12 ? `: ${sample.join(', ')}` : `, such as ${sample.join(', ')}…`}. ${plan}`,
  };
}

export const lockPresenter = presenterFor(lock, {
  nouns: NOUNS,
  invitation: 'crack the combination by listening for clicks.',

  formatReading: (value, difficulty) => `${value}/${dialsFor(difficulty)}`,
  readingInWords: (value, difficulty) => `${value} of ${dialsFor(difficulty)} clicks`,
  readingName: 'clicks',

  turnText({ move, feedback }) {
    const clicks = feedback.opened ? '**open!**' : `**${feedback.clicks}** click${feedback.clicks === 1 ? '' : 's'}`;
    return `\`${move.combination.join(' ')}\` → ${clicks}`;
  },
  controls({ game, selection, id, giveUp }) {
    const dials = (selection === undefined ? undefined : decodeDials(selection, dialsFor(game.record.difficulty))) ?? unsetDials(game.record.difficulty);
    const rows: ComponentView[][] = dials.map((digit, dial) => [
      {
        type: 'select',
        customId: id('dial', dial, encodeDials(dials)),
        placeholder: `Dial ${dial + 1}`,
        options: Array.from({ length: 10 }, (_, n) => ({ label: `Dial ${dial + 1}: ${n}`, value: String(n), isDefault: digit === n })),
      },
    ]);
    const ready = dials.every((d) => d !== null);
    rows.push([
      { type: 'button', customId: id('try', encodeDials(dials)), label: ready ? `Try ${dials.join(' ')}` : 'Set every dial', style: 'primary', disabled: !ready },
      giveUp,
    ]);
    return rows;
  },
  selection: {
    shape: /^[0-9_]{1,8}$/,
    initial: (game) => encodeDials(unsetDials(game.record.difficulty)),
    accepts: (game, text) => decodeDials(text, dialsFor(game.record.difficulty)) !== undefined,
  },
  actions: { dial: turnDial, try: tryCombination },

  finishLine: () => '**open the lock** (every dial right)',
  finishWords: 'opened the lock',
  bestReadingWords: 'the most clicks on one try',
  raceMoveText: (params, value) =>
    `\`${Object.keys(params).sort().map((k) => String(params[k])).join(' ')}\` → ${value} click${value === 1 ? '' : 's'}`,
  optimiserThoughts: lockThoughts,

  unsolvedScore: () => 'not opened, so up to 50 for how much of the lock your clues ruled out.',
  answerText: lockAnswer,
  pictures(reveal) {
    const chart = remainingChart({
      total: 10 ** reveal.extras.combination.length,
      series: [reveal.player, ...reveal.strategies].map((run) => ({
        name: racerNames(run).series,
        label: racerNames(run).long,
        remaining: reveal.extras.consistentCounts[run.name] ?? [],
      })),
    });
    return { files: [{ name: LOCK_FILE_NAMES.chart, data: chart.png, description: chart.altText }], imageFile: LOCK_FILE_NAMES.chart };
  },
  pictureWords: {
    simple:
      'The picture counts how many secret codes could still be the answer after each try. It starts with every code and ' +
      'goes down as the clicks rule codes out. Lower is better: at 1, you know the code. Your line is black; the other ' +
      'lines are helpers trying the same lock.',
    plain:
      'Each line shows how many combinations were still possible after each try, given every click heard so far. The ' +
      'scale is logarithmic: each equal step down means ten times fewer. A try that splits the possibilities evenly ' +
      'teaches the most, even when nothing clicks. The lock reasoner picks every try to leave the fewest possibilities on ' +
      'average; the search strategies only chase more clicks and ignore what a silent try rules out.',
    technical:
      'y: size of the consistent set (combinations not contradicted by any observation) after each trial, log scale; under ' +
      'a uniform prior it is the posterior’s support. Each try’s click count partitions the set, and the reasoner greedily ' +
      'minimises the expected remaining size Σn_c²/N, a stand-in for information gain. The black-box strategies maximise ' +
      'clicks as an objective, so they waste the likelihood information in low-click trials.',
  },
});
