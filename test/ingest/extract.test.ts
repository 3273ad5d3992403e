import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractHtml, type ExtractedDocument } from '../../src/ingest/index.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/html/${name}`, import.meta.url));
const SEED_URL = 'https://www.presstv.ir/Detail/2021/12/07/672464/Kremlin-Putin-Biden-summit-no-breakthroughs';

/** Hints as `role rule "text"` rows, in text order. */
function hintRows(doc: ExtractedDocument): string[] {
  return doc.hints.map((h) => `${h.role} ${h.rule} "${doc.text.slice(h.start, h.end)}"`);
}

/** The paragraphs no hint covers: what the integrator scores as the body. */
function unhinted(doc: ExtractedDocument): string[] {
  const hinted = new Set(doc.hints.map((h) => h.start));
  const out: string[] = [];
  let start = 0;
  for (const paragraph of doc.text.split('\n\n')) {
    if (!hinted.has(start)) out.push(paragraph);
    start += paragraph.length + 2;
  }
  return out;
}

/** Markers written into the fixtures' scripts, styles and page chrome; none may reach the text. */
const NEVER_IN_TEXT = ['TRACKING_SCRIPT_TEXT', 'INLINE_SCRIPT_TEXT', 'STYLE_SHEET_TEXT', 'NOSCRIPT_TEXT', 'TEMPLATE_TEXT', 'COOKIE_TEXT', 'COMMENT_TEXT', 'SIDEBAR_TEXT', 'FORM_TEXT', 'FOOTER_TEXT', 'HIDDEN_TEXT', 'TEASER_CAPTION'];

describe('extractHtml on the seed article rendered as a Press TV page', () => {
  const doc = extractHtml(fixture('presstv-seed.html'), { url: SEED_URL, contentType: 'text/html; charset=utf-8' });
  const corpus = readFileSync(new URL('../../corpus/presstv-putin-biden.txt', import.meta.url), 'utf8');
  const corpusParagraphs = corpus.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim());

  it('starts with the headline, then the date line, then the two captions, each its own paragraph with a hint', () => {
    expect(hintRows(doc)).toEqual([
      'headline html/h1 "Kremlin expects ‘no breakthroughs’ in Putin-Biden summit"',
      'dateline html/class-date "Tuesday, 07 December 2021 10:04 AM [ Last Update: Tuesday, 07 December 2021 12:30 PM ]"',
      `caption html/figcaption "${corpusParagraphs[2]!.split(' Kremlin spokesperson')[0]}"`,
      'caption html/figcaption "Kremlin spokesperson Dmitry Peskov"',
      'boilerplate html/class-promo "Advertisement"',
    ]);
    expect(doc.text.startsWith('Kremlin expects ‘no breakthroughs’ in Putin-Biden summit\n\n')).toBe(true);
  });

  it('gives the body paragraphs of the corpus text, in order, with entities decoded and nothing else unhinted', () => {
    const first = corpusParagraphs.findIndex((p) => p.startsWith('The Kremlin says no'));
    const last = corpusParagraphs.findIndex((p) => p.startsWith('The Russian president has previously'));
    expect(unhinted(doc)).toEqual(corpusParagraphs.slice(first, last + 1));
  });

  it('leaves out the breadcrumb, share bar, closing address lines, related news, comments, cookie notice and every script', () => {
    for (const marker of [...NEVER_IN_TEXT, 'News / Russia', 'Facebook', 'alternate addresses', 'Roku', 'Related news', 'Most viewed', 'Breaking:']) {
      expect(doc.text, marker).not.toContain(marker);
    }
  });

  it('reads the metadata, the canonical URL resolved against the page URL', () => {
    expect(doc.meta).toEqual({
      title: 'Kremlin expects ‘no breakthroughs’ in Putin-Biden summit',
      siteName: 'PressTV',
      published: '2021-12-07T10:04:00+00:00',
      canonicalUrl: SEED_URL,
      lang: 'en',
      description: 'Moscow does not expect a breakthrough from the virtual meeting between the Russian and US presidents.',
    });
  });

  it('gives the same result for the page as a string', () => {
    expect(extractHtml(fixture('presstv-seed.html').toString('utf8'), { url: SEED_URL })).toEqual(doc);
  });
});

