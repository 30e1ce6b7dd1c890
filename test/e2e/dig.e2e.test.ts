/**
 * End to end, Dig for Gold through the real bot and the Discord test double: a whole game through the
 * x/y modal to its reveal (the map pictures, the belief GIF, "Why?"), a race against the optimiser with
 * its belief maps, and today's /daily dig.
 */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { InteractionCtx, StoredMessage } from '../discord-double/types.js';
import { components, control, waitFor } from './board.js';
import { clearOfUtcMidnight } from './clock.js';
import { useScenario } from './scenario.js';

const scenario = useScenario({ global: true });

function field(message: StoredMessage, prefix: string): string {
  return message.embeds[0]?.fields?.find((f: { name: string }) => f.name.startsWith(prefix))?.value ?? '';
}

const TOO_FAST = 'You are going a little fast.';

const tooFast = (answer: { data?: { content?: string } }): boolean => answer.data?.content?.startsWith(TOO_FAST) === true;

/**
 * Digs through the board's modal; in a race the optimiser's move may have moved the board on, so a stale
 * click just answers. A 12-dig game opens and submits a modal for every dig, faster than any person would,
 * so when the bot's per-user rate limit (20 at once, 2 a second) turns a step away, the dig starts again.
 */
async function digAt(board: StoredMessage, x: string, y: string, ctx: InteractionCtx, options: { racing?: boolean } = {}) {
  const until = Date.now() + 60_000;
  for (;;) {
    const opened = await scenario().double.click(board.id, control(board, 'Dig…').custom_id, ctx);
    const modal = await opened.response();
    if (!tooFast(modal) || Date.now() > until) {
      if (options.racing === true && modal.type !== 9) return opened;
      expect(modal.type).toBe(9);
      const inputs = modal.data.components.flatMap((row: { components: { custom_id: string }[] }) => row.components.map((c) => c.custom_id));
      expect(inputs).toEqual(['x', 'y']);
      const submitted = await scenario().double.submitModal(modal.data.custom_id, { x, y }, { ...ctx, messageId: board.id });
      if (!tooFast(await submitted.response()) || Date.now() > until) return submitted;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The board once the reveal's maps (not the board's own small map) have arrived. */
const revealOf = (id: string) =>
  waitFor(() => {
    const message = scenario().double.message(id);
    return message?.attachments.some((a) => a.filename === 'dig-reveal.png') ? message : undefined;
  }, 'the dig reveal', 90_000);

describe('Dig for Gold on Discord', () => {
  it('plays a whole game through the x/y modal, with the map of digs on the board, to a reveal of maps', async () => {
    const ann = scenario().as('400000000000000001');
    let board = (await (await scenario().double.slash('play', { subcommand: 'dig', options: { seed: 'e2e-dig' } }, ann)).settled())!;
    expect(board.embeds[0].title).toBe('Dig for Gold');
    expect(field(board, 'Left')).toBe('12 of 12 digs');
    const spots = [
      ['10', '10'], ['50', '10'], ['90', '10'], ['10', '50'], ['50', '50'], ['90', '50'],
      ['10', '90'], ['50', '90'], ['90', '90'], ['30', '30'], ['70', '70'], ['30', '70'],
    ];
    let dug = 0;
    for (const [x, y] of spots) {
      if (!components(board).some((c) => c.label === 'Dig…')) break;
      const submitted = await digAt(board, x!, y!, ann);
      expect((await submitted.response()).type).toBe(7);
      dug++;
      board = scenario().double.message(board.id)!;
      expect(board.embeds[0].description).toMatch(new RegExp(`\\(${x}, ${y}\\) → \\*\\*\\d+\\.\\d g\\*\\*`));
      const map = board.attachments.find((a) => a.filename === 'dig-map.png');
      if (board.embeds[0].description.includes('mother lode!')) break;
      // The board's map of the digs so far is its embed's image, with alt text that counts them.
      expect(map, 'the board map').toBeDefined();
      expect(board.embeds[0].image?.url).toBe(`attachment://${map!.filename}`);
      expect(PNG.sync.read(map!.data).width).toBeGreaterThan(0);
      expect(map!.description).toMatch(new RegExp(`${dug} digs? so far`));
    }
    expect(dug).toBeGreaterThan(0);
    const lastMap = board.attachments.find((a) => a.filename === 'dig-map.png')!;
    const revealed = await revealOf(board.id);
    // The reveal edits the board after the last dig: that dig's map stays as it was, not uploaded again.
    expect(revealed.attachments.find((a) => a.filename === 'dig-map.png')).toEqual(lastMap);
    const names = revealed.attachments.map((a) => a.filename);
    expect(names).toEqual(expect.arrayContaining(['dig-reveal.png', 'dig-belief.png', 'dig-belief.gif']));
    const maps = revealed.attachments.find((a) => a.filename === 'dig-reveal.png')!;
    expect(PNG.sync.read(maps.data).width).toBeGreaterThanOrEqual(600);
    for (const searcher of ['Grid search', 'Random search', 'Quasi-random search', 'Bayesian search']) expect(maps.description).toContain(searcher);
    expect(revealed.attachments.find((a) => a.filename === 'dig-belief.gif')!.data.subarray(0, 6).toString()).toBe('GIF89a');
    expect(revealed.embeds[0].image?.url).toBe('attachment://dig-reveal.png');
    expect(JSON.stringify(revealed.embeds[0])).toMatch(/mother lode was at \*\*\(\d+, \d+\)\*\*/);
    const why = await scenario().double.click(revealed.id, control(revealed, 'Why?').custom_id, ann);
    expect((await why.settled())?.embeds[0].description).toMatch(/lattice|grid/i);
    expect(why.ephemeral).toBe(true);
  }, 240_000);

  it('refuses a dig off the map privately and loses nothing', async () => {
    const bo = scenario().as('400000000000000002');
    const board = (await (await scenario().double.slash('play', { subcommand: 'dig', options: { seed: 'e2e-dig-off' } }, bo)).settled())!;
    const submitted = await digAt(board, '101', '5', bo);
    const answer = await submitted.settled();
    expect(submitted.ephemeral).toBe(true);
    expect(answer?.content).toMatch(/x \(metres east\) must be a whole number of metres from 0 to 100/);
    expect(field(scenario().double.message(board.id)!, 'Left')).toBe('12 of 12 digs');
    expect(scenario().double.message(board.id)!.attachments).toEqual(board.attachments);
  }, 120_000);

  it('keeps the board map without sending it again while no dig changes it: Give up asked, then Keep playing', async () => {
    const eve = scenario().as('400000000000000005');
    let board = (await (await scenario().double.slash('play', { subcommand: 'dig', options: { seed: 'e2e-dig-keep' } }, eve)).settled())!;
    expect(board.embeds[0].image?.url).toBe('attachment://dig-map.png');
    expect(board.attachments.map((a) => [a.filename, a.description])).toEqual([['dig-map.png', expect.stringMatching(/no digs yet/)]]);
    expect((await (await digAt(board, '40', '60', eve)).response()).type).toBe(7);
    board = scenario().double.message(board.id)!;
    const map = board.attachments.find((a) => a.filename === 'dig-map.png')!;
    expect(map.description).toMatch(/1 dig so far/);
    const since = scenario().double.requests.length;
    for (const [press, shows] of [['Give up', 'Really give up?'], ['Keep playing', 'Give up']] as const) {
      const clicked = await scenario().double.click(board.id, control(board, press).custom_id, eve);
      expect((await clicked.response()).type).toBe(7);
      board = scenario().double.message(board.id)!;
      expect(control(board, shows)).toBeDefined();
      expect(board.attachments).toEqual([map]);
      expect(board.embeds[0].image?.url).toBe('attachment://dig-map.png');
    }
    const answers = scenario().double.requests.slice(since).filter((r) => r.route.endsWith('/callback'));
    expect(answers).toHaveLength(2);
    expect(answers.flatMap((r) => r.uploads)).toEqual([]);
  }, 120_000);

  it('races the optimiser, whose thoughts are belief maps of its own digs', async () => {
    const cy = scenario().as('400000000000000003');
    let board = (await (await scenario().double.slash('play', { subcommand: 'dig', options: { seed: 'e2e-dig-race', mode: 'race' } }, cy)).settled())!;
    expect(field(board, 'The optimiser')).toContain('Waiting for your first move');
    await (await digAt(board, '20', '80', cy)).settled();
    board = scenario().double.message(board.id)!;
    expect(field(board, 'The optimiser')).toMatch(/\n1 dig, best/);
    const thinking = await scenario().double.click(board.id, control(board, 'What is it thinking?').custom_id, cy);
    const thoughts = await thinking.settled();
    expect(thinking.ephemeral).toBe(true);
    expect(thoughts?.attachments[0]?.filename).toBe('optimiser-belief.png');
    expect(thoughts?.attachments[0]?.description).toMatch(/its digs/);
    const spots = [['80', '20'], ['50', '50'], ['20', '20'], ['80', '80'], ['50', '10'], ['50', '90'], ['10', '50'], ['90', '50'], ['35', '65'], ['65', '35'], ['40', '40']];
    // A click the optimiser's move made stale digs nothing, so keep digging until the board has no Dig… left.
    for (let k = 0; k < 3 * spots.length; k++) {
      board = scenario().double.message(board.id)!;
      if (!components(board).some((c) => c.label === 'Dig…')) break;
      const [x, y] = spots[k % spots.length]!;
      await (await digAt(board, x!, y!, cy, { racing: true })).settled();
    }
    const revealed = await revealOf(board.id);
    expect(revealed.embeds[0].description).toMatch(/The optimiser won this race|The optimiser struck the mother lode first|You beat the optimiser|A tie/);
  }, 240_000);

  it('starts today’s /daily dig, the same puzzle for everyone', async () => {
    await clearOfUtcMidnight();
    const dee = scenario().as('400000000000000004');
    const answer = await (await scenario().double.slash('daily', { game: 'dig' }, dee)).settled();
    expect(answer?.content).toBe("Today's Dig for Gold: the same puzzle for everyone. One attempt.");
    expect(answer?.embeds[0].title).toBe('Dig for Gold');
    expect(control(answer!, 'Dig…')).toBeDefined();
    expect(JSON.stringify(answer)).not.toMatch(/seed:/);
  }, 120_000);

  it('broke none of Discord’s rules', () => {
    expect(scenario().double.violations).toEqual([]);
  });
});
