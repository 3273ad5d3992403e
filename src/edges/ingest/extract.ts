/**
 * Step 7: a page to the article's text with block hints. The passes, in order:
 *
 * 1. decode bytes (01-charset) and parse (02-parse);
 * 2. read metadata (03-metadata) and the breadcrumb (06-furniture), and walk the untouched page into
 *    role-tagged blocks (04-roles, 05-blocks); this must happen first because Readability rewrites the DOM
 *    in place;
 * 3. run Readability on the same document to learn which blocks are the article, and walk its output (its reads
 *    of every element's class, style and text kept light: light-reads.ts);
 * 4. match each output block to the page block with the same text, which gives it the role its markup
 *    had on the page (Readability unwraps `<div class="share-bar">` into a bare `<p>`, losing the class);
 * 5. put back figure captions and credits Readability dropped, and the story's furniture it left out
 *    (06-furniture: share bars, closing notices, tags, related links, comment headings), in page order;
 * 6. lay out: breadcrumb, headline, standfirst, byline, dateline, then the body, one paragraph each,
 *    separated by a blank line.
 *
 * When Readability finds nothing (short pages, fragments), the page walk itself is the body.
 */
import { readabilityLibrary } from './libraries.ts';
import type { BlockHint, BlockRole, DocumentMeta } from '../../core/roles/block-roles.ts';
import { decodeHtmlBytes } from './charset.ts';
import { isElement, parseDocument, type DomDocument, type DomNode } from './dom.ts';
import { readMetadata, readPageHead, sameTitle } from './metadata.ts';
import { blockKey, walkBlocks, type Block, type TimeMention } from './dom-blocks.ts';
import { readBreadcrumb, storyFurniture, type PageBlocks, type PlacedBlock } from './furniture.ts';
import { foldLineRuns, unfoldLineRuns, watchRetry, type FoldedRun } from './line-runs.ts';
import { lightenBylineTest, withLightReads } from './light-reads.ts';

export type ExtractedDocument = { text: string; hints: BlockHint[]; meta: DocumentMeta };

export type ExtractOptions = { url?: string; contentType?: string };

/** `at`: the index of the page block it shows, when it is one. */
type Paragraph = { text: string; role?: BlockRole; rule?: string; at?: number };

/** Paragraphs are separated by one blank line, which the text segmenter reads as a paragraph break. */
const PARAGRAPH_SEPARATOR = '\n\n';

/**
 * Readability's time grows faster than linearly with nesting depth and its recursion overflows the stack
 * past about 2000 levels; real pages nest a few dozen deep. Deeper pages (hostile or broken) are read
 * with the page walk alone.
 */
const MAX_READABILITY_DEPTH = 400;

/**
 * Under that depth Readability is linear but its time per KB grows with the page's depths: its conditional
 * cleaning reads the text and the tags of every descendant of every div, which is each element once per element
 * around it. The sum of the elements' depths (from the page walk) per character of the page tracks it, and past 1
 * Readability is not run. Towers of `<div>` around a few words, 30 KB, CPU ms a KB (and the sum): 10 deep 8.6
 * (0.47), 20 deep 11 (0.92), 50 deep 37 (2.3), 100 deep 52 (4.6), 200 deep 145 (9.1), 390 deep 367 (17.7): 11-21
 * ms a KB per unit of the sum. Real pages are far below 1: 0.06 and 0.05 for the news pages of test/fixtures/html,
 * at most 0.094 on the 308 HTML inputs of the identity set, at most 0.21 on 400 rustdoc pages (dense markup, 2-93
 * KB). Under 1 the slowest page met costs what towers 10-20 deep do (8-11 ms a KB; news with 390-deep towers
 * making the sum 0.96: 3-7); past it the towers are read by the page walk alone, at 0.2-0.7 ms a KB.
 */
const MAX_DEPTH_SUM_PER_CHARACTER = 1;

/**
 * When the article it finds has fewer than 500 characters (its default threshold), Readability puts the whole page
 * back from a copy of its markup and reads it again with looser rules, up to four readings in all. A page whose
 * visible text (the page walk's blocks) is that short takes all four, and on a page of many elements that is
 * costly: 1 MB of empty `<i></i>`, 150,000 elements, took 5.9 s and peaked at 744 MB in Readability alone (100
 * KB: 750 ms). Such a page, with more than this many elements, is read by the page walk alone; whatever
 * Readability found on it would be under 500 characters. Real pages hold up to 90,000 elements (602 measured),
 * but with this little text a page is a shell or a wall, not an article.
 */
