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
  const count = article.paragraphs.length;
  const mask = new Uint8Array(count);
  // Most paragraphs share one decision object (body text): its role is looked up once per run of it, not
  // once per paragraph.
  let known: BlockDecision | undefined;
  let knownScored = 1;
  for (let i = 0; i < count; i++) {
    const block = i < blocks.length ? blocks[i] : undefined;
    if (block !== undefined && block !== known) {
      known = block;
      knownScored = SCORED_ROLES.has(block.role) ? 1 : 0;
    }
    mask[i] = block === undefined ? 1 : knownScored;
  }
  return mask;
}
