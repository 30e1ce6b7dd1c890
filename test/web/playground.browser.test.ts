/**
 * The playground and the replay page in headless Chromium, served by the real web server (dist/web as the
 * global setup built it) on a real SQLite file: drag the slider and see the probe and the belief change,
 * let Bayes play five steps, train a network in the browser, tab through the controls, scrub a replay.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTopicLibrary } from '../../src/content/library.js';
import { bake } from '../../src/games/bake.js';
import { openStorage, type Storage } from '../../src/storage/index.js';
import { startWebServer, type WebServer } from '../../src/web/server.js';
import { launchChromium, screenshotPath } from '../support/browser.js';

let dir: string;
let storage: Storage;
let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tuning-fork-browser-'));
  storage = await openStorage({ databasePath: join(dir, 'web.db') });
  const started = await startWebServer({
    settings: { port: 0, baseUrl: undefined, clientSecret: undefined },
    services: { storage, topics: loadTopicLibrary(), logger: pino({ level: 'silent' }), now: () => new Date() },
  });
  if (!started) throw new Error('the web server did not start');
  server = started;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await storage?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openPage(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1100 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${server.address}${path}`);
  return { page, errors };
}

/** Drags a range input's thumb to `fraction` of its width with the mouse, as a person would. */
async function dragSlider(page: Page, selector: string, fraction: number): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  const y = box.y + box.height / 2;
  const value = Number(await page.locator(selector).inputValue());
  const min = Number(await page.locator(selector).getAttribute('min'));
  const max = Number(await page.locator(selector).getAttribute('max'));
  await page.mouse.move(box.x + ((value - min) / (max - min)) * box.width, y);
  await page.mouse.down();
  await page.mouse.move(box.x + fraction * box.width, y, { steps: 8 });
  await page.mouse.up();
}

const meanPath = (page: Page) => page.locator('#belief-chart path.mean').getAttribute('d');

