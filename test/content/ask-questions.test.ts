/**
 * /ask against the questions people really type (test/content/community-questions.ts): symptoms, slang,
 * typos, comparisons. The hit rate is held at 90 % and questions no topic covers must not get a
 * confident answer. `npm run bench -- ask` prints the same figures.
 */
import { describe, expect, it } from 'vitest';
import { loadTopicLibrary } from '../../src/content/library.js';
import { CONFIDENT_COVERAGE } from '../../src/content/topic-search.js';
import { askHitRate } from '../support/ask-hit-rate.js';
import { COMMUNITY_QUESTIONS, NO_TOPIC_QUESTIONS } from './community-questions.js';

const library = loadTopicLibrary();

describe('/ask on community questions', () => {
  it('has at least 60 questions, each naming topics that exist', () => {
    expect(COMMUNITY_QUESTIONS.length).toBeGreaterThanOrEqual(60);
    const slugs = new Set(library.all().map((topic) => topic.slug));
    const unknown = COMMUNITY_QUESTIONS.flatMap((q) => q.answers.filter((slug) => !slugs.has(slug)).map((slug) => `${q.question} → ${slug}`));
    expect(unknown).toEqual([]);
  });

  it('answers at least 90 % of them with a right topic, confidently', () => {
    const { rate, misses } = askHitRate(library, COMMUNITY_QUESTIONS);
    expect(rate, `misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('never answers a question no topic covers as if one did', () => {
    for (const question of NO_TOPIC_QUESTIONS) {
      const best = library.ask(question, 1)[0];
      expect(best === undefined || best.coverage < CONFIDENT_COVERAGE, `${question} → ${best?.topic.slug}`).toBe(true);
    }
  });
});
