/**
 * A phrase index: surface forms keyed by their first folded token, longest first, so a scan checks only
 * the phrases that can start at a token. Built once per lexicon set; matching is a map lookup per token.
 */
import { tokenize, type TokenTable } from '../text/04-tokens.ts';
import { inflectEntry } from './03-inflect.ts';
import { LexiconError, type ParsedEntry } from './02-parse.ts';

export type PhraseCandidate<T> = { readonly rest: readonly string[]; readonly value: T; readonly explicit: boolean; readonly priority: number };
export type PhraseIndex<T> = ReadonlyMap<string, readonly PhraseCandidate<T>[]>;

/** Adds every surface form of `entries` to `index`; a lower `priority` wins ties between equal-length phrases. */
export function addToPhraseIndex<T>(
  index: Map<string, PhraseCandidate<T>[]>,
  file: string,
  entries: readonly ParsedEntry[],
  priority: number,
  valueOf: (entry: ParsedEntry) => T,
): void {
  for (const entry of entries) {
    const value = valueOf(entry);
    const forms = inflectEntry(entry);
    forms.forEach((form, formIndex) => {
      const words = tokenize(form, form).norm;
      const first = words[0];
      if (first === undefined) throw new LexiconError('entry', file, entry.line, form, 'the term has no word characters');
      const rest = words.slice(1);
      const explicit = formIndex === 0 || (entry.forms?.includes(form) ?? false);
      const list = index.get(first) ?? [];
      const clash = list.findIndex((c) => c.priority === priority && sameWords(c.rest, rest));
      if (clash !== -1) {
        // Within one file a written term beats a generated form; otherwise the first entry keeps it.
        const existing = list[clash] as PhraseCandidate<T>;
        if (explicit && !existing.explicit) list[clash] = { rest, value, explicit, priority };
        return;
      }
      list.push({ rest, value, explicit, priority });
      list.sort((a, b) => b.rest.length - a.rest.length || a.priority - b.priority);
      index.set(first, list);
    });
  }
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, i) => word === b[i]);
}

/**
 * The candidates that match at token `i` (longest first, then by priority), not crossing punctuation
 * nor token `limit`. Possessive forms match their bare word (`Kremlin's` matches `kremlin`).
 */
export function matchAt<T>(index: PhraseIndex<T>, tokens: TokenTable, i: number, limit: number, out: PhraseCandidate<T>[]): number {
  out.length = 0;
  const norm = tokens.norm[i] as string;
  collect(index.get(norm), tokens, i, limit, out);
  const bare = tokens.bare[i] as string;
  if (bare !== norm) collect(index.get(bare), tokens, i, limit, out);
  if (out.length > 1) out.sort((a, b) => b.rest.length - a.rest.length || a.priority - b.priority);
  return out.length;
}

function collect<T>(list: readonly PhraseCandidate<T>[] | undefined, tokens: TokenTable, i: number, limit: number, out: PhraseCandidate<T>[]): void {
  if (list === undefined) return;
  for (const candidate of list) {
    const n = candidate.rest.length;
    if (i + n >= limit) continue;
    let ok = true;
    for (let k = 0; k < n; k++) {
      const t = i + 1 + k;
      const word = candidate.rest[k] as string;
      if (tokens.breakBefore[t] === 1 || (tokens.norm[t] !== word && tokens.bare[t] !== word)) {
        ok = false;
        break;
      }
    }
    if (ok) out.push(candidate);
  }
}
