/**
 * The playground in headless Chromium (Debian's, through playwright-core), served by the real web server:
 * bundle size (what the page loads before it can draw, raw and gzipped; the Activity SDK is a separate,
 * lazily loaded chunk), first paint and time until the first chart, time from a probe to the redrawn
 * belief (the Gaussian process refitted in the browser and every chart redrawn), and one redraw while the
 * slider is dragged (60 frames a second needs under 16.7 ms). Medians of several runs.
 *
 * The issue asks for the Bayesian update under 30 ms for 30 points, past bake's budget of 8: a measurement
 * page (web/bench/, built here with Vite from the playground's own modules, never shipped) times the
 * update, a probe's whole redraw and a drag redraw with 10–50 trials, for bake (1-D) and train (5-D).
 *
 *   npm run bench -- playground [--quick]
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pino } from 'pino';
import { build } from 'vite';
import { ensureBuilt } from '../../scripts/build.mjs';
import { loadTopicLibrary } from '../../src/content/library.js';
import { openStorage } from '../../src/storage/index.js';
import { startWebServer } from '../../src/web/server.js';
import { DEFAULT_CLIENT_DIR } from '../../src/web/static-files.js';
import { launchChromium } from '../support/browser.js';
import { fileURLToPath } from 'node:url';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 7;
const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));
/** What web/bench/measure.ts takes and gives (it is compiled for the browser, so its types stay there). */
interface MeasureRequest {
  readonly game: 'bake' | 'train';
  readonly seeds: readonly string[];
  readonly counts: readonly number[];
  readonly repeats: number;
  readonly dragCount: number;
  readonly dragSteps: number;
}
interface MeasureResult {
  readonly update: Readonly<Record<number, number[]>>;
  readonly redraw: Readonly<Record<number, number[]>>;
  readonly drag: number[];
}

/** The measurement page's made-up origin: Chromium's requests to it are answered from the built folder. */
const MEASURE_ORIGIN = 'http://playground-measure.test';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The nearest-rank 95th percentile. */
function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)] ?? NaN;
}

const ms = (value: number, width = 6) => `${value.toFixed(1).padStart(width)} ms`;

await ensureBuilt({ log: (line: string) => console.log(line) });

// ---- Bundle size ----
const html = readFileSync(join(DEFAULT_CLIENT_DIR, 'index.html'), 'utf8');
const loaded = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
let raw = 0;
let gzipped = 0;
for (const asset of loaded) {
  const body = readFileSync(join(DEFAULT_CLIENT_DIR, asset));
  raw += body.length;
  gzipped += gzipSync(body).length;
}
const allAssets = readdirSync(join(DEFAULT_CLIENT_DIR, 'assets'));
const lazy = allAssets.filter((file) => !loaded.includes(`/assets/${file}`)).map((file) => statSync(join(DEFAULT_CLIENT_DIR, 'assets', file)).size);
console.log(`playground page loads ${loaded.length} files: ${kib(raw)} (${kib(gzipped)} gzipped)`);
console.log(`other chunks (replay page, Activity SDK, loaded only when needed): ${kib(lazy.reduce((a, b) => a + b, 0))}`);

