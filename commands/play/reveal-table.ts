/**
 * The reveal's words: the hidden answer (in the game's presenter's words), the race table and the one-line
 * summary. Every number comes straight from `reveal()`'s runs, so the table says exactly what `npm run
 * search` replays say.
 */
import { clip, LIMITS } from '../../src/command-layer/limits.js';
import type { EmbedFieldView } from '../../src/command-layer/types.js';
import type { Reveal, RevealRun } from '../../src/games/reveal-types.js';
import { counted, presenterOf } from './games/index.js';
import { racerNames, SHORT_LABEL_WIDTH } from './reveal-words.js';

/** A reading as this reveal's game writes it: taste 0–100, clicks n/3, chord score, accuracy %. */
function formatReading(reveal: Reveal, value: number): string {
  return presenterOf(reveal.game).formatReading(value, reveal.difficulty);
}

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
  const presenter = presenterOf(reveal.game);
  const noun = presenter.nouns;
  const legend = `*best*: best ${presenter.readingName} found · *at*: the ${noun.one} that found it · *match*: ${noun.many} needed to equal your best (${NOTHING} never)`;
  return {
    name: clip(`Same puzzle, same ${counted(noun, reveal.budget)}`, LIMITS.fieldName),
    value: clip(`${raceTable(reveal)}\n${legend}`, LIMITS.fieldValue),
  };
}

/** The embed fields: the hidden answer, then the race. */
export function revealFields(reveal: Reveal): EmbedFieldView[] {
  const presenter = presenterOf(reveal.game);
  return [{ name: presenter.answerTitle ?? 'The answer', value: clip(presenter.answerText(reveal), LIMITS.fieldValue) }, raceField(reveal)];
}

// ---- The one-line summary ---------------------------------------------------------------------------------

/** What happened, in one sentence: who matched you first, or that nobody did, and who went further. */
export function revealSummary(reveal: Reveal): string {
  const presenter = presenterOf(reveal.game);
  const noun = presenter.nouns;
  const player = reveal.player;
  const strongest = reveal.strategies.reduce<RevealRun | undefined>((top, run) => {
    if (run.best === null) return top;
    if (top?.best == null) return run;
    const better = reveal.direction === 'maximize' ? run.best > top.best : run.best < top.best;
    return better || (run.best === top.best && (run.foundAt ?? Infinity) < (top.foundAt ?? Infinity)) ? run : top;
  }, undefined);
  if (player.best === null) {
    if (strongest?.best == null) return `You made no ${noun.many}, and no strategy found anything either.`;
    return `You made no ${noun.many}; ${racerNames(strongest).long} reached ${presenter.readingInWords(strongest.best, reveal.difficulty)} by ${noun.one} ${strongest.foundAt}.`;
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
    return `No strategy matched ${yours} in ${counted(noun, reveal.budget)}${closest}.`;
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
