/**
 * A question's picture can take seconds to draw the first time (a GP's tries on the train game), longer
 * than an interaction may wait: the screen goes out at once without it, and an edit adds it when drawn.
 * Its own file, so no other test has drawn the picture in this process yet.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandResponse, ComponentRequest } from '../../src/command-layer/types.js';
import { drawnPicture } from '../../src/learning/question-pictures.js';
import { messageOf as message } from '../support/responses.js';
import { createTestApp, person, type TestApp } from '../support/app.js';

let app: TestApp;
let clock = new Date('2026-12-01T09:00:00Z');
beforeEach(async () => {
  app = await createTestApp(() => clock);
});
afterEach(async () => app.dispose());

const ANA = person('710000000000000001', 'Ana');
const answerButton = (response: CommandResponse) => message(response).rows!.flat().find((c) => c.type === 'button' && c.label === 'A')!.customId;

describe('a question picture not drawn yet', () => {
  it('is left out of the first answer, with a note, and added by the later edit', async () => {
    let screen = await app.router.slash({ ...ANA, command: 'quiz', subcommand: null, options: { topic: 'hyperparameters', level: 3 } });
    // Walk the set to its picture question (answering A each time).
    for (let i = 0; i < 5; i++) {
      const question = app.services.quizzes.get(answerButton(screen).split(':')[4]!)!;
      if (question.picture) {
        expect(drawnPicture(question.picture)).toBeUndefined();
        expect(screen.kind === 'update' || screen.kind === 'reply').toBe(true);
        if (screen.kind === 'modal') return;
        expect(screen.message.files).toBeUndefined();
        expect(screen.message.embeds?.[0]?.description).toContain('The picture is being drawn');
        expect(screen.later).toBeDefined();
        const full = await screen.later!();
        expect(full.files).toHaveLength(1);
        expect(full.files?.[0]?.description).toMatch(/numbered dots/);
        expect(full.embeds?.[0]?.imageFile).toBe(full.files?.[0]?.name);
        expect(full.embeds?.[0]?.description).not.toContain('being drawn');
        expect(drawnPicture(question.picture)).toBeDefined();
        // Drawn once, it goes out with the first answer.
        const request: ComponentRequest = { ...ANA, source: 'button', customId: answerButton(screen), values: [], fields: {}, messageId: '1' };
        const answered = await app.router.component(request);
        expect(message(answered).files).toHaveLength(1);
        expect(answered.kind !== 'modal' && answered.later).toBeFalsy();
        return;
      }
      clock = new Date(clock.getTime() + 5_000);
      const request = (customId: string): ComponentRequest => ({ ...ANA, source: 'button', customId, values: [], fields: {}, messageId: '1' });
      const answered = await app.router.component(request(answerButton(screen)));
      const next = message(answered).rows!.flat().find((c) => c.type === 'button' && c.label === 'Next')!;
      screen = await app.router.component(request(next.customId));
    }
    throw new Error('no picture question in the level 3 set');
  });
});
