/**
 * Attribution: who speaks, how directly, with which cue. A cascade of surface patterns anchored on the
 * engine's quotation spans and on reporting cues (verbs by stance, vague attribution, "according to",
 * non-responses), with speakers read from the noun phrase at the cue and resolved to gazetteer actors,
 * earlier named people, titles ("the spokesman") or pronouns. Runs before loaded language so that words
 * in reported speech can be charged to their speaker.
 *
 * Passes, in order: 1. actor mentions; 2. cues; 3. direct quotations (speaker after, before, split,
 * continued, headline `Speaker: "..."`); 4. the remaining cues (mixed, indirect, postposed, summary
 * acts, "according to", vague, non-response); 5. speaker resolution and sides.
 */
import { FIRST_WORD, matchAt, type Actor, type ActorRef, type CueRef, type Lexicons, type PhraseCandidate, type PhraseRef } from '../../data/index.ts';
import type { ParagraphSpan, SegmentedArticle, SentenceSpan } from '../../text/index.ts';
import { createRequire } from 'node:module';
import { firstTokenAtOrAfter } from '../../text/tokens.ts';

export type AttributionMode = 'direct' | 'mixed' | 'indirect' | 'summary' | 'vague' | 'non-response';
export type Range = { start: number; end: number };

export type RawAttribution = {
  paragraph: number;
  mode: AttributionMode;
  cue: (Range & { lemma: string; class: string; source: string }) | null;
  speaker: Range | null;
  content: Range | null;
  /** gazetteer id, `person:<name>` for a named person not in the gazetteer, or null */
  actor: string | null;
  /** ISO country, an international body (NATO, UN, EU...), a caller's side label, or `unaligned` */
  side: string;
  anonymous: boolean;
  anonymityReason?: boolean;
  target?: Range & { actor: string | null; side: string | null };
};

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

