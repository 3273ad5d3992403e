import { describe, expect, it } from 'vitest';
import { MapMadeByKey, MapReadOnFirstUse } from '../../src/core/data/map-read-on-first-use.ts';

describe('tables filled on first use', () => {
  it('reads a stored-apart table only when it is first asked, then reads like a plain Map', () => {
    let loads = 0;
    const table = new MapReadOnFirstUse(() => {
      loads++;
      return new Map([['a', 1], ['b', 2]]);
    });
    expect(loads).toBe(0);
    expect(table.get('b')).toBe(2);
    expect(table.has('c')).toBe(false);
    table.set('c', 3);
    expect([...table]).toEqual([['a', 1], ['b', 2], ['c', 3]]);
    expect(loads).toBe(1);
  });

  it('makes only the values asked for, keeps them, and fills in key order when iterated or changed', () => {
    const made: number[] = [];
    const keys = ['x', 'y', 'z'];
    const table = new MapMadeByKey(
      () => keys,
      (i) => {
        made.push(i);
        return { key: keys[i] };
      },
    );
    const y = table.get('y');
    expect(made).toEqual([1]);
    expect(table.has('z')).toBe(true);
    expect(table.get('nope')).toBeUndefined();
    expect(made).toEqual([1]);
    expect(table.size).toBe(3);
    expect([...table.keys()]).toEqual(['x', 'y', 'z']);
    expect(table.get('y')).toBe(y);
    expect(made).toEqual([1, 0, 2]);
    expect(table.delete('x')).toBe(true);
    expect([...table.values()].map((v) => v.key)).toEqual(['y', 'z']);
  });

  it('cleared before use, a table makes nothing and stays empty', () => {
    let calls = 0;
    const table = new MapMadeByKey(
      () => {
        calls++;
        return ['a'];
      },
      () => 1,
    );
    table.clear();
    expect(table.size).toBe(0);
    expect(table.get('a')).toBeUndefined();
    expect(calls).toBe(0);
  });
});
