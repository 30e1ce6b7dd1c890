/**
 * Teaching rules an expert review (issue 12) found broken, checked on the real topics so they stay fixed:
 * level 1 keeps to one analogy (no in-text game plugs, fewer than nine topics in the kitchen, "knob" explained),
 * and the claims and citations that were corrected do not come back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOPICS_DIR } from '../../src/content/library.js';
import { LEVELS } from '../../src/content/levels.js';
import { parseTopic, type Topic } from '../../src/content/topic.js';

const topics: Topic[] = readdirSync(DEFAULT_TOPICS_DIR)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .flatMap((file) => {
    const result = parseTopic(file.slice(0, -'.md'.length), readFileSync(join(DEFAULT_TOPICS_DIR, file), 'utf8'));
    return result.ok ? [result.topic] : [];
  });

/** The answer's footer already says "Try it: /play <game>"; level 1 repeating it crowds out the analogy. */
const GAME_PLUG = /\/play\b|\*\*(bake|lock|tune|train|dig)\*\*|\bthe (bake|lock|tune|train|dig) game\b/i;
/** Baking or cooking: grandma's kitchen is the bake game's picture, and level 1 needs more than one. */
const KITCHEN = /\b(bak(e|es|ed|ing|er)|ovens?|cookies?|(cup)?cakes?|dough|flour|grandma|soup|cook(s|ed|ing)?|salt)\b/i;
/** Fewer than nine topics may build level 1 in the kitchen. */
const MAX_KITCHEN_LEVEL_ONES = 8;
const KNOB = /\bknobs?\b/i;
const KNOB_EXPLAINED = /\bknob is\b|\bknobs are\b|\bknob means\b/i;

describe('level 1 of the real topics', () => {
  it('names no game in the text (the footer offers the game)', () => {
    const plugs = topics.filter((topic) => GAME_PLUG.test(topic.levels[1])).map((topic) => topic.slug);
    expect(plugs).toEqual([]);
  });

  it(`leans on baking or cooking in at most ${MAX_KITCHEN_LEVEL_ONES} topics`, () => {
    const kitchen = topics.filter((topic) => KITCHEN.test(topic.levels[1])).map((topic) => topic.slug);
    expect(kitchen.length, kitchen.join(', ')).toBeLessThanOrEqual(MAX_KITCHEN_LEVEL_ONES);
  });

  it('says what a knob is wherever it uses the word', () => {
    const unexplained = topics
      .filter((topic) => KNOB.test(topic.levels[1]) && !KNOB_EXPLAINED.test(topic.levels[1]))
      .map((topic) => topic.slug);
    expect(unexplained).toEqual([]);
  });
});

