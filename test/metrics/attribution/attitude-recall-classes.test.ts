/**
 * Attitude classes measured on real news (issue #12), one table per class, on sentences written for the
 * project: which views a reader is shown as held by someone, and which stay part of another voice.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/index.ts';

/** `mode speaker|cue|content` rows for the attributions of `text`. */
function rows(text: string): string[] {
  const report = analyze(text);
  const said = (span: readonly [number, number, ...unknown[]] | null): string => (span === null ? '-' : report.text.slice(span[0], span[1]));
  return report.attributions.map((a) => `${a.mode} ${said(a.speaker)}|${said(a.cue)}|${said(a.content)}`);
}

describe('a view inside reported speech is part of what was said', () => {
  it.each([
    ['a transcript’s line', 'BERG: Well, I think the whole town needs to work together on the pier.', ['direct BERG|-|Well, I think the whole town needs to work together on the pier']],
    ['a postposed tag', 'Riders want a new pier, Holt said on Monday.', ['indirect Holt|said|Riders want a new pier']],
    ['according to', 'The board is now considering a plan to close the pier, according to two officials.', ['indirect two officials|according to|The board is now considering a plan to close the pier']],
    ['a view beside the statement is its own', 'Holt wants a new pier, and Berg said the board would pay for it.', ['attitude Holt|wants|a new pier', 'indirect Berg|said|the board would pay for it']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});
