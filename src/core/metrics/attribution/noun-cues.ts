/**
 * Noun cues (noun-cues.jsonl): a noun naming what someone said or thinks, with the word that opens its
 * content. Two passes read them. `findLightVerbCues` gives a cue for a light verb and its noun ("made the
 * case that", "took aim at", "voiced concern about"): the verb's subject is the speaker, found as for any
 * reporting verb. `findPossessiveNounCues` gives an attribution for a noun after a possessive that names its
 * source ("Holt's criticism of the plan", "her decision to resign"). A noun with no source ("the criticism
 * of the plan") is no attribution.
 */
import type { NounCueRole } from '../../data/attribution-words.ts';
import { joined } from '../../text/lists.ts';
import { firstTokenAtOrAfter } from '../../text/tokens.ts';
import { nextComma, type Scan } from './context.ts';
import { clauseEnd, cueEnds, trimmedSpan } from './content-spans.ts';
import { nounPhraseBefore, opensSentence } from './noun-phrase-speakers.ts';
import { reusedBytes, reusedInts, zeroedBytes, zeroedInts } from './reused-arrays.ts';
import { draftOf, isPending, ruleVerbCue, type Cue, type Finding, type SentenceRef, type Speaker } from './types.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';

// Most words between a light verb and its noun ("made several controversial statements on"), and between a
// possessive and its noun ("Holt's recent sharp criticism of").
const FILLER_MAX = 3;
// Most words between a form of be and its adjective ("is not yet ready to", "was increasingly skeptical of").
const ADJECTIVE_FILLER_MAX = 2;

/** The role of the word of `table` at `t` with its link word at `t + 1`, or undefined. */
function linkedWordAt(scan: Scan, table: ReadonlyMap<string, ReadonlyMap<string, NounCueRole>>, t: number, end: number): NounCueRole | undefined {
  if (t + 1 >= end || scan.article.quotedToken[t + 1] === 1 || scan.article.tokens.breakBefore[t + 1] === 1) return undefined;
  return table.get(scan.article.tokens.norm[t] as string)?.get(scan.article.tokens.norm[t + 1] as string);
}

// Whether token `t` may stand between a light verb or a possessive and its noun: an unquoted lower-case word
// in the same stretch of the clause, no clause word and no form of be.
function isFiller(scan: Scan, t: number): boolean {
  const { article, capital } = scan;
  const word = article.tokens.norm[t] as string;
  return article.quotedToken[t] === 0 && article.tokens.breakBefore[t] !== 1 && capital[t] === 0 && !inClass(scan.classes, t, WORD_CLASS.clauseWord | WORD_CLASS.beForm) && startsWithLetter(word);
}

// Whether a word starts with a letter: ASCII by its code, anything else by the Unicode property.
function startsWithLetter(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return /^[\p{L}]/u.test(word);
}

/**
 * Cues of a light verb and a noun cue, in text order, none overlapping: "made the case that" (the cue runs
 * from the verb to the link word), attitude nouns in the attitude family ("voiced concern about"); and of a
 * form of be and an attitude adjective ("is skeptical of", "was not yet ready to"), in the attitude family.
 */
export function findLightVerbCues(scan: Scan): Cue[] {
  const { article, words } = scan;
  const { norm } = article.tokens;
  const cues: Cue[] = [];
  const { classes } = scan;
  for (let s = 0; s < scan.sentences.length; s++) {
    const sentence = scan.sentences[s] as SentenceRef;
    for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
      const word = norm[t] as string;
      const light = ((classes[t] as number) & WORD_CLASS.lightVerb) !== 0;
      if ((!light && ((classes[t] as number) & WORD_CLASS.beForm) === 0) || article.quotedToken[t] === 1 || scan.excluded[t] === 1) continue;
      const table = light ? words.nounCues : words.attitudeAdjectives;
      const tableClass = light ? WORD_CLASS.nounCue : WORD_CLASS.attitudeAdjective;
      const fillers = light ? FILLER_MAX : ADJECTIVE_FILLER_MAX;
      // Most forms of be have no attitude adjective within reach (and most light verbs no noun cue): the loop
      // below could find no cue, so its word tests are spared.
      if (!classWithin(classes, tableClass, t + 1, Math.min(sentence.tokenEnd, t + 2 + fillers))) continue;
      for (let k = t + 1; k < sentence.tokenEnd && k <= t + 1 + fillers; k++) {
        if (article.tokens.breakBefore[k] === 1 || article.quotedToken[k] === 1) break;
        const role = ((classes[k] as number) & tableClass) !== 0 ? linkedWordAt(scan, table, k, sentence.tokenEnd) : undefined;
        if (role !== undefined) {
          const lemma = `${word} ${norm[k]} ${norm[k + 1]}`;
          cues.push({ t0: t, t1: k + 2, ref: ruleVerbCue(lemma, 'neutral', words.nounCueSource, role === 'attitude' ? 'attitude' : 'speech'), sentence: sentence.index, paragraph: sentence.paragraph });
          t = k + 1;
          break;
        }
        // "has made no secret of": another light verb after one (have as an auxiliary) starts the cue itself.
        if ((!isFiller(scan, k) && norm[k] !== 'it') || (light && ((classes[k] as number) & WORD_CLASS.lightVerb) !== 0)) break;
      }
    }
  }
  return cues;
}

