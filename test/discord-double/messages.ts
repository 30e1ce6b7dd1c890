/**
 * The double's message store: creating and editing messages from a request body plus uploaded files,
 * the way Discord merges an edit into what is already shown, and finding components on a message.
 */
import { Errors, type UploadedFile } from './http.js';
import { checkMessage, invalidFormBody, type LimitIssue } from './limits.js';
import type { SnowflakeSource } from './payloads.js';
import type { ApiUser, Json, StoredAttachment, StoredMessage } from './types.js';

export const EphemeralFlag = 1 << 6;
export const LoadingFlag = 1 << 7;
/** Flags a bot may set on a message: suppress embeds, ephemeral, suppress notifications, components V2. */
const SettableFlags = (1 << 2) | EphemeralFlag | (1 << 12) | (1 << 15);

/** Channels and messages are bounded so a runaway bot cannot grow the double without end. */
const MaxStoredMessages = 10_000;

export class MessageStore {
  private readonly byId = new Map<string, StoredMessage>();

  constructor(private readonly ids: SnowflakeSource) {}

  get(id: string): StoredMessage | undefined {
    return this.byId.get(id);
  }

  inChannel(channelId: string): StoredMessage[] {
    return [...this.byId.values()].filter((message) => message.channelId === channelId && !message.deleted);
  }

  /** A message with nothing in it yet: the "thinking…" placeholder of a deferred reply. */
  createPlaceholder(channelId: string, author: ApiUser, flags: number, interactionId: string): StoredMessage {
    return this.store({
      id: this.ids.next(),
      channelId,
      author,
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      flags: (flags & EphemeralFlag) | LoadingFlag,
      interactionId,
      createdAt: new Date().toISOString(),
      deleted: false,
    });
  }

  /** Validates and stores a new message; throws the RestError Discord would answer with. */
  create(channelId: string, author: ApiUser, body: Json, files: UploadedFile[], interactionId?: string): StoredMessage {
    const payload = body ?? {};
    const message: StoredMessage = {
      id: this.ids.next(),
      channelId,
      author,
      content: typeof payload.content === 'string' ? payload.content : '',
      embeds: Array.isArray(payload.embeds) ? payload.embeds : [],
      components: Array.isArray(payload.components) ? payload.components : [],
      attachments: createAttachments(payload.attachments, files, this.ids),
      flags: (typeof payload.flags === 'number' ? payload.flags : 0) & SettableFlags,
      ...(payload.allowed_mentions === undefined ? {} : { allowed_mentions: payload.allowed_mentions }),
      ...(interactionId === undefined ? {} : { interactionId }),
      createdAt: new Date().toISOString(),
      deleted: false,
    };
    assertValid(checkMessage(payload, { uploadedFiles: files.length }));
    return this.store(message);
  }

  /**
   * Applies an edit: fields left out stay as they are; attachments as `editAttachments` says. A placeholder
   * stops loading once edited.
   */
  edit(message: StoredMessage, body: Json, files: UploadedFile[]): StoredMessage {
    const payload = body ?? {};
    const next: StoredMessage = {
      ...message,
      content: 'content' in payload ? (typeof payload.content === 'string' ? payload.content : '') : message.content,
      embeds: 'embeds' in payload ? (Array.isArray(payload.embeds) ? payload.embeds : []) : message.embeds,
      components: 'components' in payload ? (Array.isArray(payload.components) ? payload.components : []) : message.components,
      attachments: editAttachments(message.attachments, payload, files, this.ids),
      // Ephemerality is fixed at creation; an edit can only change the other flags.
      flags:
        ((typeof payload.flags === 'number' ? payload.flags : message.flags) & SettableFlags & ~EphemeralFlag) |
        (message.flags & EphemeralFlag),
      ...(payload.allowed_mentions === undefined ? {} : { allowed_mentions: payload.allowed_mentions }),
      editedAt: new Date().toISOString(),
    };
    const merged = {
      content: next.content,
      embeds: next.embeds,
      components: next.components,
      attachments: next.attachments,
      flags: next.flags,
    };
    assertValid(checkMessage(merged, { uploadedFiles: files.length }));
    this.byId.set(next.id, next);
    return next;
  }

  delete(message: StoredMessage): void {
    this.byId.set(message.id, { ...message, deleted: true });
  }

