// Input that is not an article: empty, white space, or a binary file's bytes, told apart from real text
// (including text with a few bytes that did not decode, which is still an article).
import { describe, expect, it } from 'vitest';
import { notAnArticle, notAnArticleBytes } from '../../src/core/text/index.ts';

const ARTICLE = 'The council met on Monday. "We will reopen the ferry," the mayor said.\n\nCritics were not convinced.';

describe('notAnArticle', () => {
  it.each([
    ['empty', '', 'empty', /empty/],
    ['white space only', ' \n\t\n  ', 'empty', /only white space/],
    ['a NUL character', `${ARTICLE}\u0000rest`, 'not-text', new RegExp(`NUL character at offset ${ARTICLE.length}`)],
    ['mostly control characters', '\u0001\u0002\u0003ELF\u0004\u0005\u0006\u0007\u0008'.repeat(50), 'not-text', /\d+% of its first 550 characters/],
    ['mostly undecodable bytes', '\uFFFD\uFFFDPNG\uFFFD\uFFFD\uFFFD'.repeat(40), 'not-text', /undecodable/],
  ])('refuses %s', (_name, text, code, message) => {
    const problem = notAnArticle(text);
    expect(problem?.code).toBe(code);
    expect(problem?.message).toMatch(message);
  });

  it.each([
    ['an article', ARTICLE],
    ['one word', 'Hello'],
    ['a few bytes that did not decode (a Windows-1252 file read as UTF-8)', `${ARTICLE.replace('mayor', 'maire\uFFFD')} ${'The talks went on. '.repeat(20)}`],
    ['tabs, form feeds and carriage returns', 'Table:\tone\ttwo\r\n\fNext page.'],
    ['any script', 'Переговоры продолжатся. 会谈将继续。 المحادثات ستستمر.'],
  ])('accepts %s', (_name, text) => {
    expect(notAnArticle(text)).toBeNull();
  });
});

describe('notAnArticleBytes', () => {
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('refuses an empty page and a page of white space', () => {
    expect(notAnArticleBytes(new Uint8Array(0))?.code).toBe('empty');
    expect(notAnArticleBytes(encode('  \n\n '))?.code).toBe('empty');
  });

  it('refuses the bytes of a binary file (NUL) and of control bytes', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(notAnArticleBytes(png)).toMatchObject({ code: 'not-text', message: expect.stringMatching(/NUL byte at offset 8/) });
    expect(notAnArticleBytes(Uint8Array.from({ length: 400 }, (_, i) => 1 + (i % 7)))?.code).toBe('not-text');
  });

  it('accepts a page in any charset: bytes of 0x80 and above are characters, not controls', () => {
    expect(notAnArticleBytes(encode(`<p>${ARTICLE}</p>`))).toBeNull();
    expect(notAnArticleBytes(Uint8Array.from([0x3c, 0x70, 0x3e, 0xc9, 0xe9, 0xe8, 0xe0, 0x20, 0x61, 0x3c, 0x2f, 0x70, 0x3e]))).toBeNull();
  });
});
