import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.ts';
import { findingRows } from '../helpers.ts';

// Sentences written for this test. The British spelling or irregular form of an entry must find what the
// American or regular one finds (they once sat in the entry's note, where nothing read them).
describe('spelling variants and irregular forms count as their entry', () => {
  it.each([
    ['The ministers politicised the inquiry.', 'loaded/politicize'],
    ['Critics of the plan were ostracised by the party.', 'loaded/ostracize'],
    ['The demonisation of migrants continued.', 'loaded/demonization'],
    ['Pensioners got a meagre rise.', 'loaded/meager'],
    ['It was an unsavoury deal.', 'loaded/unsavory'],
    ['The envoy called it a dishonourable retreat.', 'loaded/dishonorable'],
    ['The two firms have a cosy relationship.', 'loaded/cozy'],
    ['The bill was a phoney compromise.', 'loaded/phony'],
    ['The cuts imperilled the clinic.', 'loaded/imperil'],
    ['Residents were browbeaten into agreeing.', 'loaded/browbeat'],
    ['Local nimbys opposed the housing plan.', 'label/nimby'],
  ])('%s', (text, rule) => {
    expect(findingRows(analyze(text)).map((row) => row.split(' ')[0])).toContain(rule);
  });
});
