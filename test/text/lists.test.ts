import { describe, expect, it } from 'vitest';
import { listOf } from '../../src/core/text/lists.ts';

describe('listOf', () => {
  // The report's paragraphs are made by a callback that moves cursors through the article: it must be called
  // once an index, in order, however long the list (short lists and long ones are made differently).
  it.each([0, 1, 15_999, 16_000, 40_000])('calls its maker once an index, in order, for %i entries', (length) => {
    const calls: number[] = [];
    const list = listOf(length, (i) => {
      calls.push(i);
      return i * 2;
    });
    expect(list.length).toBe(length);
    expect(calls.every((value, i) => value === i)).toBe(true);
    expect(calls.length).toBe(length);
    expect(list.every((value, i) => value === i * 2)).toBe(true);
  });
});
