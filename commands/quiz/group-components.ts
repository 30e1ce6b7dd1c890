/**
 * The custom ids of a group quiz round's board, parsed before any work is done: a forged or outdated id
 * is refused by its shape; one that parses is then checked against the round as stored.
 */
import { exactly, parseSmallInt } from '../../src/command-layer/custom-id.js';
import type { ComponentHandler } from '../../src/command-layer/types.js';
import { ROUND_QUESTIONS } from '../../src/learning/group-round.js';
import { answerInRound, joinRound, nextQuestion, startQuestions } from './group.js';
import { SET_ID_PATTERN } from './sets.js';

/** Round ids are the store's ten base-62 characters, like set ids. */
const parseRoundId = (text: string | undefined) => (text !== undefined && SET_ID_PATTERN.test(text) ? text : undefined);
/** A round moves on twice per question and once to start: a few dozen versions at most. */
const parseVersion = (text: string | undefined) => parseSmallInt(text, 1, 100);

function parseRoundRef(args: readonly string[]): { roundId: string; version: number } | undefined {
  const [round, version] = exactly(args, 2) ?? [];
  const parsed = { roundId: parseRoundId(round), version: parseVersion(version) };
  return parsed.roundId && parsed.version !== undefined ? { roundId: parsed.roundId, version: parsed.version } : undefined;
}

/** `quiz:gjoin:<round>` */
const join: ComponentHandler<{ roundId: string }> = {
  parse(args) {
    const roundId = parseRoundId(exactly(args, 1)?.[0]);
    return roundId ? { roundId } : undefined;
  },
  run: (request, { roundId }, app) => joinRound(app, request, roundId),
};

/** `quiz:gstart:<round>:<version>` */
const start: ComponentHandler<{ roundId: string; version: number }> = {
  parse: parseRoundRef,
  run: (request, ref, app) => startQuestions(app, request, ref),
};

/** `quiz:gnext:<round>:<version>` */
const next: ComponentHandler<{ roundId: string; version: number }> = {
  parse: parseRoundRef,
  run: (request, ref, app) => nextQuestion(app, request, ref),
};

/** `quiz:ganswer:<round>:<version>:<question index>:<position 0–3>` */
const answer: ComponentHandler<{ roundId: string; version: number; questionIndex: number; position: number }> = {
  parse(args) {
    const [round, version, index, position] = exactly(args, 4) ?? [];
    const ref = parseRoundRef([round ?? '', version ?? '']);
    const questionIndex = parseSmallInt(index, 0, ROUND_QUESTIONS.max - 1);
    const chosen = parseSmallInt(position, 0, 3);
    return ref && questionIndex !== undefined && chosen !== undefined ? { ...ref, questionIndex, position: chosen } : undefined;
  },
  run: (request, ref, app) => answerInRound(app, request, ref),
};

export const groupComponents = { gjoin: join, gstart: start, gnext: next, ganswer: answer } as const;
