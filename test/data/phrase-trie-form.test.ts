import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { phraseTrieForm } from '../../src/core/data/phrase-trie-form.ts';

type Phrase = { rest: string[]; value: unknown; explicit: boolean; priority: number };
type Trie = { first: Int32Array; best: (Phrase | undefined | null)[]; makeBest?: ((node: number) => Phrase | undefined) | undefined };

describe('the phrase trie snapshot form', () => {
  it('makes each best phrase on first use, equal to the stored one, with the same sharing', () => {
    const entry = { term: 'lash out', weight: -0.5, nested: { list: [1, 2] } };
    const withSet = { term: 'admit', objects: new Set(['patients']) };
    const a: Phrase = { rest: ['out'], value: entry, explicit: true, priority: 0 };
    const b: Phrase = { rest: [], value: entry, explicit: false, priority: 2 };
    const c: Phrase = { rest: ['to', 'it'], value: withSet, explicit: true, priority: 1 };
    const trie: Trie = { first: Int32Array.from([0, -1]), best: [a, undefined, a, b, c] };
    const form = phraseTrieForm<Trie>();
    const restored = form.unpack(deserialize(serialize(form.pack(trie))));
    expect(restored.first).toEqual(trie.first);
    expect(restored.best).toEqual([null, null, null, null, null]);
    const made = [0, 1, 2, 3, 4].map((node) => (restored.makeBest as (node: number) => Phrase | undefined)(node));
    expect(made).toEqual(trie.best);
    expect(restored.best).toEqual(trie.best);
    expect(made[2]).toBe(made[0]);
    expect(made[3]?.value).toBe(made[0]?.value);
    expect(serialize(made[0])).toEqual(serialize(a));
    expect((made[4]?.value as typeof withSet).objects).toEqual(new Set(['patients']));
  });

  it('stores a trie whose phrases are not plain as it is', () => {
    const odd = Object.assign(Object.create(null) as object, { rest: [], value: 1, explicit: true, priority: 0 }) as Phrase;
    const trie: Trie = { first: Int32Array.from([0]), best: [odd] };
    expect(phraseTrieForm<Trie>().pack(trie)).toBe(trie);
  });
});
