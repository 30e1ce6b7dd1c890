/**
 * The practice topics from issue 12 (instability, workflow, seeds, optimisers, fine-tuning) exist to
 * answer what people actually type, which is usually a symptom rather than a topic name. Each question
 * here was written in that voice; /ask must put the topic that answers it first.
 */
import { describe, expect, it } from 'vitest';
import { loadTopicLibrary } from '../../src/content/library.js';

const library = loadTopicLibrary();

describe('/ask finds the practice topics from symptoms', () => {
  it.each([
    ['why does my loss explode lol', 'training-instability'],
    ['loss is nan after like 100 steps help', 'training-instability'],
    ['should i clip gradients', 'training-instability'],
    ['bf16 or fp16', 'training-instability'],
    ['how to tune with like 1 gpu and 2 days', 'tuning-workflow'],
    ['when should i stop tuning', 'tuning-workflow'],
    ['what are nuisance hyperparameters', 'tuning-workflow'],
    ['why is my val acc so noisy between runs', 'seeds-and-variance'],
    ['same settings different results', 'seeds-and-variance'],
    ['how many seeds do i need', 'seeds-and-variance'],
    ['which optimizer should i use', 'choosing-an-optimiser'],
    ['what is lion', 'choosing-an-optimiser'],
    ['what lora rank should i pick', 'fine-tuning'],
    ['should i freeze layers when fine tuning', 'fine-tuning'],
    ['my finetuned model forgot everything', 'fine-tuning'],
  ])('%j → %s', (question, slug) => {
    expect(library.ask(question, 3)[0]?.topic.slug).toBe(slug);
  });
});

describe('the practice topics are linked both ways where they fit', () => {
  it.each([
    ['training-instability', 'choosing-an-optimiser'],
    ['choosing-an-optimiser', 'momentum-and-adam'],
    ['tuning-workflow', 'seeds-and-variance'],
    ['tuning-workflow', 'quasi-random-search'],
  ])('%s ↔ %s', (from, to) => {
    expect(library.related(from).map((topic) => topic.slug)).toContain(to);
    expect(library.related(to).map((topic) => topic.slug)).toContain(from);
  });
});
