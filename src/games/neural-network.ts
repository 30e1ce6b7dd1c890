/**
 * A small neural network trained from scratch: one hidden layer of tanh units, a softmax output,
 * mini-batch stochastic gradient descent with momentum and L2 weight decay. Deliberately plain SGD rather
 * than Adam: the learning rate then matters the way the lesson says — too small crawls, too large blows up.
 * Written on flat Float64Arrays so a run stays well under a second.
 */
import type { Rng } from '../search/random.js';
import { normal, shuffle } from '../search/random.js';
import type { Dataset, Split } from './datasets.js';

export interface TrainingSettings {
  readonly learningRate: number;
  readonly epochs: number;
  readonly hiddenUnits: number;
  readonly batchSize: number;
  readonly weightDecay: number;
}

export interface LearningCurve {
  /** Mean cross-entropy over the training examples during each epoch; null once training has blown up. */
  readonly trainLoss: readonly (number | null)[];
  /** Share of held-out examples classified right after each epoch, 0–1. */
  readonly heldOutAccuracy: readonly number[];
}

export interface TrainingResult {
  /** Share of held-out examples classified right at the end, 0–1. */
  readonly heldOutAccuracy: number;
  readonly curve: LearningCurve;
  /** True when the loss became infinite or not a number (the learning rate was too large). */
  readonly diverged: boolean;
}

const MOMENTUM = 0.9;
/** A loss above this is treated as blown up: the weights are past saving. */
const DIVERGED_LOSS = 1e6;

class Network {
  readonly inputs: number;
  readonly hidden: number;
  readonly outputs: number;
  /** Hidden weights, row per hidden unit: w1[h * inputs + i]. */
  readonly w1: Float64Array;
  readonly b1: Float64Array;
  /** Output weights, row per class: w2[k * hidden + h]. */
  readonly w2: Float64Array;
  readonly b2: Float64Array;

  constructor(inputs: number, hidden: number, outputs: number, rng: Rng) {
    this.inputs = inputs;
    this.hidden = hidden;
    this.outputs = outputs;
    // Xavier-style scale keeps tanh units out of saturation at the start.
    this.w1 = Float64Array.from({ length: hidden * inputs }, () => normal(rng) / Math.sqrt(inputs));
    this.b1 = new Float64Array(hidden);
    this.w2 = Float64Array.from({ length: outputs * hidden }, () => normal(rng) / Math.sqrt(hidden));
    this.b2 = new Float64Array(outputs);
  }

  /** Fills `activations` (hidden) and `probabilities` (softmax) for one example. */
  forward(x: readonly number[], activations: Float64Array, probabilities: Float64Array): void {
    const { inputs, hidden, outputs, w1, b1, w2, b2 } = this;
    for (let h = 0; h < hidden; h++) {
      let sum = b1[h] as number;
      for (let i = 0; i < inputs; i++) sum += (w1[h * inputs + i] as number) * (x[i] as number);
      activations[h] = Math.tanh(sum);
    }
    let largest = -Infinity;
    for (let k = 0; k < outputs; k++) {
      let sum = b2[k] as number;
      for (let h = 0; h < hidden; h++) sum += (w2[k * hidden + h] as number) * (activations[h] as number);
      probabilities[k] = sum;
      if (sum > largest) largest = sum;
    }
    let total = 0;
    for (let k = 0; k < outputs; k++) {
      const e = Math.exp((probabilities[k] as number) - largest);
      probabilities[k] = e;
      total += e;
    }
    for (let k = 0; k < outputs; k++) probabilities[k] = (probabilities[k] as number) / total;
  }

  predict(x: readonly number[], activations: Float64Array, probabilities: Float64Array): number {
    this.forward(x, activations, probabilities);
    let best = 0;
    for (let k = 1; k < this.outputs; k++) if ((probabilities[k] as number) > (probabilities[best] as number)) best = k;
    return best;
  }
}

function accuracy(net: Network, data: Dataset, activations: Float64Array, probabilities: Float64Array): number {
  let right = 0;
  for (let n = 0; n < data.labels.length; n++) {
    if (net.predict(data.features[n] as number[], activations, probabilities) === data.labels[n]) right++;
  }
  return right / data.labels.length;
}

