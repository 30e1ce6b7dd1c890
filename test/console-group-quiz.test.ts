/**
 * A group quiz round in the console, piped into `npm start` with no token: the terminal is the pretend
 * server's channel and its one person the whole group, so each answer closes its question at once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledEntry, REPO_ROOT } from './e2e/harness.js';

const dir = mkdtempSync(join(tmpdir(), 'tuning-fork-console-quiz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runConsole(input: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, compiledEntry('src/main.ts'), {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_PATH: join(dir, 'console.db'), CONSOLE_FILES_DIR: join(dir, 'out') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
    child.stdin.end(input);
  });
}

describe('a group quiz round in the console', { timeout: 90_000 }, () => {
  it('plays from the lobby through two questions, with the split picture saved, to the scoreboard', async () => {
    // Start; answer A; Next; answer A; See the scoreboard.
    const { code, stdout } = await runConsole('/quiz mode:group topic:hyperparameters level:1 questions:2\n2\n1\n1\n1\n1\n');
    expect(code).toBe(0);
    expect(stdout).toContain('== Group quiz · Hyperparameters · 2 questions ==');
    expect(stdout).toContain('[1] Join  [2] Start');
    expect(stdout).toContain('== Group quiz · Hyperparameters · question 1 of 2 ==');
    expect(stdout).toContain('Your answer: A. Only you can see this; everyone has answered');
    expect(stdout).toMatch(/Everyone answered · [01] of 1 right/);
    expect(stdout).toMatch(/file: .*-split-\w+-1\.png\n {2}Bar chart of how the group answered: 1 answer\./);
    expect(stdout).toContain('== Group quiz · Hyperparameters · question 2 of 2 ==');
    expect(stdout).toContain('== Group quiz done · Hyperparameters ==');
    expect(stdout).toMatch(/🥇 .+ — [012] of 2 right/);
  });
});
