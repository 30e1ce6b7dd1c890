/** 16-bit PCM mono WAV: a 44-byte RIFF header followed by little-endian samples. */

export const WAV_HEADER_BYTES = 44;

/** Samples in [-1, 1] (values outside are clipped) to a complete WAV file. */
export function pcm16MonoWav(samples: Float32Array | Float64Array, sampleRate: number): Buffer {
  if (!Number.isInteger(sampleRate) || sampleRate <= 0) throw new RangeError(`Bad sample rate: ${sampleRate}`);
  const bytesPerSample = 2;
  const dataBytes = samples.length * bytesPerSample;
  const wav = Buffer.alloc(WAV_HEADER_BYTES + dataBytes);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + dataBytes, 4); // size of everything after this field
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16); // fmt chunk size for plain PCM
  wav.writeUInt16LE(1, 20); // format 1 = integer PCM
  wav.writeUInt16LE(1, 22); // channels
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * bytesPerSample, 28); // byte rate
  wav.writeUInt16LE(bytesPerSample, 32); // block align
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i++) {
    const clipped = Math.max(-1, Math.min(1, samples[i] ?? 0));
    wav.writeInt16LE(Math.round(clipped * 32767), WAV_HEADER_BYTES + i * bytesPerSample);
  }
  return wav;
}
