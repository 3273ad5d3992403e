import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_WORD, loadLexicons, matchAt, type PhraseCandidate } from '../../../src/core/data/index.ts';
import { GATE, mayMatchAt, phraseGates } from '../../../src/core/metrics/attribution/phrase-gates.ts';
import { maskTokens } from '../../../src/core/metrics/token-masks.ts';
import { segmentArticle } from '../../../src/core/text/index.ts';

const CORPUS = join(import.meta.dirname, '../../../corpus');
const OWN = [
  'The Kremlin\u2019s spokesman declined to comment. According to the U.S. State Department, North Korean officials spoke on condition of anonymity.',
  'Press Secretary Anna Berg said the White House had no comment; the European Union\u2019s foreign policy chief, Josep Borrell, told reporters he would not comment.',
];

describe('phrase gates', () => {
  it('never refuse a match the index makes, at any token of the corpus or of our sentences', () => {
    const lexicons = loadLexicons();
    const indexes = [
      [lexicons.actorIndex, FIRST_WORD.actor, GATE.actor],
      [lexicons.titles, FIRST_WORD.title, GATE.title],
      [lexicons.demonymIndex, FIRST_WORD.demonym, GATE.demonym],
      [lexicons.anonymity, FIRST_WORD.anonymity, GATE.anonymity],
      [lexicons.nonResponses, FIRST_WORD.nonResponse, GATE.nonResponse],
      [lexicons.cues, FIRST_WORD.cue, GATE.cue],
    ] as const;
    const texts = [...OWN, ...readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(CORPUS, f), 'utf8'))];
    const scratch: PhraseCandidate<unknown>[] = [];
    let matches = 0;
    let spared = 0;
    for (const text of texts) {
      const article = segmentArticle(text, lexicons.abbreviations);
      const masks = maskTokens(article, lexicons);
      const gates = phraseGates(article, lexicons);
      const { tokens } = article;
      for (let t = 0; t < tokens.count; t++) {
        for (const [index, first, gate] of indexes) {
          if (((masks[t] as number) & first) === 0) continue;
          const found = matchAt(index as Parameters<typeof matchAt>[0], tokens, t, tokens.count, scratch) > 0;
          const may = mayMatchAt(gates, tokens.breakBefore, gate, t, tokens.count);
          if (found) matches++;
          if (!may) spared++;
          if (found) expect(may, `${index === lexicons.cues ? 'cue' : 'index'} at "${tokens.norm[t]} ${tokens.norm[t + 1] ?? ''}"`).toBe(true);
        }
      }
    }
    // The gate is worth having only if it spares walks; and the texts exercise it.
    expect(matches).toBeGreaterThan(100);
    expect(spared).toBeGreaterThan(matches);
  });
});
