/**
 * What each article has that the others lack, judged on words (no paraphrase detection):
 * - names: people, organisations and places; a gazetteer actor counts as named in another article when any of
 *   its aliases is there ("Peskov" = "Dmitry Peskov"); another name when its last word is ("Marchuk");
 * - numbers: figures written in digits, compared without their thousands separators;
 * - attributions: a statement is carried by another article when at least half of its content words (function
 *   words left out, a plural `s` ignored) occur in that article's counted paragraphs;
 * - wording: a flagged word in the outlet's own voice (outside quotation marks) whose words no other article
 *   uses anywhere, and a contested term where another article writes a different term for the same referent.
 * Only the scored body and the headline count, never captions or page furniture.
 */
import { spanText } from '../report/messages.ts';
import { matchAt, type ActorRef, type CompareWords, type Lexicons } from '../data/index.ts';
import { findProperNames, nameIndexAt } from '../metrics/proper-names.ts';
import { firstTokenAtOrAfter } from '../text/tokens.ts';
import { evidenceOf, FIGURE, hasPhrase, wordKey, type ArticleView } from './articles.ts';
import type { Distinctive, Evidence } from './schema.ts';
import type { ContestedUse } from './word-choice.ts';

/** A statement's content words must be this well covered by another article for it to be carried there. */
export const CARRIED_OVERLAP = 0.5;

/** How each part of `distinctive` is judged, for the comparison's `method`. */
export const DISTINCTIVE_METHOD = {
  names: 'People, organisations and places: names of two or more capitalised words, and every actor of the gazetteer (lexicons/en/actors.jsonl). A gazetteer actor is shared when another article names it by any alias; another name when another article has its last word.',
  numbers: 'Figures written in digits (thousands separators ignored), shown with the word after them; shared when another article writes the same figure.',
  attributions: `A statement is carried by another article when at least ${CARRIED_OVERLAP * 100}% of its content words (lexicons/en/function-words.jsonl left out, a plural s ignored) occur in that article's counted paragraphs. Lexical overlap only: a paraphrase in other words is not recognised.`,
  wording: "Flagged words in the outlet's own voice (outside quotation marks) that no other article uses anywhere, and contested terms (lexicons/en/contested-terms.jsonl) an article uses in its own voice where another article writes a different term of the same group (Kiev against Kyiv).",
  counted: 'Only the scored body and the headline count; captions, bylines and page furniture do not.',
} as const;

type Named = { key: string; text: string; evidence: Evidence };

/** What each article has that none of the others has. */
export function compareDistinctive(views: readonly ArticleView[], lexicons: Lexicons, words: CompareWords, contested: ReadonlyMap<string, readonly ContestedUse[]>): Distinctive[] {
  const names = new Map(views.map((view) => [view.key, namesOf(view, lexicons)]));
  const numbers = new Map(views.map((view) => [view.key, numbersOf(view)]));
  return views.map((view) => {
    const others = views.filter((other) => other !== view);
    const otherNames = others.flatMap((other) => names.get(other.key) ?? []);
    const nameKeys = new Set(otherNames.map((name) => name.key));
    const distinctNames = groupByKey((names.get(view.key) ?? []).filter((name) => !nameKeys.has(name.key) && !(name.key.startsWith('name:') && others.some((other) => other.words.has(lastWord(name.key))))));
    const otherNumbers = new Set(others.flatMap((other) => (numbers.get(other.key) ?? []).map((number) => number.key)));
    const distinctNumbers = groupByKey((numbers.get(view.key) ?? []).filter((number) => !otherNumbers.has(number.key)));
    return {
      article: view.key,
      names: distinctNames,
      numbers: distinctNumbers,
      attributions: distinctAttributions(view, others, words, lexicons),
      wording: [...distinctFindings(view, others), ...distinctContested(view, others, contested)],
    };
  });
}

