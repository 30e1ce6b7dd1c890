/**
 * HTTP plumbing for the REST half: reading JSON and multipart bodies (payload_json + files[n], as
 * @discordjs/rest sends them) and answering with Discord's error shapes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Json } from './types.js';

/** Discord rejects request bodies above its upload ceiling; the double stays bounded the same way. */
const MaxBodyBytes = 26 * 1024 * 1024;

export interface UploadedFile {
  /** The form field name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface ParsedBody {
  json: Json;
  files: UploadedFile[];
}

/** A REST failure answered with Discord's status and JSON error body. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly body: Json,
  ) {
    super(typeof body?.message === 'string' ? body.message : `HTTP ${status}`);
  }
}

export const Errors = {
  unauthorized: () => new RestError(401, { message: '401: Unauthorized', code: 0 }),
  notFound: () => new RestError(404, { message: '404: Not Found', code: 0 }),
  unknownChannel: () => new RestError(404, { message: 'Unknown Channel', code: 10003 }),
  unknownGuild: () => new RestError(404, { message: 'Unknown Guild', code: 10004 }),
  unknownMessage: () => new RestError(404, { message: 'Unknown Message', code: 10008 }),
  unknownWebhook: () => new RestError(404, { message: 'Unknown Webhook', code: 10015 }),
  unknownInteraction: () => new RestError(404, { message: 'Unknown interaction', code: 10062 }),
  unknownCommand: () => new RestError(404, { message: 'Unknown application command', code: 10063 }),
  alreadyAcknowledged: () => new RestError(400, { message: 'Interaction has already been acknowledged.', code: 40060 }),
  emptyMessage: () => new RestError(400, { message: 'Cannot send an empty message', code: 50006 }),
  invalidFormBody: (body: Json) => new RestError(400, body),
  badRequest: (message: string) => new RestError(400, { message, code: 50035, errors: {} }),
};

async function readRaw(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MaxBodyBytes) throw new RestError(413, { message: 'Request entity too large', code: 40005 });
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function parseJson(text: string): Json {
  try {
    return JSON.parse(text);
  } catch {
    throw new RestError(400, { message: 'The request body contains invalid JSON.', code: 50109 });
  }
}

export async function readBody(request: IncomingMessage): Promise<ParsedBody> {
  const raw = await readRaw(request);
  const contentType = request.headers['content-type'] ?? '';
  if (raw.length === 0) return { json: undefined, files: [] };
  if (contentType.startsWith('application/json')) return { json: parseJson(raw.toString('utf8')), files: [] };
  if (contentType.startsWith('multipart/form-data')) return readMultipart(raw, contentType);
  // OAuth2's token endpoint takes a form, as RFC 6749 says.
  if (contentType.startsWith('application/x-www-form-urlencoded')) return { json: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))), files: [] };
  throw new RestError(400, { message: `Unsupported content type ${contentType}`, code: 50035, errors: {} });
}

/** Multipart parsing is delegated to the platform's fetch Request, which implements the spec. */
async function readMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  const form = await new Request('http://double/upload', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: raw,
  }).formData();
  let json: Json;
  const files: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') json = parseJson(value);
      continue;
    }
    files.push({
      field,
      filename: value.name,
      contentType: value.type,
      data: Buffer.from(await value.arrayBuffer()),
    });
  }
  return { json, files };
}

export function sendJson(response: ServerResponse, status: number, body: Json): void {
  if (status === 204) {
    response.writeHead(204).end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
