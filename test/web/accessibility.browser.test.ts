/**
 * The playground (bake, train and dig) and the replay page checked for accessibility in headless Chromium,
 * served by the real web server on a real SQLite file: every form control has an accessible name (as
 * Chromium's own accessibility tree computes it), every chart is an image with a title and a description,
 * the colours drawn for the data reach WCAG's 3:1 for graphics against the chart's background, and the
 * series in a chart differ in marker shape or dash, not in colour alone. Dig for Gold's maps are images
 * named by their title and description.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bake } from '../../src/games/bake.js';
import { contrastRatio, type Rgb } from '../../src/pictures/palette.js';
import { screenshotPath } from '../support/browser.js';
import { useWebAppInChromium } from '../support/web-app-in-chromium.js';

const { openPage, replayPathOf } = useWebAppInChromium();

interface AxNode {
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  description?: { value: string };
}

/** Roles Chromium gives form controls: what a screen reader announces as something to operate. */
const CONTROL_ROLES = new Set(['button', 'combobox', 'slider', 'textbox', 'radio', 'checkbox', 'spinbutton', 'listbox', 'searchbox']);

/** Every form control in Chromium's accessibility tree has a name, and none is missing from the tree. */
async function expectNamedControls(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const { nodes } = (await session.send('Accessibility.getFullAXTree')) as unknown as { nodes: AxNode[] };
  await session.detach();
  const controls = nodes.filter((node) => !node.ignored && CONTROL_ROLES.has(node.role?.value ?? ''));
  const unnamed = controls.filter((node) => (node.name?.value ?? '').trim() === '').map((node) => node.role?.value);
  expect(unnamed, 'controls without an accessible name').toEqual([]);
  const visibleInDom = await page.evaluate<number>(`[...document.querySelectorAll('input, select, button, textarea')].filter((el) => el.checkVisibility()).length`);
  expect(visibleInDom).toBeGreaterThan(0);
  expect(controls.length).toBe(visibleInDom);
  const images = nodes.filter((node) => !node.ignored && node.role?.value === 'image');
  const charts = await page.locator('.chart svg').count();
  expect(images.filter((node) => (node.name?.value ?? '').trim() !== '').length, 'charts named in the accessibility tree').toBeGreaterThanOrEqual(charts);
}

interface ChartFacts {
  readonly id: string;
  readonly role: string | null;
  readonly title: string;
  readonly description: string;
  readonly labelledBy: readonly string[];
  /** The chart's background as rendered: the first opaque background behind it. */
  readonly background: string;
  /** Every element drawing data (a series' line or marker, the belief's mean, the truth, the next probe) and its colour. */
  readonly inks: readonly { readonly what: string; readonly colour: string }[];
  /** Per series: its markers' shapes (geometry only) and its line's dash. */
  readonly looks: Readonly<Record<string, { readonly shapes: readonly string[]; readonly dashes: readonly string[] }>>;
}

