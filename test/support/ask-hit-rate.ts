/** How often /ask's confident first answer is one of a question's right topics (shared by test and bench). */
import type { TopicLibrary } from '../../src/content/library.js';
import { CONFIDENT_COVERAGE } from '../../src/content/topic-search.js';
import type { CommunityQuestion } from '../content/community-questions.js';

export function askHitRate(library: TopicLibrary, questions: readonly CommunityQuestion[]): { rate: number; misses: string[] } {
  const misses: string[] = [];
  for (const { question, answers } of questions) {
    const best = library.ask(question, 1)[0];
    const right = best !== undefined && best.coverage >= CONFIDENT_COVERAGE && answers.includes(best.topic.slug);
    if (!right) misses.push(`${question} → ${best ? `${best.topic.slug} (coverage ${best.coverage.toFixed(2)})` : 'nothing'}; want ${answers.join(' or ')}`);
  }
  return { rate: (questions.length - misses.length) / questions.length, misses };
}
