/**
 * Reported speech: the cues the direct quotations left, sentence by sentence. A non-response ("declined to
 * comment"), "according to" and its source, a vague source ("critics say", or "two U.S. officials said",
 * ordinary speech by an unnamed source), or a reporting verb with its speaker before it, inverted after it
 * or postposed at the sentence end, reporting a clause (indirect, or mixed when it quotes) or a speech act
 * (a summary: "accused Moscow of ...").
 */
import { firstTokenAtOrAfter } from '../../text/tokens.ts';
import { markAnonymity, type Scan } from './context.ts';
import { charSpan, clauseEnd, contentTokens, cueRange, hasQuoteBetween, onlyTimeWords, skipThat, trimmedSpan } from './content-spans.ts';
import { countryIn, nounPhraseAfter, nounPhraseBefore, subjectBeforeRelativeClause } from './noun-phrase-speakers.ts';
import { sideOfActor } from './speaker-sides.ts';
import type { AttributionMode, ClaimedCues, Cue, Finding, Range, RawAttribution, SentenceRef, Target } from './types.ts';

// Reported content shorter than this ("said so") is not worth an attribution.
const MIN_REPORTED_TOKENS = 2;
// The verb of a postposed attribution ("..., officials said.") is this close to the sentence end.
const POSTPOSED_MAX_TAIL = 6;

/** Finds reported speech at every cue not `claimed` by an earlier pass; returns the findings and the cues claimed so far. */
export function findReportedSpeech(scan: Scan, cues: readonly Cue[], claimed: ClaimedCues): { findings: Finding[]; claimed: ClaimedCues } {
  const findings: Finding[] = [];
  const claimedNow = claimed.slice();
  cues.forEach((cue, index) => {
    if (claimed[index] === 1) return;
    const sentence = scan.sentences[cue.sentence] as SentenceRef;
    const kind = cue.ref.kind;
    const finding = kind === 'non-response' ? nonResponse(scan, cue, sentence) : kind === 'according' ? accordingTo(scan, cue, sentence) : kind === 'vague' ? vagueSource(scan, cue, sentence) : reportingVerb(scan, cue, sentence);
    if (finding === null) return;
    findings.push(finding);
    claimedNow[index] = 1;
  });
  return { findings, claimed: claimedNow };
}

/** Declining to comment: the speaker before the cue, no content. */
function nonResponse(scan: Scan, cue: Cue, sentence: SentenceRef): Finding {
  const speaker = nounPhraseBefore(scan, cue.t0, sentence.tokenStart);
  return { order: scan.article.tokens.start[cue.t0] as number, draft: { paragraph: cue.paragraph, mode: 'non-response', cue: cueRange(scan.article, cue), speaker, content: null, sentence: cue.sentence } };
}

/** "According to the ministry, ...": the source after the cue, the content before it or after the source. */
function accordingTo(scan: Scan, cue: Cue, sentence: SentenceRef): Finding | null {
  const { article } = scan;
  const speaker = nounPhraseAfter(scan, cue.t1, sentence.tokenEnd);
  if (speaker === null) return null;
  const content = cue.t0 > sentence.tokenStart ? trimmedSpan(article, sentence.tokenStart, cue.t0) : speaker.t1 < sentence.tokenEnd ? trimmedSpan(article, speaker.t1, sentence.tokenEnd) : null;
  return { order: content?.start ?? (article.tokens.start[cue.t0] as number), draft: { paragraph: cue.paragraph, mode: 'indirect', cue: cueRange(article, cue), speaker, content, sentence: cue.sentence } };
}

/** "Critics say ...": vague and anonymous; but an unnamed source with an affiliation ("Two U.S. officials said") is ordinary speech. */
function vagueSource(scan: Scan, cue: Cue, sentence: SentenceRef): Finding {
  const { article } = scan;
  const { tokens } = article;
  const affiliated = cue.t1 - cue.t0 >= 2 ? nounPhraseBefore(scan, cue.t1 - 1, sentence.tokenStart) : null;
  const affiliation = affiliated === null ? null : countryIn(scan, affiliated.t0, affiliated.t1);
  if (affiliated !== null && affiliation !== null) {
    const from = skipThat(scan, cue.t1, sentence.tokenEnd);
    const end = clauseEnd(scan, from, sentence.tokenEnd);
    const postposedContent = cue.t0 > sentence.tokenStart && sentence.tokenEnd - cue.t1 <= POSTPOSED_MAX_TAIL;
    const content = postposedContent ? trimmedSpan(article, sentence.tokenStart, affiliated.t0) : end > from ? trimmedSpan(article, from, end) : null;
    const mode: AttributionMode = content !== null && hasQuoteBetween(article, firstTokenAtOrAfter(tokens, content.start), firstTokenAtOrAfter(tokens, content.end)) ? 'mixed' : 'indirect';
    return { order: content?.start ?? (tokens.start[cue.t0] as number), draft: { paragraph: cue.paragraph, mode, cue: cueRange(article, cue), speaker: affiliated, content, sentence: cue.sentence } };
  }
  const content = cue.t1 < sentence.tokenEnd - 1 ? trimmedSpan(article, skipThat(scan, cue.t1, sentence.tokenEnd), sentence.tokenEnd) : cue.t0 > sentence.tokenStart ? trimmedSpan(article, sentence.tokenStart, cue.t0) : null;
  const attribution: RawAttribution = { paragraph: cue.paragraph, mode: 'vague', cue: cueRange(article, cue), speaker: charSpan(article, cue.t0, cue.t1), content, actor: null, side: 'unaligned', anonymous: true };
  markAnonymity(scan, attribution, sentence.index);
  const country = countryIn(scan, Math.max(sentence.tokenStart, cue.t0 - 2), cue.t1);
  if (country !== null) attribution.side = country;
  return { order: content?.start ?? (tokens.start[cue.t0] as number), attribution };
}

