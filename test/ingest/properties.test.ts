import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractHtml, type ExtractedDocument } from '../../src/edges/ingest/index.ts';
import { BLOCK_ROLES } from '../../src/core/roles/block-roles.ts';
import { renderBuffer } from '../../src/edges/ingest/dom-blocks.ts';

/** Invariants of every extraction: hints in bounds, ordered, each covering whole paragraphs; no runs of blank lines. */
function checkInvariants(doc: ExtractedDocument): void {
  const { text, hints } = doc;
  expect(typeof text).toBe('string');
  expect(text).not.toMatch(/\n\n\n/);
  expect(text).toBe(text.trim() === '' ? '' : text);
  let previousEnd = 0;
  for (const hint of hints) {
    expect(0 <= hint.start && hint.start < hint.end && hint.end <= text.length).toBe(true);
    expect(hint.start).toBeGreaterThanOrEqual(previousEnd);
    expect(BLOCK_ROLES).toContain(hint.role);
    expect(hint.rule).toMatch(/^(html|meta)\//);
    expect(hint.start === 0 || text.slice(hint.start - 2, hint.start) === '\n\n').toBe(true);
    expect(hint.end === text.length || text.slice(hint.end, hint.end + 2) === '\n\n').toBe(true);
    previousEnd = hint.end;
  }
}

// Well-formed pieces of news-page markup, opened and closed in any order.
const tag = fc.constantFrom(
  '<p>', '</p>', '<div>', '</div>', '<div class="share-bar">', '<aside class="pullquote">', '</aside>', '<figure>', '</figure>',
  '<figcaption>', '</figcaption>', '<span class="credit">', '</span>', '<h1>', '</h1>', '<h2>', '</h2>', '<br>', '<br/>',
  '<ul><li>', '</li></ul>', '<table><tr><td>', '</td><td>', '</td></tr></table>', '<pre>', '</pre>', '<q>', '</q>',
  '<a href="/x">', '</a>', '<nav>', '</nav>', '<footer>', '</footer>', '<time datetime="2020-01-01">', '</time>',
  '<section id="comments">', '</section>', '<blockquote>', '</blockquote>', '<html lang="en">', '<head>', '</head>', '<body>',
  '</body>', '</html>', '<title>Title words here | Site</title>', '<meta property="og:title" content="OG">',
  '<meta charset="shift_jis">', '<link rel="canonical" href="/c">', '<!-- comment -->', '<![CDATA[x]]>',
  '<script>var a = "SCRIPT_MARK";</script>', '<style>p::after{content:"STYLE_MARK"}</style>', '<template><p>TEMPLATE_MARK</p></template>',
  '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"LD","author":{"@id":"#a"}},{"@id":"#a","name":"N"}]}</script>',
  '&amp;', '&nbsp;', '&#0;', '&#xD800;', '&bogus;', '\u0000', '\uFEFF', '\r\n', '\n\n\n', '   ',
  '<p class="byline">By <a rel="author">A B</a>', '<div class="cookie-banner">', '<img src=x alt="y">',
);
const prose = fc.constantFrom('Sentence one, with words.', 'Another, longer sentence, with commas, and clauses, to look like prose.', '日本語の文。', 'Ümlaut ß', '"quoted"', "it's");
const wellFormed = fc.array(fc.oneof(tag, prose), { maxLength: 60 }).map((pieces) => pieces.join(''));
// The same with junk between the pieces: stray brackets, unclosed comments and tags, random strings.
const junk = fc.oneof(fc.constantFrom('<', '>', '<!--', '-->', '"', "'", '=', '<p class="', '<script type="application/ld+json">{broken', '</'), fc.string({ maxLength: 30 }));
const malformed = fc.array(fc.oneof(tag, prose, junk), { maxLength: 60 }).map((pieces) => pieces.join(''));

describe('extractHtml properties', () => {
  it('never throws and keeps hints in bounds on random and malformed HTML', () => {
    fc.assert(
      fc.property(malformed, fc.option(fc.webUrl(), { nil: undefined }), (html, url) => {
        checkInvariants(extractHtml(html, url === undefined ? {} : { url }));
      }),
      { numRuns: 150 },
    );
  });

  it('never lets script, style or template content into the text of well-formed markup', () => {
    // With junk around them, a tag can be swallowed by a stray `<` and its content really is text.
    fc.assert(
      fc.property(wellFormed, (html) => {
        const { text } = extractHtml(html);
        for (const marker of ['SCRIPT_MARK', 'STYLE_MARK', 'TEMPLATE_MARK']) expect(text).not.toContain(marker);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary strings and bytes, with or without a Content-Type', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.uint8Array({ maxLength: 300 })),
        fc.constantFrom(undefined, 'text/html', 'text/html; charset=utf-16', 'text/html; charset=shift_jis', 'text/html; charset="', 'garbage'),
        (input, contentType) => {
          checkInvariants(extractHtml(input, contentType === undefined ? {} : { contentType }));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads very deep nesting (past where Readability overflows its stack) in linear time', () => {
    const deep = `${'<div><span>'.repeat(5000)}deep text${'</span></div>'.repeat(5000)}`;
    expect(extractHtml(deep).text).toBe('deep text');
  });
});

describe('a block\'s text (renderBuffer)', () => {
  // The block's text is made over the whole block at once; it must be what trimming and collapsing each line on
  // its own, dropping control characters and then the lines left blank gives, for any mix of white space,
  // line breaks and control characters.
  const byLine = (buffer: string): string =>
    buffer
      .split('\n')
      .map((raw) => raw.replace(/\s+/g, ' ').trim().replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ''))
      .filter((line) => /\S/.test(line))
      .join('\n');
  const piece = fc.constantFrom('a', 'word', ' ', '  ', '\n', '\n\n', '\t', '\r', '\r\n', '\u0001', '\u000B', '\u00A0', '\u2028', '\uFEFF', '\u007F', 'é');
  it('is the lines collapsed, trimmed and cleaned one by one, blank ones dropped', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join('')), (buffer) => {
        expect(renderBuffer(buffer, false)).toBe(byLine(buffer));
      }),
      { numRuns: 3000 },
    );
  });
});