const READABILITY_CHAR_THRESHOLD = 500;
const MAX_ELEMENTS_WITH_LITTLE_TEXT = 3000;

/** HTML (string, or bytes with an optional Content-Type for the charset) -> the article's text with block hints; never throws on any input. */
export function extractHtml(html: string | Uint8Array, options: ExtractOptions = {}): ExtractedDocument {
  try {
    const source = typeof html === 'string' ? html : decodeHtmlBytes(html, options.contentType).text;
    return extractFromSource(source, options.url);
  } catch {
    // Last resort for inputs that break the parser itself; every step below already guards its own failures.
    return { text: '', hints: [], meta: {} };
  }
}

function extractFromSource(source: string, url: string | undefined): ExtractedDocument {
  const document = parseDocument(source);
  // Read once for both, before anything changes the page.
  const head = safely(() => readPageHead(document), undefined);
  const meta = head === undefined ? {} : safely(() => readMetadata(document, url, head), {});
  const breadcrumb = safely(() => readBreadcrumb(document, head), undefined);
  const root = document.body ?? document.documentElement;
  const page = root === null ? { blocks: [], times: [], elements: [], maxDepth: 0, depthSum: 0, entered: 0 } : walkBlocks(root);
  const affordable = page.maxDepth <= MAX_READABILITY_DEPTH && page.depthSum <= MAX_DEPTH_SUM_PER_CHARACTER * source.length && !(page.entered > MAX_ELEMENTS_WITH_LITTLE_TEXT && textLength(page.blocks) < READABILITY_CHAR_THRESHOLD);
  const article = affordable ? safely(() => readabilityBlocks(document, source), undefined) : undefined;

  const headline = chooseHeadline(meta, page.blocks);
  if (meta.title === undefined && headline !== undefined) meta.title = headline.text;

  // Readability's article when it found one that matches the page, else the whole page walk.
  const matched = article === undefined ? [] : matchToPage(article.output.blocks, page.blocks);
  const body = matched.length > 0 ? withPageBlocks(matched, page, headline?.at) : page.blocks;
  if (matched.length > 0 && meta.byline === undefined && article?.byline) meta.byline = article.byline;

  const standfirst = chooseStandfirst(page.blocks);
  const byline = chooseByline(meta, page.blocks);
  const dateline = chooseDateline(meta, page.blocks, page.times);

  const trail: Paragraph | undefined = breadcrumb === undefined ? undefined : { text: breadcrumb.text, role: 'breadcrumb', rule: breadcrumb.rule };
  const header = [trail, headline, standfirst, byline, dateline].filter((p): p is Paragraph => p !== undefined);
  const paragraphs = [...header, ...withoutRepeats(body, header, meta)];
  return layout(paragraphs, meta);
}

// The characters of the blocks' text, up to the threshold (past it the sum is not needed).
function textLength(blocks: readonly Block[]): number {
  let length = 0;
  for (let i = 0; i < blocks.length && length < READABILITY_CHAR_THRESHOLD; i++) length += (blocks[i] as Block).text.length;
  return length;
}

function safely<T>(step: () => T, fallback: T): T {
  try {
    return step();
  } catch {
    return fallback;
  }
}

type ArticleBlocks = { output: { blocks: Block[] }; byline?: string };

/** A page without `<br>` has no line runs to fold (line-runs.ts), and the search for them is skipped. */
const LINE_BREAK_TAG = /<br(?=[\s>/])/i;

/**
 * Readability's article as blocks (undefined when it finds none); its nodes are walked like the page. Runs
 * of `<br>`-separated lines are folded while it reads (line-runs.ts); when its retry rewrote the page from
 * HTML with the runs folded, the page is parsed again and read unfolded.
 */
function readabilityBlocks(document: DomDocument, source: string): ArticleBlocks | undefined {
  const body = document.body;
  const retried = body !== null && LINE_BREAK_TAG.test(source) ? watchRetry(body) : undefined;
  const runs = body !== null && retried !== undefined ? foldLineRuns(document, body) : [];
  const article = readArticle(document, runs, runs.length > 0 ? retried : undefined);
  if (article !== RETRIED) return article;
  const unfolded = readArticle(parseDocument(source), [], undefined);
  return unfolded === RETRIED ? undefined : unfolded;
}

