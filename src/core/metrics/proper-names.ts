/**
 * Proper names by case shape: runs of capitalised words ("the Free Syrian Army", "Manchester United",
 * "Speaker of the House"), joined by the lower-case connectors a name may hold. A word inside a name of two
 * words or more is part of what the thing is called, not a word the writer chose, so sentiment and loaded
 * language leave it out (and list it as exempt). One pass over the tokens, sentence by sentence.
 *
 * Capitals carry evidence only where the writer chose them: a sentence's first word and a word after an
 * opening quotation mark or a colon are capitalised by position, and a title-case headline ("Biden Slams
 * Critics") or a line in capitals capitalises everything, so such a sentence yields no names.
 */
import { matchAt, type Lexicons, type LexiconRef } from '../data/index.ts';
import type { SegmentedArticle } from '../text/index.ts';
import { CASE, tokenIds, type TokenTable } from '../text/tokens.ts';
import { flagsByWordIdOnce, hasFlag } from '../text/vocabulary.ts';

/** A name: the half-open token range and its character span in the text. */
export type ProperName = { tokenStart: number; tokenEnd: number; start: number; end: number };

/** The article's names in text order, disjoint: `nameIndexAt` says which holds a token. */
export type ProperNames = { names: ProperName[] };

// Characters right before a word that make its capital a matter of position: an opening quotation mark,
// a bracket, a colon or a dash introducing a phrase. Read where they lie, with no gap sliced per word.
// By code unit up to the highest of them (a byte each: no Set probed per unit).
const POSITIONAL_CODES = [...'"\u201C\u2018\'([:\u2014\u2013'].map((c) => c.charCodeAt(0));
const POSITIONAL_MARKS = new Uint8Array(Math.max(...POSITIONAL_CODES) + 1);
for (const code of POSITIONAL_CODES) POSITIONAL_MARKS[code] = 1;
function positionalGap(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (POSITIONAL_MARKS[text.charCodeAt(i)] === 1) return true;
  return false;
}
// A sentence whose letters are mostly capitals is shouted or a heading: its capitals say nothing.
const CAPS_SHARE = 0.6;

// The three word lists by id as bits of one byte per id (flagsByWordIdOnce): the connector test runs at most
// tokens after a capitalised word, and three plain arrays by id were 8 bytes a slot each.
const CONNECTOR = 1;
const SMALL = 2;
const NOT_NAME = 4;

/** Finds the names of two or more words in every sentence whose capitals carry evidence. */
export function findProperNames(article: SegmentedArticle, lexicons: Lexicons): ProperNames {
  const { text } = article;
  const { nameConnectors, notNames, titleCaseSmallWords } = lexicons.words;
  // Not names are read by the bare form's word id: every word of the lists is registered (here, before the ids are read).
  const flags = flagsByWordIdOnce([nameConnectors, titleCaseSmallWords, notNames]);
  const tokens = tokenIds(article.tokens);
  const isConnector = (t: number): boolean => hasFlag(flags, tokens.ids[t] as number, CONNECTOR);
  // No array per token: a typed array of the token count, allocated and filled for every article, cost more
  // than finding the names (most articles have a few dozen, found again by a binary search).
  const names: ProperName[] = [];
  const scratch: LexiconRef[] = [];
  const capitalised = (t: number): boolean => ((tokens.shape[t] as number) & CASE.upperStart) !== 0;
  const positional = (t: number, sentenceStart: number): boolean => t === sentenceStart || positionalGap(text, tokens.end[t - 1] as number, tokens.start[t] as number);
  // A sentence-initial word that is itself loaded ("Brutal Assad forces...") opens the sentence, not a name.
  const loadedWord = (t: number): boolean => matchAt(lexicons.loaded, tokens, t, t + 1, scratch) > 0 && (scratch[0] as LexiconRef).weight > 0;
  const opensSentence = (t: number): boolean => {
    return hasFlag(flags, tokens.bareIds[t] as number, NOT_NAME) || (tokens.bare[t] as string).endsWith('ly') || loadedWord(t);
  };

  const { sentences } = article;
  for (let s = 0; s < sentences.count; s++) {
    const tokenStart = sentences.tokenStart[s] as number;
    const tokenEnd = sentences.tokenEnd[s] as number;
    // Whether the sentence's capitals are evidence is asked at its first name of two words, if it has one:
    // most sentences have none, and then no name to keep either way.
    let evidence: boolean | undefined;
    let t = tokenStart;
    while (t < tokenEnd) {
      if (!capitalised(t)) {
        t++;
        continue;
      }
      // Grow the run: capitalised words, and connectors only when a capitalised word follows them.
      let end = t + 1;
      while (end < tokenEnd && tokens.breakBefore[end] === 0) {
        if (capitalised(end)) {
          end++;
          continue;
        }
        let next = end;
        while (next < tokenEnd && tokens.breakBefore[next] === 0 && isConnector(next)) next++;
        if (next === end || next >= tokenEnd || tokens.breakBefore[next] === 1 || !capitalised(next)) break;
        end = next;
      }
      // A run of one word holds no name of two.
      if (end - t < 2) {
        t = end;
        continue;
      }
      let first = t;
      // A word capitalised by position joins only a capitalised word right after it ("Free Syrian Army" yes,
      // "Fighters of the Free Syrian Army" no).
      if (positional(first, tokenStart) && (!capitalised(first + 1) || opensSentence(first))) {
        first++;
        while (first < end && !capitalised(first)) first++;
      }
      let words = 0;
      for (let k = first; k < end; k++) if (capitalised(k)) words++;
      if (words >= 2) {
        evidence ??= caseIsEvidenceIn(tokens, tokenStart, tokenEnd, flags, SMALL);
        if (!evidence) break;
        names.push({ tokenStart: first, tokenEnd: end, start: tokens.start[first] as number, end: tokens.end[end - 1] as number });
      }
      t = end;
    }
  }
  return { names };
}

