/**
 * Step 3: the page's metadata, read before Readability rewrites the DOM. Each field takes the first
 * source that has a usable value, in the order listed at the field; JSON-LD is read from every
 * `application/ld+json` script, including `@graph` arrays and `@id` references (Yoast, WordPress, most
 * news CMSs).
 */
import type { DocumentMeta } from '../../core/roles/block-roles.ts';
import { visibleText, type DomDocument, type DomElement } from './dom.ts';

type JsonObject = { [key: string]: unknown };

const ARTICLE_TYPES = /^(?:\w*Article|BlogPosting|LiveBlogPosting|Report)$/;
/** Preferred over generic `Article` when a page declares several. */
const NEWS_TYPES = /NewsArticle$/;
/** Separators between a headline and the site's name in `<title>`; ` : ` and hyphens inside words are left alone. */
const TITLE_SEPARATOR = /\s+(?:\||-|–|—|::|»|·|\/\/)\s+/;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clean(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

function looksLikeUrl(value: string): boolean {
  return /^(?:https?:)?\/\//i.test(value) || /^www\./i.test(value);
}

/** The JSON-LD nodes of a page, flattened (`@graph`, top-level arrays), with an index of `@id`s. */
type JsonLd = { nodes: JsonObject[]; byId: Map<string, JsonObject> };

/**
 * What metadata is read from, found in one search of the page: its `<script>`, `<meta>`, elements with a `rel`,
 * `<title>` (each in page order, as a search for it alone would give them), and the JSON-LD the scripts hold. The
 * metadata and the JSON-LD breadcrumb (readBreadcrumbList) read the same page, unchanged, so they share one: five
 * searches of every element through css-select, and the JSON-LD parsed twice, were ~8% of a page with site
 * furniture.
 */
export type PageHead = { readonly scripts: DomElement[]; readonly metas: DomElement[]; readonly rels: DomElement[]; readonly title: DomElement | undefined; readonly jsonLd: JsonLd };

/** The page's head elements and JSON-LD (PageHead), from one search of `document`; read it before anything changes the page. */
export function readPageHead(document: DomDocument): PageHead {
  const scripts: DomElement[] = [];
  const metas: DomElement[] = [];
  const rels: DomElement[] = [];
  let title: DomElement | undefined;
  // A selector list matches what its selectors match, in page order, each element once.
  for (const element of Array.from(document.querySelectorAll('script, meta, title, [rel]'))) {
    const tag = element.localName.toLowerCase();
    if (tag === 'script') scripts.push(element);
    else if (tag === 'meta') metas.push(element);
    else if (tag === 'title') title ??= element;
    if (element.hasAttribute('rel')) rels.push(element);
  }
  return { scripts, metas, rels, title, jsonLd: readJsonLd(scripts) };
}

function readJsonLd(scripts: readonly DomElement[]): JsonLd {
  const nodes: JsonObject[] = [];
  const byId = new Map<string, JsonObject>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (!isObject(value)) return;
    nodes.push(value);
    const id = value['@id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, value);
    if (value['@graph'] !== undefined) visit(value['@graph'], depth + 1);
  };
  for (const script of scripts) {
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    if (!type.startsWith('application/ld+json')) continue;
    const parsed = parseLenientJson(script.textContent ?? '');
    if (parsed !== undefined) visit(parsed, 0);
  }
  return { nodes, byId };
}

function parseLenientJson(source: string): unknown {
  // CMSs wrap JSON-LD in comments or CDATA, and some leave raw newlines inside strings.
  const body = source
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '');
  try {
    return JSON.parse(body);
  } catch {
    try {
      return JSON.parse(body.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  // `schema:NewsArticle` and `http://schema.org/NewsArticle` name the same type.
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, ''));
}

function findArticle(nodes: readonly JsonObject[]): JsonObject | undefined {
  const articles = nodes.filter((node) => typesOf(node).some((type) => ARTICLE_TYPES.test(type)));
  const withHeadline = (node: JsonObject) => clean(node['headline']) !== undefined;
  return (
    articles.find((node) => withHeadline(node) && typesOf(node).some((type) => NEWS_TYPES.test(type))) ??
    articles.find(withHeadline) ??
    articles[0]
  );
}

function dereference(value: unknown, byId: ReadonlyMap<string, JsonObject>): unknown {
  if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length <= 2) {
    return byId.get(value['@id']) ?? value;
  }
  return value;
}

