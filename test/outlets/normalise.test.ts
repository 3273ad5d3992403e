import { describe, expect, it } from 'vitest';
import { normaliseDomain } from '../../src/core/outlets/index.ts';

describe('normaliseDomain', () => {
  it.each([
    ['presstv.ir', { host: 'presstv.ir', domain: 'presstv.ir', path: '/' }],
    ['https://www.presstv.ir/Detail/2021/12/07/x', { host: 'presstv.ir', domain: 'presstv.ir', path: '/Detail/2021/12/07/x' }],
    ['presstv.ir/Detail/x?id=1#top', { host: 'presstv.ir', domain: 'presstv.ir', path: '/Detail/x' }],
    ['WWW.BBC.CO.UK.', { host: 'bbc.co.uk', domain: 'bbc.co.uk', path: '/' }],
    ['https://m.bbc.co.uk/news', { host: 'bbc.co.uk', domain: 'bbc.co.uk', path: '/news' }],
    ['amp.theguardian.com', { host: 'theguardian.com', domain: 'theguardian.com', path: '/' }],
    ['http://www2.mobile.reuters.com:8080/a', { host: 'reuters.com', domain: 'reuters.com', path: '/a' }],
    // An edition label is a real part of the site: kept in the host, the domain is still cnn.com.
    ['edition.cnn.com', { host: 'edition.cnn.com', domain: 'cnn.com', path: '/' }],
    ['news.sky.com', { host: 'news.sky.com', domain: 'sky.com', path: '/' }],
    ['//www.rt.com/news', { host: 'rt.com', domain: 'rt.com', path: '/news' }],
    ['https://user:pw@www.rt.com:443/a', { host: 'rt.com', domain: 'rt.com', path: '/a' }],
    ['  aljazeera.com  ', { host: 'aljazeera.com', domain: 'aljazeera.com', path: '/' }],
    // IDN: the URL parser gives the punycode form, which is what tables list.
    ['https://münchen.de/', { host: 'xn--mnchen-3ya.de', domain: 'xn--mnchen-3ya.de', path: '/' }],
  ])('%s', (input, expected) => {
    expect(normaliseDomain(input)).toEqual(expected);
  });

  it.each([
    ['the AMP cache', 'https://www-presstv-ir.cdn.ampproject.org/c/s/www.presstv.ir/Detail/x', 'presstv.ir', '/Detail/x', 'cdn.ampproject.org'],
    ["Google's AMP viewer", 'https://www.google.com/amp/s/www.rt.com/news/1/', 'rt.com', '/news/1/', 'www.google.com'],
    ['the Wayback Machine', 'https://web.archive.org/web/20211207000000/https://www.presstv.ir/Detail/x', 'presstv.ir', '/Detail/x', 'web.archive.org'],
    ['Google Translate', 'https://www-presstv-ir.translate.goog/Detail/x', 'presstv.ir', '/Detail/x', 'translate.goog'],
  ])('unwraps %s', (_name, input, domain, path, mirror) => {
    expect(normaliseDomain(input)).toMatchObject({ domain, path, mirror });
  });

  it.each(['', '   ', 'hello', 'Press TV', 'localhost', 'http://localhost:8080/x', '1.2.3.4', 'http://[::1]/', 'a..b', 'file.notatld', 'http://', '%%%', 'x'.repeat(5000) + '.com'])('returns null for %j', (input) => {
    expect(normaliseDomain(input)).toBeNull();
  });
});