function groupByKey(items: readonly Named[]): { text: string; evidence: Evidence[] }[] {
  const grouped = new Map<string, { text: string; evidence: Evidence[] }>();
  for (const item of items) {
    const found = grouped.get(item.key);
    if (found === undefined) grouped.set(item.key, { text: item.text, evidence: [item.evidence] });
    else found.evidence.push(item.evidence);
  }
  return [...grouped.values()];
}

function lastWord(key: string): string {
  return wordKey(key.slice(key.lastIndexOf(' ') + 1));
}

/** Names in the counted paragraphs: gazetteer actors keyed by id, other names of two words or more by their folded text. */
function namesOf(view: ArticleView, lexicons: Lexicons): Named[] {
  const { article } = view;
  const { tokens } = article;
  const proper = findProperNames(article, lexicons);
  const scratch: ActorRef[] = [];
  const found: Named[] = [];
  let t = 0;
  while (t < tokens.count) {
    if (view.countedToken[t] === 0) {
      t++;
      continue;
    }
    const nameIndex = nameIndexAt(proper, t);
    if (nameIndex >= 0) {
      const name = proper.names[nameIndex] as (typeof proper.names)[number];
      // A longer name holding a gazetteer actor ("Russian President Vladimir Putin") is that actor.
      let actor: string | null = null;
      for (let u = name.tokenStart; u < name.tokenEnd; u++) if (matchAt(lexicons.actorIndex, tokens, u, name.tokenEnd, scratch) > 0) actor = (scratch[0] as ActorRef).id;
      const text = view.report.text.slice(name.start, name.end);
      found.push({ key: actor === null ? `name:${article.folded.slice(name.start, name.end).replace(/'s$/, '')}` : `actor:${actor}`, text: actor === null ? text : (lexicons.actors.get(actor)?.name ?? text), evidence: evidenceOf(view, name.start, name.end) });
      t = Math.max(t + 1, name.tokenEnd);
      continue;
    }
    const words = matchAt(lexicons.actorIndex, tokens, t, tokens.count, scratch);
    if (words > 0) {
      const last = t + words - 1;
      const actor = lexicons.actors.get((scratch[0] as ActorRef).id);
      if (actor !== undefined) found.push({ key: `actor:${actor.id}`, text: actor.name, evidence: evidenceOf(view, tokens.start[t] as number, tokens.end[last] as number) });
      t = last + 1;
      continue;
    }
    t++;
  }
  return found;
}

/** Figures in digits, each with the word that follows it as context ("100,000 troops"). */
function numbersOf(view: ArticleView): Named[] {
  const { tokens } = view.article;
  const text = view.report.text;
  const digits = (t: number): boolean => t < tokens.count && /\d/.test(tokens.norm[t] as string);
  const found: Named[] = [];
  for (let t = 0; t < tokens.count; t++) {
    if (view.countedToken[t] === 0 || !digits(t)) continue;
    // The tokenizer splits at a comma: "100,000" is "100" and "000", joined again here.
    let last = t;
    while (digits(last + 1) && text.slice(tokens.end[last] as number, tokens.start[last + 1] as number) === ',') last++;
    const next = last + 1 < tokens.count && tokens.breakBefore[last + 1] === 0 && !digits(last + 1) ? last + 1 : last;
    const start = tokens.start[t] as number;
    const end = tokens.end[next] as number;
    found.push({ key: text.slice(start, tokens.end[last] as number).replace(/,/g, '').toLowerCase(), text: text.slice(start, end), evidence: evidenceOf(view, start, end) });
    t = last;
  }
  return found;
}

/** Content words of a span: folded, function words and single characters left out. */
function contentWords(view: ArticleView, start: number, end: number, words: CompareWords): Set<string> {
  const { tokens } = view.article;
  const found = new Set<string>();
  // From the span's first token, not from the article's: read from the start, a statement per paragraph made
  // the comparison of two 1 MB articles quadratic (40% of its 12 s).
  for (let t = firstTokenAtOrAfter(tokens, start); t < tokens.count; t++) {
    if ((tokens.end[t] as number) > end) break;
    const bare = tokens.bare[t] as string;
    if (bare.length > 1 && !words.functionWords.has(bare) && !/\d/.test(bare)) found.add(wordKey(bare));
  }
  for (const figure of view.report.text.slice(start, end).match(FIGURE) ?? []) found.add(figure.replace(/,/g, ''));
  return found;
}

