/**
 * Priors on the kernel hyperparameters, all on log scales. With a dozen points the marginal
 * likelihood alone happily explains everything as noise or picks absurd length scales; a prior keeps
 * the fit sensible until the data speak. Inputs live in the unit cube and targets are standardised,
 * so the same numbers suit every search space.
 */

export interface HyperparameterPrior {
  /** Mean and spread of log ℓ (one length scale per dimension). */
  readonly logLengthScaleMean: number;
  readonly logLengthScaleSpread: number;
  /** Mean and spread of log σ² (signal variance of the standardised targets). */
  readonly logSignalVarianceMean: number;
  readonly logSignalVarianceSpread: number;
  /** Mean and spread of log σₙ² (noise variance), used when the noise is fitted. */
  readonly logNoiseVarianceMean: number;
  readonly logNoiseVarianceSpread: number;
}

/**
 * The default prior. Length scales centre on 0.5·d^¼ (unit-cube widths): in more dimensions points
 * sit farther apart, so a model needs longer scales to connect them (the reasoning behind Hvarfner
 * et al.'s dimension-scaled prior). The spread is tight (a factor e^0.5 per standard deviation):
 * with a loose prior the fit stretches the scales of dimensions that look flat near the incumbent
 * until the model is sure nothing lies elsewhere, and the search stalls in a local basin.
 */
export function defaultPrior(dimension: number): HyperparameterPrior {
  return {
    logLengthScaleMean: Math.log(0.5) + 0.25 * Math.log(Math.max(1, dimension)),
    logLengthScaleSpread: 0.5,
    logSignalVarianceMean: 0,
    logSignalVarianceSpread: 1.5,
    logNoiseVarianceMean: Math.log(1e-2),
    logNoiseVarianceSpread: 2,
  };
}

/** log N(x; mean, spread²) up to a constant, and its derivative. */
export function logNormalDensity(x: number, mean: number, spread: number): { value: number; slope: number } {
  const z = (x - mean) / spread;
  return { value: -0.5 * z * z, slope: -z / spread };
}
