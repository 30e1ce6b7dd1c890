/** Discord markup as a terminal reader should see it. */
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/command-layer/markdown.js';
import { renderMarkdown } from '../../src/console/markdown.js';
import { ANSI, PLAIN } from '../../src/console/render.js';

const now = new Date('2026-12-03T12:00:00Z');
const names = { person: (id: string) => (id === '1' ? 'ada' : `user ${id}`), channel: (id: string) => (id === '1' ? 'this-terminal' : `channel-${id}`) };
const plain = (text: string) => renderMarkdown(text, { style: PLAIN, names, now: () => now });

describe('Discord markup in the console', () => {
  it('shows mentions, channels and timestamps as words', () => {
    const seconds = now.getTime() / 1000;
    expect(plain(`closes <t:${seconds + 300}:R>`)).toBe('closes in 5 minutes');
    expect(plain(`ended <t:${seconds - 7200}:R>`)).toBe('ended 2 hours ago');
    expect(plain(`on <t:${seconds}:D>`)).toBe('on 3 December 2026');
    expect(plain('Daily post: <#1> · <#77>')).toBe('Daily post: #this-terminal · #channel-77');
    expect(plain('🥇 <@1> then <@!123>, <@&5>')).toBe('🥇 @ada then @user 123, @role');
  });

  it('drops emphasis markers, keeps bold as bold where there is colour', () => {
    expect(plain('**Bold** and __under__, *it* _too_, ~~gone~~ ||secret||')).toBe('Bold and under, it too, gone secret');
    expect(renderMarkdown('**Bold**', { style: ANSI, names, now: () => now })).toBe(ANSI.bold('Bold'));
    expect(plain('learning_rate and batch_size stay')).toBe('learning_rate and batch_size stay');
    expect(plain('2 * 3 * 4')).toBe('2 * 3 * 4');
  });

  it('shows quotes, headings, links and code as text', () => {
    expect(plain('> quoted\nnot quoted')).toBe('│ quoted\nnot quoted');
    expect(plain('# Title\n-# small')).toBe('Title\nsmall');
    expect(plain('see [the docs](https://example.com/a_b) or <https://example.com>')).toBe('see the docs (https://example.com/a_b) or https://example.com');
    expect(plain('run `/play **bake**` now')).toBe('run /play **bake** now');
    expect(plain('```\n| a | **b** |\n```')).toBe('| a | **b** |');
  });

  it('shows escaped characters as typed, and an unclosed fence as it is', () => {
    expect(plain('\\*\\*not bold\\*\\* \\<@1\\>')).toBe('**not bold** <@1>');
    expect(plain('``` why')).toBe('``` why');
  });

  it('escaped user text reads back exactly as typed', () => {
    for (const typed of ['``` why is lr on a log scale', '**bold** <@123> @everyone > quote', 'a_b [x](https://y) # h ~~s~~ ||p|| \\ :smile:']) {
      const escaped = escapeMarkdown(typed);
      expect(plain(escaped)).toBe(typed);
      expect(escaped).not.toMatch(/(^|[^\\])(```|<@|@everyone)/);
    }
  });
});
