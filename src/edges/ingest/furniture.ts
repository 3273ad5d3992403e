/**
 * Step 6: the page furniture that belongs to the story, kept so the report can list it with its role
 * and leave it out of the scores (the educator sees the breadcrumb and the closing lines recognised, not
 * silently dropped):
 *
 * - the breadcrumb: the first shown `.breadcrumb`, `aria-label="Breadcrumb"` or `itemtype=".../BreadcrumbList"`
 *   element (even inside a `<nav>`, which the page walk skips), else the JSON-LD `BreadcrumbList`;
 * - what the article leaves out of the story's container and of the container's following siblings, up to
 *   the site's footer or sidebar: share bars, "also accessible at" notices, app and newsletter plugs, tag
 *   lists, related headings and links, comment headings and counts, advertisement labels.
 *
 * The story's container is the nearest element holding every paragraph of the article's prose, widened (a few levels
 * at most) to take in the headline: the `<article>` or the story's div, never `<body>`. Inside it, every
 * block the article left out is furniture; after it, only blocks whose markup names them furniture (so the
 * next story of an endless page stays out). Site chrome (menus, the site footer, sidebars), cookie banners,
 * forms, teaser pictures and comment bodies stay out everywhere.
 */
import type { BlockRole } from '../../core/roles/block-roles.ts';
import { isElement, NON_TEXT_TAGS, tagOf, TEXT_NODE, visibleText, type DomDocument, type DomElement } from './dom.ts';
import { readBreadcrumbList, type PageHead } from './metadata.ts';
import { classifyElement, isUnrendered } from './markup-hints.ts';
import { blockKey, type Block, type WalkElement } from './dom-blocks.ts';

export type Breadcrumb = { text: string; rule: string };

/** The page walk's blocks and block-level elements (see 05-blocks). */
export type PageBlocks = { blocks: readonly Block[]; elements: readonly WalkElement[] };

/** A page block with the index it has in the page walk, which places it in the layout. */
export type PlacedBlock = { block: Block; at: number };

const BREADCRUMB_SELECTOR = '[class*=breadcrumb i], [id*=breadcrumb i], [aria-label*=breadcrumb i], [itemtype*=breadcrumblist i]';
/** Elements looked at for a breadcrumb: the first shown one wins, and a page has one or two. */
const MAX_BREADCRUMB_CANDIDATES = 20;
/** Longer than this, or with more items, an element named breadcrumb is a menu or a site map. */
const MAX_BREADCRUMB_CHARS = 300;
const MAX_BREADCRUMB_ITEMS = 12;
/** Levels of single wrappers (`nav > ol`, `div > ul`) looked through to reach a trail's items. */
const MAX_WRAPPER_DEPTH = 20;
/** A separator between items, written with spaces around it as trails are: `News / Russia`, `Home › World`. */
const SPACED_SEPARATOR = /\s[/\u203A\u00BB>|\u2022\u00B7\u2192]\s/;
const SEPARATOR_ONLY = /^[\s/\u203A\u00BB>|\u2022\u00B7\u2192-]*$/;
const EDGE_SEPARATORS = /^[\s/\u203A\u00BB>|\u2022\u00B7\u2192]+|[\s/\u203A\u00BB>|\u2022\u00B7\u2192]+$/g;

/** The page's breadcrumb as one line: its own text when written with separators, else its items joined by ` / ` (from `head`, read from the page when not given). */
export function readBreadcrumb(document: DomDocument, head?: PageHead): Breadcrumb | undefined {
  const candidates = Array.from(document.querySelectorAll(BREADCRUMB_SELECTOR)).slice(0, MAX_BREADCRUMB_CANDIDATES);
  const isShown = shownTest();
  for (const candidate of candidates) {
    const mark = classifyElement(candidate, false);
    if (mark?.role !== 'breadcrumb' || !isShown(candidate)) continue;
    // A trail marked only on its items (`li.breadcrumb-item`): the list holds them all.
    const parent = candidate.parentElement;
    const trail = tagOf(candidate) === 'li' && parent !== null && /^(?:ol|ul)$/.test(tagOf(parent)) ? parent : candidate;
    const text = breadcrumbText(trail, isShown);
    if (text !== undefined) return { text, rule: mark.rule };
  }
  const names = readBreadcrumbList(document, head);
  return names.length > 0 ? { text: names.join(' / '), rule: 'meta/jsonld-breadcrumblist' } : undefined;
}

