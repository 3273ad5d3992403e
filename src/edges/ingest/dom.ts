/**
 * Step 2: HTML text to a DOM with linkedom. linkedom's parser is not the HTML5 tree builder: content
 * outside an explicit `<body>` is dropped (`<html><p>x</p></html>` has an empty body) and a fragment
 * becomes its own document element, which Readability then refuses. So the source is given the
 * `<html>`/`<body>` a browser would infer before parsing.
 *
 * The project compiles without the DOM lib, so the few DOM members used here are declared structurally.
 */
import { linkedomLibrary } from './libraries.ts';

export type DomNode = {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly parentNode: DomNode | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly textContent: string | null;
};

export type DomElement = DomNode & {
  readonly localName: string;
  readonly parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  hasAttributes(): boolean;
  getAttributeNode(name: string): { readonly value: string } | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
};

export type DomDocument = {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  createTextNode(data: string): DomNode;
};

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** Give a fragment or a body-less page the `<html>` and `<body>` a browser would infer. */
export function completeDocumentSource(html: string): string {
  // NUL is a parse error that browsers replace; U+FFFD keeps offsets honest and the parser happy.
  const source = html.replace(/^\uFEFF/, '').replace(/\u0000/g, '\uFFFD');
  const htmlTag = /<html(?=[\s>/])[^>]*>/i.exec(source);
  if (htmlTag === null) return `<!DOCTYPE html><html><head></head><body>${source}</body></html>`;
  if (/<body(?=[\s>/])/i.test(source)) return source;
  const headEnd = /<\/head\s*>/i.exec(source);
  const insertAt = headEnd !== null ? headEnd.index + headEnd[0].length : htmlTag.index + htmlTag[0].length;
  return `${source.slice(0, insertAt)}<body>${source.slice(insertAt)}`;
}

/** Parse HTML into a linkedom document that always has a document element and a body. */
export function parseDocument(html: string): DomDocument {
  const { document } = linkedomLibrary().parseHTML(completeDocumentSource(html)) as { document: DomDocument };
  return document;
}

/** Lower-case tag name of an element (linkedom upper-cases the names of elements created by scripts). */
export function tagOf(element: DomElement): string {
  return element.localName.toLowerCase();
}

/** Class tokens and id of an element, lower-cased, for role patterns. */
export function nameTokens(element: DomElement): string[] {
  const tokens: string[] = [];
  if (!element.hasAttributes()) return tokens;
  // The class attribute as written: linkedom's getAttribute('class') goes through classList, building a Set and
  // keeping it on the element. The tokens are the same; only repeats differ, and every use asks whether some
  // token matches.
  for (const value of [element.getAttributeNode('class')?.value, element.getAttribute('id')]) {
    if (value) for (const token of value.toLowerCase().split(/\s+/)) if (token !== '') tokens.push(token);
  }
  return tokens;
}

/** Elements whose content is never text of the page (`textContent` would include it). */
export const NON_TEXT_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'base',
  'svg', 'canvas', 'iframe', 'frame', 'frameset', 'object', 'embed', 'video', 'audio', 'picture', 'source', 'track',
  'select', 'option', 'datalist', 'textarea', 'button', 'input', 'map', 'area',
]);

/** The text a reader sees in an element (no script, style or form-control content), white space collapsed. */
export function visibleText(element: DomElement): string {
  let text = '';
  const stack: DomNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) text += node.textContent ?? '';
    else if (isElement(node) && !NON_TEXT_TAGS.has(tagOf(node))) {
      // linkedom's childNodes builds a new list at every read: read it once.
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child !== undefined) stack.push(child);
      }
    }
  }
  return text.replace(/\s+/g, ' ').trim();
}
