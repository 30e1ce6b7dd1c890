/**
 * The playground's web server, started by `npm start` beside the bot or the console. A port that is
 * taken is reported and the bot carries on without the web server: the chat bot matters more.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { AppServices } from '../command-layer/types.js';
import type { WebSettings } from '../config.js';
import type { DiscordOAuthSettings } from './discord-oauth.js';
import { replayLinkKey, replayLinks, type ReplayLinks } from './replay-links.js';
import { loadClientFiles } from './static-files.js';
import { createWebApp } from './web-app.js';

export interface WebServer {
  /** Where the server listens, e.g. http://localhost:3000. */
  readonly address: string;
  /** Links people follow: WEB_BASE_URL, or the listening address when it is unset. */
  readonly publicUrl: string;
  readonly links: ReplayLinks;
  close(): Promise<void>;
}

export interface StartWebServerOptions {
  readonly settings: WebSettings;
  readonly services: Pick<AppServices, 'storage' | 'topics' | 'logger' | 'now'>;
  /** The application's id and API, for the Activity's sign-in (with DISCORD_CLIENT_SECRET). */
  readonly discord?: { readonly clientId: string; readonly apiUrl: string };
  readonly clientDir?: string;
}

/** Starts the server, or resolves undefined when WEB_PORT is off or the port cannot be had (said on stderr). */
export async function startWebServer({ settings, services, discord, clientDir }: StartWebServerOptions): Promise<WebServer | undefined> {
  if (settings.port === undefined) return undefined;
  const links = replayLinks(await replayLinkKey(services.storage.secrets));
  const oauth: DiscordOAuthSettings | undefined =
    discord && settings.clientSecret !== undefined ? { clientId: discord.clientId, apiUrl: discord.apiUrl, clientSecret: settings.clientSecret } : undefined;
  const clientFiles = loadClientFiles(clientDir);
  if (clientFiles.size === 0) process.stderr.write('The playground page has not been built (dist/web is missing): run `npm run build`.\n');
  const app = createWebApp({ storage: services.storage, topics: services.topics, logger: services.logger, now: services.now, links, clientFiles, ...(oauth ? { oauth } : {}) });
  let server: ServerType;
  try {
    server = await new Promise<ServerType>((resolve, reject) => {
      const started = serve({ fetch: app.fetch, port: settings.port ?? 0, hostname: '0.0.0.0' }, () => resolve(started));
      started.once('error', reject);
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? `port ${settings.port} is already in use` : code === 'EACCES' ? `port ${settings.port} needs more privileges` : String(error);
    process.stderr.write(`The playground's web server did not start: ${why}. Set WEB_PORT to a free port, 0 for any free port, or off.\n`);
    services.logger.warn({ port: settings.port, code }, 'web server did not start');
    return undefined;
  }
  const { port } = server.address() as AddressInfo;
  const address = `http://localhost:${port}`;
  const publicUrl = settings.baseUrl ?? address;
  process.stderr.write(`Playground: ${address}/${settings.baseUrl ? ` (public address ${settings.baseUrl}/)` : ''}\n`);
  services.logger.info({ port, publicUrl }, 'web server listening');
  return {
    address,
    publicUrl,
    links,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections from a browser would hold close() open.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
