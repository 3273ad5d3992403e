import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.ts';
import { matchAt, type WeightedRef } from '../../src/core/data/index.ts';
import { segmentArticle } from '../../src/core/text/index.ts';
import { findingRows, lexicons, renderFindings } from '../helpers.ts';

describe('loaded language, rendered as linter lines', () => {
  it.each([
    [
      'labels and slanted verbs in the outlet\'s voice',
      'The regime slammed the reform.',
      ['1:5-1:11  label/regime  author  Label `regime`; a neutral wording: `government`', '1:12-1:19  reporting-verb/slam  author  Slanted reporting verb `slammed`; a neutral wording: `criticize`'],
    ],
    [
      'the same words inside a quotation belong to the speaker',
      '"The regime slammed the reform," she said.',
      ['1:6-1:12  label/regime  quoted  Label `regime`; a neutral wording: `government`', '1:13-1:20  reporting-verb/slam  quoted  Slanted reporting verb `slammed`; a neutral wording: `criticize`'],
    ],
    ['inflected forms and multi-word phrases, possessives included', "The Kremlin's red lines were crossed.", ['1:15-1:24  loaded/red line  author  Emotive word `red lines`; a neutral wording: `limit`']],
    ['a negated word is still found, and marked', 'The plan is not aggressive.', ['1:17-1:27  loaded/aggressive  author negated  Emotive word `aggressive`; a neutral wording: `assertive`']],
  ])('%s', (_name, text, expected) => {
    expect(renderFindings(analyze(text))).toEqual(expected);
  });
});

describe('categories', () => {
  it.each([
    ['Critics say the so-called reform failed.', ['vague-attribution/critics say author "Critics say"', 'distancing/so-called author "so-called"']],
    ['It was an absolutely unprecedented, very brutal crackdown.', ['absolute/absolutely author "absolutely"', 'hyperbole/unprecedented author "unprecedented"', 'intensifier/very author "very"', 'loaded/brutal author "brutal"', 'loaded/crackdown author "crackdown"']],
    ['The minister admitted the plan had failed.', ['reporting-verb/admit author "admitted"']],
    ['Officials clearly hoped the talks would perhaps resume.', ['booster/clearly author "clearly"', 'hedge/perhaps author "perhaps"']],
    ['The minister said the plan had failed.', []],
  ])('%s', (text, expected) => {
    expect(findingRows(analyze(text))).toEqual(expected);
  });
});

describe('the writer\'s judgement in a word: reactions told as temper, motives implied, events named as scandals', () => {
  it.each([
    ['a reaction told as temper', 'The senator bristled at the question.', ['loaded/bristle author "bristled" -']],
    ['an adverb implying a motive', 'The report conveniently left out the costs.', ['loaded/conveniently author "conveniently" -']],
    ['a neutral wording where one stands in place', 'Aides orchestrated the rally and the figures were erroneously reported.', ['loaded/orchestrate author "orchestrated" organize', 'loaded/erroneously author "erroneously" incorrectly']],
    ['a plural phrase', 'The show spread conspiracy theories about the vote.', ['loaded/conspiracy theory author "conspiracy theories" -']],
    ['inside a quotation the word is the speaker\'s', '"This is payback," the mayor said.', ['loaded/payback quoted "payback" -']],
  ])('%s', (_name, text, expected) => {
    const rows = analyze(text).paragraphs.flatMap((p) => p.findings).map((f) => `${f.rule} ${f.voice} "${f.text}" ${f.suggestion ?? '-'}`);
    expect(rows).toEqual(expected);
  });
});

describe('word classes added in loaded.jsonl 1.5.0: conduct, emotion ascribed, figurative attack', () => {
  it.each([
    ['an evaluative adjective of conduct, and its -ly adverb from the same entry', 'The dismissive minister answered dismissively.', ['loaded/dismissive author "dismissive"', 'loaded/dismissive author "dismissively"']],
    ['an emotion the writer ascribes to an actor', 'Aides were aghast at the figures.', ['loaded/aghast author "aghast"']],
    ['an attack idiom in the past, as one finding', 'The governor took a swipe at the council.', ['loaded/take a swipe at author "took a swipe at"']],
    ['an idiom whose object sits inside it is caught by its fixed tail', 'The party threw its candidate under the bus.', ['loaded/under the bus author "under the bus"']],
    ['the literal phrase that holds a listed word is not loaded', 'The farm was fenced with barbed wire.', []],
  ])('%s', (_name, text, expected) => {
    const rows = analyze(text).paragraphs.flatMap((p) => p.findings).map((f) => `${f.rule} ${f.voice} "${f.text}"`);
    expect(rows).toEqual(expected);
  });
});

