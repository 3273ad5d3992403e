/**
 * Readability reads `className` of every element it visits, in every pass, and `style` in `_isProbablyVisible`.
 * linkedom answers the first by building a DOMTokenList (a Set) and the second a CSSStyleDeclaration (a Map behind
 * a Proxy, whose table is replaced at each read), and keeps both on the element: on a 1 MB page of 60,000
 * elements that is ~30 MB which outlives the young generation and stays in the old one until a full collection.
 * Nothing of the page is reachable once its text is out (a collection forced there leaves ~26 MB live of ~130),
 * but on such a page the next full collection comes after the analysis, so the peak RSS is what extraction made:
 * without these objects the nested-HTML shape's peak fell from 247 to 212 MB.
 *
 * While Readability reads (`withLightReads`), the two getters answer from the attributes instead, with the same
 * answers:
 * - linkedom keeps an element's class attribute equal to its token list (the parser, `setAttribute('class')` and
 *   `className =` go through the list, which writes the attribute back; `removeAttribute('class')` clears the
 *   list), so `className` is the class attribute's value, or '' without one;
 * - an element without a style attribute has an empty style: `display` and `visibility`, all Readability reads
 *   of it, are ''. An element with one gets linkedom's own style object.
 * Outside `withLightReads` the getters are linkedom's own. They are put on the prototype once, not per read,
 * since changing a prototype invalidates the code compiled against it.
 *
 * Readability's byline test also reads the text of every element; `lightenBylineTest` asks the markup first.
 */
import type { DomElement } from './dom.ts';

type Getter = (this: DomElement) => unknown;

/** What an element without a style attribute shows Readability; frozen, so a write would fail loudly rather than stick. */
const EMPTY_STYLE = Object.freeze({ display: '', visibility: '' });

/** How many `withLightReads` calls are running (Readability does not call back into us, but nesting stays correct). */
let reading = 0;

/** The light getters put in place, so that a second page finds them and puts none on top. */
const lightGetters = new WeakSet<object>();

/** The prototype of `object` that defines `name`, and how; undefined when none does. */
function ownerOf(object: object, name: string): { owner: object; descriptor: PropertyDescriptor } | undefined {
  let prototype: object | null = Object.getPrototypeOf(object) as object | null;
  while (prototype !== null) {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
    if (descriptor !== undefined) return { owner: prototype, descriptor };
    prototype = Object.getPrototypeOf(prototype) as object | null;
  }
  return undefined;
}

/** Put the light getter for `name` on the prototype that holds linkedom's; false when there is none. */
function lighten(element: DomElement, name: string, light: (this: DomElement, own: Getter) => unknown): boolean {
  const found = ownerOf(element, name);
  const own = found?.descriptor.get as Getter | undefined;
  if (found === undefined || own === undefined || found.descriptor.configurable !== true) return false;
  if (lightGetters.has(own)) return true;
  const get = function (this: DomElement): unknown {
    return reading > 0 ? light.call(this, own) : own.call(this);
  };
  lightGetters.add(get);
  Object.defineProperty(found.owner, name, { ...found.descriptor, get });
  return true;
}

function lightClassName(this: DomElement): unknown {
  return this.getAttributeNode('class')?.value ?? '';
}

function lightStyle(this: DomElement, own: Getter): unknown {
  return this.hasAttribute('style') ? own.call(this) : EMPTY_STYLE;
}

/** Run `read` (Readability on the page of `element`) with `className` and `style` read from attributes; returns what it returns. */
export function withLightReads<T>(element: DomElement, read: () => T): T {
  if (!lighten(element, 'className', lightClassName) || !lighten(element, 'style', lightStyle)) return read();
  reading++;
  try {
    return read();
  } finally {
    reading--;
  }
}

/** Readability's byline test, as 0.6.0 writes it, and the pattern it reads a class/id string with. */
type BylineTest = {
  _isValidByline(node: DomElement, matchString: string): boolean;
  REGEXPS: { byline: RegExp };
};

// Readability's byline test (`_isValidByline`, run on every element of the page until a byline is found) reads the
// element's text first and its markup after: for an element that holds the whole story that is a copy of the
// story, for every element around it, and on a page of 80,000 elements 80,000 joined strings, none needed unless
// `rel=author`, `itemprop=author` or the class/id pattern says the element may be a byline. Asked of the markup
// first, the answer is the same (reading text changes nothing). A reader without such a test (another version of
// the library) is left as it is.

/** Give one Readability `reader` a byline test that reads an element's text only when its markup says byline. */
export function lightenBylineTest(reader: object): void {
  const test = reader as Partial<BylineTest>;
  const own = test._isValidByline;
  if (typeof own !== 'function' || !(test.REGEXPS?.byline instanceof RegExp)) return;
  Object.defineProperty(reader, '_isValidByline', {
    configurable: true,
    writable: true,
    value(this: BylineTest, node: DomElement, matchString: string): boolean {
      const rel = node.getAttribute('rel');
      const itemprop = node.getAttribute('itemprop');
      const mayBe = rel === 'author' || (itemprop !== null && itemprop.includes('author')) || this.REGEXPS.byline.test(matchString);
      return mayBe && own.call(this, node, matchString);
    },
  });
}
