/**
 * How a topic looks as an answer: one embed at one level, Simpler/Deeper buttons, and a menu of
 * related topics. Shared by /explain and /ask so both answer alike.
 */
import { encodeCustomId } from '../../src/command-layer/custom-id.js';
import { clip, LIMITS } from '../../src/command-layer/limits.js';
import type { ComponentView, MessageView } from '../../src/command-layer/types.js';
import type { Topic, TopicLibrary } from '../../src/content/library.js';
import { FOR_LEVEL, type Level } from '../../src/content/levels.js';
import { presenterOf } from '../play/games/index.js';

/** One colour per level, from warm (simple) to cool (expert), so a glance tells the depth. */
const LEVEL_COLOURS: Readonly<Record<Level, number>> = {
  1: 0xf4a261,
  2: 0xe9c46a,
  3: 0x2a9d8f,
  4: 0x457b9d,
  5: 0x1d3557,
};

/** Every topic's slug, code-formatted and comma-separated: the list /help and an unanswered /ask offer. */
export function topicSlugList(library: TopicLibrary): string {
  return library
    .all()
    .map((t) => `\`${t.slug}\``)
    .join(', ');
}

export function levelLabel(level: Level): string {
  return `Level ${level} of 5 · ${FOR_LEVEL[level]}`;
}

/**
 * @param owner the person who asked: buttons pressed by anyone else answer them privately instead of
 *   changing the shared message.
 */
export function topicMessage(library: TopicLibrary, topic: Topic, level: Level, owner: string, preface?: string): MessageView {
  const hint = topic.game ? `Try it: \`/play ${topic.game}\`, ${presenterOf(topic.game).invitation}` : undefined;
  const body = library.text(topic.slug, level);
  const description = clip([preface, body, hint].filter(Boolean).join('\n\n'), LIMITS.embedDescription);
  const rows: ComponentView[][] = [
    [
      {
        type: 'button',
        customId: encodeCustomId('explain', 'level', topic.slug, level - 1, owner),
        label: 'Simpler',
        style: 'secondary',
        disabled: level <= 1,
      },
      {
        type: 'button',
        customId: encodeCustomId('explain', 'level', topic.slug, level + 1, owner),
        label: 'Deeper',
        style: 'primary',
        disabled: level >= 5,
      },
      // Anyone may press it: each person gets their own private quiz on the topic at this level.
      { type: 'button', customId: encodeCustomId('quiz', 'new', level, topic.slug), label: 'Test yourself', style: 'success' },
    ],
  ];
  const related = library.related(topic.slug).slice(0, LIMITS.selectOptions);
  if (related.length > 0) {
    rows.push([
      {
        type: 'select',
        customId: encodeCustomId('explain', 'topic', level, owner),
        placeholder: 'Related topics…',
        options: related.map((r) => ({
          label: clip(r.title, LIMITS.selectLabel),
          value: r.slug,
          description: clip(r.summary, LIMITS.selectDescription),
        })),
      },
    ]);
  }
  return {
    embeds: [
      {
        title: clip(topic.title, LIMITS.embedTitle),
        description,
        color: LEVEL_COLOURS[level],
        footer: `${levelLabel(level)} · /level sets your usual level`,
      },
    ],
    rows,
  };
}
