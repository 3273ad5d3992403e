/**
 * htmlparser2 10.1.0, the tokenizer and tree events under linkedom, keeps its stack of open elements (and the
 * parallel stack of foreign contexts: svg, math) with the top at index 0: an `unshift` for each element opened
 * and a `shift` for each one closed, and so each tag costs time in proportion to the depth of the page (1 MB of
 * nested lists took x35 the time of 100 KB). The five methods that read or change those stacks are replaced at
 * load time by the same code with the top at the end, so that the parser calls linkedom back with the same
 * events in the same order. On a deep stack, a count of the open elements of each name lets an end tag that
 * closes nothing skip the search of the stack, which would otherwise cost the depth again (x122). htmlparser2
 * declares both stacks private, and its other uses of them (the constructor, `reset`) are the same in either
 * orientation. Applied only to the version the code was adapted from: another keeps its own methods (slower on
 * deep pages, never different). Patching the class, rather than the installed package, holds for a program
 * that installs slant as a library as well.
 *
 * Adapted from htmlparser2 10.1.0, src/Parser.ts, under its licence:
 *   Copyright 2010, 2011, Chris Winberry <chris@winberry.net>. All rights reserved.
 *   Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
 *   documentation files (the "Software"), to deal in the Software without restriction, including without
 *   limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the
 *   Software, and to permit persons to whom the Software is furnished to do so, subject to the following
 *   conditions:
 *   The above copyright notice and this permission notice shall be included in all copies or substantial
 *   portions of the Software.
 *   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED
 *   TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL
 *   THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF
 *   CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
 *   DEALINGS IN THE SOFTWARE.
 */

/** The htmlparser2 version whose methods these are. */
const ADAPTED_VERSION = '10.1.0';

// The element names whose opening closes open elements of the listed names first (htmlparser2's table).
const formTags = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const pTag = new Set(['p']);
const tableSectionTags = new Set(['thead', 'tbody']);
const ddtTags = new Set(['dd', 'dt']);
const rtpTags = new Set(['rt', 'rp']);
const openImpliesClose = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['p', pTag],
  ['h1', pTag],
  ['h2', pTag],
  ['h3', pTag],
  ['h4', pTag],
  ['h5', pTag],
  ['h6', pTag],
  ['select', formTags],
  ['input', formTags],
  ['output', formTags],
  ['button', formTags],
  ['datalist', formTags],
  ['textarea', formTags],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', ddtTags],
  ['dt', ddtTags],
  ['address', pTag],
  ['article', pTag],
  ['aside', pTag],
  ['blockquote', pTag],
  ['details', pTag],
  ['div', pTag],
  ['dl', pTag],
  ['fieldset', pTag],
  ['figcaption', pTag],
  ['figure', pTag],
  ['footer', pTag],
  ['form', pTag],
  ['header', pTag],
  ['hr', pTag],
  ['main', pTag],
  ['nav', pTag],
  ['ol', pTag],
  ['pre', pTag],
  ['section', pTag],
  ['table', pTag],
  ['ul', pTag],
  ['rt', rtpTags],
  ['rp', rtpTags],
  ['tbody', tableSectionTags],
  ['tfoot', tableSectionTags],
]);
const foreignContextElements = new Set(['math', 'svg']);
const htmlIntegrationElements = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

type Callbacks = {
  onopentagname?(name: string): void;
  onopentag?(name: string, attributes: Record<string, string>, isImplied: boolean): void;
  onclosetag?(name: string, isImplied: boolean): void;
  onend?(): void;
};

const OPEN_COUNTS = Symbol('open elements by name');
/**
 * Up to this depth an end tag that closes nothing searches the stack (64 names at most) and no count is kept:
 * ordinary pages stay under it and pay no count update per element.
 */
const COUNTED_DEPTH = 64;

/** The members of htmlparser2's Parser (private in its types) that the replaced methods use. */
type ParserInternals = {
  stack: string[];
  foreignContext: boolean[];
  cbs: Callbacks;
  htmlMode: boolean;
  lowerCaseTagNames: boolean;
  recognizeSelfClosing: boolean;
  tagname: string;
  attribs: Record<string, string> | null;
  openTagStart: number;
  startIndex: number;
  endIndex: number;
  /** Kept once the stack has been deeper than COUNTED_DEPTH since it was last empty. */
  [OPEN_COUNTS]?: Map<string, number> | undefined;
  getSlice(start: number, end: number): string;
  isVoidElement(name: string): boolean;
  endOpenTag(isImplied: boolean): void;
  onopentagend(endIndex: number): void;
  emitOpenTag(name: string): void;
  closeCurrentTag(isOpenImplied: boolean): void;
};

