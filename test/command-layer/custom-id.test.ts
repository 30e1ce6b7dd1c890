import { describe, expect, it } from 'vitest';
import { CUSTOM_ID_MAX_LENGTH, CustomIdError, decodeCustomId, encodeCustomId } from '../../src/command-layer/custom-id.js';

describe('custom ids', () => {
  it('round-trip command, action and arguments', () => {
    const id = encodeCustomId('play', 'move', 'AbC123xyz0', 7);
    expect(id).toBe('play:move:AbC123xyz0:7');
    expect(decodeCustomId(id)).toEqual({ command: 'play', action: 'move', args: ['AbC123xyz0', '7'] });
  });

  it('refuse to encode separators, odd characters or over-long ids', () => {
    expect(() => encodeCustomId('play', 'move', 'a:b')).toThrow(CustomIdError);
    expect(() => encodeCustomId('play', 'move', 'a b')).toThrow(CustomIdError);
    expect(() => encodeCustomId('play', 'move', 'x'.repeat(CUSTOM_ID_MAX_LENGTH))).toThrow(CustomIdError);
  });

  it('decode forged or garbled ids to undefined instead of throwing', () => {
    for (const forged of ['', 'play', ':move', 'play:', 'play:move:<script>', 'x'.repeat(101), 'play:mo ve']) {
      expect(decodeCustomId(forged)).toBeUndefined();
    }
  });
});
