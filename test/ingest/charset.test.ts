import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtmlBytes, decodeText, extractHtml } from '../../src/edges/ingest/index.ts';

const encode = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));
const bytes = (...values: number[]) => Uint8Array.from(values);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

const page = (charsetTag: string, body: string) => `<!doctype html><html><head>${charsetTag}<title>t</title></head><body><p>${body}</p></body></html>`;

describe('decoding HTML bytes', () => {
  it.each<[string, Uint8Array, string | undefined, string, string]>([
    ['windows-1252 from the Content-Type', encode(page('', '“Café” costs 5€'), 'windows-1252'), 'text/html; charset=windows-1252', 'windows-1252', 'content-type'],
    // Pages labelled ISO-8859-1 use 0x80-0x9F for curly quotes; the web decodes them as windows-1252.
    ['ISO-8859-1 label read as windows-1252', concat(new TextEncoder().encode('<p>'), bytes(0x93, 0x68, 0x69, 0x94, 0x20, 0xe9), new TextEncoder().encode('</p>')), 'text/html; charset="ISO-8859-1"', 'windows-1252', 'content-type'],
    ['Shift_JIS from <meta charset>', encode(page('<meta charset="Shift_JIS">', '日本語のニュース'), 'shift_jis'), undefined, 'cp932', 'meta'],
    ['GBK from <meta http-equiv>', encode(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', '中文新闻报道'), 'gbk'), 'text/html', 'gb18030', 'meta'],
    ['UTF-16LE with BOM, over a wrong Content-Type', concat(bytes(0xff, 0xfe), encode(page('', 'Grüße aus Köln'), 'utf-16le')), 'text/html; charset=windows-1252', 'utf-16le', 'bom'],
    ['UTF-16BE with BOM', concat(bytes(0xfe, 0xff), encode(page('', 'Привет'), 'utf-16be')), undefined, 'utf-16be', 'bom'],
    ['UTF-8 with BOM', concat(bytes(0xef, 0xbb, 0xbf), new TextEncoder().encode(page('', 'naïve'))), 'text/html; charset=iso-8859-1', 'utf-8', 'bom'],
    ['Content-Type over <meta>', encode(page('<meta charset="utf-8">', 'Ärger'), 'windows-1252'), 'text/html; charset=cp1252', 'windows-1252', 'content-type'],
    // A page that can be read as ASCII cannot really be UTF-16, whatever its <meta> says.
    ['<meta> claiming UTF-16 read as UTF-8', new TextEncoder().encode(page('<meta charset="utf-16">', 'déjà vu')), undefined, 'utf-8', 'meta'],
    ['unknown labels ignored', new TextEncoder().encode(page('<meta charset="x-no-such-charset">', 'ok ✓')), 'text/html; charset=bogus', 'utf-8', 'utf-8-default'],
    ['undeclared valid UTF-8', new TextEncoder().encode(page('', 'Zürich — 東京')), undefined, 'utf-8', 'utf-8-default'],
    ['undeclared bytes that are not UTF-8 read as windows-1252', encode(page('', 'café – naïve'), 'windows-1252'), undefined, 'windows-1252', 'windows-1252-fallback'],
  ])('%s', (_name, input, contentType, charset, source) => {
    const decoded = decodeHtmlBytes(input, contentType);
    expect({ charset: decoded.charset, source: decoded.source }).toEqual({ charset, source });
    expect(decoded.text).not.toContain('\uFFFD');
  });

  it('reads the declared text correctly', () => {
    expect(decodeHtmlBytes(encode(page('', '“Café” costs 5€'), 'windows-1252'), 'text/html; charset=windows-1252').text).toContain('“Café” costs 5€');
    expect(decodeHtmlBytes(bytes(0x93, 0x68, 0x69, 0x94), 'text/html; charset=iso-8859-1').text).toBe('“hi”');
    expect(decodeHtmlBytes(encode(page('<meta charset="Shift_JIS">', '日本語のニュース'), 'shift_jis')).text).toContain('日本語のニュース');
    expect(decodeHtmlBytes(concat(bytes(0xfe, 0xff), encode('<p>Привет</p>', 'utf-16be'))).text).toBe('<p>Привет</p>');
  });

  it('ignores a <meta charset> inside a comment and one beyond the first 1024 bytes', () => {
    const commented = new TextEncoder().encode(`<!-- <meta charset="shift_jis"> --><p>é</p>`);
    expect(decodeHtmlBytes(commented).charset).toBe('utf-8');
    const late = new TextEncoder().encode(`<!doctype html>${' '.repeat(1100)}<meta charset="windows-1252"><p>é</p>`);
    expect(decodeHtmlBytes(late).source).toBe('utf-8-default');
  });
});

describe('extractHtml on encoded pages', () => {
  it('gives the article text of a Shift_JIS page and a GBK page', () => {
    const japanese = encode(`<html><head><meta charset="shift_jis"><title>東京で大雪 | 新聞</title></head><body><h1>東京で大雪</h1><p>交通機関に乱れが出ています。</p></body></html>`, 'shift_jis');
    expect(extractHtml(japanese).text).toBe('東京で大雪\n\n交通機関に乱れが出ています。');
    const chinese = encode(`<html><head><title>北京新闻</title></head><body><p>今天北京下雪了。</p></body></html>`, 'gbk');
    expect(extractHtml(chinese, { contentType: 'text/html; charset=GBK' }).text).toBe('北京新闻\n\n今天北京下雪了。');
  });
});

describe('decodeText for text/plain documents', () => {
  it.each<[string, Uint8Array, string | undefined, string]>([
    ['UTF-8 by default', new TextEncoder().encode('Grüße\n'), 'text/plain', 'Grüße\n'],
    ['the Content-Type charset', encode('Café “quoted”', 'windows-1252'), 'text/plain; charset=windows-1252', 'Café “quoted”'],
    ['a UTF-16 BOM', concat(bytes(0xff, 0xfe), encode('Привет', 'utf-16le')), undefined, 'Привет'],
    ['windows-1252 when undeclared bytes are not UTF-8', encode('naïve', 'windows-1252'), undefined, 'naïve'],
    // <meta> is markup, not a charset declaration, in a plain-text document.
    ['no <meta> prescan', new TextEncoder().encode('<meta charset="shift_jis"> é'), 'text/plain', '<meta charset="shift_jis"> é'],
  ])('%s', (_name, body, contentType, expected) => {
    expect(decodeText(body, contentType)).toBe(expected);
  });
});
