/**
 * Discord's documented limits on what a bot may send: messages, embeds, components, modals, autocomplete
 * results and command definitions. Each check returns every broken rule with the JSON path Discord would
 * name in a 50035 Invalid Form Body error, so the bot's log shows exactly what overflowed.
 */
import type { Json } from './types.js';

export interface LimitIssue {
  /** Dotted path into the payload, e.g. `embeds.0.fields.3.value`. */
  path: string;
  code: string;
  message: string;
}

class IssueList {
  readonly issues: LimitIssue[] = [];
  add(path: string, code: string, message: string): void {
    this.issues.push({ path, code, message });
  }
  maxLength(path: string, value: unknown, max: number): void {
    if (typeof value === 'string' && [...value].length > max) {
      this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    }
  }
  lengthBetween(path: string, value: unknown, min: number, max: number): void {
    if (typeof value !== 'string') {
      this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return;
    }
    const length = [...value].length;
    if (length < min || length > max) {
      this.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
    }
  }
  maxItems(path: string, value: unknown, max: number): void {
    if (Array.isArray(value) && value.length > max) {
      this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    }
  }
}

export const MessageLimits = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  selectOptions: 25,
  buttonLabel: 80,
  selectOptionText: 100,
  placeholder: 150,
  attachments: 10,
} as const;

const ComponentType = { ActionRow: 1, Button: 2, StringSelect: 3, TextInput: 4, Label: 18 } as const;
const SelectTypes = new Set([3, 5, 6, 7, 8]);
const ButtonStyleLink = 5;
const ButtonStylePremium = 6;
/** Components V2 messages lay out components freely; only ids and counts are checked then. */
const IsComponentsV2Flag = 1 << 15;

function embedTextLength(embed: Json): number {
  const parts: unknown[] = [embed?.title, embed?.description, embed?.footer?.text, embed?.author?.name];
  for (const field of Array.isArray(embed?.fields) ? embed.fields : []) parts.push(field?.name, field?.value);
  return parts.reduce<number>((sum, part) => sum + (typeof part === 'string' ? [...part].length : 0), 0);
}

