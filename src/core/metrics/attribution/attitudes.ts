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
  if (cue.ref.kind !== 'verb' || cue.ref.family !== 'attitude') return false;
  const { tokens } = scan.article;
  const t = firstTokenAtOrAfter(tokens, content.start);
  return t < tokens.count && scan.capital[t] === 1 && firstTokenAtOrAfter(tokens, content.end) === t + 1 && !scan.sentenceStarts.has(t);
}
