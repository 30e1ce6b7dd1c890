/**
 * The daily post each server gets at its chosen time: today's puzzles, yesterday's daily leaderboard for
 * that server, and yesterday's answers. Everything but the leaderboard is the same for every server, so
 * it is built once per day; the leaderboards of all servers come from one query.
 */
import { clip, LIMITS, messageProblems } from '../../src/command-layer/limits.js';
import type { EmbedFieldView, EmbedView, MessageView } from '../../src/command-layer/types.js';
import { GAME_IDS, GAMES, type GameId } from '../../src/games/index.js';
import type { DailyLeader, Storage } from '../../src/storage/index.js';
import { addDays, dayNumber, startOfDay } from '../../src/social/days.js';
import { rankingLine } from '../../src/social/leaderboard.js';

/** Tells yesterday's answer of one game; the games' front end supplies it. */
export type DescribeYesterday = (game: GameId, dayUtc: string) => string;

export const neutralReveal: DescribeYesterday = () => 'Finish or give up on a puzzle to see its answer and how the strategies did.';

export const DAILY_TOP = 5;
/** Room kept for each reveal, so four of them and four leaderboards always fit one embed. */
const REVEAL_MAX = 400;
const PUZZLE_COLOR = 0x3b82f6;
const RESULTS_COLOR = 0xf59e0b;

/** The parts of the post every server shares on one UTC day. */
export interface SharedDailyParts {
  today: string;
  yesterday: string;
  puzzles: EmbedView;
  reveals: Readonly<Record<GameId, string>>;
}

export function sharedDailyParts(today: string, describeYesterday: DescribeYesterday = neutralReveal): SharedDailyParts {
  const yesterday = addDays(today, -1);
  const lines = GAME_IDS.map((id) => `**${GAMES[id].title}** — ${GAMES[id].blurb} Play with \`/daily ${id}\`.`);
  const reveals = {} as Record<GameId, string>;
  for (const id of GAME_IDS) {
    let text: string;
    try {
      text = describeYesterday(id, yesterday).trim();
    } catch {
      text = '';
    }
    reveals[id] = clip(text || neutralReveal(id, yesterday), REVEAL_MAX);
  }
  return {
    today,
    yesterday,
    reveals,
    puzzles: {
      title: `Today's puzzles · Daily #${dayNumber(today)} (${today})`,
      description: clip(
        `${lines.join('\n')}\n\nEveryone everywhere gets the same puzzles.`,
        LIMITS.embedDescription,
      ),
      color: PUZZLE_COLOR,
    },
  };
}

/**
 * How long today's set stays open. A server ahead of UTC gets its morning post late in the UTC day, so
 * the post says plainly when the set changes.
 */
export function timeLeftLine(today: string, at: Date): string {
  const minutes = Math.max(0, Math.round((startOfDay(addDays(today, 1)).getTime() - at.getTime()) / 60_000));
  const hours = Math.floor(minutes / 60);
  return `Open until 00:00 UTC, ${hours} h ${minutes % 60} min from this post.`;
}

/** One server's post at `at`. `leaders` are that server's daily leaders for `shared.yesterday`. */
export function dailyPostMessage(shared: SharedDailyParts, leaders: readonly DailyLeader[], at: Date): MessageView {
  const fields: EmbedFieldView[] = GAME_IDS.map((id) => {
    const top = leaders.filter((l) => l.game === id).slice(0, DAILY_TOP);
    const board = top.length ? top.map((entry) => rankingLine(entry)).join('\n') : 'Nobody here played it.';
    return { name: GAMES[id].title, value: clip(`${board}\n*Answer:* ${shared.reveals[id]}`, LIMITS.fieldValue) };
  });
  const message: MessageView = {
    content: 'A new day of Tuning Fork puzzles is here.',
    embeds: [
      { ...shared.puzzles, footer: timeLeftLine(shared.today, at) },
      { title: `Yesterday · Daily #${dayNumber(shared.yesterday)} (${shared.yesterday})`, fields, color: RESULTS_COLOR, footer: 'Top 5 of this server per game' },
    ],
  };
  const problems = messageProblems(message);
  if (problems.length > 0) throw new Error(`daily post breaks Discord's limits: ${problems.join('; ')}`);
  return message;
}

/** Posts for many servers at once: shared parts built once (pass them in to reuse them), one leaderboard query. */
export async function prepareDailyPosts(
  storage: Storage,
  guildIds: readonly string[],
  shared: SharedDailyParts,
  at: Date,
): Promise<Map<string, MessageView>> {
  const leaders = await storage.results.dailyLeaders({ day: shared.yesterday, perGame: DAILY_TOP, guildIds });
  const byGuild = new Map<string, DailyLeader[]>();
  for (const leader of leaders) {
    const list = byGuild.get(leader.guildId);
    if (list) list.push(leader);
    else byGuild.set(leader.guildId, [leader]);
  }
  return new Map(guildIds.map((guildId) => [guildId, dailyPostMessage(shared, byGuild.get(guildId) ?? [], at)]));
}
