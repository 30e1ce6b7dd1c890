/**
 * The console front end: the same commands as on Discord, typed at a prompt or piped in.
 * It is a thin adapter, like the Discord one: it parses a line into a command-layer request and prints
 * the answer. Files are saved to a folder and their paths printed; a modal asks its fields one by one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { createInterface, type Completer, type AsyncCompleter, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CommandRouter } from '../command-layer/router.js';
import type { Channels, CommandResponse, FileView, Invocation, MessageView, ModalFieldView, ModalView } from '../command-layer/types.js';
import { consoleChannels } from './channels.js';
import type { MentionNames } from './markdown.js';
import { ParseError, parseCommandLine } from './parse.js';
import { ANSI, PLAIN, renderMessage, type Key } from './render.js';

export interface ConsoleOptions {
  router: CommandRouter;
  input: Readable;
  output: Writable;
  /** Who is typing: one person, in one pretend server and channel. */
  invocation: Invocation;
  /** Where attachments are saved: each run in its own folder inside it. */
  filesDir: string;
  /** Keep every file of a series (each strum of a tune game); by default only the newest of each is kept. */
  keepEveryClip?: boolean;
  /** Prompt, banner and colours; off when input is piped. */
  interactive: boolean;
  /** Receives the console's stand-in for channels, so posts (the daily post) print here. */
  channels?: { bind(channels: Channels): void };
  /** The clock for "in 5 minutes" and the run folder's name. */
  now?: () => Date;
  /** Runs once posts can print, before the first prompt (the daily scheduler's start-up tick). */
  ready?: () => Promise<void>;
}

const EXIT_WORDS = new Set(['/quit', '/exit', 'quit', 'exit']);
/** How many messages' saved files the console remembers for edits that keep them. */
const REMEMBERED_MESSAGES = 200;

/** What the person did next: typed a line, cancelled a question (Ctrl-C, Ctrl-D), or ended the input. */
type Read = { kind: 'line'; text: string } | { kind: 'cancel' } | { kind: 'end' };

/**
 * The person's lines, queued as they arrive. While a form asks a question, Ctrl-C or Ctrl-D cancels the
 * question instead of leaving; at the prompt both leave, as in a shell.
 */
class LineReader {
  private readonly queue: Read[] = [];
  private waiting: ((read: Read) => void) | undefined;
  private ended = false;
  private closing = false;
  private asking = false;
  private current!: Interface;

  constructor(
    private readonly input: Readable,
    private readonly output: Writable,
    private readonly interactive: boolean,
    private readonly completer: AsyncCompleter | Completer | undefined,
  ) {
    this.open();
  }

  get readline(): Interface {
    return this.current;
  }

  private open(): void {
    const readline = createInterface({
      input: this.input,
      output: this.interactive ? this.output : undefined,
      terminal: this.interactive,
      completer: this.completer,
    });
    readline.on('line', (line) => this.push({ kind: 'line', text: line }));
    // Only a terminal sends SIGINT. Without this listener readline would close, and a question would wait forever.
    readline.on('SIGINT', () => {
      if (this.asking) {
        // Drop what was typed, so it does not reappear at the next prompt.
        if (readline.line) {
          readline.write(null, { ctrl: true, name: 'e' });
          readline.write(null, { ctrl: true, name: 'u' });
        }
        this.output.write('\n');
        this.push({ kind: 'cancel' });
      } else {
        readline.close();
      }
    });
    // Ctrl-D on an empty line closes readline: inside a form it cancels the form, and the console goes on.
    readline.on('close', () => {
      if (this.interactive && this.asking && !this.closing && !this.input.readableEnded) {
        this.output.write('\n');
        this.push({ kind: 'cancel' });
        this.open();
      } else {
        this.ended = true;
        this.push({ kind: 'end' });
      }
    });
    this.current = readline;
  }

  private push(read: Read): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) waiting(read);
    else this.queue.push(read);
  }

  /** The next line at the prompt; a cancel meant for a question that is no longer asked is dropped. */
  async next(): Promise<Read> {
    for (;;) {
      const read = await this.take();
      if (read.kind !== 'cancel') return read;
    }
  }

  /** The answer to a question, or a cancel. */
  async answer(): Promise<Read> {
    this.asking = true;
    try {
      return await this.take();
    } finally {
      this.asking = false;
    }
  }

  private take(): Promise<Read> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.ended) return Promise.resolve({ kind: 'end' });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  close(): void {
    this.closing = true;
    this.current.close();
  }
}

