/** Command-layer views as Discord API payloads. */
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  TextInputStyle,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIModalInteractionResponseCallbackData,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type Message,
} from 'discord.js';
import type { ButtonView, ComponentView, EmbedView, FileView, MessageView, ModalView } from '../command-layer/types.js';

const BUTTON_STYLES: Readonly<Record<NonNullable<ButtonView['style']>, ButtonStyle>> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
};

export function toDiscordEmbed(embed: EmbedView): APIEmbed {
  return {
    title: embed.title,
    description: embed.description,
    color: embed.color,
    fields: embed.fields?.map((f) => ({ name: f.name, value: f.value, inline: f.inline })),
    footer: embed.footer ? { text: embed.footer } : undefined,
    image: embed.imageFile ? { url: `attachment://${embed.imageFile}` } : undefined,
  };
}

function toDiscordComponent(component: ComponentView): APIComponentInMessageActionRow {
  if (component.type === 'button') {
    return {
      type: ComponentType.Button,
      custom_id: component.customId,
      label: component.label,
      style: BUTTON_STYLES[component.style ?? 'secondary'] as ButtonStyle.Primary,
      disabled: component.disabled,
    };
  }
  return {
    type: ComponentType.StringSelect,
    custom_id: component.customId,
    placeholder: component.placeholder,
    disabled: component.disabled,
    options: component.options.map((o) => ({ label: o.label, value: o.value, description: o.description, default: o.isDefault })),
  };
}

function rowsOf(message: MessageView): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const rows = (message.rows ?? []).map((row) => ({ type: ComponentType.ActionRow as const, components: row.map(toDiscordComponent) }));
  if (!message.links?.length) return rows;
  const links = message.links.map((link): APIComponentInMessageActionRow => ({ type: ComponentType.Button, style: ButtonStyle.Link, label: link.label, url: link.url }));
  return [...rows, { type: ComponentType.ActionRow, components: links }];
}

function uploadsOf(files: readonly FileView[]) {
  return files.map((f) => ({ attachment: f.data, name: f.name, description: f.description }));
}

/** An attachment a message already has, as Discord describes it (discord.js's Attachment fits). */
export interface ShownAttachment {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly description: string | null;
}

/** What a message shows as files, for an edit that keeps some of them. */
export function shownAttachments(message: Pick<Message, 'attachments'> | null | undefined): ShownAttachment[] {
  return message ? [...message.attachments.values()] : [];
}

/**
 * The shown attachment that is this unchanged file: same name, size and alt text. Anything less sure (the
 * message lost it, or shows another file by that name) sends the file again rather than keep a stale one.
 */
function keptCopyOf(file: FileView, shown: readonly ShownAttachment[]): ShownAttachment | undefined {
  if (file.unchanged !== true) return undefined;
  return shown.find((a) => a.name === file.name && a.size === file.data.length && (a.description ?? '') === file.description);
}

/** A new message: only what the view holds. Mentions never ping. */
export function toNewMessage(message: MessageView): InteractionReplyOptions {
  return {
    content: message.content,
    embeds: (message.embeds ?? []).map(toDiscordEmbed),
    components: rowsOf(message),
    files: uploadsOf(message.files ?? []),
    allowedMentions: { parse: [] },
    ...(message.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
}

/**
 * An edit replaces everything the message showed, old content and attachments included: `attachments`
 * lists exactly what stays. A file the view marks unchanged that the message shows (`shown`) stays by its
 * id, with no upload; every other file is uploaded, and any other attachment goes.
 */
export function toMessageEdit(message: MessageView, shown: readonly ShownAttachment[] = []): InteractionEditReplyOptions & InteractionUpdateOptions {
  const files = message.files ?? [];
  const kept = files.flatMap((file) => keptCopyOf(file, shown) ?? []);
  return {
    content: message.content ?? '',
    embeds: (message.embeds ?? []).map(toDiscordEmbed),
    components: rowsOf(message),
    files: uploadsOf(files.filter((file) => keptCopyOf(file, shown) === undefined)),
    attachments: kept.map((attachment) => ({ id: attachment.id })),
    allowedMentions: { parse: [] },
  };
}

export function toDiscordModal(modal: ModalView): APIModalInteractionResponseCallbackData {
  return {
    custom_id: modal.customId,
    title: modal.title,
    components: modal.fields.map((field) => ({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.TextInput,
          custom_id: field.customId,
          label: field.label,
          style: field.style === 'paragraph' ? TextInputStyle.Paragraph : TextInputStyle.Short,
          placeholder: field.placeholder,
          required: field.required ?? true,
          min_length: field.minLength,
          max_length: field.maxLength,
          value: field.value,
        },
      ],
    })),
  };
}
