/**
 * scripts/build.mjs on a small copy of the project (the real scripts and tsconfigs, two source files):
 * it builds when there is no build, not again when nothing changed, again when a source changed, prunes
 * the output of a removed source, re-emits an output deleted behind tsc's back, and refuses sources that
 * do not compile. Then scripts/start.mjs runs the compiled entry point with its arguments.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './e2e/harness.js';

const project = mkdtempSync(join(tmpdir(), 'tuning-fork-build-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

for (const file of ['package.json', 'tsconfig.json', 'tsconfig.build.json']) cpSync(join(REPO_ROOT, file), join(project, file));
cpSync(join(REPO_ROOT, 'scripts'), join(project, 'scripts'), { recursive: true });
symlinkSync(join(REPO_ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
mkdirSync(join(project, 'src'));
mkdirSync(join(project, 'commands'));

function write(file: string, text: string): void {
  writeFileSync(join(project, file), text);
}

function node(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const built = (file: string) => existsSync(join(project, 'dist', file));

// Each step runs tsc: seconds apiece on a busy machine.
describe('the build', { timeout: 180_000 }, () => {
  it('builds only when needed, prunes removed sources and re-emits deleted outputs', () => {
    write('src/main.ts', "export const greeting: string = 'hello';\nconsole.log(greeting, process.argv.slice(2).join(' '));\n");
    write('commands/extra.ts', 'export const extra = 1;\n');

    const first = node('scripts/build.mjs');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('no build yet');
    expect(built('src/main.js') && built('commands/extra.js')).toBe(true);

    expect(node('scripts/build.mjs').stdout).toBe('');

    write('src/main.ts', "export const greeting: string = 'hi';\nconsole.log(greeting, process.argv.slice(2).join(' '));\n");
    expect(node('scripts/build.mjs').stdout).toContain('sources changed');

    rmSync(join(project, 'commands/extra.ts'));
    expect(node('scripts/build.mjs').stdout).toContain('files added or removed');
    expect(built('commands/extra.js')).toBe(false);

    rmSync(join(project, 'dist/src/main.js'));
    expect(node('scripts/build.mjs').stdout).toContain('compiled file is missing');
    expect(built('src/main.js')).toBe(true);
  });

  it('runs the compiled entry point with its own arguments', () => {
    const run = node('scripts/start.mjs', 'src/main.ts', 'a', 'b');
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('hi a b\n');
  });

  it('refuses sources that do not compile, with tsc’s message, and keeps trying', () => {
    write('src/main.ts', 'export const greeting: number = "not a number";\n');
    const failed = node('scripts/start.mjs');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('The build failed');
    expect(failed.stderr).toContain('src/main.ts');
    expect(node('scripts/build.mjs').status).toBe(1);
  });
});
