/**
 * Compiles src/ and commands/ to dist/ with tsc (tsconfig.build.json), only when something changed:
 * a source file newer than the last build, a source file added or removed, or a changed tsconfig or
 * package.json. The check reads file times only (a few milliseconds), so `npm start` can run it every
 * time; tsc's own incremental build info then recompiles little when little changed.
 *
 * Outputs whose source is gone are deleted, or the command loader would still load a removed command.
 * A lock folder keeps two builds (two `npm start`s, parallel test files) from writing dist/ at once.
 *
 * The playground's browser bundle (web/, built by Vite into dist/web) is checked the same way, against
 * web/ and the engine and games it bundles (src/search, src/games).
 *
 *   node scripts/build.mjs            build if needed (`npm run build`)
 *   import { ensureBuilt } from …     the same, from scripts/start.mjs and the tests
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DIST_DIR = join(PACKAGE_ROOT, 'dist');
const SOURCE_DIRS = ['src', 'commands'];
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];
/** What the last successful build compiled, and when it started. */
const STAMP_FILE = join(DIST_DIR, '.build-stamp.json');
const LOCK_DIR = join(DIST_DIR, '.build-lock');
/** tsc's incremental state (tsconfig.build.json); it does not know about outputs deleted behind its back. */
const BUILD_INFO_FILE = join(DIST_DIR, '.tsbuildinfo');
/** A lock older than this belongs to a build that died; a real build takes well under a minute. */
const STALE_LOCK_MS = 10 * 60_000;

/** The browser bundle: its own sources, and the core it compiles for the browser (the charts take their colours from src/pictures). */
const WEB_DIR = join(PACKAGE_ROOT, 'web');
const WEB_CONFIG = join(WEB_DIR, 'vite.config.mjs');
const WEB_SOURCE_DIRS = ['web', 'src/search', 'src/games', 'src/pictures'];
const WEB_OUT_DIR = join(DIST_DIR, 'web');
const WEB_STAMP_FILE = join(DIST_DIR, '.web-build-stamp.json');

export class BuildError extends Error {}

function sourceFiles(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(path, found);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

function currentSources() {
  const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(join(PACKAGE_ROOT, dir))).sort();
  let newest = 0;
  for (const file of [...files, ...CONFIG_FILES.map((name) => join(PACKAGE_ROOT, name))]) newest = Math.max(newest, statSync(file).mtimeMs);
  return { files: files.map((file) => relative(PACKAGE_ROOT, file)), newest };
}

function readStamp(file = STAMP_FILE) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const MISSING_OUTPUT = 'a compiled file is missing';

/** Why a build is needed, or undefined when dist/ is up to date. */
export function staleReason() {
  const stamp = readStamp();
  if (stamp === undefined) return 'no build yet';
  const { files, newest } = currentSources();
  if (newest > stamp.startedMs) return 'sources changed';
  if (files.join('\n') !== stamp.files.join('\n')) return 'files added or removed';
  for (const file of files) {
    if (!existsSync(join(DIST_DIR, file.replace(/\.ts$/, '.js')))) return MISSING_OUTPUT;
  }
  return undefined;
}

function allFiles(dir, found = []) {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) allFiles(path, found);
    else found.push(path);
  }
  return found;
}

function currentWebSources() {
  const files = WEB_SOURCE_DIRS.flatMap((dir) => allFiles(join(PACKAGE_ROOT, dir))).sort();
  let newest = 0;
  for (const file of [...files, join(PACKAGE_ROOT, 'package.json')]) newest = Math.max(newest, statSync(file).mtimeMs);
  return { files: files.map((file) => relative(PACKAGE_ROOT, file)), newest };
}

