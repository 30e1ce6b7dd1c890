/**
 * Forgetting one person in rounds others played with them: their id and name become a numbered
 * stand-in, so the others keep their round, its scoreboard and its reveal, and nothing names the person.
 * Only rounds others host come here: the person's own games are deleted instead.
 */
import { parseSessionState, type Player } from './session-state.js';
import { FORMER_PLAYER_PREFIX, isStandIn } from './step.js';

/**
 * A stored session without one person, in the current version. A state that cannot be read is returned
 * as it was: the bot cannot show it to anyone either.
 */
export function withoutPlayer(stored: unknown, userId: string): unknown {
  const read = parseSessionState(stored);
  if (!read.ok) return stored;
  const session = read.state;
  const group = session.group;
  if (!group || !group.players.some((p) => p.id === userId)) return stored;
  const number = group.players.filter(isStandIn).length + 1;
  const standIn: Player = { id: `${FORMER_PLAYER_PREFIX}${number}`, name: `Former player ${number}` };
  return {
    ...session,
    group: {
      ...group,
      players: group.players.map((p) => (p.id === userId ? standIn : p)),
      movers: group.movers.map((id) => (id === userId ? standIn.id : id)),
    },
  };
}
