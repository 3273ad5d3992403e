import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, reportSchema, segmentArticle, sentenceAt } from '../../src/index.ts';
import { lexicons } from '../helpers.ts';

// Article-like text: words, quotes of every kind, abbreviations, dashes and blank lines mixed at random.
const pieces = fc.constantFrom('The', 'Kremlin', "Kremlin's", 'said', 'slammed', 'so-called', 'critics say', 'very', 'aggressive', 'U.S.', 'Mr.', 'Jan.', '3.5', '...', '\u2026', '.', '!', '?', ',', '"', '\u201C', '\u201D', "'", '\u2018', '\u2019', '\n', '\n\n', ' ', '  ', '\u2014', '-', '(', ')', ':', 'deplorable', 'off the scale', 'red lines', 'Peskov said', 'according to Reuters', 'he told reporters:', 'declined to comment', '(AFP photo)', 'MOSCOW (Reuters) -', '\u0130', '\uD83D\uDE00', '\uD83D', '\u0000', '\r\n');
const articleText = fc.array(pieces, { maxLength: 80 }).map((parts) => parts.join(' '));
const anyText = fc.oneof(articleText, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }));

describe('invariants over arbitrary input', () => {
  it('segmentation is lossless: paragraphs, sentences and tokens are ordered, in bounds and cover every word', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const article = segmentArticle(text, lexicons.abbreviations);
        let previousEnd = 0;
        for (const paragraph of article.paragraphs) {
          expect(paragraph.start).toBeGreaterThanOrEqual(previousEnd);
          expect(paragraph.end).toBeGreaterThan(paragraph.start);
          expect(paragraph.end).toBeLessThanOrEqual(text.length);
          // Nothing but white space lies between paragraphs.
          expect(text.slice(previousEnd, paragraph.start).trim()).toBe('');
          let sentenceEnd = paragraph.start;
          for (let s = paragraph.sentenceStart; s < paragraph.sentenceEnd; s++) {
            const sentence = sentenceAt(article.sentences, s);
            expect(sentence.start).toBeGreaterThanOrEqual(sentenceEnd);
            expect(text.slice(sentenceEnd, sentence.start).trim()).toBe('');
            sentenceEnd = sentence.end;
          }
          expect(sentenceEnd).toBe(paragraph.end);
          previousEnd = paragraph.end;
        }
        expect(text.slice(previousEnd).trim()).toBe('');
        for (let t = 0; t < article.tokens.count; t++) {
          expect(article.tokens.norm[t]).toBe(article.folded.slice(article.tokens.start[t], article.tokens.end[t]));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every finding, cue, sentiment word, attribution and cited source is in bounds and its text is text.slice(start, end); the report validates', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const report = analyze(text);
        expect(reportSchema.safeParse(report).success).toBe(true);
        expect(report.text).toBe(text);
        for (const [paragraphIndex, paragraph] of report.paragraphs.entries()) {
          expect(paragraph.end).toBeLessThanOrEqual(text.length);
          for (const item of [...paragraph.findings, ...paragraph.exempted]) {
            expect(item.start).toBeGreaterThanOrEqual(paragraph.start);
            expect(item.end).toBeLessThanOrEqual(paragraph.end);
            expect(item.text).toBe(text.slice(item.start, item.end));
            expect(report.rules[item.rule]).toBeDefined();
          }
          for (const [start, end] of [...paragraph.subjectivityCues, ...paragraph.sentimentWords, ...paragraph.sentences, ...paragraph.quotes]) {
            expect(start).toBeGreaterThanOrEqual(paragraph.start);
            expect(end).toBeLessThanOrEqual(paragraph.end);
          }
          for (const finding of paragraph.findings) {
            expect(finding.end).toBeGreaterThan(finding.start);
            expect(report.categories[finding.category]).toBeDefined();
          }
          for (const index of paragraph.attributions) expect(report.attributions[index]?.paragraph).toBe(paragraphIndex);
        }
        for (const attribution of report.attributions) {
          for (const part of [attribution.cue, attribution.speaker, attribution.target, attribution.content]) {
            if (part === null || part === undefined) continue;
            expect(part[0]).toBeGreaterThanOrEqual(0);
            expect(part[0]).toBeLessThanOrEqual(part[1]);
            expect(part[1]).toBeLessThanOrEqual(text.length);
          }
          if (attribution.content !== null) expect(attribution.content[0]).toBeLessThan(attribution.content[1]);
        }
        for (const cited of report.summary.citedSources) expect(cited.text).toBe(text.slice(cited.start, cited.end));
      }),
      { numRuns: 300 },
    );
  });

  it('HTML input never throws: the report validates and every span refers to the extracted text', () => {
    const tags = fc.constantFrom('<p>', '</p>', '<h1>', '</h1>', '<figure><figcaption>', '</figcaption></figure>', '<nav class="breadcrumb">', '</nav>', '<article>', '</article>', '<script>', '</script>', '<div class="share">', '</div>', '<br>', '&amp;', '&#x1F600;', '<!--', '-->', '<meta charset="windows-1252">', '<');
    const page = fc.array(fc.oneof(tags, pieces), { maxLength: 80 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(page, anyText), (html) => {
        const report = analyze({ html });
        expect(reportSchema.safeParse(report).success).toBe(true);
        for (const paragraph of report.paragraphs) {
          expect(paragraph.end).toBeLessThanOrEqual(report.text.length);
          for (const finding of paragraph.findings) expect(finding.text).toBe(report.text.slice(finding.start, finding.end));
        }
        for (const caption of report.summary.captions) for (const name of caption.names) expect(name.text).toBe(report.text.slice(name.start, name.end));
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic: the same input gives the same report, byte for byte', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        expect(JSON.stringify(analyze(text))).toBe(JSON.stringify(analyze(text)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('edge inputs', () => {
  it('empty and blank input give a valid empty report', () => {
    for (const text of ['', '   ', '\n\n\n']) {
      const report = analyze(text);
      expect(reportSchema.parse(report).paragraphs).toEqual([]);
      expect(report.summary.loadedLanguage.score).toBe(0);
      expect(report.summary.subjectivity.score).toBe(0);
      expect(report.summary.sentiment.comparative).toBe(0);
    }
  });

  it('a 1 MB article completes with findings throughout', () => {
    const paragraph = 'Critics say the regime slammed the so-called reform, a very aggressive move. "It is deplorable," Mr. Smith said on Jan. 6 in the U.S. capital.\n\n';
    const text = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
    const report = analyze(text);
    expect(report.paragraphs.length).toBe(Math.ceil(1_000_000 / paragraph.length));
    expect(report.summary.loadedLanguage.counts.byVoice.quoted).toBe(report.paragraphs.length);
  });

  it.each([
    ['a long run of joined words', 'a-'.repeat(100_000)],
    ['a long run of periods', '.'.repeat(200_000)],
    ['alternating quotes', '"\''.repeat(100_000)],
    ['a long run of dotted initials', 'A.'.repeat(100_000)],
    ['one endless line', 'word '.repeat(100_000)],
  ])('stays linear on adversarial input: %s', (_name, text) => {
    const report = analyze(text);
    expect(report.text.length).toBe(text.length);
  });
});
