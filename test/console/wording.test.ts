/** What a newcomer reads first: /help's topics, articles, plurals and option ranges that say what is true. */
import { afterEach, describe, expect, it } from 'vitest';
import { loadTopicLibrary } from '../../src/content/library.js';
import { startConsole, type ConsoleDriver } from '../support/console-driver.js';

let driver: ConsoleDriver | undefined;
afterEach(async () => {
  await driver?.finish();
  driver = undefined;
});

async function run(input: string, until: string | RegExp): Promise<string> {
  driver = await startConsole({ interactive: false });
  driver.type(input);
  await driver.waitFor(until);
  return driver.text();
}

describe('the console says what is true', { timeout: 60_000 }, () => {
  it('/help lists every topic that /explain points to it for', async () => {
    const text = await run('/explain topic:qqqqzzzz\n/help\n', 'Topics for /explain (');
    expect(text).toContain('Type /help to see the topics.');
    const topics = loadTopicLibrary().all();
    expect(text).toContain(`Topics for /explain (${topics.length}):`);
    const listed = /Topics for \/explain \(\d+\): (.*)/.exec(text)?.[1] ?? '';
    for (const topic of topics) expect(listed).toContain(topic.slug);
  });

  it('says "an ML expert"', async () => {
    const text = await run('/level level:5\n', 'Saved');
    expect(text).toContain('level 5 (for an ML expert)');
    expect(text).not.toContain('a ML');
  });

  it('gives a required text option a range that starts at 1', async () => {
    const text = await run(`/ask question:${'x'.repeat(301)}\n`, 'must be');
    expect(text).toContain('`question` for /ask must be text of 1 to 300 characters'.replace(/`/g, ''));
  });

  it('counts one move in the singular in a race', async () => {
    // In a tune race the optimiser's one try comes after the player's sixth strum.
    const text = await run('/play tune seed:plural mode:race\n1\n6\n1\n6\n1\n6\n8\n', 'Its best so far');
    expect(text).toMatch(/Its best so far is [\d.]+ after 1 try\./);
  });
});
