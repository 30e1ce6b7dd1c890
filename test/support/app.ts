/** A real app (real commands, topics and SQLite file) for tests that drive the command layer directly. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createApp, type App } from '../../src/app.js';
import type { Channels, Invocation, MessageView } from '../../src/command-layer/types.js';
import { loadConfig } from '../../src/config.js';

export interface TestApp extends App {
  /** What was posted to channels outside interactions. */
  posted: { channelId: string; message: MessageView }[];
  /** Messages edited outside interactions. */
  edited: { channelId: string; messageId: string; message: MessageView }[];
  /** Every log line written so far, as JSON text. */
  logs(): string;
  dispose(): Promise<void>;
}

export async function createTestApp(now?: () => Date): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'tuning-fork-app-'));
  const config = loadConfig({ DATABASE_PATH: join(dir, 'test.db'), LOG_LEVEL: 'info' });
  let written = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString();
      done();
    },
  });
  const posted: { channelId: string; message: MessageView }[] = [];
  const edited: { channelId: string; messageId: string; message: MessageView }[] = [];
  const channels: Channels = {
    canPost: (_guildId, channelId) => Promise.resolve(!channelId.endsWith('0')),
    post: (channelId, message) => Promise.resolve(String(posted.push({ channelId, message }))),
    edit: (channelId, messageId, message) => Promise.resolve(void edited.push({ channelId, messageId, message })),
    findOwnPost: (channelId, _since, marker) => {
      const index = posted.findIndex((post) => post.channelId === channelId && (post.message.embeds?.[0]?.title ?? post.message.content) === marker);
      return Promise.resolve(index < 0 ? undefined : String(index + 1));
    },
  };
  const app = await createApp({ config, logger: pino({ level: 'info' }, sink), channels, now });
  return {
    ...app,
    logs: () => written,
    posted,
    edited,
    async dispose() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function person(id: string, name = `user ${id}`): Invocation {
  return { user: { id, name }, guildId: '900000000000000001', channelId: '900000000000000002', canManageGuild: false };
}
