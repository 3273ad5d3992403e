/**
 * Voiced quotations (voice-nouns.jsonl): "chants of 'Lock him up'", "a sign reading 'Jobs Now'", "their
 * chants of 'Four more years'". A quotation right after a noun for words a crowd or a person voiced or
 * displayed, with at most two link words between, is someone's words given directly; its speaker is a
 * possessive before the noun, else none (the crowd is seldom named in the phrase).
 */
import { NESTED } from '../../text/index.ts';
import type { Scan } from './context.ts';
import { draftOf, type Finding } from './types.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';

// Link words between the noun and the opening mark ("that read").
const LINKS_MAX = 2;
// Lower-case words between a possessive and its noun ("their loud angry chants of").
const MODIFIERS_MAX = 2;

/**
 * A direct attribution for each quotation not already `taken` whose opening mark follows a voice noun and
 * its link words, with nothing but spaces, a comma or a colon between; in text order.
 */
export function findVoicedQuotes(scan: Scan, taken: Uint8Array): Finding[] {
  const { article, words } = scan;
  const { tokens, text } = article;
  const { norm } = tokens;
  const findings: Finding[] = [];
  let t = 0;
  const { quotes } = article;
  for (let q = 0; q < quotes.count; q++) {
    if (quotes.kind[q] === NESTED) continue;
    const start = quotes.start[q] as number;
    while (t < tokens.count && (tokens.start[t] as number) < start) t++;
    if (t >= tokens.count || t === 0 || taken[t] === 1) continue;
    let k = t - 1;
    for (let links = 0; links < LINKS_MAX && k > 0 && words.voiceNouns.get(norm[k] as string) === 'link'; links++) k--;
    if (words.voiceNouns.get(norm[k] as string) !== 'noun' || article.quotedToken[k] === 1 || taken[k] === 1 || scan.excluded[k] === 1) continue;
    // "a sign that "the market" is cooling": "that" right before the quotation opens a clause, not a display ("a sign that read").
    // "would not sign "The Pledge"": a verb's object; "to chants of" keeps its link, a preposition's noun.
    if (norm[t - 1] === 'that' || (k === t - 1 && verbBefore(scan, k))) continue;
    if (!/^[\s,:]*$/.test(text.slice(tokens.end[t - 1] as number, start))) continue;
    const sentence = scan.sentences[scan.sentenceOf[k] as number];
    if (sentence === undefined) continue;
    let p = k - 1;
    while (p > sentence.tokenStart && k - p <= MODIFIERS_MAX && !inClass(scan.classes, p, WORD_CLASS.possessive) && /^[a-z-]+$/.test(text.slice(tokens.start[p] as number, tokens.end[p] as number))) p--;
    const speaker = p >= sentence.tokenStart && p < k && inClass(scan.classes, p, WORD_CLASS.possessive) && taken[p] !== 1 ? { t0: p, t1: p + 1 } : null;
    const cue = { start: article.tokens.start[k] as number, end: article.tokens.end[t - 1] as number, label: { lemma: norm[k] as string, class: 'neutral', source: words.voiceNounSource } };
    findings.push(draftOf(start, sentence.paragraph, 'direct', cue, speaker, { start, end: quotes.end[q] as number }, sentence.index));
  }
  return findings;
}

// Whether the voice noun at `k` is a verb: after a helper, "not" or "to" ("would not sign", "to cry"), not
// after a determiner, a possessive or an adjective ("a sign", "their chants").
function verbBefore(scan: Scan, k: number): boolean {
  const word = scan.article.tokens.norm[k - 1] as string;
  return k > 0 && scan.article.tokens.breakBefore[k] !== 1 && (word === 'to' || scan.words.verbSkips.has(word));
}
