/**
 * Pull quotes: a paragraph that is only a quotation, whose words the page has again as a run inside a longer
 * paragraph still undecided (the body it was lifted from). Apart from the other block rules because it compares
 * paragraphs with one another instead of reading each alone, and must stay linear when a page is many quoted
 * lines (a chat log, an interview transcript): compared with every paragraph, a megabyte of them took 40-70
 * times as long as 100 KB.
 */
import type { ParagraphSpan, SegmentedArticle } from '../text/index.ts';
import { NO_WORD } from '../text/vocabulary.ts';

// Up to this much work (candidates times the paragraphs and tokens each may read) the candidates are compared
// with every paragraph directly: every ordinary article, which has a few quoted lines at most. Past it, an
// index of the page's runs of words costs less than the comparisons.
const DIRECT_WORK = 1 << 20;

/**
 * Sets `decisions[i]` to `mark` for each paragraph i of `candidates` (ascending, undecided, 1+ tokens) whose
 * folded words occur as a run in a paragraph with more tokens whose decision is still null, candidates decided
 * in order (a marked one no longer counts as the longer paragraph; see markThroughIndex for why that changes
 * nothing). `directWork`: up to how much work paragraphs are compared directly (tests pass 0 to use the index).
 */
export function markRepeatedQuotes<D>(article: SegmentedArticle, decisions: (D | null)[], candidates: readonly number[], mark: D, directWork = DIRECT_WORK): void {
  if (candidates.length === 0) return;
  if (candidates.length * (article.paragraphs.length + article.tokens.count) <= directWork) markDirectly(article, decisions, candidates, mark);
  else markThroughIndex(article, decisions, candidates, mark);
}

function markDirectly<D>(article: SegmentedArticle, decisions: (D | null)[], candidates: readonly number[], mark: D): void {
  const { paragraphs } = article;
  // Ids are current (classifyBlocks read them for the key words): equal ids are equal words, and a registered
  // word differs from any unregistered one, so most tokens are told apart without reading their strings.
  const { norm, ids } = article.tokens;
  for (const i of candidates) {
    const inner = paragraphs[i] as ParagraphSpan;
    const repeated = paragraphs.some((other, j) => j !== i && decisions[j] === null && containsWords(norm, ids, other, inner));
    if (repeated) decisions[i] = mark;
  }
}

// Whether `outer` has more words than `inner` and `inner`'s folded words as a run among them. Read on the
// tokens, not on joined strings: no word has a space in it or is empty, so this is exactly "the joined
// words of outer contain the joined words of inner, and are longer", without building a string per paragraph.
function containsWords(norm: readonly string[], ids: Int32Array, outer: ParagraphSpan, inner: ParagraphSpan): boolean {
  const length = inner.tokenEnd - inner.tokenStart;
  if (outer.tokenEnd - outer.tokenStart <= length || length === 0) return false;
  const firstId = ids[inner.tokenStart] as number;
  const first = norm[inner.tokenStart] as string;
  for (let t = outer.tokenStart; t + length <= outer.tokenEnd; t++) {
    if (ids[t] !== firstId || (firstId === NO_WORD && norm[t] !== first)) continue;
    let k = 1;
    while (k < length && norm[t + k] === norm[inner.tokenStart + k]) k++;
    if (k === length) return true;
  }
  return false;
}