/** A folder of its own for this run's files: `out/2026-12-03T17-20-05Z`, with -2, -3… if that is taken. */
function claimRunFolder(filesDir: string, now: Date): string {
  const parent = resolve(filesDir);
  mkdirSync(parent, { recursive: true });
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  for (let n = 1; ; n++) {
    const candidate = join(parent, n === 1 ? stamp : `${stamp}-${n}`);
    try {
      mkdirSync(candidate);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '-');

export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { router, output, invocation, interactive } = options;
  const now = options.now ?? (() => new Date());
  const style = interactive ? ANSI : PLAIN;
  const names: MentionNames = {
    person: (id) => (id === invocation.user.id ? invocation.user.name : `user ${id}`),
    channel: (id) => (id === invocation.channelId ? 'this-terminal' : `channel-${id}`),
  };
  const reader = new LineReader(options.input, output, interactive, interactive ? completerFor(router) : undefined);
  const print = (text: string) => output.write(`${text}\n`);
  /** Whether the person is at the `> ` prompt, where a post from the scheduler may arrive mid-line. */
  let atPrompt = false;
  const prompt = (text: string) => {
    atPrompt = text === '> ';
    reader.readline.setPrompt(text);
    reader.readline.prompt();
  };

  let keys = new Map<string, Key>();
  let keysMessageId: string | null = null;
  let nextMessageId = 1;
  let fileCounter = 0;
  let runFolder: string | undefined;

  /** Numbered in order within the run; a file of a series overwrites the one before unless every clip is kept. */
  const pathFor = (folder: string, file: FileView): string => {
    if (file.series && !options.keepEveryClip) return join(folder, `${safeName(file.series)}${extname(file.name)}`);
    const name = file.series ? `${safeName(file.series)}${extname(file.name)}` : safeName(file.name);
    return join(folder, `${String(++fileCounter).padStart(3, '0')}-${name}`);
  };

  /** Where each message's files were saved, by file name, so an edit that keeps a file does not write it again. */
  const savedByMessage = new Map<string, Map<string, string>>();

  const saveFiles = (message: MessageView, messageId: string): string[] => {
    const before = savedByMessage.get(messageId);
    savedByMessage.delete(messageId);
    if (!message.files?.length) return [];
    runFolder ??= claimRunFolder(options.filesDir, now());
    const folder = runFolder;
    const paths = message.files.map((file) => {
      const kept = file.unchanged ? before?.get(file.name) : undefined;
      if (kept !== undefined) return kept;
      const path = pathFor(folder, file);
      writeFileSync(path, file.data);
      return path;
    });
    savedByMessage.set(messageId, new Map(message.files.map((file, i) => [file.name, paths[i]!])));
    // Only recent messages get edited; the oldest entry goes first (a Map keeps insertion order).
    if (savedByMessage.size > REMEMBERED_MESSAGES) savedByMessage.delete(savedByMessage.keys().next().value!);
    return paths;
  };

  const show = (message: MessageView, messageId: string) => {
    const rendered = renderMessage(message, saveFiles(message, messageId), { style, names, now });
    print(rendered.text);
    if (rendered.keys.size > 0) {
      keys = rendered.keys;
      keysMessageId = messageId;
    }
  };

  options.channels?.bind(
    consoleChannels((message) => {
      const id = String(nextMessageId++);
      // A post that arrives while the person types goes above their line, which is then drawn again.
      if (interactive && atPrompt) output.write('\r\x1b[K');
      show(message, id);
      if (interactive && atPrompt) reader.readline.prompt(true);
      return id;
    }),
  );

  /** One field, checked as Discord's form checks it before sending; undefined if the person cancelled. */
  const askField = async (field: ModalFieldView, suggested: string | undefined): Promise<string | undefined> => {
    const hint = field.placeholder ? ` (${field.placeholder})` : '';
    const preset = suggested ? ` [${suggested}]` : '';
    const required = field.required !== false;
    for (;;) {
      const question = `${field.label}${hint}${preset}: `;
      if (interactive) prompt(question);
      else print(question);
      const read = await reader.answer();
      if (read.kind !== 'line') return undefined;
      // Enter accepts the value the form was filled with, as Discord shows it already typed in.
      const value = read.text.trim() || suggested || '';
      const length = [...value].length;
      if (required && length === 0) print(`${field.label} is required.`);
      else if (length > 0 && field.minLength !== undefined && length < field.minLength) print(`${field.label} needs at least ${field.minLength} characters.`);
      else if (field.maxLength !== undefined && length > field.maxLength) print(`${field.label} takes at most ${field.maxLength} characters.`);
      else return value;
    }
  };

  /** Fills a form field by field and sends it; a refused answer is asked again on its own. */
  const fillModal = async (modal: ModalView, messageId: string | null): Promise<void> => {
    print(`== ${modal.title} ==`);
    if (interactive) print(style.dim('Enter keeps the value in [brackets]; Ctrl-C cancels the form.'));
    const fields: Record<string, string> = {};
    const cancelled = () => void print('Form cancelled; nothing was sent.');
    for (const field of modal.fields) {
      const value = await askField(field, field.value);
      if (value === undefined) return cancelled();
      fields[field.customId] = value;
    }
    for (;;) {
      const submitted = await router.component({
        ...invocation,
        source: 'modal',
        customId: modal.customId,
        values: [],
        fields: { ...fields },
        messageId,
      });
      const refused = submitted.kind === 'reply' ? modal.fields.find((f) => f.customId === submitted.invalidField) : undefined;
      if (!refused || submitted.kind !== 'reply') return answer(submitted, messageId);
      show(submitted.message, String(nextMessageId++));
      const value = await askField(refused, undefined);
      if (value === undefined) return cancelled();
      fields[refused.customId] = value;
    }
  };

  const answer = async (response: CommandResponse, messageId: string | null): Promise<void> => {
    if (response.kind === 'modal') return fillModal(response.modal, messageId);
    const id = response.kind === 'update' && messageId ? messageId : String(nextMessageId++);
    show(response.message, id);
    if (response.later) show(await response.later(), id);
  };

  await options.ready?.();

  if (interactive) {
    print(style.bold('Tuning Fork console') + style.dim(' (no DISCORD_TOKEN set, so the bot runs here).'));
    print('Type /help to see the commands, /quit to leave. Tab completes commands and topics.');
    prompt('> ');
  }

  for (;;) {
    const read = await reader.next();
    atPrompt = false;
    if (read.kind !== 'line') break;
    const line = read.text.trim();
    if (line && EXIT_WORDS.has(line.toLowerCase())) break;
    if (line) {
      const key = keys.get(line.toLowerCase());
      if (key?.kind === 'button' && key.disabled) {
        print('That button is not available right now.');
      } else if (key) {
        const response = await router.component({
          ...invocation,
          source: key.kind,
          customId: key.customId,
          values: key.kind === 'select' ? [key.value] : [],
          fields: {},
          messageId: keysMessageId,
        });
        await answer(response, keysMessageId);
      } else if (line.startsWith('/')) {
        try {
          const typed = parseCommandLine(line);
          await answer(await router.slash({ ...invocation, ...typed }), null);
        } catch (error) {
          if (!(error instanceof ParseError)) throw error;
          print(error.message);
        }
      } else {
        print('Type a command that starts with / (try /help), or a key shown in [brackets].');
      }
    }
    if (interactive) prompt('> ');
  }
  reader.close();
}

function completerFor(router: CommandRouter): AsyncCompleter | Completer {
  return (line: string, callback: (error: Error | null, result?: [string[], string]) => void) => {
    complete(router, line).then((result) => callback(null, result), (error: Error) => callback(error));
  };
}

/** Tab completion: command names, then option names, then topic suggestions from autocomplete. */
async function complete(router: CommandRouter, line: string): Promise<[string[], string]> {
  const tokens = line.split(/\s+/);
  const last = tokens[tokens.length - 1] ?? '';
  if (tokens.length === 1) {
    const names = router.definitions().map((d) => `/${d.name} `);
    return [names.filter((n) => n.startsWith(last)), last];
  }
  const command = tokens[0]?.slice(1) ?? '';
  const definition = router.definitions().find((d) => d.name === command);
  if (!definition) return [[], last];
  const option = /^([a-z0-9_-]+):(.*)$/.exec(last);
  if (!option) {
    const names = (definition.options ?? []).map((o) => `${o.name}:`);
    return [names.filter((n) => n.startsWith(last)), last];
  }
  const [, name = '', partial = ''] = option;
  const choices = await router.autocomplete({
    user: { id: 'console', name: 'console' },
    guildId: null,
    channelId: null,
    canManageGuild: true,
    command,
    subcommand: null,
    options: { [name]: partial },
    focused: name,
  });
  return [choices.map((c) => `${name}:${c.value}`), last];
}

