/**
 * The reveal's words: the hidden answer, the race table and the one-line summary. Every number comes
 * straight from `reveal()`'s runs, so the table says exactly what `npm run search` replays say.
 */
import { clip, LIMITS } from '../../src/command-layer/limits.js';
import type { EmbedFieldView } from '../../src/command-layer/types.js';
import type { Reveal, RevealRun } from '../../src/games/reveal.js';
import { bakeRules } from '../../src/games/bake.js';
import { GUITAR_STRINGS } from '../../src/games/tune.js';
import { formatReading, moves, MOVE_NOUNS, racerNames, readingInWords, SHORT_LABEL_WIDTH, signedCents } from './reveal-words.js';
import { formatNumber } from './turn-text.js';

const NOTHING = '-';
const TABLE_COLUMNS = { best: 7, at: 4, match: 6 } as const;

function row(label: string, best: string, at: string, match: string): string {
  return (
    label.padEnd(SHORT_LABEL_WIDTH) +
    best.padStart(TABLE_COLUMNS.best) +
    at.padStart(TABLE_COLUMNS.at) +
    match.padStart(TABLE_COLUMNS.match)
  ).trimEnd();
}

function runRow(reveal: Reveal, run: RevealRun): string {
  return row(
    racerNames(run).short,
    run.best === null ? NOTHING : formatReading(reveal, run.best),
    run.foundAt === null ? NOTHING : String(run.foundAt),
    run.triesToMatchPlayer === null ? NOTHING : String(run.triesToMatchPlayer),
  );
}

/** The race as a monospace block: the player first, then each strategy in the reveal's order. */
export function raceTable(reveal: Reveal): string {
  const lines = [row('strategy', 'best', 'at', 'match'), ...[reveal.player, ...reveal.strategies].map((run) => runRow(reveal, run))];
  return `\`\`\`\n${lines.join('\n')}\n\`\`\``;
}

function raceField(reveal: Reveal): EmbedFieldView {
  const noun = MOVE_NOUNS[reveal.game];
  const legend = `*best*: best ${reveal.game === 'lock' ? 'clicks' : 'reading'} found · *at*: the ${noun.one} that found it · *match*: ${noun.many} needed to equal your best (${NOTHING} never)`;
  return {
    name: clip(`Same puzzle, same ${moves(reveal.game, reveal.budget)}`, LIMITS.fieldName),
    value: clip(`${raceTable(reveal)}\n${legend}`, LIMITS.fieldValue),
  };
}

// ---- The hidden answer ----------------------------------------------------------------------------------

