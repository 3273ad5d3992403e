/**
 * Scare quotes: a short quoted phrase in the writer's own voice that no speaker is given for, in its sentence
 * or around it, and that is not a name, a title, a term being defined or a word cited as a word ("the
 * council's "reform""). Called by loaded language, whose findings these are. What tells the other uses of
 * quotation marks apart is read from `scare-quote-words` (defining verbs, title kinds, gloss openers...).
 */
import { CATEGORY, type Lexicons } from '../data/index.ts';
import type { ScareQuoteRole } from '../data/scare-quote-words.ts';
import type { SegmentedArticle, QuoteSpan, ParagraphSpan, SentenceSpan } from '../text/index.ts';
import { firstTokenAtOrAfter } from '../text/tokens.ts';

/** A scare-quote finding, in the shape of loaded language's findings. */
export type ScareQuoteFinding = {
  start: number;
  end: number;
  paragraph: number;
  category: 'scare-quote';
  rule: string;
  source: string;
  voice: 'author';
  weight: number;
  suggestion: string;
};

/** What the rule reads of attribution: who speaks where (metrics/attribution's result has it). */
export type SpeechAround = {
  attributions: readonly { mode?: string; content: { start: number; end: number } | null; cue: { start: number; class: string; source: string } | null; speaker: { start: number; end: number } | null }[];
  /** per token: the attribution whose speech holds it, or -1 */
  voicedBy: Int32Array;
};

// A quotation this short can be the writer's distancing; a longer one is someone's words.
const SCARE_QUOTE_MAX_WORDS = 4;
// A reporting cue after a quotation attributes it only when it follows closely ("...," Peskov said); a cue
// before it attributes it anywhere later in the sentence (Peskov said relations were "deplorable").
const CUE_AFTER_QUOTE_MAX_TOKENS = 6;
// The next sentence gives the speaker when its cue comes this early ("He said...", "The minister added...").
const CUE_NEXT_SENTENCE_MAX_TOKENS = 4;
// "known locally as", "billed by the party as": the verb stands this many words before "as".
const AS_VERB_WINDOW = 4;
const SCARE_QUOTE_WEIGHT = 0.5;

type Located = { quote: QuoteSpan; paragraph: number; sentence: SentenceSpan | undefined; previous: SentenceSpan | undefined; next: SentenceSpan | undefined; first: number; last: number; words: string[] };

/**
 * Scare-quote findings for `article`'s quotations; `speechCues` are sorted token indexes of reporting verbs,
 * vague attribution and "according to". Quotations are skipped, in this order, when someone says them (a cue
 * in their sentence, a colon before them, an attribution's content holding them), when they are a name,
 * title, code, defined term or cited word, when a speaker is given in the sentence before or just after,
 * and when their words echo a quotation attributed elsewhere in the text.
 */
export function findScareQuotes(article: SegmentedArticle, lexicons: Lexicons, speechCues: readonly number[], rulesSource: string, speech?: SpeechAround): ScareQuoteFinding[] {
  const { quotes } = article;
  if (quotes.length === 0) return [];
  const attributedWords = new Set<string>();
  const candidates: Located[] = [];
  for (const located of locateQuotes(article)) {
    const { quote, sentence, words } = located;
    const short = words.length > 0 && words.length <= SCARE_QUOTE_MAX_WORDS && !quote.continued && !quote.openEnded;
    if (sentence === undefined || saidBySomeone(article, located, speechCues, speech)) {
      for (const word of words) attributedWords.add(word);
      continue;
    }
    if (!short || notDistancing(article, lexicons, located) || speakerAround(article, lexicons, located, speechCues, speech)) continue;
    candidates.push(located);
  }
  const findings: ScareQuoteFinding[] = [];
  for (const { quote, paragraph, words } of candidates) {
    if (words.every((word) => attributedWords.has(word))) continue;
    findings.push({
      start: quote.start,
      end: quote.end,
      paragraph,
      category: 'scare-quote',
      rule: 'scare-quote/short-unattributed-quote',
      source: rulesSource,
      voice: 'author',
      weight: SCARE_QUOTE_WEIGHT * CATEGORY['scare-quote'].weight,
      suggestion: 'name who uses the phrase, or drop the quotation marks',
    });
  }
  return findings;
}

// Each top-level quotation with its paragraph, its sentence and the sentences either side, and its words.
function locateQuotes(article: SegmentedArticle): Located[] {
  const { tokens, quotes, paragraphs } = article;
  const out: Located[] = [];
  // Quotes come in text order, so paragraph and sentence cursors only move forward.
  let p = 0;
  let s = 0;
  for (const quote of quotes) {
    if (quote.kind === 'nested') continue;
    while (p < paragraphs.length && (paragraphs[p] as ParagraphSpan).end <= quote.start) {
      p++;
      s = 0;
    }
    const paragraph = paragraphs[p];
    if (paragraph === undefined) break;
    while (s < paragraph.sentences.length && (paragraph.sentences[s] as SentenceSpan).end <= quote.start) s++;
    const sentence = paragraph.sentences[s];
    const previous = s > 0 ? paragraph.sentences[s - 1] : paragraphs[p - 1]?.sentences.at(-1);
    const next = paragraph.sentences[s + 1];
    const first = firstTokenAtOrAfter(tokens, quote.start);
    const words: string[] = [];
    for (let t = first; t < tokens.count && (tokens.end[t] as number) <= quote.end; t++) words.push(tokens.bare[t] as string);
    out.push({ quote, paragraph: p, sentence, previous, next, first, last: first + words.length - 1, words });
  }
  return out;
}