describe('reporting verbs: the outlet\'s wording, not the act it reports', () => {
  it.each([
    ['naming the act is how news reports it: no finding', 'The minister accused the police of beating the crowd. The police denied it and warned of arrests.', []],
    ['so is dismissing, rejecting, condemning', 'The ministry dismissed the report, rejected the offer and condemned the strike.', []],
    ['a verb that presupposes the content is true', 'The minister admitted that the plan had failed.', ['reporting-verb/admit author "admitted" said']],
    ['a verb that undercuts it', 'The minister claimed that the plan had worked.', ['reporting-verb/claim author "claimed" said']],
    ['the same, as a quotation\'s tag', '"It failed," the minister conceded.', ['reporting-verb/concede author "conceded" said']],
    ['no wording where said would not stand in place', 'The minister admitted to the affair and insisted on a vote.', ['reporting-verb/admit author "admitted" -', 'reporting-verb/insist author "insisted" -']],
    ['nor where the tense would change', 'The minister claims that the plan works.', ['reporting-verb/claim author "claims" -']],
    ['a vivid verb for the act takes the same object as its neutral wording', 'The senator lambasted the plan.', ['reporting-verb/lambast author "lambasted" criticize']],
    ['none when the match leaves out the preposition it needs', 'The senator lashed out at the plan.', ['reporting-verb/lash out author "lashed out" -']],
  ])('%s', (_name, text, expected) => {
    const rows = analyze(text).paragraphs.flatMap((p) => p.findings).map((f) => `${f.rule} ${f.voice} "${f.text}" ${f.suggestion ?? '-'}`);
    expect(rows).toEqual(expected);
  });
});

describe('weak categories kept to what signals a writer\'s choice', () => {
  it.each([
    ['scheduling is not hedging', 'The two leaders are expected to meet on Monday.', []],
    ['nor are the bare modals', 'The talks could resume, and a deal may follow, or it might not.', []],
    ['nor the approximate figure', 'Roughly 200 people, an estimated third of them children, were largely unharmed.', []],
    ['a writer withholding commitment still is', 'The talks will perhaps resume, and the plan apparently failed.', ['hedge/perhaps author "perhaps"', 'hedge/apparently author "apparently"']],
    ['the ordinary sourcing formulas are attribution, not weasel words', 'Officials said, on condition of anonymity, that people familiar with the talks agreed.', []],
    ['an unnamed consensus is still vague', 'Some say the plan failed.', ['vague-attribution/some say author "Some say"']],
    ['the legal convention of crime copy', 'The alleged gunman allegedly fled.', []],
    ['doubt cast by the writer', 'The so-called reform passed.', ['distancing/so-called author "so-called"']],
    ['turned out is no booster', 'The talks proved difficult.', []],
  ])('%s', (_name, text, expected) => {
    expect(findingRows(analyze(text))).toEqual(expected);
  });
});

describe('the evaluative word list subjectivity reads (subjective.jsonl)', () => {
  it.each([
    ['a count is no numb comparative', 'A number of troops arrived.', []],
    ['a time is no evaluation', 'The troops arrived earlier this week.', []],
    ['an evaluative adjective still is', 'The numb survivors waited.', ['numb']],
  ])('%s', (_name, text, expected) => {
    const article = segmentArticle(text, lexicons.abbreviations);
    const scratch: WeightedRef[] = [];
    const found: string[] = [];
    for (let t = 0; t < article.tokens.count; t++) if (matchAt(lexicons.subjective, article.tokens, t, article.tokens.count, scratch) > 0) found.push(scratch[0]?.term ?? '');
    expect(found).toEqual(expected);
  });
});

