/**
 * /ask on the community questions (test/content/community-questions.ts): the hit rate the test holds at
 * 90 % or more, the misses by name, and how long one question takes to answer.
 * Run with `npx tsx test/bench/ask.ts` (`--quick` for fewer runs).
 */
import { performance } from 'node:perf_hooks';
import { loadTopicLibrary } from '../../src/content/library.js';
import { CONFIDENT_COVERAGE } from '../../src/content/topic-search.js';
import { COMMUNITY_QUESTIONS, NO_TOPIC_QUESTIONS } from '../content/community-questions.js';
import { askHitRate } from '../support/ask-hit-rate.js';
import { markdownTable, summarize, formatMs } from './stats.js';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 5 : 30;

const library = loadTopicLibrary();
const { rate, misses } = askHitRate(library, COMMUNITY_QUESTIONS);
const honest = NO_TOPIC_QUESTIONS.filter((question) => (library.ask(question, 1)[0]?.coverage ?? 0) < CONFIDENT_COVERAGE).length;

const times: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const { question } of COMMUNITY_QUESTIONS) {
    const start = performance.now();
    library.ask(question, 5);
    times.push(performance.now() - start);
  }
}
const latency = summarize(times);

console.log(
  markdownTable(
    ['what', 'figure'],
    [
      ['community questions answered right', `${Math.round(rate * 100)} % (${COMMUNITY_QUESTIONS.length - misses.length}/${COMMUNITY_QUESTIONS.length}; the test holds ≥ 90 %)`],
      ['questions no topic covers, answered as unsure', `${honest}/${NO_TOPIC_QUESTIONS.length}`],
      ['one /ask search: median / p99', `${formatMs(latency.p50)} / ${formatMs(latency.p99)}`],
    ],
  ),
);
if (misses.length > 0) console.log(`\nMisses:\n${misses.map((miss) => `- ${miss}`).join('\n')}`);
