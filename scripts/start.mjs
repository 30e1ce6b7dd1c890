/**
 * `npm start` (and `npm run deploy-commands`, `npm run search`): builds dist/ when the sources changed
 * (see build.mjs), then runs the compiled entry point in this same process, so production runs plain
 * JavaScript with no TypeScript loader and no second Node process.
 *
 *   node scripts/start.mjs                              the bot (src/main.ts, compiled)
 *   node scripts/start.mjs src/cli/search.ts --json …   another entry point, named by its source path
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BuildError, DIST_DIR, ensureBuilt } from './build.mjs';

const entry = process.argv[2] !== undefined && process.argv[2].endsWith('.ts') ? process.argv[2] : undefined;
const compiled = join(DIST_DIR, (entry ?? 'src/main.ts').replace(/\.ts$/, '.js'));

try {
  await ensureBuilt();
} catch (error) {
  if (!(error instanceof BuildError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
if (!existsSync(compiled)) {
  process.stderr.write(`No such entry point: ${entry}\n`);
  process.exit(1);
}
// The entry point sees the arguments it would see if Node had started it: [node, its file, …args].
process.argv.splice(1, entry === undefined ? 1 : 2, compiled);
await import(pathToFileURL(compiled).href);
