/**
 * The one command layer both front ends call. It finds the command or component handler, checks the
 * input, guards against spam, runs the handler, and turns every failure into something a user can read.
 * Nothing here knows whether the request came from Discord or the console.
 */
import { InteractionContextType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { decodeCustomId } from './custom-id.js';
import { apology, newErrorId, UserError, userErrorResponse } from './errors.js';
import { LIMITS, messageProblems, modalProblems } from './limits.js';
import { resolveOptions } from './options.js';
import { RateLimiter } from './rate-limit.js';
import type {
  AppServices,
  AutocompleteChoice,
  CommandModule,
  CommandResponse,
  ComponentRequest,
  Invocation,
  LaterEdit,
  MessageView,
  RoutableComponentHandler,
} from './types.js';

export interface SlashInput extends Invocation {
  command: string;
  subcommand: string | null;
  /** Option values as the front end received them; checked against the command's definition here. */
  options: Readonly<Record<string, unknown>>;
}

export interface AutocompleteInput extends SlashInput {
  focused: string;
}

export class CommandRouter {
  /** Null where one trusted person drives the bot (the console): nobody to protect the others from. */
  private readonly limiter: RateLimiter | null;
  /** Each command's definition, built once: builders validate on every toJSON(), and every request needs it. */
  private readonly definitionsByName: ReadonlyMap<string, RESTPostAPIChatInputApplicationCommandsJSONBody>;
  /**
   * Component handlers by command, then action. A Map of the modules' own entries: a forged action such
   * as `__proto__` or `toString` must find nothing, not something an object inherits.
   */
  private readonly handlersByCommand: ReadonlyMap<string, ReadonlyMap<string, RoutableComponentHandler>>;

  constructor(
    private readonly commands: ReadonlyMap<string, CommandModule>,
    private readonly app: AppServices,
    limiter?: RateLimiter | null,
  ) {
    this.definitionsByName = new Map([...commands].map(([name, command]) => [name, command.data.toJSON()]));
    this.handlersByCommand = new Map([...commands].map(([name, command]) => [name, new Map(Object.entries(command.components ?? {}))]));
    // A game move can take several interactions (open a modal, submit it; set three dials, try), so the
    // bucket allows a quick game but not a flood.
    this.limiter = limiter === null ? null : limiter ?? new RateLimiter({ capacity: 20, refillPerSecond: 2, now: () => app.now().getTime() });
  }

  definitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
    return [...this.definitionsByName.values()];
  }

  has(command: string): boolean {
    return this.commands.has(command);
  }

  /** Whether a front end should acknowledge before running this command. */
  isSlow(command: string): boolean {
    return this.commands.get(command)?.slow === true;
  }

  /** Whether this custom id belongs to a command that may be slow. */
  isSlowComponent(customId: string): boolean {
    const decoded = decodeCustomId(customId);
    return decoded ? this.isSlow(decoded.command) : false;
  }

  async slash(input: SlashInput): Promise<CommandResponse> {
    return this.guard(input, `/${input.command}`, async () => {
      const command = this.commands.get(input.command);
      if (!command) {
        throw new UserError(`There is no /${input.command} command here. Type /help to see what I can do.`);
      }
      const definition = this.definitionsByName.get(input.command)!;
      if (input.guildId === null && !usableOutsideServers(definition)) {
        throw new UserError(`/${input.command} works only in a server. Run it in a server channel where I am.`);
      }
      const { options } = resolveOptions(definition, input.subcommand, input.options);
      return command.execute({ ...invocationOf(input), command: input.command, subcommand: input.subcommand, options }, this.app);
    });
  }

  /** Autocomplete never errors at the user: a problem just means no suggestions. */
  async autocomplete(input: AutocompleteInput): Promise<AutocompleteChoice[]> {
    const command = this.commands.get(input.command);
    if (!command?.autocomplete) return [];
    try {
      const definition = this.definitionsByName.get(input.command)!;
      // The focused option is raw typed text (for integer and number options too): the command gets it
      // as typed, never checked or converted; the other options are checked as for a command.
      const { [input.focused]: typed, ...others } = input.options;
      const { options } = resolveOptions(definition, input.subcommand, others, true);
      const choices = await command.autocomplete(
        {
          ...invocationOf(input),
          command: input.command,
          subcommand: input.subcommand,
          focused: { name: input.focused, value: typed === undefined || typed === null ? '' : String(typed) },
          options,
        },
        this.app,
      );
      return choices
        .slice(0, LIMITS.autocompleteChoices)
        .map((c) => ({ name: c.name.slice(0, LIMITS.choiceName), value: c.value.slice(0, LIMITS.choiceName) }));
    } catch (error) {
      this.app.logger.warn({ err: error, command: input.command }, 'autocomplete failed');
      return [];
    }
  }

  async component(request: ComponentRequest): Promise<CommandResponse> {
    return this.guard(request, request.customId, async () => {
      const decoded = decodeCustomId(request.customId);
      const handler = decoded && this.handlersByCommand.get(decoded.command)?.get(decoded.action);
      const parsed = decoded && handler?.parse(decoded.args);
      if (!handler || parsed === undefined) {
        throw new UserError('That button or menu is not one I recognise any more. Run the command again for a fresh one.');
      }
      return handler.run(request, parsed as never, this.app);
    });
  }

  private async guard(who: Invocation, what: string, run: () => Promise<CommandResponse> | CommandResponse): Promise<CommandResponse> {
    if (this.limiter && !this.limiter.take(who.user.id)) {
      return userErrorResponse(new UserError('You are going a little fast. Wait a few seconds and try again.'));
    }
    try {
      const response = await run();
      if (response.kind === 'modal') {
        checkLimits(what, modalProblems(response.modal));
        return response;
      }
      checkLimits(what, messageProblems(response.message));
      return response.later ? { ...response, later: this.guardLater(who, what, response.message, response.later) } : response;
    } catch (error) {
      if (error instanceof UserError) return userErrorResponse(error);
      return apology(this.logFailure(error, who, what));
    }
  }

  /** A failed follow-up edit keeps the first answer and adds the apology to it. */
  private guardLater(who: Invocation, what: string, first: MessageView, later: LaterEdit): LaterEdit {
    return async () => {
      try {
        const message = await later();
        checkLimits(what, messageProblems(message));
        return message;
      } catch (error) {
        const errorId = this.logFailure(error, who, what);
        return { ...first, content: `Sorry, I could not finish this (error id \`${errorId}\`).` };
      }
    };
  }

  private logFailure(error: unknown, who: Invocation, what: string): string {
    const errorId = newErrorId();
    this.app.logger.error({ err: error, errorId, what, userId: who.user.id }, 'command failed');
    return errorId;
  }
}

/**
 * Whether a command may run outside a server (a DM, the console). Discord hides a server-only command
 * from DMs, but a registration from before it declared its contexts, or a modified client, can still
 * send it; it then gets one plain line instead of a half-working answer.
 */
function usableOutsideServers(definition: RESTPostAPIChatInputApplicationCommandsJSONBody): boolean {
  const contexts = definition.contexts;
  return !contexts || contexts.includes(InteractionContextType.BotDM) || contexts.includes(InteractionContextType.PrivateChannel);
}

function checkLimits(what: string, problems: string[]): void {
  if (problems.length > 0) throw new Error(`answer to ${what} breaks Discord's limits: ${problems.join('; ')}`);
}

function invocationOf(input: Invocation): Invocation {
  const { user, guildId, channelId, canManageGuild, interactionId } = input;
  // The interaction id goes along: what a command creates is stored once per interaction, however many processes handle it.
  return { user, guildId, channelId, canManageGuild, ...(interactionId !== undefined && { interactionId }) };
}
