/**
 * How a group quiz round's board looks in the channel: the lobby with who joined; the question on the
 * board with A–D (one order for everyone) and its closing time; after it closes, how the group split
 * (a bar picture), the right answer and the why of every answer someone chose; at the end, the
 * scoreboard. Names are plain text, never mentions.
 */
import { encodeCustomId } from '../../src/command-layer/custom-id.js';
import { clip, LIMITS } from '../../src/command-layer/limits.js';
import { escapeMarkdown } from '../../src/command-layer/markdown.js';
import type { ButtonView, EmbedFieldView, FileView, MessageView } from '../../src/command-layer/types.js';
import type { TopicLibrary } from '../../src/content/library.js';
import type { QuestionBank, QuizQuestion } from '../../src/content/quizzes.js';
import { answerSplit, roundOptionOrder, scoreboard, type GroupRoundState, type RoundAnswer, type RoundPlayer } from '../../src/learning/group-round.js';
import { questionPicture } from '../../src/learning/question-pictures.js';
import { OPTION_LETTERS } from '../../src/learning/quiz-set.js';
import { answerSplitChart } from '../../src/pictures/answer-split-chart.js';
import { levelLabel } from './topic.js';

const LOBBY_COLOUR = 0x5865f2;
const ASKING_COLOUR = 0x5865f2;
const CLOSED_COLOUR = 0x2a9d8f;
const SCORE_COLOUR = 0xe9c46a;
const MEDALS = ['🥇', '🥈', '🥉'];

export interface RoundView {
  readonly id: string;
  readonly version: number;
  readonly state: GroupRoundState;
  readonly players: readonly RoundPlayer[];
  readonly answers: readonly RoundAnswer[];
}

const names = (players: readonly RoundPlayer[]) => players.map((p) => escapeMarkdown(p.name)).join(', ');
const hostName = (round: RoundView) => escapeMarkdown(round.players.find((p) => p.userId === round.state.hostId)?.name ?? 'the host');
const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

function topicTitle(library: TopicLibrary, round: RoundView): string {
  return round.state.topic ? (library.get(round.state.topic)?.title ?? round.state.topic) : 'mixed topics';
}

function button(round: RoundView, action: string, label: string, style: ButtonView['style'], ...args: Array<string | number>): ButtonView {
  return { type: 'button', customId: encodeCustomId('quiz', action, round.id, ...args), label, style };
}

function lobbyView(library: TopicLibrary, round: RoundView): MessageView {
  const { state } = round;
  return {
    embeds: [
      {
        title: clip(`Group quiz · ${topicTitle(library, round)} · ${state.questionIds.length} questions`, LIMITS.embedTitle),
        description: clip(
          `Press **Join** to play. Each question shows here; everyone answers privately with A–D, and nobody sees ` +
            `anyone’s answer until the question closes: after ${state.seconds} seconds, or as soon as everyone who joined has answered. ` +
            `${hostName(round)} starts the round and moves it on.`,
          LIMITS.embedDescription,
        ),
        color: LOBBY_COLOUR,
        fields: [{ name: `Joined (${round.players.length})`, value: clip(names(round.players), LIMITS.fieldValue) }],
        footer: `${levelLabel(state.level)} · answers count for each player’s /review`,
      },
    ],
    rows: [[button(round, 'gjoin', 'Join', 'success'), button(round, 'gstart', 'Start', 'primary', round.version)]],
  };
}

function header(library: TopicLibrary, round: RoundView, question: QuizQuestion): string {
  const title = library.get(question.topic)?.title ?? question.topic;
  return clip(`Group quiz · ${title} · question ${round.state.position + 1} of ${round.state.questionIds.length}`, LIMITS.embedTitle);
}

function optionLines(round: RoundView, question: QuizQuestion, counts?: readonly number[]): string[] {
  return roundOptionOrder(round.id, question.id).map((written, position) => {
    const line = `**${OPTION_LETTERS[position]}.** ${question.options[written]!.text}`;
    if (!counts) return line;
    return `${written === 0 ? '✅' : '▫️'} ${line} — ${counts[written]}`;
  });
}

function questionPictureFile(question: QuizQuestion): FileView | undefined {
  if (!question.picture) return undefined;
  const image = questionPicture(question.picture);
  // Named after its question, whose picture it always is: an edit of a board already showing it keeps it.
  return { name: `question-${question.id}.png`, data: image.png, description: clip(image.altText, LIMITS.altText), unchanged: true };
}

