import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractHtml, type ExtractedDocument } from '../../src/edges/ingest/index.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/html/${name}`, import.meta.url));
const SEED_URL = 'https://www.presstv.ir/Detail/2021/12/07/672464/Kremlin-Putin-Biden-summit-no-breakthroughs';

/** Hints as `role rule "text"` rows, in text order. */
function hintRows(doc: ExtractedDocument): string[] {
  return doc.hints.map((h) => `${h.role} ${h.rule} "${doc.text.slice(h.start, h.end)}"`);
}

/** Every paragraph as `role text`, `body` for the ones no hint covers. */
function paragraphRows(doc: ExtractedDocument): string[] {
  const roles = new Map(doc.hints.map((h) => [h.start, h.role]));
  const rows: string[] = [];
  let start = 0;
  for (const paragraph of doc.text.split('\n\n')) {
    rows.push(`${roles.get(start) ?? 'body'} ${paragraph}`);
    start += paragraph.length + 2;
  }
  return rows;
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

  const first = corpusParagraphs.findIndex((p) => p.startsWith('The Kremlin says no'));
  const last = corpusParagraphs.findIndex((p) => p.startsWith('The Russian president has previously'));
  const story = corpusParagraphs.slice(first, last + 1);

  it('lays out the breadcrumb, headline, date line and captions, the body with its advertisement label, then the closing furniture, in page order', () => {
    const [firstHalf, secondHalf] = [story.slice(0, 6), story.slice(6)];
    expect(paragraphRows(doc)).toEqual([
      'breadcrumb News / Russia',
      'headline Kremlin expects ‘no breakthroughs’ in Putin-Biden summit',
      'dateline Tuesday, 07 December 2021 10:04 AM [ Last Update: Tuesday, 07 December 2021 12:30 PM ]',
      `caption ${corpusParagraphs[2]!.split(' Kremlin spokesperson')[0]}`,
      'caption Kremlin spokesperson Dmitry Peskov',
      // The share bar sits between the pictures and the story on the page.
      'boilerplate Facebook Twitter Telegram',
      ...firstHalf.map((p) => `body ${p}`),
      'boilerplate Advertisement',
      ...secondHalf.map((p) => `body ${p}`),
      'boilerplate Press TV’s website can also be accessed at the following alternate addresses:',
      'boilerplate Press TV News Roku',
      'boilerplate Russia US Ukraine',
      'boilerplate Related news',
      'boilerplate Another story about the summit',
      'boilerplate Sanctions talk ahead of the call',
      'boilerplate Comments',
    ]);
  });

  it('names the markup behind each hint', () => {
    expect(hintRows(doc)).toEqual([
      'breadcrumb html/class-breadcrumb "News / Russia"',
      'headline html/h1 "Kremlin expects ‘no breakthroughs’ in Putin-Biden summit"',
      'dateline html/class-date "Tuesday, 07 December 2021 10:04 AM [ Last Update: Tuesday, 07 December 2021 12:30 PM ]"',
      `caption html/figcaption "${corpusParagraphs[2]!.split(' Kremlin spokesperson')[0]}"`,
      'caption html/figcaption "Kremlin spokesperson Dmitry Peskov"',
      'boilerplate html/class-share "Facebook Twitter Telegram"',
      'boilerplate html/class-promo "Advertisement"',
      'boilerplate html/story-furniture "Press TV’s website can also be accessed at the following alternate addresses:"',
      'boilerplate html/story-furniture "Press TV News Roku"',
      'boilerplate html/class-tags "Russia US Ukraine"',
      'boilerplate html/class-related "Related news"',
      'boilerplate html/class-related "Another story about the summit"',
      'boilerplate html/class-related "Sanctions talk ahead of the call"',
      'boilerplate html/class-comments "Comments"',
    ]);
  });

  it('writes the breadcrumb and the closing lines as the seed text has them, so the text rules and the outlet detector read the same words', () => {
    const paragraphs = doc.text.split('\n\n');
    expect(paragraphs[0]).toBe(corpusParagraphs[0]);
    expect(paragraphs).toContain(corpusParagraphs[corpusParagraphs.length - 2]);
    expect(paragraphs).toContain(corpusParagraphs[corpusParagraphs.length - 1]);
  });

  it('gives the body paragraphs of the corpus text, in order, with entities decoded and nothing else unhinted', () => {
    expect(unhinted(doc)).toEqual(story);
  });

  it('leaves out the site menu, ticker, teaser pictures, comment bodies and form, sidebar, site footer, cookie notice and every script', () => {
    for (const marker of [...NEVER_IN_TEXT, 'West Asia', 'Breaking:', 'Teaser photo caption', 'Reader A', 'Most viewed', 'All rights reserved']) {
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

  it('lays out headline, standfirst, byline and date, then the story with captions, credits, pull-quote, plugs and closing furniture hinted', () => {
    expect(hintRows(doc)).toEqual([
      'headline html/h1 "Riverton council approves £4.2m bridge repair budget"',
      'standfirst html/class-standfirst "Councillors back emergency works after engineers warn of corrosion"',
      'byline html/class-byline "By Priya Raman and Tom Okafor"',
      'dateline html/class-date "14 March 2024"',
      'caption html/figcaption "The Mill Lane bridge has been closed to lorries since January."',
      'credit html/class-credit "Photo: Dana Whitfield/Ledger"',
      'boilerplate html/class-share "Share this:"',
      'boilerplate html/class-share "Facebook"',
      'boilerplate html/class-share "X"',
      'boilerplate html/class-share "Email"',
      'pull-quote html/class-pullquote "“We cannot keep patching a bridge that thousands of people cross every day”"',
      'pull-quote html/class-pullquote "Margaret Hale"',
      'caption html/wp-caption-text "A crack in the bridge\'s north pier, photographed by council engineers in February."',
      'boilerplate html/class-newsletter "Get the Ledger\'s morning briefing: the day\'s local news in your inbox, every weekday, free of charge."',
      'caption html/table-caption "How the budget is split"',
      'caption html/figcaption "Councillors during Wednesday\'s vote."',
      'credit html/figure-small "Photo: Ledger staff"',
      'boilerplate html/footer "Tagged bridges, council"',
      'boilerplate html/class-related "Related"',
      'boilerplate html/class-related "Bridge closed to lorries"',
      'boilerplate html/class-related "Council tax to rise 4.9%"',
      'boilerplate html/class-comments "3 thoughts on this story"',
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

  it('never shows scripts, hidden text, comment bodies, the cookie banner, the sidebar, the site footer or teaser captions', () => {
    for (const marker of [...NEVER_IN_TEXT, 'Most read', 'Sport']) expect(doc.text, marker).not.toContain(marker);
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


  it('keeps a block of thousands of characters once, in place, and still drops a body block that repeats the headline', () => {
    // Long blocks are matched to the page by a key made once per text, and a block longer than every header
    // line is kept without being compared (extract.ts): the layout must be what short blocks get.
    const lines = Array.from({ length: 200 }, (_, n) => `Line ${n} of the long listing, with words.`).join('<br>');
    const doc = extractHtml(page(`<article><h1>Harbour reopens</h1>${story}<div>${lines}</div><p>Harbour   reopens</p></article>`, '<title>Harbour reopens</title>'));
    const paragraphs = doc.text.split('\n\n');
    expect(paragraphs[0]).toBe('Harbour reopens');
    expect(paragraphs.filter((p) => p.startsWith('Line 0 of')).length).toBe(1);
    expect(paragraphs.find((p) => p.startsWith('Line 0 of'))?.split('\n').length).toBe(200);
    expect(paragraphs.filter((p) => p.replace(/\s+/g, ' ') === 'Harbour reopens').length).toBe(1);
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

  const headed = (body: string, head = '') => page(`${body}`, `<title>Harbour reopens after storm repairs</title>${head}`);
  const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

  it.each<[string, string, string, string]>([
    ['a nav with the class, its own separators kept', '<nav class="breadcrumbs"><a href="/">Home</a> › <a href="/world">World</a></nav>', '', 'html/class-breadcrumb "Home › World"'],
    ['a schema.org BreadcrumbList, its items joined', '<ol itemscope itemtype="https://schema.org/BreadcrumbList"><li><a href="/">Home</a></li><li><a href="/w">World</a></li><li>Europe</li></ol>', '', 'html/itemtype-breadcrumblist "Home / World / Europe"'],
    ['a navigation div labelled Breadcrumb, links without separators', '<div role="navigation" aria-label="Breadcrumb"><a href="/">Home</a><a href="/uk">UK</a></div>', '', 'html/aria-breadcrumb "Home / UK"'],
    ['a list whose items carry the class, separators drawn by CSS', '<ul><li class="breadcrumb-item"><a href="/">News</a></li><li class="breadcrumb-item">Politics</li></ul>', '', 'html/class-breadcrumb "News / Politics"'],
    ['a list under wrappers, hidden items and hidden wrappers left out', '<ol class="breadcrumb"><div><li><a href="/">Home</a></li><li hidden>Secret</li><div style="display:none"><li>Gone</li><li>Too</li></div><li>World</li></div></ol>', '', 'html/class-breadcrumb "Home / World"'],
    ['JSON-LD in position order when the shown one is hidden', '<nav class="breadcrumb" hidden>Hidden / Trail</nav>', ld({ '@type': 'BreadcrumbList', itemListElement: [{ '@type': 'ListItem', position: 2, item: { '@id': '/europe', name: 'Europe' } }, { '@type': 'ListItem', position: 1, name: 'News', item: '/news' }] }), 'meta/jsonld-breadcrumblist "News / Europe"'],
    ['JSON-LD reached through a WebPage @graph reference, URL-only items left out', '', ld({ '@graph': [{ '@type': 'WebPage', breadcrumb: { '@id': '#bc' } }, { '@type': 'BreadcrumbList', '@id': '#bc', itemListElement: [{ position: 1, item: 'https://x.example/' }, { position: 2, name: 'Local' }] }] }), 'meta/jsonld-breadcrumblist "Local"'],
  ])('puts the breadcrumb before the headline: %s', (_name, trail, head, row) => {
    const doc = extractHtml(headed(`<header>${trail}</header><article><h1>Harbour reopens after storm repairs</h1>${story}</article>`, head));
    expect(hintRows(doc).slice(0, 2)).toEqual([`breadcrumb ${row}`, 'headline html/h1 "Harbour reopens after storm repairs"']);
  });

  it('keeps the story\'s closing lines, plugs and bylines as furniture after the body, in page order, and no site chrome', () => {
    const doc = extractHtml(headed(`
      <header class="site-header"><p>Site slogan</p></header>
      <div class="wrap"><article><h1>Harbour reopens after storm repairs</h1>${story}
        <div class="story-footer"><p>Reporting by Ana Lima; editing by Tom Okafor</p><p>Our app is available for phones and tablets</p></div>
      </article>
      <div class="newsletter-box"><p>Sign up for the Harbour Post morning briefing.</p></div>
      <section class="related-stories"><h2>More on this story</h2><ul><li><a href="/a"><figure><img src="t.jpg" alt=""><figcaption>TEASER_CAPTION</figcaption></figure>Storm damage mapped</a></li></ul></section>
      <div id="comments" class="comments-area"><h2 class="comments-title">2 comments</h2><ol><li><p>COMMENT_TEXT: great news.</p></li></ol><form><label>FORM_TEXT</label></form></div>
      <p>Unmarked text after the story</p>
      <aside><h2>Popular</h2><p>SIDEBAR_TEXT</p></aside>
      <div class="share-tools">Share this page</div></div>
      <footer><p>FOOTER_TEXT</p></footer>`));
    expect(paragraphRows(doc).slice(5)).toEqual([
      'byline Reporting by Ana Lima; editing by Tom Okafor',
      'boilerplate Our app is available for phones and tablets',
      'boilerplate Sign up for the Harbour Post morning briefing.',
      'boilerplate More on this story',
      'boilerplate Storm damage mapped',
      'boilerplate 2 comments',
    ]);
    expect(hintRows(doc).slice(1)).toEqual([
      'byline html/story-furniture-byline "Reporting by Ana Lima; editing by Tom Okafor"',
      'boilerplate html/story-furniture "Our app is available for phones and tablets"',
      'boilerplate html/class-newsletter "Sign up for the Harbour Post morning briefing."',
      'boilerplate html/class-related "More on this story"',
      'boilerplate html/class-related "Storm damage mapped"',
      'boilerplate html/class-comments "2 comments"',
    ]);
  });

  it('stops the furniture at the next story of an endless page', () => {
    const doc = extractHtml(headed(`<main><article><h1>Harbour reopens after storm repairs</h1>${story}<div class="tags">Tags: harbour</div></article>
      <div class="share-bar">Share</div>
      <article><h2>Next: ferry timetable changes</h2><p>${long(9)}</p><div class="share-bar">Share the next story</div></article></main>`));
    expect(paragraphRows(doc).slice(5)).toEqual(['boilerplate Tags: harbour', 'boilerplate Share']);
  });

  it('keeps no furniture when the story has no container of its own, its paragraphs sitting in <body>', () => {
    const doc = extractHtml(headed(`<h1>Harbour reopens after storm repairs</h1>${story}<div class="post-footer"><p>The Harbour Post can also be read at harbour.example</p></div>`));
    expect(hintRows(doc)).toEqual(['headline html/h1 "Harbour reopens after storm repairs"']);
    expect(doc.text).not.toContain('can also be read');
  });

  it('returns empty text and no hints for empty, blank and markup-only input', () => {
    for (const input of ['', '   ', '<html></html>', '<!-- only a comment -->', new Uint8Array(0)]) {
      expect(extractHtml(input)).toEqual({ text: '', hints: [], meta: {} });
    }
  });

  // Readability's conditional cleaning reads every div's descendants: on this page (60 KB) it took 6.9 s of CPU
  // before the page walk's sum of depths sent it to the fallback; the timeout is the bound.
  it('reads a page of towers of 390 nested <div> by the page walk alone, every tower\'s words in order, quickly', { timeout: 5_000 }, () => {
    const towers = Array.from({ length: 14 }, (_, i) => `${'<div>'.repeat(390)}Tower ${i} words.${'</div>'.repeat(390)}`);
    const doc = extractHtml(`<html><head><title>Towers</title></head><body>${towers.join('')}</body></html>`);
    expect(doc.text.split('\n\n')).toEqual(['Towers', ...towers.map((_, i) => `Tower ${i} words.`)]);
  });

  // Readability reads a page whose article is under 500 characters four times, putting it back from its markup
  // each time: on this page (1 MB, 150,000 elements) that took 5.9 s and 744 MB; the timeout is the bound.
  it('reads a page of many elements and little text by the page walk alone, quickly', { timeout: 5_000 }, () => {
    const doc = extractHtml(`<html><body><article><p>Words of the story here.</p>${'<i></i>'.repeat(150_000)}</article></body></html>`);
    expect(doc.text).toBe('Words of the story here.');
  });

  it('survives binary junk', () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    const doc = extractHtml(junk);
    expect(typeof doc.text).toBe('string');
    expect(doc.text).not.toContain('\n\n\n');
  });
});
