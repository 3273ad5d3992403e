/**
 * Paragraphs: blocks separated by blank lines; inside a block, a line break also starts a paragraph
 * unless the block is hard-wrapped prose (the break falls mid-sentence).
 */
import type { Span } from './span.ts';

// Lines this long or shorter, all in one block, look like text wrapped at a fixed width.
const WRAP_WIDTH_MAX = 100;
const WRAP_LINE_MIN = 40;
// A line ends a sentence when its last character before any white space is one of these.
const SENTENCE_END: ReadonlySet<string> = new Set(['.', '!', '?', ':', ';', '"', "'", '\u201D', '\u2019', ')', ']', '\u2026']);
const STARTS_LOWER = /^\s*[\p{Ll}\p{N}(]/u;

/** Splits text into paragraph spans (trimmed of surrounding white space); never returns an empty span. */
export function splitParagraphs(text: string): Span[] {
  const paragraphs: Span[] = [];
  for (const block of splitBlocks(text)) {
    const lines = splitLines(text, block);
    const wrapped = lines.length > 1 && lines.every((line) => line.end - line.start <= WRAP_WIDTH_MAX);
    let current: Span | undefined;
    for (const line of lines) {
      if (current === undefined) {
        current = { ...line };
        continue;
      }
      const next = text.slice(line.start, line.end);
      const lastLineLength = current.end - text.lastIndexOf('\n', current.end - 1) - 1;
      const midSentence = !endsSentence(text, current);
      const joins = midSentence && (STARTS_LOWER.test(next) || (wrapped && lastLineLength >= WRAP_LINE_MIN));
      if (joins) {
        current.end = line.end;
      } else {
        paragraphs.push(current);
        current = { ...line };
      }
    }
    if (current !== undefined) paragraphs.push(current);
  }
  return paragraphs;
}

// Blocks: maximal runs of lines that hold a non-space character, split at blank lines.
function splitBlocks(text: string): Span[] {
  const blocks: Span[] = [];
  const blank = /\n[ \t\f\v\r\u00A0\u2000-\u200A\u202F\u205F\u3000]*(?=\n)/g;
  let cursor = 0;
  for (const match of text.matchAll(blank)) {
    pushTrimmed(text, cursor, match.index, blocks);
    cursor = match.index + match[0].length;
  }
  pushTrimmed(text, cursor, text.length, blocks);
  return blocks;
}

function splitLines(text: string, block: Span): Span[] {
  const lines: Span[] = [];
  let cursor = block.start;
  while (cursor <= block.end) {
    let newline = text.indexOf('\n', cursor);
    if (newline === -1 || newline > block.end) newline = block.end;
    pushTrimmed(text, cursor, newline, lines);
    cursor = newline + 1;
  }
  return lines;
}

const SPACE = /\s/;

// Whether `span` of `text` ends a sentence: read back from its end, where an end-anchored pattern over the
// paragraph so far was tried from each of its positions (for each line joined to it).
function endsSentence(text: string, span: Span): boolean {
  let end = span.end;
  while (end > span.start && SPACE.test(text[end - 1] as string)) end--;
  return end > span.start && SENTENCE_END.has(text[end - 1] as string);
}

function pushTrimmed(text: string, start: number, end: number, into: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && SPACE.test(text[s] as string)) s++;
  while (e > s && SPACE.test(text[e - 1] as string)) e--;
  if (e > s) into.push({ start: s, end: e });
}
