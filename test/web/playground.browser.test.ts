/**
 * The playground and the replay page in headless Chromium, served by the real web server (dist/web as the
 * global setup built it) on a real SQLite file: drag the slider and see the probe and the belief change,
 * let Bayes play five steps, train a network in the browser, tab through the controls, scrub a replay;
 * in Dig for Gold, click the map (and dig from the keyboard) and see the belief maps change.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bake } from '../../src/games/bake.js';
import { digStrategyRuns } from '../../src/games/dig-reveal.js';
import { dig, goldPeak } from '../../src/games/dig.js';
import { GAMES } from '../../src/games/index.js';
import { fieldToPixel, type MapFrame } from '../../web/src/map-coordinates.js';
import { screenshotPath } from '../support/browser.js';
import { useWebAppInChromium } from '../support/web-app-in-chromium.js';

const { openPage, replayPathOf } = useWebAppInChromium();

/** Presses Tab `presses` times, reading each focused control's id and label as a screen reader would get it. */
async function tabThrough(page: Page, presses: number): Promise<{ id: string; label: string }[]> {
  const reached: { id: string; label: string }[] = [];
  for (let i = 0; i < presses; i++) {
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
  return reached;
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

/** Where on the screen a field point of a map picture is, read from the picture's own plotted square. */
async function screenPointOf(page: Page, selector: string, point: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const svg = page.locator(`${selector} svg`);
  const box = await svg.boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  const viewBox = (await svg.getAttribute('viewBox'))!.split(' ').map(Number);
  const plot = svg.locator('rect.plot');
  const attribute = async (name: string) => Number(await plot.getAttribute(name));
  const frame: MapFrame = {
    left: await attribute('x'),
    top: await attribute('y'),
    width: await attribute('width'),
    height: await attribute('height'),
    x: { min: 0, max: 100, step: 1 },
    y: { min: 0, max: 100, step: 1 },
  };
  const { px, py } = fieldToPixel(frame, point);
  return { x: box.x + (px * box.width) / viewBox[2]!, y: box.y + (py * box.height) / viewBox[3]! };
}

/** The list line the playground shows for a dig, with the grams the game's own rules find there. */
function digLine(x: number, y: number, grams: number): string {
  return `x (metres east) ${x}, y (metres north) ${y}: gold ${String(Number(grams.toPrecision(3)))} g`;
}

/** The grams the rules give for these digs, in order, on a fresh game with this seed. */
function gramsOf(seed: string, spots: readonly { x: number; y: number }[]): number[] {
  let state = dig.start({ seed });
  return spots.map((spot) => {
    const played = dig.play(state, spot);
    state = played.state;
    return GAMES.dig.reading({ move: spot, feedback: played.feedback });
  });
}

describe('the playground in Chromium', { timeout: 120_000 }, () => {
  it('draws a probe where the slider is let go, and the belief and acquisition move with every probe', async () => {
    const { page, errors } = await openPage('/?game=bake&seed=maple-42');
    await page.locator('#belief-chart svg').waitFor();
    expect(await page.locator('#belief-chart path.mean').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('playground-bake-start') });

    await dragSlider(page, '#field-minutes', 0.3);
    await page.locator('#probes li').first().waitFor();
    expect(await page.locator('#probes li').first().textContent()).toMatch(/^\d+(\.5)? minutes: taste \d+$/);
    expect(await page.locator('#belief-chart g.probe').count()).toBe(1);
    const afterOne = await meanPath(page);
    const acquisitionOne = await page.locator('#acquisition-chart path.acquisition').getAttribute('d');
    expect(afterOne).toBeTruthy();
    // One probe: the belief is its reading all along the knob, and no minute is called the highest.
    expect(await page.locator('#belief-summary').textContent()).toMatch(/^You, after 1 probe: the belief is \d+(\.\d+)? all along Bake time \(minutes\), as one probe cannot show where it rises;/);

    await dragSlider(page, '#field-minutes', 0.8);
    await page.waitForFunction("document.querySelectorAll('#probes li').length === 2");
    expect(await page.locator('#belief-chart g.probe').count()).toBe(2);
    expect(await meanPath(page)).not.toBe(afterOne);
    expect(await page.locator('#acquisition-chart path.acquisition').getAttribute('d')).not.toBe(acquisitionOne);
    expect(await page.locator('#belief-summary').textContent()).toMatch(/after 2 probes: the belief is highest \(\d+(\.\d+)?\) at Bake time \(minutes\) \d+(\.\d+)?;/);
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
    expect(await page.locator('#probes li').first().textContent()).toMatch(/: held-out accuracy \d+(\.\d+)?%$/);
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
    const reached = await tabThrough(page, 20);
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

describe('Dig for Gold in the playground', { timeout: 120_000 }, () => {
  it('digs where the map is clicked, with the grams the rules give, and redraws the belief maps after every dig', async () => {
    const seed = 'gold-31';
    const { page, errors } = await openPage(`/?game=dig&seed=${seed}`);
    await page.locator('#field-map svg').waitFor();
    expect(await page.locator('#belief-chart svg.mean image.heat').count()).toBe(0);
    expect(await page.locator('#belief-summary').textContent()).toMatch(/no digs yet/);

    const target = await screenPointOf(page, '#field-map', { x: 30, y: 70 });
    await page.mouse.move(target.x, target.y, { steps: 4 });
    // Hovering shows where a click would dig; the announced cursor (which Enter digs at) stays put.
    expect(await page.locator('#field-map g.cursor').getAttribute('data-x')).toBe('30');
    expect(await page.locator('#map-cursor').textContent()).not.toMatch(/x 30 m, y 70 m/);
    await page.screenshot({ path: screenshotPath('playground-dig-hover') });
    await page.mouse.click(target.x, target.y);
    await page.locator('#probes li').first().waitFor();
    expect(await page.locator('#map-cursor').textContent()).toMatch(/^Cursor at x 30 m, y 70 m\./);
    const [first] = gramsOf(seed, [{ x: 30, y: 70 }]);
    expect(await page.locator('#probes li').first().textContent()).toBe(digLine(30, 70, first!));
    expect(await page.locator('#field-map g.dig').count()).toBe(1);
    expect(await page.locator('#belief-chart svg.mean image.heat').count()).toBe(1);
    // One dig: the belief is that dig's grams everywhere, and the page does not call any spot the richest.
    expect(await page.locator('#belief-chart svg.mean desc').textContent()).toMatch(/^The belief is .* everywhere: one dig cannot show where the gold rises\.$/);
    const meanAfterOne = await page.locator('#belief-chart svg.mean image.heat').getAttribute('href');
    expect(await page.locator('#acquisition-chart svg').getAttribute('data-next')).toMatch(/^\d+(\.\d+)?,\d+(\.\d+)?$/);
    expect(await page.locator('#acquisition-chart svg desc').textContent()).toMatch(/Bayes would dig here next/);

    const second = await screenPointOf(page, '#field-map', { x: 75, y: 20 });
    await page.mouse.click(second.x, second.y);
    await page.locator('#probes li').nth(1).waitFor();
    const grams = gramsOf(seed, [{ x: 30, y: 70 }, { x: 75, y: 20 }]);
    expect(await page.locator('#probes li').nth(1).textContent()).toBe(digLine(75, 20, grams[1]!));
    expect(await page.locator('#belief-chart svg.mean image.heat').getAttribute('href')).not.toBe(meanAfterOne);
    expect(await page.locator('#belief-chart svg.mean').getAttribute('data-digs')).toBe('2');
    expect(await page.locator('#belief-chart svg.mean desc').textContent()).toMatch(/^The belief is richest \(.*\) near x \d+ m, y \d+ m\.$/);
    expect(await page.locator('#belief-summary').textContent()).toMatch(/^You: 2 digs, the best .* g at x \d+ m, y \d+ m\. .*Bayes would dig here next\.$/);
    expect(await page.locator('#status').textContent()).toMatch(/^Probe 2: .* 10 left\.$|You won!/);
    const measured = await page.evaluate<number>("performance.getEntriesByName('probe-to-belief').length");
    expect(measured).toBe(2);
    await page.screenshot({ path: screenshotPath('playground-dig-two-digs'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('digs from the keyboard: the map takes focus, arrows move the cursor, Enter digs; x and y can be typed', async () => {
    // A seed whose mother lode none of these digs strikes, so the game goes on.
    const seed = 'gold-37';
    const { page, errors } = await openPage(`/?game=dig&seed=${seed}`);
    await page.locator('#field-map svg').waitFor();
    // A mouse left resting over the map must not move the keyboard's cursor.
    const resting = await screenPointOf(page, '#field-map', { x: 85, y: 15 });
    await page.mouse.move(resting.x, resting.y, { steps: 3 });
    await page.locator('#field-map').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowUp');
    expect(await page.locator('#map-cursor').textContent()).toMatch(/^Cursor at x 52 m, y 60 m\./);
    expect(await page.locator('#field-x').inputValue()).toBe('52');
    expect(await page.locator('#field-y').inputValue()).toBe('60');
    // Each typed coordinate is named once, its unit shown beside the box.
    expect(await page.getByRole('spinbutton', { name: 'x (metres east)', exact: true }).getAttribute('id')).toBe('field-x');
    expect(await page.locator('label[for="field-y"] .unit').textContent()).toBe('m');
    await page.keyboard.press('Enter');
    await page.locator('#probes li').first().waitFor();
    expect(await page.locator('#probes li').first().textContent()).toBe(digLine(52, 60, gramsOf(seed, [{ x: 52, y: 60 }])[0]!));
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press(' ');
    await page.locator('#probes li').nth(1).waitFor();
    const grams = gramsOf(seed, [{ x: 52, y: 60 }, { x: 42, y: 59 }]);
    expect(await page.locator('#probes li').nth(1).textContent()).toBe(digLine(42, 59, grams[1]!));

    await page.locator('#field-x').fill('150');
    await page.locator('#field-y').fill('20');
    // Off the field, the cursor stays where it was rather than being drawn outside the map.
    expect(await page.locator('#field-map g.cursor').getAttribute('data-x')).toBe('42');
    await page.getByRole('button', { name: 'Dig', exact: true }).click();
    expect(await page.locator('#status').textContent()).toBe('x (metres east) must be a whole number of metres from 0 to 100 (got 150).');
    expect(await page.locator('#probes li').count()).toBe(2);
    await page.locator('#field-x').fill('15');
    await page.locator('#field-x').press('Enter');
    await page.locator('#probes li').nth(2).waitFor();
    expect(await page.locator('#probes li').nth(2).textContent()).toBe(digLine(15, 20, gramsOf(seed, [{ x: 52, y: 60 }, { x: 42, y: 59 }, { x: 15, y: 20 }])[2]!));
    expect(await page.locator('#field-map g.cursor').getAttribute('data-x')).toBe('15');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('uncovers the field once the game is over, with the mother lode starred, and digs no more', async () => {
    const seed = 'gold-38';
    const { page, errors } = await openPage(`/?game=dig&seed=${seed}`);
    await page.locator('#field-map svg').waitFor();
    expect(await page.locator('#field-map svg image.heat').count()).toBe(0);
    const spots = Array.from({ length: 12 }, (_, i) => ({ x: 5 + (i % 4) * 30, y: 5 + Math.floor(i / 4) * 45 }));
    for (const [index, spot] of spots.entries()) {
      await page.locator('#field-x').fill(String(spot.x));
      await page.locator('#field-y').fill(String(spot.y));
      await page.locator('#field-y').press('Enter');
      await page.waitForFunction(`document.querySelectorAll('#probes li').length > ${index}`);
      if (/You won!/.test((await page.locator('#status').textContent()) ?? '')) break;
    }
    const made = await page.locator('#probes li').count();
    expect(await page.locator('#status').textContent()).toMatch(/You won!|That was your last probe\./);
    expect(await page.locator('#field-map svg title').first().textContent()).toBe('The field, uncovered');
    expect(await page.locator('#field-map svg image.heat').count()).toBe(1);
    const lode = goldPeak(seed, 'normal');
    expect(await page.locator('#field-map svg polygon.lode').getAttribute('data-x')).toBe(String(lode.x));
    expect(await page.locator('#field-map svg desc').textContent()).toMatch(/The game is over, so the gold is shown: the richest spot \(the star\) is at x \d+ m, y \d+ m, with [\d.]+ g\.$/);
    // A click on the uncovered field is refused by the rules and changes nothing.
    const box = (await page.locator('#field-map svg').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(await page.locator('#probes li').count()).toBe(made);
    expect(await page.locator('#status').getAttribute('class')).toContain('error');
    expect(await page.locator('#map-cursor').textContent()).toMatch(/The game is over: New puzzle starts another\.$/);
    await page.screenshot({ path: screenshotPath('playground-dig-uncovered'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets Bayes play five digs, the very digs its reveal shows, with its belief maps, and races on dig', async () => {
    const seed = 'gold-33';
    const { page, errors } = await openPage(`/?game=dig&seed=${seed}`);
    await page.locator('#field-map svg').waitFor();
    for (let step = 1; step <= 5; step++) {
      await page.getByRole('button', { name: 'Let Bayes play' }).click();
      await page.getByText(`Bayesian search (${step}/12)`).waitFor();
    }
    const bayes = digStrategyRuns(seed, 'normal', 12).find((run) => run.name === 'bayes')!;
    expect(await page.locator('#probes li').allTextContents()).toEqual(bayes.digs.slice(0, 5).map((d) => digLine(d.x, d.y, d.grams)));
    expect(await page.locator('#field-map g.dig').count()).toBe(5);
    expect(await page.locator('#acquisition-chart svg').getAttribute('data-digs')).toBe('5');
    expect(await page.locator('#belief-summary').textContent()).toMatch(/^Bayesian search: 5 digs, the best/);
    // Its fourth dig is at the north edge: the number goes below the dig, clear of the map's title.
    const north = page.locator('#field-map g.dig[data-y="99"]');
    const [labelY, digY] = [Number(await north.locator('text').getAttribute('y')), Number(await north.locator('circle').first().getAttribute('cy'))];
    expect(labelY).toBeGreaterThan(digY);
    await page.screenshot({ path: screenshotPath('playground-dig-bayes-five'), fullPage: true });

    await page.getByRole('button', { name: 'Race them all' }).click();
    await page.getByText('The race is run').waitFor({ timeout: 90_000 });
    for (const run of ['grid', 'random', 'bayes']) expect(await page.locator(`#race-chart path.race-${run}`).count()).toBe(1);
    await page.getByLabel('Grid search (12/12)').check();
    expect(await page.locator('#field-map g.dig').count()).toBe(12);
    expect(await page.locator('#belief-summary').textContent()).toMatch(/^Grid search: 12 digs/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reaches every dig control by Tab, each with a label', async () => {
    const { page, errors } = await openPage('/?game=dig&seed=gold-34');
    await page.locator('#field-map svg').waitFor();
    const reached = await tabThrough(page, 16);
    const ids = reached.map((r) => r.id);
    for (const id of ['game', 'seed', 'new-puzzle', 'level', 'field-map', 'field-x', 'field-y', 'probe', 'grid', 'random', 'bayes', 'race']) expect(ids).toContain(id);
    for (const { id, label } of reached) expect(label, `${id} has no label`).not.toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the replay page in Chromium', { timeout: 120_000 }, () => {
  it('shows a finished game move by move and scrubs back and forth', async () => {
    let state = bake.start({ seed: 'cedar-5', difficulty: 'normal' });
    for (const minutes of [8, 22, 15, 12, 18, 14, 16, 13]) if (state.status === 'playing') state = bake.play(state, { minutes }).state;
    const { page, errors } = await openPage(await replayPathOf('bake', 'cedar-5', state, 40));
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

  it('shows a finished dig as maps: the uncovered field with the digs so far, and the belief and acquisition after each move', async () => {
    let state = dig.start({ seed: 'gold-35', difficulty: 'normal' });
    for (const [x, y] of [[10, 10], [90, 20], [50, 50], [20, 80], [70, 75]] as const) if (state.status === 'playing') state = dig.play(state, { x, y }).state;
    state = dig.giveUp(state);
    const { page, errors } = await openPage(await replayPathOf('dig', 'gold-35', state, 0));
    await page.locator('#map-chart svg.truth').waitFor({ timeout: 60_000 });
    const moves = state.history.length;
    expect(await page.locator('#move').textContent()).toBe(`Move ${moves} of 12`);
    expect(await page.locator('#axis-label').isHidden()).toBe(true);
    expect(await page.locator('#map-chart svg.truth image.heat').count()).toBe(1);
    expect(await page.locator('#map-chart svg.truth polygon.lode').count()).toBe(1);
    expect(await page.locator('#map-chart svg.truth g.dig').count()).toBe(moves);
    expect(await page.locator('#field-summary').textContent()).toMatch(/richest spot \(the star\) is at x \d+ m, y \d+ m/);
    expect(await page.locator('#belief-chart svg.mean image.heat').count()).toBe(1);
    expect(await page.locator('#acquisition-chart svg.acquisition g.next').count()).toBe(1);
    expect((await page.locator('#probes li').allTextContents())[0]).toBe(digLine(10, 10, gramsOf('gold-35', [{ x: 10, y: 10 }])[0]!));
    await page.screenshot({ path: screenshotPath('replay-dig-end'), fullPage: true });
    const meanAtEnd = await page.locator('#belief-chart svg.mean image.heat').getAttribute('href');

    await page.locator('#scrub').focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('#move').textContent()).toBe(`Move ${moves - 1} of 12`);
    expect(await page.locator('#map-chart svg.truth g.dig').count()).toBe(moves - 1);
    expect(await page.locator('#belief-chart svg.mean image.heat').getAttribute('href')).not.toBe(meanAtEnd);
    await page.keyboard.press('Home');
    expect(await page.locator('#belief-chart svg.mean image.heat').count()).toBe(0);
    expect(await page.locator('#belief-summary').textContent()).toBe('The player before the first move: no belief yet.');

    await page.locator('#run').selectOption('bayes');
    await page.locator('#scrub').focus();
    await page.keyboard.press('End');
    expect(await page.locator('#move').textContent()).toBe('Move 12 of 12');
    expect(await page.locator('#map-chart svg.truth g.dig').count()).toBe(12);
    expect(await page.locator('#belief-summary').textContent()).toMatch(/^Bayesian optimisation after 12 of 12 moves: expected improvement peaks at x \d+ m, y \d+ m/);
    await page.screenshot({ path: screenshotPath('replay-dig-bayes'), fullPage: true });

    // The player gave up after five digs: at move 12 the page still speaks of those five, and of the belief
    // Bayes would make of them (it never had that belief itself).
    await page.locator('#run').selectOption('player');
    expect(await page.locator('#move').textContent()).toBe('Move 12 of 12');
    expect(await page.locator('#map-chart svg.truth g.dig').count()).toBe(moves);
    expect(await page.locator('#field-summary').textContent()).toMatch(new RegExp(`^The hidden field with the player's first ${moves} of ${moves} moves\\.`));
    expect(await page.locator('#belief-summary').textContent()).toMatch(new RegExp(`^The player after ${moves} of ${moves} moves: `));
    expect(await page.locator('#belief-chart svg.mean desc').textContent()).toBe(`What Bayesian search would believe about the gold from the player's first ${moves} of ${moves} moves.`);
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
