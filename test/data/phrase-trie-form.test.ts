import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { phraseTrieForm } from '../../src/core/data/phrase-trie-form.ts';

type Trie = { first: Int32Array; best: unknown[]; makeBest?: ((node: number) => unknown) | undefined };

describe('the phrase trie snapshot form', () => {
  it('makes each best entry on first use, equal to the stored one, with the same sharing', () => {
    const entry = { term: 'lash out', weight: -0.5, nested: { list: [1, 2] } };
    const withSet = { term: 'admit', objects: new Set(['patients']) };
    const other = { term: 'lash', weight: -0.2 };
    const trie: Trie = { first: Int32Array.from([0, -1]), best: [entry, undefined, entry, other, withSet] };
    const form = phraseTrieForm<Trie>();
    const restored = form.unpack(deserialize(serialize(form.pack(trie))));
    expect(restored.first).toEqual(trie.first);
    expect(restored.best).toEqual([null, null, null, null, null]);
    const made = [0, 1, 2, 3, 4].map((node) => (restored.makeBest as (node: number) => unknown)(node));
    expect(made).toEqual(trie.best);
    expect(restored.best).toEqual(trie.best);
    expect(made[2]).toBe(made[0]);
    expect(serialize(made[0])).toEqual(serialize(entry));
    expect((made[4] as typeof withSet).objects).toEqual(new Set(['patients']));
  });

  it('stores a trie with an entry of null (the mark of one not made) as it is', () => {
    const trie: Trie = { first: Int32Array.from([0]), best: [null] };
    expect(phraseTrieForm<Trie>().pack(trie)).toBe(trie);
  });
});