/**
 * Whether an element is rendered: neither it nor an element around it is hidden, a template, a script or a form
 * control. Each element's answer is kept, so the elements around many items (a trail's list items) are read once:
 * reading them again for each item cost the depth per item (x12 from 25 to 100 KB of items under deep wrappers).
 */
function shownTest(): (element: DomElement) => boolean {
  const known = new Map<DomElement, boolean>();
  return (element) => {
    const unknown: DomElement[] = [];
    let shown = true;
    for (let node: DomElement | null = element; node !== null; node = node.parentElement) {
      const answer = known.get(node);
      if (answer !== undefined) {
        shown = answer;
        break;
      }
      unknown.push(node);
      if (isUnrendered(node) || NON_TEXT_TAGS.has(tagOf(node))) {
        shown = false;
        break;
      }
    }
    for (const node of unknown) known.set(node, shown);
    return shown;
  };
}

function breadcrumbText(trail: DomElement, isShown: (element: DomElement) => boolean): string | undefined {
  const own = visibleText(trail);
  if (own === '' || own.length > MAX_BREADCRUMB_CHARS) return undefined;
  if (SPACED_SEPARATOR.test(own)) return own;
  const items = breadcrumbItems(trail, isShown)
    .map((item) => item.replace(EDGE_SEPARATORS, ''))
    .filter((item) => !SEPARATOR_ONLY.test(item));
  if (items.length > MAX_BREADCRUMB_ITEMS) return undefined;
  return items.length > 1 ? items.join(' / ') : own;
}

