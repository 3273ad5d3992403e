/**
 * Contents around an aside: a cue set between commas inside the sentence it reports ("The thing the mayor
 * needs, aides said, is a second ferry"; "The delay, Holt noted, may be the council's doing") splits its
 * content in two. A content read back from the cue holds only the first part, often no clause at all ("The
 * thing the mayor needs"); the report goes on after the aside to the sentence's end, so the content is
 * widened over the aside to there (a quotation there makes it mixed). Its own cue and speaker then stand
 * inside it, as nested-bounds.ts allows.
 */
import type { Scan } from './context.ts';
import { cueSpanOf, draftOf, isPending, phraseOf, type Draft, type Finding, type SentenceRef } from './types.ts';
import { countBelow, mapped } from '../../text/lists.ts';

// The most words between the aside's cue or speaker and the comma that closes it ("aides said on Tuesday,").
const ASIDE_TAIL_WORDS = 3;
// The aside is closed by a comma after at most ASIDE_TAIL_WORDS words.
const ASIDE_CLOSE = new RegExp(`^(?:\\s+[\\p{L}\\p{N}'\u2019.-]+){0,${ASIDE_TAIL_WORDS}}?\\s*,\\s+`, 'u');
// The report after the aside stops at a colon or a semicolon: what follows is another shape. A quotation
// inside it is the speaker's words within the report ("The job, he said, should be to \"counter lies\"").
const SEMICOLON = 0x3b;
const COLON = 0x3a;
// Marks trimmed from the report's end, one character at a time (\s is every white space, as in a pattern).
const TRAILING_MARK = /^[\s.,!?\u2013\u2014-]$/;
const MIN_REST = 3;
// "the Post reported, citing a source": a participle after the aside is the speaker's act, not the report.
const PARTICIPLE_OPENING = /^\p{Ll}+ing\b/u;

/**
 * Where one sentence's reports may stop and where its quotation marks are, read once for all its findings:
 * read per finding, the rest of the sentence made a long run-on sentence of asides quadratic (1 MB of "the
 * ferry was late, said Holt, " took 105 times as long as 100 KB). `trimmed` maps a report's end to where its
 * trailing marks begin.
 */
type SentenceMarks = { readonly index: number; readonly start: number; readonly stops: readonly number[]; readonly quotes: readonly number[]; readonly trimmed: Map<number, number> };

/** The findings with each reported content that ends right before its aside (", aides said,") widened to the sentence's end; same order, new objects only where widened. */
export function withContentAfterAside(scan: Scan, findings: readonly Finding[]): Finding[] {
  // Findings come sentence by sentence: the last sentence's marks serve the next finding most often.
  let marks: SentenceMarks | undefined;
  return mapped(findings, (finding) => {
    if (!isPending(finding)) return finding;
    const sentence = scan.sentences[finding.sentence];
    if (sentence === undefined) return finding;
    if (marks?.index !== sentence.index) marks = undefined;
    const end = widenedEnd(scan, finding, sentence, () => (marks ??= sentenceMarks(scan.article.text, sentence)));
    if (end < 0 || marks === undefined) return finding;
    // Quoted words after the aside make a plain report a mixed one.
    const quoted = finding.mode === 'indirect' && firstAtOrAfter(marks.quotes, finding.contentStart) < end;
    // A new draft, not a spread copy: a spread copy gets a hidden class of its own, and the passes after read every finding.
    return draftOf(finding.order, finding.paragraph, quoted ? 'mixed' : finding.mode, cueSpanOf(finding), phraseOf(finding), { start: finding.contentStart, end }, finding.sentence, finding.target);
  });
}

// The end of the draft's content widened over its aside to the report's end, or -1; `marksOf` reads the sentence's marks when first needed.
function widenedEnd(scan: Scan, draft: Draft, sentence: SentenceRef, marksOf: () => SentenceMarks): number {
  const speaker = phraseOf(draft);
  if (draft.contentStart < 0 || draft.cue === null || speaker === null) return -1;
  const { text, tokens } = scan.article;
  const speakerStart = tokens.start[speaker.t0] as number;
  const speakerEnd = tokens.end[speaker.t1 - 1] as number;
  // The content stands before the aside, a comma between them and nothing else.
  if (draft.contentEnd > draft.cueStart || draft.contentEnd > speakerStart || draft.contentStart < sentence.start) return -1;
  if (text.slice(draft.contentEnd, Math.min(draft.cueStart, speakerStart)).trim() !== ',') return -1;
  const after = Math.max(draft.cueEnd, speakerEnd);
  if (after >= sentence.end) return -1;
  const close = ASIDE_CLOSE.exec(text.slice(after, sentence.end));
  if (close === null) return -1;
  const marks = marksOf();
  const restStart = after + close[0].length;
  const end = Math.max(restStart, trimmedEnd(text, marks, Math.min(sentence.end, firstAtOrAfter(marks.stops, restStart))));
  if (end - restStart < MIN_REST || PARTICIPLE_OPENING.test(text.slice(restStart, end))) return -1;
  return end;
}

function sentenceMarks(text: string, sentence: SentenceRef): SentenceMarks {
  const stops: number[] = [];
  const quotes: number[] = [];
  for (let i = sentence.start; i < sentence.end; i++) {
    const code = text.charCodeAt(i);
    if (code === SEMICOLON || code === COLON) stops.push(i);
    else if (code === 0x22 || code === 0x201c || code === 0x201d) quotes.push(i);
  }
  return { index: sentence.index, start: sentence.start, stops, quotes, trimmed: new Map() };
}

// Where the run of trailing marks that ends at `end` begins, not before the sentence; read once per end and sentence.
function trimmedEnd(text: string, marks: SentenceMarks, end: number): number {
  let start = marks.trimmed.get(end);
  if (start === undefined) {
    start = end;
    while (start > marks.start && TRAILING_MARK.test(text.charAt(start - 1))) start--;
    marks.trimmed.set(end, start);
  }
  return start;
}

// The first of the ascending `positions` at or after `offset`, or Infinity.
function firstAtOrAfter(positions: readonly number[], offset: number): number {
  return positions[countBelow(positions, offset)] ?? Infinity;
}