function checkEmbeds(list: IssueList, embeds: Json[]): void {
  list.maxItems('embeds', embeds, MessageLimits.embeds);
  let total = 0;
  embeds.forEach((embed, index) => {
    const at = `embeds.${index}`;
    list.maxLength(`${at}.title`, embed?.title, MessageLimits.embedTitle);
    list.maxLength(`${at}.description`, embed?.description, MessageLimits.embedDescription);
    list.maxLength(`${at}.footer.text`, embed?.footer?.text, MessageLimits.embedFooter);
    list.maxLength(`${at}.author.name`, embed?.author?.name, MessageLimits.embedAuthorName);
    const fields: Json[] = Array.isArray(embed?.fields) ? embed.fields : [];
    list.maxItems(`${at}.fields`, fields, MessageLimits.embedFields);
    fields.forEach((field, fieldIndex) => {
      list.lengthBetween(`${at}.fields.${fieldIndex}.name`, field?.name, 1, MessageLimits.embedFieldName);
      list.lengthBetween(`${at}.fields.${fieldIndex}.value`, field?.value, 1, MessageLimits.embedFieldValue);
    });
    total += embedTextLength(embed);
  });
  if (total > MessageLimits.embedTotal) {
    list.add('embeds', 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${MessageLimits.embedTotal}`);
  }
}

/** Walks every component (rows, sections, containers) to collect custom ids wherever they sit. */
function collectCustomIds(components: Json[], path: string, found: { id: string; path: string }[]): void {
  components.forEach((component, index) => {
    const at = `${path}.${index}`;
    if (typeof component?.custom_id === 'string') found.push({ id: component.custom_id, path: `${at}.custom_id` });
    if (Array.isArray(component?.components)) collectCustomIds(component.components, `${at}.components`, found);
    if (component?.accessory) collectCustomIds([component.accessory], `${at}.accessory`, found);
    if (component?.component) collectCustomIds([component.component], `${at}.component`, found);
  });
}

function checkCustomIds(list: IssueList, components: Json[], path: string): void {
  const found: { id: string; path: string }[] = [];
  collectCustomIds(components, path, found);
  const seen = new Set<string>();
  for (const { id, path: idPath } of found) {
    list.lengthBetween(idPath, id, 1, MessageLimits.customId);
    if (seen.has(id)) list.add(idPath, 'COMPONENT_CUSTOM_ID_DUPLICATED', `Component custom id "${id}" is duplicated`);
    seen.add(id);
  }
}

function checkButton(list: IssueList, button: Json, at: string): void {
  list.maxLength(`${at}.label`, button?.label, MessageLimits.buttonLabel);
  if (button?.style === ButtonStyleLink) {
    if (typeof button?.url !== 'string') list.add(`${at}.url`, 'BASE_TYPE_REQUIRED', 'Link buttons need a url');
    if (button?.custom_id !== undefined) {
      list.add(`${at}.custom_id`, 'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED', 'Link buttons cannot have a custom id');
    }
  } else if (button?.style !== ButtonStylePremium && typeof button?.custom_id !== 'string') {
    list.add(`${at}.custom_id`, 'BASE_TYPE_REQUIRED', 'This field is required');
  }
}

function checkSelect(list: IssueList, select: Json, at: string): void {
  list.maxLength(`${at}.placeholder`, select?.placeholder, MessageLimits.placeholder);
  if (select?.type !== ComponentType.StringSelect) return;
  const options: Json[] = Array.isArray(select?.options) ? select.options : [];
  if (options.length === 0) list.add(`${at}.options`, 'BASE_TYPE_MIN_LENGTH', 'Must be 1 or more in length.');
  list.maxItems(`${at}.options`, options, MessageLimits.selectOptions);
  options.forEach((option, index) => {
    list.lengthBetween(`${at}.options.${index}.label`, option?.label, 1, MessageLimits.selectOptionText);
    list.lengthBetween(`${at}.options.${index}.value`, option?.value, 1, MessageLimits.selectOptionText);
    list.maxLength(`${at}.options.${index}.description`, option?.description, MessageLimits.selectOptionText);
  });
  const values = new Set(options.map((option) => option?.value));
  if (values.size !== options.length) list.add(`${at}.options`, 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED', 'Option values must be unique');
  if (typeof select?.max_values === 'number' && select.max_values > Math.max(options.length, 1)) {
    list.add(`${at}.max_values`, 'BASE_TYPE_MAX', `max_values must not exceed the ${options.length} options`);
  }
}

function checkActionRows(list: IssueList, components: Json[]): void {
  list.maxItems('components', components, MessageLimits.actionRows);
  components.forEach((row, rowIndex) => {
    const at = `components.${rowIndex}`;
    if (row?.type !== ComponentType.ActionRow) {
      list.add(`${at}.type`, 'UNION_TYPE_CHOICES', 'Top-level components must be action rows without the Components V2 flag');
      return;
    }
    const children: Json[] = Array.isArray(row.components) ? row.components : [];
    if (children.length === 0) list.add(`${at}.components`, 'BASE_TYPE_MIN_LENGTH', 'Must be 1 or more in length.');
    const selects = children.filter((child) => SelectTypes.has(child?.type));
    if (selects.length > 0 && children.length > 1) {
      list.add(`${at}.components`, 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'A select menu must be alone in its action row');
    }
    if (children.length > MessageLimits.buttonsPerRow) {
      list.add(`${at}.components`, 'BASE_TYPE_MAX_LENGTH', `Must be ${MessageLimits.buttonsPerRow} or fewer in length.`);
    }
    children.forEach((child, childIndex) => {
      const childAt = `${at}.components.${childIndex}`;
      if (child?.type === ComponentType.Button) checkButton(list, child, childAt);
      else if (SelectTypes.has(child?.type)) checkSelect(list, child, childAt);
      else list.add(`${childAt}.type`, 'UNION_TYPE_CHOICES', `Component type ${String(child?.type)} is not allowed in a message action row`);
    });
  });
}

export interface MessageCheckOptions {
  /** Edits may leave out everything; new messages must show something. */
  isEdit?: boolean;
  /** Attachments arriving with this request (multipart files) in addition to `attachments` in the body. */
  uploadedFiles?: number;
}

/** Checks a message body (create, edit, interaction reply or update) against Discord's limits. */
export function checkMessage(body: Json, options: MessageCheckOptions = {}): LimitIssue[] {
  const list = new IssueList();
  const payload = body ?? {};
  list.maxLength('content', payload.content, MessageLimits.content);
  const embeds: Json[] = Array.isArray(payload.embeds) ? payload.embeds : [];
  checkEmbeds(list, embeds);
  const components: Json[] = Array.isArray(payload.components) ? payload.components : [];
  const flags = typeof payload.flags === 'number' ? payload.flags : 0;
  if ((flags & IsComponentsV2Flag) === 0) checkActionRows(list, components);
  checkCustomIds(list, components, 'components');
  const attachmentCount = Math.max(
    Array.isArray(payload.attachments) ? payload.attachments.length : 0,
    options.uploadedFiles ?? 0,
  );
  if (attachmentCount > MessageLimits.attachments) {
    list.add('attachments', 'BASE_TYPE_MAX_LENGTH', `Must be ${MessageLimits.attachments} or fewer in length.`);
  }
  const showsSomething =
    (typeof payload.content === 'string' && payload.content.length > 0) ||
    embeds.length > 0 ||
    components.length > 0 ||
    attachmentCount > 0 ||
    Array.isArray(payload.sticker_ids);
  if (!options.isEdit && !showsSomething) list.add('', 'EMPTY_MESSAGE', 'Cannot send an empty message');
  return list.issues;
}

export const ModalLimits = { title: 45, inputs: 5, label: 45, inputLength: 4000, placeholder: 100 } as const;

export function checkModal(data: Json): LimitIssue[] {
  const list = new IssueList();
  list.lengthBetween('title', data?.title, 1, ModalLimits.title);
  list.lengthBetween('custom_id', data?.custom_id, 1, MessageLimits.customId);
  const components: Json[] = Array.isArray(data?.components) ? data.components : [];
  if (components.length === 0) list.add('components', 'BASE_TYPE_MIN_LENGTH', 'Must be 1 or more in length.');
  list.maxItems('components', components, ModalLimits.inputs);
  components.forEach((component, index) => {
    const at = `components.${index}`;
    if (component?.type === ComponentType.ActionRow) {
      const inputs: Json[] = Array.isArray(component.components) ? component.components : [];
      if (inputs.length !== 1) list.add(`${at}.components`, 'BASE_TYPE_BAD_LENGTH', 'A modal action row holds exactly one text input');
      inputs.forEach((input, inputIndex) => checkTextInput(list, input, `${at}.components.${inputIndex}`, true));
    } else if (component?.type === ComponentType.Label) {
      list.lengthBetween(`${at}.label`, component.label, 1, ModalLimits.label);
      list.maxLength(`${at}.description`, component.description, 100);
      if (component.component?.type === ComponentType.TextInput) {
        checkTextInput(list, component.component, `${at}.component`, false);
      }
    } else if (component?.type !== 10) {
      list.add(`${at}.type`, 'UNION_TYPE_CHOICES', `Component type ${String(component?.type)} is not allowed at the top of a modal`);
    }
  });
  checkCustomIds(list, components, 'components');
  return list.issues;
}

function checkTextInput(list: IssueList, input: Json, at: string, needsLabel: boolean): void {
  if (input?.type !== ComponentType.TextInput) {
    list.add(`${at}.type`, 'UNION_TYPE_CHOICES', 'Modal action rows hold text inputs');
    return;
  }
  if (needsLabel) list.lengthBetween(`${at}.label`, input.label, 1, ModalLimits.label);
  if (input.style !== 1 && input.style !== 2) list.add(`${at}.style`, 'BASE_TYPE_CHOICES', 'Style must be 1 (short) or 2 (paragraph)');
  list.maxLength(`${at}.placeholder`, input.placeholder, ModalLimits.placeholder);
  list.maxLength(`${at}.value`, input.value, ModalLimits.inputLength);
  for (const bound of ['min_length', 'max_length'] as const) {
    const value: unknown = input[bound];
    if (value !== undefined && (typeof value !== 'number' || value < 0 || value > ModalLimits.inputLength)) {
      list.add(`${at}.${bound}`, 'NUMBER_TYPE_MAX', `Must be between 0 and ${ModalLimits.inputLength}`);
    }
  }
}

export function checkAutocompleteChoices(data: Json): LimitIssue[] {
  const list = new IssueList();
  const choices: Json[] = Array.isArray(data?.choices) ? data.choices : [];
  if (!Array.isArray(data?.choices)) list.add('choices', 'BASE_TYPE_REQUIRED', 'This field is required');
  list.maxItems('choices', choices, 25);
  choices.forEach((choice, index) => {
    list.lengthBetween(`choices.${index}.name`, choice?.name, 1, 100);
    if (typeof choice?.value === 'string') list.maxLength(`choices.${index}.value`, choice.value, 100);
  });
  return list.issues;
}

// Names of chat input commands and options: lowercase letters of any script, digits, - and _.
const CommandNamePattern = /^[-_\p{L}\p{N}]{1,32}$/u;
const OptionType = { Subcommand: 1, SubcommandGroup: 2, String: 3, Integer: 4, Number: 10 } as const;

function checkName(list: IssueList, at: string, name: unknown): void {
  if (typeof name !== 'string' || !CommandNamePattern.test(name) || name !== name.toLowerCase()) {
    list.add(`${at}.name`, 'APPLICATION_COMMAND_INVALID_NAME', `Command name "${String(name)}" is invalid`);
  }
}

function checkOptions(list: IssueList, at: string, options: unknown, depth: number): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    list.add(`${at}.options`, 'BASE_TYPE_LIST', 'Must be an array');
    return;
  }
  list.maxItems(`${at}.options`, options, 25);
  let seenOptional = false;
  const names = new Set<string>();
  options.forEach((option: Json, index) => {
    const optionAt = `${at}.options.${index}`;
    checkName(list, optionAt, option?.name);
    list.lengthBetween(`${optionAt}.description`, option?.description, 1, 100);
    if (names.has(option?.name)) list.add(`${optionAt}.name`, 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', 'Option names must be unique');
    names.add(option?.name);
    const isNesting = option?.type === OptionType.Subcommand || option?.type === OptionType.SubcommandGroup;
    if (isNesting) {
      if (depth >= 2 || (option.type === OptionType.SubcommandGroup && depth >= 1)) {
        list.add(`${optionAt}.type`, 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', 'Subcommands nest at most one group deep');
      }
      checkOptions(list, optionAt, option.options, depth + 1);
      return;
    }
    if (option?.required === true && seenOptional) {
      list.add(`${optionAt}.required`, 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
    }
    if (option?.required !== true) seenOptional = true;
    if (option?.choices !== undefined) {
      list.maxItems(`${optionAt}.choices`, option.choices, 25);
      if (option.autocomplete === true) list.add(`${optionAt}.autocomplete`, 'AUTOCOMPLETE_AND_CHOICES', 'Autocomplete and choices are mutually exclusive');
      (Array.isArray(option.choices) ? option.choices : []).forEach((choice: Json, choiceIndex: number) => {
        list.lengthBetween(`${optionAt}.choices.${choiceIndex}.name`, choice?.name, 1, 100);
        if (typeof choice?.value === 'string') list.lengthBetween(`${optionAt}.choices.${choiceIndex}.value`, choice.value, 1, 100);
      });
    }
    const choosable = [OptionType.String, OptionType.Integer, OptionType.Number] as number[];
    if (option?.autocomplete === true && !choosable.includes(option.type)) {
      list.add(`${optionAt}.autocomplete`, 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', 'Only string, integer and number options autocomplete');
    }
  });
}

/** Checks one command definition as sent to PUT/POST /applications/:app[/guilds/:g]/commands. */
export function checkCommand(command: Json, at: string): LimitIssue[] {
  const list = new IssueList();
  const type = command?.type ?? 1;
  if (type === 1) {
    checkName(list, at, command?.name);
    list.lengthBetween(`${at}.description`, command?.description, 1, 100);
  } else {
    // User and message commands are labels: any case, spaces allowed, no description.
    list.lengthBetween(`${at}.name`, command?.name, 1, 32);
  }
  checkOptions(list, at, command?.options, 0);
  return list.issues;
}

/** Turns issues into the nested `errors` object of a 50035 Invalid Form Body answer. */
export function invalidFormBody(issues: LimitIssue[]): { code: number; message: string; errors: Json } {
  const errors: Json = {};
  for (const issue of issues) {
    let node = errors;
    for (const key of issue.path.split('.').filter((part) => part.length > 0)) node = node[key] ??= {};
    (node._errors ??= []).push({ code: issue.code, message: issue.message });
  }
  return { code: 50035, message: 'Invalid Form Body', errors };
}

export function describeIssues(issues: LimitIssue[]): string {
  return issues.map((issue) => `${issue.path || '(body)'}: ${issue.message}`).join('; ');
}

const EveryonePattern = /@(everyone|here)/;
const UserMentionPattern = /<@!?(\d+)>/g;
const RoleMentionPattern = /<@&(\d+)>/g;

/**
 * Lists the pings a message would cause without the bot having chosen them. Discord allows them, but our
 * bot must never ping by accident: a mention counts unless `allowed_mentions` is present and either leaves
 * that kind out of `parse` or names the very user or role in `users`/`roles`.
 */
export function accidentalPings(content: unknown, allowedMentions: Json): string[] {
  if (typeof content !== 'string') return [];
  const restricted = allowedMentions !== undefined && allowedMentions !== null;
  const parse: string[] = restricted && Array.isArray(allowedMentions.parse) ? allowedMentions.parse : [];
  const users: string[] = restricted && Array.isArray(allowedMentions.users) ? allowedMentions.users : [];
  const roles: string[] = restricted && Array.isArray(allowedMentions.roles) ? allowedMentions.roles : [];
  const pings: string[] = [];
  const everyone = EveryonePattern.exec(content);
  if (everyone && (!restricted || parse.includes('everyone'))) pings.push(everyone[0]);
  for (const match of content.matchAll(UserMentionPattern)) {
    const id = match[1] ?? '';
    if (!users.includes(id) && (!restricted || parse.includes('users'))) pings.push(match[0]);
  }
  for (const match of content.matchAll(RoleMentionPattern)) {
    const id = match[1] ?? '';
    if (!roles.includes(id) && (!restricted || parse.includes('roles'))) pings.push(match[0]);
  }
  return pings;
}
