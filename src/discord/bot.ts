/**
 * The Discord front end: a thin adapter that turns discord.js interactions into command-layer requests
 * and command-layer answers into Discord replies. It owns Discord's timing rules (answer within 3 s,
 * acknowledge exactly once) so that no command has to think about them.
 */
import {
  DiscordAPIError,
  RESTJSONErrorCodes,
  ApplicationCommandOptionType,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type MessageComponentInteraction,
  type ModalMessageModalSubmitInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { Logger } from 'pino';
import type { CommandRouter } from '../command-layer/router.js';
import type { CommandResponse, ComponentRequest, Invocation } from '../command-layer/types.js';
import { shownAttachments, toDiscordModal, toMessageEdit, toNewMessage, type ShownAttachment } from './payloads.js';

/** How long a handler may run before we acknowledge and finish later (Discord allows 3 s in all). */
export const DEFER_AFTER_MS = 1500;

export interface DiscordBotOptions {
  token: string;
  apiUrl: string;
  router: CommandRouter;
  logger: Logger;
}

export interface DiscordBot {
  client: Client;
  stop(): Promise<void>;
}

export async function startDiscordBot({ token, apiUrl, router, logger }: DiscordBotOptions): Promise<DiscordBot> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: apiUrl },
    // Never ping anyone by accident: every message may mention only what it explicitly allows.
    allowedMentions: { parse: [], repliedUser: false },
  });

  client.once(Events.ClientReady, (ready) => {
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'connected to Discord');
  });
  client.on(Events.ShardDisconnect, (_event, shard) => logger.warn({ shard }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord.js error'));
  client.on(Events.InteractionCreate, (interaction) => {
    handleInteraction(interaction, router, logger).catch((error: unknown) => {
      if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged) {
        // Another process on this shard answered first (Discord sends each interaction to every
        // session on the shard, e.g. while a deploy overlaps): its answer stands, ours is not needed.
        logger.warn({ interactionId: interaction.id }, 'another process answered this interaction first');
        return;
      }
      logger.error({ err: error, interactionId: interaction.id }, 'could not answer an interaction');
    });
  });

  await client.login(token);
  return {
    client,
    async stop() {
      await client.destroy();
    },
  };
}

function invocationOf(interaction: Interaction): Invocation {
  return {
    user: { id: interaction.user.id, name: interaction.user.displayName },
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    canManageGuild: interaction.inGuild() ? interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true : true,
    interactionId: interaction.id,
  };
}

/**
 * Flattens slash options: a subcommand's name (with its group's, `group subcommand`), and its options by
 * name (users and channels as ids). Subcommands and groups are known by their type, not by carrying
 * `options`: Discord leaves `options` out of a subcommand given none.
 */
export function optionsOf(data: readonly CommandInteractionOption[]): { subcommand: string | null; options: Record<string, unknown> } {
  const first = data[0];
  if (first?.type === ApplicationCommandOptionType.SubcommandGroup) {
    const inner = optionsOf(first.options ?? []);
    return { subcommand: inner.subcommand === null ? first.name : `${first.name} ${inner.subcommand}`, options: inner.options };
  }
  if (first?.type === ApplicationCommandOptionType.Subcommand) {
    return { subcommand: first.name, options: optionsOf(first.options ?? []).options };
  }
  const options: Record<string, unknown> = {};
  for (const option of data) options[option.name] = option.value;
  return { subcommand: null, options };
}

export async function handleInteraction(interaction: Interaction, router: CommandRouter, logger: Logger): Promise<void> {
  if (interaction.isAutocomplete()) return answerAutocomplete(interaction, router);
  if (interaction.isChatInputCommand()) {
    const { subcommand, options } = optionsOf(interaction.options.data);
    const input = { ...invocationOf(interaction), command: interaction.commandName, subcommand, options };
    return respond(interaction, () => router.slash(input), router.isSlow(interaction.commandName), logger);
  }
  if (interaction.isButton() || interaction.isStringSelectMenu() || interaction.isModalSubmit()) {
    const request: ComponentRequest = {
      ...invocationOf(interaction),
      source: interaction.isButton() ? 'button' : interaction.isModalSubmit() ? 'modal' : 'select',
      customId: interaction.customId,
      values: interaction.isStringSelectMenu() ? interaction.values : [],
      fields: interaction.isModalSubmit() ? Object.fromEntries(interaction.fields.fields.map((f) => [f.customId, 'value' in f ? String(f.value) : ''])) : {},
      messageId: interaction.message?.id ?? null,
    };
    return respond(interaction, () => router.component(request), router.isSlowComponent(interaction.customId), logger);
  }
  if (interaction.isRepliable()) {
    await interaction.reply({ content: 'I do not handle that kind of interaction.', flags: MessageFlags.Ephemeral });
  }
}

