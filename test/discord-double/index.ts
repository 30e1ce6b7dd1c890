/**
 * Discord test double — a local stand-in for Discord's REST API and gateway, for end-to-end tests.
 *
 * `startDiscordDouble()` binds one HTTP server to 127.0.0.1 on an ephemeral port. REST lives under
 * `/api/v10` (give `apiUrl` to discord.js as `rest.api`, i.e. our DISCORD_API_URL); the gateway is a
 * WebSocket on the same port, announced by `GET /gateway/bot` and as `resume_gateway_url`. The real
 * discord.js client logs in against it unchanged: Hello, heartbeats, Identify → READY + GUILD_CREATE,
 * Resume → replay + RESUMED, op 7 and op 9 all behave as on Discord.
 *
 * Tests then act as users: `slash`, `autocomplete`, `click`, `select` and `submitModal` dispatch complete
 * INTERACTION_CREATE payloads, and the returned `InteractionResult` shows the bot's first callback and the
 * message the user ends up seeing. The double is strict like Discord: limits on messages, embeds,
 * components, modals, autocomplete and command definitions, acknowledging twice or too late, follow-ups
 * before acknowledging, a wrong token — each answers with Discord's error status and JSON and is also
 * appended to `violations`, so a test can assert `expect(double.violations).toEqual([])`. Accidental pings
 * (mentions without a restricting `allowed_mentions`) are allowed by Discord but recorded as violations.
 * It keeps bounded logs and closes itself after ten minutes if a test forgets `close()`.
 */
export { startDiscordDouble } from './double.js';
export { DefaultChannelId, DefaultGuildId, OrdinaryMemberPermissions } from './payloads.js';
export { MessageLimits, ModalLimits } from './limits.js';
export type * from './types.js';
