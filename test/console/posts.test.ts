/** A post from outside the conversation (the daily post) while the person is typing at the prompt. */
import { afterEach, describe, expect, it } from 'vitest';
import { startConsole, type ConsoleDriver } from '../support/console-driver.js';

let driver: ConsoleDriver | undefined;
afterEach(async () => {
  await driver?.finish();
  driver = undefined;
});

describe('a post arriving at the prompt', { timeout: 60_000 }, () => {
  it('prints above the half-typed line and draws the prompt again with it', async () => {
    driver = await startConsole({ interactive: true });
    await driver.waitFor('> ');
    driver.type('/hel');
    await driver.waitFor('> /hel');
    const before = driver.text().length;
    await driver.app.services.channels.post('1', { content: 'A new day of **Tuning Fork** puzzles is here.' });
    await driver.waitFor(/A new day of Tuning Fork puzzles is here\.\n> \/hel/, before);
    expect(driver.text().slice(before)).not.toContain('here.> ');
    driver.type('p\r');
    await driver.waitFor('Topics for /explain', before);
  });
});
