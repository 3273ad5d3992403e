/**
 * Readability reads `className` of every element it visits, in every pass, and `style` in `_isProbablyVisible`.
 * linkedom answers the first by building a DOMTokenList (a Set) and the second a CSSStyleDeclaration (a Map behind
 * a Proxy, whose table is replaced at each read), and keeps both on the element: on a 1 MB page of 60,000
 * elements that is ~30 MB which outlives the young generation and stays in the old one until a full collection,
 * which on such a page comes after the analysis (it was a third of the peak RSS of the nested-HTML shape).
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
