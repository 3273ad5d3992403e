import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, segmentArticle, sentenceAt } from '../../src/index.ts';
import { foldForMatching } from '../../src/core/text/index.ts';
import { lexicons, quotesOf, sentencesOf } from '../helpers.ts';

describe('sentence splitting', () => {
  it.each([
    ['titles and initials', 'Mr. Smith met Rep. Jane Doe (D-MN) and Martin L. Avery. They spoke.', ['Mr. Smith met Rep. Jane Doe (D-MN) and Martin L. Avery.', 'They spoke.']],
    ['U.S. inside a sentence', 'U.S. officials said the U.S. Sen. Mark Polk agreed.', ['U.S. officials said the U.S. Sen. Mark Polk agreed.']],
    ['U.S. ending a sentence', 'Sanctions were imposed by the U.S. The Kremlin objected.', ['Sanctions were imposed by the U.S.', 'The Kremlin objected.']],
    ['months and numbers', 'It happened on Jan. 6 at 10 a.m. in No. 2 Hall. Prices rose 3.5 percent.', ['It happened on Jan. 6 at 10 a.m. in No. 2 Hall.', 'Prices rose 3.5 percent.']],
    ['ellipsis mid-sentence and at the end', 'He paused... and went on. Then it ended... Nobody spoke.', ['He paused... and went on.', 'Then it ended...', 'Nobody spoke.']],
    ['sentence ending inside a quote', '"We are ready." The minister left.', ['"We are ready."', 'The minister left.']],
    ['curly quote closing a sentence', '\u201CWe are ready.\u201D The minister left.', ['\u201CWe are ready.\u201D', 'The minister left.']],
    ['question inside a quote continues', '"Why?" he asked. Nobody knew.', ['"Why?" he asked.', 'Nobody knew.']],
    ['e.g. and i.e.', 'Some cities, e.g. Leeds, agreed, i.e. most of them. Others did not.', ['Some cities, e.g. Leeds, agreed, i.e. most of them.', 'Others did not.']],
    ['exclamation', 'Stop! Think again.', ['Stop!', 'Think again.']],
  ])('%s', (_name, text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });
});

