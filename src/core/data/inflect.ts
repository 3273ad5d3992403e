/**
 * Inflected surface forms, generated once when a lexicon loads so that analysis never stems a token.
 * The rules over-generate on purpose (both `targeted` and `targetted`): a form that is not English
 * never occurs in text, while a missed form is a missed finding.
 */
import type { LexiconEntry } from './schema.ts';

const VOWEL = /[aeiou]/;

function sibilant(word: string): boolean {
  return /(?:s|x|z|ch|sh)$/.test(word);
}
function consonantY(word: string): boolean {
  return /[^aeiou]y$/.test(word);
}
// Consonant-vowel-consonant endings double their consonant in many verbs (slam -> slammed).
function doubledStem(word: string): string | undefined {
  if (word.length < 3) return undefined;
  const last = word[word.length - 1] as string;
  const mid = word[word.length - 2] as string;
  const before = word[word.length - 3] as string;
  if (/[wxy]/.test(last) || VOWEL.test(last) || !VOWEL.test(mid) || VOWEL.test(before)) return undefined;
  return word + last;
}

function plural(word: string): string[] {
  if (consonantY(word)) return [`${word.slice(0, -1)}ies`];
  if (sibilant(word)) return [`${word}es`];
  const forms = [`${word}s`];
  if (word.endsWith('o')) forms.push(`${word}es`);
  if (word.endsWith('fe')) forms.push(`${word.slice(0, -2)}ves`);
  else if (word.endsWith('f')) forms.push(`${word.slice(0, -1)}ves`);
  return forms;
}

function verbForms(word: string): string[] {
  const forms = plural(word);
  const doubled = doubledStem(word);
  if (word.endsWith('e')) forms.push(`${word}d`);
  else if (consonantY(word)) forms.push(`${word.slice(0, -1)}ied`);
  else forms.push(`${word}ed`);
  if (word.endsWith('ie')) forms.push(`${word.slice(0, -2)}ying`);
  else if (word.endsWith('e') && !/(?:ee|ye|oe)$/.test(word)) forms.push(`${word.slice(0, -1)}ing`);
  forms.push(`${word}ing`);
  if (word.endsWith('c')) forms.push(`${word}ked`, `${word}king`);
  if (doubled !== undefined) forms.push(`${doubled}ed`, `${doubled}ing`);
  return forms;
}

function adjectiveForms(word: string): string[] {
  const forms: string[] = [];
  if (word.endsWith('e')) forms.push(`${word}r`, `${word}st`);
  else if (consonantY(word)) forms.push(`${word.slice(0, -1)}ier`, `${word.slice(0, -1)}iest`);
  else forms.push(`${word}er`, `${word}est`);
  const doubled = doubledStem(word);
  if (doubled !== undefined) forms.push(`${doubled}er`, `${doubled}est`);
  if (word.endsWith('ic')) forms.push(`${word}ally`);
  else if (word.endsWith('le')) forms.push(`${word.slice(0, -1)}y`);
  else if (consonantY(word)) forms.push(`${word.slice(0, -1)}ily`);
  else if (word.endsWith('ll')) forms.push(`${word}y`);
  else forms.push(`${word}ly`);
  return forms;
}

/** All surface forms of an entry, the written term first; multi-word terms inflect their head word. */
export function inflectEntry(entry: Pick<LexiconEntry, 'term' | 'pos' | 'head' | 'forms'>): string[] {
  const words = entry.term.split(' ');
  const forms = new Set<string>([entry.term]);
  const pos = entry.pos ?? 'fixed';
  if (pos === 'verb' || pos === 'noun' || pos === 'adj') {
    const head = entry.head ?? (pos === 'noun' ? words.length - 1 : 0);
    const word = words[head];
    // Only letters inflect; a head such as "100" or "s&p" stays as written.
    if (word !== undefined && /^[a-z][a-z'-]*$/.test(word)) {
      const inflected = pos === 'verb' ? verbForms(word) : pos === 'noun' ? plural(word) : adjectiveForms(word);
      for (const form of inflected) {
        const copy = [...words];
        copy[head] = form;
        forms.add(copy.join(' '));
      }
    }
  }
  for (const form of entry.forms ?? []) forms.add(form);
  return [...forms];
}
