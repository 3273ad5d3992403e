/**
 * The roles a block of a page can play. Only `body` blocks count in the article's scores; the headline is
 * scored on its own; every other role is listed in the report and left out of the scores.
 */
export const BLOCK_ROLES = ['headline', 'standfirst', 'breadcrumb', 'byline', 'dateline', 'caption', 'credit', 'body', 'pull-quote', 'boilerplate'] as const;
export type BlockRole = (typeof BLOCK_ROLES)[number];

/** A role known from the page's markup (an `<h1>`, a `<figcaption>`...), given to the classifier as a hint. */
export type BlockHint = { start: number; end: number; role: BlockRole; rule: string };

/** Metadata read from a page (`og:*`, JSON-LD `NewsArticle`, `<title>`, `<html lang>`). */
export type DocumentMeta = {
  title?: string;
  byline?: string;
  published?: string;
  siteName?: string;
  canonicalUrl?: string;
  lang?: string;
  description?: string;
};