describe('extractHtml on a WordPress-style news template', () => {
  const doc = extractHtml(fixture('news-template.html'), { url: 'https://ledger.example/2024/03/14/bridge-budget/' });

  it('lays out headline, standfirst, byline and date, then the story with captions, credits, pull-quote and plugs hinted', () => {
    expect(hintRows(doc)).toEqual([
      'headline html/h1 "Riverton council approves £4.2m bridge repair budget"',
      'standfirst html/class-standfirst "Councillors back emergency works after engineers warn of corrosion"',
      'byline html/class-byline "By Priya Raman and Tom Okafor"',
      'dateline html/class-date "14 March 2024"',
      'caption html/figcaption "The Mill Lane bridge has been closed to lorries since January."',
      'credit html/class-credit "Photo: Dana Whitfield/Ledger"',
      'pull-quote html/class-pullquote "“We cannot keep patching a bridge that thousands of people cross every day”"',
      'pull-quote html/class-pullquote "Margaret Hale"',
      'caption html/wp-caption-text "A crack in the bridge\'s north pier, photographed by council engineers in February."',
      'boilerplate html/class-newsletter "Get the Ledger\'s morning briefing: the day\'s local news in your inbox, every weekday, free of charge."',
      'caption html/table-caption "How the budget is split"',
      'caption html/figcaption "Councillors during Wednesday\'s vote."',
      'credit html/figure-small "Photo: Ledger staff"',
    ]);
  });

  it('keeps the structure of the story: list items, table rows, <br>, <q>, <pre> and entities', () => {
    expect(unhinted(doc)).toEqual([
      'Riverton\'s council voted 9-3 on Wednesday night to spend £4.2m repairing the Mill Lane bridge, which engineers say has corroded faster than expected since its last inspection in 2019.',
      'The leader of the council, Margaret Hale, said the decision was overdue. “We cannot keep patching a bridge that thousands of people cross every day”, she told the meeting.',
      'Opposition councillor Ben Aldous said the money should have come from the regional transport fund instead. He added:\n"Local taxpayers are paying twice."',
      'The works will be carried out in three phases:',
      'replacing the bearings under the eastern span,',
      'treating the steel girders against rust, and',
      'resurfacing the deck & footpaths.',
      'Phase | Cost',
      'Bearings | £1.6m',
      'Girders | £1.9m',
      'The bridge is expected to reopen to all traffic in the autumn, the council said, although engineers have warned that the timetable depends on the weather.',
      'Council vote: 9 for\n              3 against',
      'Residents can comment on the plans at the town hall until 31 March.',
    ]);
  });

  it('never shows scripts, hidden text, comments, the cookie banner, the sidebar or teaser captions', () => {
    for (const marker of NEVER_IN_TEXT) expect(doc.text, marker).not.toContain(marker);
  });

  it('reads JSON-LD @graph (authors through @id references), og tags and the og:locale', () => {
    expect(doc.meta).toEqual({
      title: 'Riverton council approves £4.2m bridge repair budget',
      byline: 'Priya Raman and Tom Okafor',
      published: '2024-03-14T08:30:00+00:00',
      siteName: 'The Riverton Ledger',
      canonicalUrl: 'https://ledger.example/2024/03/14/bridge-budget/',
      lang: 'en-GB',
      description: 'Councillors voted 9-3 to fund repairs to the Mill Lane bridge.',
    });
  });
});

