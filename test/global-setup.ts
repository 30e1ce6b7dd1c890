/**
 * Before any test file: builds dist/ if the sources changed, as `npm start` would. Tests that start the
 * bot, the console or the search CLI run the compiled code the way the npm scripts do, and parallel
 * test files must not each start a build of their own.
 */
import { ensureBuilt } from '../scripts/build.mjs';

export default async function buildOnce(): Promise<void> {
  await ensureBuilt({ log: (line) => console.log(line) });
}
