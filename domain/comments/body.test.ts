import { describe, expect, it } from 'vitest';
import { commentBodySchema, commentMaxLength, commentSegments, mentionedNames } from './body.ts';

describe('comment text', () => {
  it('refuses empty and over-long comments with a message key', () => {
    expect(commentBodySchema.safeParse('   \n ').error?.issues[0]?.message).toBe('errors.comment.empty');
    expect(commentBodySchema.safeParse('x'.repeat(commentMaxLength + 1)).error?.issues[0]?.message).toBe('errors.comment.tooLong');
    expect(commentBodySchema.safeParse(42).success).toBe(false);
  });

  it('keeps newlines, drops control characters, trims', () => {
    expect(commentBodySchema.parse('  one\r\ntwo\u0007  ')).toBe('one\ntwo');
  });

  it('finds each mentioned name once', () => {
    expect(mentionedNames('@[Olena Kovalenko] and @[Taras] and again @[Olena Kovalenko]')).toEqual(['Olena Kovalenko', 'Taras']);
    expect(mentionedNames('an email@example.org is no mention')).toEqual([]);
  });

  it('cuts text into text, mentions and links; markup stays text', () => {
    expect(commentSegments('See https://www.iom.int/idm, @[Taras]. <b>x</b>')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', href: 'https://www.iom.int/idm' },
      { kind: 'text', text: ', ' },
      { kind: 'mention', name: 'Taras' },
      { kind: 'text', text: '. <b>x</b>' },
    ]);
    expect(commentSegments('javascript:alert(1)')).toEqual([{ kind: 'text', text: 'javascript:alert(1)' }]);
  });
});