// Words skipped between a subject and its verb: auxiliaries, adverbs and short time phrases.
const SKIP_BEFORE_VERB = new Set([
  'has', 'have', 'had', 'was', 'were', 'is', 'are', 'been', 'be', 'will', 'would', 'could', 'should', 'may', 'might', 'did', 'does', 'do',
  'also', 'previously', 'earlier', 'later', 'already', 'again', 'repeatedly', 'once', 'then', 'now', 'recently', 'reportedly',
  'publicly', 'privately', 'separately', 'further', 'immediately', 'quickly', 'flatly', 'firmly', 'strongly', 'sharply', 'not',
  'today', 'yesterday', 'tonight', 'ago',
]);
const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'weeks', 'day', 'days', 'month', 'months',
  'year', 'years', 'weekend', 'morning', 'evening', 'night', 'afternoon', 'earlier', 'later', 'time',
]);
const TIME_PHRASE_WORDS = new Set(['on', 'over', 'in', 'during', 'for', 'the', 'past', 'last', 'this', 'a', 'few', 'several', 'recent', 'previous', 'two', 'three', 'late', 'early']);
// Words that can sit inside a speaker's noun phrase besides capitalised words and titles.
const NP_WORDS = new Set([
  'the', 'a', 'an', 'its', 'his', 'her', 'their', 'and', 'of', 'senior', 'top', 'former', 'deputy', 'chief', 'foreign', 'local', 'state', 'federal', 'military',
  'government', 'allies', 'officials', 'leaders', 'forces', 'police', 'spokesman', 'spokeswoman', 'spokesperson', 'ministry', 'embassy', 'office', 'department',
  'agency', 'committee', 'commission', 'council', 'navy', 'army', 'party', 'mission', 'administration', 'coalition', 'alliance', 'court', 'parliament', 'ruling',
]);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const HONORIFICS = new Set(['mr', 'ms', 'mrs', 'miss', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady']);
// Adjectives that sit inside role phrases ("regional governor", "acting minister").
const NP_ADJECTIVES = new Set(['regional', 'acting', 'interim', 'national', 'provincial', 'outgoing', 'incoming', 'chief', 'press', 'prime', 'defence', 'defense', 'interior', 'finance', 'security', 'presidential', 'royal', 'two', 'three', 'several', 'many', 'some', 'western', 'european']);
// Words that link the parts of a role phrase ("spokesperson for the U.S. Embassy in Moscow").
const NP_LINKS = new Set(['of', 'for', 'in', 'at', 'to']);
// A gazetteer name after these locates the speaker rather than naming them.
const LOCATIVES = new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'from', 'across']);
const PREPOSITIONS = new Set(['in', 'on', 'at', 'from', 'after', 'before', 'during', 'for', 'with', 'by', 'as', 'since', 'while', 'when', 'calling', 'speaking']);
// Objects of "told" that are not part of the reported content.
const TOLD_OBJECTS = new Set(['reporters', 'journalists', 'the', 'a', 'press', 'media', 'news', 'him', 'her', 'them', 'us', 'me', 'parliament', 'lawmakers', 'an', 'interviewer', 'broadcaster']);
// A quotation this long reads as a full direct quote even inside a sentence.
const DIRECT_QUOTE_MIN_WORDS = 6;
const AFTER_QUOTE_MAX_TOKENS = 9;
// Reported content shorter than this ("said so") is not worth an attribution.
const MIN_REPORTED_TOKENS = 2;
const BEFORE_QUOTE_MAX_TOKENS = 9;
// The verb of a postposed attribution ("..., officials said.") is this close to the sentence end.
const POSTPOSED_MAX_TAIL = 6;
// A title whose gazetteer holders belong to more bodies than this cannot place a speaker by context.
const MAX_TITLE_BODIES = 2;
// Jaro-Winkler similarity at which two surnames name the same person.
const SURNAME_SIMILARITY = 0.94;
const jaroWinkler = createRequire(import.meta.url)('natural/lib/natural/distance/jaro-winkler_distance.js') as (a: string, b: string) => number;
const DATELINE = /^[A-Z][A-Z .'\u2019-]{1,40}(?:,\s*[A-Z][A-Za-z. ]{1,30})?\s*(?:\([^)]{1,40}\))?\s*[-\u2013\u2014]{1,2}\s/;

type Cue = { t0: number; t1: number; ref: CueRef | { kind: 'according' | 'non-response'; lemma: string; stance: string; act: false; lexicon: string }; sentence: number; paragraph: number; used: boolean };
type SentenceRef = SentenceSpan & { paragraph: number; index: number };
type Speaker = { t0: number; t1: number } | null;

/** Finds the attributions of the article; `sides` regroups actors under the caller's labels. */
/**
 * Finds every attribution in text order. `scored` (1 per paragraph that counts) keeps captions and page
 * furniture from bringing sides into the story; their attributions are still found and listed.
 */
export function findAttributions(article: SegmentedArticle, lexicons: Lexicons, masks: Uint16Array, rulesSource: string, sides: SidesMapping = {}, scored?: Uint8Array): AttributionResult {
  const { tokens, text } = article;
  const sentences: SentenceRef[] = [];
  article.paragraphs.forEach((paragraph, p) => {
    for (const s of paragraph.sentences) sentences.push({ start: s.start, end: s.end, tokenStart: s.tokenStart, tokenEnd: s.tokenEnd, paragraph: p, index: sentences.length });
  });
  const sentenceOf = new Int32Array(tokens.count).fill(-1);
  for (const sentence of sentences) for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) sentenceOf[t] = sentence.index;
  const excluded = datelineTokens(article);
  const isCap = (t: number): boolean => {
    const code = text.charCodeAt(tokens.start[t] as number);
    return code >= 65 && code <= 90 ? true : code > 127 && text[tokens.start[t] as number] !== (text[tokens.start[t] as number] as string).toLowerCase();
  };

  // 1. Actor mentions (a match must hold a capitalised word: "turkey" the bird is not Turkey).
  const mentions: ActorMention[] = [];
  const actorAt = new Int32Array(tokens.count).fill(-1);
  const actorScratch: PhraseCandidate<ActorRef>[] = [];
  article.paragraphs.forEach((paragraph, p) => {
    let t = paragraph.tokenStart;
    while (t < paragraph.tokenEnd) {
      if (((masks[t] as number) & FIRST_WORD.actor) === 0 || excluded[t] === 1 || matchAt(lexicons.actorIndex, tokens, t, paragraph.tokenEnd, actorScratch) === 0) {
        t++;
        continue;
      }
      const best = actorScratch[0] as PhraseCandidate<ActorRef>;
      const end = t + best.rest.length + 1;
      let capitalised = false;
      for (let k = t; k < end; k++) if (isCap(k)) capitalised = true;
      if (capitalised) {
        for (let k = t; k < end; k++) actorAt[k] = mentions.length;
        mentions.push({ start: tokens.start[t] as number, end: tokens.end[end - 1] as number, tokenStart: t, tokenEnd: end, actor: best.value.id, paragraph: p });
      }
      t = end;
    }
  });

  // 2. Cues outside quotations.
  const cues: Cue[] = [];
  const cueScratch: PhraseCandidate<CueRef>[] = [];
  const phraseScratch: PhraseCandidate<PhraseRef>[] = [];
  for (const sentence of sentences) {
    let t = sentence.tokenStart;
    while (t < sentence.tokenEnd) {
      if (article.quotedToken[t] === 1 || excluded[t] === 1) {
        t++;
        continue;
      }
      const mask = masks[t] as number;
      if ((mask & FIRST_WORD.nonResponse) !== 0 && matchAt(lexicons.nonResponses, tokens, t, sentence.tokenEnd, phraseScratch) > 0) {
        const best = phraseScratch[0] as PhraseCandidate<PhraseRef>;
        cues.push({ t0: t, t1: t + best.rest.length + 1, ref: { kind: 'non-response', lemma: best.value.term, stance: 'neutral', act: false, lexicon: best.value.lexicon }, sentence: sentence.index, paragraph: sentence.paragraph, used: false });
        t += best.rest.length + 1;
        continue;
      }
      if (tokens.norm[t] === 'according' && t + 1 < sentence.tokenEnd && tokens.norm[t + 1] === 'to') {
        cues.push({ t0: t, t1: t + 2, ref: { kind: 'according', lemma: 'according to', stance: 'neutral', act: false, lexicon: rulesSource }, sentence: sentence.index, paragraph: sentence.paragraph, used: false });
        t += 2;
        continue;
      }
      if ((mask & FIRST_WORD.cue) !== 0 && matchAt(lexicons.cues, tokens, t, sentence.tokenEnd, cueScratch) > 0) {
        const best = cueScratch[0] as PhraseCandidate<CueRef>;
        // "on condition of anonymity" marks a source; it does not stand for one.
        if (best.value.kind === 'vague' && (mask & FIRST_WORD.anonymity) !== 0 && matchAt(lexicons.anonymity, tokens, t, sentence.tokenEnd, phraseScratch) > 0) {
          t += best.rest.length + 1;
          continue;
        }
        cues.push({ t0: t, t1: t + best.rest.length + 1, ref: best.value, sentence: sentence.index, paragraph: sentence.paragraph, used: false });
        t += best.rest.length + 1;
        continue;
      }
      t++;
    }
  }

  const resolver = createResolver(article, lexicons, masks, sentences, mentions, actorAt, isCap);
  const attributions: RawAttribution[] = [];
  const cueRange = (cue: Cue) => ({
    start: tokens.start[cue.t0] as number,
    end: tokens.end[cue.t1 - 1] as number,
    lemma: cue.ref.lemma,
    class: cue.ref.kind === 'verb' ? cue.ref.stance : cue.ref.kind,
    source: cue.ref.lexicon,
  });
  const span = (t0: number, t1: number): Range => ({ start: tokens.start[t0] as number, end: tokens.end[t1 - 1] as number });
  // Token -> index of the cue starting there, so that looking around a quotation is a short scan.
  const cueAt = new Int32Array(tokens.count).fill(-1);
  cues.forEach((cue, index) => {
    cueAt[cue.t0] = index;
  });
  const verbCueIn = (from: number, to: number): Cue | undefined => {
    for (let t = from; t < to; t++) {
      const cue = cues[cueAt[t] as number];
      if (cue !== undefined && !cue.used && cue.ref.kind === 'verb' && cue.t1 <= to) return cue;
    }
    return undefined;
  };

  // 3. Direct quotations.
  const quotes = article.quotes.filter((q) => q.kind !== 'nested');
  // Attributions are resolved in text order (so that "Lund" finds "Victor Lund" named earlier), after every
  // pass has found its patterns: each pattern queues a job at its position.
  const pending: { order: number; run: () => void }[] = [];
  const queue = (order: number, run: () => void): void => {
    pending.push({ order, run });
  };
  let previousDirect: { made: RawAttribution[] } | undefined;
  let previousDirectParagraph = -2;
  for (let q = 0; q < quotes.length; q++) {
    const quote = quotes[q] as (typeof quotes)[number];
    const qt0 = firstTokenAtOrAfter(tokens, quote.start);
    let qt1 = qt0;
    while (qt1 < tokens.count && (tokens.end[qt1] as number) <= quote.end) qt1++;
    if (qt1 === qt0) continue;
    const sentence = sentences[sentenceOf[qt0] as number];
    if (sentence === undefined) continue;
    const paragraphIndex = sentence.paragraph;
    const paragraph = article.paragraphs[paragraphIndex] as ParagraphSpan;
    const words = qt1 - qt0;
    const opensSentence = sentence !== undefined && sentence.start === quote.start;
    const afterColon = /:\s*$/.test(text.slice(Math.max(paragraph.start, quote.start - 3), quote.start));
    const full = words >= DIRECT_QUOTE_MIN_WORDS || opensSentence || afterColon || quote.continued;

    // Speaker after the quote: `"...," Peskov said` / `"...," said Sergei Lavrov, ...`.
    let found: { cue: Cue | null; speaker: Speaker } | undefined;
    const afterEnd = Math.min(paragraph.tokenEnd, qt1 + AFTER_QUOTE_MAX_TOKENS);
    const after = quote.openEnded ? undefined : verbCueIn(qt1, afterEnd);
    if (after !== undefined && (after.t0 === qt1 || !hasQuoteBetween(article, qt1, after.t0))) {
      const before = after.t0 > qt1 ? resolver.nounPhraseBefore(after.t0, qt1) : null;
      const inverted = before === null ? resolver.nounPhraseAfter(after.t1, paragraph.tokenEnd) : null;
      if (before !== null || inverted !== null) found = { cue: after, speaker: before ?? inverted };
    }
    // Speaker before: `Peskov told reporters: "..."` / `She said, "..."`.
    if (found === undefined && full) {
      const from = Math.max(paragraph.tokenStart, qt0 - BEFORE_QUOTE_MAX_TOKENS);
      let before: Cue | undefined;
      for (let t = qt0 - 1; t >= from && before === undefined; t--) {
        const cue = cues[cueAt[t] as number];
        if (cue !== undefined && !cue.used && cue.ref.kind === 'verb' && cue.t1 <= qt0 && !hasQuoteBetween(article, cue.t1, qt0)) before = cue;
      }
      const gap = before === undefined ? '' : text.slice(tokens.end[before.t1 - 1] as number, quote.start);
      if (before !== undefined && /^[\s\p{L}'\u2019-]*[\s,:]*$/u.test(gap) && qt0 - before.t1 <= 5 && (gap.includes(':') || gap.includes(',') || qt0 - before.t1 <= 2)) {
        const speaker = resolver.nounPhraseBefore(before.t0, paragraph.tokenStart);
        if (speaker !== null) found = { cue: before, speaker };
      }
    }
    // Headline `Speaker: "..."` (a short line) or any `Name: "..."`.
    if (found === undefined && afterColon) {
      const colon = text.lastIndexOf(':', quote.start);
      const np = resolver.nounPhraseBefore(firstTokenAtOrAfter(tokens, colon), paragraph.tokenStart);
      if (np !== null) found = { cue: null, speaker: np };
    }
    if (found !== undefined && (full || found.cue === null)) {
      if (found.cue !== null) found.cue.used = true;
      // A split quote: `"We will fight," she said, "and we will win."` is one attribution.
      let contentEnd = quote.end;
      const next = quotes[q + 1];
      if (next !== undefined && found.cue !== null && next.start < paragraph.end && next.start > quote.end) {
        const between = firstTokenAtOrAfter(tokens, next.start);
        const gapText = text.slice(quote.end, next.start);
        if (/,\s*$/.test(gapText) && between - qt1 <= AFTER_QUOTE_MAX_TOKENS && found.cue.t0 >= qt1 && found.cue.t1 <= between) {
          contentEnd = next.end;
          q++;
        }
      }
      const draft: Draft = {
        paragraph: paragraphIndex,
        mode: 'direct',
        cue: found.cue === null ? null : cueRange(found.cue),
        speaker: found.speaker,
        content: { start: quote.start, end: contentEnd },
        sentence: sentenceOf[qt0] as number,
      };
      const holder: { made: RawAttribution[] } = { made: [] };
      queue(quote.start, () => {
        holder.made = resolver.attribute(draft);
        attributions.push(...holder.made);
      });
      previousDirect = holder;
      previousDirectParagraph = paragraphIndex;
      continue;
    }
    // A quotation paragraph with no cue continues the previous speaker.
    const startsParagraph = quote.start === paragraph.start;
    if (found === undefined && startsParagraph && previousDirect !== undefined && paragraphIndex - previousDirectParagraph <= 1 && paragraphIndex !== previousDirectParagraph) {
      const source = previousDirect;
      const holder: { made: RawAttribution[] } = { made: [] };
      queue(quote.start, () => {
        const first = source.made[0];
        if (first === undefined) return;
        const continued: RawAttribution = { ...first, paragraph: paragraphIndex, cue: null, speaker: null, content: { start: quote.start, end: quote.end } };
        delete continued.target;
        holder.made = [continued];
        attributions.push(continued);
      });
      previousDirect = holder;
      previousDirectParagraph = paragraphIndex;
    }
  }

  // 4. The remaining cues, sentence by sentence.
  for (const cue of cues) {
    if (cue.used) continue;
    const sentence = sentences[cue.sentence] as SentenceRef;
    const paragraph = cue.paragraph;
    if (cue.ref.kind === 'non-response') {
      const speaker = resolver.nounPhraseBefore(cue.t0, sentence.tokenStart);
      cue.used = true;
      // Declining to comment is a right-of-reply attempt, not a source speaking: never anonymous.
      const draft: Draft = { paragraph, mode: 'non-response', cue: cueRange(cue), speaker, content: null, sentence: cue.sentence };
      queue(tokens.start[cue.t0] as number, () => {
        for (const made of resolver.attribute(draft)) {
          made.anonymous = false;
          delete made.anonymityReason;
          attributions.push(made);
        }
      });
      continue;
    }
    if (cue.ref.kind === 'according') {
      const speaker = resolver.nounPhraseAfter(cue.t1, sentence.tokenEnd);
      if (speaker === null) continue;
      cue.used = true;
      const content = cue.t0 > sentence.tokenStart ? trimmedSpan(article, sentence.tokenStart, cue.t0) : speaker.t1 < sentence.tokenEnd ? trimmedSpan(article, speaker.t1, sentence.tokenEnd) : null;
      const draft: Draft = { paragraph, mode: 'indirect', cue: cueRange(cue), speaker, content, sentence: cue.sentence };
      queue(content?.start ?? (tokens.start[cue.t0] as number), () => attributions.push(...resolver.attribute(draft)));
      continue;
    }
    if (cue.ref.kind === 'vague') {
      cue.used = true;
      // An unnamed source with an affiliation ("Two U.S. officials said") is ordinary speech, anonymous.
      const affiliated = cue.t1 - cue.t0 >= 2 ? resolver.nounPhraseBefore(cue.t1 - 1, sentence.tokenStart) : null;
      const affiliation = affiliated === null ? null : resolver.countryIn(affiliated.t0, affiliated.t1);
      if (affiliated !== null && affiliation !== null) {
        const from = skipThat(article, cue.t1, sentence.tokenEnd);
        const end = clauseEnd(article, from, sentence.tokenEnd);
        const postposedContent = cue.t0 > sentence.tokenStart && sentence.tokenEnd - cue.t1 <= POSTPOSED_MAX_TAIL;
        const content = postposedContent ? trimmedSpan(article, sentence.tokenStart, affiliated.t0) : end > from ? trimmedSpan(article, from, end) : null;
        const mode: AttributionMode = content !== null && hasQuoteBetween(article, firstTokenAtOrAfter(tokens, content.start), firstTokenAtOrAfter(tokens, content.end)) ? 'mixed' : 'indirect';
        const draft: Draft = { paragraph, mode, cue: cueRange(cue), speaker: affiliated, content, sentence: cue.sentence };
        queue(content?.start ?? (tokens.start[cue.t0] as number), () => attributions.push(...resolver.attribute(draft)));
        continue;
      }
      const content = cue.t1 < sentence.tokenEnd - 1 ? trimmedSpan(article, skipThat(article, cue.t1, sentence.tokenEnd), sentence.tokenEnd) : cue.t0 > sentence.tokenStart ? trimmedSpan(article, sentence.tokenStart, cue.t0) : null;
      const attribution: RawAttribution = { paragraph, mode: 'vague', cue: cueRange(cue), speaker: span(cue.t0, cue.t1), content, actor: null, side: 'unaligned', anonymous: true };
      resolver.markAnonymity(attribution, sentence);
      const country = resolver.countryIn(Math.max(sentence.tokenStart, cue.t0 - 2), cue.t1);
      if (country !== null) attribution.side = country;
      queue(content?.start ?? (tokens.start[cue.t0] as number), () => attributions.push(attribution));
      continue;
    }
    // A reporting verb. In the passive ("are expected to", "was told") nobody is named as speaking.
    if (cue.t0 > sentence.tokenStart && BE_FORMS.has(tokens.norm[cue.t0 - 1] as string)) continue;
    let speaker = resolver.nounPhraseBefore(cue.t0, sentence.tokenStart) ?? resolver.subjectBeforeRelativeClause(cue.t0, sentence.tokenStart);
    let postposed = false;
    if (speaker === null) {
      // Inverted or postposed: "..., said the minister." / "..., U.S. officials said."
      const inverted = tokens.breakBefore[cue.t0] === 1 ? resolver.nounPhraseAfter(cue.t1, sentence.tokenEnd) : null;
      if (inverted !== null && sentence.tokenEnd - inverted.t1 <= 2) {
        speaker = inverted;
        postposed = true;
      }
    } else if (tokens.breakBefore[speaker.t0] === 1 && sentence.tokenEnd - cue.t1 <= POSTPOSED_MAX_TAIL && speaker.t0 > sentence.tokenStart) {
      postposed = true;
    }
    if (speaker === null) continue;
    cue.used = true;
    const ref = cue.ref;
    let content: Range | null;
    let mode: AttributionMode;
    let target: RawAttribution['target'];
    if (postposed) {
      const contentEnd = Math.min(speaker.t0, cue.t0);
      content = contentEnd > sentence.tokenStart ? trimmedSpan(article, sentence.tokenStart, contentEnd) : null;
      mode = content !== null && hasQuoteBetween(article, sentence.tokenStart, contentEnd) ? 'mixed' : 'indirect';
    } else {
      let from = cue.t1;
      if (ref.lemma === 'tell' || ref.lemma === 'told') while (from < sentence.tokenEnd && (TOLD_OBJECTS.has(tokens.norm[from] as string) || isCap(from)) && tokens.norm[from] !== 'that') from++;
      const clause = skipThat(article, from, sentence.tokenEnd) > from || !ref.act;
      const end = clauseEnd(article, from, sentence.tokenEnd);
      if (ref.act && !clause) {
        mode = 'summary';
        content = end > cue.t0 ? trimmedSpan(article, cue.t0, end) : null;
        target = resolver.targetAfter(cue.t1, end);
      } else {
        const start = skipThat(article, from, end);
        content = end > start ? trimmedSpan(article, start, end) : null;
        mode = hasQuoteBetween(article, start, end) ? 'mixed' : 'indirect';
      }
    }
    // "spoke on Monday": a verb of speaking with nothing reported is not an attribution.
    if (mode !== 'summary' && (content === null || contentTokens(article, content) < MIN_REPORTED_TOKENS || onlyTimeWords(article, content))) {
      cue.used = false;
      continue;
    }
    const draft: Draft = { paragraph, mode, cue: cueRange(cue), speaker, content, sentence: cue.sentence };
    queue(content?.start ?? (tokens.start[cue.t0] as number), () => {
      const made = resolver.attribute(draft);
      for (const attribution of made) if (target !== undefined) attribution.target = target;
      attributions.push(...made);
    });
  }
  pending.sort((a, b) => a.order - b.order);
  for (const job of pending) job.run();

  attributions.sort((a, b) => (a.content?.start ?? a.cue?.start ?? 0) - (b.content?.start ?? b.cue?.start ?? 0) || a.paragraph - b.paragraph);
  applySides(attributions, resolver.sideOf, lexicons, sides, text);
  const sidesMentioned = new Set<string>();
  const counts = (paragraph: number): boolean => scored === undefined || scored[paragraph] === 1;
  for (const mention of mentions) {
    if (!counts(mention.paragraph)) continue;
    // A place only named as a location ("talks in Geneva") does not bring its side into the story.
    if (precededByLocative(article, mention.tokenStart)) continue;
    // News media credited or self-referenced ("(AFP photo)", "Press TV's website") are not sides unless they speak.
    if (lexicons.actors.get(mention.actor)?.role === 'media') continue;
    sidesMentioned.add(mapSide(sideOfActor(lexicons, mention.actor), mention.actor, lexicons, sides, text.slice(mention.start, mention.end)));
  }
  for (const attribution of attributions) {
    if (!counts(attribution.paragraph)) continue;
    if (attribution.side !== 'unaligned' && attribution.mode !== 'non-response') sidesMentioned.add(attribution.side);
    if (attribution.target?.side) sidesMentioned.add(attribution.target.side);
  }
  sidesMentioned.delete('unaligned');

  const voicedBy = new Int32Array(tokens.count).fill(-1);
  attributions.forEach((attribution, index) => {
    if (attribution.content === null || attribution.mode === 'vague' || attribution.mode === 'non-response') return;
    for (let t = firstTokenAtOrAfter(tokens, attribution.content.start); t < tokens.count && (tokens.end[t] as number) <= attribution.content.end; t++) {
      // The reporting verb itself ("slammed", "accused") is the outlet's word for the act, not the speaker's.
      const inCue = attribution.cue !== null && (tokens.start[t] as number) >= attribution.cue.start && (tokens.end[t] as number) <= attribution.cue.end;
      if (voicedBy[t] === -1 && !inCue) voicedBy[t] = index;
    }
  });
  return { attributions, mentions, sidesMentioned: [...sidesMentioned].sort(), voicedBy };
}

/** The default side of an actor: its own side for international bodies, else its body's or its country. */
export function sideOfActor(lexicons: Lexicons, id: string | null): string {
  if (id === null) return 'unaligned';
  let actor: Actor | undefined = lexicons.actors.get(id);
  for (let depth = 0; actor !== undefined && depth < 4; depth++) {
    if (actor.side !== undefined) return actor.side.toUpperCase();
    if (actor.memberOf === undefined) break;
    const parent = lexicons.actors.get(actor.memberOf);
    if (parent === undefined) break;
    actor = parent;
  }
  if (actor === undefined) return 'unaligned';
  return actor.country === 'INT' ? actor.id.toUpperCase() : actor.country;
}

function mapSide(side: string, actor: string | null, lexicons: Lexicons, sides: SidesMapping, speakerText: string): string {
  if (Object.keys(sides).length === 0) return side;
  const candidates = new Set<string>([side.toLowerCase(), speakerText.toLowerCase()]);
  for (let id = actor, depth = 0; id !== null && depth < 4; depth++) {
    candidates.add(id.toLowerCase());
    const found = lexicons.actors.get(id);
    if (found === undefined) break;
    candidates.add(found.name.toLowerCase());
    id = found.memberOf ?? null;
  }
  for (const [label, members] of Object.entries(sides)) {
    if (members.some((member) => candidates.has(member.toLowerCase()))) return label;
  }
  return side;
}

function applySides(attributions: RawAttribution[], sideOf: (id: string | null) => string, lexicons: Lexicons, sides: SidesMapping, text: string): void {
  for (const attribution of attributions) {
    const speakerText = attribution.speaker === null ? '' : text.slice(attribution.speaker.start, attribution.speaker.end);
    if (attribution.actor !== null || attribution.side !== 'unaligned' || Object.keys(sides).length > 0) {
      attribution.side = mapSide(attribution.actor === null ? attribution.side : sideOf(attribution.actor), attribution.actor, lexicons, sides, speakerText);
    }
    if (attribution.target !== undefined && attribution.target.actor !== null) {
      attribution.target.side = mapSide(sideOf(attribution.target.actor), attribution.target.actor, lexicons, sides, text.slice(attribution.target.start, attribution.target.end));
    }
  }
}

function datelineTokens(article: SegmentedArticle): Uint8Array {
  const excluded = new Uint8Array(article.tokens.count);
  for (const paragraph of article.paragraphs) {
    const match = DATELINE.exec(article.text.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + 120)));
    if (match === null) continue;
    const end = paragraph.start + match[0].length;
    for (let t = paragraph.tokenStart; t < paragraph.tokenEnd && (article.tokens.end[t] as number) <= end; t++) excluded[t] = 1;
  }
  return excluded;
}

