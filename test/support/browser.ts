/**
 * Headless Chromium for the browser tests, through playwright-core with the system's own browser (Debian's
 * `chromium` package): nothing is downloaded. Missing, it fails loudly with the fix rather than skipping.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { REPO_ROOT } from '../e2e/harness.js';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export function findChromium(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of NAMES) {
      const path = join(dir, name);
      if (dir !== '' && existsSync(path)) return path;
    }
  }
  throw new Error('The browser tests need Chromium and none is on the PATH: install it with `apt-get install -y chromium` (.ci/run does this on CI).');
}

export function launchChromium(): Promise<Browser> {
  // --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** Where the tests' screenshots go for a reviewer to look at (git ignores it). */
export function screenshotPath(name: string): string {
  const dir = join(REPO_ROOT, 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}