/** Trains a fresh network on `split.train` and reads its accuracy on `split.heldOut`. Deterministic given `rng`'s seed. */
export function trainClassifier(split: Split, settings: TrainingSettings, rng: Rng): TrainingResult {
  const { train, heldOut } = split;
  const inputs = train.features[0]?.length ?? 0;
  const { hiddenUnits: hidden, learningRate, weightDecay } = settings;
  const outputs = train.classCount;
  const net = new Network(inputs, hidden, outputs, rng);

  const gradW1 = new Float64Array(net.w1.length);
  const gradB1 = new Float64Array(net.b1.length);
  const gradW2 = new Float64Array(net.w2.length);
  const gradB2 = new Float64Array(net.b2.length);
  const velocity = [net.w1, net.b1, net.w2, net.b2].map((p) => new Float64Array(p.length));
  const activations = new Float64Array(hidden);
  const probabilities = new Float64Array(outputs);
  const hiddenDelta = new Float64Array(hidden);

  const trainLoss: (number | null)[] = [];
  const heldOutAccuracy: number[] = [];
  let diverged = false;
  const count = train.labels.length;
  const order = Array.from({ length: count }, (_, i) => i);

  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    const shuffled = diverged ? order : shuffle(rng, order);
    let lossSum = 0;
    for (let start = 0; start < count && !diverged; start += settings.batchSize) {
      const end = Math.min(count, start + settings.batchSize);
      gradW1.fill(0);
      gradB1.fill(0);
      gradW2.fill(0);
      gradB2.fill(0);
      for (let b = start; b < end; b++) {
        const n = shuffled[b] as number;
        const x = train.features[n] as number[];
        const label = train.labels[n] as number;
        net.forward(x, activations, probabilities);
        lossSum -= Math.log(Math.max(1e-12, probabilities[label] as number));
        // Softmax with cross-entropy: the output error is simply p - onehot.
        hiddenDelta.fill(0);
        for (let k = 0; k < outputs; k++) {
          const delta = (probabilities[k] as number) - (k === label ? 1 : 0);
          gradB2[k] = (gradB2[k] as number) + delta;
          for (let h = 0; h < hidden; h++) {
            gradW2[k * hidden + h] = (gradW2[k * hidden + h] as number) + delta * (activations[h] as number);
            hiddenDelta[h] = (hiddenDelta[h] as number) + delta * (net.w2[k * hidden + h] as number);
          }
        }
        for (let h = 0; h < hidden; h++) {
          const a = activations[h] as number;
          const delta = (hiddenDelta[h] as number) * (1 - a * a);
          gradB1[h] = (gradB1[h] as number) + delta;
          for (let i = 0; i < inputs; i++) gradW1[h * inputs + i] = (gradW1[h * inputs + i] as number) + delta * (x[i] as number);
        }
      }
      const scale = 1 / (end - start);
      step(net.w1, gradW1, velocity[0] as Float64Array, scale, learningRate, weightDecay);
      step(net.b1, gradB1, velocity[1] as Float64Array, scale, learningRate, 0);
      step(net.w2, gradW2, velocity[2] as Float64Array, scale, learningRate, weightDecay);
      step(net.b2, gradB2, velocity[3] as Float64Array, scale, learningRate, 0);
      if (!Number.isFinite(lossSum) || lossSum / count > DIVERGED_LOSS) diverged = true;
    }
    const epochLoss = lossSum / count;
    if (diverged || !Number.isFinite(epochLoss)) {
      diverged = true;
      trainLoss.push(null);
    } else {
      trainLoss.push(epochLoss);
    }
    heldOutAccuracy.push(accuracy(net, heldOut, activations, probabilities));
  }

  return { heldOutAccuracy: heldOutAccuracy.at(-1) ?? 0, curve: { trainLoss, heldOutAccuracy }, diverged };
}

/** One SGD-with-momentum update; weight decay pulls weights toward zero (biases are left alone). */
function step(
  params: Float64Array,
  grad: Float64Array,
  velocity: Float64Array,
  scale: number,
  learningRate: number,
  weightDecay: number,
): void {
  for (let j = 0; j < params.length; j++) {
    const p = params[j] as number;
    const g = (grad[j] as number) * scale + weightDecay * p;
    const v = MOMENTUM * (velocity[j] as number) - learningRate * g;
    velocity[j] = v;
    params[j] = p + v;
  }
}
