/**
 * What a Gaussian process is fitted to and fitted with: the observations (inputs in the unit cube,
 * one target each) and the kernel hyperparameters.
 */
export interface TrainingData {
  /** count × dimension, row-major, every coordinate in [0, 1]. */
  readonly inputs: Float64Array;
  readonly targets: Float64Array;
  readonly count: number;
  readonly dimension: number;
  /** 1 for categorical dimensions (compared by equality), 0 for numeric ones. */
  readonly categorical: Uint8Array;
}

export interface Hyperparameters {
  readonly lengthScales: Float64Array;
  readonly signalVariance: number;
  readonly noiseVariance: number;
}
