/**
 * The reveal's "Open the replay" link button (issue 14): added to the reveal once it is built, when the
 * web server has a public address (WEB_BASE_URL). Daily games get none: their replay would show the
 * day's secret seed.
 */
import type { AppServices, MessageView } from '../../src/command-layer/types.js';
import type { GameView, MoveHooks } from './session.js';

export function withReplayLink(app: AppServices, hooks: MoveHooks): MoveHooks {
  const link = app.replayLink;
  if (link === undefined) return hooks;
  const addLink = (game: GameView, message: MessageView): MessageView =>
    game.record.mode === 'daily' ? message : { ...message, links: [...(message.links ?? []), { type: 'link', label: 'Open the replay', url: link(game.record.id) }] };
  return {
    ...hooks,
    render(game) {
      const { message, later } = hooks.render(game);
      return later ? { message, later: async () => addLink(game, await later()) } : { message };
    },
  };
}
