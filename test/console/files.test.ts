/**
 * Files the console saves: a folder of their own per run (nothing from an earlier run is overwritten),
 * one sound per tune game unless every strum is asked for, and a picture an edit keeps saved only once.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startConsole } from '../support/console-driver.js';

const filesDir = mkdtempSync(join(tmpdir(), 'tuning-fork-files-'));
afterAll(() => rmSync(filesDir, { recursive: true, force: true }));

const clock = (iso: string) => () => new Date(iso);

/** Plays three strums of a tune game and returns the run's folder and what is in it. */
async function strumThreeTimes(options: { keepEveryClip?: boolean; now: () => Date }): Promise<{ folder: string; files: string[]; printed: string }> {
  const driver = await startConsole({ interactive: false, filesDir, ...options });
  driver.type('/play tune seed:clips\n1\n2\n6\n');
  await driver.waitFor(/3\. E2 \+20¢[\s\S]*Type a key/);
  const printed = driver.text();
  await driver.finish();
  const paths = [...printed.matchAll(/file: (\S+)/g)].map((m) => m[1] ?? '');
  const folder = paths[0]?.slice(0, paths[0].lastIndexOf('/')) ?? '';
  return { folder, files: readdirSync(folder).sort(), printed };
}

describe('files saved by the console', { timeout: 60_000 }, () => {
  it('keeps only the latest strum of a game by default, in a folder of its own for the run', async () => {
    const first = await strumThreeTimes({ now: clock('2026-12-03T17:20:05Z') });
    expect(first.folder.endsWith('2026-12-03T17-20-05Z')).toBe(true);
    expect(first.files).toHaveLength(1);
    expect(first.files[0]).toMatch(/^strum-[A-Za-z0-9]{10}\.wav$/);
    // Four strums were shown (the start and three moves): each printed the same path, now the final chord.
    expect([...first.printed.matchAll(/file: /g)]).toHaveLength(4);

    // A second run at the same second gets its own folder; the first run's files stay as they were.
    const second = await strumThreeTimes({ now: clock('2026-12-03T17:20:05Z') });
    expect(second.folder).not.toBe(first.folder);
    expect(second.folder.endsWith('2026-12-03T17-20-05Z-2')).toBe(true);
    expect(readdirSync(first.folder)).toEqual(first.files);
  });

  it('keeps every strum, numbered in order, when asked', async () => {
    const run = await strumThreeTimes({ keepEveryClip: true, now: clock('2026-12-03T18:00:00Z') });
    expect(run.files).toHaveLength(4);
    expect(run.files.map((f) => f.slice(0, 4))).toEqual(['001-', '002-', '003-', '004-']);
    for (const file of run.files) expect(file).toMatch(/^\d{3}-strum-[A-Za-z0-9]{10}\.wav$/);
  });

  it('saves a quiz picture once: the answer keeps the picture its question showed', async () => {
    const driver = await startConsole({ interactive: false, filesDir, now: clock('2026-12-03T19:00:00Z') });
    // Level 3 of this topic holds a question with a picture; the set's questions come from the fixed clock.
    driver.type('/quiz topic:hyperparameters level:3\n');
    let from = 0;
    for (let i = 0; i < 5; i++) {
      await driver.waitFor('[4] D', from);
      from = driver.text().length;
      driver.type('1\n');
      await driver.waitFor('Explain this topic', from);
      from = driver.text().length;
      driver.type('1\n');
    }
    await driver.waitFor('Quiz done', from);
    const printed = driver.text();
    await driver.finish();
    const paths = [...printed.matchAll(/file: (\S+)/g)].map((m) => m[1] ?? '');
    // Shown with the question and again with its answer, from one saved file.
    expect(paths).toHaveLength(2);
    expect(new Set(paths).size).toBe(1);
    const folder = paths[0]!.slice(0, paths[0]!.lastIndexOf('/'));
    expect(readdirSync(folder)).toEqual([paths[0]!.slice(folder.length + 1)]);
    expect(paths[0]).toMatch(/001-question-[a-z0-9-]+\.png$/);
  });
});