function nameOf(value: unknown, byId: ReadonlyMap<string, JsonObject>): string | undefined {
  const resolved = dereference(value, byId);
  if (typeof resolved === 'string') return clean(resolved);
  if (!isObject(resolved)) return undefined;
  const name = resolved['name'];
  if (typeof name === 'string') return clean(name);
  if (isObject(name) || Array.isArray(name)) return clean(textValue(name));
  const given = clean(resolved['givenName']);
  const family = clean(resolved['familyName']);
  return given !== undefined || family !== undefined ? [given, family].filter(Boolean).join(' ') : undefined;
}

/** A JSON-LD text value: a string, `{"@value": ...}`, or the first of a list of those. */
function textValue(value: unknown): string | undefined {
  if (Array.isArray(value)) return textValue(value[0]);
  if (isObject(value)) return clean(value['@value']);
  return clean(value);
}

function personNames(value: unknown, byId: ReadonlyMap<string, JsonObject>): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of list) {
    const name = nameOf(item, byId);
    if (name !== undefined && !looksLikeUrl(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string | undefined {
  if (names.length === 0) return undefined;
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** `<meta>` contents keyed by lower-cased `property`, `name`, `itemprop` and `http-equiv`; the first non-empty wins. */
function readMetaTags(metas: readonly DomElement[]): Map<string, string> {
  const tags = new Map<string, string>();
  for (const meta of metas) {
    const content = clean(meta.getAttribute('content'));
    if (content === undefined) continue;
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

function firstOf(tags: ReadonlyMap<string, string>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = tags.get(key);
    if (value !== undefined) return value;
  }
  return undefined;
}

function normaliseForCompare(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * A title without the site's name: `Headline | Site`, `Site - Headline`. With a known site name only that
 * name is removed; without one (for `<title>`), the last segment goes when what is left still reads like
 * a headline (three words or more).
 */
export function stripSiteName(title: string, siteName: string | undefined, guess: boolean): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const separators = title.match(new RegExp(TITLE_SEPARATOR.source, 'g')) ?? [];
  const rejoin = (from: number, to: number) =>
    parts.slice(from, to).reduce((text, part, i) => (i === 0 ? part : `${text}${separators[from + i - 1] ?? ' - '}${part}`), '');
  if (siteName !== undefined) {
    const site = normaliseForCompare(siteName);
    const last = normaliseForCompare(parts[parts.length - 1] ?? '');
    const first = normaliseForCompare(parts[0] ?? '');
    if (site !== '' && last !== '' && (last === site || site.includes(last) || last.includes(site))) return rejoin(0, parts.length - 1).trim();
    if (site !== '' && first !== '' && (first === site || site.includes(first) || first.includes(site))) return rejoin(1, parts.length).trim();
  }
  if (!guess) return title;
  const rest = rejoin(0, parts.length - 1).trim();
  return readsLikeHeadline(rest) ? rest : title;
}

/** Three words or more, or four characters or more of a script written without spaces (Chinese, Japanese, Thai...). */
function readsLikeHeadline(text: string): boolean {
  if (text.split(/\s+/).length >= 3) return true;
  return (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu) ?? []).length >= 4;
}

function resolveHttpUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  try {
    const url = base === undefined ? new URL(href) : new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function languageTag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const tag = value.trim().replace(/_/g, '-');
  return /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(tag) ? tag : undefined;
}

function isInsideChrome(element: DomElement): boolean {
  for (let node = element.parentElement; node !== null; node = node.parentElement) {
    const tag = node.localName.toLowerCase();
    if (tag === 'nav' || tag === 'footer' || tag === 'aside') return true;
    if (/comment/i.test(`${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`)) return true;
  }
  return false;
}

/** Names in visible `rel=author` links, outside navigation, footers, asides and comments. */
function relAuthorNames(rels: readonly DomElement[]): string[] {
  const names: string[] = [];
  // Bounded: each check walks the link's ancestors, and a hostile page could hold thousands of links.
  for (const link of rels.slice(0, 200)) {
    if (!(link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('author')) continue;
    if (link.localName.toLowerCase() === 'link' || isInsideChrome(link)) continue;
    const name = visibleText(link).replace(/^by\s+/i, '');
    if (name !== '' && name.length <= 80 && !looksLikeUrl(name) && !names.includes(name)) names.push(name);
    if (names.length === 5) break;
  }
  return names;
}

function canonicalLink(rels: readonly DomElement[]): string | undefined {
  for (const link of rels) {
    if (link.localName.toLowerCase() !== 'link') continue;
    if ((link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) {
      const href = clean(link.getAttribute('href'));
      if (href !== undefined) return href;
    }
  }
  return undefined;
}

function setIfPresent<K extends keyof DocumentMeta>(meta: DocumentMeta, key: K, value: DocumentMeta[K] | undefined): void {
  if (value !== undefined && value !== '') meta[key] = value;
}

/** Read the page's metadata (never throws; a field is absent when no source has it). */
export function readMetadata(document: DomDocument, pageUrl?: string, head: PageHead = readPageHead(document)): DocumentMeta {
  const tags = readMetaTags(head.metas);
  const { nodes, byId } = head.jsonLd;
  const article = findArticle(nodes);
  const meta: DocumentMeta = {};

  // site name: og:site_name, JSON-LD publisher, application-name
  const siteName =
    tags.get('og:site_name') ?? (article ? nameOf(article['publisher'], byId) : undefined) ?? tags.get('application-name');
  setIfPresent(meta, 'siteName', siteName);

  // title: og:title, JSON-LD headline, twitter:title, <title>; the site's name removed
  const ogTitle = tags.get('og:title');
  const ldTitle = article ? (textValue(article['headline']) ?? textValue(article['name'])) : undefined;
  const twitterTitle = tags.get('twitter:title');
  const pageTitle = clean(head.title?.textContent);
  const title =
    (ogTitle && stripSiteName(ogTitle, siteName, false)) ??
    ldTitle ??
    (twitterTitle && stripSiteName(twitterTitle, siteName, false)) ??
    (pageTitle && stripSiteName(pageTitle, siteName, true));
  setIfPresent(meta, 'title', title);

  // byline: JSON-LD author(s), author meta tags, rel=author links
  const ldAuthors = article ? personNames(article['author'] ?? article['creator'], byId) : [];
  const metaAuthor = firstOf(tags, ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl']);
  const byline =
    joinNames(ldAuthors) ??
    (metaAuthor !== undefined && !looksLikeUrl(metaAuthor) ? metaAuthor.replace(/^by\s+/i, '') : undefined) ??
    joinNames(relAuthorNames(head.rels));
  setIfPresent(meta, 'byline', byline);

  // published: article:published_time, JSON-LD datePublished, other date meta tags (<time> is read with the body)
  const published =
    tags.get('article:published_time') ??
    (article ? textValue(article['datePublished']) : undefined) ??
    firstOf(tags, ['datepublished', 'og:published_time', 'pubdate', 'publishdate', 'publish-date', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.created', 'dc.date', 'date']);
  setIfPresent(meta, 'published', published);

  // canonical URL: link[rel=canonical], og:url, JSON-LD url / mainEntityOfPage; resolved against the page URL
  const ldUrl = article ? (textValue(article['url']) ?? textValue(dereferenceId(article['mainEntityOfPage']))) : undefined;
  const canonical =
    resolveHttpUrl(canonicalLink(head.rels), pageUrl) ?? resolveHttpUrl(tags.get('og:url'), pageUrl) ?? resolveHttpUrl(ldUrl, pageUrl);
  setIfPresent(meta, 'canonicalUrl', canonical);

  // language: <html lang>, og:locale, JSON-LD inLanguage, Content-Language
  const inLanguage = article ? (textValue(article['inLanguage']) ?? nameOf(article['inLanguage'], byId)) : undefined;
  const lang =
    languageTag(document.documentElement?.getAttribute('lang') ?? undefined) ??
    languageTag(document.documentElement?.getAttribute('xml:lang') ?? undefined) ??
    languageTag(tags.get('og:locale')) ??
    languageTag(inLanguage) ??
    languageTag(tags.get('content-language'));
  setIfPresent(meta, 'lang', lang);

  // description: og:description, description, twitter:description, JSON-LD description
  const description =
    tags.get('og:description') ??
    tags.get('description') ??
    tags.get('twitter:description') ??
    (article ? textValue(article['description']) : undefined);
  setIfPresent(meta, 'description', description);

  return meta;
}

/** A breadcrumb of more items than this is a site map, not a trail. */
const MAX_BREADCRUMB_ITEMS = 12;

/**
 * The item names of the page's JSON-LD `BreadcrumbList` (top level, in `@graph`, or a node's `breadcrumb`,
 * by value or `@id`), in `position` order; empty when there is none. Names that are URLs are left out.
 */
export function readBreadcrumbList(document: DomDocument, head: PageHead = readPageHead(document)): string[] {
  const { nodes, byId } = head.jsonLd;
  const isList = (value: unknown): value is JsonObject => isObject(value) && typesOf(value).includes('BreadcrumbList');
  const list = nodes.find(isList) ?? nodes.map((node) => dereference(node['breadcrumb'], byId)).find(isList);
  if (list === undefined) return [];
  const raw = list['itemListElement'];
  const items = (Array.isArray(raw) ? raw : [raw])
    .slice(0, MAX_BREADCRUMB_ITEMS)
    .map((item) => dereference(item, byId))
    .filter(isObject)
    .map((item, order) => ({ item, order, position: Number(textValue(item['position']) ?? Number.NaN) }));
  // By position when every item has one, else as listed.
  if (items.every(({ position }) => Number.isFinite(position))) items.sort((a, b) => a.position - b.position || a.order - b.order);
  const names: string[] = [];
  for (const { item } of items) {
    const name = clean(item['name']) ?? nameOf(item['item'], byId);
    if (name !== undefined && !looksLikeUrl(name)) names.push(name);
  }
  return names;
}

/** `mainEntityOfPage` is a URL string or `{"@id": url}`. */
function dereferenceId(value: unknown): unknown {
  return isObject(value) ? value['@id'] : value;
}

/**
 * True when two titles name the same story: one contains the other (a `<title>` is often a shortened
 * `<h1>`), or most words of the shorter one occur in the longer one. Case and punctuation are ignored.
 */
export function sameTitle(a: string, b: string): boolean {
  const x = normaliseForCompare(a);
  const y = normaliseForCompare(b);
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const [shorter, longer] = x.length < y.length ? [x, y] : [y, x];
  // Containment counts when the shorter one is not a mere word ("News" inside a headline).
  if (longer.includes(shorter) && (shorter.length >= 8 || shorter.length * 2 >= longer.length)) return true;
  const words = (text: string) => new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''));
  const [few, many] = x.length < y.length ? [words(a), words(b)] : [words(b), words(a)];
  if (few.size < 2) return false;
  let shared = 0;
  for (const word of few) if (many.has(word)) shared++;
  return shared / few.size >= 0.6;
}
