/**
 * The learning path: the topics in the order they build on each other, from what a hyperparameter is to
 * Hyperband. Each step is "read, then quiz"; where a step is done is worked out from what the person read
 * and answered, so the path remembers where they are without a place of its own in storage.
 */

/** The path's order; topics missing from the library are skipped. */
export const PATH_ORDER: readonly string[] = [
  'hyperparameters',
  'parameters-vs-hyperparameters',
  'learning-rate',
  'batch-size',
  'epochs-and-early-stopping',
  'validation-and-overfitting',
  'layers-and-units',
  'dropout',
  'weight-decay',
  'momentum-and-adam',
  'learning-rate-schedules',
  'search-spaces-and-log-scales',
  'grid-search',
  'random-search',
  'quasi-random-search',
  'bayesian-optimisation',
  'tpe',
  'successive-halving-and-hyperband',
];

export interface PathStep {
  readonly topic: string;
  readonly read: boolean;
  readonly quizzed: boolean;
  /** The game that lets the learner play with the step's idea, if there is one. */
  readonly game?: string;
}

export interface PathInput {
  /** Topics in the library, with the game each one teaches through. */
  readonly topics: ReadonlyMap<string, { readonly game?: string }>;
  readonly read: ReadonlySet<string>;
  /** Topics with at least one question answered. */
  readonly quizzed: ReadonlySet<string>;
}

export function learningPath(input: PathInput): PathStep[] {
  return PATH_ORDER.filter((slug) => input.topics.has(slug)).map((topic) => {
    const game = input.topics.get(topic)?.game;
    return { topic, read: input.read.has(topic), quizzed: input.quizzed.has(topic), ...(game && { game }) };
  });
}

/** Where the person is: the first step not both read and quizzed; undefined once the path is done. */
export function currentStep(path: readonly PathStep[]): number | undefined {
  const index = path.findIndex((step) => !(step.read && step.quizzed));
  return index < 0 ? undefined : index;
}