  private store(message: StoredMessage): StoredMessage {
    this.byId.set(message.id, message);
    if (this.byId.size > MaxStoredMessages) {
      const oldest = this.byId.keys().next().value;
      if (oldest !== undefined) this.byId.delete(oldest);
    }
    return message;
  }
}

function assertValid(issues: LimitIssue[]): void {
  if (issues.length === 0) return;
  if (issues.length === 1 && issues[0]?.code === 'EMPTY_MESSAGE') throw Errors.emptyMessage();
  throw Errors.invalidFormBody(invalidFormBody(issues));
}

/**
 * A new message's attachments: the uploads, with what `attachments` says about them (alt text, filename).
 * A new message has nothing to keep, so an id that names no upload is refused.
 */
function createAttachments(listed: unknown, files: UploadedFile[], ids: SnowflakeSource): StoredAttachment[] {
  if (!Array.isArray(listed)) return files.map((file) => upload(file, ids));
  const used = new Set<UploadedFile>();
  const result = listed.map((entry: Json, index: number) => {
    const file = uploadFor(entry, files);
    if (!file) throw attachmentNotFound(index);
    used.add(file);
    return upload(file, ids, entry);
  });
  // Uploads the list does not mention are still attached to a new message.
  return [...result, ...files.filter((file) => !used.has(file)).map((file) => upload(file, ids))];
}

/**
 * An edit's attachments, as Discord's "Editing Message Attachments" and Edit Message (API v10) describe them:
 * - `attachments` left out: the message keeps what it has, unless files are uploaded, which then replace
 *   them (v10: the list must name everything that stays, and without a list nothing old stays);
 * - `attachments` given (null counts as empty): exactly what it lists stays, in its order: existing
 *   attachments by their id, kept without a new upload, and uploads by their `files[n]` placeholder `n`.
 *   An existing attachment it leaves out is removed, and so is an upload it leaves out;
 * - an id that is neither an upload of this request nor an attachment of this message is refused
 *   (400, Invalid Form Body, ATTACHMENT_NOT_FOUND at `attachments.<index>`).
 */
export function editAttachments(existing: StoredAttachment[], body: Json, files: UploadedFile[], ids: SnowflakeSource): StoredAttachment[] {
  const payload = body ?? {};
  if (payload.attachments === undefined) return files.length === 0 ? existing : files.map((file) => upload(file, ids));
  const listed: Json[] = Array.isArray(payload.attachments) ? payload.attachments : [];
  return listed.map((entry: Json, index: number) => {
    const file = uploadFor(entry, files);
    if (file) return upload(file, ids, entry);
    const kept = existing.find((attachment) => attachment.id === String(entry?.id));
    if (!kept) throw attachmentNotFound(index);
    return typeof entry?.description === 'string' ? { ...kept, description: entry.description } : kept;
  });
}

/** The upload a list entry names by its placeholder id (`files[n]` is entry `n`). */
function uploadFor(entry: Json, files: UploadedFile[]): UploadedFile | undefined {
  const id = entry?.id;
  if (typeof id !== 'string' && typeof id !== 'number') return undefined;
  return files.find((candidate) => candidate.field === `files[${String(id)}]`);
}

function upload(file: UploadedFile, ids: SnowflakeSource, entry?: Json): StoredAttachment {
  return {
    id: ids.next(),
    filename: typeof entry?.filename === 'string' ? entry.filename : file.filename,
    ...(typeof entry?.description === 'string' ? { description: entry.description } : {}),
    ...(file.contentType ? { contentType: file.contentType } : {}),
    data: file.data,
  };
}

function attachmentNotFound(index: number) {
  return Errors.invalidFormBody(invalidFormBody([{ path: `attachments.${index}`, code: 'ATTACHMENT_NOT_FOUND', message: 'Attachment data not found' }]));
}

/** Depth-first walk over rows, sections, containers and labels. */
export function findComponent(components: Json[], customId: string): Json | undefined {
  for (const component of components) {
    if (component?.custom_id === customId) return component;
    const nested: Json[] = [
      ...(Array.isArray(component?.components) ? component.components : []),
      ...(component?.accessory ? [component.accessory] : []),
      ...(component?.component ? [component.component] : []),
    ];
    const found = findComponent(nested, customId);
    if (found) return found;
  }
  return undefined;
}
