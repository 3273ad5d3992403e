/**
 * Speech labelled with its speaker's name and a colon, with no reporting verb: a headline's `Holt: Ferry
 * will run again` (the outlet's summary of what Holt said, so indirect, or mixed when it quotes) and a
 * transcript's `HOLT: The ferry will run again.` (her words as spoken, so direct). A quotation right after
 * the colon is the direct-quote pass's; labels that announce the page's kind of item ("Exclusive:",
 * "Watch:") are no speaker (lexicons/en/headline-labels.jsonl).
 */
import type { ParagraphSpan } from '../../text/index.ts';
import { isSpaceUnit } from '../../text/space.ts';
import type { Scan } from './context.ts';
import { hasQuoteBetween } from './content-spans.ts';
import { nounPhraseBefore } from './noun-phrase-speakers.ts';
import { draftOf, type Finding } from './types.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';
import { mapped } from '../../text/lists.ts';

// A headline is one of the first lines of the text, and short.
const HEADLINE_MAX_PARAGRAPH = 2;
const HEADLINE_MAX_TOKENS = 30;
// A speaker's label is a name or a role, a few words.
const LABEL_MAX_TOKENS = 6;
// Without a gazetteer actor in it, a name or role of at most this many words.
const LABEL_NAME_MAX_TOKENS = 4;

/** Headline and transcript speech of the form `Speaker: words`, in text order; `quoted` holds the content starts the direct-quote pass took. */
export function findLabelledSpeech(scan: Scan, quoted: { has(start: number): boolean }): Finding[] {
  const { article, sentences, sentenceOf } = scan;
  const { text } = article;
  const findings: Finding[] = [];
  const colons = mapped(article.paragraphs, (paragraph) => labelColon(scan, paragraph));
  // An interview or a panel's transcript: a speaker takes turns, so some name's label ("Matthews:", "Q:") opens at
  // least two paragraphs. Labels that each stand once are headings ("Main Stage: ...", "North Field: ...").
  const transcript = hasRecurringLabel(scan, colons);
  article.paragraphs.forEach((paragraph, index) => {
    const colon = colons[index] as number;
    if (colon === -1) return;
    const first = colon; // the first token after the colon
    const named = transcript && isNameLabel(scan, paragraph.tokenStart, colon) && isSpokenLine(scan, colon, paragraph.tokenEnd);
    const shouting = named || isUpperCaseLabel(scan, paragraph.tokenStart, colon);
    const headline = index <= HEADLINE_MAX_PARAGRAPH && paragraph.tokenEnd - paragraph.tokenStart <= HEADLINE_MAX_TOKENS && paragraph.sentenceEnd - paragraph.sentenceStart === 1;
    if (!shouting && !headline) return;
    if (first >= paragraph.tokenEnd || quoted.has(contentStart(scan, paragraph, first))) return;
    // A transcript's label is the speaker's name as it stands ("A:" is the answer's speaker, not an article).
    const speaker = named ? { t0: paragraph.tokenStart, t1: colon } : nounPhraseBefore(scan, colon, paragraph.tokenStart);
    if (speaker === null || (!named && (speaker.t0 !== labelStart(scan, paragraph, colon) || !namesSpeaker(scan, speaker.t0, speaker.t1)))) return;
    const start = contentStart(scan, paragraph, first);
    const end = contentEnd(text, paragraph);
    if (end <= start) return;
    const sentence = sentences[sentenceOf[first] as number];
    const mode = shouting ? 'direct' : hasQuoteBetween(article, first, paragraph.tokenEnd) ? 'mixed' : 'indirect';
    findings.push(draftOf(start, index, mode, null, speaker, { start, end }, sentence?.index ?? 0));
  });
  return findings;
}