// Someone says the quotation: it opens its sentence, follows a colon, sits in an attribution's content, or
// a speech cue stands before it in its sentence or closely after it.
function saidBySomeone(article: SegmentedArticle, { quote, sentence, first, last }: Located, speechCues: readonly number[], speech: SpeechAround | undefined): boolean {
  const sentenceSpan = sentence as SentenceSpan;
  if (sentenceSpan.start === quote.start || /:\s*$/.test(article.text.slice(Math.max(0, quote.start - 3), quote.start))) return true;
  // After the quotation, the cue must follow the comma that closes it ("...", the prosecutor said), not a
  // clause that goes on ("voluntary" redundancies, after staff were told).
  const closes = /[,\u2013\u2014]/.test(article.text[quote.end - 2] ?? '') || /^\s*[,\u2013\u2014]/.test(article.text.slice(quote.end, quote.end + 3));
  if (closes && hasCueIn(speechCues, last + 1, Math.min(sentenceSpan.tokenEnd, last + 1 + CUE_AFTER_QUOTE_MAX_TOKENS))) return true;
  if (hasCueIn(speechCues, sentenceSpan.tokenStart, first)) return true;
  if (speech === undefined) return false;
  const voicedBy = first < article.tokens.count ? speech.attributions[speech.voicedBy[first] as number] : undefined;
  if (voicedBy !== undefined && speaks(voicedBy)) return true;
  return speech.attributions.some((a) => speaks(a) && a.content !== null && a.content.start <= quote.start && quote.end <= a.content.end);
}