// The same decisions through an index. Marks never change what is decided after them: a paragraph holding a
// candidate's words is held, whole, by any paragraph that holds it, so the longest undecided paragraph holding
// them is held by none and is never marked. A candidate is marked, in whatever order, when any paragraph
// undecided before the first mark holds its words. Candidates with the same words form a group; for each
// length of candidate, every run of that many words in a longer undecided paragraph is hashed, and a run whose
// hash is a group's and whose words are its words (hashes collide) marks the group.
function markThroughIndex<D>(article: SegmentedArticle, decisions: (D | null)[], candidates: readonly number[], mark: D): void {
  const { paragraphs } = article;
  // The candidates (their places in `candidates`) by length in tokens.
  const byLength = new Map<number, number[]>();
  let shortest = Infinity;
  for (let k = 0; k < candidates.length; k++) {
    const length = tokensOf(paragraphs[candidates[k] as number] as ParagraphSpan);
    shortest = Math.min(shortest, length);
    const same = byLength.get(length);
    if (same === undefined) byLength.set(length, [k]);
    else same.push(k);
  }
  // The paragraphs that may hold a candidate's words: undecided, and longer than the shortest candidate.
  const outers: number[] = [];
  for (let j = 0; j < paragraphs.length; j++) if (decisions[j] === null && tokensOf(paragraphs[j] as ParagraphSpan) > shortest) outers.push(j);
  const words = wordNumbers(article, outers, candidates);

  const groupOf: (Group | undefined)[] = candidates.map(() => undefined);
  for (const [length, same] of byLength) {
    if (length === 0) continue;
    // Per hash of a run of `length` words, the first group with it; the others follow through `next`.
    const heads = new Map<number, Group>();
    for (const k of same) {
      const start = (paragraphs[candidates[k] as number] as ParagraphSpan).tokenStart;
      const hash = hashOfRun(words, start, length);
      let group = heads.get(hash);
      while (group !== undefined && !sameRun(words, group.start, start, length)) group = group.next;
      if (group === undefined) {
        group = { start, held: false, next: heads.get(hash) };
        heads.set(hash, group);
      }
      groupOf[k] = group;
    }
    markHeld(words, paragraphs, outers, length, heads);
  }
  for (let k = 0; k < candidates.length; k++) if (groupOf[k]?.held === true) decisions[candidates[k] as number] = mark;
}

// Candidates with the same words: where the first one's words start, whether a longer undecided paragraph holds
// them, and the next group whose words hash alike.
type Group = { start: number; held: boolean; next: Group | undefined };

const tokensOf = (p: ParagraphSpan): number => p.tokenEnd - p.tokenStart;

// Per token of the given paragraphs, a number for its folded word, equal for equal words (other tokens: 0).
function wordNumbers(article: SegmentedArticle, outers: readonly number[], candidates: readonly number[]): Int32Array {
  const { paragraphs, tokens } = article;
  const { norm } = tokens;
  const words = new Int32Array(tokens.count);
  const numbers = new Map<string, number>();
  const number = (p: ParagraphSpan): void => {
    for (let t = p.tokenStart; t < p.tokenEnd; t++) {
      const word = norm[t] as string;
      let found = numbers.get(word);
      if (found === undefined) {
        found = numbers.size + 1;
        numbers.set(word, found);
      }
      words[t] = found;
    }
  };
  for (const j of outers) number(paragraphs[j] as ParagraphSpan);
  for (const i of candidates) number(paragraphs[i] as ParagraphSpan);
  return words;
}

// A polynomial hash of words[start, start + length) (mod 2^32), which rolls: see collectOuters.
const BASE = 0x01000193;
function hashOfRun(words: Int32Array, start: number, length: number): number {
  let hash = 0;
  for (let t = start; t < start + length; t++) hash = (Math.imul(hash, BASE) + (words[t] as number)) | 0;
  return hash;
}

function sameRun(words: Int32Array, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (words[a + k] !== words[b + k]) return false;
  return true;
}

// Sets `held` on each group of `heads` (candidates of `length` tokens) whose words an undecided paragraph longer
// than them holds, reading every run of `length` words of those paragraphs once.
function markHeld(words: Int32Array, paragraphs: readonly ParagraphSpan[], outers: readonly number[], length: number, heads: ReadonlyMap<number, Group>): void {
  // BASE to the power length - 1: what the word leaving a run weighs in its hash.
  let leaving = 1;
  for (let k = 1; k < length; k++) leaving = Math.imul(leaving, BASE);
  for (const j of outers) {
    const p = paragraphs[j] as ParagraphSpan;
    if (tokensOf(p) <= length) continue;
    let hash = hashOfRun(words, p.tokenStart, length);
    for (let t = p.tokenStart; ; t++) {
      for (let group = heads.get(hash); group !== undefined; group = group.next) if (!group.held && sameRun(words, group.start, t, length)) group.held = true;
      if (t + length >= p.tokenEnd) break;
      hash = (Math.imul((hash - Math.imul(words[t] as number, leaving)) | 0, BASE) + (words[t + length] as number)) | 0;
    }
  }
}
