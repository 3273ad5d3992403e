import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadLexicons } from '../../src/core/data/index.ts';
import { segmentArticle } from '../../src/core/text/index.ts';
import { BOILERPLATE, boilerplateOf, LINE, lineKeyWords, withKeyWordIds } from '../../src/core/roles/boilerplate.ts';

// The key words only spare lines the patterns: the decision must be the first pattern that matches, as if
// every pattern were tried on every line.
const decisions = BOILERPLATE.map(([name, pattern]) => [pattern, name] as const);
const firstMatching = (line: string): string | null => decisions.find(([pattern]) => pattern.test(line))?.[1] ?? null;
const decide = (line: string): { found: string | null; keyWords: number } => {
  const article = segmentArticle(line, loadLexicons().abbreviations);
  const tokens = withKeyWordIds(article.tokens);
  const keyWords = lineKeyWords(line, tokens, 0, tokens.count);
  return { found: boilerplateOf(line, keyWords, decisions), keyWords };
};

describe('boilerplate key words', () => {
  it.each([
    ['Sign up for our morning briefing newsletter', 'newsletter'],
    ['This site can also be accessed at presstv.ir', 'alternate-addresses'],
    ['co-register for e-mail UPDATES today', 'newsletter'],
    ['Download the free app_store app', 'app-plug'],
    ['Leave a Reply', 'comments'],
    ['12 comments', 'comments'],
    ['© 2021 Press TV', 'copyright'],
    ['We use cookies to improve your experience.', 'cookies'],
    ['café-click here for more', 'click-here'],
    ['Visit our mirror sites', 'alternate-addresses'],
    ['Available on the App Store and Google Play', 'app-plug'],
    ['Get our app', 'app-plug'],
    ['Follow Press TV on Telegram', 'follow-us'],
    ['Join our channel on WhatsApp', 'follow-us'],
    ['Your email address will not be published.', 'comments'],
    ['Log in to comment', 'comments'],
    ['Comments are moderated', 'comments'],
    ['View all 12 comments', 'comments'],
    ['Read our cookie policy', 'cookies'],
    ['Accept all cookies', 'cookies'],
    ['All Rights Reserved.', 'copyright'],
    ['Tap here to listen', 'click-here'],
    ['The minister said all members would follow the rules.', null],
  ])('%s: %s', (line, expected) => {
    expect(decide(line).found).toBe(expected);
    expect(firstMatching(line)).toBe(expected);
  });

  it('a line no pattern spares is decided as if every pattern ran (any words, cases, joiners, letters outside ASCII)', () => {
    const words = ['sign', 'up', 'for', 'our', 'newsletter', 'Alerts', 'can', 'also', 'be', 'accessed', 'at', 'follow', 'us', 'on', 'x', 'leave', 'a', 'reply', 'view', 'all', '12', 'comments', 'this', 'site', 'uses', 'cookies', 'cookie', 'policy', 'rights', 'reserved', 'click', 'tap', 'here', 'get', 'the', 'app', 'google', 'play', 'pictured', 'file', 'photo', 'é', '_', "'s", '-', '.', '(c)', 'copyright'];
    const joiners = [' ', ' ', ' ', '-', '_', "'", 'é', '.', '/', ''];
    const line = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...joiners), fc.boolean()), { minLength: 1, maxLength: 12 }).map((parts) => parts.map(([word, joiner, upper]) => (upper ? word.toUpperCase() : word) + joiner).join('').trim());
    fc.assert(
      fc.property(line, (text) => {
        const { found, keyWords } = decide(text);
        expect(found).toBe(firstMatching(text));
        if (/\b(?:pictured|file photo)\b/i.test(text)) expect(keyWords & LINE.pictured).not.toBe(0);
      }),
      { numRuns: 3000 },
    );
  });
});
