/**
 * Step 5: a DOM subtree to paragraphs. Every block element (p, h1-h6, li, blockquote, figcaption, pre,
 * table rows, a div's own text...) and every element with a role of its own (`<span class="credit">`)
 * becomes a paragraph; inline white space is collapsed, `<br>` is a line break (two in a row end the
 * paragraph), `<q>` gets curly quotes,
 * table cells are joined with ` | `. A paragraph never contains a blank line, so joining paragraphs with
 * `\n\n` keeps them apart. The walk follows the DOM's links (no recursion, no copied child lists): no
 * input nests deep enough to overflow the stack.
 * It also lists the block-level elements with the range of blocks each holds, flat, so later passes can
 * tell which blocks share a container (06-furniture) after Readability has rearranged the DOM.
 */
import type { BlockRole } from '../../core/roles/block-roles.ts';
import { isElement, tagOf, TEXT_NODE, visibleText, type DomElement, type DomNode } from './dom.ts';
import { BLOCK_TAGS, classifyElement, headlineHolders, isDominant, isHidden, isLabel, isPageChrome, SECTIONING_TAGS, SKIPPED_TAGS, type RoleMark } from './markup-hints.ts';

export type Block = {
  text: string;
  role?: BlockRole;
  rule?: string;
  /** the whole block sits inside a link (a teaser card, not the article's own figure) */
  inLink: boolean;
  /** the block sits inside a `<figure>` */
  inFigure: boolean;
  /** index in `WalkResult.elements` of the block-level element whose text this is */
  element: number;
};

/**
 * A block-level element met on the walk, in document order (the root is 0). Its blocks are the contiguous
 * range [firstBlock, endBlock) of `WalkResult.blocks`, which is how the story's container and what follows
 * it are found without holding on to the DOM (Readability rearranges it afterwards).
 */
export type WalkElement = {
  tag: string;
  /** index of the nearest block-level element around this one; -1 for the root */
  parent: number;
  firstBlock: number;
  endBlock: number;
  /** index of the nearest element at or around this one that is site chrome (footer, sidebar), or -1 */
  chrome: number;
  /** a heading or a title/count label */
  label: boolean;
  /** this element or one around it is an `<article>` */
  inArticle: boolean;
  /** this element or one around it is a sectioning element (article, section, aside, nav, main) */
  inSection: boolean;
};

/** A `<time>` element met on the walk, with the index of the block it belongs to. */
export type TimeMention = { text: string; datetime?: string; blockIndex: number; inBoilerplate: boolean };

/**
 * `maxDepth`: the deepest element nesting met; `depthSum`: the sum of every element's depth (the elements above it,
 * counted from the root); `entered`: the elements read. They tell whether Readability can be afforded (see extract.ts).
 */
export type WalkResult = { blocks: Block[]; times: TimeMention[]; elements: WalkElement[]; maxDepth: number; depthSum: number; entered: number };

/** Bylines and datelines are short; a long block with such a class is an author bio or an archive list. */
const MAX_BYLINE_LENGTH = 200;

type Context = {
  mark: RoleMark | undefined;
  inFigure: boolean;
  inLink: boolean;
  inPre: boolean;
  inTime: boolean;
  inAuthor: boolean;
  /** the innermost block-level element open, an index in the element list */
  element: number;
};

/** An element the walk has entered and not yet left, with what leaving it does. */
type OpenElement = { element: DomElement; context: Context; block: boolean; quote: boolean };

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function relTokens(element: DomElement, attribute: string): string[] {
  return (element.getAttribute(attribute) ?? '').toLowerCase().split(/\s+/);
}

/** `rel=author` or `itemprop=author`: the element names the article's writer. */
function namesAuthor(element: DomElement): boolean {
  return element.hasAttributes() && (relTokens(element, 'rel').includes('author') || relTokens(element, 'itemprop').includes('author'));
}