// Whether a token in [from, to) has a class bit of `bit`.
function classWithin(classes: Uint32Array, bit: number, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (((classes[k] as number) & bit) !== 0) return true;
  return false;
}

/**
 * `base` and `extra` (each in text order) merged in text order; a cue of `base` overlapping one of `extra`
 * gives way to it. As in cues.ts, an attitude of `extra` after speech in the same sentence is part of that
 * speech ("Reid said he was confident that ...") and is left out.
 */
export function mergeCues(base: readonly Cue[], extra: readonly Cue[]): readonly Cue[] {
  // Nothing to merge: a copy while short, the list itself past a large object's size (joined; callers only read it).
  if (extra.length === 0) return joined(base);
  const merged: Cue[] = [];
  let j = 0;
  let speech = -1; // the sentence of the latest speech cue of `base`
  const take = (cue: Cue): void => {
    if (!(cue.ref.kind === 'verb' && cue.ref.family === 'attitude' && speech === cue.sentence)) merged.push(cue);
  };
  for (let b = 0; b < base.length; b++) {
    const cue = base[b] as Cue;
    while (j < extra.length && (extra[j] as Cue).t1 <= cue.t0) take(extra[j++] as Cue);
    const next = extra[j];
    if (next !== undefined && next.t0 < cue.t1) continue;
    merged.push(cue);
    if (!(cue.ref.kind === 'verb' && cue.ref.family === 'attitude')) speech = cue.sentence;
  }
  while (j < extra.length) take(extra[j++] as Cue);
  return merged;
}

/**
 * "Holt's criticism of the plan", "her decision to resign", "the union's assertion that the ferry is unsafe":
 * a noun cue whose source is a possessive before it (a name in 's, or his, her, their opening a phrase),
 * with at most a few lower-case words between, outside the tokens `taken` by earlier findings (`takenTokens`:
 * a noun inside what was said is part of that speech, as an attitude verb is in cues.ts). The content runs
 * from after the link word to the clause's end; the mode is attitude for a view or plan, indirect for
 * something said with "that", else a summary.
 */
export function findPossessiveNounCues(scan: Scan, cues: readonly Cue[], taken: Uint8Array): Finding[] {
  const { article, words } = scan;
  const { tokens } = article;
  let cueEnd: Int32Array | undefined;
  const findings: Finding[] = [];
  const { classes } = scan;
  for (let s = 0; s < scan.sentences.length; s++) {
    const sentence = scan.sentences[s] as SentenceRef;
    for (let t = sentence.tokenStart + 1; t < sentence.tokenEnd; t++) {
      if (((classes[t] as number) & WORD_CLASS.nounCue) === 0) continue;
      const role = linkedWordAt(scan, words.nounCues, t, sentence.tokenEnd);
      if (role === undefined || role === 'light' || taken[t] === 1 || article.quotedToken[t] === 1 || scan.excluded[t] === 1) continue;
      const speaker = possessorBefore(scan, t, sentence);
      if (speaker === null || !opensPhrase(scan, speaker.t0, sentence)) continue;
      cueEnd ??= cueEnds(tokens.count, cues);
      const from = t + 2;
      let end = clauseEnd(scan, from, sentence.tokenEnd, cueEnd);
      // "Despite her decision to close the pier, the fishermen stayed": an opening phrase ends at its comma.
      if (speaker.t0 - 1 >= sentence.tokenStart && opensSentence(scan, sentence, speaker.t0 - 1) && words.adjuncts.has(tokens.norm[speaker.t0 - 1] as string)) end = nextComma(scan, from, end);
      const content = trimmedSpan(article, from, end);
      if (content === null) continue;
      const link = tokens.norm[t + 1] as string;
      const mode = role === 'attitude' ? 'attitude' : words.clauseWords.get(link) === 'complementiser' ? 'indirect' : 'summary';
      const cue = { start: tokens.start[t] as number, end: tokens.end[t + 1] as number, label: { lemma: `${tokens.norm[t]} ${link}`, class: 'neutral', source: words.nounCueSource } };
      findings.push(draftOf(content.start, sentence.paragraph, mode, cue, speaker, content, sentence.index));
      t++;
    }
  }
  return findings;
}