/** A reporting verb with a speaker; null in the passive ("was told"), without a speaker, or with nothing reported ("spoke on Monday"). */
function reportingVerb(scan: Scan, cue: Cue, sentence: SentenceRef): Finding | null {
  const { article, words } = scan;
  const { tokens } = article;
  // In the passive ("are expected to", "was told") nobody is named as speaking.
  if (cue.t0 > sentence.tokenStart && words.beForms.has(tokens.norm[cue.t0 - 1] as string)) return null;
  let speaker = nounPhraseBefore(scan, cue.t0, sentence.tokenStart) ?? subjectBeforeRelativeClause(scan, cue.t0, sentence.tokenStart);
  let postposed = false;
  if (speaker === null) {
    // Inverted or postposed: "..., said the minister." / "..., U.S. officials said."
    const inverted = tokens.breakBefore[cue.t0] === 1 ? nounPhraseAfter(scan, cue.t1, sentence.tokenEnd) : null;
    if (inverted !== null && sentence.tokenEnd - inverted.t1 <= 2) {
      speaker = inverted;
      postposed = true;
    }
  } else if (tokens.breakBefore[speaker.t0] === 1 && sentence.tokenEnd - cue.t1 <= POSTPOSED_MAX_TAIL && speaker.t0 > sentence.tokenStart) {
    postposed = true;
  }
  if (speaker === null) return null;
  const ref = cue.ref;
  let content: Range | null;
  let mode: AttributionMode;
  let target: Target | undefined;
  if (postposed) {
    const contentEnd = Math.min(speaker.t0, cue.t0);
    content = contentEnd > sentence.tokenStart ? trimmedSpan(article, sentence.tokenStart, contentEnd) : null;
    mode = content !== null && hasQuoteBetween(article, sentence.tokenStart, contentEnd) ? 'mixed' : 'indirect';
  } else {
    let from = cue.t1;
    // "told reporters that ...": whom the speaker addressed is not what they said.
    if (words.addresseeVerbs.has(ref.lemma)) {
      while (from < sentence.tokenEnd && (words.addressees.has(tokens.norm[from] as string) || scan.capital[from] === 1) && words.clauseWords.get(tokens.norm[from] as string) !== 'complementiser') from++;
    }
    const clause = skipThat(scan, from, sentence.tokenEnd) > from || !ref.act;
    const end = clauseEnd(scan, from, sentence.tokenEnd);
    if (ref.act && !clause) {
      mode = 'summary';
      content = end > cue.t0 ? trimmedSpan(article, cue.t0, end) : null;
      target = targetAfter(scan, cue.t1, end);
    } else {
      const start = skipThat(scan, from, end);
      content = end > start ? trimmedSpan(article, start, end) : null;
      mode = hasQuoteBetween(article, start, end) ? 'mixed' : 'indirect';
    }
  }
  // "spoke on Monday": a verb of speaking with nothing reported is not an attribution.
  if (mode !== 'summary' && (content === null || contentTokens(article, content) < MIN_REPORTED_TOKENS || onlyTimeWords(scan, content))) return null;
  const draft = { paragraph: cue.paragraph, mode, cue: cueRange(article, cue), speaker, content, sentence: cue.sentence };
  return { order: content?.start ?? (tokens.start[cue.t0] as number), draft: target === undefined ? draft : { ...draft, target } };
}

// The actor a speech act is aimed at: the first mention within four tokens after the verb ("accused Moscow").
function targetAfter(scan: Scan, from: number, end: number): Target | undefined {
  for (let t = from; t < Math.min(end, from + 4); t++) {
    const mention = scan.mentions[scan.actorAt[t] as number];
    if (mention !== undefined) return { start: mention.start, end: mention.end, actor: mention.actor, side: sideOfActor(scan.lexicons, mention.actor) };
  }
  return undefined;
}