describe('paragraphs', () => {
  it('splits at blank lines and at line breaks after a finished line, but joins hard-wrapped prose', () => {
    const text = 'Headline here\n\nFirst paragraph ends.\nSecond line is a new paragraph.\n\nThis paragraph is wrapped at a fixed width so the line\nbreaks in the middle of a sentence and continues here.';
    const article = segmentArticle(text, lexicons.abbreviations);
    expect(article.paragraphs.map((p) => text.slice(p.start, p.end))).toEqual([
      'Headline here',
      'First paragraph ends.',
      'Second line is a new paragraph.',
      'This paragraph is wrapped at a fixed width so the line\nbreaks in the middle of a sentence and continues here.',
    ]);
  });

  it('keeps offsets into the text exactly as submitted, white space and all', () => {
    const text = '\r\n  News   /   Russia  \r\n\r\n\tBody text.   ';
    const article = segmentArticle(text, lexicons.abbreviations);
    expect(article.paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(['News   /   Russia', 'Body text.']);
  });
});

describe('quotations', () => {
  it.each([
    ['straight quotes', 'He said "no deal" today.', ['double "no deal"']],
    ['curly quotes', 'He said \u201Cno deal\u201D today.', ['double \u201Cno deal\u201D']],
    ['nested single quotes', '"He called it \'a total disaster\' on Monday," she said.', ['double "He called it \'a total disaster\' on Monday,"', "nested 'a total disaster'"]],
    ['apostrophes are not quotes', 'The Kremlin\u2019s view isn\'t new.', []],
    ['headline single quotes', 'Kremlin expects \u2018no breakthroughs\u2019 in summit', ['single \u2018no breakthroughs\u2019']],
    ['split quote', '"We will fight," she said, "and we will win."', ['double "We will fight,"', 'double "and we will win."']],
    ['an opening curly mark typed as the closing one', '\u201CThe pier is our lifeline,\u201C said Holt. Then she left.', ['double \u201CThe pier is our lifeline,\u201C']],
    ['a straight mark spaced on both sides closes the quote it is in', '"They call it \'a fair deal,\' " Holt said.', ['double "They call it \'a fair deal,\' "', "nested 'a fair deal,'"]],
    ['but opens none outside a quote', 'Holt said " and left.', []],
  ])('%s', (_name, text, expected) => {
    expect(quotesOf(text)).toEqual(expected);
  });

  it('continues a quote across paragraphs when the next paragraph opens with a quote mark', () => {
    const text = '"The first part goes on\n\n"and the second part ends here," she said.\n\nNarration follows.';
    expect(quotesOf(text)).toEqual(['double open-ended "The first part goes on', 'double continued "and the second part ends here,"']);
    const article = segmentArticle(text, lexicons.abbreviations);
    expect(new Set(article.quotes.group).size).toBe(1);
  });

  it('marks tokens inside quotes as quoted and the rest as the author', () => {
    const text = 'Officials said "it is deplorable" on Monday.';
    const article = segmentArticle(text, lexicons.abbreviations);
    const quoted = [...article.quotedToken].map((q, t) => `${article.tokens.norm[t]}:${q}`);
    expect(quoted).toEqual(['officials:0', 'said:0', 'it:1', 'is:1', 'deplorable:1', 'on:0', 'monday:0']);
  });
});

describe('folding for matching', () => {
  it('keeps length and maps typographic quotes, apostrophes and hyphens', () => {
    const text = '\u201CIt\u2019s\u201D non\u2011stop \u0130stanbul';
    const folded = foldForMatching(text);
    expect(folded.length).toBe(text.length);
    expect(folded).toBe('"it\'s" non-stop \u0130stanbul'.replace('\u0130', '\u0130'));
  });
});

// segmentArticle is public: a caller may store or send what it returns.
describe('a segmented article is plain data', () => {
  it('gives paragraphs as JSON and sentence columns exactly as long as their count, a paragraph of one sentence included', () => {
    const article = segmentArticle('One line.\n\nTwo. Three.', lexicons.abbreviations);
    const paragraphs = JSON.parse(JSON.stringify(article.paragraphs)) as { sentenceStart: number; sentenceEnd: number }[];
    const sentences = structuredClone(article.sentences);
    for (const column of [sentences.start, sentences.end, sentences.tokenStart, sentences.tokenEnd, sentences.paragraph]) expect(column.length).toBe(3);
    const pairs = paragraphs.map((p) => Array.from({ length: p.sentenceEnd - p.sentenceStart }, (_, k) => [sentences.start[p.sentenceStart + k], sentences.end[p.sentenceStart + k]]));
    expect(pairs).toEqual([[[0, 9]], [[11, 15], [16, 22]]]);
    expect(sentenceAt(article.sentences, 2)).toEqual({ start: 16, end: 22, tokenStart: 3, tokenEnd: 4 });
    expect(Array.from(article.sentences.paragraph)).toEqual([0, 1, 1]);
  });
});

describe('texts tokenized one after another', () => {
  // The forms column is reused between texts and only the slots of forms sliced from a text are emptied after
  // it: a text must read as it reads alone whatever came before it (long unknown words, words past ASCII,
  // possessives and abbreviations included), and an earlier text's table must stay as it was.
  const pieces = fc.constantFrom('word', 'Kremlin', "Kremlin's", 'Mr.', 'U.S.', 'a.', 'x.', 'counterinsurgencies', "counterinsurgency's", 'caf\u00e9', '\u00e9t\u00e9s', 'zzqxvw', '\u4e2d\u6587', "x\u2019s", ' ', '. ', '\n');
  const text = fc.array(pieces, { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));
  it('reads each text as it reads alone, and leaves the earlier table as it was', () => {
    const columns = (tokens: ReturnType<typeof segmentArticle>['tokens']) => ({ norm: [...tokens.norm], bare: [...tokens.bare], breakBefore: Array.from(tokens.breakBefore), ids: Array.from(tokens.ids), bareIds: Array.from(tokens.bareIds) });
    fc.assert(
      fc.property(text, text, (first, second) => {
        const alone = columns(segmentArticle(second, lexicons.abbreviations).tokens);
        const earlier = segmentArticle(first, lexicons.abbreviations).tokens;
        const before = columns(earlier);
        expect(columns(segmentArticle(second, lexicons.abbreviations).tokens)).toEqual(alone);
        expect(columns(earlier)).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});

describe('articles analysed one after another', () => {
  // An analysis reuses a short text's token columns from article to article (tokens.ts): a report must read as
  // a fresh run's after a longer article, and a table the caller segmented must not change under a later analysis.
  const short = 'Peskov said the talks were a deplorable provocation.\n\nCritics say the corrupt regime lied.';
  const long = `${'"This aggressive, shameful act is a provocation," Lavrov told reporters on Friday in Moscow. '.repeat(40)}\n\nThe Pentagon said the drills would last.`;
  it('reports a short article after a longer one as it reports it first', () => {
    const first = JSON.stringify(analyze(short));
    analyze(long);
    expect(JSON.stringify(analyze(short))).toEqual(first);
  });
  it('leaves a table segmented by the caller as it was', () => {
    const { tokens } = segmentArticle(short, lexicons.abbreviations);
    const columns = () => ({ start: Array.from(tokens.start), end: Array.from(tokens.end), ids: Array.from(tokens.ids), shape: Array.from(tokens.shape) });
    const before = columns();
    analyze(long);
    analyze('Lavrov said so.');
    expect(columns()).toEqual(before);
  });
});

describe('a text too long for the reused token buffers', () => {
  // Its columns are made at the places a token can start, counted before the scan: were the count ever short of
  // the tokens, the last ones' offsets and ids would be lost. The same pieces tokenize alike in a short text
  // and in one padded past the scratch buffers' reach.
  const pieces = fc.constantFrom('word', 'Kremlin', "don't", "Kremlin's", 'so-called', 'U.S.', '3.5', 'S&P', 'caf\u00e9', '\u00e9t\u00e9', '\u0130stanbul', '\u4e2d\u6587', '\uD83D\uDE00', '\uD835\uDC00b', 'a\u2010b', 'x\u2019s', '\u2014', '\u0301', '!', '.', "'", '-', ' ', '\n', '\u00a0', '\uD800');
  it('makes the same tokens of a text padded past the scratch buffers', () => {
    const columns = (text: string, count: number) => {
      const { tokens } = segmentArticle(text, lexicons.abbreviations);
      return { count: tokens.count, norm: tokens.norm.slice(0, count), start: Array.from(tokens.start.subarray(0, count)), end: Array.from(tokens.end.subarray(0, count)), ids: Array.from(tokens.ids.subarray(0, count)), shape: Array.from(tokens.shape.subarray(0, count)) };
    };
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 1, maxLength: 60 }).map((parts) => parts.join('')), (text) => {
        const alone = columns(text, Number.MAX_SAFE_INTEGER);
        const padded = columns(`${text}${' '.repeat(140_000)}`, alone.count);
        expect(padded).toEqual(alone);
      }),
      { numRuns: 150 },
    );
  });

  // Its forms column is made at the number of places a token can start (words, and any unit past ASCII): it
  // must hold every token however the text mixes them.
  it.each([
    ['a run of marks with two words', `A${'!'.repeat(140_000)}x`, ['a', 'x']],
    ['words joined by an apostrophe and hyphens past ASCII', `don't so\u2010called caf\u00e9 \u00e9t\u00e9 ${'. '.repeat(70_000)}end`, ["don't", 'so-called', 'caf\u00e9', '\u00e9t\u00e9', 'end']],
  ])('tokenizes %s', (_name, text, words) => {
    const article = segmentArticle(text, lexicons.abbreviations);
    expect(article.tokens.norm).toEqual(words);
    expect(article.tokens.count).toBe(words.length);
  });
});

describe('sentences after a paragraph of many sentences', () => {
  // Past ~16,000 sentences in one paragraph the splitter's list of offset pairs is kept, between articles too,
  // and overwritten rather than emptied: a later paragraph or article must not see the pairs left past its own.
  const many = 'Yes. '.repeat(20_000).trim();
  const spans = (text: string) => {
    const { sentences } = segmentArticle(text, lexicons.abbreviations);
    return Array.from({ length: sentences.count }, (_, s) => [sentences.start[s], sentences.end[s], sentences.paragraph[s]]);
  };
  it('splits the next paragraph and the next article as it splits them alone', () => {
    const short = 'First one. Second one.\n\nThird.';
    const alone = spans(short);
    const after = spans(`${many}\n\n${short}`);
    expect(after.length).toBe(20_003);
    expect(after.slice(20_000).map(([start, end, paragraph]) => [(start as number) - many.length - 2, (end as number) - many.length - 2, paragraph])).toEqual(alone.map(([start, end, paragraph]) => [start, end, (paragraph as number) + 1]));
    expect(spans(short)).toEqual(alone);
    expect(spans('One.')).toEqual([[0, 4, 0]]);
  });
});
