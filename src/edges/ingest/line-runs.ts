/**
 * Runs of `<br>`-separated lines folded into one text node while Readability reads the page, and unfolded
 * in its output before that is walked. A block of 30,000 lines is 60,000 nodes to Readability: each line
 * break is an element it visits, styles, classes and moves in every pass, most of the time of a 1 MB page
 * of them. Folded, the run is a text node with the same text (a `<br>` has none).
 *
 * A run is `line <br> line <br> ... line` in one parent: every line a text node that is not blank, every
 * `<br>` without attributes. Readability decides nothing from such a `<br>` that it does not also decide
 * from the last two of the run, which are kept with the last two lines: the folded run reads the same
 * text (lengths, commas, link density), `<br><br>` chains stay apart (each kept `<br>` is followed by a
 * line that is not blank, which `_replaceBrs` checks), and the parent's element children still number
 * more than one (`children.length` decides `_hasSingleTagInsideElement`, the climb from the top candidate
 * and the image-list test). Only runs of three or more line breaks are folded.
 *
 * Runs inside elements whose markup Readability reads as text (`<noscript>`, `<object>`: NON_TEXT_TAGS) are
 * left alone. Readability's one rewrite that loses the fold is its retry (`page.innerHTML = cached HTML`, when the
 * article it found is short): `watchRetry` tells when it happened, and the caller reads that page again unfolded.
 */
import { isElement, NON_TEXT_TAGS, tagOf, TEXT_NODE, type DomElement, type DomNode } from './dom.ts';

/** The node methods folding needs (the project compiles without the DOM lib). */
type MovableNode = DomNode & {
  readonly parentNode: (DomNode & { insertBefore(node: DomNode, before: DomNode): DomNode }) | null;
  remove(): void;
};

type TextFactory = { createTextNode(data: string): DomNode };

/** One folded run: the text node standing for it and the nodes it replaced, in order. */
export type FoldedRun = { readonly folded: DomNode; readonly lines: readonly DomNode[] };

/** Line breaks a run must hold to be folded (the last two are kept: see above). */
const MIN_BREAKS = 3;

const NOT_BLANK = /\S/;

function isLine(node: DomNode): boolean {
  return node.nodeType === TEXT_NODE && NOT_BLANK.test(node.textContent ?? '');
}

function isPlainBreak(node: DomNode): boolean {
  return isElement(node) && node.localName === 'br' && !node.hasAttributes() && node.firstChild === null;
}

/** Fold every run of `<br>`-separated lines under `root` into one text node; returns what `unfoldLineRuns` puts back. */
export function foldLineRuns(document: TextFactory, root: DomElement): FoldedRun[] {
  const runs: FoldedRun[] = [];
  // A run in the making: line, break, line, ..., alternating, always starting with a line.
  let run: DomNode[] = [];
  const close = (): void => {
    if (run.length > 0 && !isLine(run[run.length - 1]!)) run.pop();
    const breaks = (run.length - 1) / 2;
    if (breaks >= MIN_BREAKS) runs.push(fold(document, run.slice(0, run.length - 4)));
    run = [];
  };
  const parents: DomNode[] = [root];
  while (parents.length > 0) {
    let child = parents.pop()!.firstChild;
    while (child !== null) {
      const next: DomNode | null = child.nextSibling;
      const last = run.length === 0 ? undefined : run[run.length - 1]!;
      if (isLine(child)) {
        if (last !== undefined && last.nodeType === TEXT_NODE) close();
        run.push(child);
      } else if (last !== undefined && last.nodeType === TEXT_NODE && isPlainBreak(child)) {
        run.push(child);
      } else {
        close();
        // Readability reads the markup of <noscript>, <object> and <iframe> (images, video addresses): left whole.
        if (child.firstChild !== null && isElement(child) && !NON_TEXT_TAGS.has(tagOf(child))) parents.push(child);
      }
      child = next;
    }
    close();
  }
  return runs;
}

function fold(document: TextFactory, lines: DomNode[]): FoldedRun {
  // Joined, not concatenated: Readability reads the text of every element around the run several times, and
  // a string of 30,000 concatenated pieces is copied piece by piece at each read.
  const texts: string[] = [];
  for (const line of lines) if (line.nodeType === TEXT_NODE) texts.push(line.textContent ?? '');
  const folded = document.createTextNode(texts.join(''));
  const first = lines[0] as MovableNode;
  first.parentNode!.insertBefore(folded, first);
  for (const line of lines) (line as MovableNode).remove();
  return { folded, lines };
}

/** Put each folded run that is still in a tree back as the lines and breaks it replaced. */
export function unfoldLineRuns(runs: readonly FoldedRun[]): void {
  for (const { folded, lines } of runs) {
    const parent = (folded as MovableNode).parentNode;
    if (parent === null) continue;
    for (const line of lines) parent.insertBefore(line, folded);
    (folded as MovableNode).remove();
  }
}

/**
 * Note when Readability rewrites `body` from its cached HTML (its retry), which would bring folded runs back
 * as plain text: an own `innerHTML` accessor on this one element that defers to the element's own. Returns
 * whether that happened so far, or undefined when the accessor could not be found (then nothing is folded).
 */
export function watchRetry(body: DomElement): (() => boolean) | undefined {
  let prototype: object | null = Object.getPrototypeOf(body) as object | null;
  let descriptor: PropertyDescriptor | undefined;
  while (prototype !== null && descriptor === undefined) {
    descriptor = Object.getOwnPropertyDescriptor(prototype, 'innerHTML');
    prototype = Object.getPrototypeOf(prototype) as object | null;
  }
  const { get, set } = descriptor ?? {};
  if (get === undefined || set === undefined) return undefined;
  let rewritten = false;
  Object.defineProperty(body, 'innerHTML', {
    configurable: true,
    get(this: DomElement) {
      return get.call(this) as string;
    },
    set(this: DomElement, html: string) {
      rewritten = true;
      set.call(this, html);
    },
  });
  return () => rewritten;
}