// Whether a possessive noun phrase starting at `t` is a subject or a preposition's object: it opens the
// sentence or a clause (after a comma, "and", "that"), or follows a preposition ("despite her opposition to").
// After another verb ("Jewish groups condemned Holt's proposal to") the phrase is that verb's object, and the
// speech reported is the verb's subject's.
function opensPhrase(scan: Scan, t: number, sentence: SentenceRef): boolean {
  if (t === sentence.tokenStart || scan.article.tokens.breakBefore[t] === 1) return true;
  const before = scan.article.tokens.norm[t - 1] as string;
  return scan.words.adjuncts.has(before) || scan.words.clauseWords.has(before) || scan.words.introductions.has(before);
}

/** Per token: 1 inside the cue, speaker or content of one of `findings`; valid until the next call (reused-arrays.ts). */
export function takenTokens(scan: Scan, findings: readonly Finding[]): Uint8Array {
  const { tokens } = scan.article;
  // The spans are joined in one sweep over the tokens, not marked token by token: in a long sentence of asides
  // ("the ferry was late, said Holt, ...") every content runs to the sentence's end, so marking each was quadratic.
  const reach = zeroedInts(reachStore, tokens.count + 1);
  for (let f = 0; f < findings.length; f++) {
    const finding = findings[f] as Finding;
    if (!isPending(finding)) continue;
    if (finding.contentStart >= 0) reachTo(reach, firstTokenAtOrAfter(tokens, finding.contentStart), firstTokenAtOrAfter(tokens, finding.contentEnd));
    if (finding.cue !== null) reachTo(reach, firstTokenAtOrAfter(tokens, finding.cueStart), firstTokenAtOrAfter(tokens, finding.cueEnd));
    if (finding.phraseStart >= 0) reachTo(reach, finding.phraseStart, finding.phraseEnd);
  }
  const taken = zeroedBytes(takenStore, tokens.count);
  let end = 0;
  for (let t = 0; t < tokens.count; t++) {
    end = Math.max(end, reach[t] as number);
    if (t < end) taken[t] = 1;
  }
  return taken;
}

// `reach[from]`: the furthest end of the spans [from, to) that start at token `from`.
function reachTo(reach: Int32Array, from: number, to: number): void {
  if (to > (reach[from] as number)) reach[from] = to;
}

const reachStore = reusedInts();
const takenStore = reusedBytes();

// The possessive naming the source of the noun at `noun`: a speaker phrase ending in 's ("the mayor's",
// "Anna Berg's"), or a possessive pronoun ("Her decision to resign", "angered the board with his comments
// on the pier"), with at most a few lower-case words between ("Holt's sharp"). Inside a clause the pronoun
// only counts after a preposition or a clause word (opensPhrase): after another verb ("condemned his
// decision to") the speech reported is that verb's subject's. After "in" following a verb ("have been
// unsparing in their criticism of") annotators credit either the pronoun or the verb's subject; the pronoun
// is kept, resolved to its antecedent.
function possessorBefore(scan: Scan, noun: number, sentence: SentenceRef): Speaker {
  const { tokens } = scan.article;
  for (let p = noun - 1; p >= sentence.tokenStart && noun - p <= FILLER_MAX + 1; p--) {
    const word = tokens.norm[p] as string;
    if (scan.article.quotedToken[p] === 1) return null;
    if (scan.words.possessives.has(word)) return { t0: p, t1: p + 1 };
    if (/['\u2019]s?$/.test(word) && word.length > 2) return nounPhraseBefore(scan, p + 1, sentence.tokenStart);
    if (!isFiller(scan, p) || scan.words.determiners.has(word) || tokens.breakBefore[p + 1] === 1) return null;
  }
  return null;
}