/** What `readArticle` gives when Readability's retry rewrote the page with its line runs folded. */
const RETRIED = Symbol('retried');

function readArticle(document: DomDocument, runs: readonly FoldedRun[], retried: (() => boolean) | undefined): ArticleBlocks | undefined | typeof RETRIED {
  // linkedom's document is enough for Readability: it needs documentElement, the query methods and
  // createElement; `serializer` returns the content node itself so there is no HTML round trip.
  const reader = new (readabilityLibrary().Readability)<DomNode>(document as never, { keepClasses: true, serializer: (node) => node as unknown as DomNode });
  lightenBylineTest(reader);
  const root = document.documentElement;
  const result = root === null ? reader.parse() : withLightReads(root, () => reader.parse());
  // Its result read from a page it rewrote folded is not walked: the page is read again unfolded.
  if (retried?.() === true) {
    unfoldLineRuns(runs);
    return RETRIED;
  }
  const content = result?.content;
  if (content === null || content === undefined || !isElement(content)) return undefined;
  unfoldLineRuns(runs);
  // Its blocks are matched to the page's, whose elements place them: its own elements are not needed.
  const output = walkBlocks(content, false);
  const byline = result?.byline?.replace(/\s+/g, ' ').replace(/^by\s+/i, '').trim();
  return byline ? { output, byline } : { output };
}

/** One of Readability's blocks with the index of the page block it matched, if any, and its `blockKey`. */
type Matched = { block: Block; at: number | undefined; key: string };

/**
 * Give each of Readability's blocks the role of the page block with the same text (searching forward
 * from the last match, so repeated texts pair up in order), and drop blocks whose text the page walk did
 * not show at all.
 */
function matchToPage(output: readonly Block[], page: readonly Block[]): Matched[] {
  // Each text's page positions in order, with how many of them lie before the cursor: the cursor only moves
  // forward, so a text repeated on every block (a page of identical paragraphs) is passed over once in all,
  // where searching its list from the start for every block took time quadratic in the page's length.
  const positions = new Map<string, { readonly list: number[]; passed: number }>();
  const keyOf = blockKeys();
  const pageKeys = page.map((block) => keyOf(block.text));
  pageKeys.forEach((key, index) => {
    const found = positions.get(key);
    if (found) found.list.push(index);
    else positions.set(key, { list: [index], passed: 0 });
  });
  let cursor = 0;
  let pageText: string | undefined;
  const shownOnPage = (key: string) => (pageText ??= pageKeys.join('')).includes(key);
  const matched: Matched[] = [];
  for (const block of output) {
    const key = keyOf(block.text);
    const candidates = positions.get(key);
    let at: number | undefined;
    if (candidates !== undefined) {
      const { list } = candidates;
      while (candidates.passed < list.length && list[candidates.passed]! < cursor) candidates.passed++;
      // The first position at or after the cursor, else the text's first on the page.
      at = list[candidates.passed] ?? list[0];
    }
    if (at === undefined) {
      // Text split differently from the page walk is kept; text the walk refused (a navigation div
      // Readability unwrapped into a bare <p>, a hidden element) is not.
      if (shownOnPage(key)) matched.push({ block, at: undefined, key });
      continue;
    }
    cursor = Math.max(cursor, at + 1);
    const source = page[at]!;
    // The page's markup is complete, so its role wins over what survived in Readability's copy.
    const roled: Block = { text: block.text, inLink: source.inLink, inFigure: source.inFigure, element: source.element };
    const role = source.role ?? block.role;
    const rule = source.role !== undefined ? source.rule : block.rule;
    if (role !== undefined && rule !== undefined) {
      roled.role = role;
      roled.rule = rule;
    }
    matched.push({ block: roled, at, key });
  }
  return matched;
}

/**
 * `blockKey` of a text, made once per text: Readability's copy of a page block has the page's text, and a key
 * is a fresh string as long as the block (a page of 1 MB in one block of `<br>`-separated lines made it twice,
 * 1 MB each time in V8's large-object space). A long text is looked up by its content (hashed and compared
 * without a copy); a short one is keyed again, as cheap as the look-up.
 */