function askingView(library: TopicLibrary, round: RoundView, question: QuizQuestion): MessageView {
  const answered = new Set(round.answers.filter((a) => a.questionIndex === round.state.position).map((a) => a.userId));
  const waiting = round.players.filter((p) => !answered.has(p.userId));
  const picture = questionPictureFile(question);
  return {
    embeds: [
      {
        title: header(library, round, question),
        description: clip(
          `${question.question}\n\n${optionLines(round, question).join('\n')}\n\nCloses <t:${unix(round.state.closesAt ?? new Date(0).toISOString())}:R>, or when everyone has answered.`,
          LIMITS.embedDescription,
        ),
        color: ASKING_COLOUR,
        fields: [
          {
            name: `Answered: ${answered.size} of ${round.players.length}`,
            value: clip(waiting.length ? `Waiting for ${names(waiting)}` : 'Everyone has answered.', LIMITS.fieldValue),
          },
        ],
        footer: `${levelLabel(question.level)} · pick A, B, C or D: your answer stays private until the question closes`,
        ...(picture && { imageFile: picture.name }),
      },
    ],
    rows: [OPTION_LETTERS.map((letter, position) => button(round, 'ganswer', letter, 'primary', round.version, round.state.position, position))],
    ...(picture && { files: [picture] }),
  };
}

function closedView(library: TopicLibrary, round: RoundView, question: QuizQuestion): MessageView {
  const order = roundOptionOrder(round.id, question.id);
  const counts = answerSplit(round.answers, round.state.position);
  const letterOf = (written: number) => OPTION_LETTERS[order.indexOf(written)]!;
  const chart = answerSplitChart({ letters: OPTION_LETTERS, counts: order.map((written) => counts[written] ?? 0), rightPosition: order.indexOf(0) });
  const file: FileView = { name: `split-${round.id}-${round.state.position + 1}.png`, data: chart.png, description: clip(chart.altText, LIMITS.altText) };
  const fields: EmbedFieldView[] = [{ name: `${letterOf(0)} is right`, value: clip(question.options[0]!.why, LIMITS.fieldValue) }];
  // The why of each wrong answer someone chose: what that person needs to hear.
  for (const written of [1, 2, 3]) {
    if (counts[written]! > 0) fields.push({ name: `Why not ${letterOf(written)}`, value: clip(question.options[written]!.why, LIMITS.fieldValue) });
  }
  const total = counts.reduce((sum, n) => sum + n, 0);
  const last = round.state.position === round.state.questionIds.length - 1;
  return {
    embeds: [
      {
        title: header(library, round, question),
        description: clip(`${question.question}\n\n${optionLines(round, question, counts).join('\n')}`, LIMITS.embedDescription),
        color: CLOSED_COLOUR,
        fields,
        footer: `${round.state.closedBy === 'everyone' ? 'Everyone answered' : 'Time is up'} · ${counts[0]} of ${total} right · ${hostName(round)} moves on`,
        imageFile: file.name,
      },
    ],
    rows: [
      [
        button(round, 'gnext', last ? 'See the scoreboard' : 'Next question', 'primary', round.version),
        { type: 'button', customId: encodeCustomId('quiz', 'explain', question.topic, question.level), label: 'Explain this topic', style: 'secondary' },
      ],
    ],
    files: [file],
  };
}

function scoreView(library: TopicLibrary, round: RoundView): MessageView {
  const lines = scoreboard(round.players, round.answers).map((line) => {
    const badge = MEDALS[line.rank - 1] ?? `${line.rank}.`;
    return `${badge} ${escapeMarkdown(line.name)} — ${line.right} of ${round.state.questionIds.length} right`;
  });
  return {
    embeds: [
      {
        title: clip(`Group quiz done · ${topicTitle(library, round)}`, LIMITS.embedTitle),
        description: clip(lines.length ? lines.join('\n') : 'Nobody answered.', LIMITS.embedDescription),
        color: SCORE_COLOUR,
        footer: 'Every answer counts for its player’s /review: the ones missed come back first.',
      },
    ],
    rows: [],
  };
}

/** The board as the round is now. */
export function roundBoard(library: TopicLibrary, bank: QuestionBank, round: RoundView): MessageView {
  const { state } = round;
  if (state.phase === 'lobby') return lobbyView(library, round);
  const question = state.phase === 'finished' ? undefined : bank.get(state.questionIds[state.position]!);
  // A question removed from the files since the round began shows as the scoreboard.
  if (!question) return scoreView(library, round);
  return state.phase === 'asking' ? askingView(library, round, question) : closedView(library, round, question);
}
