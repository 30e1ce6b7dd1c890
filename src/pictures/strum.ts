/**
 * A strummed chord synthesised with the Karplus–Strong plucked-string algorithm: each string is a
 * burst of noise circulating in a delay line one period long, softened a little on every trip by a
 * two-point average, which is what makes it ring and fade like a string. Strings start a few
 * milliseconds apart like a downstroke. Nothing is tuned for the listener: two strings a few hertz
 * apart beat against each other simply because those are the frequencies played.
 */
import seedrandom from 'seedrandom';
import { pcm16MonoWav } from './wav.js';

export interface StrumOptions {
  /** Same seed, same sound. */
  readonly seed?: string;
  readonly seconds?: number;
  readonly sampleRate?: number;
}

export const STRUM_DEFAULTS = {
  seed: 'strum',
  seconds: 2.5,
  sampleRate: 22_050,
} as const;

/** Gap between successive strings of the downstroke. */
const STRING_STAGGER_SECONDS = 0.018;
/** Time for a string's fundamental to fade by 60 dB; long enough to hear any beating. */
const RING_SECONDS = 4;
/** Peak level after normalising, a little under full scale (−1 dBFS). */
export const STRUM_PEAK = 0.89;
const FADE_OUT_SECONDS = 0.08;
/** Cut-off of the pick's low-pass, in multiples of the string's frequency. */
const PICK_BRIGHTNESS_HARMONICS = 2.5;

export const MIN_FREQUENCY_HZ = 20;

/**
 * One plucked string starting at sample 0, written (added) into `out` from `offset`.
 * The loop delay is the delay line (`whole` samples), plus half a sample from the average, plus a
 * fractional first-order all-pass, so the pitch is exact rather than rounded to a whole sample.
 */
function addPluckedString(
  out: Float64Array,
  offset: number,
  frequency: number,
  sampleRate: number,
  amplitude: number,
  random: () => number,
): void {
  const period = sampleRate / frequency;
  // Keep the all-pass delay within [0.1, 1.1): near 0 its coefficient approaches 1 and it rings.
  const whole = Math.floor(period - 0.6);
  const fraction = period - 0.5 - whole;
  const allpass = (1 - fraction) / (1 + fraction);
  // Per-trip gain chosen so the fundamental fades by 60 dB in RING_SECONDS (the average already
  // loses cos(π f / fs) per trip); capped below 1 so the loop can never grow.
  const tripsToSilence = frequency * RING_SECONDS;
  const loopGain = Math.min(0.9995, 10 ** (-3 / tripsToSilence) / Math.cos((Math.PI * frequency) / sampleRate));

  const length = out.length - offset;
  if (length <= 0) return;
  const y = new Float64Array(length);
  const burst = Math.min(length, Math.round(period));
  // A zero-mean noise burst through two one-pole low-passes (cut-off a few harmonics up). This stands
  // in for a soft pick: raw white noise puts as much energy in high partials as in the fundamental
  // and the string sounds thin. The filter runs over the burst twice, as a loop, so it has no
  // start-up transient and the burst is smooth where it wraps around.
  const smoothing = 1 - Math.exp((-2 * Math.PI * PICK_BRIGHTNESS_HARMONICS * frequency) / sampleRate);
  const noise = Array.from({ length: burst }, () => random() * 2 - 1);
  const excitation = new Float64Array(burst);
  let stage1 = 0;
  let stage2 = 0;
  for (let pass = 0; pass < 2; pass++) {
    for (let n = 0; n < burst; n++) {
      stage1 += smoothing * ((noise[n] ?? 0) - stage1);
      stage2 += smoothing * (stage1 - stage2);
      excitation[n] = stage2;
    }
  }
  const mean = excitation.reduce((sum, value) => sum + value, 0) / burst;

  let previousAverage = 0;
  let previousAllpass = 0;
  for (let n = 0; n < length; n++) {
    const a = n - whole >= 0 ? (y[n - whole] ?? 0) : 0;
    const b = n - whole - 1 >= 0 ? (y[n - whole - 1] ?? 0) : 0;
    const average = 0.5 * (a + b);
    const delayed = allpass * average + previousAverage - allpass * previousAllpass;
    previousAverage = average;
    previousAllpass = delayed;
    const input = n < burst ? (excitation[n] ?? 0) - mean : 0;
    y[n] = input + loopGain * delayed;
  }
  for (let n = 0; n < length; n++) out[offset + n] = (out[offset + n] ?? 0) + amplitude * (y[n] ?? 0);
}

/** The chord as samples in [-STRUM_PEAK, STRUM_PEAK], before WAV encoding. */
export function strumSamples(frequencies: readonly number[], options: StrumOptions = {}): Float64Array {
  const seed = options.seed ?? STRUM_DEFAULTS.seed;
  const seconds = options.seconds ?? STRUM_DEFAULTS.seconds;
  const sampleRate = options.sampleRate ?? STRUM_DEFAULTS.sampleRate;
  if (frequencies.length === 0) throw new RangeError('A strum needs at least one string');
  if (!(seconds > 0) || !Number.isFinite(seconds)) throw new RangeError(`Bad duration: ${seconds}`);
  if (!Number.isInteger(sampleRate) || sampleRate < 8000) throw new RangeError(`Bad sample rate: ${sampleRate}`);
  for (const frequency of frequencies) {
    // A delay line shorter than a few samples cannot hold a pitch; a quarter of the rate is plenty for a guitar.
    if (!Number.isFinite(frequency) || frequency < MIN_FREQUENCY_HZ || frequency > sampleRate / 4) {
      throw new RangeError(`Frequency ${frequency} Hz is outside ${MIN_FREQUENCY_HZ}–${sampleRate / 4} Hz`);
    }
  }

  const random = seedrandom(seed);
  const mix = new Float64Array(Math.round(seconds * sampleRate));
  frequencies.forEach((frequency, index) => {
    // Real strums are uneven: each string a little louder or softer, a little early or late.
    const amplitude = 0.8 + 0.2 * random();
    const jitter = (random() - 0.5) * 0.004;
    const start = Math.max(0, Math.round((index * STRING_STAGGER_SECONDS + jitter) * sampleRate));
    addPluckedString(mix, start, frequency, sampleRate, amplitude, random);
  });

  const fadeSamples = Math.min(mix.length, Math.round(FADE_OUT_SECONDS * sampleRate));
  for (let i = 0; i < fadeSamples; i++) {
    const n = mix.length - fadeSamples + i;
    mix[n] = (mix[n] ?? 0) * (1 - (i + 1) / fadeSamples);
  }
  let peak = 0;
  for (const sample of mix) peak = Math.max(peak, Math.abs(sample));
  if (peak > 0) for (let n = 0; n < mix.length; n++) mix[n] = ((mix[n] ?? 0) / peak) * STRUM_PEAK;
  return mix;
}

/** A plucked chord as a 16-bit mono WAV file (about 110 kB for the default 2.5 s at 22,050 Hz). */
export function strumWav(frequencies: readonly number[], options: StrumOptions = {}): Buffer {
  return pcm16MonoWav(strumSamples(frequencies, options), options.sampleRate ?? STRUM_DEFAULTS.sampleRate);
}