function blockKeys(): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    if (text.length < LONG_BLOCK) return blockKey(text);
    let key = known.get(text);
    if (key === undefined) {
      key = blockKey(text);
      known.set(text, key);
    }
    return key;
  };
}
const LONG_BLOCK = 4096;

/**
 * Readability's blocks with what it dropped put back, each before the first article block that follows it
 * on the page: the page's figure captions and credits before the article's last block (captions after it
 * are sidebars' and teasers'), and the story's furniture (06-furniture).
 */
function withPageBlocks(matched: readonly Matched[], page: PageBlocks, headlineAt: number | undefined): Block[] {
  const kept = new Set(matched.map((m) => m.at).filter((at): at is number => at !== undefined));
  const keptKeys = new Set(matched.map(({ key }) => key));
  let lastKept = -1;
  for (const at of kept) if (at > lastKept) lastKept = at;
  const captions: PlacedBlock[] = [];
  page.blocks.forEach((block, at) => {
    if ((block.role === 'caption' || block.role === 'credit') && !block.inLink && at < lastKept && !kept.has(at) && !keptKeys.has(blockKey(block.text))) captions.push({ block, at });
  });
  const taken = new Set([...kept, ...captions.map(({ at }) => at)]);
  const splitDifferently = matched.filter(({ at }) => at === undefined).map(({ key }) => key).join('\u0000');
  // The story's prose places its container: a plug Readability took from beside the story would widen it.
  const prose = [...kept].filter((at) => page.blocks[at]!.role === undefined);
  const furniture = safely(() => storyFurniture(page, prose.length > 0 ? prose : [...kept], headlineAt, taken, splitDifferently), []);
  const missing = [...captions, ...furniture].sort((a, b) => a.at - b.at);

  const result: Block[] = [];
  let next = 0;
  for (const { block, at } of matched) {
    while (at !== undefined && next < missing.length && missing[next]!.at < at) result.push(missing[next++]!.block);
    result.push(block);
  }
  while (next < missing.length) result.push(missing[next++]!.block);
  return result;
}

/**
 * The headline: the page's first `<h1>` when it says the same as the metadata title (or there is no
 * metadata title), else the metadata title. A site logo in an `<h1>` is not taken for the headline.
 */
function chooseHeadline(meta: DocumentMeta, page: readonly Block[]): Paragraph | undefined {
  const site = meta.siteName;
  // An <h1> that reads like the site's name and not like the title is the logo.
  const headings = page.filter((block) => block.rule === 'html/h1' && !(site !== undefined && sameTitle(block.text, site) && !sameTitle(block.text, meta.title ?? '')));
  const title = meta.title;
  const h1 = title === undefined ? headings[0] : headings.find((block) => sameTitle(block.text, title));
  if (h1 !== undefined) return { text: h1.text.replace(/\n/g, ' '), role: 'headline', rule: 'html/h1', at: page.indexOf(h1) };
  if (title !== undefined) return { text: title, role: 'headline', rule: 'meta/title' };
  return undefined;
}

/** Stands under the headline; Readability drops it with the page header, so it is taken from the page walk. */
const MAX_STANDFIRST_LENGTH = 500;

/** The standfirst (dek, subtitle) the page shows under its headline, if any. */
function chooseStandfirst(page: readonly Block[]): Paragraph | undefined {
  const shown = page.find((block) => block.role === 'standfirst' && !block.inLink && block.text.length <= MAX_STANDFIRST_LENGTH);
  return shown === undefined ? undefined : { text: shown.text.replace(/\n/g, ' '), role: 'standfirst', rule: shown.rule ?? 'html/class-standfirst' };
}

/** The byline as the page shows it ("By Jane Doe"), else "By " and the metadata's names. */
function chooseByline(meta: DocumentMeta, page: readonly Block[]): Paragraph | undefined {
  const shown = page.find((block) => block.role === 'byline' && !block.inLink);
  if (shown !== undefined) {
    if (meta.byline === undefined) meta.byline = shown.text.replace(/^by\s+/i, '').replace(/\n/g, ' ');
    return { text: shown.text.replace(/\n/g, ' '), role: 'byline', rule: shown.rule ?? 'html/class-byline' };
  }
  if (meta.byline === undefined) return undefined;
  return { text: /^by\b/i.test(meta.byline) ? meta.byline : `By ${meta.byline}`, role: 'byline', rule: 'meta/author' };
}

