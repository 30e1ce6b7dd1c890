import { describe, expect, it } from 'vitest';
import { ParseError, parseCommandLine, tokenize } from '../src/console/parse.js';

describe('console command parsing', () => {
  it('reads options, quoted text and subcommands', () => {
    expect(parseCommandLine('/explain topic:learning-rate level:2')).toEqual({
      command: 'explain',
      subcommand: null,
      options: { topic: 'learning-rate', level: '2' },
    });
    expect(parseCommandLine('/ask question:"why is learning rate on a log scale"').options).toEqual({
      question: 'why is learning rate on a log scale',
    });
    expect(parseCommandLine('/settings set daily-time:09:30 timezone:Europe/Paris')).toEqual({
      command: 'settings',
      subcommand: 'set',
      options: { 'daily-time': '09:30', timezone: 'Europe/Paris' },
    });
  });

  it('lets unquoted words run on into the previous option, like Discord’s text box', () => {
    expect(parseCommandLine('/ask question:why a log scale').options).toEqual({ question: 'why a log scale' });
  });

  it('explains what is wrong with a malformed line', () => {
    expect(() => parseCommandLine('explain')).toThrow(ParseError);
    expect(() => tokenize('/ask question:"open')).toThrow('A quote is not closed');
    expect(() => parseCommandLine('/settings set extra')).toThrow('I did not understand “extra”');
  });
});
