/**
 * A person's own words inside our messages. Discord would read their `**`, a stray ``` or a `<@123>` as
 * markup, so an unclosed code fence swallows the rest of the answer and a mention pings someone.
 */

/**
 * Escapes every character Discord's markdown or mentions give meaning to. Discord hides a backslash
 * before any punctuation, so the text reads exactly as typed; allowedMentions stays the second guard.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|>#[\]()<@:-]/g, '\\$&');
}
