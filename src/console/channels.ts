/** In the console there is one channel: the terminal. A post or an edit prints like any other message. */
import type { Channels, MessageView } from '../command-layer/types.js';

export function consoleChannels(show: (message: MessageView) => string): Channels {
  return {
    canPost: () => Promise.resolve(true),
    post: (_channelId, message) => Promise.resolve(show(message)),
    edit: async (_channelId, _messageId, message) => void show(message),
    // The terminal keeps no history to look in, and only one process ever writes to it.
    findOwnPost: () => Promise.resolve(undefined),
  };
}
