/**
 * Domains (sports, markets, weather...): which jargon is ordinary here. A paragraph is in a domain when it
 * holds one of its cue words; the article is when cues are frequent throughout. Loaded words exempt in a
 * domain ("plunge" in markets, "slams" in tennis) are not counted there.
 */
import { FIRST_WORD, matchAt, type Lexicons, type DomainRef } from '../data/index.ts';
import type { ParagraphSpan, SegmentedArticle } from '../text/index.ts';
import { listOf } from '../text/lists.ts';

export type DomainResult = {
  /** per paragraph: the domains whose cues it holds, sorted */
  readonly paragraphs: readonly (readonly string[])[];
  /** domains with at least ARTICLE_MIN_CUES cues and ARTICLE_MIN_DENSITY cues per 100 words, sorted */
  readonly article: readonly string[];
};

const ARTICLE_MIN_CUES = 3;
const NO_DOMAINS: readonly string[] = Object.freeze([]);
const ARTICLE_MIN_DENSITY = 1;

/** Finds domain cues per paragraph and for the whole article. */
export function detectDomains(article: SegmentedArticle, lexicons: Lexicons, masks: Uint16Array): DomainResult {
  const { tokens } = article;
  const totals = new Map<string, number>();
  const scratch: DomainRef[] = [];
  // listOf, not map: map's result is packed when map runs as V8's builtin and holey once it is inlined into
  // optimised code, so the report's readers of this list, compiled on the first, were deoptimised by the second
  // in every fresh process (reportParagraph, activeDomain; each a recompile).
  const paragraphs = listOf(article.paragraphs.length, (p) => {
    const paragraph = article.paragraphs[p] as ParagraphSpan;
    // Made at the first cue: most paragraphs have none, and share one empty list.
    let found: Set<string> | undefined;
    for (let t = paragraph.tokenStart; t < paragraph.tokenEnd; t++) {
      if (((masks[t] as number) & FIRST_WORD.domains) === 0 || matchAt(lexicons.domains, tokens, t, paragraph.tokenEnd, scratch) === 0) continue;
      const domain = (scratch[0] as DomainRef).domain;
      (found ??= new Set()).add(domain);
      totals.set(domain, (totals.get(domain) ?? 0) + 1);
    }
    return found === undefined ? NO_DOMAINS : [...found].sort();
  });
  const words = Math.max(tokens.count, 1);
  // Pushed, not mapped, for the same reason as `paragraphs` (activeDomain reads it).
  const articleDomains: string[] = [];
  for (const [domain, count] of totals) if (count >= ARTICLE_MIN_CUES && (100 * count) / words >= ARTICLE_MIN_DENSITY) articleDomains.push(domain);
  articleDomains.sort();
  return { paragraphs, article: articleDomains };
}
