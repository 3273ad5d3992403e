/**
 * Attribution: who speaks, how directly, with which cue. A cascade of surface patterns anchored on the
 * engine's quotation spans and on reporting cues (verbs by stance, vague attribution, "according to",
 * non-responses), with speakers read from the noun phrase at the cue and resolved to gazetteer actors,
 * earlier named people, titles ("the spokesman") or pronouns. Runs before loaded language so that words
 * in reported speech can be charged to their speaker.
 *
 * One module a pass, in the order `findAttributions` runs them: context.ts (what every pass reads: sentences,
 * datelines, actor mentions from mentions.ts, titles, demonyms, anonymity markers), cues.ts,
 * direct-quotes.ts (the speaker of a quotation from quote-speakers.ts, quotes that go on after their cue from
 * quote-runs.ts, and `Speaker: words` headlines and transcripts from labelled-speech.ts), reported-speech.ts
 * (both reading speakers with noun-phrase-speakers.ts and content with content-spans.ts; a quoting content ends with its
 * quotation, whole-quotations.ts), resolve.ts (speakers to actors, over a speaker-memory.ts; people.ts for names the
 * gazetteer lacks), speaker-sides.ts, voiced-by.ts. The English words they read are lexicon data
 * (src/core/data/attribution-words.ts); hot loops test a token by its word class (word-classes.ts, by word id)
 * or, for a short list, by its shape (word-shapes.ts: length and first and last letters, read from the folded
 * text) before any string look-up.
 */
import type { Lexicons } from '../../data/index.ts';
import type { SegmentedArticle } from '../../text/index.ts';
import { joined } from '../../text/lists.ts';
import { scanArticle } from './context.ts';
import { findRelativeObjects, findUnheldViews, outsideReportedSpeech, withoutNestedViews, withRaisingVerbs, withViewHolders } from './attitudes.ts';
import { findCues } from './cues.ts';
import { findDirectQuotes } from './direct-quotes.ts';
import { findReportedSpeech } from './reported-speech.ts';
import { withContentAfterAside } from './aside-contents.ts';
import { withWholeQuotations } from './whole-quotations.ts';
import { forgetCueEnds } from './content-spans.ts';
import { resolveFindings } from './resolve.ts';
import { findLightVerbCues, findPossessiveNounCues, mergeCues, takenTokens } from './noun-cues.ts';
import { findBareAttitudeCues } from './bare-attitudes.ts';
import { findPassiveViews } from './passive-views.ts';
import { withPurposeFrames } from './purpose-frames.ts';
import { withContinuedSpeech } from './speech-frames.ts';
import { findStanceOpenings } from './stance-openings.ts';
import { findVoicedQuotes } from './voiced-quotes.ts';
import { newSpeakerMemory } from './speaker-memory.ts';
import { applySides, sidesMentioned } from './speaker-sides.ts';
import type { AttributionResult, SidesMapping } from './types.ts';
import { voicedBy } from './voiced-by.ts';

export type { ActorMention, AttributionMode, AttributionResult, Range, RawAttribution, SidesMapping } from './types.ts';
export { sideOfActor } from './speaker-sides.ts';

/**
 * Finds every attribution in text order. `masks` holds one FIRST_WORD value per token; `rulesSource` is
 * cited for cues found by rule. `sides` regroups actors under the caller's labels. `scored` (1 per
 * paragraph that counts) keeps captions and page furniture from bringing sides into the story; their
 * attributions are still found and listed.
 */
export function findAttributions(article: SegmentedArticle, lexicons: Lexicons, masks: Uint16Array, rulesSource: string, sides: SidesMapping = {}, scored?: Uint8Array): AttributionResult {
  // The passes, in order; each takes what the one before found.
  const scan = scanArticle(article, lexicons, masks, rulesSource); // sentences, datelines, actor mentions, titles, demonyms
  const cues = mergeCues(mergeCues(withPurposeFrames(scan, withRaisingVerbs(scan, withContinuedSpeech(scan, findCues(scan)))), findLightVerbCues(scan)), findBareAttitudeCues(scan)); // reporting verbs ("continued to insist", "took to Twitter to say"), then light verbs with a noun ("made the case that"), bare "support" as the verb
  const quotations = findDirectQuotes(scan, cues);
  const found = findReportedSpeech(scan, cues, quotations.claimed, quotations.findings);
  const reported = { ...found, findings: withWholeQuotations(scan, found.findings) }; // ", adding, \"A. B.\"": a content ends with its quotation
  // The passes' findings are joined without a copy where all but one list are empty (joined): copies of a
  // megabyte's 65,000 quotations were large objects, several a pass.
  const unheld = joined(findUnheldViews(scan, cues, reported.claimed), findPassiveViews(scan, cues, reported.claimed)); // "The pier is expected to open in May", "is seen as"
  const relatives = findRelativeObjects(scan, cues, reported.claimed); // "the deal, which Putin opposed"
  const held = withoutNestedViews(joined(quotations.findings, withViewHolders(scan, joined(withContentAfterAside(scan, reported.findings), relatives)))); // "the data supports" holds no view; "said voters want" is one voice
  const earlier = joined(held, outsideReportedSpeech(unheld, held)); // "..., Holt said." reports the view
  const taken = takenTokens(scan, earlier);
  const nouns = findPossessiveNounCues(scan, cues, taken); // "Holt's criticism of the plan"
  const stances = findStanceOpenings(scan, taken); // "To Holt, the delay was a betrayal"
  const voiced = findVoicedQuotes(scan, taken); // "chants of 'Lock him up'"
  const memory = newSpeakerMemory();
  const attributions = resolveFindings(scan, joined(earlier, nouns, stances, voiced), memory);
  forgetCueEnds(); // the cues die here, not with the next article: on a long text they outlived the report
  applySides(attributions, lexicons, memory.personSide, sides, article.text);
  return { attributions, mentions: [...scan.mentions], sidesMentioned: sidesMentioned(scan, attributions, sides, scored), voicedBy: voicedBy(article, attributions) };
}
