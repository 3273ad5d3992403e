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

  it('answers the same before and after it indexes its keys (a repeated key gives its first place)', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `k${i % 30}`);
    let listed = 0;
    const table = new MapMadeByKey(
      () => {
        listed++;
        return keys;
      },
      (i) => i,
    );
    // The first look-ups search the list, the later ones read an index of it: the answers agree throughout.
    for (let round = 0; round < 3; round++) {
      for (const key of ['k3', 'k29', 'k35', 'nope']) expect([table.has(key), table.get(key)]).toEqual(key === 'k35' || key === 'nope' ? [false, undefined] : [true, Number(key.slice(1))]);
      for (let i = 0; i < 10; i++) expect(table.get(`k${i + 10}`)).toBe(i + 10);
    }
    expect(listed).toBe(1);
    expect([...table.keys()]).toEqual(keys.slice(0, 30));
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
