/**
 * How a quiz set looks: the question with its answers A–D (in the person's own shuffled order) and four
 * buttons; after an answer, right or wrong with the explanation of the chosen answer and of the right
 * one, "Next" and "Explain this topic"; at the end, the score. Shared by /quiz, /review and "Test yourself".
 */
import { encodeCustomId } from '../../src/command-layer/custom-id.js';
import { clip, LIMITS } from '../../src/command-layer/limits.js';
import type { ButtonView, ComponentView, EmbedFieldView, FileView, MessageView } from '../../src/command-layer/types.js';
import type { TopicLibrary } from '../../src/content/library.js';
import type { QuestionBank, QuizQuestion } from '../../src/content/quizzes.js';
import { OPTION_LETTERS, optionOrder, scoreOf, stageOf, type QuizSetState } from '../../src/learning/quiz-set.js';
import { drawnPicture, questionPicture } from '../../src/learning/question-pictures.js';
import { levelLabel } from './topic.js';

const ASKING_COLOUR = 0x5865f2;
const RIGHT_COLOUR = 0x2a9d8f;
const WRONG_COLOUR = 0xe76f51;
const SCORE_COLOUR = 0xe9c46a;

/**
 * Whether to draw a picture that is not drawn yet. Answers that must go out at once leave it out (and say
 * it is coming); the front end then edits the message with the picture drawn.
 */
export interface PictureMode {
  readonly draw: boolean;
  /**
   * The question the edited message shows, when the answer edits one. A question's picture depends on the
   * question alone, so that question's picture is already there and stays without being sent again.
   */
  readonly shownQuestionId?: string;
}

/** What a set view needs: the set as stored, and who it belongs to (the answers are shuffled for them). */
export interface QuizSetView {
  readonly id: string;
  readonly ownerId: string;
  readonly version: number;
  readonly state: QuizSetState;
}

/** `quiz:new:<level>:<topic or _>`: a fresh set, from the score screen or /explain's "Test yourself". */
export function newSetButton(label: string, level: number, topic: string | null): ButtonView {
  return { type: 'button', customId: encodeCustomId('quiz', 'new', level, topic ?? '_'), label, style: 'primary' };
}

function header(library: TopicLibrary, set: QuizSetView, question: QuizQuestion, index: number): string {
  const title = library.get(question.topic)?.title ?? question.topic;
  const what = set.state.kind === 'review' ? 'Review' : 'Quiz';
  return clip(`${what} · ${title} · question ${index + 1} of ${set.state.questionIds.length}`, LIMITS.embedTitle);
}

function pictureFile(question: QuizQuestion, mode: PictureMode): FileView | undefined {
  if (!question.picture) return undefined;
  const image = mode.draw ? questionPicture(question.picture) : drawnPicture(question.picture);
  if (!image) return undefined;
  const file: FileView = { name: `question-${question.id}.png`, data: image.png, description: clip(image.altText, LIMITS.altText) };
  return mode.shownQuestionId === question.id ? { ...file, unchanged: true } : file;
}

/** The note shown while a picture is still being drawn. */
const PICTURE_COMING = 'The picture is being drawn and appears here in a moment.';

/** Whether the set's screen shows a picture that has not been drawn yet. */
export function pictureToDraw(bank: QuestionBank, state: QuizSetState): boolean {
  const stage = stageOf(state);
  if (stage.kind === 'finished') return false;
  const picture = bank.get(state.questionIds[stage.index] ?? '')?.picture;
  return picture !== undefined && drawnPicture(picture) === undefined;
}

function askingView(library: TopicLibrary, set: QuizSetView, question: QuizQuestion, index: number, mode: PictureMode): MessageView {
  const order = optionOrder(set.ownerId, question.id);
  const lines = order.map((written, position) => `**${OPTION_LETTERS[position]}.** ${question.options[written]!.text}`);
  const picture = pictureFile(question, mode);
  const coming = question.picture && !picture ? `\n\n*${PICTURE_COMING}*` : '';
  return {
    embeds: [
      {
        title: header(library, set, question, index),
        description: clip(`${question.question}\n\n${lines.join('\n')}${coming}`, LIMITS.embedDescription),
        color: ASKING_COLOUR,
        footer: `${levelLabel(question.level)} · pick A, B, C or D`,
        ...(picture && { imageFile: picture.name }),
      },
    ],
    rows: [
      OPTION_LETTERS.map((letter, position) => ({
        type: 'button' as const,
        customId: encodeCustomId('quiz', 'answer', set.id, set.version, question.id, position),
        label: letter,
        style: 'primary' as const,
      })),
    ],
    ...(picture && { files: [picture] }),
    ephemeral: true,
  };
}

