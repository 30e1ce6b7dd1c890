/**
 * The social layer's two hot paths, on a real SQLite file:
 * - preparing the daily post for 1,000 servers (find who is due, build the shared parts, one grouped
 *   leaderboard query, 1,000 messages), target under 2 s;
 * - one /leaderboard answer (top 10 plus the caller's rank) over 10,000 results of one game in one server.
 * Run with `npx tsx test/bench/social.ts` (`--quick` for fewer runs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { pino } from 'pino';
import seedrandom from 'seedrandom';
import { messageProblems } from '../../src/command-layer/limits.js';
import { dueDailyPosts } from '../../commands/daily/posting.js';
import { prepareDailyPosts, sharedDailyParts } from '../../commands/views/daily-post.js';
import { addDays, utcDay } from '../../src/social/days.js';
import { openStorage } from '../../src/storage/index.js';
import { median } from './stats.js';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 7;
const GUILDS = 1000;
const PLAYERS_PER_GUILD_GAME = 8;
const BOARD_RESULTS = 10_000;
const TARGET_MS = 2000;
const GAMES = ['bake', 'lock', 'tune', 'train'];
const ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'America/Los_Angeles', 'Asia/Kolkata'];

const dir = mkdtempSync(join(tmpdir(), 'tuning-fork-bench-social-'));
const databasePath = join(dir, 'bench.db');
const storage = await openStorage({ databasePath });
const random = seedrandom('social-bench');
const now = new Date('2026-11-28T23:59:00Z');
const today = utcDay(now);
const yesterday = addDays(today, -1);
const guildId = (i: number) => String(800_000_000_000_000_000n + BigInt(i));

// Seeding writes straight to the file in one transaction; the measured paths go through Storage.
const sqlite = new BetterSqlite3(databasePath);
const insertSettings = sqlite.prepare('INSERT INTO guild_settings VALUES (?, ?, ?, ?, ?)');
const insertResult = sqlite.prepare('INSERT INTO results (game_record_id, user_id, guild_id, game, mode, score, won, moves, finished_at, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
let record = 0;
function addResult(guild: string, user: string, game: string, mode: string, day: string): void {
  const score = Math.round(random() * 1000) / 10;
  const at = `${day}T${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00.000Z`;
  insertResult.run(`r${record++}`, user, guild, game, mode, score, score >= 50 ? 1 : 0, 1 + Math.floor(random() * 12), at, day);
}
sqlite.transaction(() => {
  for (let g = 0; g < GUILDS; g++) {
    const zone = ZONES[g % ZONES.length] as string;
    insertSettings.run(guildId(g), guildId(g + 5000), '00:00', zone, now.toISOString());
    for (const game of GAMES) {
      for (let p = 0; p < PLAYERS_PER_GUILD_GAME; p++) {
        addResult(guildId(g), String(700_000_000_000_000_000n + BigInt(g * 100 + p)), game, 'daily', yesterday);
        addResult(guildId(g), String(700_000_000_000_000_000n + BigInt(g * 100 + p)), game, 'daily', addDays(yesterday, -1));
      }
    }
  }
  for (let i = 0; i < BOARD_RESULTS; i++) addResult(guildId(0), String(600_000_000_000_000_000n + BigInt(i % 2500)), 'bake', 'solo', addDays(today, -Math.floor(random() * 30)));
})();
sqlite.close();
console.log(`seeded ${GUILDS} servers and ${record} results`);

const services = { storage, channels: { canPost: async () => true, post: async () => '0', edit: async () => undefined, findOwnPost: async () => undefined }, logger: pino({ level: 'silent' }), now: () => now };

const prepTimes: number[] = [];
let prepared = 0;
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  const due = await dueDailyPosts(services, now);
  const messages = await prepareDailyPosts(storage, due.map((d) => d.guildId), sharedDailyParts(today), now);
  prepTimes.push(performance.now() - start);
  prepared = messages.size;
  const sample = messages.get(guildId(0));
  if (!sample || messageProblems(sample).length > 0) throw new Error('a prepared post breaks Discord limits');
}
const prepMedian = median(prepTimes);
console.log(`daily posts for ${prepared} servers: median ${prepMedian.toFixed(0)} ms over ${RUNS} runs (target < ${TARGET_MS} ms, ${(prepMedian / TARGET_MS).toFixed(2)}× the budget)`);

const boardTimes: number[] = [];
const query = { guildId: guildId(0), game: 'bake' as const };
for (let run = 0; run < RUNS * 10; run++) {
  const start = performance.now();
  await Promise.all([storage.results.leaderboard({ ...query, limit: 10 }), storage.results.rankOf(query, '600000000000001234')]);
  boardTimes.push(performance.now() - start);
}
const weekTimes: number[] = [];
for (let run = 0; run < RUNS * 10; run++) {
  const start = performance.now();
  await Promise.all([
    storage.results.leaderboard({ ...query, since: addDays(today, -6), limit: 10 }),
    storage.results.rankOf({ ...query, since: addDays(today, -6) }, '600000000000001234'),
  ]);
  weekTimes.push(performance.now() - start);
}
console.log(`leaderboard + own rank over ${BOARD_RESULTS} results (2,500 players), all time: median ${median(boardTimes).toFixed(1)} ms; last 7 days: median ${median(weekTimes).toFixed(1)} ms (${RUNS * 10} runs each)`);

await storage.close();
rmSync(dir, { recursive: true, force: true });
if (prepMedian >= TARGET_MS) {
  console.error(`FAIL: daily-post preparation took ${prepMedian.toFixed(0)} ms, over the ${TARGET_MS} ms target`);
  process.exit(1);
}
