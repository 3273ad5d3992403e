/**
 * The words the scare-quote rule reads (`scare-quote-words` in `lexicons/<language>/`): what before a
 * quotation says it is a name, a title, a term or a word cited as a word; what after it opens a gloss or
 * names what the quoted words are (a remark, a banner); what around it says someone is speaking. Each entry's `note` is its role, checked here so that a misspelt role
 * is an error naming its line.
 */
import { LexiconError, type ParsedLexicon } from './parse.ts';
import type { FileKind } from './schema.ts';

/** The scare-quote word-list files, loaded with the other lexicons (LEXICON_FILES lists them). */
export const SCARE_QUOTE_WORD_FILES: readonly { readonly name: string; readonly kind: FileKind }[] = [{ name: 'scare-quote-words', kind: 'plain' }];

const ROLES = ['defining', 'word', 'title', 'inscription', 'as-verb', 'gloss', 'kind', 'speech-event', 'speech-act', 'document', 'skip'] as const;
/** What a word tells of a quotation beside it (see the file's header). */
export type ScareQuoteRole = (typeof ROLES)[number];

/** Phrases as folded words, by role; `longest` is the most words any phrase has. */
export type ScareQuoteWords = { readonly phrases: ReadonlyMap<string, ScareQuoteRole>; readonly longest: number };

/** Builds the scare-quote words from their parsed file (`get` returns one by name). */
export function buildScareQuoteWords(get: (name: string) => ParsedLexicon): ScareQuoteWords {
  const lexicon = get('scare-quote-words');
  const phrases = new Map<string, ScareQuoteRole>();
  let longest = 0;
  for (const entry of lexicon.entries) {
    const role = entry.note as ScareQuoteRole | undefined;
    if (role === undefined || !ROLES.includes(role)) throw new LexiconError('entry', lexicon.file, entry.line, entry.note ?? entry.term, `expected a note naming the role: ${ROLES.join(', ')}`);
    phrases.set(entry.term, role);
    longest = Math.max(longest, entry.term.split(' ').length);
  }
  return { phrases, longest };
}
