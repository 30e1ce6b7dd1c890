/**
 * The Gaussian-process model as the rest of the engine uses it: fit one to observations
 * (transform-selection.ts, fitting.ts, likelihood.ts) and read its posterior (posterior.ts).
 */
export type { FitOptions, NoiseModel } from './fitting.js';
export { GaussianProcess } from './posterior.js';
export type { Hyperparameters, TrainingData } from './training-data.js';
export { fitGaussianProcess } from './transform-selection.js';
