// What a library user sees when they pass analyze() the wrong thing: one short line saying what was wrong
// and where, as an InputError they can catch by class (exported with the library's other error classes).
import { describe, expect, it } from 'vitest';
import { analyze, IngestError, InputError, LexiconError } from '../../src/index.ts';

describe('analyze() on input of the wrong shape', () => {
  it.each([
    ['a number', 42, 'analyze() takes a string or an object with text, html or url; got a number'],
    ['null', null, 'analyze() takes a string or an object with text, html or url; got null'],
    ['bytes alone', new Uint8Array([60, 112, 62]), 'analyze() takes a string or an object with text, html or url; got bytes (pass a page as {html: bytes})'],
    ['an object without the article', { title: 'T' }, 'analyze() needs the article as text, html or url; the object has none of them'],
    ['text and html together', { text: 'a', html: '<p>b</p>' }, 'analyze() takes text or html, not both'],
    ['a text that is not a string', { text: 5 }, 'invalid input to analyze(): "text": Invalid input: expected string, received number'],
    ['a title that is not a string', { text: 'The council met.', title: 3 }, 'invalid input to analyze(): "title": expected a string'],
  ])('%s', (_name, input, message) => {
    let caught: unknown;
    try {
      analyze(input as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).message).toBe(message);
    expect((caught as InputError).code).toBe('invalid-input');
    expect((caught as InputError).message).not.toContain('\n');
  });

  it('exports every error class a caller may catch', () => {
    expect([InputError, IngestError, LexiconError].map((error) => error.name)).toEqual(['InputError', 'IngestError', 'LexiconError']);
  });
});
