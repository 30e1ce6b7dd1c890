/**
 * A Discord client can send any custom id. Every component of every command is fed forged ids: inherited
 * property names as the command or action, wrong argument counts, and each argument replaced by empty,
 * huge, negative, NaN-ish, over-long and inherited-name text; select menus also get forged values. None
 * may reach the generic apology: an id that does not parse is refused with the plain "not one I
 * recognise" line, and one that happens to parse is refused by the handler's own checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/command-layer/rate-limit.js';
import { CommandRouter } from '../../src/command-layer/router.js';
import type { CommandResponse, ComponentRequest } from '../../src/command-layer/types.js';
import { createTestApp, person, type TestApp } from '../support/app.js';

const NOT_RECOGNISED = 'That button or menu is not one I recognise any more. Run the command again for a fresh one.';
const OWNER = '200000000000000001';
const GAME = 'Ab3dE5gH9k';

/** A well-formed id for every handler, as the bot would make it. A new handler must be added here. */
const VALID_ARGS: Readonly<Record<string, readonly string[]>> = {
  'ask:show': ['learning-rate', '3'],
  'explain:level': ['learning-rate', '3', OWNER],
  'explain:topic': ['3', OWNER],
  'privacy:forget': [OWNER],
  'privacy:keep': [OWNER],
  'play:ask': [GAME, '2'],
  'play:submit': [GAME, '2'],
  'play:giveup': [GAME, '2', '123'],
  'play:quit': [GAME, '2'],
  'play:keep': [GAME, '2', '123'],
  'play:end': [GAME, '2'],
  'play:think': [GAME, '2'],
  'play:string': [GAME, '2'],
  'play:dial': [GAME, '2', '1', '1__'],
  'play:try': [GAME, '2', '123'],
  'play:peg': [GAME, '2', 'A2', '5'],
  'play:why': [GAME],
  'quiz:answer': [GAME, '2', 'hp-bake-knob', '1'],
  'quiz:next': [GAME, '2'],
  'quiz:explain': ['hyperparameters', '3'],
  'quiz:new': ['3', 'hyperparameters'],
  'quiz:gjoin': [GAME],
  'quiz:gstart': [GAME, '2'],
  'quiz:gnext': [GAME, '2'],
  'quiz:ganswer': [GAME, '2', '0', '1'],
  'quiz:qotd': ['2026-11-28', 'hp-bake-knob', '1'],
};

const SELECTS = new Set(['explain:topic', 'play:dial', 'play:string']);
/** Handlers whose last argument may be left out (boards from before it existed carry none). */
const OPTIONAL_LAST = new Set(['play:giveup', 'play:keep']);
const INHERITED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];
/** Replacements for one argument that no handler accepts. */
const NEVER_VALID = ['', '9'.repeat(30), 'NaN', 'Infinity', '__proto__', 'hasOwnProperty', 'x'.repeat(70)];
/** Replacements a handler may accept as text but must then refuse by its own checks. */
const SUSPICIOUS = ['-1', '0', '1e3', '0x1', '007', '99999999999999999999', 'constructor'];

let app: TestApp;
let router: CommandRouter;

beforeAll(async () => {
  const now = new Date('2026-11-28T12:00:00Z');
  app = await createTestApp(() => now);
  const commands = new Map(app.services.commands().map((c) => [c.data.toJSON().name, c] as const));
  // Hundreds of requests from one person: the rate limit is not what is under test.
  router = new CommandRouter(commands, app.services, new RateLimiter({ capacity: 1e9, refillPerSecond: 1e9, now: () => now.getTime() }));
});

afterAll(async () => {
  await app.dispose();
});

function request(customId: string, source: ComponentRequest['source'], values: string[] = []): ComponentRequest {
  return { ...person(OWNER), source, customId, values, fields: {}, messageId: '300000000000000001' };
}

