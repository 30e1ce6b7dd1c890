/**
 * End to end, the playground through the real bot and the Discord double, with the bot's own web server
 * (WEB_PORT, WEB_BASE_URL, DISCORD_CLIENT_SECRET set): a bake game and a Dig for Gold game each end with
 * an "Open the replay" link button whose page, in headless Chromium, scrubs back and forth (dig's as maps); /playground launches the Activity
 * (callback type 12) or links to the page; the Activity's sign-in goes through the bot's POST /api/token
 * to the double's OAuth2 endpoint.
 */
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../discord-double/types.js';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { components, control, revealOf, waitFor } from './board.js';
import { useScenario } from './scenario.js';

/** A port free right now, for a bot whose links must name its address before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const CLIENT_SECRET = 'e2e-client-secret';
const scenario = useScenario({ clientSecret: CLIENT_SECRET, botSettings: { WEB_PORT: String(port), WEB_BASE_URL: baseUrl, DISCORD_CLIENT_SECRET: CLIENT_SECRET } });
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

interface LinkButton {
  type: number;
  style: number;
  label: string;
  url: string;
}

describe('the replay of a game played on Discord', { timeout: 120_000 }, () => {
  it('links the reveal to a replay the bot serves, which scrubs move by move', async () => {
    await scenario().bot.waitForOutput(`Playground: http://localhost:${port}/`);
    const ann = '200000000000000011';
    const ctx = scenario().as(ann);
    let board: StoredMessage | undefined = await (await scenario().double.slash('play', { subcommand: 'bake', options: { seed: 'e2e-replay' } }, ctx)).settled();
    if (!board) throw new Error('no board');
    for (const minutes of ['8', '11', '14', '17', '20', '23', '12.5', '15.5']) {
      if (!components(board).some((c) => c.label === 'Bake…')) break;
      const opened = await scenario().double.click(board.id, control(board, 'Bake…').custom_id, ctx);
      const modal = await opened.response();
      await (await scenario().double.submitModal(modal.data.custom_id, { minutes }, { ...ctx, messageId: board.id })).response();
      board = scenario().double.message(board.id)!;
    }
    const revealed = await revealOf(scenario().double, board.id);
    const links = (revealed.components as { components: LinkButton[] }[]).flatMap((row) => row.components).filter((c) => c.style === 5);
    expect(links.map((link) => link.label)).toEqual(['Open the replay']);
    const url = links[0]!.url;
    expect(url).toMatch(new RegExp(`^${baseUrl}/replay/[0-9A-Za-z]{10}\\.[0-9a-z]+\\.[A-Za-z0-9_-]{22}$`));
    expect(scenario().double.violations).toEqual([]);

    const page = await browser.newPage({ viewport: { width: 1200, height: 1100 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.locator('#belief-chart svg').waitFor({ timeout: 60_000 });
    const moves = Number((await page.locator('#move').textContent())?.match(/Move (\d+) of 8/)?.[1]);
    expect(moves).toBeGreaterThan(1);
    expect(await page.locator('#probes li').count()).toBe(moves);
    await page.screenshot({ path: screenshotPath('replay-from-discord') });
    await page.locator('#scrub').focus();
    await page.keyboard.press('Home');
    expect(await page.locator('#move').textContent()).toBe('Move 0 of 8');
    expect(await page.locator('#belief-chart path.mean').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#move').textContent()).toBe('Move 1 of 8');
    expect(await page.locator('#belief-chart g.probe').count()).toBe(1);
    expect(await page.locator('#belief-chart path.mean').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('links a Dig for Gold reveal to a replay of maps: the uncovered field, the belief after each move, scrubbed', async () => {
    await scenario().bot.waitForOutput(`Playground: http://localhost:${port}/`);
    const cy = scenario().as('200000000000000014');
    const board = (await (await scenario().double.slash('play', { subcommand: 'dig', options: { seed: 'e2e-dig-replay' } }, cy)).settled())!;
    const spots = [['20', '20'], ['80', '30'], ['45', '75']] as const;
    for (const [x, y] of spots) {
      const current = scenario().double.message(board.id)!;
      if (!components(current).some((c) => c.label === 'Dig…')) break;
      // Three digs, well inside the bot's per-user rate limit (20 at once, 2 a second).
      const opened = await scenario().double.click(board.id, control(current, 'Dig…').custom_id, cy);
      const modal = await opened.response();
      expect(modal.type).toBe(9);
      await (await scenario().double.submitModal(modal.data.custom_id, { x, y }, { ...cy, messageId: board.id })).response();
    }
    let current = scenario().double.message(board.id)!;
    if (components(current).some((c) => c.label === 'Give up')) {
      await (await scenario().double.click(board.id, control(current, 'Give up').custom_id, cy)).settled();
      current = scenario().double.message(board.id)!;
      await (await scenario().double.click(board.id, control(current, 'Yes, give up').custom_id, cy)).settled();
    }
    // The reveal's own maps, not the board's small map of digs, mark the reveal's arrival.
    const revealed = await waitFor(
      () => {
        const message = scenario().double.message(board.id);
        return message?.attachments.some((a) => a.filename === 'dig-reveal.png') ? message : undefined;
      },
      'the dig reveal',
      90_000,
    );
    const links = (revealed.components as { components: LinkButton[] }[]).flatMap((row) => row.components).filter((c) => c.style === 5);
    expect(links.map((link) => link.label)).toEqual(['Open the replay']);
    expect(scenario().double.violations).toEqual([]);

    const page = await browser.newPage({ viewport: { width: 1200, height: 1100 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(links[0]!.url);
    await page.locator('#map-chart svg.truth').waitFor({ timeout: 60_000 });
    const moves = Number((await page.locator('#move').textContent())?.match(/Move (\d+) of 12/)?.[1]);
    expect(moves).toBeGreaterThan(0);
    expect(moves).toBeLessThanOrEqual(spots.length);
    expect(await page.locator('#map-chart svg.truth g.dig').count()).toBe(moves);
    expect(await page.locator('#map-chart svg.truth polygon.lode').count()).toBe(1);
    expect(await page.locator('#probes li').first().textContent()).toMatch(/^x \(metres east\) 20, y \(metres north\) 20: gold \d+(\.\d)? g$/);
    await page.screenshot({ path: screenshotPath('replay-dig-from-discord'), fullPage: true });
    await page.locator('#scrub').focus();
    await page.keyboard.press('Home');
    expect(await page.locator('#move').textContent()).toBe('Move 0 of 12');
    expect(await page.locator('#belief-chart svg.mean image.heat').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#move').textContent()).toBe('Move 1 of 12');
    expect(await page.locator('#map-chart svg.truth g.dig').count()).toBe(1);
    expect(await page.locator('#belief-chart svg.mean image.heat').count()).toBe(1);
    expect(await page.locator('#acquisition-chart svg g.next').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('/playground launches the Activity, or links to the page in a browser', async () => {
    const ben = scenario().as('200000000000000012');
    const launched = await scenario().double.slash('playground', {}, ben);
    expect((await launched.response()).type).toBe(12);
    expect(scenario().double.activityLaunches.map((launch) => launch.userId)).toContain('200000000000000012');

    const linked = await (await scenario().double.slash('playground', { where: 'browser' }, ben)).settled();
    const links = (linked!.components as { components: LinkButton[] }[]).flatMap((row) => row.components);
    expect(links).toEqual([expect.objectContaining({ style: 5, label: 'Open the playground', url: `${baseUrl}/` })]);
    expect(scenario().double.violations).toEqual([]);
  });

  it('signs the Activity in through the bot’s token route and the double’s OAuth2 endpoint', async () => {
    const code = scenario().double.authorizeActivity('200000000000000013');
    const post = (body: unknown) => fetch(`${baseUrl}/api/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const response = await post({ code });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { access_token: string }).access_token.length).toBeGreaterThan(10);
    const again = await post({ code });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: string }).error).toMatch(/did not accept that sign-in code/);
    const config = (await (await fetch(`${baseUrl}/api/activity`)).json()) as { clientId: string };
    expect(config.clientId).toBe(scenario().double.applicationId);
    expect(scenario().bot.output()).not.toContain(CLIENT_SECRET);
  });
});
