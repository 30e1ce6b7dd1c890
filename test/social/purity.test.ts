/**
 * `src/social/` is core: days, puzzles, streaks, leaderboards and share lines as pure functions. It builds
 * no messages (that is the commands' views) and reaches neither up into the command layer, the commands
 * or a front end, nor into storage at run time (it may name storage's types).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../e2e/harness.js';

const SOCIAL = join(REPO_ROOT, 'src/social');
const IMPORT = /^import\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm;

function importsOf(file: string): { specifier: string; typeOnly: boolean }[] {
  const text = readFileSync(join(SOCIAL, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => ({ specifier: match[2] as string, typeOnly: match[1] !== undefined }));
}

describe('src/social', () => {
  const files = readdirSync(SOCIAL).filter((name) => name.endsWith('.ts'));

  it.each(files)('%s imports nothing from the command layer, the commands, a front end or node-cron', (file) => {
    const outward = importsOf(file).filter(({ specifier }) => /command-layer|commands\/|\/discord\/|\/console\/|discord\.js|node-cron/.test(specifier));
    expect(outward).toEqual([]);
  });

  it.each(files)('%s uses storage for its types only', (file) => {
    const runtime = importsOf(file).filter(({ specifier, typeOnly }) => specifier.includes('/storage/') && !typeOnly);
    expect(runtime).toEqual([]);
  });
});
