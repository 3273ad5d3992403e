import { describe, expect, it } from 'vitest';
import { reportedRowsOf } from './render.ts';

describe('a name with words before it, then a long appositive, then the speech verb', () => {
  it.each([
    ['a place and a role before the name', 'Maine delegate Anna Berg, wearing a yellow coat and a harbour badge, said the ferry was late.', ['indirect Maine delegate Anna Berg|said|the ferry was late']],
    ['a role before the name', 'Harbour captain Tom Holt, 62, a former sailor, said on Monday the pier was unsafe.', ['indirect Harbour captain Tom Holt, 62|said|the pier was unsafe']],
    ['the name alone still works', 'Anna Berg, wearing a yellow coat and a harbour badge, said the ferry was late.', ['indirect Anna Berg|said|the ferry was late']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRowsOf(text)).toEqual(expected);
  });
});