describe('domain jargon', () => {
  it('does not count "plunged" in a markets story, but lists it as exempt', () => {
    const report = analyze('Shares plunged 5 percent as investors fled the Nasdaq.');
    expect(findingRows(report)).toEqual([]);
    expect(report.paragraphs[0]?.exempted.map((e) => `${e.rule} ${e.domain} "${e.text}"`)).toEqual(['loaded/plunge markets "plunged"']);
  });

  it('counts the same word outside the domain', () => {
    expect(findingRows(analyze('Support for the plan plunged after the vote.'))).toEqual(['loaded/plunge author "plunged"']);
  });

  it('does not count an "aggressive" tumour', () => {
    expect(findingRows(analyze('Doctors found an aggressive tumour in the patient.'))).toEqual([]);
  });
});

describe('scare quotes', () => {
  it.each([
    ['a short quote with no speaker', 'The council approved its "reform" on Monday.', ['scare-quote/short-unattributed-quote author ""reform""']],
    ['a mixed quote after a reporting verb', 'Mr. Dale said the reform was "a mess" on Monday.', []],
    ['a quote the speaker tag follows', '"Later," Ms. Lee said.', []],
    ['a quote after a colon', 'The sign read: "closed".', []],
    ['a quote inside what a later reporting verb attributes', 'Its "reform" was sold to voters across the county for months, critics said.', ['vague-attribution/critics say author "critics said"']],
  ])('%s', (_name, text, expected) => {
    expect(findingRows(analyze(text))).toEqual(expected);
  });
});

describe('scores', () => {
  it('saturates: doubling a loaded paragraph\'s length does not raise its score', () => {
    const once = 'The regime slammed the disgraceful, reckless reform. ';
    const short = analyze(once).paragraphs[0]?.loadedLanguage ?? 0;
    const long = analyze(once.repeat(20)).paragraphs[0]?.loadedLanguage ?? 0;
    expect(long).toBeLessThan(1);
    expect(long).toBeGreaterThan(short);
    expect(analyze(once.repeat(40)).paragraphs[0]?.loadedLanguage).toBeCloseTo(long, 1);
  });

  it('keeps quoted findings out of the outlet’s density and weight, reports them apart, and counts them at half in the score', () => {
    const report = analyze('"This is a disgraceful, reckless betrayal," the senator said.');
    const outletVoice = analyze('This is a disgraceful, reckless betrayal, the senator said.');
    expect(report.summary.loadedLanguage).toMatchObject({ density: 0, weight: 0 });
    expect(report.summary.loadedLanguage.quoted.score).toBeGreaterThan(0);
    expect(report.summary.loadedLanguage.score).toBeGreaterThan(0);
    expect(report.summary.loadedLanguage.score).toBeLessThan(outletVoice.summary.loadedLanguage.score);
    expect(report.summary.loadedLanguage.counts.byVoice).toEqual({ author: 0, reported: 0, quoted: 3 });
  });

  it('a neutral wire sentence scores lower than a partisan one', () => {
    const neutral = analyze('The council approved a $48 million budget on Tuesday, city records show.');
    const partisan = analyze('The radical council rammed through a bloated, reckless budget on Tuesday.');
    expect(partisan.summary.loadedLanguage.score).toBeGreaterThan(neutral.summary.loadedLanguage.score + 0.15);
  });
});

describe('subjectivity', () => {
  it.each([
    ['I think we must act now, and frankly the plan is a disgrace!', (s: number) => s > 0.5],
    ['The council approved the budget on Tuesday by five votes to two.', (s: number) => s < 0.5],
    ['She said: "I think we must act now, and frankly the plan is a disgrace!"', (s: number) => s < 0.5],
  ])('%s', (text, check) => {
    expect(check(analyze(text).summary.subjectivity.score)).toBe(true);
  });

  it('explains its score with cues that point into the text', () => {
    const report = analyze('Sadly, I think the plan is a disgrace.');
    const cues = report.paragraphs[0]?.subjectivityCues ?? [];
    expect(cues.map(([start, end]) => report.text.slice(start, end))).toEqual(expect.arrayContaining(['Sadly', 'I think']));
    expect(cues.every(([, , weight]) => weight > 0)).toBe(true);
  });
});
