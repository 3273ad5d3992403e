/**
 * Document structure: the role each paragraph plays on the page (see `01-blocks.ts`). Runs after
 * segmentation and before the metrics, which score only the paragraphs whose role counts.
 */
import type { SegmentedArticle } from '../text/index.ts';
import { SCORED_ROLES, type BlockDecision } from './classify.ts';

export { classifyBlocks, normaliseLine, wordsBetween, SCORED_ROLES, type BlockDecision } from './classify.ts';
export { BLOCK_ROLES, type BlockRole, type BlockHint, type DocumentMeta } from './block-roles.ts';

/** 1 per paragraph whose role counts in the article's scores, else 0. */
export function scoredMask(article: SegmentedArticle, blocks: readonly BlockDecision[]): Uint8Array {
  const mask = new Uint8Array(article.paragraphs.length);
  article.paragraphs.forEach((_, i) => {
    const block = blocks[i];
    mask[i] = block === undefined || SCORED_ROLES.has(block.role) ? 1 : 0;
  });
  return mask;
}
