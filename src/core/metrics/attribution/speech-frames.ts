/**
 * Speech frames: some reporting verbs name an act of speech only with a speech object or complement after
 * them. "The ministry released a statement", "Holt posted on Twitter that...", "police named him as the
 * driver", "she shared: \"...\"" report speech; "the company posted a loss", "the police released the
 * suspect", "two families shared a meal", "sirens sounded across the city" are acts in the world, and
 * reading them as speech gives their subject a voice. Such entries carry `needs` (reporting-verbs.jsonl).
 */
import { FIRST_WORD, matchAt, type CueRef } from '../../data/index.ts';
import type { Scan } from './context.ts';
import { infinitiveAt } from './content-spans.ts';
import { topicFollows } from './speech-topics.ts';
import type { Cue } from './types.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';

// How many words after the verb its speech object may stand: "released a brief written statement",
// "posted a short video on Facebook".
const FRAME_REACH = 6;

/** Whether the cue `ref` matched at tokens ..last ("to" for `infinitive`), in a sentence ending at token `end`, stands in the frame its entry needs (always, without `needs`). */
export function inSpeechFrame(scan: Scan, ref: CueRef, last: number, end: number): boolean {
  if (ref.needs === undefined) return true;
  // "is looking to cut taxes" is an intention; "investors look to the bank for guidance" is reliance.
  if (ref.needs === 'infinitive') return infinitiveAt(scan, last, end);
  if (ref.needs === 'clause') return clauseFollows(scan, last + 1, end);
  if (ref.needs === 'speech-goes-on') return speechGoesOn(scan, last + 1, end);
  if (ref.needs === 'topic') return topicFollows(scan, ref.lemma, last, end);
  if (ref.needs === 'helper') return scan.article.tokens.norm[last] !== ref.lemma || helperBefore(scan, last);
  const { tokens, quotedToken, text } = scan.article;
  const words = scan.words;
  // "posted: \"...\"", "shared, \"...\"": the quotation is what was given out.
  if (last + 1 < end && tokens.breakBefore[last + 1] === 1) {
    const between = text.slice(tokens.end[last], tokens.start[last + 1]).trim();
    return between.startsWith(':') || quotedToken[last + 1] === 1;
  }
  // "sounded across the city as the missiles fell": after a place, "as" opens a clause of time, not "X as Y".
  let placed = false;
  for (let t = last + 1; t < end && t <= last + FRAME_REACH; t++) {
    if (quotedToken[t] === 1) return true;
    // A comma or other break ends the clause: "sounded across the city, as sirens wailed".
    if (t > last + 1 && tokens.breakBefore[t] === 1) return false;
    const word = tokens.norm[t] as string;
    if (inClass(scan.classes, t, WORD_CLASS.locative)) placed = true;
    if ((word === 'as' && !placed) || inClass(scan.classes, t, WORD_CLASS.complementiser)) return true;
    if (words.speechObjects.has(word) || words.speechObjects.has(tokens.bare[t] as string)) return true;
  }
  return false;
}

// How far after a `clause` verb its clause may start: "advised anyone with questions about the ferry to call".
const CLAUSE_REACH = 10;

// Whether a that-clause, a to-infinitive or "against" opens within CLAUSE_REACH unquoted words from `from`,
// before a comma or another clause word: what a `clause` verb reports ("advised walkers to stay away").
function clauseFollows(scan: Scan, from: number, end: number): boolean {
  const { tokens, quotedToken } = scan.article;
  for (let k = from; k < end && k < from + CLAUSE_REACH; k++) {
    if (quotedToken[k] === 1 || (k > from && tokens.breakBefore[k] === 1)) return false;
    const word = tokens.norm[k] as string;
    if (word === 'against' || infinitiveAt(scan, k, end)) return true;
    const role = scan.words.clauseWords.get(word);
    if (role !== undefined) return role === 'complementiser';
  }
  return false;
}

// Whether the words after a `speech-goes-on` verb, from `from`, carry speech: nothing or a break (a tag), a
// quotation later in the sentence, "that", or "to" before a verb of speech.
function speechGoesOn(scan: Scan, from: number, end: number): boolean {
  const { tokens, quotedToken } = scan.article;
  if (from >= end || tokens.breakBefore[from] === 1) return true;
  for (let k = from; k < end; k++) if (quotedToken[k] === 1) return true;
  const word = tokens.norm[from] as string;
  if (scan.words.clauseWords.get(word) === 'complementiser') return true;
  return word === 'to' && from + 1 < end && verbCueAt(scan, from + 1, end);
}

// Whether the base-form verb at `t` follows "to" or a word of the skip list (an auxiliary, a modal, a
// negation or an adverb: "will discuss", "did not discuss", "often discuss", "met to discuss"). Alone after
// its subject ("vital that the two leaders discuss") the base form is a subjunctive: what someone wants done.
function helperBefore(scan: Scan, t: number): boolean {
  const { tokens } = scan.article;
  if (t === 0 || tokens.breakBefore[t] === 1) return false;
  const before = tokens.norm[t - 1] as string;
  return before === 'to' || scan.words.verbSkips.has(before);
}

const verbScratch: CueRef[] = [];

/** Whether a reporting or attitude verb of the lexicons starts at `t` and ends by `end`. */
export function verbCueAt(scan: Scan, t: number, end: number): boolean {
  if (((scan.masks[t] as number) & FIRST_WORD.cue) === 0 || matchAt(scan.lexicons.cues, scan.article.tokens, t, end, verbScratch) === 0) return false;
  const ref = verbScratch[0] as CueRef;
  return ref.kind === 'verb' && ref.override !== true;
}

/**
 * `cues` with each `speech-goes-on` verb taken for the verb of speech after its "to" ("continued to insist
 * that", "polls continue to show that") made one cue: the verb after "to" names the act and its stance, and the
 * cue starts at the first verb so that the subject before it is read as the speaker. Kept apart, the first
 * verb was a neutral cue of its own ("continue") that hid the stance of the second, and a document verb after
 * it ("show that") made a second attribution of the same content. A first verb whose second is no cue (an
 * attitude after speech, a verb that failed its own frame) stays as it was found.
 */
export function withContinuedSpeech(scan: Scan, cues: readonly Cue[]): Cue[] {
  const { norm, breakBefore } = scan.article.tokens;
  const continued = (first: Cue, second: Cue): boolean =>
    first.ref.kind === 'verb' && first.ref.needs === 'speech-goes-on' && second.ref.kind === 'verb' && second.t0 === first.t1 + 1 && norm[first.t1] === 'to' && breakBefore[first.t1] !== 1 && breakBefore[second.t0] !== 1;
  let any = false;
  for (let i = 0; i + 1 < cues.length && !any; i++) any = continued(cues[i] as Cue, cues[i + 1] as Cue);
  if (!any) return cues as Cue[];
  const out: Cue[] = [];
  for (let i = 0; i < cues.length; i++) {
    const first = cues[i] as Cue;
    const second = cues[i + 1];
    if (second === undefined || !continued(first, second)) {
      out.push(first);
      continue;
    }
    // Written out, not spread: one hidden class for every cue keeps the passes reading them fast.
    out.push({ t0: first.t0, t1: second.t1, ref: second.ref, sentence: second.sentence, paragraph: second.paragraph });
    i++;
  }
  return out;
}
