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
} from 'discord.js';
import type { ButtonView, ComponentView, EmbedView, MessageView, ModalView } from '../command-layer/types.js';

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

function filesOf(message: MessageView) {
  return (message.files ?? []).map((f) => ({ attachment: f.data, name: f.name, description: f.description }));
}

/** A new message: only what the view holds. Mentions never ping. */
export function toNewMessage(message: MessageView): InteractionReplyOptions {
  return {
    content: message.content,
    embeds: (message.embeds ?? []).map(toDiscordEmbed),
    components: rowsOf(message),
    files: filesOf(message),
    allowedMentions: { parse: [] },
    ...(message.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
}

/** An edit replaces everything the message showed, old content and attachments included. */
export function toMessageEdit(message: MessageView): InteractionEditReplyOptions & InteractionUpdateOptions {
  return {
    content: message.content ?? '',
    embeds: (message.embeds ?? []).map(toDiscordEmbed),
    components: rowsOf(message),
    files: filesOf(message),
    attachments: [],
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
