/**
 * Forms (Discord's modals) in the console: cancelling with Ctrl-C or Ctrl-D, values Discord would show
 * already filled in, and a refused answer asked again on its own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startConsole, type ConsoleDriver } from '../support/console-driver.js';

let driver: ConsoleDriver | undefined;

afterEach(async () => {
  await driver?.finish();
  driver = undefined;
});

describe('a form in the terminal', { timeout: 60_000 }, () => {
  for (const [name, key] of [
    ['Ctrl-C', '\x03'],
    ['Ctrl-D', '\x04'],
  ] as const) {
    it(`${name} cancels the form and the console keeps listening`, async () => {
      driver = await startConsole({ interactive: true });
      driver.type('/play bake seed:forms\r');
      await driver.waitFor('[1] Bake…');
      driver.type('1\r');
      await driver.waitFor('Bake time (5 to 25 minutes');
      const before = driver.text().length;
      driver.type(key);
      await driver.waitFor('Form cancelled; nothing was sent.', before);
      driver.type('/level\r');
      await driver.waitFor('You have not set a level', before);
      // Nothing was sent: the game has no bake.
      expect(driver.text()).not.toContain('→ tastes');
    });
  }

  it('Ctrl-C with an answer half typed cancels the form and drops the half-typed text', async () => {
    driver = await startConsole({ interactive: true });
    driver.type('/play train seed:forms\r');
    await driver.waitFor('[1] Train…');
    driver.type('1\r');
    await driver.waitFor('Learning rate');
    driver.type('0.01\r');
    await driver.waitFor('Epochs');
    driver.type('12\x03');
    await driver.waitFor('Form cancelled');
    const after = driver.text().length;
    driver.type('/help\r');
    await driver.waitFor('Topics for /explain', after);
    expect(driver.text()).not.toContain('12/help');
  });
});

describe('a form from a pipe', { timeout: 60_000 }, () => {
  it('shows the value Discord would pre-fill and keeps it on Enter', async () => {
    driver = await startConsole({ interactive: false });
    driver.type('/play bake seed:prefill\n1\n12\n1\n');
    await driver.waitFor('Bake time (5 to 25 minutes, steps of 0.5) [12]: ');
    driver.type('\n');
    await driver.waitFor('2. 12 min → tastes');
  });

  it('asks again only for the answer the game refused, keeping the other four', async () => {
    driver = await startConsole({ interactive: false });
    driver.type('/play train seed:refused\n1\n0.01\n12\n32\n64\n5\n');
    await driver.waitFor(/Weight decay must be from [^\n]*\n(Weight decay \([^\n]*\n)$/);
    const before = driver.text().length;
    driver.type('0.0001\n');
    await driver.waitFor('Type a key in [brackets]', before);
    const rest = driver.text().slice(before);
    expect(rest).toContain('1. lr 0.01 · 12 ep · 32 units · batch 64 · wd 0.0001 →');
    for (const label of ['Learning rate', 'Epochs', 'Hidden units', 'Batch size', 'Weight decay']) expect(rest).not.toContain(`${label} (`);
  });

  it('asks again for a required field left empty, as Discord would not send it', async () => {
    driver = await startConsole({ interactive: false });
    driver.type('/play bake seed:empty\n1\n\n7\n');
    await driver.waitFor('Bake time is required.');
    await driver.waitFor('1. 7 min → tastes');
  });
});
