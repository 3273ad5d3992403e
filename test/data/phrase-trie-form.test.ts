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

  it('gives back entries with every field, in order, where JSON leaves the undefined ones out (one shape for readers)', () => {
    const plain = { term: 'regime', weight: 1, alt: undefined, exempt: undefined, objects: undefined };
    const withAlt = { term: 'slammed', weight: 1, alt: 'criticised', exempt: undefined, objects: undefined };
    const withSet = { term: 'admit', weight: 0, alt: undefined, exempt: undefined, objects: new Set(['patients']) };
    const trie: Trie = { first: Int32Array.from([0]), best: [plain, withAlt, undefined, withSet] };
    const form = phraseTrieForm<Trie>();
    const restored = form.unpack(deserialize(serialize(form.pack(trie))));
    const made = [0, 1, 2, 3].map((node) => (restored.makeBest as (node: number) => unknown)(node));
    for (const node of [0, 1, 3]) {
      expect(made[node]).toStrictEqual(trie.best[node]);
      expect(Object.keys(made[node] as object)).toEqual(['term', 'weight', 'alt', 'exempt', 'objects']);
    }
    expect(made[2]).toBeUndefined();
    // An entry of other keys than the rest's leaves every entry as JSON gives it back.
    const mixed: Trie = { first: Int32Array.from([0]), best: [{ term: 'a' }, { term: 'b', weight: 1 }] };
    const back = form.unpack(deserialize(serialize(form.pack(mixed))));
    expect([0, 1].map((node) => (back.makeBest as (node: number) => unknown)(node))).toEqual(mixed.best);
  });

  it('stores a trie with an entry of null (the mark of one not made) as it is', () => {
    const trie: Trie = { first: Int32Array.from([0]), best: [null] };
    expect(phraseTrieForm<Trie>().pack(trie)).toBe(trie);
  });
});