/** Why the browser bundle needs building, or undefined when it is up to date or there is no web/ to build. */
export function webStaleReason() {
  if (!existsSync(WEB_CONFIG)) return undefined;
  const stamp = readStamp(WEB_STAMP_FILE);
  if (stamp === undefined || !existsSync(join(WEB_OUT_DIR, 'index.html'))) return 'no playground build yet';
  const { files, newest } = currentWebSources();
  if (newest > stamp.startedMs) return 'playground sources changed';
  if (files.join('\n') !== stamp.files.join('\n')) return 'playground files added or removed';
  return undefined;
}

function buildWeb(reason, log) {
  let vite;
  try {
    vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  } catch {
    // A deployment without dev dependencies serves the bundle it was built with; without one, the page says how to build.
    if (!existsSync(join(WEB_OUT_DIR, 'index.html'))) log('The playground page is not built and Vite is not installed: run `npm install` (with dev dependencies), then `npm run build`.');
    return;
  }
  const startedMs = Date.now();
  const { files } = currentWebSources();
  log(`Building the playground page (${reason}): vite build…`);
  const run = spawnSync(process.execPath, [vite, 'build', '--config', WEB_CONFIG], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new BuildError(`The playground build failed:\n${run.stdout}${run.stderr}`);
  writeFileSync(WEB_STAMP_FILE, JSON.stringify({ startedMs, files }));
}

function holdsLock() {
  try {
    mkdirSync(LOCK_DIR);
    writeFileSync(join(LOCK_DIR, 'pid'), String(process.pid));
    return true;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    return false;
  }
}

function lockIsStale() {
  try {
    const pid = Number(readFileSync(join(LOCK_DIR, 'pid'), 'utf8'));
    if (Date.now() - statSync(LOCK_DIR).mtimeMs > STALE_LOCK_MS) return true;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // ESRCH: the builder is gone. A missing pid file may be a build that has only just made the folder.
    return error.code === 'ESRCH';
  }
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Deletes compiled files in dist/ whose TypeScript source no longer exists. */
function pruneOrphans(sources) {
  const expected = new Set(sources.map((file) => file.replace(/\.ts$/, '.js')));
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js') && !expected.has(relative(DIST_DIR, path))) rmSync(path);
    }
  };
  for (const dir of SOURCE_DIRS) walk(join(DIST_DIR, dir));
}

function compile(reason, log) {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    throw new BuildError('dist/ is missing or out of date, and TypeScript is not installed to build it: run `npm install` (with dev dependencies), then `npm run build`.');
  }
  // tsc would think a missing output is up to date; without its build info it emits everything.
  if (reason === MISSING_OUTPUT) rmSync(BUILD_INFO_FILE, { force: true });
  const startedMs = Date.now();
  const { files } = currentSources();
  log(`Building Tuning Fork (${reason}): tsc -p tsconfig.build.json…`);
  const run = spawnSync(process.execPath, [tsc, '-p', join(PACKAGE_ROOT, 'tsconfig.build.json')], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new BuildError(`The build failed:\n${run.stdout}${run.stderr}`);
  pruneOrphans(files);
  mkdirSync(dirname(STAMP_FILE), { recursive: true });
  writeFileSync(STAMP_FILE, JSON.stringify({ startedMs, files }));
}

/**
 * Builds dist/ unless it is up to date. Resolves once dist/ matches the sources; throws BuildError
 * (with tsc's messages) when the sources do not compile.
 */
export async function ensureBuilt({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  if (staleReason() === undefined && webStaleReason() === undefined) return;
  mkdirSync(DIST_DIR, { recursive: true });
  while (!holdsLock()) {
    if (lockIsStale()) rmSync(LOCK_DIR, { recursive: true, force: true });
    else await pause(200);
  }
  try {
    // Another process may have built while this one waited for the lock.
    const reason = staleReason();
    if (reason !== undefined) compile(reason, log);
    const webReason = webStaleReason();
    if (webReason !== undefined) buildWeb(webReason, log);
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await ensureBuilt({ log: (line) => process.stdout.write(`${line}\n`) });
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}
