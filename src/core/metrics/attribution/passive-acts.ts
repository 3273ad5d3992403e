/**
 * Speech acts in the passive with no agent: "The mayor has been criticised for raising fares", "Holt was
 * accused of lying". Nobody is named as speaking, but news reports that someone blamed, accused or praised
 * the subject; the attribution has no speaker phrase and its content is the whole clause, the subject
 * included (as for a view held by no one named, attitudes.ts). Only acts that judge (adversarial or
 * supportive stances); "was announced", "was called" name no judgement and stay out.
 */
import { passiveBe } from './attitudes.ts';
import { clauseEnd, cueRange, trimmedSpan } from './content-spans.ts';
import { isConnective, opensSubordinateClause } from './noun-phrase-speakers.ts';
import { nextComma, type Scan } from './context.ts';
import { draftOf, type Cue, type Draft, type SentenceRef } from './types.ts';

// Stances of acts that judge their object: a passive of one still reports a judgement someone made.
const JUDGING = new Set(['adversarial', 'supportive']);

/** The attribution of a judging act in the passive with no agent at `cue`, ending with its clause (`cueEnd`: where each cue ends, content-spans.ts); null for any other verb. */
export function agentlessPassiveAct(scan: Scan, cue: Cue, sentence: SentenceRef, cueEnd: Int32Array): Draft | null {
  const { article } = scan;
  // The clause's end is read only for a judging act: five passives in six are of other verbs ("was told").
  if (!cue.ref.act || !JUDGING.has(cue.ref.stance)) return null;
  const end = clauseEnd(scan, cue.t1, sentence.tokenEnd, cueEnd);
  if (end <= cue.t1) return null;
  const be = passiveBe(scan, cue.t0, sentence.tokenStart);
  // The subject before the form of be opens the clause ("And the mayor has been criticised").
  const start = isConnective(scan, sentence.tokenStart) ? sentence.tokenStart + 1 : sentence.tokenStart;
  // "If the mayor is blamed, she will resign": a subordinate clause is a condition, not a report.
  if (be <= start || article.tokens.norm[cue.t1] === 'by' || opensSubordinateClause(scan, start)) return null;
  for (let t = start; t < be; t++) if (article.tokens.breakBefore[t] === 1 && t > start) return null;
  const content = trimmedSpan(article, start, nextComma(scan, cue.t1, end));
  return content === null ? null : draftOf(content.start, cue.paragraph, 'summary', cueRange(article, cue), null, content, cue.sentence);
}
