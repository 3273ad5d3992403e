/**
 * The htmlparser2 Parser linkedom uses, with its stacks kept top last (src/edges/ingest/open-elements.ts), calls
 * its handler back exactly as the original does: the same events, in the same order, with the same arguments and
 * source positions. linkedom builds its tree from nothing else, so the same events give the same tree. The
 * original is htmlparser2's ES module build, a class of its own that the replacement never touches.
 */
import fc from 'fast-check';
import { Parser as OriginalParser, type ParserOptions } from 'htmlparser2';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { linkedomLibrary } from '../../src/edges/ingest/libraries.ts';

linkedomLibrary();
const fromLinkedom = createRequire(createRequire(import.meta.url).resolve('linkedom'));
const LinkedomParser = (fromLinkedom('htmlparser2') as { Parser: typeof OriginalParser }).Parser;

// The options linkedom parses HTML and XML with, and htmlparser2's defaults.
const OPTION_SETS: Array<[string, ParserOptions]> = [
  ['linkedom HTML', { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false }],
  ['linkedom XML', { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: true }],
  ['defaults', {}],
];

/** Every event of a parse as a line, with the parser's source positions at that moment. */
function events(ParserClass: typeof OriginalParser, documents: readonly string[], options: ParserOptions): string[] {
  const lines: string[] = [];
  const parser: OriginalParser = new ParserClass(
    {
      onopentagname: (name) => lines.push(`open-name ${name}`),
      onattribute: (name, value, quote) => lines.push(`attribute ${name}=${JSON.stringify(value)} ${String(quote)}`),
      onopentag: (name, attributes, implied) => lines.push(`open ${name} ${JSON.stringify(attributes)} ${implied}`),
      onclosetag: (name, implied) => lines.push(`close ${name} ${implied} at ${parser.startIndex}-${parser.endIndex}`),
      ontext: (text) => lines.push(`text ${JSON.stringify(text)}`),
      oncomment: (text) => lines.push(`comment ${JSON.stringify(text)}`),
      oncommentend: () => lines.push('comment-end'),
      oncdatastart: () => lines.push('cdata-start'),
      oncdataend: () => lines.push('cdata-end'),
      onprocessinginstruction: (name, data) => lines.push(`instruction ${name} ${JSON.stringify(data)}`),
      onend: () => lines.push('end'),
    },
    options,
  );
  // More than one document reuses the parser: reset() empties its stack between them. (htmlparser2's reset()
  // leaves the tokenizer inside an unclosed `<script>` of the document before, and the next write throws: the
  // same error is expected of both.)
  try {
    for (const document of documents) {
      parser.parseComplete(document);
      lines.push('---');
    }
  } catch (error) {
    lines.push(`throws ${String(error)}`);
  }
  return lines;
}

function expectSameEvents(documents: readonly string[]): void {
  for (const [name, options] of OPTION_SETS) {
    expect(events(LinkedomParser, documents, options), `${name}: ${documents.join(' | ').slice(0, 200)}`).toEqual(events(OriginalParser, documents, options));
  }
}

