/**
 * The questions people type about the five topics added for issue 12 (multi-objective tuning,
 * augmentation and label smoothing, tuning tools, hyperparameter importance, initialisation scale)
 * must land on them first, in the learner's words rather than the topic's name.
 */
import { describe, expect, it } from 'vitest';
import { loadTopicLibrary } from '../../src/content/library.js';

const library = loadTopicLibrary();

describe('/ask finds the issue 12 topics from everyday questions', () => {
  it.each([
    ['what is a pruner in optuna', 'tuning-tools'],
    ['optuna vs ray tune', 'tuning-tools'],
    ['how do wandb sweeps work', 'tuning-tools'],
    ['is there a library that tunes for me', 'tuning-tools'],
    ['which hyperparameters matter most', 'hyperparameter-importance'],
    ['fanova importance', 'hyperparameter-importance'],
    ['why initialise weights small', 'initialisation-scale'],
    ['xavier vs he init', 'initialisation-scale'],
    ['my deep net outputs zeros from the start, init problem?', 'initialisation-scale'],
    ['how strong should my data augmentation be', 'augmentation-and-label-smoothing'],
    ['does label smoothing help', 'augmentation-and-label-smoothing'],
    ['i want accuracy AND a small fast model', 'multi-objective-tuning'],
    ['what is a pareto front', 'multi-objective-tuning'],
    ['tune for accuracy with a latency limit', 'multi-objective-tuning'],
  ])('%j → %s', (question, slug) => {
    expect(library.ask(question, 3)[0]?.topic.slug).toBe(slug);
  });
});