/** [where, wording that was wrong, what is true instead]. */
const RETIRED: readonly [slug: string | '*', wrong: RegExp, why: string][] = [
  ['*', /Hyperband[^()]{0,60}\(Li et al\.,? 2017\)/, 'Hyperband is Li et al., JMLR 2018 (ICLR 2017 version)'],
  ['batch-size', /noise (often )?helps|jumpiness can even help/i, 'once η is retuned, batch size changes speed, not quality'],
  ['population-based-training', /no (compute|training time) is (lost|thrown away)|no time is wasted/i, 'an overwritten member’s compute is lost'],
  ['population-based-training', /dry sand/i, 'dry sand does not hold a shape'],
  ['layers-and-units', /2·nₗ·nₗ₋₁ multiply-adds/, 'nₗ·nₗ₋₁ multiply-adds, about 2·nₗ·nₗ₋₁ FLOPs'],
  ['layers-and-units', /two-arm/i, 'the train game’s spiral has three arms'],
  ['grid-search', /low-discrepancy sequences \(Sobol', Halton\) also fill/, 'only scrambled sequences fill 2-D projections well'],
  ['weight-decay', /so it drives weights exactly to zero/, 'subgradient steps jitter; the lasso solution and proximal steps give zeros'],
  ['learning-rate', /Smith 2017\)? raises η exponentially/, 'Smith raised η linearly; the exponential sweep is fast.ai’s finder'],
  ['random-search', /matched or beat grid search/, 'on the DBNs random search matched or beat on five of seven data sets'],
  ['momentum-and-adam', /tuning budget drives the ranking \(Schmidt/, 'the tuning-protocol finding is Choi et al. 2019'],
  ['momentum-and-adam', /gear for every pedal/i, 'a bike has two pedals'],
  ['successive-halving-and-hyperband', /about log_η/, 'there are ⌊log_η n⌋ + 1 rounds'],
  ['successive-halving-and-hyperband', /high learning rates and aggressive schedules look good early/, 'from scratch, short horizons favour small rates'],
  ['random-search', /gap is real but often modest/, 'one framing of Turner et al. 2021 in random search and BO'],
  ['bayesian-optimisation', /clearly ahead of random search/, 'one framing of Turner et al. 2021 in random search and BO'],
  ['parallel-search', /your group (just did|round was)/i, 'via /explain there was no group round'],
  ['hyperparameters', /Standard Model/, 'level 5 is about tuning, not physics'],
  ['training-instability', /curvature is often highest/, 'early sharpness can exceed 2/η; it is not always highest at the start'],
  ['training-instability', /really training with a smaller learning rate/, 'only for SGD; Adam divides by √v̂, so clipping every step is not a smaller rate'],
  ['training-instability', /stale second moment/, 'Molybog et al. 2023: a large-norm update nearly uncorrelated with descent'],
  ['seeds-and-variance', /training is chaotic/i, 'Summers & Dinneen 2021 show tiny perturbations amplified, not chaos'],
  ['choosing-an-optimiser', /each parameter's RMS/, 'Adafactor’s relative step uses each weight matrix’s RMS'],
  ['choosing-an-optimiser', /0\.9 is the default/, 'momentum 0.9 is usual; PyTorch’s default is 0'],
  ['choosing-an-optimiser', /Adafactor \(with momentum\), Lion and signed momentum comparable/, 'Zhao et al. 2025 compared SGD, Adam, Adafactor, Lion, Sophia'],
  ['fine-tuning', /10–100× below the pretraining peak/, 'BERT fine-tuned only 2–5× below its 10⁻⁴ pretraining peak'],
  ['fine-tuning', /0\.65–0\.95/, 'released layer-wise decays span 0.65–0.9 (ELECTRA, BEiT, MAE)'],
  ['fine-tuning', /small new layer on top/i, 'LoRA adds small parts beside the frozen weights, not a layer on top'],
  ['multi-objective-tuning', /never pick some of the good middle options/, 'a weighted sum misses non-convex parts of the front, not "the middle"'],
  ['multi-objective-tuning', /\(z\* an ideal point\)/, 'the Chebyshev guarantee needs a utopia point, slightly beyond the ideal'],
  ['augmentation-and-label-smoothing', /flipping a "6"/i, 'a flipped 6 is a mirrored 6; turned upside down it is a 9'],
  ['augmentation-and-label-smoothing', /smaller data sets can usually take stronger/i, 'RandAugment: the best magnitude grows with model and data size'],
  ['augmentation-and-label-smoothing', /shared out among the other answers/i, 'q = (1 − ε)·onehot + ε/K spreads ε over all K classes'],
  ['augmentation-and-label-smoothing', /ten-times-larger JFT/i, 'JFT-300M is about twenty times ImageNet-21k'],
  ['tuning-tools', /HPOBench.{0,120}defaults matter/, 'HPOBench shows changing optimiser rankings; it is not a study of defaults'],
  ['hyperparameter-importance', /f_U\(θ_U\) = E\[f\(θ\) \| θ_U\]/, 'E[f | θ_U] is the marginal a_U; the component f_U subtracts the lower-order terms'],
  ['hyperparameter-importance', /k\(k \+ 1\)\/2 runs/, 'ablation costs k(k + 1)/2 configuration evaluations, each possibly many runs'],
  ['initialisation-scale', /most libraries use one of them|are the defaults in most libraries/i, 'PyTorch’s default is U(±1/√n_in), neither Xavier nor He; Flax uses LeCun'],
  ['initialisation-scale', /multiply branch outputs by a factor[^)]*GPT-2/, 'GPT-2 scales the initial weights of residual projections by 1/√N'],
];

describe('corrected claims stay corrected', () => {
  it.each(RETIRED)('%s: not %s (%s)', (slug, wrong) => {
    const scope = topics.filter((topic) => slug === '*' || topic.slug === slug);
    expect(scope.length).toBeGreaterThan(0);
    const found = scope.flatMap((topic) =>
      LEVELS.filter((level) => wrong.test(topic.levels[level])).map((level) => `${topic.slug} level ${level}`),
    );
    expect(found).toEqual([]);
  });
});
