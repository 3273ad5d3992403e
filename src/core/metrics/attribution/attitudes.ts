/**
 * What an attitude cue ("supports", "opposes", "wants", "backed") may report that speech may not: a position
 * on someone named, in one word ("voters supported Holt", "the union backs Berg"). A verb of speaking needs
 * at least two words of content ("said so" reports nothing); a position needs only its object.
 */
import { firstTokenAtOrAfter } from '../../text/tokens.ts';
import type { Scan } from './context.ts';
import type { Cue, Range } from './types.ts';

/** Whether `content` is one capitalised word (a name) after an attitude cue: "supported Holt". */
export function isNamedObject(scan: Scan, cue: Cue, content: Range): boolean {
  // A light verb's noun takes a name as well: "took aim at Holt".
  if (cue.ref.kind !== 'verb' || (cue.ref.family !== 'attitude' && cue.ref.lexicon !== scan.words.nounCueSource)) return false;
  const { tokens } = scan.article;
  const t = firstTokenAtOrAfter(tokens, content.start);
  return t < tokens.count && scan.capital[t] === 1 && firstTokenAtOrAfter(tokens, content.end) === t + 1 && !scan.sentenceStarts.has(t);
}

/**
 * Whether the verb at `t` is passive: a form of be before it, across adverbs and "not" ("is not expected
 * to", "are also expected to", "was widely seen"). The passive names nobody as holding the view; "is
 * telling" (an -ing form) is active.
 */
export function isPassive(scan: Scan, t: number, sentenceStart: number): boolean {
  const { norm, breakBefore } = scan.article.tokens;
  if ((norm[t] as string).endsWith('ing')) return false;
  let k = t - 1;
  while (k > sentenceStart && breakBefore[k + 1] !== 1 && scan.words.verbSkips.has(norm[k] as string) && !scan.words.beForms.has(norm[k] as string)) k--;
  return k >= sentenceStart && breakBefore[k + 1] !== 1 && scan.words.beForms.has(norm[k] as string);
}
