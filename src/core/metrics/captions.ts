/**
 * Caption checks: the people, places and organisations a photo caption names, and whether the article's
 * body mentions them. A caption whose people (or, naming none, whose names) appear nowhere in the body is
 * flagged as unrelated to the story, with the names that don't match.
 *
 * Names are runs of capitalised words outside brackets, split at titles ("Speaker of the House"), which
 * also mark the next name as a person. A name matches the body when the body mentions the same gazetteer
 * actor, or has its last word (a surname, "Capitol") as a word of its own.
 */
import { matchAt, type Lexicons, type PhraseRef, type WordLists } from '../data/index.ts';
import type { ParagraphSpan, SegmentedArticle } from '../text/index.ts';
import { mapped } from '../text/lists.ts';
import type { ActorMention } from './attribution/index.ts';

export type CaptionName = { start: number; end: number; kind: 'person' | 'other'; actor: string | null; matched: boolean };
export type CaptionCheck = { paragraph: number; names: CaptionName[]; unrelated: boolean };
/** A caption as the summary gives it: its text, its names with their text, and what matched in a sentence. */
export type CaptionSummary = { paragraph: number; start: number; end: number; text: string; names: (CaptionName & { text: string })[]; unrelated: boolean; message: string };

// Capitalised words that start a sentence or a date rather than a name (lexicons/<language>/not-names,
// weekdays and months; short weekday forms are left out: "Sun" and "Sat" are names too).
function isNotName(words: WordLists, bare: string): boolean {
  return words.notNames.has(bare) || words.weekdays.names.has(bare) || words.months.names.has(bare) || words.months.short.has(bare);
}

// Caption names looked for word by word in the body before its words are gathered into a set.
const BODY_SCANS = 8;

function scoredWords(article: SegmentedArticle, scored: Uint8Array): Set<string> {
  const words = new Set<string>();
  for (let i = 0; i < article.paragraphs.length; i++) {
    const p = article.paragraphs[i] as ParagraphSpan;
    if (scored[i] === 1) for (let t = p.tokenStart; t < p.tokenEnd; t++) words.add(article.tokens.bare[t] as string);
  }
  return words;
}

/** Checks each caption paragraph (index in `captions`) against the scored paragraphs' words and actors. */
export function checkCaptions(article: SegmentedArticle, lexicons: Lexicons, mentions: readonly ActorMention[], captions: readonly number[], scored: Uint8Array): CaptionCheck[] {
  if (captions.length === 0) return [];
  const { tokens, text } = article;
  // Whether a scored paragraph holds `word` (a caption name's last word): the first few names asked are read off
  // the body's words, later ones from a set of them made once. Most captions ask about a name or two, where a set
  // of every body word was 15,000 adds a PolNeAR pass.
  let asked = 0;
  let bodyWords: Set<string> | undefined;
  const inBody = (word: string): boolean => {
    if (bodyWords === undefined && ++asked > BODY_SCANS) bodyWords = scoredWords(article, scored);
    if (bodyWords !== undefined) return bodyWords.has(word);
    for (let i = 0; i < article.paragraphs.length; i++) {
      if (scored[i] !== 1) continue;
      const p = article.paragraphs[i] as ParagraphSpan;
      for (let t = p.tokenStart; t < p.tokenEnd; t++) if (tokens.bare[t] === word) return true;
    }
    return false;
  };
  const bodyActors = new Set<string>();
  for (const mention of mentions) if (scored[mention.paragraph] === 1) bodyActors.add(mention.actor);
  const actorAtToken = new Map<number, ActorMention>();
  for (const mention of mentions) for (let t = mention.tokenStart; t < mention.tokenEnd; t++) actorAtToken.set(t, mention);
  const scratch: (PhraseRef & { role: string })[] = [];

  // mapped, not map: map's result turns holey once this is optimised (captions are rare: passes into a batch),
  // and buildReport, compiled on the packed lists before, was deoptimised by it.
  return mapped(captions, (index) => {
    const paragraph = article.paragraphs[index];
    if (paragraph === undefined) return { paragraph: index, names: [], unrelated: false };
    const bracketed = bracketedTokens(article, paragraph.tokenStart, paragraph.tokenEnd);
    const names: CaptionName[] = [];
    let run: number[] = [];
    let afterTitle = false;
    const close = (): void => {
      // Trailing connectors ("Speaker of the") are not part of a name.
      while (run.length > 0 && lexicons.words.nameConnectors.has(tokens.bare[run[run.length - 1] as number] as string)) run.pop();
      // A lone capitalised first word ("Factory workers...") starts the sentence; it names no one unless the gazetteer knows it.
      const lone = run.length === 1 && run[0] === paragraph.tokenStart && !actorAtToken.has(run[0]);
      if (run.length > 0 && !lone) names.push(nameOf(run, afterTitle));
      run = [];
    };
    const nameOf = (run: readonly number[], titled: boolean): CaptionName => {
      const first = run[0] as number;
      const last = run[run.length - 1] as number;
      const mention = actorAtToken.get(last) ?? actorAtToken.get(first);
      const actor = mention?.actor ?? null;
      const head = tokens.bare[last] as string;
      const actorKind = actor === null ? undefined : lexicons.actors.get(actor)?.kind;
      const person = actorKind !== undefined ? actorKind === 'person' : titled || (run.length >= 2 && run.length <= 4 && !lexicons.words.nonPersonHeads.has(head));
      const upper = /^\p{Lu}{2,}$/u.test(text.slice(tokens.start[last] as number, tokens.end[last] as number));
      const matched = (actor !== null && bodyActors.has(actor)) || ((head.length >= 3 || upper) && inBody(head));
      return { start: tokens.start[first] as number, end: tokens.end[last] as number, kind: person ? 'person' : 'other', actor, matched };
    };
    for (let t = paragraph.tokenStart; t < paragraph.tokenEnd; t++) {
      if (bracketed[t - paragraph.tokenStart] === 1) {
        close();
        afterTitle = false;
        continue;
      }
      // A title ends the name before it and makes the next one a person.
      const titleLength = matchAt(lexicons.titles, tokens, t, paragraph.tokenEnd, scratch);
      if (titleLength > 0 && actorAtToken.get(t) === undefined) {
        close();
        afterTitle = true;
        t += titleLength - 1;
        continue;
      }
      const capitalised = /^\p{Lu}/u.test(text[tokens.start[t] as number] as string);
      const bare = tokens.bare[t] as string;
      const broken = tokens.breakBefore[t] === 1 && run.length > 0 && !isAbbreviationBreak(text, tokens.start[t] as number);
      if (broken) {
        close();
        afterTitle = false;
      }
      if (capitalised && !(run.length === 0 && isNotName(lexicons.words, bare))) {
        run.push(t);
      } else if (run.length > 0 && lexicons.words.nameConnectors.has(bare) && !capitalised) {
        run.push(t);
      } else {
        close();
        afterTitle = false;
      }
    }
    close();
    const people = names.filter((n) => n.kind === 'person');
    const judged = people.length > 0 ? people : names;
    const unrelated = judged.length > 0 && judged.every((n) => !n.matched);
    return { paragraph: index, names: dedupe(names, text), unrelated };
  });
}

