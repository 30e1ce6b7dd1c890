/**
 * Quiz latency: an answer's click (the set's compare-and-set, the answer and its FSRS card in one
 * transaction, the feedback view), with /quiz and Next alongside. The real bot process against the
 * Discord test double on a temp SQLite file, measured as test/bench/interactions.ts measures: from
 * dispatching INTERACTION_CREATE to the double receiving the bot's callback. Each sample is a fresh
 * learner, so the per-user rate limit never answers instead.
 *
 * Run: npx tsx test/bench/quiz.ts [--quick]   (--quick: 60 samples instead of 240)
 */
import { performance } from 'node:perf_hooks';
import { loadTopicLibrary } from '../../src/content/library.js';
import { loadQuestionBank } from '../../src/content/quizzes.js';
import { optionOrder } from '../../src/learning/quiz-set.js';
import type { InteractionCtx, StoredMessage } from '../discord-double/types.js';
import { closeAfter, startScenario } from '../e2e/harness.js';
import { formatMs, machineLoadNote, markdownTable, summarize } from './stats.js';

const quick = process.argv.includes('--quick');
const SAMPLES = quick ? 60 : 240;
const WARM_UP = quick ? 10 : 30;
/** The target for an answer, on this 2-core machine. */
const ANSWER_P99_TARGET_MS = 50;

const bank = loadQuestionBank(new Set(loadTopicLibrary().all().map((t) => t.slug)));
const quizTopics = [...new Set(bank.all().map((q) => q.topic))];
if (quizTopics.length === 0) throw new Error('no quiz questions to ask');

const scenario = await startScenario();
const { double } = scenario;

let nextUser = 0;
function freshMember(): { ctx: InteractionCtx; id: string } {
  nextUser += 1;
  const id = `3${String(nextUser).padStart(17, '0')}`;
  return { ctx: scenario.as(id), id };
}

async function timed<T>(action: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await action();
  return { ms: performance.now() - started, value };
}

function buttonId(message: StoredMessage, label: string): string {
  const found = message.components.flatMap((row: { components: { custom_id: string; label?: string }[] }) => row.components).find((b: { label?: string }) => b.label === label);
  if (!found) throw new Error(`no ${label} button`);
  return found.custom_id as string;
}

interface Sample {
  start: number;
  answer: number;
  next: number;
  /** The question carried a picture, which the feedback shows too. */
  picture: boolean;
  /** Files uploaded with the answer's edit: none when the picture on screen is kept. */
  answerUploads: number;
}

/** The question's picture on screen: it follows the first answer in an edit once drawn, and a learner answers after seeing it. */
async function pictureShown(messageId: string): Promise<void> {
  const until = performance.now() + 60_000;
  while (double.message(messageId)?.attachments.length !== 1) {
    if (performance.now() > until) throw new Error('the question picture never came');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** One learner: /quiz, answer the first question (right or wrong in turn), then Next. */
async function sample(index: number): Promise<Sample> {
  const member = freshMember();
  const topic = quizTopics[index % quizTopics.length]!;
  const level = (index % 5) + 1;
  const start = await timed(async () => {
    const result = await double.slash('quiz', { topic, level }, member.ctx);
    return { result, callback: await result.response() };
  });
  const message = await start.value.result.settled();
  if (start.value.callback.type !== 4 || !message?.embeds[0]?.title?.includes('question 1 of')) throw new Error(`/quiz ${topic} ${level} answered wrongly`);

  const questionId = buttonId(message, 'A').split(':')[4]!;
  const picture = bank.get(questionId)?.picture !== undefined;
  if (picture) await pictureShown(message.id);
  const order = optionOrder(member.id, questionId);
  const letter = 'ABCD'[index % 2 === 0 ? order.indexOf(0) : order.findIndex((w) => w !== 0)]!;
  const since = double.requests.length;
  const answer = await timed(async () => (await double.click(message.id, buttonId(message, letter), member.ctx)).response());
  const answerUploads = double.requests.slice(since).reduce((sum, request) => sum + request.uploads.length, 0);
  if (answer.value.type !== 7 || !answer.value.data?.embeds?.[0]?.fields?.[0]?.name.match(/^(Right!|Not quite)/)) throw new Error(`answer on ${questionId} answered wrongly`);

  const answered = double.message(message.id)!;
  const next = await timed(async () => (await double.click(message.id, buttonId(answered, 'Next'), member.ctx)).response());
  if (next.value.type !== 7) throw new Error('Next did not update the quiz');
  return { start: start.ms, answer: answer.ms, next: next.ms, picture, answerUploads };
}

const samples: Sample[] = [];
await closeAfter(scenario, async () => {
  for (let i = 0; i < WARM_UP; i++) await sample(i);
  for (let i = 0; i < SAMPLES; i++) samples.push(await sample(WARM_UP + i));
});

const rows = (
  [
    ['`/quiz topic level` (a new set)', samples.map((s) => s.start), undefined],
    ['answer A–D (saved with its FSRS card)', samples.map((s) => s.answer), ANSWER_P99_TARGET_MS],
    ['… of which questions without a picture', samples.filter((s) => !s.picture).map((s) => s.answer), ANSWER_P99_TARGET_MS],
    ['… of which questions with a picture', samples.filter((s) => s.picture).map((s) => s.answer), undefined],
    ['Next', samples.map((s) => s.next), undefined],
  ] as const
).map(([name, values, target]) => {
  const s = summarize(values);
  const verdict = target === undefined ? '–' : `< ${target} ms: ${s.p99 < target ? 'met' : 'MISSED'}`;
  return [name, String(s.n), formatMs(s.p50), formatMs(s.p95), formatMs(s.p99), formatMs(s.max), verdict];
});

console.log('## Quiz latency (ms), bot process ↔ Discord test double');
console.log();
console.log(markdownTable(['interaction', 'n', 'p50', 'p95', 'p99', 'max', 'p99 target'], rows));
console.log();
console.log(
  `One request at a time, each learner fresh, after ${WARM_UP} warm-up learners; ${quizTopics.length} quiz topic(s), ` +
    `${bank.all().length} questions, levels 1–5 in turn, right and wrong answers alternating.`,
);
const pictureAnswers = samples.filter((s) => s.picture);
console.log(
  `Files uploaded with the ${pictureAnswers.length} answers to picture questions: ${pictureAnswers.reduce((sum, s) => sum + s.answerUploads, 0)} ` +
    '(the picture on screen is kept by its attachment id, not sent again).',
);
console.log(machineLoadNote());
if (double.violations.length > 0) {
  console.log(`\nDiscord rule violations: ${double.violations.length}, first: ${double.violations[0]}`);
  process.exitCode = 1;
}
