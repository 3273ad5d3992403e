/**
 * Nested bounds: reported content ends where another attribution's clause begins inside it. "Holt attacked
 * the plan, which Lund says will fail" reports Holt attacking the plan; what will fail is Lund's view, with
 * its own cue and speaker. A content read to the sentence's end swallows the second clause, so the first
 * attribution is cut before it: at the comma, semicolon or dash that opens the clause when it stands right
 * before the inner speaker or cue or before a clause word ("In praise of the plan, Holt pledged"; "the plan,
 * which Lund"), or at a clause word right before them ("on Monday when she told"); never elsewhere. Quotations keep their bounds: a quotation is the speaker's words whatever they report.
 */
import { listToFill, mapped } from '../../text/lists.ts';
import { firstTokenAtOrAfter } from '../../text/tokens.ts';
import { commaBefore, type Scan } from './context.ts';
import { withContentEnd, type RawAttribution } from './types.ts';
import { participleBreakBefore } from './participle-cues.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';

// A content shorter than this (UTF-16 units) before the inner clause is left whole: too short to be the
// report's own content, it is more likely a speaker or a cue phrase read into it.
const MIN_KEPT = 8;
// How far back (UTF-16 units) the punctuation opening an inner clause is looked for; bounds the work per cue.
const MAX_LOOK_BACK = 200;
const TRAILING = /[\s,;\u2013\u2014]/;

/** The attributions with each reported content (not a quotation) ended before an inner attribution's clause; same order, new objects only where cut, put in place of the old in `attributions`, which is returned. */
export function withNestedBounds(scan: Scan, attributions: RawAttribution[]): RawAttribution[] {
  const text = scan.article.text;
  // Made when the first reported content is met: a text of quotations has none to cut.
  let inner: InnerClauses | undefined;
  for (let n = 0; n < attributions.length; n++) {
    const a = attributions[n] as RawAttribution;
    const contentStart = a.contentStart;
    const contentEnd = a.contentEnd;
    if (contentStart < 0 || a.mode === 'direct' || a.mode === 'mixed') continue;
    inner ??= innerClauses(attributions);
    let cut = contentEnd;
    for (let i = firstCueAfter(inner.cue, contentStart); i < inner.cue.length && (inner.cue[i] as number) < contentEnd; i++) {
      // Its own cue, or another actor's copy of it, may stand inside a content ("The plan, Holt said, will fail").
      if (a.cue !== null && inner.cue[i] === a.cueStart) continue;
      // The inner clause opens at its speaker or its cue, whichever comes first ("the plan, which Lund says"),
      // but a participle's speaker is the subject of the clause it hangs on, before the content: its clause
      // opens at the cue ("Holt praised the board — asserting that ...").
      const cue = inner.cue[i] as number;
      const speaker = inner.speaker[i] as number;
      // So does the verb after a participle's aside ("Berg, citing a survey, said"): the participle's content ends before it.
      const opensAtCue = speaker < contentStart && (isParticipleAt(scan, cue) || (a.cue !== null && isParticipleAt(scan, a.cueStart) && commaBefore(scan, firstTokenAtOrAfter(scan.article.tokens, cue))));
      const at = clauseStart(scan, text, contentStart, opensAtCue ? cue : Math.min(cue, speaker));
      // The first inner clause that leaves enough ends the content: one cut per content keeps a long
      // sentence with many cues linear.
      if (at - contentStart >= MIN_KEPT) {
        cut = at;
        break;
      }
    }
    if (cut === contentEnd) continue;
    let end = cut;
    while (end > contentStart && TRAILING.test(text[end - 1] as string)) end--;
    attributions[n] = withContentEnd(a, end);
  }
  return attributions;
}

/** Each inner clause by where its cue starts (ascending, stable), with where its speaker starts (Infinity: none), as two columns. */
type InnerClauses = { cue: readonly number[]; speaker: readonly number[] };

// Columns rather than an object per attribution: on a long text they all lived until the last content was cut.
// Plain arrays of numbers, not typed arrays: most articles have a few dozen cues, and a typed array longer
// than 64 bytes is a buffer outside the heap, costlier to make than the columns are to fill and read.
function innerClauses(attributions: readonly RawAttribution[]): InnerClauses {
  // Counted first and made at their length (listToFill): grown by push, a megabyte's 36,000 reports regrew both
  // lists in V8's large-object space.
  let count = 0;
  for (let n = 0; n < attributions.length; n++) if ((attributions[n] as RawAttribution).cue !== null) count++;
  const cue = listToFill<number>(count);
  const speaker = listToFill<number>(count);
  for (let n = 0, i = 0; n < attributions.length; n++) {
    const a = attributions[n] as RawAttribution;
    if (a.cue === null) continue;
    cue[i] = a.cueStart;
    speaker[i++] = a.speakerStart < 0 ? Infinity : a.speakerStart;
  }
  let sorted = true;
  for (let i = 1; i < count && sorted; i++) if ((cue[i - 1] as number) > (cue[i] as number)) sorted = false;
  if (sorted) return { cue, speaker };
  // Out of order: sorted by cue, ties kept in list order, as a stable sort of the pairs would. Packed (mapped),
  // as the columns in order are: map inlined made holey ones, which deoptimised the readers optimised on those.
  const order = mapped(cue, (_, i) => i).sort((x, y) => (cue[x] as number) - (cue[y] as number) || x - y);
  return { cue: mapped(order, (i) => cue[i] as number), speaker: mapped(order, (i) => speaker[i] as number) };
}

// Whether a participle after a comma or a dash starts at offset `at` (", adding that", "— asserting that").
function isParticipleAt(scan: Scan, at: number): boolean {
  const t = firstTokenAtOrAfter(scan.article.tokens, at);
  return t < scan.article.tokens.count && (scan.article.tokens.norm[t] as string).endsWith('ing') && participleBreakBefore(scan, t);
}

// The first index whose cue starts strictly after `offset` (binary search).
function firstCueAfter(cues: readonly number[], offset: number): number {
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cues[mid] as number) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// , ; – — (the punctuation that may open an inner clause)
function isClausePunctuation(code: number): boolean {
  return code === 44 || code === 59 || code === 0x2013 || code === 0x2014;
}

// Where the clause holding an inner speaker or cue at `from` opens: the last punctuation between `start`
// and `from` when nothing or a clause word ("which", "after") follows it; else the clause word right before
// `from` ("at the meeting when she told"); else `start`, no cut: an inner cue with no visible opening
// ("talks with U.S. envoy will continue") is more often a misread than a clause (PolNeAR: cutting there too
// gained 16 matches but cut our own gold set's "says talks with U.S. envoy will continue" in two).
function clauseStart(scan: Scan, text: string, start: number, from: number): number {
  const { tokens } = scan.article;
  const opens = WORD_CLASS.clauseWord | WORD_CLASS.subordinator;
  const floor = Math.max(start, from - MAX_LOOK_BACK);
  let p = from - 1;
  // Read as char codes: a regular expression run on a one-character string per step cost ten times as much.
  while (p >= floor && !isClausePunctuation(text.charCodeAt(p))) p--;
  if (p < floor) p = start - 1;
  if (p >= start) {
    if (text.slice(p + 1, from).trim() === '') return p;
    const t = firstTokenAtOrAfter(tokens, p + 1);
    if (t < tokens.count && inClass(scan.classes, t, opens)) return p;
  }
  const before = firstTokenAtOrAfter(tokens, from) - 1;
  return before >= 0 && (tokens.start[before] as number) > start && inClass(scan.classes, before, opens) ? (tokens.start[before] as number) : start;
}
