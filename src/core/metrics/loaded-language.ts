/**
 * Loaded language: lexicon matches (labels, hyperbole, emotive words, distancing, vague attribution,
 * boosters, hedges, intensifiers, absolutes, slanted reporting verbs) plus the scare-quote rule. One finding
 * per token: the longest phrase wins, then the category listed first in FINDING_CATEGORIES. A finding inside
 * a direct quotation belongs to the quoted voice. A match that is ordinary jargon in the story's domain, or a
 * word inside a longer proper name ("Free" in "the Free Syrian Army"), is listed as exempt instead.
 */
import { CATEGORY, FIRST_WORD, matchAt, type Lexicons, type LexiconRef } from '../data/index.ts';
import type { ParagraphSpan, SegmentedArticle } from '../text/index.ts';
import { tokenIds, type TokenTable } from '../text/tokens.ts';
import { NO_WORD, setByWordIdOnce, wordIdOf } from '../text/vocabulary.ts';
import type { DomainResult } from './domains.ts';
import type { AttributionResult } from './attribution/index.ts';
import { insideLongerName, nameTextAt, type ProperNames } from './proper-names.ts';
import { findScareQuotes } from './scare-quotes.ts';
import { usedAsSpeech } from './reporting-verb-sense.ts';
import { reusedInts, zeroedInts } from './attribution/reused-arrays.ts';

/** `reported`: the outlet's paraphrase of someone's speech (indirect, mixed or summarised), outside quotation marks. */
export type Voice = 'author' | 'reported' | 'quoted';

export type RawFinding = {
  start: number;
  end: number;
  paragraph: number;
  category: LexiconRef['category'];
  rule: string;
  source: string;
  voice: Voice;
  weight: number;
  polarity?: -1 | 0 | 1 | undefined;
  stance?: string | undefined;
  suggestion?: string | undefined;
  negated?: true | undefined;
  /** who used the words, for quoted and reported voices: an actor id, else the speaker as written */
  speaker?: string | undefined;
};

/** A match left out of the scores: ordinary jargon in the story's `domain`, or a word of the proper `name` holding it. */
export type RawExemption = { start: number; end: number; paragraph: number; rule: string; source: string; reason: 'domain' | 'name'; domain?: string; name?: string };

export type LoadedLanguageResult = { findings: RawFinding[]; exemptions: RawExemption[] };

// A lexicon entry's rule id, `<category>/<term>`, made once per entry: the report keys its rule table by it,
// and a string built per finding was hashed again at every look-up and every key.
const ruleIds = new WeakMap<LexiconRef, string>();
function ruleOf(ref: LexiconRef): string {
  let rule = ruleIds.get(ref);
  if (rule === undefined) ruleIds.set(ref, (rule = `${ref.category}/${ref.term}`));
  return rule;
}

// A negator this many words before a finding marks it as negated ("not aggressive").
const NEGATION_WINDOW = 2;

// The speakers' and cues' ranges of the attributions, sorted by start, with the largest end so far at each: the
// first `count` entries of columns reused from article to article (valid until the next article's search),
// with room for two ranges an attribution. Lists grown by push were three times 72,000 numbers on a megabyte of
// `critics say`, grown past 16,000 entries into V8's large-object space, where each regrowth maps fresh pages
// (4.4 MB of them a run) that a 100 KB text's lists, in the young generation, never need; and typed columns
// allocated for every article cost more than the gathering.
type AttributionSpans = { starts: Int32Array; maxEnds: Int32Array; count: number };
const startsStore = reusedInts();
const endsStore = reusedInts();
const maxEndsStore = reusedInts();
function spansOfAttributions(attribution: AttributionResult): AttributionSpans {
  // Gathered in text order, where they nearly always already are once each attribution gives its earlier range
  // first ("..., said Smith": the cue): sorting 70,000 range objects of a 1 MB article cost a cache miss a
  // comparison. Among equal starts the order does not matter: a search only reads the largest end at the last
  // of them.
  const starts = zeroedInts(startsStore, 2 * attribution.attributions.length);
  const ends = zeroedInts(endsStore, starts.length);
  let count = 0;
  let sorted = true;
  const add = (start: number, end: number): void => {
    if (count > 0 && start < (starts[count - 1] as number)) sorted = false;
    starts[count] = start;
    ends[count] = end;
    count++;
  };
  for (const a of attribution.attributions) {
    const speaker = a.speakerStart >= 0;
    const cue = a.cue !== null;
    if (speaker && cue && a.cueStart < a.speakerStart) {
      add(a.cueStart, a.cueEnd);
      add(a.speakerStart, a.speakerEnd);
    } else {
      if (speaker) add(a.speakerStart, a.speakerEnd);
      if (cue) add(a.cueStart, a.cueEnd);
    }
  }
  if (!sorted) sortByStart(starts, ends, count);
  const maxEnds = zeroedInts(maxEndsStore, count);
  let maxEnd = -1;
  for (let i = 0; i < count; i++) maxEnds[i] = maxEnd = Math.max(maxEnd, ends[i] as number);
  return { starts, maxEnds, count };
}