describe('the playground in Chromium', { timeout: 120_000 }, () => {
  it('draws a probe where the slider is let go, and the belief and acquisition move with every probe', async () => {
    const { page, errors } = await openPage('/?game=bake&seed=maple-42');
    await page.locator('#belief-chart svg').waitFor();
    expect(await page.locator('#belief-chart path.mean').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('playground-bake-start') });

    await dragSlider(page, '#field-minutes', 0.3);
    await page.locator('#probes li').first().waitFor();
    expect(await page.locator('#probes li').first().textContent()).toMatch(/^\d+(\.5)? minutes: taste \d+, \w+$/);
    expect(await page.locator('#belief-chart g.probe').count()).toBe(1);
    const afterOne = await meanPath(page);
    const acquisitionOne = await page.locator('#acquisition-chart path.acquisition').getAttribute('d');
    expect(afterOne).toBeTruthy();

    await dragSlider(page, '#field-minutes', 0.8);
    await page.waitForFunction("document.querySelectorAll('#probes li').length === 2");
    expect(await page.locator('#belief-chart g.probe').count()).toBe(2);
    expect(await meanPath(page)).not.toBe(afterOne);
    expect(await page.locator('#acquisition-chart path.acquisition').getAttribute('d')).not.toBe(acquisitionOne);
    expect(await page.locator('#belief-summary').textContent()).toMatch(/after 2 probes/);
    expect(await page.locator('#status').textContent()).toMatch(/Probe 2: .* (left|won|last probe)/);
    await page.screenshot({ path: screenshotPath('playground-bake-two-probes') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets Bayes play five steps, each a probe with its reading, and races the strategies', async () => {
    const { page, errors } = await openPage('/?game=bake&seed=oak-7');
    await page.locator('#belief-chart svg').waitFor();
    for (let step = 1; step <= 5; step++) {
      await page.getByRole('button', { name: 'Let Bayes play' }).click();
      await page.getByText(`Bayesian search (${step}/8)`).waitFor();
    }
    expect(await page.locator('#probes li').count()).toBe(5);
    expect(await page.locator('#belief-chart g.probe').count()).toBe(5);
    expect(await page.locator('#belief-summary').textContent()).toMatch(/^Bayesian search, after 5 probes/);
    await page.screenshot({ path: screenshotPath('playground-bayes-five') });

    await page.getByRole('button', { name: 'Race them all' }).click();
    await page.getByText('The race is run').waitFor({ timeout: 60_000 });
    for (const run of ['grid', 'random', 'bayes']) expect(await page.locator(`#race-chart path.race-${run}`).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('playground-race') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('trains a real network in the browser from the knobs, and explains at the chosen level', async () => {
    const { page, errors } = await openPage('/?game=train&seed=iris-1&level=1');
    await page.locator('#field-learningRate').waitFor();
    expect(await page.getByLabel('Batch size').inputValue()).toBe('32');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.locator('#probes li').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('#probes li').first().textContent()).toMatch(/% held-out accuracy/);
    await page.locator('#axis').selectOption('epochs');
    expect(await page.locator('#belief-chart svg title').textContent()).toBe('Belief along Epochs');
    await page.locator('#explanation h3').waitFor();
    expect(await page.locator('#explanation h3').textContent()).toMatch(/level 1/);
    await page.screenshot({ path: screenshotPath('playground-train') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works from the keyboard alone: every control is reached by Tab, has a label, and a slider probes with Enter', async () => {
    const { page, errors } = await openPage('/?game=bake&seed=birch-3');
    await page.locator('#belief-chart svg').waitFor();
    const reached: { id: string; label: string }[] = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      // A string, run in the page: this file is type-checked without the DOM's types.
      reached.push(
        await page.evaluate<{ id: string; label: string }>(`(() => {
          const el = document.activeElement;
          const label = (el.labels && el.labels[0] ? el.labels[0].textContent : null) ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
          return { id: el.id || el.getAttribute('data-strategy') || el.tagName, label: label.trim() };
        })()`),
      );
    }
    const ids = reached.map((r) => r.id);
    for (const id of ['game', 'seed', 'new-puzzle', 'level', 'field-minutes', 'probe', 'grid', 'random', 'bayes', 'race']) expect(ids).toContain(id);
    for (const { id, label } of reached) expect(label, `${id} has no label`).not.toBe('');

    await page.locator('#field-minutes').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.locator('#probes li').first().waitFor();
    expect(await page.locator('#probes li').count()).toBe(1);
    expect(await page.locator('#belief-chart svg').getAttribute('role')).toBe('img');
    expect(await page.locator('#belief-chart svg desc').textContent()).toMatch(/after 1 probe/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the replay page in Chromium', { timeout: 120_000 }, () => {
  it('shows a finished game move by move and scrubs back and forth', async () => {
    let state = bake.start({ seed: 'cedar-5', difficulty: 'normal' });
    for (const minutes of [8, 22, 15, 12, 18, 14, 16, 13]) if (state.status === 'playing') state = bake.play(state, { minutes }).state;
    const record = await storage.games.create({ game: 'bake', mode: 'solo', ownerId: '1', seed: 'cedar-5', difficulty: 'normal', state: { game: state } });
    await storage.games.update(record.id, record.version, { state: { game: state }, status: 'finished', score: 40 });
    const { page, errors } = await openPage(`/replay/${server.links.sign(record.id, new Date())}`);
    await page.locator('#belief-chart svg').waitFor({ timeout: 60_000 });
    const moves = state.history.length;
    expect(await page.locator('#move').textContent()).toBe(`Move ${moves} of 8`);
    expect(await page.locator('#belief-chart path.truth').count()).toBe(1);
    expect(await page.locator('#race-chart path.race-bayes').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('replay-end') });
    const atEnd = await meanPath(page);

    await page.locator('#scrub').focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('#move').textContent()).toBe(`Move ${moves - 2} of 8`);
    expect(await page.locator('#belief-chart g.probe').count()).toBe(moves - 2);
    expect(await meanPath(page)).not.toBe(atEnd);
    await page.getByRole('button', { name: 'Previous move' }).click();
    expect(await page.locator('#move').textContent()).toBe(`Move ${moves - 3} of 8`);

    await page.locator('#run').selectOption('bayes');
    await page.getByRole('button', { name: 'Next move' }).click();
    expect(await page.locator('#belief-summary').textContent()).toMatch(new RegExp(`^Bayesian .* after ${moves - 2} of 8 moves`));
    await page.screenshot({ path: screenshotPath('replay-scrubbed') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains a bad link in the page, with no stack trace', async () => {
    const { page } = await openPage('/replay/not-a-token');
    expect(await page.locator('h1').textContent()).toBe('Not found');
    expect(await page.locator('body').textContent()).toMatch(/not a replay link/);
    await page.close();
  });
});