describe('extractHtml layout', () => {
  const page = (body: string, head = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
  const long = (n: number) => `Paragraph ${n} of the story has words enough, commas, and clauses, so that Readability takes it for an article, as it would a real report.`;
  const story = [1, 2, 3, 4].map((n) => `<p>${long(n)}</p>`).join('');

  it.each<[string, string, string]>([
    ['collapses inline white space and decodes entities', '<p>  a  \n  b&nbsp;&amp;&eacute;&#x1F600;  </p>', 'a b &é😀'],
    ['turns <br> into a line break inside the paragraph', '<p>one<br>two<br/>three</p>', 'one\ntwo\nthree'],
    ['ends the paragraph at two <br> in a row, as Readability does', '<p>one<br>two<br/> <br>three</p>', 'one\ntwo\n\nthree'],
    ['gives a div its own text as paragraphs around its child blocks', '<div>before<p>inside</p>after</div>', 'before\n\ninside\n\nafter'],
    ['makes list items and description terms paragraphs', '<ul><li>a</li><li>b</li></ul><dl><dt>c</dt><dd>d</dd></dl>', 'a\n\nb\n\nc\n\nd'],
    ['joins table cells of a row with a bar', '<table><tr><td>x</td><td>y</td></tr><tr><th>z</th></tr></table>', 'x | y\n\nz'],
    ['keeps the lines of <pre> without blank lines', '<pre>a  b\n\n  c</pre>', 'a  b\n  c'],
    ['wraps <q> in curly quotes', '<p>She said <q>no</q>.</p>', 'She said “no”.'],
    ['drops scripts, styles, templates, noscript, forms controls and hidden elements', '<p>a<script>x</script><style>y</style><template>t</template><noscript>n</noscript><button>b</button><span hidden>h</span><span style="display: none">s</span><span aria-hidden="true">r</span>z</p>', 'az'],
    ['skips navigation menus', '<nav><a href="/">Home</a></nav><div role="navigation">Menu</div><p>text</p>', 'text'],
  ])('%s', (_name, body, expected) => {
    expect(extractHtml(page(body)).text).toBe(expected);
  });

  it('uses the whole page when Readability finds no article (a short page), with the h1 as headline', () => {
    const doc = extractHtml(page('<h1>Short note</h1><p>One line.</p><div class="share-tools">Share this</div><p>Two lines.</p>'));
    expect(doc.text).toBe('Short note\n\nOne line.\n\nShare this\n\nTwo lines.');
    expect(hintRows(doc)).toEqual(['headline html/h1 "Short note"', 'boilerplate html/class-share "Share this"']);
  });

  it('handles fragments and pages without <body>, which linkedom alone would empty', () => {
    expect(extractHtml('<p>fragment</p>').text).toBe('fragment');
    expect(extractHtml('<html><head><title>T</title></head><p>body-less</p></html>').text).toBe('T\n\nbody-less');
  });

  it('takes the metadata title as headline when the only <h1> is the site logo', () => {
    const doc = extractHtml(page(`<header><h1>Daily Bugle</h1></header><article>${story}</article>`, '<meta property="og:site_name" content="Daily Bugle"><title>Mayor opens new library | Daily Bugle</title>'));
    expect(hintRows(doc)[0]).toBe('headline meta/title "Mayor opens new library"');
  });

  it('writes "By" before a byline known only from metadata, and the published date when no <time> shows it', () => {
    const doc = extractHtml(page(`<article>${story}</article>`, '<meta name="author" content="Ana Lima"><meta property="article:published_time" content="2024-05-01T09:00:00Z"><title>Harbour reopens after storm repairs</title>'));
    expect(hintRows(doc).slice(0, 3)).toEqual([
      'headline meta/title "Harbour reopens after storm repairs"',
      'byline meta/author "By Ana Lima"',
      'dateline meta/published "2024-05-01T09:00:00Z"',
    ]);
  });

  it('does not take page-state classes (comments-open, has-related) for boilerplate', () => {
    const doc = extractHtml(page(`<div class="post comments-open has-related">${story}</div>`));
    expect(doc.hints).toEqual([]);
    expect(doc.text.split('\n\n')).toHaveLength(4);
  });

  it('marks boilerplate that survives Readability inside the story', () => {
    const doc = extractHtml(page(`<article>${story}<div class="newsletter-box"><p>Sign up to our newsletter for a daily digest of the news, sent to your inbox every morning, free.</p></div><p>${long(5)}</p></article>`));
    expect(hintRows(doc)).toEqual(['boilerplate html/class-newsletter "Sign up to our newsletter for a daily digest of the news, sent to your inbox every morning, free."']);
  });

  it('returns empty text and no hints for empty, blank and markup-only input', () => {
    for (const input of ['', '   ', '<html></html>', '<!-- only a comment -->', new Uint8Array(0)]) {
      expect(extractHtml(input)).toEqual({ text: '', hints: [], meta: {} });
    }
  });

  it('survives binary junk', () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    const doc = extractHtml(junk);
    expect(typeof doc.text).toBe('string');
    expect(doc.text).not.toContain('\n\n\n');
  });
});
