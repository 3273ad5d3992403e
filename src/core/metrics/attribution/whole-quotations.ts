/**
 * Whole quotations: a reported content that quotes ends with its quotation, not inside it. In `Holt said,
 * adding, "Nobody cares. We will win."` the sentence ends inside the quotation, and a content read to the
 * sentence's end keeps only "Nobody cares"; what was added is all of the quotation.
 */
import type { QuoteSpan } from '../../text/index.ts';
import type { Scan } from './context.ts';
import { draftOf, isPending, phraseOf, type Finding } from './types.ts';

/** `findings` with each mixed content that ends inside a quotation opened within it run to the quotation's end; others unchanged, same order. */
export function withWholeQuotations(scan: Scan, findings: readonly Finding[]): Finding[] {
  const { quotes } = scan.article;
  if (quotes.length === 0) return [...findings];
  return findings.map((finding) => {
    if (!isPending(finding) || finding.content === null || finding.mode !== 'mixed') return finding;
    const { content } = finding;
    const quote = quoteHolding(quotes, content.end);
    if (quote === undefined || quote.start < content.start || quote.end <= content.end) return finding;
    // A new draft, not a spread copy: a spread copy gets a hidden class of its own, and the passes after read every finding.
    return draftOf(finding.order, finding.paragraph, finding.mode, finding.cue, phraseOf(finding), { start: content.start, end: quote.end }, finding.sentence, finding.target);
  });
}

// The top-level quotation that holds offset `at` strictly inside, if any (quotes sorted by start; a nested
// quote lies inside its parent, which is the one that counts).
function quoteHolding(quotes: readonly QuoteSpan[], at: number): QuoteSpan | undefined {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((quotes[mid] as QuoteSpan).start < at) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) {
    const quote = quotes[i] as QuoteSpan;
    if (quote.kind !== 'nested') return quote.end > at ? quote : undefined;
  }
  return undefined;
}