/** Reads each chart as the browser rendered it (computed styles, drawn geometry). A string: this file has no DOM types. */
const READ_CHARTS = `(() => {
  const geometry = (el) => {
    const numbers = (text) => (text.match(/-?[\\d.]+/g) || []).map(Number);
    if (el.tagName === 'circle') return 'circle r' + el.getAttribute('r');
    if (el.tagName === 'rect') return 'rect ' + el.getAttribute('width') + 'x' + el.getAttribute('height');
    const values = numbers(el.getAttribute('points') || el.getAttribute('d') || '');
    const xs = values.filter((_, i) => i % 2 === 0), ys = values.filter((_, i) => i % 2 === 1);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    return el.tagName + ' ' + xs.map((x, i) => Math.round(x - cx) + ',' + Math.round(ys[i] - cy)).join(' ');
  };
  // Charts of lines and points; maps (Dig for Gold) are checked apart, and hidden or empty holders skipped.
  const holders = [...document.querySelectorAll('.chart')].filter((holder) => holder.checkVisibility() && holder.querySelector(':scope > svg:not(.map)'));
  return holders.map((holder) => {
    const svg = holder.querySelector(':scope > svg');
    let background = 'rgba(0, 0, 0, 0)';
    for (let el = svg; el && background.endsWith(', 0)'); el = el.parentElement) background = getComputedStyle(el).backgroundColor;
    const inks = [];
    const looks = {};
    for (const el of svg.querySelectorAll('[data-series], .mean, .truth, .next, .acquisition')) {
      const style = getComputedStyle(el);
      const line = style.fill === 'none';
      inks.push({ what: (el.getAttribute('data-series') || el.getAttribute('class')) + ' ' + el.tagName, colour: line ? style.stroke : style.fill });
      const series = el.getAttribute('data-series');
      if (!series) continue;
      const look = (looks[series] ??= { shapes: [], dashes: [] });
      if (line) look.dashes.push(style.strokeDasharray);
      else look.shapes.push(geometry(el));
    }
    for (const look of Object.values(looks)) {
      look.shapes = [...new Set(look.shapes)].sort();
      look.dashes = [...new Set(look.dashes)].sort();
    }
    return {
      id: holder.id,
      role: svg.getAttribute('role'),
      title: svg.querySelector('title')?.textContent ?? '',
      description: svg.querySelector('desc')?.textContent ?? '',
      labelledBy: (svg.getAttribute('aria-labelledby') ?? '').split(' ').filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? ''),
      background,
      inks,
      looks,
    };
  });
})()`;