// ---- In the browser ----
const dir = mkdtempSync(join(tmpdir(), 'tuning-fork-bench-web-'));
const storage = await openStorage({ databasePath: join(dir, 'bench.db') });
const server = await startWebServer({
  settings: { port: 0, baseUrl: undefined, clientSecret: undefined },
  services: { storage, topics: loadTopicLibrary(), logger: pino({ level: 'silent' }), now: () => new Date() },
});
if (!server) throw new Error('the web server did not start');
const browser = await launchChromium();
try {
  const firstPaint: number[] = [];
  const firstChart: number[] = [];
  const probeToBelief: number[] = [];
  const dragRedraw: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    await page.goto(`${server.address}/?game=bake&seed=bench-${run}`);
    await page.locator('#belief-chart svg').waitFor();
    const paint = await page.evaluate<{ fcp: number; chart: number }>(`(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const chart = performance.now();
      return { fcp: fcp ? fcp.startTime : NaN, chart };
    })()`);
    firstPaint.push(paint.fcp);
    firstChart.push(paint.chart);
    // Eight probes (bake's budget), by keyboard; each one refits the GP on every probe so far.
    await page.locator('#field-minutes').focus();
    for (let probe = 0; probe < 8; probe++) {
      for (let step = 0; step < 5; step++) await page.keyboard.press(probe % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
      await page.keyboard.press('Enter');
    }
    await page.waitForFunction(`document.querySelectorAll('#probes li').length >= 1 && !document.querySelector('#status').textContent.startsWith('Training')`);
    const measures = await page.evaluate<number[]>(`performance.getEntriesByName('probe-to-belief').map((entry) => entry.duration)`);
    probeToBelief.push(...measures);
    // Dragging: every input event redraws the belief (with its cursor line), the acquisition and the race.
    const perRedraw = await page.evaluate<number>(`(() => {
      const slider = document.getElementById('field-minutes');
      const start = performance.now();
      for (let i = 0; i < 60; i++) {
        slider.value = String(5 + (i % 40) * 0.5);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
      }
      return (performance.now() - start) / 60;
    })()`);
    dragRedraw.push(perRedraw);
    await page.close();
  }
  // Dig for Gold: a dig redraws three belief maps (mean, uncertainty, expected improvement) of 40 × 40 cells.
  const digToMaps: number[] = [];
  const spots = [[20, 20], [80, 80], [50, 50], [20, 80], [80, 20], [35, 65], [65, 35], [50, 10]] as const;
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    await page.goto(`${server.address}/?game=dig&seed=bench-${run}`);
    await page.locator('#field-map svg').waitFor();
    for (const [index, [x, y]] of spots.entries()) {
      await page.locator('#field-x').fill(String(x));
      await page.locator('#field-y').fill(String(y));
      await page.locator('#field-y').press('Enter');
      // A dig that strikes the mother lode ends the game; the digs measured so far still count.
      await page.waitForFunction(`document.querySelectorAll('#probes li').length > ${index} || /won|over/i.test(document.querySelector('#status').textContent)`);
      if (await page.locator('#probes li').count() <= index) break;
    }
    digToMaps.push(...(await page.evaluate<number[]>(`performance.getEntriesByName('probe-to-belief').map((entry) => entry.duration)`)));
    await page.close();
  }
  console.log(`first contentful paint              median ${median(firstPaint).toFixed(0).padStart(6)} ms   (${RUNS} page loads)`);
  console.log(`until the first chart is drawn      median ${median(firstChart).toFixed(0).padStart(6)} ms`);
  console.log(`probe → redrawn belief (1–8 probes) median ${median(probeToBelief).toFixed(1).padStart(6)} ms   max ${Math.max(...probeToBelief).toFixed(1)} ms (${probeToBelief.length} probes)`);
  console.log(`one redraw while dragging (8 probes) median ${median(dragRedraw).toFixed(1).padStart(5)} ms   (60 fps needs < 16.7 ms)`);
  console.log(`dig → redrawn belief maps (1–8 digs) median ${median(digToMaps).toFixed(1).padStart(5)} ms   max ${Math.max(...digToMaps).toFixed(1)} ms (${digToMaps.length} digs)`);

  // ---- 10 to 50 points, on the measurement page ----
  const measureDir = mkdtempSync(join(tmpdir(), 'tuning-fork-bench-measure-'));
  try {
    await build({
      configFile: false,
      root: join(WEB_DIR, 'bench'),
      base: '/',
      logLevel: 'warn',
      build: { outDir: measureDir, emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0, modulePreload: { polyfill: false } },
    });
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route(`${MEASURE_ORIGIN}/**`, async (route) => {
      const path = normalize(new URL(route.request().url()).pathname);
      const file = join(measureDir, path === '/' ? 'index.html' : path);
      if (!file.startsWith(measureDir) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
      return route.fulfill({ status: 200, path: file, contentType: types[extname(file)] ?? 'application/octet-stream' });
    });
    await page.goto(`${MEASURE_ORIGIN}/`);
    await page.waitForFunction('document.body.dataset.ready === "true"');
    const counts = [10, 20, 30, 50];
    const seeds = quick ? ['bench-a'] : ['bench-a', 'bench-b', 'bench-c'];
    console.log('');
    console.log(`Bayesian update and redraw with N points (Bayesian search's own trials; ${seeds.length} puzzles × ${quick ? 5 : 7} samples per N)`);
    for (const game of ['bake', 'train'] as const) {
      const request: MeasureRequest = { game, seeds, counts, repeats: quick ? 5 : 7, dragCount: 30, dragSteps: quick ? 30 : 60 };
      const result = await page.evaluate<MeasureResult>(`window.measurePlayground(${JSON.stringify(request)})`);
      const dims = game === 'bake' ? '1-D' : '5-D';
      for (const count of counts) {
        const update = result.update[count] ?? [];
        const redraw = result.redraw[count] ?? [];
        const verdict = count === 30 ? (p95(update) < 30 ? '   under 30 ms ✓' : median(update) < 30 ? '   median under 30 ms, p95 not' : '   NOT under 30 ms') : '';
        console.log(
          `${game} (${dims}) N=${String(count).padStart(2)}  update median ${ms(median(update))}  p95 ${ms(p95(update))}   whole redraw median ${ms(median(redraw))}  p95 ${ms(p95(redraw))}${verdict}`,
        );
      }
      console.log(`${game} (${dims}) one redraw while dragging, 30 points: median ${ms(median(result.drag))}  p95 ${ms(p95(result.drag))}   (60 fps needs < 16.7 ms)`);
    }
    if (errors.length > 0) throw new Error(`the measurement page failed: ${errors.join('; ')}`);
    await page.close();
  } finally {
    rmSync(measureDir, { recursive: true, force: true });
  }
} finally {
  await browser.close();
  await server.close();
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
}
