import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/edges/ingest/index.ts';
import { parseDocument, type DomElement } from '../../src/edges/ingest/dom.ts';
import { foldLineRuns, unfoldLineRuns } from '../../src/edges/ingest/line-runs.ts';

const innerHtml = (element: DomElement) => (element as unknown as { innerHTML: string }).innerHTML;

const PAGE = [
  '<div>one<br>two<br>three<br>four<br>five<br></div>',
  '<ul><li>a<br>b<br>c<br>d<br>e</li></ul>',
  '<p>x<br class="c">y<br>z<br>w<br>v<br>u</p>',
  '<p>a<br><br>b<br> <br>c<br>d<br>e<br>f<br>g</p>',
  '<noscript>n1<br>n2<br>n3<br>n4<br>n5</noscript>',
  '<p>only<br>two<br>three</p>',
].join('');

describe('folding <br>-separated lines for Readability', () => {
  it('folds runs of three or more breaks into one text node with the same text, and unfolds them back', () => {
    const document = parseDocument(`<html><body>${PAGE}</body></html>`);
    const body = document.body!;
    const before = innerHtml(body);
    const text = body.textContent;
    const runs = foldLineRuns(document, body);
    // The <div>, the <li>, the run after the classed <br>, the one after the double break; not <noscript>, not
    // the run of two breaks.
    expect(runs.map((run) => run.folded.textContent).sort()).toEqual(['abc', 'cde', 'onetwothree', 'yzw']);
    expect(body.textContent).toBe(text);
    expect(innerHtml(body)).toContain('<p>only<br>two<br>three</p>');
    unfoldLineRuns(runs);
    expect(innerHtml(body)).toBe(before);
  });

  it('keeps every line of a long block of lines', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `Line ${i} of the poem.`);
    const doc = extractHtml(`<html><body><article><div>${lines.join('<br>')}</div></article></body></html>`);
    expect(doc.text).toBe(lines.join('\n'));
  });

  it('keeps the lines when Readability retries a page with little text', () => {
    const doc = extractHtml('<html><body><div>Ann<br>Bob<br>Cy<br>Dee<br>Eve</div></body></html>');
    expect(doc.text).toBe('Ann\nBob\nCy\nDee\nEve');
  });
});