/** The trail's items: its innermost list items, else the text pieces under its single wrappers. */
function breadcrumbItems(trail: DomElement, isShown: (element: DomElement) => boolean): string[] {
  const leaves = Array.from(trail.querySelectorAll('li')).filter((li) => li.querySelector('li') === null && isShown(li));
  if (leaves.length > 1) return leaves.map((li) => visibleText(li)).filter((text) => text !== '');
  let level = trail;
  for (let depth = 0; depth < MAX_WRAPPER_DEPTH; depth++) {
    const parts: Array<{ text: string; element?: DomElement }> = [];
    for (const child of Array.from(level.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        const text = (child.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (text !== '') parts.push({ text });
      } else if (isElement(child) && !NON_TEXT_TAGS.has(tagOf(child)) && !isUnrendered(child)) {
        const text = visibleText(child);
        if (text !== '') parts.push({ text, element: child });
      }
    }
    const only = parts.length === 1 ? parts[0]!.element : undefined;
    if (only === undefined) return parts.map((part) => part.text);
    level = only;
  }
  return [];
}

/** Neither `<html>` nor `<body>` is a story's container: inside them, everything would be furniture. */
const PAGE_TAGS: ReadonlySet<string> = new Set(['html', 'body']);
/** How far the container may widen to take in the headline; further up, the headline is in the page's header. */
const MAX_WIDENING = 3;
/** More furniture than this is not a story's: the rest is left out (and the text checks below stay bounded). */
const MAX_FURNITURE = 200;
/** Markup that is never the story's: forms, dialogs, cookie banners. */
const LEFT_OUT_RULES: ReadonlySet<string> = new Set(['html/form', 'html/dialog', 'html/role-dialog', 'html/class-cookie']);
/** Furniture after the container is kept only when its markup says what it is. */
const ROLES_AFTER: ReadonlySet<BlockRole | undefined> = new Set<BlockRole | undefined>(['boilerplate', 'byline', 'credit']);
/** Roles kept as they are inside the container; any other block is boilerplate (or a byline or credit line). */
const ROLES_KEPT: ReadonlySet<BlockRole | undefined> = new Set<BlockRole | undefined>(['boilerplate', 'byline', 'credit', 'dateline', 'caption', 'pull-quote']);

// Closing lines without markup that name a writer or a picture's source ("Reporting by ...", "Photo: ...").
// Phrase grammar (a phrase, then a capitalised name or a colon) rather than word lists, so they stay here.
const BYLINE_LINE = /^(?:by|written by|words by|reporting by|additional reporting by|edited by|editing by|compiled by)\s+\p{Lu}/iu;
const CREDIT_LINE = /^\(?\s*(?:photo(?:graph)?s?|images?|pictures?|illustrations?|graphics?|video)\s*(?:by|credit|courtesy(?: of)?)?\s*:/i;
const MAX_LINE_CHARS = 200;

/**
 * The story's furniture: blocks of the page walk inside the story's container, or after it up to the site's
 * footer or sidebar, that are not `taken` (in the layout already) and whose text is not in `articleText`
 * (the article's blocks the page walk split differently), each with the role to hint, in page order.
 * `articleAt` are the page indices of the article's prose; `headlineAt` the headline's, when on the page.
 */
export function storyFurniture(
  page: PageBlocks,
  articleAt: readonly number[],
  headlineAt: number | undefined,
  taken: ReadonlySet<number>,
  articleText: string,
): PlacedBlock[] {
  const { blocks, elements } = page;
  if (articleAt.length === 0) return [];
  let first = articleAt[0]!;
  let last = first;
  for (const at of articleAt) {
    if (at < first) first = at;
    if (at > last) last = at;
  }
  const container = storyContainer(elements, blocks, first, last, headlineAt);
  if (container === undefined) return [];
  const box = elements[container]!;
  const end = furnitureEnd(elements, blocks, container);

  const furniture: PlacedBlock[] = [];
  for (let at = box.firstBlock; at < end && furniture.length < MAX_FURNITURE; at++) {
    const block = blocks[at]!;
    if (taken.has(at)) continue;
    const placed = furnitureBlock(block, elements, container, at < box.endBlock);
    if (placed !== undefined && !(articleText !== '' && articleText.includes(blockKey(placed.text)))) furniture.push({ block: placed, at });
  }
  return furniture;
}

/** The nearest element holding blocks `first` to `last`, widened to hold the headline too; undefined when that is the page itself. */
function storyContainer(elements: readonly WalkElement[], blocks: readonly Block[], first: number, last: number, headlineAt: number | undefined): number | undefined {
  const holds = (element: number, at: number) => elements[element]!.firstBlock <= at && at < elements[element]!.endBlock;
  let container = blocks[first]!.element;
  while (container >= 0 && !holds(container, last)) container = elements[container]!.parent;
  if (container < 0) return undefined;
  if (headlineAt !== undefined && !holds(container, headlineAt)) {
    let wider = elements[container]!.parent;
    for (let step = 1; step < MAX_WIDENING && wider >= 0 && !holds(wider, headlineAt); step++) wider = elements[wider]!.parent;
    if (wider >= 0 && holds(wider, headlineAt) && !PAGE_TAGS.has(elements[wider]!.tag)) container = wider;
  }
  return PAGE_TAGS.has(elements[container]!.tag) ? undefined : container;
}

/**
 * Where the furniture after the container ends: at the first following sibling that is site chrome
 * (footer, sidebar) or another story (an `<article>`, or a block holding an `<h1>`), else at the end of
 * the container's parent.
 */
function furnitureEnd(elements: readonly WalkElement[], blocks: readonly Block[], container: number): number {
  const box = elements[container]!;
  if (box.parent < 0) return box.endBlock;
  const end = elements[box.parent]!.endBlock;
  for (let index = container + 1; index < elements.length; index++) {
    const sibling = elements[index]!;
    if (sibling.firstBlock >= end) break;
    if (sibling.parent !== box.parent) continue;
    if (sibling.chrome === index || sibling.tag === 'article') return sibling.firstBlock;
    for (let at = sibling.firstBlock; at < sibling.endBlock; at++) if (blocks[at]!.rule === 'html/h1') return sibling.firstBlock;
  }
  return end;
}

/** The block as furniture with its role, or undefined when it stays out. */
function furnitureBlock(block: Block, elements: readonly WalkElement[], container: number, inside: boolean): Block | undefined {
  const owner = elements[block.element]!;
  // Chrome within the container (a sidebar inside <main>) or after it (a site footer nested in a wrapper).
  if (owner.chrome > container) return undefined;
  // A teaser card's picture and caption: another story's.
  if (block.inLink && (block.inFigure || block.role === 'caption' || block.role === 'credit')) return undefined;
  if (block.role === 'headline' || block.role === 'breadcrumb') return undefined;
  if (block.rule !== undefined && LEFT_OUT_RULES.has(block.rule)) return undefined;
  // A comments region shows its heading and count, not the readers' comments.
  if (block.rule === 'html/class-comments' && !owner.label) return undefined;
  if (!inside) return ROLES_AFTER.has(block.role) ? block : undefined;
  if (ROLES_KEPT.has(block.role)) return block;
  const line = block.text.length <= MAX_LINE_CHARS ? block.text : '';
  if (BYLINE_LINE.test(line)) return { ...block, role: 'byline', rule: 'html/story-furniture-byline' };
  if (CREDIT_LINE.test(line)) return { ...block, role: 'credit', rule: 'html/story-furniture-credit' };
  return { ...block, role: 'boilerplate', rule: 'html/story-furniture' };
}
