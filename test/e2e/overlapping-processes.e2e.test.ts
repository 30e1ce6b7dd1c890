/**
 * Two bot processes on the same shard, as while a deploy overlaps the old process with the new one:
 * Discord sends each interaction to both, both handle it, and only the first answer counts (the other gets
 * 40060). On one PostgreSQL database the board's compare-and-set must keep that to one move, the board
 * must show it whichever process answered, and two people clicking at the same moment make one move. A
 * slash command that starts something (a game, a group round, a quiz set) starts it once: the stored row
 * is unique per interaction, so the slower process finds the faster one's and answers with its board.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordDouble } from '../discord-double/index.js';
import type { DiscordDouble, InteractionCtx, StoredMessage } from '../discord-double/types.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { components, control, waitFor } from './board.js';
import { clearOfUtcMidnight } from './clock.js';
import { CHANNEL_ID, doubleEnv, GUILD_ID, runScript, startBot, type BotProcess } from './harness.js';

const SLOW = 180_000;

let double: DiscordDouble;
let database: TestDatabase;
const bots: BotProcess[] = [];

const as = (userId: string): InteractionCtx => ({ user: double.user(userId), guildId: GUILD_ID, channelId: CHANNEL_ID });
/**
 * The double reports each refused request; the slower process's 40060 is the one expected here. Both
 * processes do answer (without the overlap this test would prove nothing), the slower one perhaps after
 * the test has its answer, hence the wait.
 */
/** Waits for `late` refused answers (40060) since `since`, and checks nothing else went wrong meanwhile. */
async function expectOnlyLateAnswers(since: number, late = 1): Promise<void> {
  await waitFor(() => (double.violations.slice(since).filter((v) => v.includes('40060')).length >= late ? true : undefined), 'the slower process to answer too');
  const refused = double.violations.slice(since);
  expect(refused.filter((v) => !v.includes('40060'))).toEqual([]);
}

