/**
 * Questions as people type them in a Discord server: symptoms, slang, typos and comparisons, not topic
 * names. Each lists the topics that would be a good answer (the first is the best one); /ask counts as
 * right when its top answer is among them. `NO_TOPIC_QUESTIONS` are questions no topic covers, where an
 * honest answer says so instead of picking one.
 */
export interface CommunityQuestion {
  readonly question: string;
  readonly answers: readonly string[];
}

export const COMMUNITY_QUESTIONS: readonly CommunityQuestion[] = [
  // Symptoms of training going wrong
  { question: 'why does my loss explode lol', answers: ['training-instability', 'learning-rate'] },
  { question: 'loss is nan after like 100 steps help', answers: ['training-instability'] },
  { question: 'my loss goes to infinity after a few epochs??', answers: ['training-instability', 'learning-rate'] },
  { question: 'gradients blow up what do i do', answers: ['training-instability'] },
  { question: 'should i clip my gradients', answers: ['training-instability'] },
  { question: 'fp16 training gives nan but fp32 is fine', answers: ['training-instability'] },
  { question: 'my model does great on train but trash on test??', answers: ['validation-and-overfitting', 'dropout', 'weight-decay'] },
  { question: 'val loss going up while train loss goes down', answers: ['validation-and-overfitting', 'epochs-and-early-stopping'] },
  { question: 'my model memorises the training data', answers: ['validation-and-overfitting', 'dropout', 'weight-decay'] },
  { question: 'loss barely moves, training is super slow', answers: ['learning-rate', 'learning-rate-schedules'] },
  { question: 'loss bounces around and never settles', answers: ['learning-rate', 'learning-rate-schedules', 'batch-size'] },
  { question: 'when should i stop training', answers: ['epochs-and-early-stopping'] },
  { question: 'how many epochs should i train for', answers: ['epochs-and-early-stopping'] },
  { question: 'why is my val acc so noisy between runs', answers: ['seeds-and-variance'] },
  { question: 'i get different results every time i run the same code', answers: ['seeds-and-variance'] },
  { question: 'is my 0.3% improvement real or just luck', answers: ['seeds-and-variance'] },
  { question: 'how many seeds do i need to compare two models fairly', answers: ['seeds-and-variance'] },
  { question: 'out of memory, should i lower the batch size', answers: ['batch-size'] },

  // How to tune, with limits
  { question: 'how to tune with like 1 gpu and 2 days', answers: ['tuning-workflow', 'successive-halving-and-hyperband', 'bayesian-optimisation'] },
  { question: 'where do i even start tuning a new model', answers: ['tuning-workflow', 'hyperparameters'] },
  { question: 'which hyperparameters matter most', answers: ['hyperparameter-importance', 'tuning-workflow'] },
  { question: 'what should i tune first', answers: ['tuning-workflow', 'hyperparameter-importance'] },
  { question: 'how do i know when to stop tuning', answers: ['tuning-workflow'] },
  { question: 'is there a library that tunes for me', answers: ['tuning-tools'] },
  { question: 'optuna vs ray tune', answers: ['tuning-tools'] },
  { question: 'how do wandb sweeps work', answers: ['tuning-tools'] },
  { question: 'what is a pruner in optuna', answers: ['tuning-tools', 'successive-halving-and-hyperband'] },
  { question: 'i have 8 gpus, how do i search in parallel', answers: ['parallel-search', 'population-based-training'] },
  { question: 'kill bad runs early to save compute', answers: ['successive-halving-and-hyperband', 'epochs-and-early-stopping'] },

  // Comparisons and "which one"
  { question: 'grid search vs random search which is better', answers: ['random-search', 'grid-search'] },
  { question: 'difference between grid and random search', answers: ['random-search', 'grid-search'] },
  { question: 'whats the difference between a parameter and a hyperparameter', answers: ['parameters-vs-hyperparameters'] },
  { question: 'adam or sgd?', answers: ['choosing-an-optimiser', 'momentum-and-adam'] },
  { question: 'which optimizer should i use', answers: ['choosing-an-optimiser', 'momentum-and-adam'] },
  { question: 'is adamw better than adam', answers: ['choosing-an-optimiser', 'momentum-and-adam', 'weight-decay'] },
  { question: 'what is the lion optimizer', answers: ['choosing-an-optimiser'] },
  { question: 'bayesian optimization vs random search, is it worth it', answers: ['bayesian-optimisation', 'random-search'] },
  { question: 'tpe vs gaussian process', answers: ['tpe', 'bayesian-optimisation'] },
  { question: 'sobol vs random sampling', answers: ['quasi-random-search'] },
  { question: 'hyperband vs bayesian optimisation', answers: ['successive-halving-and-hyperband', 'bayesian-optimisation'] },
  { question: 'l1 vs l2 regularisation', answers: ['weight-decay'] },

  // "How many", "how big", "what value"
  { question: 'how many layers should my network have', answers: ['layers-and-units'] },
  { question: 'how many neurons per layer', answers: ['layers-and-units'] },
  { question: 'how big should my batch be', answers: ['batch-size'] },
  { question: 'what learning rate should i start with', answers: ['learning-rate'] },
  { question: 'how many trees in a random forest', answers: ['tree-depth-and-number-of-trees'] },
  { question: 'how deep should my decision tree be', answers: ['tree-depth-and-number-of-trees'] },
  { question: 'what k should i use for knn', answers: ['k-nearest-neighbours'] },
  { question: 'how much dropout is too much', answers: ['dropout'] },
  { question: 'how many trials does bayesian optimisation need', answers: ['bayesian-optimisation'] },

  // "Why" and "what is"
  { question: 'why is the learning rate on a log scale', answers: ['search-spaces-and-log-scales', 'learning-rate'] },
  { question: 'why do people use warmup', answers: ['learning-rate-schedules', 'training-instability', 'fine-tuning'] },
  { question: 'what even is a hyperparameter', answers: ['hyperparameters', 'parameters-vs-hyperparameters'] },
  { question: 'what does momentum do', answers: ['momentum-and-adam'] },
  { question: 'why does random search beat grid search', answers: ['random-search', 'grid-search'] },
  { question: 'cosine decay or step decay', answers: ['learning-rate-schedules'] },
  { question: 'what does C do in an svm', answers: ['svm-c-and-gamma'] },
  { question: 'rbf gamma too high', answers: ['svm-c-and-gamma'] },
  { question: 'how does a gaussian process update its belief', answers: ['bayesian-updating', 'bayesian-optimisation'] },
  { question: 'what is population based training', answers: ['population-based-training'] },
  { question: 'why initialise weights small', answers: ['initialisation-scale'] },
  { question: 'xavier vs he init', answers: ['initialisation-scale'] },
  { question: 'my deep net outputs zeros from the start, init problem?', answers: ['initialisation-scale', 'training-instability'] },

  // Fine-tuning, augmentation, several goals
  { question: 'what lr for finetuning bert', answers: ['fine-tuning'] },
  { question: 'what rank should i use for lora', answers: ['fine-tuning'] },
  { question: 'lora alpha vs rank', answers: ['fine-tuning'] },
  { question: 'how strong should my data augmentation be', answers: ['augmentation-and-label-smoothing'] },
  { question: 'does label smoothing help', answers: ['augmentation-and-label-smoothing'] },
  { question: 'i want accuracy AND a small fast model', answers: ['multi-objective-tuning'] },
  { question: 'what is a pareto front', answers: ['multi-objective-tuning'] },
  { question: 'tune for accuracy with a latency limit', answers: ['multi-objective-tuning'] },
  { question: 'fanova importance', answers: ['hyperparameter-importance'] },

  // Typos, as typed in a hurry
  { question: 'dropuot rate', answers: ['dropout'] },
  { question: 'lerning rate too high', answers: ['learning-rate'] },
  { question: 'baysian optimisation', answers: ['bayesian-optimisation'] },
  { question: 'hyperparamter', answers: ['hyperparameters'] },
  { question: 'wieght decay', answers: ['weight-decay'] },
  { question: 'hpyerband', answers: ['successive-halving-and-hyperband'] },

  // Written after the search was tuned on the questions above, as a check that it was not tuned to them.
  { question: 'my training accuracy is 99% but validation is 60%', answers: ['validation-and-overfitting'] },
  { question: 'loss spikes randomly during training', answers: ['training-instability'] },
  { question: 'what happens if learning rate is too small', answers: ['learning-rate'] },
  { question: 'is bigger batch always faster', answers: ['batch-size'] },
  { question: 'should i use early stopping', answers: ['epochs-and-early-stopping'] },
  { question: 'how does optuna choose the next trial', answers: ['tpe', 'tuning-tools', 'bayesian-optimisation'] },
  { question: 'why do my runs give different accuracy with the same settings', answers: ['seeds-and-variance'] },
  { question: 'how much weight decay for adamw', answers: ['weight-decay', 'choosing-an-optimiser'] },
  { question: 'what does the k in knn mean', answers: ['k-nearest-neighbours'] },
  { question: 'random forest max depth', answers: ['tree-depth-and-number-of-trees'] },
  { question: 'what is successive halving', answers: ['successive-halving-and-hyperband'] },
  { question: 'is grid search a waste of time', answers: ['grid-search', 'random-search'] },
  { question: 'how to pick the search range for dropout', answers: ['search-spaces-and-log-scales', 'dropout'] },
  { question: 'my gpu runs out of memory', answers: ['batch-size'] },
  { question: 'how does a surrogate model work', answers: ['bayesian-optimisation'] },
  { question: 'what is warm up in lr schedules', answers: ['learning-rate-schedules'] },
  { question: 'why is adam so popular', answers: ['momentum-and-adam', 'choosing-an-optimiser'] },
  { question: 'how to fine tune llama with little data', answers: ['fine-tuning'] },
  { question: 'mixup alpha value', answers: ['augmentation-and-label-smoothing'] },
  { question: 'model too slow for production', answers: ['multi-objective-tuning'] },
  { question: 'how do i tune 10 hyperparameters at once', answers: ['hyperparameter-importance', 'tuning-workflow', 'bayesian-optimisation', 'random-search'] },
  { question: 'what is exploration vs exploitation', answers: ['bayesian-optimisation', 'tuning-workflow'] },
  { question: 'he initialization relu', answers: ['initialisation-scale'] },
  { question: 'sobol sequence', answers: ['quasi-random-search'] },
  { question: 'what is a hyperparameter in simple words', answers: ['hyperparameters'] },
];

/** Questions that no topic answers: an honest /ask says so and offers the closest topics. */
export const NO_TOPIC_QUESTIONS: readonly string[] = [
  'what is the capital of france',
  'how do i install pytorch on windows',
  'recommend me a good anime',
  'how do i center a div',
  'whats the weather tomorrow',
  'which laptop should i buy for gaming',
  'how to fix my bike chain',
  'who won the football match yesterday',
  'how do i write a for loop in python',
];