// The token right after the colon that ends a paragraph's opening label, or -1 when it has none.
function labelColon(scan: Scan, paragraph: ParagraphSpan): number {
  const { tokens, text } = scan.article;
  const last = Math.min(paragraph.tokenEnd, paragraph.tokenStart + LABEL_MAX_TOKENS + 2);
  for (let t = paragraph.tokenStart + 1; t < last; t++) {
    if (tokens.breakBefore[t] !== 1) continue;
    // Both patterns below open with a colon, white space or a dash: any other ASCII mark (most gaps: a comma, a
    // stop) ends the search without a slice.
    const code = text.charCodeAt(tokens.end[t - 1] as number);
    if (code < 128 && code !== 58 && code !== 45 && !isSpaceUnit(code)) return -1;
    const gap = text.slice(tokens.end[t - 1] as number, tokens.start[t] as number);
    if (/^:\s+["'\u201C\u2018]?$/u.test(gap)) return t;
    // A dash may follow a leading label ("EXCLUSIVE - Holt: ..."); any other mark ends the search.
    if (!/^\s*[-\u2013\u2014]{1,2}\s*$/u.test(gap)) return -1;
  }
  return -1;
}

// Where the label starts: after a leading page label and its dash, else the paragraph's first token.
function labelStart(scan: Scan, paragraph: ParagraphSpan, colon: number): number {
  const { tokens } = scan.article;
  for (let t = colon - 1; t > paragraph.tokenStart; t--) if (tokens.breakBefore[t] === 1) return isPageLabel(scan, paragraph.tokenStart, t) ? t : -1;
  return paragraph.tokenStart;
}

// `JAKE TAPPER:` — a transcript names its speakers in capitals.
function isUpperCaseLabel(scan: Scan, t0: number, t1: number): boolean {
  const { text, tokens } = scan.article;
  const label = text.slice(tokens.start[t0] as number, tokens.end[t1 - 1] as number);
  return /\p{Lu}{2}/u.test(label) && label === label.toUpperCase() && t1 - t0 <= 3;
}

// Paragraphs opening with the same name's label that make a text a transcript.
const TRANSCRIPT_MIN_LABELS = 2;

// An interview's question and answer labels: one of each makes a transcript, as a name's label twice does.
const INTERVIEW_LABELS = ['q', 'a'];

// Whether one name's label opens at least TRANSCRIPT_MIN_LABELS paragraphs (compared by its words, lower-cased),
// or both of an interview's labels stand.
function hasRecurringLabel(scan: Scan, colons: readonly number[]): boolean {
  const { article } = scan;
  const seen = new Map<string, number>();
  for (let index = 0; index < colons.length; index++) {
    const colon = colons[index] as number;
    const t0 = (article.paragraphs[index] as ParagraphSpan).tokenStart;
    if (colon === -1 || !isNameLabel(scan, t0, colon)) continue;
    const label = article.tokens.norm.slice(t0, colon).join(' ');
    const count = (seen.get(label) ?? 0) + 1;
    if (count >= TRANSCRIPT_MIN_LABELS) return true;
    seen.set(label, count);
  }
  return INTERVIEW_LABELS.every((label) => seen.has(label));
}
// A name's label in a transcript is a name of a few words ("Alex Berg-Holt:") or a letter ("Q:", "A:").
const NAME_LABEL_MAX_TOKENS = 3;

// `Matthews:`, `Anna Berg:`, `Q:` — every word capitalised, no page label ("Update:", "Editor's note:").
function isNameLabel(scan: Scan, t0: number, t1: number): boolean {
  if (t1 - t0 > NAME_LABEL_MAX_TOKENS || isPageLabel(scan, t0, t1)) return false;
  // "Monday: Rice with beans ...": a day or a month heads a schedule's entry, and no one speaks it.
  for (let t = t0; t < t1; t++) if (scan.capital[t] !== 1 || scan.words.headlineLabels.has(scan.article.tokens.norm[t] as string) || inClass(scan.classes, t, WORD_CLASS.timeWord)) return false;
  return true;
}

// The fewest words of a transcript's line worth an attribution ("A: Yes." and "Q: Does Holt?" are not).
const SPOKEN_LINE_MIN_TOKENS = 6;

// Whether the words after a name's label read as spoken: long enough, and not a list of names ("Iowa: Anna
// Berg, Tom Holt, ...", "Holt: Win in a walk" in a list of each side's hopes), which runs mostly in capitals.
function isSpokenLine(scan: Scan, t0: number, t1: number): boolean {
  if (t1 - t0 < SPOKEN_LINE_MIN_TOKENS) return false;
  let capitals = 0;
  for (let t = t0; t < t1; t++) capitals += scan.capital[t] as number;
  return capitals * 2 < t1 - t0;
}

// "Exclusive", "Editor's note", "Live updates": every word says what kind of item follows.
function isPageLabel(scan: Scan, t0: number, t1: number): boolean {
  for (let t = t0; t < t1; t++) if (!scan.words.headlineLabels.has(scan.article.tokens.norm[t] as string)) return false;
  return true;
}

// A label that names who speaks: an actor the gazetteer knows, or a short name or role. A column's or a
// series' title ("The Latest", "Delegate update", "Big Win For Holt") and a pair of topics ("Holt and
// Reyes") head a headline without speaking it.
function namesSpeaker(scan: Scan, t0: number, t1: number): boolean {
  const { norm } = scan.article.tokens;
  if (scan.words.headlineLabels.has(norm[t1 - 1] as string)) return false;
  let actor = false;
  for (let t = t0; t < t1; t++) {
    if (inClass(scan.classes, t, WORD_CLASS.coordinator)) return false;
    if (scan.actorAt[t] !== -1) actor = true;
  }
  if (actor) return true;
  if (t1 - t0 > LABEL_NAME_MAX_TOKENS || inClass(scan.classes, t0, WORD_CLASS.determiner)) return false;
  for (let t = t0; t < t1; t++) if (inClass(scan.classes, t, WORD_CLASS.speakerLink)) return false;
  return true;
}

function contentStart(scan: Scan, paragraph: ParagraphSpan, first: number): number {
  const { text, tokens } = scan.article;
  const at = tokens.start[first] as number;
  return at > paragraph.start && /["'\u201C\u2018]/u.test(text[at - 1] as string) ? at - 1 : at;
}

// The paragraph's end without a final full stop, as reported content ends before it.
function contentEnd(text: string, paragraph: ParagraphSpan): number {
  let end = paragraph.end;
  while (end > paragraph.start && /[\s.]/.test(text[end - 1] as string)) end--;
  return end;
}
