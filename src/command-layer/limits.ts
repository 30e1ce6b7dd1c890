/**
 * Discord's limits on what a message may carry. The router checks every answer against them before a
 * front end sends it, so an overflow becomes a logged bug and an apology, not a rejected request.
 */
import { CUSTOM_ID_MAX_LENGTH } from './custom-id.js';
import type { MessageView, ModalView } from './types.js';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  /** A link button's address. */
  linkButtonUrl: 512,
  selectOptions: 25,
  selectLabel: 100,
  selectValue: 100,
  selectDescription: 100,
  placeholder: 150,
  files: 10,
  altText: 1024,
  modalTitle: 45,
  modalFields: 5,
  modalLabel: 45,
  autocompleteChoices: 25,
  choiceName: 100,
} as const;

export function messageProblems(message: MessageView): string[] {
  const problems: string[] = [];
  const over = (what: string, length: number, max: number) => {
    if (length > max) problems.push(`${what} is ${length} long (max ${max})`);
  };
  over('content', message.content?.length ?? 0, LIMITS.content);
  over('embed count', message.embeds?.length ?? 0, LIMITS.embeds);
  let embedTotal = 0;
  for (const [i, embed] of (message.embeds ?? []).entries()) {
    over(`embed ${i} title`, embed.title?.length ?? 0, LIMITS.embedTitle);
    over(`embed ${i} description`, embed.description?.length ?? 0, LIMITS.embedDescription);
    over(`embed ${i} field count`, embed.fields?.length ?? 0, LIMITS.embedFields);
    over(`embed ${i} footer`, embed.footer?.length ?? 0, LIMITS.footer);
    embedTotal += (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.length ?? 0);
    for (const field of embed.fields ?? []) {
      over(`embed ${i} field name`, field.name.length, LIMITS.fieldName);
      over(`embed ${i} field value`, field.value.length, LIMITS.fieldValue);
      if (!field.name.trim() || !field.value.trim()) problems.push(`embed ${i} has an empty field`);
      embedTotal += field.name.length + field.value.length;
    }
  }
  over('embed text in total', embedTotal, LIMITS.embedTotal);
  over('row count', (message.rows?.length ?? 0) + (message.links?.length ? 1 : 0), LIMITS.rows);
  over('link button count', message.links?.length ?? 0, LIMITS.buttonsPerRow);
  for (const link of message.links ?? []) {
    over(`link button label ${link.label}`, link.label.length, LIMITS.buttonLabel);
    over('link button url', link.url.length, LIMITS.linkButtonUrl);
  }
  const ids = new Set<string>();
  for (const [r, row] of (message.rows ?? []).entries()) {
    if (row.length === 0) problems.push(`row ${r} is empty`);
    const selects = row.filter((c) => c.type === 'select');
    if (selects.length > 0 && row.length > 1) problems.push(`row ${r} mixes a select menu with other components`);
    over(`row ${r} button count`, row.length, LIMITS.buttonsPerRow);
    for (const component of row) {
      over(`custom id ${component.customId}`, component.customId.length, CUSTOM_ID_MAX_LENGTH);
      if (ids.has(component.customId)) problems.push(`custom id ${component.customId} appears twice`);
      ids.add(component.customId);
      if (component.type === 'button') over(`button label ${component.label}`, component.label.length, LIMITS.buttonLabel);
      else {
        if (component.options.length === 0) problems.push(`select ${component.customId} has no options`);
        over(`select ${component.customId} option count`, component.options.length, LIMITS.selectOptions);
        over(`select ${component.customId} placeholder`, component.placeholder?.length ?? 0, LIMITS.placeholder);
        for (const option of component.options) {
          over(`select option label ${option.label}`, option.label.length, LIMITS.selectLabel);
          over(`select option value ${option.value}`, option.value.length, LIMITS.selectValue);
          over(`select option description`, option.description?.length ?? 0, LIMITS.selectDescription);
        }
      }
    }
  }
  over('file count', message.files?.length ?? 0, LIMITS.files);
  for (const file of message.files ?? []) over(`alt text of ${file.name}`, file.description.length, LIMITS.altText);
  if (!message.content && !message.embeds?.length && !message.files?.length) problems.push('message is empty');
  return problems;
}

export function modalProblems(modal: ModalView): string[] {
  const problems: string[] = [];
  if (modal.title.length > LIMITS.modalTitle) problems.push(`modal title is ${modal.title.length} long (max ${LIMITS.modalTitle})`);
  if (modal.fields.length === 0 || modal.fields.length > LIMITS.modalFields) problems.push(`modal has ${modal.fields.length} fields (1–${LIMITS.modalFields})`);
  if (modal.customId.length > CUSTOM_ID_MAX_LENGTH) problems.push(`modal custom id is too long`);
  for (const field of modal.fields) {
    if (field.label.length > LIMITS.modalLabel) problems.push(`modal label ${field.label} is too long`);
  }
  return problems;
}

/** Shortens text to fit a limit, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
