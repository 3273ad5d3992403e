import { describe, expect, it } from 'vitest';
import { foldForMatching } from '../../src/core/text/index.ts';
import { CASE, tokenIds, tokenize } from '../../src/core/text/tokens.ts';
import { codesByWordIdOnce, flagsByWordIdOnce, HASH_START, hashFinish, hashStep, hasFlag, NO_WORD, registerWord, setByWordIdOnce, tableByWordId, wordIdOf } from '../../src/core/text/vocabulary.ts';

const tokensOf = (text: string) => tokenize(text, foldForMatching(text));

// Two words with the same `ending` after four letters and the same low 16 bits of their hash: the same entry of
// the vocabulary's cache of short words (of at most 65,536 entries), told apart only by their first four units.
function sameSlot(ending: string): [string, string] {
  const seen = new Map<number, string>();
  for (let k = 0; ; k++) {
    const word = `${k.toString(26).padStart(4, '0').replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)] as string)}${ending}`;
    let hash = HASH_START;
    for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
    const slot = hashFinish(hash) & 0xffff;
    const other = seen.get(slot);
    if (other !== undefined && other !== word) return [other, word];
    seen.set(slot, word);
  }
}

describe('word ids', () => {
  it('gives a registered word one id for good, and any other word NO_WORD', () => {
    const id = registerWord('vocabulary-test-alpha');
    expect(registerWord('vocabulary-test-alpha')).toBe(id);
    expect(wordIdOf('vocabulary-test-alpha')).toBe(id);
    expect(wordIdOf('vocabulary-test-never-registered')).toBe(NO_WORD);
  });

  it('finds every word registered while the table grows, and no word one unit longer', () => {
    // Enough words to double the table (and remake its bits of known hashes) at least twice.
    const words = Array.from({ length: 70_000 }, (_, k) => `growth-${k.toString(36)}`);
    const ids = words.map(registerWord);
    expect(words.every((word, k) => wordIdOf(word) === ids[k])).toBe(true);
    expect(words.some((word) => wordIdOf(`${word}-`) !== NO_WORD)).toBe(false);
  });

  it('gives each token its form, and the form without a possessive only where it has one', () => {
    const tokens = tokensOf("The Kremlin's view, the Kremlin's aides and Moscow's");
    expect(tokens.norm).toEqual(['the', "kremlin's", 'view', 'the', "kremlin's", 'aides', 'and', "moscow's"]);
    expect(tokens.bare).toEqual(['the', 'kremlin', 'view', 'the', 'kremlin', 'aides', 'and', 'moscow']);
    expect(tokensOf('No possessive here').bare).toEqual(['no', 'possessive', 'here']);
  });

  it('reads a table by id, with the empty value for words outside it', () => {
    const table = tableByWordId(new Map([['vocabulary-test-one', 1], ['vocabulary-test-two', 2]]), 0);
    expect(table[wordIdOf('vocabulary-test-two')]).toBe(2);
    expect(table[registerWord('vocabulary-test-three')] ?? 0).toBe(0);
  });

  it('finds a word registered after the text was tokenized', () => {
    const tokens = tokensOf("Zyxwvutian's zyxwvutian fans");
    expect(tokens.ids[0]).toBe(NO_WORD);
    tableByWordId(new Map([['zyxwvutian', true]]), false);
    const id = wordIdOf('zyxwvutian');
    tokenIds(tokens);
    // The possessive form is another word; its bare form is the registered one.
    expect([tokens.ids[0], tokens.bareIds[0], tokens.ids[1], tokens.ids[2]]).toEqual([NO_WORD, id, id, NO_WORD]);
  });

  it('finds a word a phrase walk registered on its own, even when a later table by id adds no word', () => {
    // A trie walk registers its words one at a time; the negators' table built after it registers none new.
    const tokens = tokensOf('It qwxznot good');
    registerWord('qwxznot');
    setByWordIdOnce(new Set(['qwxznot']));
    tokenIds(tokens);
    expect(tokens.ids[1]).toBe(wordIdOf('qwxznot'));
  });

  it('tells apart short words a text repeats, however alike, and finds one no longer unknown once registered', () => {
    // Short words are kept in a cache between texts, keyed by their units packed in three ints: words one unit
    // longer, differing only in their first four units of eight or twelve, or with a letter above U+00FF must not
    // read another's id.
    const words = ['qzab', 'qzabc', 'qzabcd', 'qzabcdef', 'qzabcdeg', 'qzabcdefg', 'qzcafé', 'qzcafe', 'qzağa', 'qzaga', 'qzabcdefghij', 'qzabcdefghik', 'qzabcdefghijk', ...sameSlot('qzsl'), ...sameSlot('qzslotab')];
    const ids = words.map(registerWord);
    expect(new Set(ids).size).toBe(words.length);
    const text = words.map((word) => word.toUpperCase()).join(' ');
    for (let round = 0; round < 2; round++) expect(Array.from(tokensOf(text).ids)).toEqual(ids);
    // Read as unknown (and cached so), then registered: a later text must find it.
    expect(tokensOf('qzlate qzlate').ids[1]).toBe(NO_WORD);
    const late = registerWord('qzlate');
    expect(Array.from(tokensOf('qzlate QZLATE').ids)).toEqual([late, late]);
    expect(tokensOf('qzlate').norm).toEqual(['qzlate']);
  });

  it('does not read a string with a unit 0 as the word without it', () => {
    // "\0" + word packs like word itself: a word cached by a text, whose cache slot (of at most 65,536 entries) the
    // longer string shares, must not answer for it (registerWord and wordIdOf take any string, not only words).
    const slot = (form: string): number => {
      let hash = HASH_START;
      for (let i = 0; i < form.length; i++) hash = hashStep(hash, form.charCodeAt(i));
      return hashFinish(hash) & 0xffff;
    };
    let word = '';
    for (let k = 0; word === ''; k++) {
      const candidate = `qzn${k.toString(36).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)] as string)}`;
      if (slot(candidate) === slot(`\u0000${candidate}`)) word = candidate;
    }
    const id = registerWord(word);
    expect(Array.from(tokensOf(`${word} ${word}`).ids)).toEqual([id, id]);
    expect(wordIdOf(`\u0000${word}`)).toBe(NO_WORD);
    expect(registerWord(`\u0000${word}`)).not.toBe(id);
  });
});