function contentTokens(article: SegmentedArticle, content: Range): number {
  return firstTokenAtOrAfter(article.tokens, content.end) - firstTokenAtOrAfter(article.tokens, content.start);
}

function onlyTimeWords(article: SegmentedArticle, content: Range): boolean {
  const { tokens } = article;
  for (let t = firstTokenAtOrAfter(tokens, content.start); t < tokens.count && (tokens.start[t] as number) < content.end; t++) {
    const word = tokens.norm[t] as string;
    if (!TIME_WORDS.has(word) && !TIME_PHRASE_WORDS.has(word)) return false;
  }
  return true;
}

// "in Moscow", "in the United States": a locating preposition, perhaps with an article between.
function precededByLocative(article: SegmentedArticle, t: number): boolean {
  let k = t - 1;
  if (article.tokens.norm[k] === 'the') k--;
  const word = article.tokens.norm[k];
  return word !== undefined && LOCATIVES.has(word);
}

function hasQuoteBetween(article: SegmentedArticle, t0: number, t1: number): boolean {
  for (let t = t0; t < t1; t++) if (article.quotedToken[t] === 1) return true;
  return false;
}

// The reported clause starts after "that", also when a short time phrase comes first ("said a day earlier that").
function skipThat(article: SegmentedArticle, from: number, end: number): number {
  const { norm } = article.tokens;
  for (let t = from; t < Math.min(end, from + 5); t++) {
    if (norm[t] === 'that') return t + 1;
    const word = norm[t] as string;
    if (!TIME_WORDS.has(word) && !TIME_PHRASE_WORDS.has(word) && !SKIP_BEFORE_VERB.has(word)) break;
  }
  return from;
}