// The marks mean something other than distance: a name or title, a code, a term being defined or named, a
// word cited as a word, the words on a sign, or a term glossed right after.
function notDistancing(article: SegmentedArticle, lexicons: Lexicons, located: Located): boolean {
  const { text, tokens } = article;
  const { quote, sentence, first, last } = located;
  const surfaces: string[] = [];
  for (let t = first; t <= last; t++) surfaces.push(text.slice(tokens.start[t] as number, tokens.end[t] as number));
  // Codes and ratings: 'BB+', "Aa2", "Category 4", "XBB.1.5".
  if (surfaces.some((w) => /\d/.test(w)) || surfaces.every((w) => /^\p{Lu}{2,}$/u.test(w))) return true;
  // Names and titles: capitalised words ("Bohemian Rhapsody", "The Remains of the Day"), unless the whole
  // line is in title case; a quotation right before a capitalised word is part of a name ("Dirty" Den).
  if (!titleCaseLine(article, lexicons, located)) {
    // The small words inside a name (of, the, de) may stay lower case.
    const small = lexicons.words.nameConnectors;
    if (/^\p{Lu}/u.test(surfaces[0] ?? '') && surfaces.every((w) => /^[\p{Lu}#@]/u.test(w) || small.has(w.toLowerCase()))) return true;
    const after = text.slice(quote.end, quote.end + 40);
    if (/^ \p{Lu}/u.test(after) && last + 1 < (sentence as SentenceSpan).tokenEnd) return true;
  }
  // A whole utterance ("I'm sorry."): a capital, then sentence punctuation inside the closing mark.
  if (/^\p{Lu}/u.test(surfaces[0] ?? '') && /[.?!]$/u.test(text.slice(quote.start, quote.end - 1))) return true;
  // Inside parentheses: a translation or gloss ("intifada" ("shaking off")).
  if (text[quote.start - 1] === '(' && text[quote.end] === ')') return true;
  const role = roleBefore(article, lexicons, located);
  if (role === 'defining' || role === 'word' || role === 'title' || role === 'inscription') return true;
  return glossAfter(article, lexicons, located);
}

// The role of the words right before the quotation, skipping articles, pronouns and a few adverbs ("called
// itself the", "known locally as"); "as" after an as-verb is defining.
function roleBefore(article: SegmentedArticle, lexicons: Lexicons, { sentence, first }: Located): ScareQuoteRole | null {
  const { tokens } = article;
  const { phrases, longest } = lexicons.scareQuoteWords;
  const from = (sentence as SentenceSpan).tokenStart;
  const skippable = (t: number): boolean => {
    const word = tokens.norm[t] as string;
    return lexicons.attributionWords.determiners.has(word) || phrases.get(word) === 'skip';
  };
  const ends: number[] = [];
  let t = first - 1;
  while (t >= from && ends.length <= 3) {
    ends.push(t);
    if (!skippable(t)) break;
    t--;
  }
  for (const end of ends) {
    for (let k = Math.min(longest, end - from + 1); k >= 1; k--) {
      const phrase = tokens.norm.slice(end - k + 1, end + 1).join(' ');
      const role = phrases.get(phrase);
      if (role !== undefined && role !== 'skip' && role !== 'gloss' && role !== 'speech-event' && role !== 'as-verb') return role;
    }
    if (tokens.norm[end] === 'as') {
      for (let k = end - 1; k >= Math.max(from, end - AS_VERB_WINDOW); k--) if (phrases.get(tokens.norm[k] as string) === 'as-verb') return 'defining';
    }
  }
  return null;
}

// "its "churn rate", the share of customers who leave": a comma, dash or bracket, then a gloss opener.
function glossAfter(article: SegmentedArticle, lexicons: Lexicons, { quote, sentence, last }: Located): boolean {
  const { tokens, text } = article;
  const next = last + 1;
  if (next >= (sentence as SentenceSpan).tokenEnd || !/^[,\s]*[,(\u2013\u2014-]\s*$/.test(text.slice(quote.end, tokens.start[next] as number))) return false;
  const { phrases, longest } = lexicons.scareQuoteWords;
  for (let k = longest; k >= 1; k--) if (phrases.get(tokens.norm.slice(next, next + k).join(' ')) === 'gloss') return true;
  return false;
}

// A title-case line (a headline): most words outside the quotation are capitalised, so capitals say nothing.
function titleCaseLine(article: SegmentedArticle, lexicons: Lexicons, { sentence, first, last }: Located): boolean {
  const { tokens, text } = article;
  const span = sentence as SentenceSpan;
  let words = 0;
  let capitalised = 0;
  for (let t = span.tokenStart; t < span.tokenEnd; t++) {
    if ((t >= first && t <= last) || lexicons.words.nameConnectors.has(tokens.norm[t] as string)) continue;
    words++;
    if (/^\p{Lu}/u.test(text.slice(tokens.start[t] as number, tokens.end[t] as number))) capitalised++;
  }
  return words >= 3 && capitalised >= words * 0.8;
}

// A speaker is given around the quotation: the sentence before holds someone's attribution, quoted words or
// a speech event (a briefing, evidence); its own sentence names a speech event or a document before it (a
// report read two sentences on says nothing of a later phrase); or the next sentence opens with a cue.
function speakerAround(article: SegmentedArticle, lexicons: Lexicons, { sentence, previous, next, first }: Located, speechCues: readonly number[], speech: SpeechAround | undefined): boolean {
  const span = sentence as SentenceSpan;
  if (hasSpeechEvent(article, lexicons, span.tokenStart, first, true)) return true;
  if (previous !== undefined) {
    if (hasSpeechEvent(article, lexicons, previous.tokenStart, previous.tokenEnd, false)) return true;
    if (speech === undefined) return hasCueIn(speechCues, previous.tokenStart, previous.tokenEnd);
    // Someone spoke there ("Ms Okafor told the hearing..."); a report that "recommended" is no speaker.
    const person = (speaker: { start: number; end: number }): boolean => lexicons.scareQuoteWords.phrases.get(article.folded.slice(speaker.start, speaker.end).split(/\s+/).at(-1) ?? '') !== 'document';
    if (speech.attributions.some((a) => speaks(a) && a.speaker !== null && person(a.speaker) && a.cue !== null && a.cue.start >= previous.start && a.cue.start < previous.end)) return true;
    for (let t = previous.tokenStart; t < previous.tokenEnd; t++) if (article.quotedToken[t] === 1 && (speech.voicedBy[t] as number) !== -1) return true;
  }
  return next !== undefined && hasCueIn(speechCues, next.tokenStart, Math.min(next.tokenEnd, next.tokenStart + CUE_NEXT_SENTENCE_MAX_TOKENS));
}

// A speech event between `from` and `to` (outside quotations); a document counts too when `documents`.
function hasSpeechEvent(article: SegmentedArticle, lexicons: Lexicons, from: number, to: number, documents: boolean): boolean {
  const { phrases } = lexicons.scareQuoteWords;
  const { norm } = article.tokens;
  const speaks = (role: ScareQuoteRole | undefined): boolean => role === 'speech-event' || (documents && role === 'document');
  for (let t = from; t < to; t++) {
    if (article.quotedToken[t] === 1) continue;
    if (speaks(phrases.get(norm[t] as string)) || (t + 1 < to && speaks(phrases.get(`${norm[t]} ${norm[t + 1]}`)))) return true;
  }
  return false;
}

// Someone saying words, who may have said these: not "according to" invoices, a report that "found", or a
// belief ("believes", "wants", "is skeptical of", "her decision to"), which vouch for facts or views but not for a phrase.
const NOT_SPEAKING = /^(?:document-verbs|attitude-verbs)@/;
function speaks(a: SpeechAround['attributions'][number]): boolean {
  return a.cue !== null && a.mode !== 'attitude' && a.cue.class !== 'according' && !NOT_SPEAKING.test(a.cue.source);
}

// True when sorted `cues` holds a token index in [from, to).
function hasCueIn(cues: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cues[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < cues.length && (cues[lo] as number) < to;
}
