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
 *
 * Those user actions refuse at once (they throw) what a real Discord client would never send: unknown or
 * wrong-typed options, values out of range, components the message does not have or has disabled, select
 * values not offered, submissions of a modal that is not open. To test how the bot copes with a modified
 * client or a stale cache, opt in per call through `double.tampered`, which has the same `slash`, `click`,
 * `select` and `submitModal` without those checks, e.g.
 *   `await double.tampered.click(messageId, 'tune:forged', ctx)` — a button payload (component_type 2)
 *   with that custom id on the message as stored;
 *   `await double.tampered.slash('tune', { steps: 99, extra: 'x' }, ctx)` — values go out raw, typed by
 *   the command's definition (or by the JS value for unknown options), required ones may be missing;
 *   `await double.tampered.submitModal('feedback-modal', { note: 'again' }, ctx)` — shaped like the open
 *   modal, or the last one of that id (a racing second submit), or from the fields alone if none was shown.
 * What Discord's servers check still applies (a registered command the user may use, a message that
 * exists in the channel and that the user can see), and everything about the bot's answers stays as
 * strict as ever. Tampered interactions are labelled `… (tampered)` in violations and errors.
 *
 * Double clicks need no tampering: as on Discord, a button stays usable until the message changes, and
 * `click` returns once the interaction is dispatched, so two `click`s before the bot's update lands reach
 * the bot as two interactions; once the update removed or disabled the button, `click` throws again.
 */
export { startDiscordDouble } from './double.js';
export { DefaultChannelId, DefaultGuildId, OrdinaryMemberPermissions } from './payloads.js';
export { MessageLimits, ModalLimits } from './limits.js';
export type * from './types.js';
