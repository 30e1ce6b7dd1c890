import { describe, expect, it } from 'vitest';
import { STRUM_PEAK, strumSamples, strumWav } from '../../src/pictures/strum.js';
import { WAV_HEADER_BYTES } from '../../src/pictures/wav.js';
import { powerAt } from './inspect.js';

const RATE = 22_050;

/** Samples back from the WAV's 16-bit data, as numbers in [-1, 1]. */
function wavSamples(wav: Buffer): Float64Array {
  const count = (wav.length - WAV_HEADER_BYTES) / 2;
  return Float64Array.from({ length: count }, (_, i) => wav.readInt16LE(WAV_HEADER_BYTES + i * 2) / 32767);
}

/** Strongest frequency between `low` and `high` Hz, over half a second starting 0.1 s in. */
function dominantFrequency(samples: Float64Array, low: number, high: number): number {
  let best = 0;
  let bestFrequency = 0;
  for (let f = low; f <= high; f += 0.5) {
    const power = powerAt(samples, f, RATE, Math.round(0.1 * RATE), RATE / 2);
    if (power > best) {
      best = power;
      bestFrequency = f;
    }
  }
  return bestFrequency;
}

/** Fundamental from the autocorrelation: the first lag nearly as self-similar as the best one. */
function autocorrelationPitch(samples: Float64Array): number {
  const from = Math.round(0.1 * RATE);
  const span = Math.round(0.3 * RATE);
  const correlations: number[] = [];
  for (let lag = 0; lag <= Math.round(RATE / 50); lag++) {
    let sum = 0;
    for (let i = from; i < from + span; i++) sum += (samples[i] ?? 0) * (samples[i + lag] ?? 0);
    correlations.push(sum);
  }
  const minLag = Math.round(RATE / 1000);
  const best = Math.max(...correlations.slice(minLag));
  const lag = correlations.findIndex((c, l) => l >= minLag && c >= 0.9 * best && c >= (correlations[l - 1] ?? 0) && c >= (correlations[l + 1] ?? 0));
  // Parabolic interpolation around the peak for a sub-sample period.
  const left = correlations[lag - 1] ?? 0;
  const centre = correlations[lag] ?? 0;
  const right = correlations[lag + 1] ?? 0;
  const shift = (0.5 * (left - right)) / (left - 2 * centre + right);
  return RATE / (lag + shift);
}

/**
 * How much the loudness wobbles around a smooth decay: RMS of the log envelope (10 ms windows)
 * around its straight-line fit. Beating between strings shows up as a large wobble.
 */
function envelopeWobble(samples: Float64Array): number {
  const window = Math.round(RATE * 0.01);
  const envelope: number[] = [];
  for (let start = Math.round(RATE * 0.15); start + window < Math.round(RATE * 2.2); start += window) {
    let energy = 0;
    for (let i = start; i < start + window; i++) energy += (samples[i] ?? 0) ** 2;
    envelope.push(0.5 * Math.log(energy / window));
  }
  const n = envelope.length;
  const meanT = (n - 1) / 2;
  const meanE = envelope.reduce((a, b) => a + b, 0) / n;
  let covariance = 0;
  let variance = 0;
  envelope.forEach((e, t) => {
    covariance += (t - meanT) * (e - meanE);
    variance += (t - meanT) ** 2;
  });
  const slope = covariance / variance;
  const residual = envelope.reduce((sum, e, t) => sum + (e - meanE - slope * (t - meanT)) ** 2, 0);
  return Math.sqrt(residual / n);
}