/** The key two renderings of the same block share: its text without any white space. */
export function blockKey(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Walk `root` and return its paragraphs with the roles their markup gives them, in document order; with
 * `listElements` false the block-level elements are numbered but not listed (`elements` holds the root only).
 */
export function walkBlocks(root: DomElement, listElements = true): WalkResult {
  const blocks: Block[] = [];
  const times: TimeMention[] = [];
  const elements: WalkElement[] = [];
  let buffer = '';
  // What the tests below used to ask of the whole buffer, kept up to date as it grows: whether it ends in a
  // line break followed by nothing but spaces, and whether its last line has text. Testing the buffer itself
  // at every <br> or cell read (and flattened) the whole block each time: quadratic for a long block of
  // <br>-separated lines (1 MB of them took over two minutes).
  let afterBreak = false;
  let lineHasText = false;
  const add = (piece: string): void => {
    buffer += piece;
    const lastBreak = piece.lastIndexOf('\n');
    const text = /\S/.test(lastBreak === -1 ? piece : piece.slice(lastBreak + 1));
    if (lastBreak === -1) {
      afterBreak &&= !text;
      lineHasText ||= text;
    } else {
      afterBreak = !text;
      lineHasText = text;
    }
  };
  let timeChars = 0;
  let authorChars = 0;

  const flush = (owner: Context): void => {
    const text = renderBuffer(buffer, owner.inPre);
    if (text !== '') {
      let mark = owner.mark;
      if ((mark?.role === 'byline' || mark?.role === 'dateline') && text.length > MAX_BYLINE_LENGTH) mark = undefined;
      // A block that is nothing but a <time>, or mostly a rel=author name ("By Jane Doe"), says so. A block
      // with text has visible characters, so neither holds without time or author text: only then are they counted.
      if (mark === undefined && text.length <= MAX_BYLINE_LENGTH && (timeChars > 0 || authorChars > 0)) {
        const visible = blockKey(text).length;
        if (timeChars >= 0.6 * visible) mark = { role: 'dateline', rule: 'html/time' };
        else if (authorChars > 0 && authorChars >= 0.5 * visible) mark = { role: 'byline', rule: 'html/rel-author' };
      }
      const block: Block = { text, inLink: owner.inLink, inFigure: owner.inFigure, element: owner.element };
      if (mark !== undefined) {
        block.role = mark.role;
        block.rule = mark.rule;
      }
      blocks.push(block);
    }
    buffer = '';
    afterBreak = false;
    lineHasText = false;
    timeChars = 0;
    authorChars = 0;
  };

  const append = (text: string, context: Context): void => {
    // Only runs that are not already one space are replaced: a text with none is kept as it is, not copied.
    const piece = context.inPre ? text.replace(/\r\n?/g, '\n') : text.replace(WHITE_SPACE_TO_COLLAPSE, ' ');
    add(piece);
    if (!context.inTime && !context.inAuthor) return;
    const visible = blockKey(piece).length;
    if (context.inTime) timeChars += visible;
    if (context.inAuthor) authorChars += visible;
  };

  const rootContext: Context = { mark: undefined, inFigure: false, inLink: false, inPre: false, inTime: false, inAuthor: false, element: 0 };
  const rootTag = tagOf(root);
  elements.push({ tag: rootTag, parent: -1, firstBlock: 0, endBlock: 0, chrome: -1, label: false, inArticle: rootTag === 'article', inSection: SECTIONING_TAGS.has(rootTag) });
  const openBlocks: Context[] = [rootContext];
  let elementCount = 1;
  let maxDepth = 0;
  let depthSum = 0;
  let entered = 0;
  const holdsHeadline = headlineHolders(root);

  const leave = ({ context, block, quote }: OpenElement): void => {
    if (quote) append('\u201D', context);
    if (block) {
      flush(context);
      openBlocks.pop();
      if (listElements) elements[context.element]!.endBlock = blocks.length;
    }
  };

  // The element entered, or undefined for text and for elements whose content is not walked.
  const enter = (node: DomNode, parent: Context, depth: number): OpenElement | undefined => {
    if (node.nodeType === TEXT_NODE) {
      append(node.textContent ?? '', parent);
      return undefined;
    }
    if (!isElement(node)) return undefined;
    const tag = tagOf(node);
    if (SKIPPED_TAGS.has(tag) || isHidden(node)) return undefined;
    if (depth > maxDepth) maxDepth = depth;
    depthSum += depth;
    entered++;
    if (tag === 'br') {
      // Two line breaks in a row end the paragraph, as Readability reads them.
      if (afterBreak) flush(openBlocks[openBlocks.length - 1]!);
      else add('\n');
      return undefined;
    }
    if ((tag === 'td' || tag === 'th') && lineHasText) add(' | ');

    const own = isDominant(parent.mark) ? undefined : classifyElement(node, parent.inFigure, holdsHeadline);
    const block = BLOCK_TAGS.has(tag) || own !== undefined;
    const inFigure = parent.inFigure || tag === 'figure';
    const inLink = parent.inLink || (tag === 'a' && node.hasAttribute('href'));
    const inPre = parent.inPre || tag === 'pre' || tag === 'listing' || tag === 'xmp' || tag === 'plaintext';
    const inTime = parent.inTime || tag === 'time';
    const inAuthor = parent.inAuthor || namesAuthor(node);
    // An inline element that changes nothing (most <span>, <b>, <em>) shares its parent's context.
    const same = !block && own === undefined && inFigure === parent.inFigure && inLink === parent.inLink && inPre === parent.inPre && inTime === parent.inTime && inAuthor === parent.inAuthor;
    const context: Context = same ? parent : { mark: own ?? parent.mark, inFigure, inLink, inPre, inTime, inAuthor, element: parent.element };
    if (block) {
      flush(openBlocks[openBlocks.length - 1]!);
      openBlocks.push(context);
      context.element = elementCount++;
      const around = listElements ? elements[parent.element] : undefined;
      if (around !== undefined) elements.push({
        tag,
        parent: parent.element,
        firstBlock: blocks.length,
        endBlock: blocks.length,
        chrome: isPageChrome(node, { article: around.inArticle, section: around.inSection }) ? context.element : around.chrome,
        label: isLabel(node),
        inArticle: around.inArticle || tag === 'article',
        inSection: around.inSection || SECTIONING_TAGS.has(tag),
      });
    }
    // Only the outermost <time>: reading the text of nested ones would be quadratic.
    if (tag === 'time' && !parent.inTime) {
      const mention: TimeMention = {
        text: visibleText(node),
        blockIndex: blocks.length,
        inBoilerplate: isDominant(context.mark),
      };
      const datetime = node.getAttribute('datetime')?.trim();
      if (datetime) mention.datetime = datetime;
      times.push(mention);
    }
    const quote = tag === 'q';
    if (quote) append('\u201C', context);
    return { element: node, context, block, quote };
  };

  // Document order by the DOM's own links (first child, next sibling, back up to the parent): no list of
  // children is copied and no frame is made per node, which on a page of 80,000 elements was most of what
  // the walk allocated.
  const open: OpenElement[] = [];
  let next: DomNode | null = root;
  while (next !== null) {
    const node: DomNode = next;
    const entered = enter(node, open.length === 0 ? rootContext : open[open.length - 1]!.context, open.length);
    if (entered !== undefined) {
      const first = node.firstChild;
      if (first !== null) {
        open.push(entered);
        next = first;
        continue;
      }
      leave(entered);
    }
    next = node === root ? null : node.nextSibling;
    while (next === null && open.length > 0) {
      const done = open.pop()!;
      leave(done);
      next = done.element === root ? null : done.element.nextSibling;
    }
  }
  flush(rootContext);
  elements[0]!.endBlock = blocks.length;
  return { blocks, times, elements, maxDepth, depthSum, entered };
}

/**
 * A block's text: lines trimmed, blank lines dropped, inline white space collapsed (kept inside `<pre>`), then
 * control characters dropped (a line they alone made blank is dropped too).
 */
export function renderBuffer(buffer: string, pre: boolean): string {
  if (pre) {
    const lines: string[] = [];
    for (const raw of buffer.split('\n')) {
      const line = raw.replace(/\s+$/, '').replace(CONTROL_CHARACTERS, '');
      if (/\S/.test(line)) lines.push(line);
    }
    return lines.join('\n');
  }
  // The same steps over the whole block rather than line by line: a block of 28,000 `<br>` lines (1 MB) made a
  // string for each line, a list of them and a copy of each with its spaces collapsed, all alive until joined.
  // Each pattern matches only what it changes, and a replace that matches nothing hands back its input.
  let text = buffer.replace(SPACES_TO_COLLAPSE, ' ').replace(SPACE_AT_LINE_BREAK, '\n');
  if (text.charCodeAt(0) === 32) text = text.slice(1);
  if (text.charCodeAt(text.length - 1) === 32) text = text.slice(0, -1);
  text = text.replace(CONTROL_CHARACTERS, '').replace(BLANK_LINES, '\n');
  // Blank lines left at either end (all spaces, or none).
  let first = 0;
  while (first < text.length && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 10)) first++;
  if (first === text.length) return '';
  let last = text.length - 1;
  while (text.charCodeAt(last) === 32 || text.charCodeAt(last) === 10) last--;
  const end = text.indexOf('\n', last);
  return text.slice(text.lastIndexOf('\n', first) + 1, end === -1 ? text.length : end);
}
// A run of white space that is not already one space.
const WHITE_SPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;
// Inside a line (`\n` ends one), a run of white space that is not already one space.
const SPACES_TO_COLLAPSE = /[^\S\n]{2,}|[^\S\n ]/g;
// The one space (after collapsing) that ends or starts a line.
const SPACE_AT_LINE_BREAK = / \n ?|\n /g;
// Line breaks around lines of spaces only, or none: one line break.
const BLANK_LINES = /\n(?: *\n)+/g;