function rgbOf(css: string): Rgb {
  const match = /^rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)$/.exec(css);
  if (!match) throw new Error(`not a computed colour: ${css}`);
  if (match[4] !== undefined && Number(match[4]) < 1) throw new Error(`a see-through colour has no contrast of its own: ${css}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Alt text, 3:1 contrast and looks that differ without colour, for every chart on the page. */
async function expectAccessibleCharts(page: Page, expectedIds: readonly string[]): Promise<ChartFacts[]> {
  const charts = await page.evaluate<ChartFacts[]>(READ_CHARTS);
  expect(charts.map((chart) => chart.id)).toEqual(expectedIds);
  for (const chart of charts) {
    expect(chart.role, `${chart.id} role`).toBe('img');
    expect(chart.title.trim(), `${chart.id} title`).not.toBe('');
    expect(chart.description.trim().length, `${chart.id} description`).toBeGreaterThan(10);
    expect(chart.labelledBy, `${chart.id} is labelled by its title and description`).toEqual([chart.title, chart.description]);
    expect(chart.inks.length, `${chart.id} draws data`).toBeGreaterThan(0);
    for (const ink of chart.inks) {
      const ratio = contrastRatio(rgbOf(ink.colour), rgbOf(chart.background));
      expect(ratio, `${chart.id}: ${ink.what} in ${ink.colour} on ${chart.background}`).toBeGreaterThanOrEqual(3);
    }
    const looks = Object.entries(chart.looks).map(([series, look]) => [series, `${look.shapes.join('|')} / ${look.dashes.join('|')}`] as const);
    for (const [series, look] of looks) {
      const twins = looks.filter(([other, otherLook]) => other !== series && otherLook === look).map(([other]) => other);
      expect(twins, `${chart.id}: ${series} looks like ${twins.join(', ')} but for colour`).toEqual([]);
    }
  }
  return charts;
}

const CHART_IDS = ['belief-chart', 'acquisition-chart', 'race-chart'];

interface MapFacts {
  readonly className: string;
  readonly role: string | null;
  readonly title: string;
  readonly description: string;
  readonly labelledBy: readonly string[];
}

/** Every map picture (Dig for Gold's field and belief maps) is an image named by its title and description. */
async function expectLabelledMaps(page: Page, expectedCount: number): Promise<void> {
  const maps = await page.evaluate<MapFacts[]>(`[...document.querySelectorAll('.chart svg.map')].filter((svg) => svg.checkVisibility()).map((svg) => ({
    className: svg.getAttribute('class'),
    role: svg.getAttribute('role'),
    title: svg.querySelector('title')?.textContent ?? '',
    description: svg.querySelector('desc')?.textContent ?? '',
    labelledBy: (svg.getAttribute('aria-labelledby') ?? '').split(' ').filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? ''),
  }))`);
  expect(maps).toHaveLength(expectedCount);
  for (const map of maps) {
    expect(map.role, `${map.className} role`).toBe('img');
    expect(map.title.trim(), `${map.className} title`).not.toBe('');
    expect(map.description.trim().length, `${map.className} description`).toBeGreaterThan(10);
    expect(map.labelledBy, `${map.className} is labelled by its title and description`).toEqual([map.title, map.description]);
  }
}

describe('accessibility of the pages, in Chromium', { timeout: 180_000 }, () => {
  it('the bake playground: named controls, charts with alt text, 3:1 colours, series apart without colour', async () => {
    const { page, errors } = await openPage('/?game=bake&seed=rowan-8');
    await page.locator('#belief-chart svg').waitFor();
    await page.locator('#field-minutes').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.locator('#probes li').first().waitFor();
    await page.getByRole('button', { name: 'Race them all' }).click();
    await page.getByText('The race is run').waitFor({ timeout: 90_000 });
    await page.getByRole('radio', { name: /^You/ }).check();
    await expectNamedControls(page);
    const charts = await expectAccessibleCharts(page, CHART_IDS);
    const race = charts.find((chart) => chart.id === 'race-chart')!;
    expect(Object.keys(race.looks).sort()).toEqual(['bayes', 'grid', 'random', 'you']);
    expect(charts.find((chart) => chart.id === 'belief-chart')!.inks.map((ink) => ink.what)).toEqual(expect.arrayContaining(['mean path', 'next line', 'you circle']));
    await page.screenshot({ path: screenshotPath('accessibility-bake') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the train playground: five knobs, each named, and the same checks on its charts', async () => {
    const { page, errors } = await openPage('/?game=train&seed=iris-4');
    await page.locator('#field-learningRate').waitFor();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.locator('#probes li').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Let random play' }).click();
    await page.getByText('Random search (1/').waitFor({ timeout: 60_000 });
    await expectNamedControls(page);
    expect(await page.getByRole('slider').count()).toBe(4);
    await expectAccessibleCharts(page, CHART_IDS);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the dig playground: the maps are named images, the race chart passes the same checks', async () => {
    const { page, errors } = await openPage('/?game=dig&seed=gold-33');
    await page.locator('#field-map svg').waitFor();
    await page.getByRole('button', { name: 'Let Bayes play' }).click();
    await page.getByText('Bayesian search (1/12)').waitFor();
    await page.getByRole('button', { name: 'Race them all' }).click();
    await page.getByText('The race is run').waitFor({ timeout: 90_000 });
    await expectNamedControls(page);
    // The field, the belief's mean and uncertainty, and the expected improvement.
    await expectLabelledMaps(page, 4);
    const charts = await expectAccessibleCharts(page, ['race-chart']);
    expect(Object.keys(charts[0]!.looks).sort()).toEqual(['bayes', 'grid', 'random']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the replay: its scrubber and choices named, every strategy apart without colour', async () => {
    let state = bake.start({ seed: 'aspen-2', difficulty: 'normal' });
    for (const minutes of [9, 21, 15, 12, 18, 14, 16, 13]) if (state.status === 'playing') state = bake.play(state, { minutes }).state;
    const { page, errors } = await openPage(await replayPathOf('bake', 'aspen-2', state, 40));
    await page.locator('#belief-chart svg').waitFor({ timeout: 60_000 });
    await expectNamedControls(page);
    const charts = await expectAccessibleCharts(page, CHART_IDS);
    const race = charts.find((chart) => chart.id === 'race-chart')!;
    expect(Object.keys(race.looks).length).toBeGreaterThanOrEqual(5);
    expect(charts.find((chart) => chart.id === 'belief-chart')!.inks.map((ink) => ink.what)).toContain('truth path');
    await page.screenshot({ path: screenshotPath('accessibility-replay') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
