/**
 * The console front end: the same commands as on Discord, typed at a prompt or piped in.
 * It is a thin adapter, like the Discord one: it parses a line into a command-layer request and prints
 * the answer. Files are saved to a folder and their paths printed; a modal asks its fields one by one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface, type Completer, type AsyncCompleter } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CommandRouter } from '../command-layer/router.js';
import type { Channels, CommandResponse, Invocation, MessageView, ModalView } from '../command-layer/types.js';
import { consoleChannels } from './channels.js';
import { ParseError, parseCommandLine } from './parse.js';
import { ANSI, PLAIN, renderMessage, type Key } from './render.js';

export interface ConsoleOptions {
  router: CommandRouter;
  input: Readable;
  output: Writable;
  /** Who is typing: one person, in one pretend server and channel. */
  invocation: Invocation;
  /** Where attachments are saved. */
  filesDir: string;
  /** Prompt, banner and colours; off when input is piped. */
  interactive: boolean;
  /** Receives the console's stand-in for channels, so posts (the daily post) print here. */
  channels?: { bind(channels: Channels): void };
}

const EXIT_WORDS = new Set(['/quit', '/exit', 'quit', 'exit']);

export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { router, output, invocation, interactive } = options;
  const style = interactive ? ANSI : PLAIN;
  const readline = createInterface({
    input: options.input,
    output: interactive ? output : undefined,
    terminal: interactive,
    completer: interactive ? completerFor(router) : undefined,
  });
  const lines = readline[Symbol.asyncIterator]();
  const print = (text: string) => output.write(`${text}\n`);

  let keys = new Map<string, Key>();
  let keysMessageId: string | null = null;
  let nextMessageId = 1;
  let fileCounter = 0;

  const saveFiles = (message: MessageView): string[] => {
    if (!message.files?.length) return [];
    const dir = resolve(options.filesDir);
    mkdirSync(dir, { recursive: true });
    return message.files.map((file) => {
      const path = join(dir, `${String(++fileCounter).padStart(3, '0')}-${file.name}`);
      writeFileSync(path, file.data);
      return path;
    });
  };

  const show = (message: MessageView, messageId: string) => {
    const rendered = renderMessage(message, saveFiles(message), style);
    print(rendered.text);
    if (rendered.keys.size > 0) {
      keys = rendered.keys;
      keysMessageId = messageId;
    }
  };

  options.channels?.bind(
    consoleChannels((message) => {
      const id = String(nextMessageId++);
      show(message, id);
      return id;
    }),
  );

  const ask = async (question: string): Promise<string | undefined> => {
    if (interactive) readline.setPrompt(question);
    if (interactive) readline.prompt();
    else print(question);
    const next = await lines.next();
    return next.done ? undefined : String(next.value);
  };

  const answer = async (response: CommandResponse, messageId: string | null): Promise<void> => {
    if (response.kind === 'modal') {
      const fields = await fillModal(response.modal, ask, print);
      if (!fields) return;
      const submitted = await router.component({
        ...invocation,
        source: 'modal',
        customId: response.modal.customId,
        values: [],
        fields,
        messageId,
      });
      return answer(submitted, messageId);
    }
    const id = response.kind === 'update' && messageId ? messageId : String(nextMessageId++);
    show(response.message, id);
    if (response.later) show(await response.later(), id);
  };

  if (interactive) {
    print(style.bold('Tuning Fork console') + style.dim(' (no DISCORD_TOKEN set, so the bot runs here).'));
    print('Type /help to see the commands, /quit to leave. Tab completes commands and topics.');
    readline.setPrompt('> ');
    readline.prompt();
  }

  for (;;) {
    const next = await lines.next();
    if (next.done) break;
    const line = String(next.value).trim();
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
    if (interactive) {
      readline.setPrompt('> ');
      readline.prompt();
    }
  }
  readline.close();
}

/** Asks for each field in turn; an empty answer to an optional field leaves it empty. */
async function fillModal(
  modal: ModalView,
  ask: (question: string) => Promise<string | undefined>,
  print: (text: string) => void,
): Promise<Record<string, string> | undefined> {
  print(`== ${modal.title} ==`);
  const fields: Record<string, string> = {};
  for (const field of modal.fields) {
    const hint = field.placeholder ? ` (${field.placeholder})` : '';
    const value = await ask(`${field.label}${hint}: `);
    if (value === undefined) return undefined;
    fields[field.customId] = value.trim();
  }
  return fields;
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