/** A caption check as reported: its names with their text, and a message that says what matched. */
export function describeCaption(check: CaptionCheck, article: SegmentedArticle): CaptionSummary {
  const paragraph = article.paragraphs[check.paragraph] as { start: number; end: number };
  const names = check.names.map((n) => ({ start: n.start, end: n.end, text: article.text.slice(n.start, n.end), kind: n.kind, actor: n.actor, matched: n.matched }));
  const missing = names.filter((n) => !n.matched).map((n) => n.text);
  const people = names.filter((n) => n.kind === 'person');
  let message: string;
  if (names.length === 0) message = 'The caption names no one the body could mention.';
  else if (check.unrelated) message = `None of the ${people.length > 0 ? 'people' : 'names'} this caption gives (${(people.length > 0 ? people : names).map((n) => n.text).join(', ')}) appear in the article's body: the picture may not belong to the story.`;
  else if (missing.length > 0) message = `The body mentions ${names.length - missing.length} of the caption's ${names.length} names; not in the body: ${missing.join(', ')}.`;
  else message = 'The body mentions every name in the caption.';
  return { paragraph: check.paragraph, start: paragraph.start, end: paragraph.end, text: article.text.slice(paragraph.start, paragraph.end), names, unrelated: check.unrelated, message };
}

// Tokens inside round or square brackets: party tags "(D-MN)", position markers "(L)", credits "(Photo by AFP)".
function bracketedTokens(article: SegmentedArticle, from: number, to: number): Uint8Array {
  const { tokens, text } = article;
  const inside = new Uint8Array(to - from);
  let depth = 0;
  let cursor = from < to ? (tokens.start[from] as number) : 0;
  for (let t = from; t < to; t++) {
    const start = tokens.start[t] as number;
    for (; cursor < start; cursor++) {
      const c = text.charCodeAt(cursor);
      if (c === 40 || c === 91) depth++;
      else if ((c === 41 || c === 93) && depth > 0) depth--;
    }
    cursor = tokens.end[t] as number;
    if (depth > 0) inside[t - from] = 1;
  }
  return inside;
}

// "Rep. Ilhan": the break is an abbreviation's period, not the end of a name.
function isAbbreviationBreak(text: string, tokenStart: number): boolean {
  let i = tokenStart - 1;
  while (i >= 0 && text[i] === ' ') i--;
  return text[i] === '.' && i >= 2 && /\p{Lu}\p{Ll}{0,4}\.$/u.test(text.slice(Math.max(0, i - 5), i + 1));
}

function dedupe(names: readonly CaptionName[], text: string): CaptionName[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = text.slice(n.start, n.end).toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
