import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, exemptionMessage, findingMessage, type Finding, type Report } from '../../src/index.ts';

// The page's copy of the wording, in plain JavaScript (the page has no build step and no type declarations).
const wording = (await import(new URL('../../src/edges/web/wording.js', import.meta.url).href)) as { findingMessage: (finding: Finding, categories: Report['categories']) => string };
const pageFindingMessage = wording.findingMessage;

const corpus = new URL('../../corpus/', import.meta.url);

describe('messages are built when a report is shown (schema 2.0.0)', () => {
  it.each([
    ['The talks were deplorable.', 'Emotive word `deplorable`; a neutral wording: `poor`'],
    ['The council passed its "reform" on Tuesday.', 'Scare quote "reform": a short quoted phrase with no speaker distances the writer from the words'],
  ])('%s', (text, message) => {
    const report = analyze(text);
    const messages = report.paragraphs.flatMap((p) => p.findings).map((f) => findingMessage(f, report.categories));
    expect(messages).toContain(message);
  });

  it('words an exemption by its reason', () => {
    const report = analyze('The United States and Russia met in Geneva.');
    const exempted = report.paragraphs.flatMap((p) => p.exempted).map(exemptionMessage);
    expect(exempted).toContain('`United` is part of the name `United States`, not counted');
  });

  it('the web page words every finding of the corpus as the library does', () => {
    let count = 0;
    for (const file of readdirSync(corpus).filter((f) => f.endsWith('.txt'))) {
      const report = analyze(readFileSync(new URL(file, corpus), 'utf8'));
      for (const finding of report.paragraphs.flatMap((p) => p.findings)) {
        expect(pageFindingMessage(finding, report.categories)).toBe(findingMessage(finding, report.categories));
        count++;
      }
    }
    expect(count).toBeGreaterThan(20);
  });
});
