import { describe, expect, it } from 'vitest';
import { groupedBy, joined, listOf, listToFill } from '../../src/core/text/lists.ts';

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

describe('joined', () => {
  const range = (from: number, length: number): number[] => Array.from({ length }, (_, i) => from + i);
  // The attribution passes' findings are joined this way: every entry once, in list order, empty lists anywhere.
  it.each([
    [[3, 0, 4]],
    [[0, 0, 0]],
    [[0, 20_000, 0, 1]],
    [[10_000, 10_000]],
    [[1, 0, 0]],
  ])('lists every entry in order for lists of %j entries', (lengths) => {
    const lists: number[][] = [];
    let from = 0;
    for (const length of lengths) {
      lists.push(range(from, length));
      from += length;
    }
    expect([...joined(...lists)]).toEqual(range(0, from));
  });

  it('hands back a long list that is the only one with entries without copying it, and leaves the lists as they were', () => {
    const only = range(0, 20_000);
    expect(joined([], only, [])).toBe(only);
    const short = [1, 2, 3];
    const copy = joined([], short);
    expect(copy).not.toBe(short);
    expect(copy).toEqual(short);
    const a = [1];
    const b = [2];
    expect(joined(a, b)).toEqual([1, 2]);
    expect(a).toEqual([1]);
    expect(b).toEqual([2]);
  });
});

describe('groupedBy', () => {
  // The report hands each paragraph its findings and attributions this way; a long group is made differently.
  it.each([
    ['few entries', [2, 0, 2, 5, 0, -1, 9]],
    ['one long group among short ones', [...Array.from({ length: 20_000 }, (_, i) => (i % 7 === 3 ? 1 : 0)), 2, 0, 7]],
  ])('keeps each key\'s entries in order, none for other keys: %s', (_name, keys) => {
    const groups = groupedBy(keys.length, 3, (i) => keys[i] as number, (i) => `#${i}`);
    expect(groups.length).toBe(3);
    for (let key = 0; key < 3; key++) {
      const expected = keys.flatMap((k, i) => (k === key ? [`#${i}`] : []));
      expect(groups[key]).toEqual(expected.length === 0 ? undefined : expected);
    }
  });
});

describe('listToFill', () => {
  // The report's per-paragraph lists are filled this way: written in order, they hold exactly what was written.
  it.each([0, 3, 15_999, 16_000, 40_000])('holds %i entries written in order', (length) => {
    const list = listToFill<number>(length);
    for (let i = 0; i < length; i++) list[i] = i * 3;
    expect(list.length).toBe(length);
    expect(list.every((value, i) => value === i * 3)).toBe(true);
  });
});

describe('listToFill, long lists one after another', () => {
  // Long lists are copies of one run of undefined entries kept by the module: what a caller writes into one
  // list must never show in the next, shorter or longer, nor in a list past the run's longest length.
  it('hands out fresh undefined entries after a list was filled, at any length', () => {
    for (const length of [40_000, 20_000, 100_000, 40_000, 300_000, 16_000]) {
      const list = listToFill<number>(length);
      expect(list.length).toBe(length);
      expect(list.every((value) => value === undefined)).toBe(true);
      for (let i = 0; i < length; i++) list[i] = i + 1;
    }
  });
});
