/**
 * Command-layer views as terminal text. Buttons and menu options get short keys the person types to
 * press them: `1`, `2` for buttons, `a1`, `a2` for the options of the first menu.
 */
import type { ComponentView, EmbedView, MessageView } from '../command-layer/types.js';
import { renderMarkdown, type MarkdownContext } from './markdown.js';

export type Key =
  | { kind: 'button'; customId: string; disabled: boolean }
  | { kind: 'select'; customId: string; value: string };

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
}

export const PLAIN: Style = { bold: (t) => t, dim: (t) => t };
export const ANSI: Style = { bold: (t) => `\x1b[1m${t}\x1b[22m`, dim: (t) => `\x1b[2m${t}\x1b[22m` };

function renderEmbed(embed: EmbedView, context: MarkdownContext): string[] {
  const { style } = context;
  const text = (markdown: string) => renderMarkdown(markdown, context);
  const lines: string[] = [];
  if (embed.title) lines.push(style.bold(`== ${text(embed.title)} ==`));
  if (embed.description) lines.push(text(embed.description));
  for (const field of embed.fields ?? []) {
    // A table or list reads better under its name than run on after it.
    const value = text(field.value);
    const separator = value.includes('\n') ? '\n' : ' ';
    lines.push(`${style.bold(`${text(field.name)}:`)}${separator}${value}`);
  }
  if (embed.footer) lines.push(style.dim(text(embed.footer)));
  return lines;
}

function renderRow(row: ComponentView[], keys: Map<string, Key>, menuLetter: () => string, style: Style): string {
  const parts: string[] = [];
  for (const component of row) {
    if (component.type === 'button') {
      // Disabled buttons keep their number, so keys do not shift as buttons come and go.
      const key = String([...keys.values()].filter((k) => k.kind === 'button').length + 1);
      keys.set(key, { kind: 'button', customId: component.customId, disabled: component.disabled === true });
      parts.push(component.disabled ? style.dim(`[${key}] (${component.label})`) : `[${key}] ${component.label}`);
    } else {
      const letter = menuLetter();
      const options = component.options.map((option, i) => {
        const key = `${letter}${i + 1}`;
        if (!component.disabled) keys.set(key, { kind: 'select', customId: component.customId, value: option.value });
        const chosen = option.isDefault ? ' (chosen)' : '';
        return `  [${key}] ${option.label}${chosen}${option.description ? style.dim(` · ${option.description}`) : ''}`;
      });
      parts.push(`${component.placeholder ?? 'Choose one:'}\n${options.join('\n')}`);
    }
  }
  return parts.join('  ');
}

/** The text to print, and the keys that press this message's components. */
export function renderMessage(
  message: MessageView,
  savedFiles: readonly string[],
  context: MarkdownContext,
): { text: string; keys: Map<string, Key> } {
  const { style } = context;
  const lines: string[] = [];
  if (message.ephemeral) lines.push(style.dim('(only you can see this)'));
  if (message.content) lines.push(renderMarkdown(message.content, context));
  for (const embed of message.embeds ?? []) lines.push(...renderEmbed(embed, context));
  (message.files ?? []).forEach((file, i) => {
    lines.push(`${style.bold('file:')} ${savedFiles[i] ?? file.name}`);
    lines.push(style.dim(`  ${file.description}`));
  });
  const keys = new Map<string, Key>();
  let menus = 0;
  const menuLetter = () => String.fromCharCode('a'.charCodeAt(0) + menus++);
  for (const row of message.rows ?? []) lines.push(renderRow(row, keys, menuLetter, style));
  // A link opens a page, so the terminal shows its address to open rather than a key to press.
  for (const link of message.links ?? []) lines.push(`${link.label}: ${link.url}`);
  if (keys.size > 0) lines.push(style.dim('Type a key in [brackets] to press it.'));
  return { text: lines.join('\n'), keys };
}