function popElement(parser: ParserInternals): string {
  const name = parser.stack.pop() as string;
  const counts = parser[OPEN_COUNTS];
  if (counts !== undefined) counts.set(name, (counts.get(name) as number) - 1);
  return name;
}

function countNames(names: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

function emitOpenTag(this: ParserInternals, name: string): void {
  this.openTagStart = this.startIndex;
  this.tagname = name;
  const stack = this.stack;
  const impliesClose = this.htmlMode && openImpliesClose.get(name);
  if (impliesClose) {
    while (stack.length > 0 && impliesClose.has(stack[stack.length - 1] as string)) {
      const element = popElement(this);
      this.cbs.onclosetag?.(element, true);
    }
  }
  if (!this.isVoidElement(name)) {
    // Counts are dropped when an element opens on an empty stack: htmlparser2's reset() empties it without popping.
    if (stack.length === 0 && this[OPEN_COUNTS] !== undefined) this[OPEN_COUNTS] = undefined;
    stack.push(name);
    const counts = this[OPEN_COUNTS];
    if (counts !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
    else if (stack.length > COUNTED_DEPTH) this[OPEN_COUNTS] = countNames(stack);
    if (this.htmlMode) {
      if (foreignContextElements.has(name)) this.foreignContext.push(true);
      else if (htmlIntegrationElements.has(name)) this.foreignContext.push(false);
    }
  }
  this.cbs.onopentagname?.(name);
  if (this.cbs.onopentag) this.attribs = {};
}

function onclosetag(this: ParserInternals, start: number, endIndex: number): void {
  this.endIndex = endIndex;
  let name = this.getSlice(start, endIndex);
  if (this.lowerCaseTagNames) name = name.toLowerCase();
  if (this.htmlMode && (foreignContextElements.has(name) || htmlIntegrationElements.has(name))) this.foreignContext.pop();
  if (!this.isVoidElement(name)) {
    const stack = this.stack;
    const counts = this[OPEN_COUNTS];
    const at = counts === undefined || (counts.get(name) ?? 0) > 0 ? stack.lastIndexOf(name) : -1;
    if (at !== -1) {
      // The element and every one opened inside it since, innermost first; only the element's own close is explicit.
      for (let index = stack.length - 1; index >= at; index--) {
        const element = popElement(this);
        this.cbs.onclosetag?.(element, index !== at);
      }
    } else if (this.htmlMode && name === 'p') {
      // `</p>` with no open p: an empty paragraph.
      this.emitOpenTag('p');
      this.closeCurrentTag(true);
    }
  } else if (this.htmlMode && name === 'br') {
    // `</br>` is a `<br>` (emitOpenTag would have the br close open elements first).
    this.cbs.onopentagname?.('br');
    this.cbs.onopentag?.('br', {}, true);
    this.cbs.onclosetag?.('br', false);
  }
  this.startIndex = endIndex + 1;
}

function onselfclosingtag(this: ParserInternals, endIndex: number): void {
  this.endIndex = endIndex;
  if (this.recognizeSelfClosing || this.foreignContext[this.foreignContext.length - 1]) {
    this.closeCurrentTag(false);
    this.startIndex = endIndex + 1;
  } else {
    // In HTML, `<div/>` opens a div.
    this.onopentagend(endIndex);
  }
}

function closeCurrentTag(this: ParserInternals, isOpenImplied: boolean): void {
  const name = this.tagname;
  this.endOpenTag(isOpenImplied);
  const stack = this.stack;
  // A self-closing element is on the top of the stack (a void one never went on it).
  if (stack[stack.length - 1] === name) {
    this.cbs.onclosetag?.(name, !isOpenImplied);
    popElement(this);
  }
}

function onend(this: ParserInternals): void {
  if (this.cbs.onclosetag) {
    this.endIndex = this.startIndex;
    // The elements still open at the end close innermost first; htmlparser2 leaves them on the stack.
    for (let index = this.stack.length - 1; index >= 0; index--) this.cbs.onclosetag(this.stack[index] as string, true);
  }
  this.cbs.onend?.();
}

/**
 * Give htmlparser2's Parser (the class linkedom uses) stacks with the top at the end, when `version` is the one
 * the replacements were adapted from (else leave it as it is).
 */
export function keepOpenElementsTopLast(parser: { prototype: object }, version: string | undefined): void {
  if (version !== ADAPTED_VERSION) return;
  // The counts' property is declared on the prototype: a parser that never goes deep keeps htmlparser2's own shape.
  Object.assign(parser.prototype, { emitOpenTag, onclosetag, onselfclosingtag, closeCurrentTag, onend, [OPEN_COUNTS]: undefined });
}
