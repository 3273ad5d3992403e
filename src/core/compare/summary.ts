/**
 * The short summary of differences: plain statements of what differs, each carrying the evidence it rests on.
 * It describes (who is heard how, which words, what only one article has) and never judges which article is
 * right, fair or biased.
 */
import type { Comparison, Evidence, SummaryLine, VoiceStatus } from './schema.ts';

const STATUS_WORDS: Readonly<Record<VoiceStatus, string>> = {
  quoted: 'quoted directly',
  paraphrased: 'paraphrased',
  summarised: 'only summarised',
  mentioned: 'named but not heard',
  absent: 'absent',
};

// Evidence lists are capped so that a line stays readable; the tables hold the rest.
const MAX_EVIDENCE = 6;
const MAX_ITEMS = 5;

// Country names from the runtime's own region data (English, as the rest of the text): UA -> Ukraine. Made on
// first use: creating it loads ICU's region data, which every command loading this module (all of the CLI's
// one-article commands) paid at start-up, compare or not (about a tenth of a `slant analyze` start).
let regions: Intl.DisplayNames | undefined;

/** A side as people say it, with its code: `Ukraine (UA)`; bodies (NATO) and other labels as they are. */
export function sideLabel(side: string): string {
  if (!/^[A-Z]{2}$/.test(side)) return side;
  try {
    regions ??= new Intl.DisplayNames(['en'], { type: 'region' });
    const name = regions.of(side);
    return name === undefined || name === side ? side : `${name} (${side})`;
  } catch {
    return side;
  }
}

type Parts = Omit<Comparison, 'summary' | 'comparisonVersion' | 'analyzer' | 'lexicons' | 'method'>;

/** The summary lines, in the order of the comparison's sections. */
export function summariseDifferences(parts: Parts): SummaryLine[] {
  return [...voiceLines(parts), ...wordChoiceLines(parts), ...distinctiveLines(parts), ...figureLines(parts), ...headlineLines(parts)];
}

function line(topic: string, text: string, evidence: readonly Evidence[]): SummaryLine[] {
  return evidence.length === 0 ? [] : [{ topic, text, evidence: evidence.slice(0, MAX_EVIDENCE) }];
}

function list(items: readonly string[]): string {
  const shown = items.slice(0, MAX_ITEMS).map((item) => `"${item}"`);
  const more = items.length > MAX_ITEMS ? ` and ${items.length - MAX_ITEMS} more` : '';
  return `${shown.join(', ')}${more}`;
}

function voiceLines({ voices }: Parts): SummaryLine[] {
  return voices.sides
    .filter((row) => row.differs)
    .flatMap((row) => {
      const byStatus = new Map<VoiceStatus, string[]>();
      for (const cell of row.cells) byStatus.set(cell.status, [...(byStatus.get(cell.status) ?? []), cell.article]);
      const parts = [...byStatus].map(([status, articles]) => `${STATUS_WORDS[status]} in ${articles.join(', ')}`);
      return line('voices', `Side ${sideLabel(row.name)}: ${parts.join('; ')}.`, row.cells.flatMap((cell) => cell.evidence.slice(0, 2)));
    });
}

function wordChoiceLines({ wordChoice }: Parts): SummaryLine[] {
  // A choice needs two articles naming the same thing: a group only one article uses is in the table, not here.
  return wordChoice
    .filter((group) => group.differs && group.uses.filter((use) => use.terms.length > 0).length >= 2)
    .flatMap((group) => {
      const parts = group.uses.map((use) => (use.terms.length === 0 ? `${use.article} uses none of these words` : `${use.article} writes ${use.terms.map((term) => `"${term.term}" (${term.count}${term.quoted > 0 ? `, ${term.quoted} in quotations` : ''})`).join(', ')}`));
      return line('word-choice', `For ${group.referent}: ${parts.join('; ')}.`, group.uses.flatMap((use) => use.terms.flatMap((term) => term.evidence.slice(0, 2))));
    });
}

function distinctiveLines({ distinctive, articles }: Parts): SummaryLine[] {
  const others = articles.length === 2 ? 'the other article does' : 'the other articles do';
  return distinctive.flatMap((entry) => [
    ...line('names', `Only ${entry.article} names ${list(entry.names.map((name) => name.text))}.`, entry.names.flatMap((name) => name.evidence.slice(0, 1))),
    ...line('numbers', `Only ${entry.article} gives the figures ${list(entry.numbers.map((number) => number.text))}.`, entry.numbers.flatMap((number) => number.evidence.slice(0, 1))),
    ...line(
      'attributions',
      `${entry.article} carries ${entry.attributions.length} attributed ${entry.attributions.length === 1 ? 'statement' : 'statements'} that ${others} not (by shared words), from ${list([...new Set(entry.attributions.map((item) => item.speaker))])}.`,
      entry.attributions.flatMap((item) => item.evidence),
    ),
    ...line('wording', `Words only ${entry.article} uses in its own voice: ${list(entry.wording.map((item) => item.text))}.`, entry.wording.flatMap((item) => item.evidence.slice(0, 1))),
  ]);
}

function figureLines({ figures, distinctive, headlines, voices }: Parts): SummaryLine[] {
  const ordinal = (n: number): string => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
  const show = (value: number | null, percentile: number | null): string => (value === null ? 'none' : `${Number(value.toFixed(2))}${percentile === null ? '' : ` (${ordinal(percentile)} percentile)`}`);
  // A figure line points at the words behind the figure: the headline stands in when an article has none flagged.
  const evidence = figures.flatMap((row) => {
    // The article's own flagged findings (a contested term in its wording is word choice, not loaded language).
    const flagged = distinctive.find((entry) => entry.article === row.article)?.wording.flatMap((item) => item.evidence.filter((evidence) => evidence.path?.includes('.findings[') === true).slice(0, 1)) ?? [];
    return flagged.length > 0 ? flagged.slice(0, 2) : (headlines.find((headline) => headline.article === row.article)?.evidence ?? []);
  });
  return [
    ...line('figures', `Loaded language (the outlet's words, quotations at half weight): ${figures.map((row) => `${row.article} ${show(row.loadedLanguage.value, row.loadedLanguage.percentile)}`).join(', ')}.`, evidence),
    ...line('figures', `Balance of voices between sides: ${figures.map((row) => `${row.article} ${show(row.balance.value, row.balance.percentile)}`).join(', ')}; share of words inside quotations: ${figures.map((row) => `${row.article} ${Math.round(row.quotedShare * 100)}%`).join(', ')}.`, voices.sides.flatMap((row) => row.cells.flatMap((cell) => cell.evidence.slice(0, 1)))),
  ];
}

function headlineLines({ headlines }: Parts): SummaryLine[] {
  return line('headlines', `Headlines: ${headlines.map((headline) => `${headline.article} "${headline.text ?? '(none found)'}"`).join('; ')}.`, headlines.flatMap((headline) => headline.evidence));
}
