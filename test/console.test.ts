/**
 * The console front end driven as a person would pipe into `npm start` with no token.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTopicLibrary } from '../src/content/library.js';
import { compiledEntry, REPO_ROOT } from './e2e/harness.js';

const dir = mkdtempSync(join(tmpdir(), 'tuning-fork-console-'));
const topics = loadTopicLibrary();

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runConsole(input: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, compiledEntry('src/main.ts'), {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, WEB_PORT: 'off', DATABASE_PATH: join(dir, 'console.db'), ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    // 'close', not 'exit': the last lines may still be in the pipes when the process has exited.
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

// Each run starts a Node process: seconds apiece on a busy machine.
describe('the console', { timeout: 90_000 }, () => {
  it('prints an explanation from piped input and exits 0 at the end of input', async () => {
    const { code, stdout } = await runConsole('/explain topic:hyperparameters level:1\n');
    expect(code).toBe(0);
    expect(stdout).toContain(`== ${topics.get('hyperparameters')?.title} ==`);
    // Markup is shown as text: the topic's **bold** has no asterisks in a pipe.
    expect(stdout).toContain(topics.text('hyperparameters', 1).split('\n')[0]?.replaceAll('**', ''));
    expect(stdout).not.toContain('**');
    expect(stdout).toContain('[2] Deeper');
  });

  it('presses buttons and menu options by their keys', async () => {
    const { stdout } = await runConsole('/explain topic:learning-rate level:2\n1\n2\na1\n');
    expect(stdout).toContain('Level 2 of 5');
    expect(stdout).toContain('Level 1 of 5');
    const related = topics.related('learning-rate')[0];
    expect(stdout).toContain(`== ${related?.title} ==`);
  });

  it('remembers /level between runs (same database) and answers /ask', async () => {
    await runConsole('/level level:4\n');
    const { stdout } = await runConsole('/level\n/ask question:"why is the learning rate on a log scale"\n');
    expect(stdout).toContain('Your level is 4');
    expect(stdout).toContain('You asked: why is the learning rate on a log scale');
    expect(stdout).toContain('Level 4 of 5');
  });

  it('gives the same clear messages as Discord for unknown commands and bad options', async () => {
    const { code, stdout } = await runConsole('/dance\n/explain level:2\n/explain topic:tpe level:8\nhello\n/ask question:"unclosed\n');
    expect(code).toBe(0);
    expect(stdout).toContain('There is no /dance command here. Type /help to see what I can do.');
    expect(stdout).toContain('/explain needs topic');
    expect(stdout).toContain('level for /explain must be one of');
    expect(stdout).toContain('Type a command that starts with /');
    expect(stdout).toContain('A quote is not closed');
  });

  it('plays a game: keys press buttons, a modal asks its fields, the reveal saves its pictures', async () => {
    const files = join(dir, 'files');
    // Give up ([2]) asks first: [4] keeps playing, and after asking again [3] says yes.
    const { code, stdout } = await runConsole('/play bake seed:console-e2e\n1\n31\n1\n5\n2\n4\n2\n3\n', { CONSOLE_FILES_DIR: files });
    expect(code).toBe(0);
    expect(stdout).toContain('Bake time (5 to 25 minutes, steps of 0.5):');
    expect(stdout).toContain('Bake time must be from 5 to 25 minutes');
    expect(stdout).toContain('1. 5 min → tastes');
    expect(stdout).toContain('[2] (Really give up?)  [3] Yes, give up  [4] Keep playing');
    expect(stdout.split('[2] (Really give up?)')).toHaveLength(3);
    expect(stdout).toContain('You gave up after 1 bake.');
    const saved = /file: (\S+bake-reveal\.png)/.exec(stdout)?.[1];
    expect(saved && readFileSync(saved).subarray(1, 4).toString()).toBe('PNG');
  });

  it('lists the commands with /help', async () => {
    const { stdout } = await runConsole('/help\n');
    for (const name of ['/ask', '/explain', '/help', '/level']) expect(stdout).toContain(`\n${name}: `);
  });

  it('has no rate limit: the console is one trusted person, and a script sends lines as fast as it can', async () => {
    const { code, stdout } = await runConsole('/level level:2\n'.repeat(25));
    expect(code).toBe(0);
    expect(stdout).not.toContain('going a little fast');
    expect(stdout.match(/Saved: I will explain at level 2/g)).toHaveLength(25);
  });

  it('prints the daily post in the terminal once a day, when its time has come', async () => {
    const database = { DATABASE_PATH: join(dir, 'daily.db') };
    // Midnight has always passed: the post is due at the next start, unless this start already showed it.
    const first = await runConsole('/settings set daily-time:00:00\n', database);
    const second = await runConsole('/settings show\n', database);
    const third = await runConsole('', database);
    const posts = [first, second, third].map((run) => run.stdout.match(/== Today's puzzles · Daily #\d+/g)?.length ?? 0);
    expect(posts[0]! + posts[1]!).toBe(1);
    expect(posts[2]).toBe(0);
    expect(second.stdout).toContain('Daily post: #this-terminal at 00:00');
    expect(second.stdout).toMatch(/Last post: \d{4}-\d{2}-\d{2}/);
  });

  it('stops with one readable message and exit code 1 on bad configuration', async () => {
    const { code, stderr, stdout } = await runConsole('', { DISCORD_TOKEN: 'secret-token-value', LOG_LEVEL: 'loud' });
    expect(code).toBe(1);
    expect(stderr).toContain('DISCORD_CLIENT_ID is required when DISCORD_TOKEN is set');
    expect(stderr).toContain('LOG_LEVEL must be one of');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr + stdout).not.toContain('secret-token-value');
  });
});
