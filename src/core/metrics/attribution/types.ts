/**
 * The values attribution passes hand to one another, and the result it returns. Token spans (`t0`, `t1`)
 * are half-open ranges of token indexes; `Range` is a half-open range of UTF-16 offsets into the text.
 */
import { z } from 'zod';
import { lazySchema } from '../../data/lazy-schema.ts';
import type { SpeakerKind } from '../../data/attribution-words.ts';
import type { CueRef } from '../../data/index.ts';
import type { SentenceSpan } from '../../text/index.ts';

/**
 * How a speaker's words reach the reader; the report's `attributions[].mode`. `attitude` is a state of mind
 * reported in the writer's words ("Moscow wants guarantees"): a position, not a statement.
 */
export const ATTRIBUTION_MODES = ['direct', 'mixed', 'indirect', 'summary', 'attitude', 'vague', 'non-response'] as const;
export const attributionModeSchema = lazySchema(() => z.enum(ATTRIBUTION_MODES));
export type AttributionMode = z.infer<typeof attributionModeSchema>;
export type Range = { start: number; end: number };

/** What a cue is, as the report names it: one object for every attribution whose cue has the same source (cueLabel). */
export type CueLabel = { lemma: string; class: string; source: string };
/** A cue's text range with its label, as the passes hand it to draftOf (not kept: the attribution keeps the numbers). */
export type CueSpan = Range & { label: CueLabel };

/**
 * An attribution. Its spans are plain numbers on it, -1 where there is none (`speakerStart`, `contentStart`;
 * `cueStart` with a null `cue`), not a Range object each: a megabyte of `"Yes," he said.` kept 65,000
 * attributions alive from the pass that found them to the report, and their cue, speaker and content ranges
 * (144 bytes and three objects an attribution) were copied by every young-generation collection on the way.
 */
export type RawAttribution = {
  paragraph: number;
  mode: AttributionMode;
  cue: CueLabel | null;
  cueStart: number;
  cueEnd: number;
  speakerStart: number;
  speakerEnd: number;
  contentStart: number;
  contentEnd: number;
  /** gazetteer id, `person:<name>` for a named person not in the gazetteer, or null */
  actor: string | null;
  /** ISO country, an international body (NATO, UN, EU...), a caller's side label, or `unaligned` */
  side: string;
  anonymous: boolean;
  anonymityReason?: boolean | undefined;
  /** what kind of speaker it is, where the gazetteer, the name's form or the common noun tells: person, company, agency, organisation, media, group, document, poll, quantity */
  speakerKind?: 'person' | SpeakerKind | undefined;
  target?: (Range & { actor: string | null; side: string | null }) | undefined;
};

/** An attribution's speaker as a range (made when asked for), or null. */
export function speakerRange(a: RawAttribution): Range | null {
  return a.speakerStart < 0 ? null : { start: a.speakerStart, end: a.speakerEnd };
}

/** An attribution's content as a range (made when asked for), or null. */
export function contentRange(a: RawAttribution): Range | null {
  return a.contentStart < 0 ? null : { start: a.contentStart, end: a.contentEnd };
}

/** An attribution's cue as draftOf takes it (made when asked for), or null. */
export function cueSpanOf(a: RawAttribution): CueSpan | null {
  return a.cue === null ? null : { start: a.cueStart, end: a.cueEnd, label: a.cue };
}

/**
 * A RawAttribution with every field in place and in one order, the optional ones undefined until a pass sets
 * them: attributions made with fields added or deleted as each one needed came in 26 hidden classes on
 * PolNeAR, and every pass and metric reading them (sides, voices, the report) read them through sites that
 * had met too many classes to read a field directly. It is made as a finding complete when found (a vague
 * source), with the finding's fields (Draft) after the attribution's, so that every attribution has one class.
 */
export function rawAttribution(paragraph: number, mode: AttributionMode, cue: CueSpan | null, speaker: Range | null, content: Range | null, actor: string | null, side: string, anonymous: boolean): Draft {
  return { paragraph, mode, cue: cue === null ? null : cue.label, cueStart: cue === null ? -1 : cue.start, cueEnd: cue === null ? -1 : cue.end, speakerStart: speaker === null ? -1 : speaker.start, speakerEnd: speaker === null ? -1 : speaker.end, contentStart: content === null ? -1 : content.start, contentEnd: content === null ? -1 : content.end, actor, side, anonymous, anonymityReason: undefined, speakerKind: undefined, target: undefined, order: 0, sentence: -1, phraseStart: -1, phraseEnd: -1, pending: false };
}

/** A copy of `a` with another content end, of the same shape (rawAttribution). */
export function withContentEnd(a: RawAttribution, contentEnd: number): Draft {
  return { paragraph: a.paragraph, mode: a.mode, cue: a.cue, cueStart: a.cueStart, cueEnd: a.cueEnd, speakerStart: a.speakerStart, speakerEnd: a.speakerEnd, contentStart: a.contentStart, contentEnd, actor: a.actor, side: a.side, anonymous: a.anonymous, anonymityReason: a.anonymityReason, speakerKind: a.speakerKind, target: a.target, order: 0, sentence: -1, phraseStart: -1, phraseEnd: -1, pending: false };
}