const triesOn = (board: StoredMessage) => (board.embeds[0]?.description ?? '').match(/^\d+\. `/gm)?.length ?? 0;

beforeAll(async () => {
  double = await startDiscordDouble({ guilds: [{ id: GUILD_ID, name: 'Study group', channels: [{ id: CHANNEL_ID, name: 'general' }] }] });
  database = await createTestDatabase('postgres');
  const env = doubleEnv(double, { ...database.env, DISCORD_GUILD_ID: GUILD_ID });
  const registration = await runScript('src/discord/deploy-commands.ts', env);
  if (registration.code !== 0) throw new Error(`deploy-commands failed:\n${registration.output}`);
  bots.push(await startBot(double, env));
}, SLOW);

afterAll(async () => {
  for (const bot of bots) await bot.stop();
  await double?.close();
  await database?.drop();
}, SLOW);

async function secondProcessOnTheSameShard(): Promise<void> {
  const env = doubleEnv(double, { ...database.env, DISCORD_GUILD_ID: GUILD_ID });
  bots.push(await startBot(double, env));
  await waitFor(() => (double.connectedSessions(0) === 2 ? true : undefined), 'both processes on shard 0', 60_000);
}

async function tryCombination(board: StoredMessage, digits: readonly string[], who: InteractionCtx) {
  let current = board;
  for (const [dial, digit] of digits.entries()) {
    const menu = components(current).find((c) => c.custom_id.startsWith('play:dial:') && c.custom_id.split(':')[4] === String(dial))!;
    await (await double.select(current.id, menu.custom_id, [digit], who)).settled();
    current = double.message(current.id)!;
  }
  return double.click(current.id, components(current).find((c) => c.custom_id.startsWith('play:try:'))!.custom_id, who);
}

describe('two processes receiving the same interactions', () => {
  it('makes each click one move and shows it on the board, whichever process answers first', async () => {
    const since = double.violations.length;
    const ann = as('400000000000000001');
    const started = (await (await double.slash('play', { subcommand: 'lock', options: { seed: 'overlap-solo' } }, ann)).settled())!;
    await secondProcessOnTheSameShard();
    let board = started;
    for (const [n, digits] of [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9']].entries()) {
      const tried = await tryCombination(board, digits, ann);
      const answer = await tried.settled();
      // The move was made (by one process); neither answer may tell the player otherwise.
      expect(answer?.content ?? '').not.toMatch(/not made/);
      board = double.message(board.id)!;
      if (!components(board).some((c) => c.custom_id.startsWith('play:try:'))) break;
      expect(triesOn(board)).toBe(n + 1);
    }
    const [row] = await database.query(`SELECT version, state FROM games WHERE message_id = '${board.id}'`);
    const history = (JSON.parse(String(row?.state)) as { game: { history: unknown[] } }).game.history;
    expect(history.length).toBe(triesOn(board));
    for (const bot of bots) {
      expect(bot.child.exitCode).toBeNull();
      // The slower answer's 40060 is expected here, not an error.
      expect(bot.output()).not.toContain('could not answer an interaction');
    }
    await expectOnlyLateAnswers(since);
  }, SLOW);

  it('makes one move when two players click the same board at the same moment', async () => {
    const since = double.violations.length;
    const [host, bea, cal] = ['400000000000000002', '400000000000000003', '400000000000000004'].map(as) as [InteractionCtx, InteractionCtx, InteractionCtx];
    const board = (await (await double.slash('play', { subcommand: 'tune', options: { seed: 'overlap-group', mode: 'group' } }, host)).settled())!;
    if (double.connectedSessions(0) < 2) await secondProcessOnTheSameShard();
    const up = control(board, '+1¢').custom_id;
    const clicks = await Promise.all([double.click(board.id, up, bea), double.click(board.id, up, cal)]);
    const answers = await Promise.all(clicks.map((click) => click.settled()));
    const after = double.message(board.id)!;
    const movesShown = (after.embeds[0]?.description ?? '').match(/^\d+\. \*\*learner\d+\*\*/gm)?.length ?? 0;
    expect(movesShown, after.embeds[0]?.description).toBe(1);
    // The other player is told, privately, that the board moved on without their move (their click
    // found the board changed before or while it moved).
    const refused = clicks.filter((click, i) => click.ephemeral && /not made|nothing happened/.test(answers[i]?.content ?? ''));
    expect(refused.length, JSON.stringify(answers.map((a, i) => [clicks[i]?.ephemeral, a?.content]))).toBe(1);
    const [row] = await database.query(`SELECT state FROM games WHERE message_id = '${board.id}'`);
    expect((JSON.parse(String(row?.state)) as { game: { history: unknown[] } }).game.history.length).toBe(1);
    // Two clicks, each answered by both processes: both slower answers must be in before the next test.
    await expectOnlyLateAnswers(since, 2);
  }, SLOW);
});

describe('two processes receiving the same slash command', () => {
  /** What one process answered: the callback's message, as it sent it (the slower one's was refused with 40060). */
  interface Answer {
    content?: string;
    components?: { components: { custom_id?: string }[] }[];
  }

  /**
   * Sends the command once (Discord delivers it to both processes), waits until both have answered it, and
   * resolves the board the player sees and both processes' answers, the refused one included.
   */
  async function deliveredToBoth(name: string, options: Record<string, unknown>, who: InteractionCtx): Promise<{ board: StoredMessage; answers: Answer[] }> {
    if (double.connectedSessions(0) < 2) await secondProcessOnTheSameShard();
    const since = double.violations.length;
    const interaction = await double.slash(name, options, who);
    const board = await interaction.settled();
    if (!board) throw new Error(`no answer to /${name}`);
    // Only once the slower process has answered too has it also stored whatever it was going to store.
    // Its answer is this interaction's second callback (a late answer to an earlier one would not do).
    const answered = () =>
      double.requests.filter((r) => r.method === 'POST' && r.route.startsWith(`/interactions/${interaction.id}/`) && r.route.endsWith('/callback') && r.status !== 0);
    await waitFor(() => (answered().length >= 2 ? true : undefined), 'the slower process to answer too');
    await expectOnlyLateAnswers(since);
    // The player sees one answer, whichever process gave it.
    expect(double.channelMessages(who.channelId).filter((m) => m.interactionId === interaction.id && !m.deleted)).toHaveLength(1);
    const callbacks = answered();
    // Both processes answered; Discord took one and refused the other.
    expect(callbacks).toHaveLength(2);
    expect(callbacks.filter((r) => r.status === 400)).toHaveLength(1);
    return { board, answers: callbacks.map((r) => (r.body as { data: Answer }).data) };
  }

  /** The stored id a board's buttons carry (`play:ask:<game>:…`, `quiz:answer:<set>:…`, `quiz:gjoin:<round>`). */
  const idOnBoard = (board: StoredMessage, prefix: string) => control(board, (c) => c.custom_id.startsWith(prefix)).custom_id.split(':')[2];
  /** The same, in an answer as a process sent it. */
  const idInAnswer = (answer: Answer, prefix: string) =>
    (answer.components ?? []).flatMap((row) => row.components).find((c) => c.custom_id?.startsWith(prefix) === true)?.custom_id?.split(':')[2];
  const ids = async (sql: string) => (await database.query(sql)).map((row) => String(row.id));

  /** One row in the database, shown on the player's board, and both processes answered with that same board. */
  async function expectOneRowOnBothAnswers(sent: { board: StoredMessage; answers: Answer[] }, prefix: string, sql: string): Promise<void> {
    const id = idOnBoard(sent.board, prefix);
    expect(await ids(sql)).toEqual([id]);
    expect(sent.answers.map((answer) => idInAnswer(answer, prefix))).toEqual([id, id]);
  }

  it('starts one game for a bare /play bake, and both processes answer with its board', async () => {
    const dee = as('400000000000000011');
    // As Discord sends it with no option chosen: the subcommand alone, no options array. Each process would pick its own seed.
    const sent = await deliveredToBoth('play', { subcommand: 'bake' }, dee);
    await expectOneRowOnBothAnswers(sent, 'play:ask:', `SELECT id FROM games WHERE owner_id = '${dee.user.id}'`);
  }, SLOW);

  it('starts one group round, with one clock to close it', async () => {
    const eve = as('400000000000000012');
    const sent = await deliveredToBoth('play', { subcommand: 'tune', options: { mode: 'group', minutes: 5 } }, eve);
    await expectOneRowOnBothAnswers(sent, 'play:', `SELECT id FROM games WHERE owner_id = '${eve.user.id}' AND mode = 'group' AND status = 'active'`);
  }, SLOW);

  it('starts one quiz set for /quiz, and one group quiz round for /quiz mode:group', async () => {
    const fay = as('400000000000000013');
    const set = await deliveredToBoth('quiz', { topic: 'learning-rate', level: 2 }, fay);
    await expectOneRowOnBothAnswers(set, 'quiz:answer:', `SELECT id FROM quiz_sets WHERE owner_id = '${fay.user.id}'`);
    const lobby = await deliveredToBoth('quiz', { mode: 'group', questions: 3 }, fay);
    await expectOneRowOnBothAnswers(lobby, 'quiz:gjoin:', `SELECT id FROM quiz_rounds WHERE host_id = '${fay.user.id}'`);
    for (const bot of bots) expect(bot.output()).not.toContain('could not answer an interaction');
  }, SLOW);

  it('starts one daily game, and both processes answer it as a start (never as an attempt made already)', async () => {
    // The day's attempt is keyed by the UTC day: both processes must see the same one.
    await clearOfUtcMidnight();
    const gus = as('400000000000000014');
    const sent = await deliveredToBoth('daily', { game: 'bake' }, gus);
    await expectOneRowOnBothAnswers(sent, 'play:ask:', `SELECT id FROM games WHERE owner_id = '${gus.user.id}'`);
    expect(sent.answers.map((answer) => answer.content)).toEqual([expect.stringMatching(/^Today's Grandma's Bake/), expect.stringMatching(/^Today's Grandma's Bake/)]);
    expect(Number((await database.query('SELECT count(*) AS n FROM daily_attempts'))[0]?.n)).toBe(1);
  }, SLOW);
});
