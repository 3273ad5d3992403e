import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze, type Report } from '../../src/index.ts';
import { goldenOf } from '../golden-render.ts';

const corpusDir = fileURLToPath(new URL('../../corpus/', import.meta.url));
const goldenDir = fileURLToPath(new URL('../golden/', import.meta.url));
type Expect = { author: string[]; quoted: string[]; notLoaded: string[]; roles?: Record<string, string>; unrelatedCaptions?: string[] };
const manifest = JSON.parse(readFileSync(join(corpusDir, 'manifest.json'), 'utf8')) as { file: string; kind: string; expect: Expect }[];

function occurrences(text: string, phrase: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let i = text.indexOf(phrase); i !== -1; i = text.indexOf(phrase, i + 1)) found.push({ start: i, end: i + phrase.length });
  return found;
}
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function flaggedAsAuthor(report: Report, span: { start: number; end: number }): boolean {
  return report.paragraphs.some(
    (p) => p.findings.some((f) => f.voice !== 'quoted' && overlaps(f, span)) || p.subjectivityCues.some(([start, end]) => overlaps({ start, end }, span)),
  );
}

describe('corpus expectations (corpus/manifest.json)', () => {
  it.each(manifest)('$file ($kind)', ({ file, expect: expected }) => {
    const text = readFileSync(join(corpusDir, file), 'utf8');
    const report = analyze(text);
    const findings = report.paragraphs.flatMap((p) => p.findings);
    const problems: string[] = [];
    for (const phrase of expected.author) {
      for (const span of occurrences(text, phrase)) if (!flaggedAsAuthor(report, span)) problems.push(`not flagged in the author's voice: "${phrase}" at ${span.start}`);
    }
    for (const phrase of expected.quoted) {
      for (const span of occurrences(text, phrase)) {
        if (!findings.some((f) => f.voice === 'quoted' && overlaps(f, span))) problems.push(`not flagged as quoted: "${phrase}" at ${span.start}`);
        if (findings.some((f) => f.voice === 'author' && f.category !== 'scare-quote' && overlaps(f, span))) problems.push(`quoted words counted for the author: "${phrase}"`);
      }
    }
    for (const phrase of expected.notLoaded) {
      for (const span of occurrences(text, phrase)) {
        const wrong = findings.find((f) => overlaps(f, span));
        if (wrong) problems.push(`flagged but should not be: "${phrase}" as ${wrong.rule}`);
      }
    }
    // Block roles: the paragraph that starts with each prefix has the role given.
    for (const [prefix, role] of Object.entries(expected.roles ?? {})) {
      const paragraph = report.paragraphs.find((p) => report.text.slice(p.start, p.end).startsWith(prefix));
      if (paragraph === undefined) problems.push(`no paragraph starts with "${prefix}"`);
      else if (paragraph.role !== role) problems.push(`"${prefix}" is ${paragraph.role} (${paragraph.roleRule}), expected ${role}`);
    }
    const unrelated = report.summary.captions.filter((c) => c.unrelated).map((c) => c.text);
    for (const prefix of expected.unrelatedCaptions ?? []) if (!unrelated.some((t) => t.startsWith(prefix))) problems.push(`caption "${prefix}" not flagged as unrelated`);
    for (const text of unrelated) if (!(expected.unrelatedCaptions ?? []).some((prefix) => text.startsWith(prefix))) problems.push(`caption flagged as unrelated: "${text.slice(0, 40)}"`);
    expect(problems).toEqual([]);
  });
});

describe('golden reports (update with npm run golden, then review the diff)', () => {
  const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
  it.each(files)('%s', (file) => {
    const text = readFileSync(join(corpusDir, file), 'utf8');
    const golden = readFileSync(join(goldenDir, `${file}.golden`), 'utf8');
    expect(goldenOf(file, text)).toBe(golden);
  });
});

