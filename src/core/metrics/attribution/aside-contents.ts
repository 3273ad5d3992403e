/**
 * Contents around an aside: a cue set between commas inside the sentence it reports ("The thing the mayor
 * needs, aides said, is a second ferry"; "The delay, Holt noted, may be the council's doing") splits its
 * content in two. A content read back from the cue holds only the first part, often no clause at all ("The
 * thing the mayor needs"); the report goes on after the aside to the sentence's end, so the content is
 * widened over the aside to there (a quotation there makes it mixed). Its own cue and speaker then stand
 * inside it, as nested-bounds.ts allows.
 */
import type { Scan } from './context.ts';
import { cueSpanOf, draftOf, isPending, phraseOf, type Draft, type Finding, type Range } from './types.ts';
import { mapped } from '../../text/lists.ts';

// The most words between the aside's cue or speaker and the comma that closes it ("aides said on Tuesday,").
const ASIDE_TAIL_WORDS = 3;
// The aside is closed by a comma after at most ASIDE_TAIL_WORDS words.
const ASIDE_CLOSE = new RegExp(`^(?:\\s+[\\p{L}\\p{N}'\u2019.-]+){0,${ASIDE_TAIL_WORDS}}?\\s*,\\s+`, 'u');
// The report after the aside stops at a colon or a semicolon: what follows is another shape. A quotation
// inside it is the speaker's words within the report ("The job, he said, should be to \"counter lies\"").
const REPORT_STOP = /[;:]/;
const QUOTE_MARK = /["\u201c\u201d]/;
const TRAILING = /[\s.,!?\u2013\u2014-]+$/;
const MIN_REST = 3;
// "the Post reported, citing a source": a participle after the aside is the speaker's act, not the report.
const PARTICIPLE_OPENING = /^\p{Ll}+ing\b/u;

/** The findings with each reported content that ends right before its aside (", aides said,") widened to the sentence's end; same order, new objects only where widened. */
export function withContentAfterAside(scan: Scan, findings: readonly Finding[]): Finding[] {
  return mapped(findings, (finding) => {
    if (!isPending(finding)) return finding;
    const content = widened(scan, finding);
    if (content === null) return finding;
    // Quoted words after the aside make a plain report a mixed one.
    const quoted = finding.mode === 'indirect' && QUOTE_MARK.test(scan.article.text.slice(content.start, content.end));
    // A new draft, not a spread copy: a spread copy gets a hidden class of its own, and the passes after read every finding.
    return draftOf(finding.order, finding.paragraph, quoted ? 'mixed' : finding.mode, cueSpanOf(finding), phraseOf(finding), content, finding.sentence, finding.target);
  });
}

function widened(scan: Scan, draft: Draft): Range | null {
  const speaker = phraseOf(draft);
  const sentence = scan.sentences[draft.sentence];
  if (draft.contentStart < 0 || draft.cue === null || speaker === null || sentence === undefined) return null;
  const { text, tokens } = scan.article;
  const speakerStart = tokens.start[speaker.t0] as number;
  const speakerEnd = tokens.end[speaker.t1 - 1] as number;
  // The content stands before the aside, a comma between them and nothing else.
  if (draft.contentEnd > draft.cueStart || draft.contentEnd > speakerStart || draft.contentStart < sentence.start) return null;
  if (text.slice(draft.contentEnd, Math.min(draft.cueStart, speakerStart)).trim() !== ',') return null;
  const after = Math.max(draft.cueEnd, speakerEnd);
  if (after >= sentence.end) return null;
  const tail = text.slice(after, sentence.end);
  const close = ASIDE_CLOSE.exec(tail);
  if (close === null) return null;
  let rest = tail.slice(close[0].length);
  const stop = REPORT_STOP.exec(rest);
  if (stop !== null) rest = rest.slice(0, stop.index);
  rest = rest.replace(TRAILING, '');
  if (rest.length < MIN_REST || PARTICIPLE_OPENING.test(rest)) return null;
  return { start: draft.contentStart, end: after + close[0].length + rest.length };
}
