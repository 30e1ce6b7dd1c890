/** Reading and waiting on the messages the bot leaves in the Discord test double. */
import type { DiscordDouble, StoredMessage } from '../discord-double/types.js';

export interface Component {
  type: number;
  custom_id: string;
  label?: string;
  disabled?: boolean;
  options?: { value: string }[];
}

export function components(message: StoredMessage): Component[] {
  return message.components.flatMap((row: { components: Component[] }) => row.components);
}

export function control(message: StoredMessage, match: string | ((c: Component) => boolean)): Component {
  const test = typeof match === 'string' ? (c: Component) => c.label === match : match;
  const found = components(message).find(test);
  if (!found) throw new Error(`no such control on the board: ${JSON.stringify(components(message).map((c) => c.label ?? c.custom_id))}`);
  return found;
}

export async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The board once its reveal (a later edit carrying the chart) has arrived. */
export function revealOf(double: DiscordDouble, messageId: string): Promise<StoredMessage> {
  return waitFor(() => {
    const message = double.message(messageId);
    return message?.attachments.some((a) => a.filename.endsWith('.png')) ? message : undefined;
  }, 'the reveal');
}
