/**
 * The page walk's headline test (headlineHolders: the elements around each `<h1>`, marked once) answers as a
 * search of each element's subtree does, for every element under the walk's root: a share bar or a related box
 * that holds the headline is the article, not boilerplate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isElement, parseDocument, type DomElement } from '../../src/edges/ingest/dom.ts';
import { headlineHolders } from '../../src/edges/ingest/markup-hints.ts';

function elementsUnder(root: DomElement): DomElement[] {
  return [root, ...Array.from(root.querySelectorAll('*'))];
}

function expectSearchAnswers(html: string, rootSelector: string): void {
  const root = parseDocument(html).querySelector(rootSelector);
  if (root === null) return;
  const holdsHeadline = headlineHolders(root);
  const rows = elementsUnder(root).map((element) => `${element.localName} ${holdsHeadline(element)}`);
  expect(rows, html.slice(0, 300)).toEqual(elementsUnder(root).map((element) => `${element.localName} ${element.querySelector('h1') !== null}`));
}

describe('headlineHolders', () => {
  it('marks the elements around each h1 under the root, and no other', () => {
    const html = `<h1>Site</h1><main><div class="share"><div class="share"><h1>Story</h1><p>x</p></div><aside><h2>More</h2></aside></div>` +
      `<section><h1>Second</h1><div><H1>Upper</H1></div></section><template><h1>Inert</h1></template><svg><h1>In svg</h1></svg></main>`;
    for (const root of ['body', 'main', 'section', '.share', 'aside', 'h1']) expectSearchAnswers(html, root);
  });

  it('answers as a search of the subtree for nested elements 3,000 deep', () => {
    expectSearchAnswers(`<main>${'<div class="share">'.repeat(3000)}<h1>Headline</h1>${'</div>'.repeat(1500)}<p>After</p></main>`, 'main');
  });

  it('answers as a search of the subtree for any nesting of headlines and boxes', () => {
    const tag = fc.constantFrom('div', 'section', 'aside', 'p', 'span', 'h1', 'h2', 'template');
    const token = fc.oneof(tag.map((name) => `<${name}>`), tag.map((name) => `</${name}>`), fc.constant('x'));
    const page = fc.array(token, { maxLength: 120 }).map((tokens) => tokens.join(''));
    fc.assert(fc.property(page, fc.constantFrom('body', 'div', 'section', 'aside'), (html, root) => expectSearchAnswers(html, root)), { numRuns: 200 });
  });
});