async function answerAutocomplete(interaction: AutocompleteInteraction, router: CommandRouter): Promise<void> {
  const { subcommand, options } = optionsOf(interaction.options.data);
  const focused = interaction.options.getFocused(true);
  const choices = await router.autocomplete({
    ...invocationOf(interaction),
    command: interaction.commandName,
    subcommand,
    options,
    focused: focused.name,
  });
  await interaction.respond(choices);
}

type Answerable = ChatInputCommandInteraction | MessageComponentInteraction | ModalSubmitInteraction;

/** The message a button, menu or modal sits on, which an `update` answer edits. */
function componentMessageOf(interaction: Answerable): MessageComponentInteraction | ModalMessageModalSubmitInteraction | undefined {
  if (interaction.isMessageComponent()) return interaction;
  if (interaction.isModalSubmit() && interaction.isFromMessage()) return interaction;
  return undefined;
}

/**
 * Runs the handler and answers exactly once. Slow commands are acknowledged first; anything else is
 * acknowledged if it has not finished by DEFER_AFTER_MS, and then finished by editing or following up.
 */
async function respond(interaction: Answerable, work: () => Promise<CommandResponse>, slow: boolean, logger: Logger): Promise<void> {
  const onMessage = componentMessageOf(interaction);
  let deferral: Promise<unknown> | undefined;
  const defer = () => (deferral ??= onMessage ? onMessage.deferUpdate() : interaction.deferReply());
  const timer = slow ? undefined : setTimeout(() => void defer().catch(() => undefined), DEFER_AFTER_MS);
  if (slow) await defer();
  let response: CommandResponse;
  try {
    response = await work();
  } finally {
    clearTimeout(timer);
  }
  // What the message an update edits shows, so that files it already has can stay without an upload.
  const shownBefore = shownAttachments(onMessage?.message);
  /** What the answered message shows afterwards, for a later edit that keeps files of the first answer. */
  let shownAfter: ShownAttachment[] = [];
  /** The message a later edit finishes: the interaction's own ('@original'), or a follow-up that replaced it. */
  let answered = '@original';
  if (deferral) {
    await deferral;
    ({ shown: shownAfter, message: answered } = await finishDeferred(interaction, onMessage !== undefined, response, shownBefore, logger));
  } else if (response.kind === 'modal') {
    if (interaction.isModalSubmit()) throw new Error('a modal cannot answer a modal');
    await interaction.showModal(toDiscordModal(response.modal));
  } else if (response.kind === 'update' && onMessage) {
    const edit = toMessageEdit(response.message, shownBefore);
    if (response.later) shownAfter = shownAttachments((await onMessage.update({ ...edit, withResponse: true })).resource?.message);
    else await onMessage.update(edit);
  } else if (response.kind === 'launch-activity' && !interaction.isModalSubmit()) {
    await interaction.launchActivity();
  } else {
    await interaction.reply(toNewMessage(response.message));
  }
  if (response.kind !== 'modal' && response.later) {
    // The interaction token lasts 15 minutes, long enough for any reveal.
    await interaction.editReply({ ...toMessageEdit(await response.later(), shownAfter), message: answered });
  }
}

/**
 * Finishes an acknowledged interaction. Resolves the message that now shows the answer ('@original', or
 * the id of a follow-up that replaced it) and what it shows, so that a later edit finishes that message.
 */
async function finishDeferred(
  interaction: Answerable,
  deferredUpdate: boolean,
  response: CommandResponse,
  shownBefore: readonly ShownAttachment[],
  logger: Logger,
): Promise<{ shown: ShownAttachment[]; message: string }> {
  if (response.kind === 'modal') {
    // A modal must be the first answer; a handler that is slow to decide on one is a bug.
    logger.error({ interactionId: interaction.id }, 'modal answer came after deferral');
    await interaction.followUp({ content: 'Sorry, that took too long. Please try again.', flags: MessageFlags.Ephemeral });
    return { shown: [], message: '@original' };
  }
  if (response.kind === 'update' || (!deferredUpdate && !response.message.ephemeral)) {
    // A deferred reply's placeholder shows nothing yet; a deferred update edits the component's message.
    const edited = await interaction.editReply(toMessageEdit(response.message, deferredUpdate ? shownBefore : []));
    return { shown: shownAttachments(edited), message: '@original' };
  }
  if (!deferredUpdate) {
    // The public "thinking…" placeholder cannot turn private; replace it with a private follow-up.
    await interaction.deleteReply();
  }
  // A new message after a click (a new quiz set under the old score), or a private one: a follow-up.
  const followUp = await interaction.followUp(toNewMessage(response.message));
  return { shown: shownAttachments(followUp), message: followUp.id };
}
