/** Reading what a command answered, for tests that drive the command layer directly. */
import type { CommandResponse, MessageView } from '../../src/command-layer/types.js';

/** The message a command answered with; a modal is not one. */
export function messageOf(response: CommandResponse): MessageView {
  if (response.kind === 'modal') throw new Error('expected a message, got a modal');
  return response.message;
}

/** Everything a person reads in the answer: content, then each embed's title, text, footer and fields. */
export function responseText(response: CommandResponse): string {
  const m = messageOf(response);
  return [
    m.content ?? '',
    ...(m.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', e.footer ?? '', ...(e.fields ?? []).map((f) => `${f.name}: ${f.value}`)]),
  ].join('\n');
}