function answerText(response: CommandResponse): string {
  expect(response.kind).not.toBe('modal');
  if (response.kind === 'modal') return '';
  return response.message.content ?? response.message.embeds?.[0]?.description ?? '';
}

async function send(customId: string, source: ComponentRequest['source'] = 'button', values: string[] = []): Promise<string> {
  return answerText(await router.component(request(customId, source, values)));
}

const id = (key: string, args: readonly string[]) => [key, ...args].join(':');

describe('forged custom ids', () => {
  it('has a well-formed sample for every component handler of every command', () => {
    const handlers = app.services.commands().flatMap((c) => Object.keys(c.components ?? {}).map((action) => `${c.data.toJSON().name}:${action}`));
    expect(handlers.sort()).toEqual(Object.keys(VALID_ARGS).sort());
  });

  it('refuses inherited property names as the command or the action', async () => {
    for (const [key, args] of Object.entries(VALID_ARGS)) {
      const [command = '', action = ''] = key.split(':');
      for (const name of INHERITED) {
        expect(await send(id(`${command}:${name}`, args)), `${command}:${name}`).toBe(NOT_RECOGNISED);
        expect(await send(id(`${name}:${action}`, args)), `${name}:${action}`).toBe(NOT_RECOGNISED);
      }
    }
    expect(await send('explain:__proto__:1')).toBe(NOT_RECOGNISED);
  });

  it('refuses too few or too many arguments', async () => {
    for (const [key, args] of Object.entries(VALID_ARGS)) {
      expect(await send(key), `${key} with no arguments`).toBe(NOT_RECOGNISED);
      const short = OPTIONAL_LAST.has(key) ? args.slice(0, -2) : args.slice(0, -1);
      expect(await send(id(key, short)), `${key} one short`).toBe(NOT_RECOGNISED);
      expect(await send(id(key, [...args, '1'])), `${key} one extra`).toBe(NOT_RECOGNISED);
    }
  });

  it('refuses empty, huge, NaN-ish, over-long and inherited-name arguments', async () => {
    for (const [key, args] of Object.entries(VALID_ARGS)) {
      for (let position = 0; position < args.length; position++) {
        for (const forged of NEVER_VALID) {
          const forgedArgs = args.map((arg, i) => (i === position ? forged : arg));
          expect(await send(id(key, forgedArgs)), `${key} argument ${position} = ${JSON.stringify(forged)}`).toBe(NOT_RECOGNISED);
        }
      }
    }
  });

  it('never apologises for a forged argument, even one that parses', async () => {
    for (const [key, args] of Object.entries(VALID_ARGS)) {
      for (let position = 0; position < args.length; position++) {
        for (const forged of SUSPICIOUS) {
          const forgedArgs = args.map((arg, i) => (i === position ? forged : arg));
          const text = await send(id(key, forgedArgs), SELECTS.has(key) ? 'select' : 'button', ['1']);
          expect(text, `${key} argument ${position} = ${forged}`).not.toMatch(/went wrong|error id/);
        }
      }
      // The well-formed id itself: it works (explain, ask) or names a game that does not exist.
      expect(await send(id(key, args), SELECTS.has(key) ? 'select' : 'button', ['1'])).not.toMatch(/went wrong|error id/);
    }
    expect(app.logs()).not.toContain('command failed');
  });

  it('refuses forged menu values without apologising', async () => {
    const forgedValues = [[], ['__proto__'], ['constructor'], ['x'.repeat(200)], ['1', '2'], [''], ['-1'], ['NaN']];
    for (const values of forgedValues) {
      const topic = await send(id('explain:topic', VALID_ARGS['explain:topic']!), 'select', values);
      expect(topic, `explain:topic ${JSON.stringify(values)}`).not.toMatch(/went wrong|error id/);
    }
    expect(await send(id('explain:topic', ['5', '9'.repeat(90)]), 'select', ['learning-rate'])).toBe(NOT_RECOGNISED);
    expect(app.logs()).not.toContain('command failed');
  });
});