describe('the seed article', () => {
  const text = readFileSync(join(corpusDir, 'presstv-putin-biden.txt'), 'utf8');
  const report = analyze(text);
  const findings = report.paragraphs.flatMap((p) => p.findings);
  const voiceOf = (phrase: string) => findings.filter((f) => text.slice(f.start, f.end).toLowerCase().includes(phrase)).map((f) => f.voice);

  it('flags the outlet\'s own "aggressive moves", "provocation" and "red lines" outside quotation marks, in its paraphrase of Moscow', () => {
    // Outside quotation marks the wording is the outlet's: narration or its paraphrase (reported speech).
    expect(voiceOf('aggressive')).toEqual(['reported']);
    expect(voiceOf('provocation')).toEqual(['reported']);
    expect(voiceOf('red lines')).toEqual(['reported']);
    const outlet = findings.filter((f) => f.voice !== 'quoted').reduce((sum, f) => sum + (report.rules[f.rule]?.weight ?? 0), 0);
    expect(report.summary.loadedLanguage.weight).toBeCloseTo(outlet, 3);
  });

  it('keeps "deplorable" and "off the scale" with the quoted Kremlin voice, out of the author score', () => {
    expect(voiceOf('deplorable')).toEqual(['quoted']);
    expect(voiceOf('off the scale')).toEqual(['quoted']);
    expect(findings.filter((f) => f.voice === 'quoted').every((f) => f.speaker === 'ru-peskov')).toBe(true);
    expect(report.summary.loadedLanguage.quoted.weight).toBeGreaterThan(0);
  });

  it('finds Press TV from its own closing lines: Iranian state-controlled, very low reliability, with its ratings', () => {
    expect(report.summary.source).toMatchObject({ detectedBy: 'self-reference', card: { domain: 'presstv.ir', outlet: { ownership: 'state', country: 'IR' }, reliability: { label: 'very-low' } } });
    expect(report.summary.source?.card.reliability.ratings.map((r) => r.source).sort()).toEqual(['cred1', 'wikipedia-rsp']);
    expect(report.summary.citedSources.map((c) => `${c.name} ${c.how}`)).toEqual(expect.arrayContaining(['AFP credit']));
  });

  it('leaves the breadcrumb, headline, both captions and the closing lines out of the scores', () => {
    const excluded = report.paragraphs.filter((p) => !p.scored);
    expect(excluded.map((p) => p.role)).toEqual(['breadcrumb', 'headline', 'caption', 'caption', 'boilerplate', 'boilerplate']);
    const bodyWords = report.paragraphs.filter((p) => p.scored).reduce((sum, p) => sum + p.words, 0);
    expect(report.summary.words).toBe(bodyWords);
    expect(report.summary.blocks.excludedWords).toBe(excluded.reduce((sum, p) => sum + p.words, 0));
    // The closing lines still identify the outlet: left out of the scores, not out of the evidence.
    expect(report.summary.source?.evidence?.text).toMatch(/Press TV/);
  });

  it('flags the Omar/Pelosi caption as unrelated to the story, naming the people the body never mentions', () => {
    const [omar, peskov] = report.summary.captions;
    expect(omar?.unrelated).toBe(true);
    expect(omar?.names.filter((n) => n.kind === 'person' && !n.matched).map((n) => n.text)).toEqual(['Ilhan Omar', 'Nancy Pelosi']);
    expect(omar?.message).toContain('Ilhan Omar, Nancy Pelosi');
    expect(peskov).toMatchObject({ unrelated: false, text: 'Kremlin spokesperson Dmitry Peskov' });
  });

  it('places the article against the bundled reference corpus (BASIL), unless asked not to', () => {
    const percentiles = report.summary.percentiles;
    expect(percentiles?.baseline).toMatch(/^basil@\d+\.\d+\.\d+$/);
    // More loaded than the typical BASIL article, by its outlet-voice score.
    expect(percentiles?.loadedLanguage).toBeGreaterThan(50);
    expect(analyze(readFileSync(join(corpusDir, 'presstv-putin-biden.txt'), 'utf8'), { baseline: false }).summary.percentiles).toBeUndefined();
  });

  it('scores the headline apart and compares it with the body', () => {
    const headline = report.summary.headline;
    expect(headline?.text).toBe('Kremlin expects \u2018no breakthroughs\u2019 in Putin-Biden summit');
    expect(headline?.body.loadedLanguage.density).toBe(report.summary.loadedLanguage.density);
    // The body attributes "no breakthroughs" to the Kremlin, so the headline's quotation is not flagged.
    expect(headline?.flags.filter((f) => f.code === 'unattributed-quote')).toEqual([]);
  });

  it('does not call the headline\'s \u2018no breakthroughs\u2019 a scare quote: the body attributes those words to the Kremlin', () => {
    expect(findings.filter((f) => f.category === 'scare-quote').map((f) => f.text)).toEqual([]);
  });
});