const TRICKY: Array<[string, string]> = [
  ['implied closes', '<p>one<p>two<div>three</div><h2>h</h2><ul><li>a<li>b</ul><table><thead><tr><td>1<td>2<tbody><tr><th>h<th>i<tfoot><tr><td>f</table><select><option>a<option>b<optgroup><option>c<optgroup>d</select><dl><dt>t<dd>d<dt>u</dl><ruby>x<rt>a<rp>b<rt>c</ruby><form><input><button>b<textarea>t</textarea></form>'],
  ['stray end tags', '</span>text</p></br></div><b>bold</i></b></li></html>after</body>'],
  ['an end tag closing what opened inside', '<div><span><em>deep<p>para</div>after<ul><li><b>x</ul>tail'],
  ['unclosed at the end', '<html><body><div><p><span>unclosed<li>item<td>cell'],
  ['self-closing', '<div/>x<br/><img src=a /><span/>y</span><p/><hr/><x-custom/>z'],
  ['foreign elements', '<svg><g/><path d="M0"/><foreignObject><div/>x<p>y</foreignObject><title>t</title><desc/><g><rect/></g></svg><math><mi/><mtext>m<b/></mtext><mo>+</mo></math><div/>'],
  ['foreign ends without starts', '</svg></math></title></mi><svg><rect/></svg><div/></foreignObject><path/>'],
  ['raw text', '<script>if (a < b) document.write("</div><p>")</script><style>p > a { }</style><textarea><b>no</b></textarea><title><i>t</i></title><xmp><p></xmp>'],
  ['comments, CDATA and instructions', '<!DOCTYPE html><?xml version="1.0"?><!-- c <p> --><![CDATA[x<y]]><svg><![CDATA[z]]></svg><!---->'],
  ['upper case', '<DIV><P>Up<LI>x</DIV></p><SVG><Path/></SVG>'],
  ['attributes', '<a href="?a=1&amp;b=2" title=\'x\' data-y HREF=dup>link</a><input value="v" disabled>'],
  ['deep nesting', `${'<div><ul><li>'.repeat(250)}${'<span>x'.repeat(100)}${'</li></ul>'.repeat(120)}<p>${'</div>'.repeat(60)}tail`],
  ['deep quotes left open', `${'<blockquote>q '.repeat(700)}${'</blockquote>'.repeat(300)}</p></span>`],
  ['deep foreign content', `<svg>${'<g><foreignObject><div/><svg>'.repeat(160)}<rect/>${'</svg></foreignObject></g>'.repeat(90)}<path/>`],
];

// Element names htmlparser2 treats specially (implied closes, void, foreign and integration elements) and plain ones.
const NAMES = [
  'a', 'address', 'annotation-xml', 'area', 'article', 'aside', 'b', 'base', 'basefont', 'blockquote', 'body', 'br',
  'button', 'col', 'command', 'datalist', 'dd', 'desc', 'details', 'div', 'dl', 'dt', 'embed', 'fieldset',
  'figcaption', 'figure', 'footer', 'foreignobject', 'form', 'frame', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head',
  'header', 'hr', 'img', 'input', 'isindex', 'keygen', 'li', 'link', 'main', 'math', 'mi', 'mn', 'mo', 'ms', 'mtext',
  'nav', 'ol', 'optgroup', 'option', 'output', 'p', 'param', 'pre', 'rp', 'rt', 'script', 'section', 'select',
  'source', 'span', 'svg', 'table', 'tbody', 'td', 'textarea', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul',
  'wbr', 'x-custom',
];

describe('htmlparser2 with its stacks kept top last', () => {
  it('is the Parser linkedom resolves (htmlparser2 10.1.0: another version needs open-elements.ts checked against it)', () => {
    const stackAfter = (ParserClass: typeof OriginalParser): string[] => {
      const parser = new ParserClass({});
      parser.write('<a><b>');
      return (parser as unknown as { stack: string[] }).stack;
    };
    expect(stackAfter(LinkedomParser)).toEqual(['a', 'b']);
    expect(stackAfter(OriginalParser)).toEqual(['b', 'a']);
  });

  for (const [name, html] of TRICKY) it(`gives the original's events: ${name}`, () => expectSameEvents([html]));

  it("gives the original's events for every pair of special element names", () => {
    for (const outer of NAMES) {
      for (const inner of NAMES) expectSameEvents([`<${outer}>1<${inner}>2<${outer}/>3</${outer}>4</${inner}>5<${inner}/>`]);
    }
  });

  it("gives the original's events for any tag soup, also when the parser is reused", () => {
    const token = fc.oneof(
      fc.constantFrom(...NAMES).map((name) => `<${name}>`),
      fc.constantFrom(...NAMES).map((name) => `</${name}>`),
      fc.constantFrom(...NAMES).map((name) => `<${name}/>`),
      fc.constantFrom('x', ' ', '<!--c-->', '<![CDATA[d]]>', '&amp;'),
      // Runs that take the stack past the depth where the replacement starts counting open elements by name.
      fc.tuple(fc.constantFrom(...NAMES), fc.integer({ min: 1, max: 100 })).map(([name, times]) => `<${name}>`.repeat(times)),
    );
    const soup = fc.array(token, { maxLength: 400 }).map((tokens) => tokens.join(''));
    fc.assert(fc.property(fc.array(soup, { minLength: 1, maxLength: 3 }), (documents) => expectSameEvents(documents)), { numRuns: 300 });
  });
});