// Reported content runs to the end of the sentence, or to ", but" / ";" where another clause starts.
function clauseEnd(article: SegmentedArticle, from: number, end: number): number {
  const { tokens, text } = article;
  for (let t = from + 1; t < end; t++) {
    if (tokens.breakBefore[t] !== 1 || article.quotedToken[t] === 1) continue;
    const gap = text.slice(tokens.end[t - 1] as number, tokens.start[t] as number);
    if (gap.includes(';') || (gap.includes(',') && (tokens.norm[t] === 'but' || tokens.norm[t] === 'while' || tokens.norm[t] === 'whereas'))) return t;
  }
  return end;
}

// Content spans end at the last word (with a closing quote mark when the quotation closes there).
function trimmedSpan(article: SegmentedArticle, t0: number, t1: number): Range | null {
  if (t1 <= t0) return null;
  const { tokens, text } = article;
  let end = tokens.end[t1 - 1] as number;
  while (end < text.length && /["\u201D'\u2019]/.test(text[end] as string) && article.quotedToken[t1 - 1] === 1) end++;
  if (/[.,;:!?]/.test(text[end] ?? '') && /["\u201D]/.test(text[end + 1] ?? '')) end += 2;
  return { start: tokens.start[t0] as number, end };
}

type Draft = { paragraph: number; mode: AttributionMode; cue: RawAttribution['cue']; speaker: Speaker; content: Range | null; sentence: number };

function createResolver(
  article: SegmentedArticle,
  lexicons: Lexicons,
  masks: Uint16Array,
  sentences: readonly SentenceRef[],
  mentions: readonly ActorMention[],
  actorAt: Int32Array,
  isCap: (t: number) => boolean,
) {
  const sentenceStarts = new Set(sentences.map((s) => s.tokenStart));
  const { tokens, text } = article;
  const phraseScratch: PhraseCandidate<PhraseRef>[] = [];
  // Titles and demonyms may span several words ("press secretary", "north korean"): mark their tokens once.
  const titleAt = new Array<string | undefined>(tokens.count);
  const countryAt = new Array<string | undefined>(tokens.count);
  {
    const titleScratch: PhraseCandidate<PhraseRef & { role: string }>[] = [];
    const demonymScratch: PhraseCandidate<{ country: string }>[] = [];
    for (let t = 0; t < tokens.count; t++) {
      const mask = masks[t] as number;
      if ((mask & FIRST_WORD.title) !== 0 && matchAt(lexicons.titles, tokens, t, tokens.count, titleScratch) > 0) {
        const best = titleScratch[0] as PhraseCandidate<PhraseRef & { role: string }>;
        for (let k = t; k <= t + best.rest.length; k++) titleAt[k] = best.value.term;
      }
      if ((mask & FIRST_WORD.demonym) !== 0 && matchAt(lexicons.demonymIndex, tokens, t, tokens.count, demonymScratch) > 0) {
        const best = demonymScratch[0] as PhraseCandidate<{ country: string }>;
        for (let k = t; k <= t + best.rest.length; k++) countryAt[k] = best.value.country;
      }
    }
  }
  const isTitle = (t: number): boolean => titleAt[t] !== undefined;
  const npWord = (t: number): boolean => {
    if (article.quotedToken[t] === 1) return false;
    const word = tokens.norm[t] as string;
    return isCap(t) || NP_WORDS.has(word) || NP_ADJECTIVES.has(word) || isTitle(t) || countryAt[t] !== undefined || actorAt[t] !== -1;
  };
  // Named people not in the gazetteer, by surname, so that "Lopez" finds "Maria Lopez"; and their sides.
  const people = new Map<string, string>();
  const personSide = new Map<string, string>();
  const history: RawAttribution[] = [];

  const sideOf = (id: string | null): string => (id !== null && id.startsWith('person:') ? (personSide.get(id) ?? 'unaligned') : sideOfActor(lexicons, id));

  function nounPhraseBefore(cue: number, limit: number): Speaker {
    let t = cue - 1;
    while (t >= limit && !isCap(t) && article.quotedToken[t] === 0 && tokens.breakBefore[t + 1] !== 1) {
      const word = tokens.norm[t] as string;
      if (SKIP_BEFORE_VERB.has(word)) {
        t--;
        continue;
      }
      if (TIME_WORDS.has(word)) {
        let k = t - 1;
        while (k >= limit && k >= t - 4 && TIME_PHRASE_WORDS.has(tokens.norm[k] as string)) k--;
        t = k;
        continue;
      }
      break;
    }
    // Capitalised day names in a skipped time phrase ("on Tuesday").
    while (t >= limit && TIME_WORDS.has(tokens.norm[t] as string) && t - 1 >= limit && TIME_PHRASE_WORDS.has(tokens.norm[t - 1] as string)) t -= 2;
    if (t < limit) return null;
    const end = t + 1;
    if (PRONOUNS.has(tokens.norm[t] as string)) return { t0: t, t1: end };
    let start = end;
    while (t >= limit && (npWord(t) || modifiesTitle(t, limit) || (NP_LINKS.has(tokens.norm[t] as string) && t - 1 >= limit && npWord(t - 1) && start < end && capitalWithin(start, Math.min(end, start + 3))))) {
      // Cross a comma only inside a list of names or an appositive ("Sergei Lavrov, Russia's foreign minister").
      start = t;
      if (tokens.breakBefore[t] === 1) {
        const gap = text.slice(tokens.end[t - 1] ?? 0, tokens.start[t] as number);
        if (!/^,\s*$/.test(gap) || t - 1 < limit || !npWord(t - 1)) break;
      }
      t--;
    }
    if (start === end) return null;
    // Trim an introductory phrase: "In Moscow, Peskov said" -> "Peskov".
    for (let k = start; k < end; k++) {
      if (tokens.breakBefore[k] === 1 && k > start && PREPOSITIONS.has(tokens.norm[start] as string)) {
        start = k;
        break;
      }
    }
    while (start < end && (NP_LINKS.has(tokens.norm[start] as string) || tokens.norm[start] === 'and')) start++;
    if (start >= end) return null;
    let meaningful = false;
    for (let k = start; k < end; k++) if (isCap(k) || isTitle(k) || actorAt[k] !== -1 || countryAt[k] !== undefined) meaningful = true;
    // A lone sentence-initial capital that is not a name ("The", "But") is not a speaker.
    if (!meaningful || (end - start === 1 && isSentenceStart(start) && actorAt[start] === -1 && !isTitle(start) && lexicons.abbreviations.starters.has(tokens.norm[start] as string))) return null;
    return { t0: start, t1: end };
  }

  // A lower-case word between a country or body and a title names the portfolio: "France's maritime
  // minister", "the Kremlin's energy envoy".
  function modifiesTitle(t: number, limit: number): boolean {
    if (t - 1 < limit || !isTitle(t + 1) || tokens.breakBefore[t] === 1 || tokens.breakBefore[t + 1] === 1 || article.quotedToken[t] === 1) return false;
    const before = t - 1;
    return countryAt[before] !== undefined || actorAt[before] !== -1 || tokens.norm[before] !== tokens.bare[before];
  }

  function capitalWithin(t0: number, t1: number): boolean {
    for (let k = t0; k < t1; k++) if (isCap(k)) return true;
    return false;
  }

  function isSentenceStart(t: number): boolean {
    return sentenceStarts.has(t);
  }

  function nounPhraseAfter(from: number, limit: number): Speaker {
    let t = from;
    while (t < limit && tokens.breakBefore[t] === 0 && (tokens.norm[t] === 'the' || tokens.norm[t] === 'a' || tokens.norm[t] === 'an')) t++;
    const start = from;
    let end = t;
    while (end < limit && (npWord(end) || (NP_LINKS.has(tokens.norm[end] as string) && end + 1 < limit && isCap(end + 1))) && (end === t || tokens.breakBefore[end] === 0)) end++;
    if (end === t) return null;
    // An appositive after a comma: ", Russia's foreign minister".
    if (end < limit && tokens.breakBefore[end] === 1 && /^,\s*$/.test(text.slice(tokens.end[end - 1] as number, tokens.start[end] as number))) {
      let k = end;
      while (k < limit && (npWord(k) || NP_LINKS.has(tokens.norm[k] as string)) && (k === end || tokens.breakBefore[k] === 0)) k++;
      if (k > end && (k === limit || tokens.breakBefore[k] === 1)) end = k;
    }
    let meaningful = false;
    for (let k = start; k < end; k++) if (isCap(k) || isTitle(k) || actorAt[k] !== -1) meaningful = true;
    return meaningful ? { t0: start, t1: end } : null;
  }

  function targetAfter(from: number, end: number): RawAttribution['target'] {
    for (let t = from; t < Math.min(end, from + 4); t++) {
      const index = actorAt[t] as number;
      if (index === -1) continue;
      const mention = mentions[index] as ActorMention;
      return { start: mention.start, end: mention.end, actor: mention.actor, side: sideOfActor(lexicons, mention.actor) };
    }
    return undefined;
  }

  // A country named in a span by a demonym or a possessive ("Russia's") or a national body ("the Kremlin").
  function countryIn(t0: number, t1: number): string | null {
    for (let t = t0; t < t1; t++) {
      const country = countryAt[t];
      if (country !== undefined) return country;
    }
    return null;
  }

  // Per sentence, once: does it mark a source as anonymous, and does it give a reason?
  const anonymityBySentence = new Map<SentenceSpan, { marker: boolean; reason: boolean }>();
  function anonymityIn(sentence: SentenceSpan): { marker: boolean; reason: boolean } {
    const cached = anonymityBySentence.get(sentence);
    if (cached !== undefined) return cached;
    const found = { marker: false, reason: false };
    for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
      if (((masks[t] as number) & FIRST_WORD.anonymity) === 0 || matchAt(lexicons.anonymity, tokens, t, sentence.tokenEnd, phraseScratch) === 0) continue;
      const note = (phraseScratch[0] as PhraseCandidate<PhraseRef>).value.note ?? '';
      if (note.startsWith('reason')) found.reason = true;
      else found.marker = true;
    }
    anonymityBySentence.set(sentence, found);
    return found;
  }

  // Only an unnamed source can be anonymous: a named speaker's sentence is not scanned.
  function markAnonymity(attribution: RawAttribution, sentence: SentenceSpan): void {
    if (!attribution.anonymous && attribution.actor !== null) return;
    const { marker, reason } = anonymityIn(sentence);
    if (marker) attribution.anonymous = true;
    if (attribution.anonymous) attribution.anonymityReason = reason;
  }

  // Gazetteer actors named in a speaker phrase, leaving out places it only locates ("the Embassy in Moscow").
  function actorsIn(speaker: { t0: number; t1: number }): string[] {
    const found: string[] = [];
    for (let t = speaker.t0; t < speaker.t1; t++) {
      const index = actorAt[t] as number;
      if (index === -1) continue;
      const mention = mentions[index] as ActorMention;
      t = mention.tokenEnd - 1;
      if (mention.tokenStart > speaker.t0 && precededByLocative(article, mention.tokenStart)) continue;
      if (!found.includes(mention.actor)) found.push(mention.actor);
    }
    return found;
  }

  function hasAnd(speaker: { t0: number; t1: number }): boolean {
    for (let t = speaker.t0; t < speaker.t1; t++) if (tokens.norm[t] === 'and') return true;
    return false;
  }

  function titlesIn(speaker: { t0: number; t1: number }): string[] {
    const titles: string[] = [];
    for (let t = speaker.t0; t < speaker.t1; t++) {
      const title = titleAt[t];
      if (title !== undefined && titles[titles.length - 1] !== title) titles.push(title);
    }
    return titles;
  }

  // "the spokesman", "The Russian president": an earlier speaker with that title, or the one gazetteer
  // person holding it for a body or country the phrase names. Indefinite phrases ("a senior diplomat") stay unnamed.
  function byTitle(speaker: { t0: number; t1: number }, titles: readonly string[], bodies: readonly string[], country: string | null): string | null {
    if (titles.length === 0) return null;
    for (let h = history.length - 1; h >= 0 && h >= history.length - 12; h--) {
      const previous = history[h] as RawAttribution;
      if (previous.actor === null) continue;
      const actor = lexicons.actors.get(previous.actor);
      const previousTitles = actor?.titles ?? personTitles.get(previous.actor) ?? [];
      if (previousTitles.some((title) => titles.includes(title)) && (country === null || sideOf(previous.actor) === country)) return previous.actor;
    }
    const article0 = tokens.norm[speaker.t0];
    if (article0 === 'a' || article0 === 'an' || article0 === 'one') return null;
    const holders = [...new Set(titles.flatMap((title) => lexicons.titleHolders.get(title) ?? []))];
    // The body named in the phrase decides first ("The Kremlin spokesman"), then the country ("the Russian president").
    const ofBody = holders.filter((actor) => actor.memberOf !== undefined && bodies.includes(actor.memberOf));
    if (ofBody.length === 1) return (ofBody[0] as Actor).id;
    const ofCountry = holders.filter((actor) => country !== null && actor.country === country);
    return ofBody.length === 0 && ofCountry.length === 1 ? (ofCountry[0] as Actor).id : null;
  }

  // The side a title implies from context: "Secretary General Henrik Aalto" in a story about NATO.
  function titleContextSide(titles: readonly string[], paragraph: number): string | null {
    if (titles.length === 0) return null;
    const holders = titles.flatMap((title) => lexicons.titleHolders.get(title) ?? []).filter((actor) => actor.memberOf !== undefined);
    const bodies = new Set(holders.map((actor) => actor.memberOf as string));
    // A title held across many bodies ("spokesman") says nothing about which one.
    if (bodies.size === 0 || bodies.size > MAX_TITLE_BODIES) return null;
    for (let m = mentions.length - 1; m >= 0; m--) {
      const mention = mentions[m] as ActorMention;
      if (mention.paragraph > paragraph || mention.paragraph < paragraph - 2) continue;
      if (bodies.has(mention.actor)) return sideOfActor(lexicons, mention.actor);
    }
    return null;
  }

  const personTitles = new Map<string, string[]>();

  function pronounActor(speaker: { t0: number; t1: number }, sentence: number): string | null {
    const word = tokens.norm[speaker.t0] as string;
    const ref = sentences[sentence];
    // An actor named earlier in the same sentence ("Russia has dismissed ..., but it has warned").
    if (ref !== undefined && (word === 'it' || word === 'they')) {
      for (let t = speaker.t0 - 1; t >= ref.tokenStart; t--) {
        const index = actorAt[t] as number;
        if (index === -1) continue;
        const actor = lexicons.actors.get((mentions[index] as ActorMention).actor);
        if (actor !== undefined && actor.kind !== 'person') return actor.id;
      }
    }
    let fromHistory: RawAttribution | undefined;
    for (let h = history.length - 1; h >= 0; h--) {
      const previous = history[h] as RawAttribution;
      if (previous.actor === null) continue;
      const actor = lexicons.actors.get(previous.actor);
      const person = actor === undefined ? previous.actor.startsWith('person:') : actor.kind === 'person';
      if ((word === 'he' || word === 'she' || word === 'i') === person || word === 'they' || word === 'we') {
        fromHistory = previous;
        break;
      }
    }
    // A gazetteer person named more recently than the last speaker ("Dmitry Peskov spoke on Monday. He said ...").
    if (word === 'he' || word === 'she') {
      const pronounStart = tokens.start[speaker.t0] as number;
      const lastSpoke = fromHistory?.speaker?.start ?? fromHistory?.cue?.start ?? -1;
      for (let m = mentions.length - 1; m >= 0; m--) {
        const mention = mentions[m] as ActorMention;
        if (mention.start >= pronounStart) continue;
        if (mention.start <= lastSpoke) break;
        if (lexicons.actors.get(mention.actor)?.kind === 'person') return mention.actor;
      }
    }
    return fromHistory?.actor ?? null;
  }

  // A personal name in the phrase that the gazetteer does not know: a new full name, or a known surname.
  function unknownPerson(speaker: { t0: number; t1: number }): string | null {
    const names: string[] = [];
    for (let t = speaker.t0; t < speaker.t1; t++) {
      const nameLike = isCap(t) && !isTitle(t) && countryAt[t] === undefined && actorAt[t] === -1 && !lexicons.abbreviations.starters.has(tokens.norm[t] as string) && !NP_WORDS.has(tokens.norm[t] as string);
      if (nameLike && (names.length === 0 || tokens.breakBefore[t] === 0)) names.push(tokens.bare[t] as string);
      else if (names.length >= 2) break;
      else names.length = 0;
    }
    while (names.length > 0 && HONORIFICS.has(names[0] as string)) names.shift();
    // "Finance Director Karen Whitlow": a role not in the titles list comes first; a name is its last words.
    if (names.length > 3) names.splice(0, names.length - 2);
    if (names.length === 0) return null;
    const surname = names[names.length - 1] as string;
    if (names.length === 1) return people.get(surname) ?? closestSurname(surname);
    const id = `person:${names.join('-')}`;
    people.set(surname, id);
    return id;
  }

  // A second reference spelled a little differently ("Zelenskiy" after "Volodymyr Zelensky").
  function closestSurname(surname: string): string | null {
    let best: string | null = null;
    let bestScore = SURNAME_SIMILARITY;
    for (const [known, id] of people) {
      const score = jaroWinkler(known, surname);
      if (score >= bestScore) {
        best = id;
        bestScore = score;
      }
    }
    return best;
  }

  function resolve(sp: { t0: number; t1: number }, draft: Draft): { actors: (string | null)[]; side: string | null } {
    if (sp.t1 - sp.t0 === 1 && PRONOUNS.has(tokens.norm[sp.t0] as string)) {
      const actor = pronounActor(sp, draft.sentence);
      return { actors: [actor], side: actor === null ? null : sideOf(actor) };
    }
    const named = actorsIn(sp);
    const persons = named.filter((id) => lexicons.actors.get(id)?.kind === 'person');
    const bodies = named.filter((id) => lexicons.actors.get(id)?.kind !== 'person');
    const country = countryIn(sp.t0, sp.t1) ?? (bodies[0] === undefined ? null : sideOfActor(lexicons, bodies[0]));
    const titles = titlesIn(sp);
    if (persons.length > 0) return { actors: hasAnd(sp) ? named : persons, side: null };
    const unknown = unknownPerson(sp);
    if (unknown !== null) {
      if (!personSide.has(unknown)) {
        const side = country ?? earlierTitleSide(titles, draft.paragraph) ?? titleContextSide(titles, draft.paragraph);
        if (side !== null) personSide.set(unknown, side);
      }
      if (titles.length > 0 && !personTitles.has(unknown)) personTitles.set(unknown, titles);
      return { actors: [unknown], side: null };
    }
    // An unnamed title holder of a known country ("Britain's fisheries minister"), for a name given later.
    if (country !== null && !hasAnd(sp)) for (const title of titles) titleSides.set(title, { side: country, paragraph: draft.paragraph });
    const titled = byTitle(sp, titles, bodies, country);
    if (titled !== null) return { actors: [titled], side: null };
    if (bodies.length > 0) return { actors: hasAnd(sp) ? bodies : [bodies[bodies.length - 1] as string], side: null };
    return { actors: [null], side: country ?? titleContextSide(titles, draft.paragraph) };
  }

  // "France's maritime minister said ..." then "Minister Claire Dufresne said ...": the named minister is
  // taken to be the one the article just introduced by country, if that was at most two paragraphs before.
  const titleSides = new Map<string, { side: string; paragraph: number }>();
  function earlierTitleSide(titles: readonly string[], paragraph: number): string | null {
    for (const title of titles) {
      const earlier = titleSides.get(title);
      if (earlier !== undefined && paragraph - earlier.paragraph <= 2) return earlier.side;
    }
    return null;
  }

  function attribute(draft: Draft): RawAttribution[] {
    const base: Omit<RawAttribution, 'actor' | 'side' | 'anonymous'> = {
      paragraph: draft.paragraph,
      mode: draft.mode,
      cue: draft.cue,
      speaker: draft.speaker === null ? null : { start: tokens.start[draft.speaker.t0] as number, end: tokens.end[draft.speaker.t1 - 1] as number },
      content: draft.content,
    };
    const sentence = sentences[draft.sentence];
    const { actors, side } = draft.speaker === null ? { actors: [null], side: null } : resolve(draft.speaker, draft);
    // A role with no name and no gazetteer actor ("a senior Russian diplomat", "U.S. officials") is anonymous.
    const anonymous = draft.speaker !== null && actors[0] === null && !PRONOUNS.has(tokens.norm[draft.speaker.t0] as string);
    const made = actors.map((actor) => {
      const attribution: RawAttribution = {
        paragraph: base.paragraph,
        mode: base.mode,
        cue: base.cue,
        speaker: base.speaker,
        content: base.content,
        actor,
        side: actor !== null ? sideOf(actor) : (side ?? 'unaligned'),
        anonymous,
      };
      if (sentence !== undefined) markAnonymity(attribution, sentence);
      return attribution;
    });
    history.push(...made);
    return made;
  }

  // "A senior Russian diplomat, who spoke on condition of anonymity ..., said": the subject before the relative clause.
  function subjectBeforeRelativeClause(cue: number, limit: number): Speaker {
    if (cue - 1 < limit || tokens.breakBefore[cue] !== 1 || !/^,\s*$/.test(text.slice(tokens.end[cue - 1] as number, tokens.start[cue] as number))) return null;
    for (let t = cue - 1; t > limit; t--) {
      const word = tokens.norm[t] as string;
      if ((word === 'who' || word === 'which') && tokens.breakBefore[t] === 1) return nounPhraseBefore(t, limit);
    }
    return null;
  }

  return { nounPhraseBefore, nounPhraseAfter, targetAfter, countryIn, markAnonymity, attribute, sideOf, subjectBeforeRelativeClause };
}
