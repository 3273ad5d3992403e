import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cueFamily, cueLemma, FAMILY_LEMMAS, loadPolnear, toPolnearPredicted } from '../../scripts/eval/polnear.ts';

describe('cueLemma and cueFamily', () => {
  it.each([
    ['said', 'say', 'speech verbs'],
    ['has also said', 'say', 'speech verbs'],
    ['told reporters', 'tell', 'speech verbs'],
    ['noted', 'note', 'speech verbs'],
    ['Tweeted', 'tweet', 'speech verbs'],
    ['according to', 'according to', 'according to'],
    ['According', 'according to', 'according to'],
    ['believes', 'believe', 'belief/attitude verbs'],
    ["doesn't want", 'want', 'belief/attitude verbs'],
    ['is expected', 'expect', 'belief/attitude verbs'],
    ['shows', 'show', 'document and poll sources'],
    ['found', 'find', 'document and poll sources'],
    [':', ':', 'colon/dash'],
    ['—', '—', 'colon/dash'],
    ['in', 'in', 'other'],
    ['reportedly', 'reportedly', 'other'],
  ])('%j has lemma %j in family %s', (cue, lemma, family) => {
    expect(cueLemma(cue)).toBe(lemma);
    expect(cueFamily(cueLemma(cue))).toBe(family);
  });

  it('puts each lemma in one family only', () => {
    const all = Object.values(FAMILY_LEMMAS).flat();
    expect(all.filter((lemma, i) => all.indexOf(lemma) !== i)).toEqual([]);
  });
});

describe('loadPolnear', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slant-polnear-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const text = 'Harbour plan approved\n\n"It will open in May," the mayor said. Critics believe it will cost more.';
  const at = (part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
  const record = {
    id: 'polnear-test-1',
    text,
    title: 'Harbour plan approved',
    attributions: [
      { id: 'E1', type: 'Attribution', source: [at('the mayor')], cue: [at('said')], content: [at('It will open in May,')] },
      { id: 'E2', type: 'Attribution', source: [at('Critics')], cue: [at('believe')], content: [at('it will cost more')] },
    ],
  };

  it('reads records as fragment lists with the cue text, lemma and family', () => {
    const path = join(dir, 'good.jsonl');
    writeFileSync(path, `${JSON.stringify(record)}\n${JSON.stringify({ ...record, id: 'polnear-test-2' })}\n`);
    const articles = loadPolnear(path);
    expect(articles?.map((a) => a.id)).toEqual(['polnear-test-1', 'polnear-test-2']);
    const [said, believe] = articles?.[0]?.gold ?? [];
    expect(said).toMatchObject({ cueText: 'said', lemma: 'say', family: 'speech verbs', source: [at('the mayor')] });
    expect(believe).toMatchObject({ cueText: 'believe', lemma: 'believe', family: 'belief/attitude verbs' });
    expect(loadPolnear(path, 1)).toHaveLength(1);
  });

  it('returns undefined for a missing file and names the line of a span outside the text', () => {
    expect(loadPolnear(join(dir, 'absent.jsonl'))).toBeUndefined();
    const path = join(dir, 'bad.jsonl');
    const broken = { ...record, attributions: [{ ...record.attributions[0], content: [{ start: 10, end: 999 }] }] };
    writeFileSync(path, `${JSON.stringify(record)}\n${JSON.stringify(broken)}\n`);
    expect(() => loadPolnear(path)).toThrow(/bad\.jsonl:2: E1 has span \[10, 999\) outside the text/);
  });
});

describe('toPolnearPredicted', () => {
  it('turns present spans into one-fragment lists and null into an empty list', () => {
    expect(toPolnearPredicted({ content: { start: 1, end: 9 }, cue: null, speaker: { start: 12, end: 15 } })).toEqual({
      content: [{ start: 1, end: 9 }],
      cue: [],
      speaker: [{ start: 12, end: 15 }],
    });
  });
});
