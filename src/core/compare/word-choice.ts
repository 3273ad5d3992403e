/**
 * Word choice for the same referent: the contested terms (`lexicons/en/contested-terms.jsonl`) each article
 * uses in its counted paragraphs, grouped by what they name, with every use as evidence. A use inside
 * quotation marks is counted apart: the word is the speaker's, not the outlet's.
 */
import { matchAt, type CompareWords, type ContestedRef } from '../data/index.ts';
import { evidenceOf, type ArticleView } from './articles.ts';
import type { Evidence, WordChoice } from './schema.ts';

/** One use of a contested term in an article. */
export type ContestedUse = { group: string; term: string; quoted: boolean; evidence: Evidence };

/** Every contested term in the counted paragraphs of `view`, in text order. */
export function findContestedTerms(view: ArticleView, words: CompareWords): ContestedUse[] {
  const { tokens } = view.article;
  const uses: ContestedUse[] = [];
  const scratch: ContestedRef[] = [];
  for (let t = 0; t < tokens.count; t++) {
    const length = view.countedToken[t] === 0 ? 0 : matchAt(words.contested, tokens, t, tokens.count, scratch);
    if (length === 0) continue;
    const match = scratch[0] as ContestedRef;
    const last = t + length - 1;
    uses.push({ group: match.group, term: match.term, quoted: view.article.quotedToken[t] === 1, evidence: evidenceOf(view, tokens.start[t] as number, tokens.end[last] as number) });
    t = last;
  }
  return uses;
}

/** The groups any article uses, in the lexicon's order; `differs` when the articles' sets of terms are not the same. */
export function compareWordChoice(views: readonly ArticleView[], uses: ReadonlyMap<string, readonly ContestedUse[]>, words: CompareWords): WordChoice[] {
  const groups: WordChoice[] = [];
  for (const group of words.groups.values()) {
    const perArticle = views.map((view) => {
      const mine = (uses.get(view.key) ?? []).filter((use) => use.group === group.id);
      const terms = group.terms
        .map(({ term }) => {
          const these = mine.filter((use) => use.term === term);
          return { term, count: these.length, quoted: these.filter((use) => use.quoted).length, evidence: these.map((use) => use.evidence) };
        })
        .filter((entry) => entry.count > 0);
      return { article: view.key, terms };
    });
    if (perArticle.every((entry) => entry.terms.length === 0)) continue;
    const signatures = new Set(perArticle.map((entry) => entry.terms.map((term) => term.term).join('|')));
    groups.push({ group: group.id, referent: group.referent, source: group.source, uses: perArticle, differs: signatures.size > 1 });
  }
  return groups;
}
