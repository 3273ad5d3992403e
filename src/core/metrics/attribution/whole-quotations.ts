/**
 * Whole quotations: a reported content that quotes ends with its quotation, not inside it. In `Holt said,
 * adding, "Nobody cares. We will win."` the sentence ends inside the quotation, and a content read to the
 * sentence's end keeps only "Nobody cares"; what was added is all of the quotation.
 */
import { NESTED, type QuoteColumns } from '../../text/index.ts';
import { mapped } from '../../text/lists.ts';
import type { Scan } from './context.ts';
import { cueSpanOf, draftOf, isPending, phraseOf, type Finding } from './types.ts';

/** `findings` with each mixed content that ends inside a quotation opened within it run to the quotation's end; others unchanged, same order. */
export function withWholeQuotations(scan: Scan, findings: readonly Finding[]): readonly Finding[] {
  const { quotes } = scan.article;
  // Nothing to change: the list itself (a copy was a large object on a megabyte of `critics say`, 36,000 findings).
  if (quotes.count === 0) return findings;
  return mapped(findings, (finding) => {
    if (!isPending(finding) || finding.contentStart < 0 || finding.mode !== 'mixed') return finding;
    const { contentStart, contentEnd } = finding;
    const q = quoteHolding(quotes, contentEnd);
    if (q < 0 || (quotes.start[q] as number) < contentStart || (quotes.end[q] as number) <= contentEnd) return finding;
    // A new draft, not a spread copy: a spread copy gets a hidden class of its own, and the passes after read every finding.
    return draftOf(finding.order, finding.paragraph, finding.mode, cueSpanOf(finding), phraseOf(finding), { start: contentStart, end: quotes.end[q] as number }, finding.sentence, finding.target);
  });
}

// The index of the top-level quotation that holds offset `at` strictly inside, or -1 (quotes sorted by start;
// a nested quote lies inside its parent, which is the one that counts).
function quoteHolding(quotes: QuoteColumns, at: number): number {
  let lo = 0;
  let hi = quotes.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((quotes.start[mid] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) {
    if (quotes.kind[i] !== NESTED) return (quotes.end[i] as number) > at ? i : -1;
  }
  return -1;
}