/**
 * The date line as the page shows it: its date block (`.news-date`, a lone `<time>`), preferring the one
 * holding the `<time>` of the published date; else that `<time>`'s text; else the published date as written.
 * Without a published date in the metadata, the first `<time>` supplies it.
 */
function chooseDateline(meta: DocumentMeta, page: readonly Block[], times: readonly TimeMention[]): Paragraph | undefined {
  const candidates = times.filter((time) => !time.inBoilerplate && (time.text !== '' || time.datetime !== undefined));
  let time: TimeMention | undefined;
  if (meta.published === undefined) {
    time = candidates.find((t) => t.datetime !== undefined) ?? candidates[0];
    if (time !== undefined) meta.published = time.datetime ?? time.text;
  } else {
    const day = meta.published.slice(0, 10);
    time = candidates.find((t) => t.text !== '' && t.datetime?.slice(0, 10) === day);
  }
  const dateBlocks = page.filter((block) => block.role === 'dateline' && !block.inLink);
  const shown = (time === undefined || time.text === '' ? undefined : dateBlocks.find((block) => block.text.includes(time.text))) ?? dateBlocks[0];
  if (shown !== undefined) return { text: shown.text.replace(/\n/g, ' '), role: 'dateline', rule: shown.rule ?? 'html/time' };
  if (time !== undefined && time.text !== '') return { text: time.text, role: 'dateline', rule: 'html/time' };
  if (meta.published !== undefined) return { text: meta.published, role: 'dateline', rule: 'meta/published' };
  return undefined;
}

/** Body blocks minus the ones the header already shows (the headline Readability kept as an h2, the byline, the breadcrumb). */
function withoutRepeats(body: readonly Block[], header: readonly Paragraph[], meta: DocumentMeta): Paragraph[] {
  const shown = new Set(header.map((p) => blockKey(p.text.toLowerCase())));
  if (meta.byline !== undefined) {
    shown.add(blockKey(meta.byline.toLowerCase()));
    shown.add(blockKey(`by ${meta.byline}`.toLowerCase()));
  }
  if (meta.published !== undefined) shown.add(blockKey(meta.published.toLowerCase()));
  const headline = header.find((p) => p.role === 'headline');
  const hasBreadcrumb = header.some((p) => p.role === 'breadcrumb');
  let longestShown = 0;
  for (const key of shown) if (key.length > longestShown) longestShown = key.length;
  return body
    .filter((block) => {
      if (!longerKeyThan(block.text, longestShown) && shown.has(blockKey(block.text.toLowerCase()))) return false;
      // The header's breadcrumb stands for the page's (a trail of <li> items walks as several blocks).
      if (hasBreadcrumb && block.role === 'breadcrumb') return false;
      return !(block.role === 'headline' && headline !== undefined && sameTitle(block.text, headline.text));
    })
    .map((block) => {
      const paragraph: Paragraph = { text: block.text };
      if (block.role !== undefined && block.rule !== undefined) {
        paragraph.role = block.role;
        paragraph.rule = block.rule;
      }
      return paragraph;
    });
}

/**
 * Whether `blockKey(text.toLowerCase())` is longer than `length`, told without making it: lower-casing never
 * shortens a character nor makes one white space, so the key holds at least the text's characters that are not
 * white space. The count stops past `length`, so a long block (1 MB of `<br>` lines is one) is not copied twice
 * to be compared with a headline. White space is what `\s` matches, as in blockKey.
 */
function longerKeyThan(text: string, length: number): boolean {
  if (text.length <= length) return false;
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x20 && code < 0x7f) {
      if (++visible > length) return true;
    } else if (!WHITE_SPACE.test(text[i]!)) {
      if (++visible > length) return true;
    }
  }
  return false;
}
const WHITE_SPACE = /\s/;

/** Join paragraphs with blank lines; one hint per paragraph that has a role, with offsets into the text. */
function layout(paragraphs: readonly Paragraph[], meta: DocumentMeta): ExtractedDocument {
  const hints: BlockHint[] = [];
  let text = '';
  for (const paragraph of paragraphs) {
    if (paragraph.text === '') continue;
    if (text !== '') text += PARAGRAPH_SEPARATOR;
    const start = text.length;
    text += paragraph.text;
    if (paragraph.role !== undefined && paragraph.rule !== undefined) hints.push({ start, end: text.length, role: paragraph.role, rule: paragraph.rule });
  }
  return { text, hints, meta };
}