function answeredView(library: TopicLibrary, set: QuizSetView, question: QuizQuestion, index: number, mode: PictureMode): MessageView {
  const result = set.state.results[index]!;
  const order = optionOrder(set.ownerId, question.id);
  const letterOf = (written: number) => OPTION_LETTERS[order.indexOf(written)]!;
  const lines = order.map((written, position) => {
    const mark = written === 0 ? '✅' : written === result.chosen ? '❌' : '▫️';
    return `${mark} **${OPTION_LETTERS[position]}.** ${question.options[written]!.text}`;
  });
  const chosen = question.options[result.chosen]!;
  const right = question.options[0]!;
  const fields: EmbedFieldView[] = result.right
    ? [{ name: `Right! ${letterOf(0)} it is`, value: clip(right.why, LIMITS.fieldValue) }]
    : [
        { name: `Not quite: you chose ${letterOf(result.chosen)}`, value: clip(chosen.why, LIMITS.fieldValue) },
        { name: `The answer is ${letterOf(0)}`, value: clip(right.why, LIMITS.fieldValue) },
      ];
  const last = index === set.state.questionIds.length - 1;
  // The picture stays with its answer: the explanations may point at it.
  const picture = pictureFile(question, mode);
  const rows: ComponentView[][] = [
    [
      { type: 'button', customId: encodeCustomId('quiz', 'next', set.id, set.version), label: last ? 'See your score' : 'Next', style: 'primary' },
      { type: 'button', customId: encodeCustomId('quiz', 'explain', question.topic, question.level), label: 'Explain this topic', style: 'secondary' },
    ],
  ];
  return {
    embeds: [
      {
        title: header(library, set, question, index),
        description: clip(`${question.question}\n\n${lines.join('\n')}`, LIMITS.embedDescription),
        color: result.right ? RIGHT_COLOUR : WRONG_COLOUR,
        fields,
        footer: result.right ? 'It comes back in /review in a few days.' : 'It comes back in today’s /review.',
        ...(picture && { imageFile: picture.name }),
      },
    ],
    rows,
    ...(picture && { files: [picture] }),
    ephemeral: true,
  };
}

function scoreView(library: TopicLibrary, bank: QuestionBank, set: QuizSetView): MessageView {
  const { right, asked } = scoreOf(set.state);
  const lines = set.state.questionIds.map((id, i) => {
    const question = bank.get(id);
    const mark = set.state.results[i]?.right ? '✅' : '❌';
    return `${mark} ${clip(question?.question ?? id, 90)}`;
  });
  const praise = right === asked ? 'Every one right!' : right >= asked - 1 ? 'Nearly all right.' : right > 0 ? 'A good start.' : 'These will come back in /review.';
  const topic = set.state.topic ? library.get(set.state.topic) : undefined;
  return {
    embeds: [
      {
        title: `${set.state.kind === 'review' ? 'Review' : 'Quiz'} done: ${right} of ${asked} right`,
        description: clip(`${praise}\n\n${lines.join('\n')}`, LIMITS.embedDescription),
        color: SCORE_COLOUR,
        footer: 'Wrong answers come back in today’s /review; right ones later, spaced further apart each time.',
      },
    ],
    rows: [[newSetButton(topic ? `Another set on ${clip(topic.title, 40)}` : 'Another set', set.state.level, topic?.slug ?? null)]],
    ephemeral: true,
  };
}

/** The set as it is now: the waiting question, the last answer's feedback, or the score. */
export function quizSetMessage(library: TopicLibrary, bank: QuestionBank, set: QuizSetView, mode: PictureMode = { draw: true }): MessageView {
  const stage = stageOf(set.state);
  if (stage.kind === 'finished') return scoreView(library, bank, set);
  const question = bank.get(set.state.questionIds[stage.index]!);
  if (!question) {
    // A question removed from the files since the set began: its set ends at the score.
    const kept = { questionIds: set.state.questionIds.slice(0, stage.index), results: set.state.results.slice(0, stage.index), position: stage.index };
    return scoreView(library, bank, { ...set, state: { ...set.state, ...kept } });
  }
  return stage.kind === 'asking' ? askingView(library, set, question, stage.index, mode) : answeredView(library, set, question, stage.index, mode);
}
