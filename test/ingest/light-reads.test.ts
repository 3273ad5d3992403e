import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument, type DomElement } from '../../src/edges/ingest/dom.ts';
import { lightenBylineTest, withLightReads } from '../../src/edges/ingest/light-reads.ts';
import { readabilityLibrary } from '../../src/edges/ingest/libraries.ts';

type Styled = DomElement & { className: string; style: { display: string; visibility: string }; setAttribute(name: string, value: string): void; removeAttribute(name: string): void };

const PAGE = [
  '<div class="a  b a" id="x">one</div>',
  '<p class="">two</p>',
  '<p>three</p>',
  '<span style="display: none">four</span>',
  '<span style="visibility:hidden; color: red">five</span>',
  '<p class="fallback-image" aria-hidden="true">six</p>',
  '<svg class="icon"><path d="M0"/></svg>',
].join('');

function elements(document: ReturnType<typeof parseDocument>): Styled[] {
  return Array.from(document.querySelectorAll('*')) as Styled[];
}

/** What Readability reads of an element: its class string and the two style properties. */
function readings(element: Styled): [string, string, string] {
  const { className } = element;
  const style = element.style;
  return [String(className), style?.display ?? '', style?.visibility ?? ''];
}

describe('className and style read from attributes while Readability reads', () => {
  it('gives the answers linkedom gives, for classes as parsed, set, changed and removed', () => {
    const light = parseDocument(`<html><body>${PAGE}</body></html>`);
    const own = parseDocument(`<html><body>${PAGE}</body></html>`);
    const change = (document: ReturnType<typeof parseDocument>) => {
      const [first, second, third] = elements(document).filter((element) => element.localName === 'p');
      first!.setAttribute('class', ' c  d c ');
      second!.removeAttribute('class');
      third!.className = 'page';
    };
    const root = light.documentElement!;
    const lightReadings = withLightReads(root, () => {
      change(light);
      return elements(light).map(readings);
    });
    change(own);
    expect(lightReadings).toEqual(elements(own).map(readings));
    expect(lightReadings.some(([, display]) => display === 'none')).toBe(true);
  });

  it('gives the same answers over the fixture pages, and linkedom its own objects outside', () => {
    const folder = new URL('../fixtures/html/', import.meta.url);
    for (const name of readdirSync(folder)) {
      const document = parseDocument(readFileSync(new URL(name, folder), 'utf8'));
      const light = withLightReads(document.documentElement!, () => elements(document).map(readings));
      expect(light).toEqual(elements(document).map(readings));
    }
    const [div] = elements(parseDocument(`<html><body>${PAGE}</body></html>`)).filter((element) => element.localName === 'div');
    expect(typeof (div as unknown as { classList: unknown }).classList).toBe('object');
    expect(div!.style).not.toBe(withLightReads(div!, () => div!.style));
  });
});

describe('Readability whose byline test reads text only for byline candidates', () => {
  it('answers as Readability does for every element', () => {
    const { Readability } = readabilityLibrary();
    const page = [
      '<a rel="author" href="/j">Jane Doe</a>',
      '<span itemprop="author">John Roe</span>',
      '<div class="byline">By Ann Poe</div>',
      `<div class="author-bio">${'A long biography. '.repeat(10)}</div>`,
      '<p id="writtenby"> </p>',
      '<p>Just a paragraph that is not a byline.</p>',
    ].join('');
    const document = parseDocument(`<html><body>${page}</body></html>`);
    type Test = { _isValidByline(node: DomElement, matchString: string): boolean };
    const own = new Readability(document as never) as unknown as Test;
    const light = new Readability(document as never) as unknown as Test;
    lightenBylineTest(light);
    expect(Object.hasOwn(light, '_isValidByline')).toBe(true);
    const answers = elements(document).map((element) => {
      const matchString = `${element.className} ${element.getAttribute('id') ?? ''}`;
      return [light._isValidByline(element, matchString), own._isValidByline(element, matchString)];
    });
    for (const [lightAnswer, ownAnswer] of answers) expect(lightAnswer).toBe(ownAnswer);
    expect(answers.filter(([answer]) => answer).length).toBe(3);
  });
});
