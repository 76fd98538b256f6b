import { describe, expect, it } from 'vitest';
import { commentSegments, mentionToken } from './comment-text';

const zhao = 'usr_0123456789abcdef';
const gone = 'usr_fedcba9876543210';

describe('commentSegments', () => {
  it('splits mentions out of the text with their names', () => {
    expect(commentSegments(`Ask ${mentionToken(zhao)} about it`, new Map([[zhao, 'Nurse Zhao']]))).toEqual([
      { kind: 'text', text: 'Ask ' },
      { kind: 'mention', userId: zhao, name: 'Nurse Zhao' },
      { kind: 'text', text: ' about it' },
    ]);
  });

  it('keeps a mention nobody named without a name, and text that only looks like one as text', () => {
    expect(commentSegments(`${mentionToken(gone)}@[usr_short]`, new Map())).toEqual([
      { kind: 'mention', userId: gone, name: undefined },
      { kind: 'text', text: '@[usr_short]' },
    ]);
  });

  it('gives plain text back whole', () => {
    expect(commentSegments('no mentions', new Map())).toEqual([{ kind: 'text', text: 'no mentions' }]);
  });
});
