/**
 * Lines of text for the data snapshot's tables made on use (outlets/tables.ts, phrase-trie-form.ts): many small
 * objects stored as one string, each made when first read, so that a start restores one string instead of them.
 */
import { serialize } from 'node:v8';

/**
 * `value` as one line of JSON, characters past Latin-1 written as escapes; undefined when JSON.parse of the line
 * would not give back exactly `value` (V8's serialization compared: keys, their order, -0, undefined, sharing), after
 * `reshape` (the reader's own step, such as putting back the keys JSON leaves out).
 */
export function jsonLine(value: unknown, reshape: (parsed: unknown) => unknown = (parsed) => parsed): string | undefined {
  const line = JSON.stringify(value)?.replace(/[^\x00-\xff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return line !== undefined && serialize(reshape(JSON.parse(line))).equals(serialize(value)) ? line : undefined;
}

/** The same text held a byte a character: V8 keeps a string two bytes a character once any part of it was. */
export function latin1(text: string): string {
  return /[^\x00-\xff]/.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}

/** A reader of line `i` of `text` (lines end at '\n'), made by `make`; the line ends are found on the first read. */
export function lineReader<T>(text: string, make: (line: string) => T): (i: number) => T {
  let ends: number[] | undefined;
  return (i) => {
    if (ends === undefined) {
      ends = [];
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) ends.push(at);
      ends.push(text.length);
    }
    return make(text.slice(i === 0 ? 0 : (ends[i - 1] as number) + 1, ends[i]));
  };
}
