/**
 * Dig for Gold's presenter: the words name the very spot and grams the rules hide, a strike is told
 * apart from a near miss, and the reveal's pictures carry every searcher and the player's belief.
 */
import { describe, expect, it } from 'vitest';
import { digPresenter, DIG_FILE_NAMES } from '../../commands/play/games/dig.js';
import { dig, goldPeak, type DigState } from '../../src/games/dig.js';
import { reveal } from '../../src/games/reveal.js';
import type { Reveal } from '../../src/games/reveal-types.js';
import type { DigRevealExtras } from '../../src/games/dig.js';

function played(seed: string, spots: readonly { x: number; y: number }[]): DigState {
  let state = dig.start({ seed });
  for (const spot of spots) if (state.status === 'playing') state = dig.play(state, spot).state;
  return state.status === 'playing' ? dig.giveUp(state) : state;
}

const revealOf = (state: DigState) => reveal(state) as Reveal<DigRevealExtras>;

describe('the dig presenter', () => {
  it('writes a dig as the spot and the grams, and marks a strike', () => {
    expect(digPresenter.turnText({ move: { x: 3, y: 97 }, feedback: { grams: 12.3, motherLode: false } })).toBe('(3, 97) → **12.3 g**');
    expect(digPresenter.turnText({ move: { x: 40, y: 41 }, feedback: { grams: 50, motherLode: true } })).toBe('(40, 41) → **50.0 g** mother lode!');
  });

  it('names where the mother lode was and how much, and the player’s best dig against it', () => {
    const state = played('presenter-miss', [{ x: 0, y: 0 }, { x: 100, y: 100 }]);
    const peak = goldPeak(state.seed, state.difficulty);
    const text = digPresenter.answerText(revealOf(state));
    expect(text).toContain(`**(${Math.round(peak.x)}, ${Math.round(peak.y)})**`);
    expect(text).toContain(`**${peak.grams.toFixed(1)} g**`);
    const best = state.history.reduce((a, b) => (b.feedback.grams > a.feedback.grams ? b : a));
    expect(text).toContain(`Your best dig found **${best.feedback.grams.toFixed(1)} g** at (${best.move.x}, ${best.move.y})`);
    expect(text).toContain('none of your digs came within');
    expect(dig.hiddenAnswer(state.seed, state.difficulty)).toContain(`x ${Math.round(peak.x)} m, y ${Math.round(peak.y)} m`);
  });

  it('says which dig struck the mother lode', () => {
    const peak = goldPeak('presenter-hit', 'normal');
    const state = played('presenter-hit', [{ x: 0, y: 0 }, { x: Math.round(peak.x), y: Math.round(peak.y) }]);
    expect(state.status).toBe('won');
    expect(digPresenter.answerText(revealOf(state))).toContain(`your dig 2 at (${Math.round(peak.x)}, ${Math.round(peak.y)}) struck it`);
  });

  it('draws the side-by-side maps with every searcher, the belief after the player’s digs, and Bayesian search’s belief as a GIF', () => {
    const state = played('presenter-pictures', [{ x: 20, y: 20 }, { x: 80, y: 30 }, { x: 50, y: 75 }]);
    const pictures = digPresenter.pictures(revealOf(state));
    expect(pictures.imageFile).toBe(DIG_FILE_NAMES.reveal);
    expect(pictures.files.map((f) => f.name)).toEqual([DIG_FILE_NAMES.reveal, DIG_FILE_NAMES.belief, DIG_FILE_NAMES.animation]);
    const [maps, belief, animation] = pictures.files;
    for (const label of ['Grid search', 'Random search', 'Quasi-random search', 'Bayesian search', 'You']) expect(maps!.description).toContain(label);
    expect(belief!.description).toMatch(/your digs/i);
    expect(Buffer.from(animation!.data).subarray(0, 6).toString()).toBe('GIF89a');
    for (const file of pictures.files) expect(file.description!.length).toBeLessThanOrEqual(1000);
  });

  it('draws no belief after a game with no digs, but still the maps of every searcher', () => {
    const pictures = digPresenter.pictures(revealOf(played('presenter-none', [])));
    expect(pictures.files.map((f) => f.name)).toEqual([DIG_FILE_NAMES.reveal, DIG_FILE_NAMES.animation]);
    expect(digPresenter.answerText(revealOf(played('presenter-none', [])))).toContain('You made no digs.');
  });
});
