import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/edges/ingest/index.ts';
import type { DocumentMeta } from '../../src/core/roles/block-roles.ts';

const metaOf = (head: string, body = '', url?: string): DocumentMeta =>
  extractHtml(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, url === undefined ? {} : { url }).meta;
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('page metadata', () => {
  it.each<[string, string, string, DocumentMeta]>([
    ['<title> minus the site name given by og:site_name', '<title>Floods close schools — Valley Post</title><meta property="og:site_name" content="Valley Post">', '', { title: 'Floods close schools', siteName: 'Valley Post' }],
    ['<title> minus a guessed site suffix', '<title>Floods close three schools | VP</title>', '', { title: 'Floods close three schools' }],
    ['<title> with a site prefix', '<title>Valley Post - Floods close schools</title><meta property="og:site_name" content="Valley Post">', '', { title: 'Floods close schools', siteName: 'Valley Post' }],
    ['a short <title> kept whole', '<title>Floods | VP</title>', '', { title: 'Floods | VP' }],
    ['og:title over JSON-LD and <title>', `<meta property="og:title" content="OG headline"><title>Title headline here | X</title>${ld({ '@type': 'NewsArticle', headline: 'LD headline' })}`, '', { title: 'OG headline' }],
    ['JSON-LD headline (ReportageNewsArticle, type as a URL) over <title>', `<title>Title words here | X</title>${ld({ '@type': 'http://schema.org/ReportageNewsArticle', headline: 'LD headline' })}`, '', { title: 'LD headline' }],
    ['JSON-LD in @graph with author, publisher and language by @id', ld({ '@context': 'https://schema.org', '@graph': [{ '@type': 'Organization', '@id': '#org', name: 'Org Name' }, { '@type': ['Article'], headline: 'Graph headline', author: { '@id': '#p' }, publisher: { '@id': '#org' }, inLanguage: 'de-AT', datePublished: '2020-01-02' }, { '@type': 'Person', '@id': '#p', name: 'Eva Graf' }] }), '', { title: 'Graph headline', byline: 'Eva Graf', siteName: 'Org Name', lang: 'de-AT', published: '2020-01-02' }],
    ['JSON-LD authors as strings and objects, URLs skipped', ld({ '@type': 'NewsArticle', headline: 'H', author: ['Ann Lee', { '@type': 'Person', name: 'Bo Chen' }, { name: 'https://x.example/cy' }, { givenName: 'Dee', familyName: 'Moss' }] }), '', { title: 'H', byline: 'Ann Lee, Bo Chen and Dee Moss' }],
    ['JSON-LD with raw newlines in strings, wrapped in a comment', '<script type="application/ld+json"><!--\n{"@type":"NewsArticle","headline":"Line one\nline two"}\n--></script>', '', { title: 'Line one line two' }],
    ['broken JSON-LD ignored', '<script type="application/ld+json">{"@type": "NewsArticle", headline: nope}</script><title>Fallback title words | Site</title>', '', { title: 'Fallback title words' }],
    ['meta author, "By" removed; URLs are not names', '<meta name="author" content="By Kim Park"><meta property="article:author" content="https://facebook.com/kim">', '', { byline: 'Kim Park' }],
    ['rel=author links outside comments', '', '<div class="byline">By <a rel="author" href="/a">Lu Wen</a></div><div id="comments"><a rel="author" href="/c">Commenter</a></div><p>x</p>', { byline: 'Lu Wen' }],
    ['published from a <time datetime> when no tag has it', '', '<p>Posted <time datetime="2023-04-05T06:07:08Z">5 April</time></p>', { published: '2023-04-05T06:07:08Z' }],
    ['published from article:published_time over JSON-LD', `<meta property="article:published_time" content="2022-02-02">${ld({ '@type': 'NewsArticle', headline: 'H', datePublished: '2021-01-01' })}`, '', { title: 'H', published: '2022-02-02' }],
    ['language from og:locale when <html lang> is absent', '<meta property="og:locale" content="pt_BR">', '', { lang: 'pt-BR' }],
    ['description from meta description', '<meta name="description" content="  A   summary.  ">', '', { description: 'A summary.' }],
  ])('%s', (_name, head, body, expected) => {
    expect(metaOf(head, body)).toEqual(expected);
  });

  it('resolves a relative canonical link against the page URL, and skips it without one', () => {
    expect(metaOf('<link rel="canonical" href="/story/1">', '', 'https://news.example/a?b=c').canonicalUrl).toBe('https://news.example/story/1');
    expect(metaOf('<link rel="canonical" href="/story/1">').canonicalUrl).toBeUndefined();
    expect(metaOf('<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://news.example/og">').canonicalUrl).toBe('https://news.example/og');
  });

  it('reads <html lang> first', () => {
    expect(extractHtml('<html lang="fr"><head><meta property="og:locale" content="en_US"></head><body><p>x</p></body></html>').meta.lang).toBe('fr');
  });
});
