/**
 * Every command that starts something stored, handled twice for the same Discord interaction, as two bot
 * processes on one shard handle it during a rolling restart: through the real router on one real SQLite
 * file (the two processes' shared database), one game, quiz set or round comes of it, and the second
 * handling answers with the very board the first did. A different interaction still starts a new one.
 * (The same across two real processes on PostgreSQL: test/e2e/overlapping-processes.e2e.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandResponse, ComponentRequest, Invocation } from '../../src/command-layer/types.js';
import { createTestApp, person, type TestApp } from '../support/app.js';
import { messageOf } from '../support/responses.js';

let app: TestApp;
const clock = new Date('2026-12-03T12:00:00Z');
let now = clock;

beforeEach(async () => {
  now = clock;
  app = await createTestApp(() => now);
});
afterEach(async () => app.dispose());

let interactions = 0;
/** A fresh Discord interaction id (a snowflake as text) for one person's request. */
function interaction(who: Invocation): Invocation {
  interactions += 1;
  return { ...who, interactionId: String(1_190_000_000_000_000_000n + BigInt(interactions)) };
}

const slash = (who: Invocation, command: string, subcommand: string | null, options: Record<string, string | number> = {}) =>
  app.router.slash({ ...who, command, subcommand, options });

function click(who: Invocation, customId: string) {
  const request: ComponentRequest = { ...who, source: 'button', customId, values: [], fields: {}, messageId: '1' };
  return app.router.component(request);
}

/** The same request handled by both processes at the same moment. */
const twice = (handle: () => Promise<CommandResponse>) => Promise.all([handle(), handle()]);

/** What a person sees of an answer: its message, without the picture drawn later. */
const shown = (response: CommandResponse) => JSON.stringify(messageOf(response));

/** The stored thing an answer shows, named by the ids in its buttons (`play:…:<game>:…`, `quiz:…:<set>:…`). */
function storedIdOf(response: CommandResponse, prefix: string): string {
  const ids = (messageOf(response).rows ?? [])
    .flat()
    .flatMap((c) => ('customId' in c && c.customId.startsWith(prefix) ? [c.customId.split(':')[2] ?? ''] : []));
  if (ids.length === 0) throw new Error(`no ${prefix} control in ${shown(response)}`);
  return ids[0]!;
}

describe('one interaction handled by two processes starts one thing', () => {
  it.each([
    ['a bare /play (each process would pick its own seed)', {}],
    ['/play mode:group', { mode: 'group', seed: 'same-interaction' }],
    ['/play mode:race', { mode: 'race', seed: 'same-interaction' }],
  ])('%s: one game, and both answers show its board', async (_name, options) => {
    const ann = person('710000000000000001', 'Ann');
    const request = interaction(ann);
    const [first, second] = await twice(() => slash(request, 'play', 'bake', options));
    expect(shown(second)).toBe(shown(first));
    const games = await app.services.storage.games.listByOwner(ann.user.id);
    expect(games).toHaveLength(1);
    expect(storedIdOf(first, 'play:')).toBe(games[0]!.id);
    // Another /play is another interaction, and another game.
    await slash(interaction(ann), 'play', 'bake', options);
    expect(await app.services.storage.games.listByOwner(ann.user.id)).toHaveLength(2);
  });

  it('/quiz: one set, the same questions in both answers', async () => {
    const bo = person('710000000000000002', 'Bo');
    const request = interaction(bo);
    const [first, second] = await twice(() => slash(request, 'quiz', null, { topic: 'learning-rate' }));
    expect(shown(second)).toBe(shown(first));
    const another = await slash(interaction(bo), 'quiz', null, { topic: 'learning-rate' });
    expect(storedIdOf(another, 'quiz:')).not.toBe(storedIdOf(first, 'quiz:'));
  });

  it('"Test yourself" and "Another set": one set per click', async () => {
    const cy = person('710000000000000003', 'Cy');
    const request = interaction(cy);
    const [first, second] = await twice(() => click(request, 'quiz:new:2:_'));
    expect(shown(second)).toBe(shown(first));
    expect(storedIdOf(first, 'quiz:')).toMatch(/^[A-Za-z0-9]{10}$/);
  });

  it('/review: one set of the due questions', async () => {
    const di = person('710000000000000004', 'Di');
    const question = app.services.quizzes.all()[0]!;
    const answered = new Date(clock.getTime() - 3 * 86_400_000);
    await app.services.storage.quizzes.recordAnswer(
      { userId: di.user.id, questionId: question.id, chosen: 1, right: false, mode: 'quiz', setId: null, answeredAt: answered },
      { userId: di.user.id, questionId: question.id, card: {}, due: answered },
    );
    const request = interaction(di);
    const [first, second] = await twice(() => slash(request, 'review', null));
    expect(shown(first)).toContain(`:${question.id}:`);
    expect(shown(second)).toBe(shown(first));
  });

  it('/quiz mode:group: one round, so one board to join and one clock to close it', async () => {
    const ed = person('710000000000000005', 'Ed');
    const request = interaction(ed);
    const [first, second] = await twice(() => slash(request, 'quiz', null, { mode: 'group', questions: 3, seconds: 30 }));
    expect(shown(second)).toBe(shown(first));
    expect((await app.services.storage.privacy.about(ed.user.id)).quizRounds).toBe(1);
  });

  it('/daily: one attempt and one game, and both answers start it (neither says it was played already)', async () => {
    const fa = person('710000000000000006', 'Fa');
    const request = interaction(fa);
    const [first, second] = await twice(() => slash(request, 'daily', null, { game: 'bake' }));
    expect(messageOf(first).content).toMatch(/^Today's/);
    expect(shown(second)).toBe(shown(first));
    expect(await app.services.storage.games.listByOwner(fa.user.id)).toHaveLength(1);
    // A second /daily the same day is another interaction: the attempt was made, and it says so.
    const again = await slash(interaction(fa), 'daily', null, { game: 'bake' });
    expect(messageOf(again).content).toMatch(/where you left it/);
  });

  it('/daily handled just before and just after midnight UTC: one game, of the day it was sent, and the new day still unplayed', async () => {
    const gu = person('710000000000000007', 'Gu');
    const request = interaction(gu);
    now = new Date('2026-12-03T23:59:59.900Z');
    const first = await slash(request, 'daily', null, { game: 'bake' });
    now = new Date('2026-12-04T00:00:00.100Z');
    const second = await slash(request, 'daily', null, { game: 'bake' });
    expect(messageOf(first).content).toMatch(/^Today's/);
    expect(shown(second)).toBe(shown(first));
    expect(await app.services.storage.games.listByOwner(gu.user.id)).toHaveLength(1);
    expect(app.logs()).not.toMatch(/"level":50/);
    // The new day's /daily, another interaction, starts the new day's game.
    const today = await slash(interaction(gu), 'daily', null, { game: 'bake' });
    expect(messageOf(today).content).toMatch(/^Today's/);
    const games = await app.services.storage.games.listByOwner(gu.user.id);
    expect(new Set(games.map((game) => game.seed)).size).toBe(2);
  });
});