function distinctAttributions(view: ArticleView, others: readonly ArticleView[], words: CompareWords, lexicons: Lexicons): Distinctive['attributions'] {
  const seen = new Set<string>();
  const found: Distinctive['attributions'] = [];
  view.report.attributions.forEach((attribution, index) => {
    if (attribution.content === null || view.counted[attribution.paragraph] === 0) return;
    const [start, end] = attribution.content;
    // One statement split between several speakers ("the US, NATO and Ukraine accused...") is listed once.
    const spanKey = `${start}:${end}`;
    if (seen.has(spanKey)) return;
    seen.add(spanKey);
    const mine = contentWords(view, start, end, words);
    if (mine.size === 0) return;
    let overlap = 0;
    for (const other of others) {
      let shared = 0;
      for (const word of mine) if (other.words.has(word)) shared++;
      overlap = Math.max(overlap, shared / mine.size);
    }
    if (overlap >= CARRIED_OVERLAP) return;
    // The gazetteer's name says who "he" or "the spokesman" is; an unknown speaker keeps the words the article used.
    const speaker = (attribution.actor === null ? undefined : lexicons.actors.get(attribution.actor)?.name) ?? (attribution.speaker === null ? undefined : spanText(view.report.text, attribution.speaker)) ?? 'an unnamed speaker';
    const evidence = evidenceOf(view, start, end, `attributions[${index}]`);
    found.push({ text: evidence.text, speaker, mode: attribution.mode, overlap: Math.round(overlap * 100) / 100, evidence: [evidence] });
  });
  return found;
}

function distinctFindings(view: ArticleView, others: readonly ArticleView[]): Distinctive['wording'] {
  const otherRules = new Set(others.flatMap((other) => other.report.paragraphs.flatMap((paragraph) => paragraph.findings.map((finding) => finding.rule))));
  const grouped = new Map<string, Distinctive['wording'][number]>();
  view.report.paragraphs.forEach((paragraph, p) => {
    if (view.counted[p] === 0) return;
    paragraph.findings.forEach((finding, f) => {
      if (finding.voice === 'quoted' || otherRules.has(finding.rule)) return;
      const folded = view.article.folded.slice(finding.start, finding.end);
      if (others.some((other) => hasPhrase(other, folded))) return;
      const evidence = evidenceOf(view, finding.start, finding.end, `paragraphs[${p}].findings[${f}]`);
      const found = grouped.get(finding.rule);
      if (found === undefined) grouped.set(finding.rule, { text: finding.text, kind: 'finding', category: finding.category, evidence: [evidence] });
      else found.evidence.push(evidence);
    });
  });
  return [...grouped.values()];
}

function distinctContested(view: ArticleView, others: readonly ArticleView[], contested: ReadonlyMap<string, readonly ContestedUse[]>): Distinctive['wording'] {
  const otherUses = others.flatMap((other) => (contested.get(other.key) ?? []).filter((use) => !use.quoted));
  const otherTerms = new Set(otherUses.map((use) => use.term));
  const otherGroups = new Set(otherUses.map((use) => use.group));
  const grouped = new Map<string, Distinctive['wording'][number]>();
  for (const use of contested.get(view.key) ?? []) {
    // A choice only where another article names the same thing in other words ("Kiev" against "Kyiv").
    if (use.quoted || otherTerms.has(use.term) || !otherGroups.has(use.group)) continue;
    const found = grouped.get(use.term);
    if (found === undefined) grouped.set(use.term, { text: use.term, kind: 'contested-term', category: use.group, evidence: [use.evidence] });
    else found.evidence.push(use.evidence);
  }
  return [...grouped.values()];
}