/**
 * True when the capitals of tokens [from, to) are the writer's choice: not a line in capitals, and not a
 * title-case line (every word capitalised but the small words a headline leaves in lower case).
 */
export function caseIsEvidence(article: SegmentedArticle, from: number, to: number, smallWords: ReadonlySet<string>): boolean {
  const small = flagsByWordIdOnce([smallWords]);
  return caseIsEvidenceIn(tokenIds(article.tokens), from, to, small, 1);
}

// caseIsEvidence with the small words by id and the ids current: findProperNames asks once per sentence.
function caseIsEvidenceIn(tokens: TokenTable, from: number, to: number, flags: Uint8Array, small: number): boolean {
  let letters = 0;
  let upper = 0;
  let lowerWords = 0;
  let capitalWords = 0;
  // The tokenizer counted each word's letters and capitals and noted how its first letter is cased.
  for (let t = from; t < to; t++) {
    letters += tokens.letters[t] as number;
    upper += tokens.capitals[t] as number;
    const shape = tokens.shape[t] as number;
    if ((shape & CASE.upperStart) !== 0) capitalWords++;
    // One lower-case word that is not a small word settles it: the set is read only until then.
    else if (lowerWords === 0 && (shape & CASE.lowerStart) !== 0 && !hasFlag(flags, tokens.ids[t] as number, small)) lowerWords++;
  }
  if (letters > 0 && upper / letters >= CAPS_SHARE && to - from >= 3) return false;
  // A title-case line: nothing in lower case but small words, and more than its first word capitalised.
  return lowerWords > 0 || capitalWords < 3;
}

/** The index in `names.names` of the name holding token `t`, or -1. */
export function nameIndexAt(names: ProperNames, t: number): number {
  const list = names.names;
  // The last name starting at or before t (names are in text order and disjoint): it holds t or none does.
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as ProperName).tokenStart <= t) low = middle + 1;
    else high = middle;
  }
  return low > 0 && (list[low - 1] as ProperName).tokenEnd > t ? low - 1 : -1;
}

/** The name (as written) holding token `t`, or undefined. */
export function nameTextAt(article: SegmentedArticle, names: ProperNames, t: number): string | undefined {
  const index = nameIndexAt(names, t);
  if (index === -1) return undefined;
  const name = names.names[index] as ProperName;
  return article.text.slice(name.start, name.end);
}

/** True when tokens [first, last] lie inside one name that holds more words than they do. */
export function insideLongerName(names: ProperNames, first: number, last: number): boolean {
  const index = nameIndexAt(names, first);
  if (index === -1) return false;
  const name = names.names[index] as ProperName;
  return name.tokenEnd > last && (name.tokenStart < first || name.tokenEnd > last + 1);
}