export type ActorMention = Range & { tokenStart: number; tokenEnd: number; actor: string; paragraph: number };

export type AttributionResult = {
  attributions: RawAttribution[];
  mentions: ActorMention[];
  /** every side an actor of the article belongs to, speakers or not, sorted */
  sidesMentioned: string[];
  /** per token: index into `attributions` of the reported speech or quotation that holds it, or -1 */
  voicedBy: Int32Array;
};

/** Side label -> actor ids, actor names, speaker texts or country codes; from the caller. */
export type SidesMapping = Readonly<Record<string, readonly string[]>>;

export type { SpeakerKind };
/** A half-open range of token indexes. */
export type TokenSpan = { t0: number; t1: number };
/** A speaker's noun phrase as tokens, or null when none was found. */
export type Speaker = TokenSpan | null;

/**
 * What a cue is: a reporting verb or vague phrase from the lexicons, "according to", or a non-response; every one
 * with CueRef's fields in its order, so that the sites reading cues see one hidden class.
 */
export type CueSource = CueRef | { kind: 'according' | 'non-response'; lemma: string; stance: string; act: false; lexicon: string; family: undefined; needs: undefined; override: undefined };

// Cues the rules make rather than a lexicon lists, in CueSource's one shape (every field, in CueRef's order).
/** A verb cue a rule finds (a bare attitude, "regard ... as", a light verb with its noun). */
export function ruleVerbCue(lemma: string, stance: string, lexicon: string, family: CueRef['family']): CueRef {
  return { kind: 'verb', lemma, stance, act: false, lexicon, family, needs: undefined, override: undefined };
}

/** An "according to" phrase or a refusal to comment. */
export function sourceCue(kind: 'according' | 'non-response', lemma: string, lexicon: string): CueSource {
  return { kind, lemma, stance: 'neutral', act: false, lexicon, family: undefined, needs: undefined, override: undefined };
}
/** A reporting cue outside quotations, as tokens, with the sentence and paragraph that hold it. */
export type Cue = { t0: number; t1: number; ref: CueSource; sentence: number; paragraph: number };

/** The cues passes have claimed: 1 at the index (into the cue list) of each cue some speech was attributed to. */
export type ClaimedCues = Uint8Array;

/** A sentence with its paragraph and its index in the article's list of sentences. */
export type SentenceRef = SentenceSpan & { paragraph: number; index: number };

export type Target = NonNullable<RawAttribution['target']>;

/**
 * An attribution found by a pass: a RawAttribution with the finding's fields after it. A pending one's speaker
 * is still a phrase of tokens, `phraseStart` to `phraseEnd` (-1 for none: two ints, not a span object kept
 * alive with it), that resolve.ts reads in text order to fill in `speaker`, `actor`, `side` and the rest in the
 * same object; a vague source is complete when found (`pending` false). `order` is the text offset it is
 * resolved at, `sentence` the index of the sentence of its cue or quotation. Built apart, a draft in an
 * `{ order, draft }` wrapper and then an attribution, a megabyte of quotations kept 65,000 drafts and wrappers
 * (112 bytes each) alive through every young-generation collection until the last was resolved. The finding's
 * fields stay on the attribution (read by nothing after resolution): 40 bytes, less than the objects they replace.
 */
export type Draft = RawAttribution & { order: number; sentence: number; phraseStart: number; phraseEnd: number; pending: boolean };

/** A draft's speaker phrase as a token span (made when asked for), or null. */
export function phraseOf(draft: Draft): Speaker {
  return draft.phraseStart < 0 ? null : { t0: draft.phraseStart, t1: draft.phraseEnd };
}

/** A pending draft (every field in rawAttribution's order): speaker, actor and side are filled in when it is resolved. */
export function draftOf(order: number, paragraph: number, mode: AttributionMode, cue: CueSpan | null, phrase: Speaker, content: Range | null, sentence: number, target?: Target): Draft {
  return { paragraph, mode, cue: cue === null ? null : cue.label, cueStart: cue === null ? -1 : cue.start, cueEnd: cue === null ? -1 : cue.end, speakerStart: -1, speakerEnd: -1, contentStart: content === null ? -1 : content.start, contentEnd: content === null ? -1 : content.end, actor: null, side: 'unaligned', anonymous: false, anonymityReason: undefined, speakerKind: undefined, target, order, sentence, phraseStart: phrase === null ? -1 : phrase.t0, phraseEnd: phrase === null ? -1 : phrase.t1, pending: true };
}

/** A quotation paragraph that continues the speaker of an earlier finding. */
export type Continuation = { order: number; continues: Finding; paragraph: number; contentStart: number; contentEnd: number };

/**
 * What a pass found, at a text offset (`order`): speech whose speaker is still to be resolved (a pending
 * draft), a quotation paragraph that continues an earlier finding's speaker, or an attribution already complete
 * (vague sources). Speakers are resolved in text order, so that "Lund" finds "Victor Lund" named earlier.
 */
export type Finding = Draft | Continuation;

/** Whether a finding is speech whose speaker is still to be resolved. */
export function isPending(finding: Finding): finding is Draft {
  return !('continues' in finding) && finding.pending;
}