function minutesText(minutes: number): string {
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

function bakeAnswer(reveal: Extract<Reveal, { game: 'bake' }>): string {
  const rules = bakeRules(reveal.difficulty);
  const atBest = reveal.ovenTastes.find((point) => point.x === reveal.bestTime)?.y;
  const oven = atBest === undefined ? '' : `; this oven's wobble makes a bake there taste **${atBest}**`;
  const best = `Grandma's best time was **${reveal.bestTime} minutes**, the top of the true taste curve${oven}.`;
  // "Best" is the highest taste, as on the board and in the table; the first bake to reach it.
  const bestBake = reveal.playerBakes.reduce<{ x: number; y: number } | undefined>((top, p) => (top === undefined || p.y > top.y ? p : top), undefined);
  if (bestBake === undefined) return `${best} You made no bakes.`;
  const off = Math.abs(bestBake.x - reveal.bestTime);
  const how = off === 0 ? 'right on it' : `${minutesText(off)} ${bestBake.x < reveal.bestTime ? 'short' : 'over'}`;
  const perfect =
    off <= rules.perfectWithin + 1e-9
      ? `perfect: within ${minutesText(rules.perfectWithin)} of the best time`
      : `not perfect: that needs ${rules.perfectWithin === 0 ? 'exactly the best time' : `within ${minutesText(rules.perfectWithin)}`}`;
  const yours = `Your best bake tasted **${bestBake.y}**, at ${bestBake.x} minutes (${how}; ${perfect}).`;
  const wobble =
    atBest !== undefined && bestBake.y > atBest
      ? ` It beat the best time's taste because the oven wobbles by up to ${rules.maxWobble} points; perfect goes by time, not taste.`
      : '';
  return `${best} ${yours}${wobble}`;
}

function lockAnswer(reveal: Extract<Reveal, { game: 'lock' }>): string {
  const total = 10 ** reveal.combination.length;
  const combination = `The combination was **${reveal.combination.join(' ')}**.`;
  const left = reveal.consistentCounts.player?.at(-1);
  if (left === undefined) return `${combination} You made no tries, so all ${total.toLocaleString('en-US')} combinations were still possible.`;
  const after = moves('lock', reveal.player.trials.length);
  return `${combination} After your ${after}, ${left.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} combinations still fitted every click you heard.`;
}

function tuneAnswer(reveal: Extract<Reveal, { game: 'tune' }>): string {
  const lines = [
    `${'string'.padEnd(7)}${'start'.padStart(6)}${'you'.padStart(6)}`,
    ...GUITAR_STRINGS.map((s, i) =>
      `${s.name.padEnd(7)}${signedCents(reveal.detuning[i] ?? 0).padStart(6)}${signedCents(reveal.playerFinalErrors[i] ?? 0).padStart(6)}`,
    ),
  ];
  return `How far each peg was off, in cents (*start*), and after your strums (*you*); within ±2 is in tune:\n\`\`\`\n${lines.join('\n')}\n\`\`\``;
}

function trainAnswer(reveal: Extract<Reveal, { game: 'train' }>): string {
  const model = reveal.bestModel;
  if (model === null) return 'Nobody trained a model.';
  const who = model.by === 'player' ? 'you' : racerNames({ name: model.by, label: model.by }).long;
  const s = model.settings;
  const settings = `learning rate ${formatNumber(s.learningRate)}, ${s.epochs} epochs, ${s.hiddenUnits} hidden units, batch size ${s.batchSize}, weight decay ${formatNumber(s.weightDecay)}`;
  const yours = reveal.playerBestModel;
  const mine =
    yours === null || model.by === 'player'
      ? ''
      : ` Your best was **${yours.accuracy.toFixed(1)}%** with learning rate ${formatNumber(yours.settings.learningRate)}, ${yours.settings.epochs} epochs.`;
  return `Best held-out accuracy found by anyone: **${model.accuracy.toFixed(1)}%**, by ${who}, with ${settings}.${mine}`;
}

export function answerText(reveal: Reveal): string {
  switch (reveal.game) {
    case 'bake':
      return bakeAnswer(reveal);
    case 'lock':
      return lockAnswer(reveal);
    case 'tune':
      return tuneAnswer(reveal);
    case 'train':
      return trainAnswer(reveal);
  }
}

/** The embed fields: the hidden answer, then the race. */
export function revealFields(reveal: Reveal): EmbedFieldView[] {
  return [{ name: reveal.game === 'train' ? 'The best model' : 'The answer', value: clip(answerText(reveal), LIMITS.fieldValue) }, raceField(reveal)];
}

// ---- The one-line summary ---------------------------------------------------------------------------------

/** What happened, in one sentence: who matched you first, or that nobody did, and who went further. */
export function revealSummary(reveal: Reveal): string {
  const noun = MOVE_NOUNS[reveal.game];
  const player = reveal.player;
  const strongest = reveal.strategies.reduce<RevealRun | undefined>((top, run) => {
    if (run.best === null) return top;
    if (top?.best == null) return run;
    const better = reveal.direction === 'maximize' ? run.best > top.best : run.best < top.best;
    return better || (run.best === top.best && (run.foundAt ?? Infinity) < (top.foundAt ?? Infinity)) ? run : top;
  }, undefined);
  if (player.best === null) {
    if (strongest?.best == null) return `You made no ${noun.many}, and no strategy found anything either.`;
    return `You made no ${noun.many}; ${racerNames(strongest).long} reached ${readingInWords(reveal, strongest.best)} by ${noun.one} ${strongest.foundAt}.`;
  }
  const yours = `your best (${formatReading(reveal, player.best)}, ${noun.one} ${player.foundAt})`;
  const matchers = reveal.strategies
    .filter((run) => run.triesToMatchPlayer !== null)
    .sort((a, b) => (a.triesToMatchPlayer as number) - (b.triesToMatchPlayer as number));
  const first = matchers[0];
  const beatYou =
    strongest?.best != null && (reveal.direction === 'maximize' ? strongest.best > player.best : strongest.best < player.best)
      ? strongest
      : undefined;
  if (first === undefined) {
    const closest = strongest?.best == null ? '' : `; the closest was ${racerNames(strongest).long} with ${formatReading(reveal, strongest.best)}`;
    return `No strategy matched ${yours} in ${moves(reveal.game, reveal.budget)}${closest}.`;
  }
  const further =
    beatYou === undefined
      ? ''
      : beatYou === first
        ? `, then went on to ${formatReading(reveal, beatYou.best as number)}`
        : `; ${racerNames(beatYou).long} went on to ${formatReading(reveal, beatYou.best as number)}`;
  const others = matchers.length - 1;
  const company = others > 0 ? ` (${others} other${others === 1 ? '' : 's'} also did)` : '';
  return `${racerNames(first).long} matched ${yours} by ${noun.one} ${first.triesToMatchPlayer}${company}${further}.`;
}
