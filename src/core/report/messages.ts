/**
 * The sentences a finding and an exemption are explained with, built when a report is shown rather than
 * stored in it (schema 2.0.0): everything they say is in the finding, the exemption and `report.categories`.
 * The web page's wording.js says the same in the browser; test/report/messages.test.ts keeps them together.
 */
import type { Exemption, Finding, Report } from './schema.ts';

/** The words of a span the report gives as `[start, end, ...]` (an attribution's cue, speaker, content or target). */
export function spanText(text: string, span: readonly [number, number, ...unknown[]]): string {
  return text.slice(span[0], span[1]);
}

/** The explanation of a finding: its category's name, the words, and a neutral wording where there is one. */
export function findingMessage(finding: Finding, categories: Report['categories']): string {
  const name = categories[finding.category]?.name ?? finding.category;
  if (finding.category === 'scare-quote') return `${name} ${finding.text}: a short quoted phrase with no speaker distances the writer from the words`;
  return `${name} \`${finding.text}\`${finding.suggestion !== undefined ? `; a neutral wording: \`${finding.suggestion}\`` : ''}`;
}

/** Why a match was left out of the scores: ordinary language in the story's domain, or a word of a longer name. */
export function exemptionMessage(exemption: Exemption): string {
  if (exemption.reason === 'domain') return `\`${exemption.text}\` is ordinary ${exemption.domain ?? 'domain'} language here, not counted`;
  return `\`${exemption.text}\` is part of the name \`${exemption.name ?? ''}\`, not counted`;
}