// The first `count` ranges put in order of start, in place.
function sortByStart(starts: Int32Array, ends: Int32Array, count: number): void {
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => (starts[a] as number) - (starts[b] as number));
  const sortedStarts = order.map((i) => starts[i] as number);
  const sortedEnds = order.map((i) => ends[i] as number);
  starts.set(sortedStarts);
  ends.set(sortedEnds);
}

// Whether start..end overlaps an attribution's speaker or cue: one binary search for the last range starting
// before `end`; some range up to it reaches past `start` exactly when the largest end so far does.
function overlapsAttribution(spans: AttributionSpans, start: number, end: number): boolean {
  let low = 0;
  let high = spans.count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((spans.starts[middle] as number) < end) low = middle + 1;
    else high = middle;
  }
  return low > 0 && (spans.maxEnds[low - 1] as number) > start;
}

// The first of `exempt` active in paragraph `p` or in the whole article.
function activeDomain(exempt: readonly string[], domains: DomainResult, p: number): string | undefined {
  const paragraphDomains = domains.paragraphs[p];
  for (const domain of exempt) if ((paragraphDomains !== undefined && paragraphDomains.includes(domain)) || domains.article.includes(domain)) return domain;
  return undefined;
}

// Who voiced attribution `index`: its actor id, else its speaker as written.
function speakerOf(article: SegmentedArticle, attribution: AttributionResult, index: number): string | undefined {
  const found = index < 0 ? undefined : attribution.attributions[index];
  if (found === undefined) return undefined;
  if (found.actor !== null) return found.actor;
  return found.speakerStart < 0 ? undefined : article.text.slice(found.speakerStart, found.speakerEnd);
}

/** Finds loaded language in every paragraph; findings are in text order, spans within the text. */
export function findLoadedLanguage(
  article: SegmentedArticle,
  lexicons: Lexicons,
  masks: Uint16Array,
  domains: DomainResult,
  attribution: AttributionResult,
  names: ProperNames,
  rulesSource: string,
  /** the headline's paragraph, as the block roles decided */
  headline?: number,
): LoadedLanguageResult {
  let attributionSpans: AttributionSpans | undefined;
  const sourceSpans = (): AttributionSpans => (attributionSpans ??= spansOfAttributions(attribution));
  const { tokens } = article;
  const findings: RawFinding[] = [];
  const exemptions: RawExemption[] = [];
  const scratch: LexiconRef[] = [];
  // Token positions of reporting verbs, vague attribution and "according to": speech cues for scare quotes.
  const speechCues: number[] = [];
  const negatorById = setByWordIdOnce(lexicons.negators);
  tokenIds(tokens);
  const { paragraphs, sentences: sentenceColumns } = article;
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p] as ParagraphSpan;
    for (let k = paragraph.sentenceStart; k < paragraph.sentenceEnd; k++) {
      const sentenceTokenStart = sentenceColumns.tokenStart[k] as number;
      const sentenceTokenEnd = sentenceColumns.tokenEnd[k] as number;
      let t = sentenceTokenStart;
      while (t < sentenceTokenEnd) {
        const words = ((masks[t] as number) & FIRST_WORD.loaded) === 0 ? 0 : matchAt(lexicons.loaded, tokens, t, sentenceTokenEnd, scratch);
        if (words === 0) {
          t++;
          continue;
        }
        const ref = scratch[0] as LexiconRef;
        const first = t;
        const last = t + words - 1;
        const start = tokens.start[t] as number;
        const end = tokens.end[last] as number;
        if (ref.category === 'reporting-verb' || ref.category === 'vague-attribution') speechCues.push(first);
        t = last + 1;
        // Weight 0: a neutral reporting verb or one naming the act (accused, warned), evidence of attribution only.
        if (ref.weight <= 0) continue;
        const exemptDomain = ref.exempt === undefined ? undefined : activeDomain(ref.exempt, domains, p);
        if (exemptDomain !== undefined) {
          exemptions.push({
            start,
            end,
            paragraph: p,
            rule: ruleOf(ref),
            source: ref.lexicon,
            reason: 'domain',
            domain: exemptDomain,
          });
          continue;
        }
        // Outside quotation marks, unnamed people are a vague attribution only as someone's source ("insiders
        // say", "pundits are shocked"), not as what the story is about ("a contest between insiders and
        // outsiders"): on PolNeAR, 0.75 of such findings in the outlet's voice sat on an annotated source or cue,
        // 0.83 of those the attribution pass reads as one. Inside a quotation the speaker's own sourcing is not
        // read as attributions, so it still counts.
        if (ref.category === 'vague-attribution' && article.quotedToken[first] !== 1 && !overlapsAttribution(sourceSpans(), start, end)) continue;
        // A slanted verb of saying is the finding only where it says something: not "his claim", "admit refugees".
        if (ref.category === 'reporting-verb' && !usedAsSpeech(article, lexicons, ref, first, last, sentenceTokenStart, sentenceTokenEnd)) continue;
        // A name that is itself the loaded phrase ("the Deep State") still counts: only a longer name exempts.
        if (insideLongerName(names, first, last)) {
          const name = nameTextAt(article, names, first) as string;
          exemptions.push({ start, end, paragraph: p, rule: ruleOf(ref), source: ref.lexicon, reason: 'name', name });
          continue;
        }
        const voicedBy = attribution.voicedBy[first] as number;
        const voice: Voice = article.quotedToken[first] === 1 ? 'quoted' : voicedBy !== -1 ? 'reported' : 'author';
        const alt = ref.alt !== undefined && altFits(article, lexicons, ref, first, last, sentenceTokenEnd) ? ref.alt : undefined;
        // Every finding is made with all its fields, in one order, undefined where absent: fields added as they
        // applied made a shape for each mix, and the search, optimised on the first few, deoptimised on the next.
        findings.push({
          start,
          end,
          paragraph: p,
          category: ref.category,
          rule: ruleOf(ref),
          source: ref.lexicon,
          voice,
          weight: ref.weight * CATEGORY[ref.category].weight,
          polarity: ref.polarity,
          stance: ref.stance,
          suggestion: alt,
          negated: isNegated(tokens, negatorById, first, sentenceTokenStart) ? true : undefined,
          speaker: voice === 'author' ? undefined : speakerOf(article, attribution, voicedBy),
        });
      }
    }
  }
  findAccordingTo(tokens, speechCues);
  // Sorted only when "according to" put one out of order (the sort copies the list: a large object past 16,000).
  if (!ascending(speechCues)) speechCues.sort((a, b) => a - b);
  const scareQuotes = findScareQuotes(article, lexicons, speechCues, rulesSource, attribution, headline);
  // The lexicon's findings are in text order already (one per token run, runs in order): only scare quotes,
  // found in at most one article in nine, need sorting in. (The sort copied the list: 1.7 MB a pass over PolNeAR.)
  if (scareQuotes.length > 0) {
    findings.push(...scareQuotes);
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  return { findings, exemptions };
}