describe('word lists as bits by id', () => {
  it('sets bit k for the words of list k, and reads a word registered later (past the bytes) as in none', () => {
    const connectors = new Set(['flags-test-of', 'flags-test-and']);
    const small = new Set(['flags-test-of', 'flags-test-a']);
    const flags = flagsByWordIdOnce([connectors, small]);
    expect(flagsByWordIdOnce([connectors, small])).toBe(flags);
    const bits = (word: string) => [hasFlag(flags, wordIdOf(word), 1), hasFlag(flags, wordIdOf(word), 2)];
    expect([bits('flags-test-of'), bits('flags-test-and'), bits('flags-test-a')]).toEqual([[true, true], [true, false], [false, true]]);
    const later = registerWord('flags-test-registered-later');
    expect(later).toBeGreaterThanOrEqual(flags.length);
    expect([hasFlag(flags, later, 1), hasFlag(flags, later, 2), hasFlag(flags, NO_WORD, 1)]).toEqual([false, false, false]);
  });

  it('registers a listed word new to the vocabulary, so that a text tokenized before finds it', () => {
    const tokens = tokensOf('the qwxzflag word');
    expect(tokens.ids[1]).toBe(NO_WORD);
    const flags = flagsByWordIdOnce([new Set(['qwxzflag'])]);
    tokenIds(tokens);
    expect(hasFlag(flags, tokens.ids[1] as number, 1)).toBe(true);
  });

  it('codes a table of a few values as 1 + the index of each word\'s value, 0 for any other word', () => {
    const codes = codesByWordIdOnce(new Map([['codes-test-fear', 'clause'], ['codes-test-back', 'object']]), ['object', 'clause']);
    expect([codes[wordIdOf('codes-test-fear')], codes[wordIdOf('codes-test-back')]]).toEqual([2, 1]);
    expect(registerWord('codes-test-later')).toBeGreaterThanOrEqual(codes.length);
    expect(() => codesByWordIdOnce(new Map([['codes-test-odd', 'other']]), ['object'])).toThrow(/not among the codes/);
  });
});

describe('case shape', () => {
  it('notes how each word starts and counts its letters and capitals, outside ASCII too', () => {
    const tokens = tokensOf('NATO said Émile és 3rd ÅSA');
    const starts = Array.from(tokens.shape, (shape) => ((shape & CASE.upperStart) !== 0 ? 'upper' : (shape & CASE.lowerStart) !== 0 ? 'lower' : 'other'));
    expect(starts).toEqual(['upper', 'lower', 'upper', 'lower', 'other', 'upper']);
    expect(Array.from(tokens.letters)).toEqual([4, 4, 5, 2, 2, 3]);
    expect(Array.from(tokens.capitals)).toEqual([4, 0, 1, 0, 0, 3]);
  });
});