describe('strumWav', () => {
  const chord = [82.41, 110, 146.83, 196, 246.94, 329.63];
  const wav = strumWav(chord, { seed: 'e-minor' });

  it('writes a correct 16-bit mono PCM RIFF header', () => {
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.toString('ascii', 8, 16)).toBe('WAVEfmt ');
    expect(wav.readUInt32LE(16)).toBe(16);
    expect(wav.readUInt16LE(20)).toBe(1);
    expect(wav.readUInt16LE(22)).toBe(1);
    expect(wav.readUInt32LE(24)).toBe(RATE);
    expect(wav.readUInt32LE(28)).toBe(RATE * 2);
    expect(wav.readUInt16LE(32)).toBe(2);
    expect(wav.readUInt16LE(34)).toBe(16);
    expect(wav.toString('ascii', 36, 40)).toBe('data');
    expect(wav.readUInt32LE(40)).toBe(wav.length - WAV_HEADER_BYTES);
  });

  it('lasts seconds × rate samples', () => {
    expect((wav.length - WAV_HEADER_BYTES) / 2).toBe(Math.round(2.5 * RATE));
    const short = strumWav([220], { seconds: 1, sampleRate: 16_000 });
    expect(short.readUInt32LE(24)).toBe(16_000);
    expect((short.length - WAV_HEADER_BYTES) / 2).toBe(16_000);
  });

  it('is normalised to its peak and fades out without a click', () => {
    const samples = wavSamples(wav);
    const peak = Math.max(...samples.map(Math.abs));
    expect(peak).toBeCloseTo(STRUM_PEAK, 3);
    expect(Math.abs(samples[samples.length - 1] ?? 1)).toBeLessThan(0.001);
  });

  it('is the same for the same seed and different for another', () => {
    expect(strumWav(chord, { seed: 'e-minor' }).equals(wav)).toBe(true);
    expect(strumWav(chord, { seed: 'other' }).equals(wav)).toBe(false);
  });

  it('staggers the strings like a downstroke', () => {
    const both = strumSamples([110, 330], { seed: 's' });
    const lowOnly = strumSamples([110], { seed: 's' });
    // For the first 15 ms only the low string sounds: the two differ by normalisation alone.
    const ratio = (both[100] ?? 0) / (lowOnly[100] ?? 1);
    for (let i = 1; i < Math.round(0.015 * RATE); i++) expect(both[i]).toBeCloseTo((lowOnly[i] ?? 0) * ratio, 9);
    // By 40 ms the high string has joined in.
    const late = Math.round(0.04 * RATE);
    expect(Math.abs((both[late] ?? 0) - (lowOnly[late] ?? 0) * ratio)).toBeGreaterThan(1e-3);
  });

  it.each([196, 246.94, 329.63, 440])('a single %d Hz string peaks at that pitch and its harmonics', (frequency) => {
    for (const seed of ['a', 'b', 'c']) {
      const samples = wavSamples(strumWav([frequency], { seed }));
      const found = dominantFrequency(samples, 60, 2000);
      // The strongest partial is the fundamental or, for a bright pluck, one of its harmonics…
      const harmonic = Math.round(found / frequency);
      expect(harmonic, `${seed}: ${found}`).toBeGreaterThanOrEqual(1);
      expect(Math.abs(found - harmonic * frequency) / (harmonic * frequency), `${seed}: ${found}`).toBeLessThan(0.005);
      // …and the fundamental itself stands far above the spectrum a semitone either side.
      const at = (f: number) => powerAt(samples, f, RATE, Math.round(0.1 * RATE), RATE / 2);
      expect(at(frequency), seed).toBeGreaterThan(20 * Math.max(at(frequency * 0.944), at(frequency * 1.059)));
    }
    expect(dominantFrequency(wavSamples(strumWav([frequency], { seed: 'a' })), frequency * 0.8, frequency * 1.2)).toBeCloseTo(frequency, -0.5);
  });

  it.each([82.41, 110, 146.83])('a single low %d Hz string repeats at its period', (frequency) => {
    const found = autocorrelationPitch(strumSamples([frequency], { seed: 'low' }));
    expect(Math.abs(found - frequency) / frequency).toBeLessThan(0.005);
  });

  it('beats when two strings are a few hertz apart, and not when they agree', () => {
    for (const seed of ['a', 'b', 'c']) {
      const inTune = envelopeWobble(strumSamples([220, 220], { seed }));
      const unisonOff = envelopeWobble(strumSamples([220, 223], { seed }));
      const octaveOff = envelopeWobble(strumSamples([110, 222.5], { seed }));
      const octaveIn = envelopeWobble(strumSamples([110, 220], { seed }));
      expect(unisonOff, seed).toBeGreaterThan(2 * inTune);
      expect(octaveOff, seed).toBeGreaterThan(1.5 * octaveIn);
    }
  });

  it('refuses impossible chords', () => {
    expect(() => strumWav([])).toThrow(RangeError);
    expect(() => strumWav([Number.NaN])).toThrow(RangeError);
    expect(() => strumWav([10])).toThrow(RangeError);
    expect(() => strumWav([20_000])).toThrow(RangeError);
    expect(() => strumWav([220], { seconds: 0 })).toThrow(RangeError);
  });
});