function ascending(list: readonly number[]): boolean {
  for (let i = 1; i < list.length; i++) if ((list[i - 1] as number) > (list[i] as number)) return false;
  return true;
}

// Pushes the index of each "according" followed by "to" with no punctuation between: by word id, one int
// compare per token rather than a string compare, when both words were registered before the text's ids were
// read (the cue tables hold them), so that every such token carries the id.
function findAccordingTo(tokens: TokenTable, speechCues: number[]): void {
  const { ids, idsReadAt } = tokenIds(tokens);
  const according = wordIdOf('according');
  const to = wordIdOf('to');
  if (according === NO_WORD || to === NO_WORD || according >= idsReadAt || to >= idsReadAt) {
    for (let t = 0; t + 1 < tokens.count; t++) if (tokens.norm[t] === 'according' && tokens.norm[t + 1] === 'to' && tokens.breakBefore[t + 1] === 0) speechCues.push(t);
    return;
  }
  for (let t = 0; t + 1 < tokens.count; t++) if (ids[t] === according && ids[t + 1] === to && tokens.breakBefore[t + 1] === 0) speechCues.push(t);
}

/**
 * Whether a reporting verb's neutral wording can stand where the verb stands. A verb of saying gives way to
 * its `alt` ("said", a past form) only when the verb is in the past and introduces a reported clause
 * ("admitted that...") or ends its clause as a quotation's tag ("...," he admitted.), never before an object
 * or a preposition the alternative would not take ("admitted to", "claimed victory", "insisted on"). A verb
 * naming an act (`act`) takes its object as its alternative does ("slammed the plan": "criticize").
 * Other categories' alternatives are words for the same thing and always shown.
 */
function altFits(article: SegmentedArticle, lexicons: Lexicons, ref: LexiconRef, first: number, last: number, sentenceEnd: number): boolean {
  if (ref.category !== 'reporting-verb' || ref.act === true) return true;
  const { tokens } = article;
  const head = tokens.norm[first] as string;
  // The term's first word is the lemma (compared in place: no word list made per finding).
  const { term } = ref;
  const isLemma = term.startsWith(head) && (term.length === head.length || term.charCodeAt(head.length) === 32);
  // English verb endings, as inflect.ts generates them: -ing and -s forms, and the bare lemma, are not past.
  const past = !head.endsWith('ing') && (isLemma ? head.endsWith('ed') : !head.endsWith('s'));
  if (!past) return false;
  const next = last + 1;
  if (next >= sentenceEnd || tokens.breakBefore[next] === 1) return true;
  return lexicons.attributionWords.clauseWords.get(tokens.norm[next] as string) === 'complementiser';
}

// By word id: the caller built the negators' table by id and then brought the text's ids up to date (tokenIds).
function isNegated(tokens: TokenTable, negatorById: readonly boolean[], token: number, sentenceStart: number): boolean {
  for (let k = 1; k <= NEGATION_WINDOW && token - k >= sentenceStart; k++) {
    const id = tokens.ids[token - k] as number;
    // (A word registered after the table was made is past its end: read there, the optimised search deoptimised.)
    if (id >= 0 && id < negatorById.length && negatorById[id] === true) return true;
    if (tokens.breakBefore[token - k + 1] === 1) break;
  }
  return false;
}
