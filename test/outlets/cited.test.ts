import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citedSourceSchema, findCitedSources, loadSourceTables } from '../../src/core/outlets/index.ts';

const tables = loadSourceTables();
const seed = readFileSync(new URL('../../corpus/presstv-putin-biden.txt', import.meta.url), 'utf8');
/** Each cited source as `how "evidence" outlet-id label`, checking the span on the way. */
function cited(text: string): string[] {
  return findCitedSources(text, tables).map((source) => {
    citedSourceSchema.parse(source);
    expect(text.slice(source.start, source.end)).toBe(source.text);
    const id = source.card === null ? '-' : (source.card.outlet?.id ?? source.card.domain ?? '?');
    return `${source.how} "${source.text}" ${id}${source.card === null ? '' : ` ${source.card.reliability.label}`}`;
  });
}

describe('findCitedSources', () => {
  it('lists the seed’s photo credit and its own website line', () => {
    expect(cited(seed)).toEqual(['credit "(AFP photo)" afp high', 'self-reference "Press TV’s website" press-tv very-low']);
  });

  it.each([
    ['according to', 'The minister quit, according to Reuters, on Monday.', ['according-to "according to Reuters" reuters high']],
    ['according to, sentence start', 'According to the BBC, the talks failed.', ['according-to "According to the BBC" bbc high']],
    ['according to a described agency', "According to Russia's state news agency TASS, troops moved.", ['according-to "According to Russia\'s state news agency TASS" tass low']],
    ['citing', 'Prices rose, the ministry said, citing Bloomberg News data.', ['according-to "citing Bloomberg News" bloomberg high']],
    ['a reporting verb', 'Reuters reported that the talks had failed.', ['reported "Reuters reported" reuters high']],
    ['a verb after an appositive', 'Xinhua, the official news agency, said the plan was approved.', ['reported "Xinhua, the official news agency, said" xinhua low']],
    ['told', 'A diplomat told the BBC that talks would resume.', ['reported "told the BBC" bbc high']],
    ['an interview', 'In an interview with Al Jazeera, he denied it.', ['reported "interview with Al Jazeera" al-jazeera high']],
    ['a possessive report', "The New York Times' report was denied. CNN's correspondent said so.", ['mention "The New York Times" nyt high', 'reported "CNN\'s correspondent" cnn high']],
    ['an acronym gloss', 'Agence France-Presse (AFP) reported the blast.', ['reported "Agence France-Presse (AFP) reported" afp high']],
    ['photo credits', 'A soldier walks (AP Photo/Evan Vucci) near the border (AFP photo).', ['credit "(AP Photo/Evan Vucci)" ap high', 'credit "(AFP photo)" afp high']],
    ['wire credits', 'Photograph: Jane Doe/Reuters\nREUTERS/Evelyn Hockstein', ['credit "Photograph: Jane Doe/Reuters" reuters high', 'credit "REUTERS/Evelyn Hockstein" reuters high']],
    ['a photographer before the agency', 'Troops crossed the river at dawn. Jane Smith/AFP', ['credit "Smith/AFP" afp high']],
    ['a dateline', 'MOSCOW (Reuters) - The Kremlin said no breakthroughs were expected.', ['credit "MOSCOW (Reuters) -" reuters high']],
    ['a request for comment', 'Police did not respond to questions from Reuters.', ['reported "questions from Reuters" reuters high']],
    ['a contribution line', 'The talks failed.\nReuters contributed to this report.', ['credit "Reuters contributed" reuters high']],
    ['unnamed state media', 'Iranian state media reported the launch. State television said it went well.', ['reported "state media reported" -', 'reported "State television said" -']],
    ['state media among other uses of state', 'The state budget passed. Government-owned newspapers said so, and state-run\u00A0TV reported it.', ['reported "Government-owned newspapers said" -', 'reported "state-run\u00A0TV reported" -']],
    // Matched as the whole pattern matches, whatever the case: the long s (U+017F) is an s under its u and i flags.
    ['state media in capitals or with a long s', 'OFFICIAL MEDIA reported the launch. The \u017Ftate pre\u017Fs said it went well.', ['reported "OFFICIAL MEDIA reported" -', 'reported "\u017Ftate pre\u017Fs said" -']],
    ['named state media', 'The state news agency IRNA reported the launch.', ['reported "IRNA reported" irna not-rated']],
    ['a distinctive mention', 'Fox News host Tucker Carlson spoke. See presstv.ir for more.', ['mention "Fox News" fox-news low', 'mention "presstv.ir" press-tv very-low']],
    // An acronym's possessive 's is no lower-case letter of the acronym; a capitalised name may be in capitals.
    ['an acronym in the possessive', "A diplomat told the BBC's correspondent so.", ['reported "told the BBC" bbc high']],
    ['a name in capitals', 'A diplomat told AL JAZEERA that talks would resume.', ['reported "told AL JAZEERA" al-jazeera high']],
    // A name with a unit outside ASCII: its own key when it keeps its form without marks (a curly possessive),
    // else looked up without its marks (written with an accent, or with a combining one).
    ['a name with an accent or a curly possessive', 'A diplomat told Clar\u00EDn so. Clar\u00EDn\u2019s reporter agreed. Clari\u0301n reported it. A diplomat told the BBC\u2019s correspondent so.', ['reported "told Clar\u00EDn" clarin not-rated', 'reported "Clar\u00EDn\u2019s reporter" clarin not-rated', 'reported "Clari\u0301n reported" clarin not-rated', 'reported "told the BBC" bbc high']],
    // The longest cues, after a long line: each is read within the line's last words, and found whole.
    [
      'the longest according-to cue late in a long line',
      'Troops who had crossed the river at dawn were seen near the old mill on Sunday, according to the country’s official state-run report by the BBC.',
      ['according-to "according to the country’s official state-run report by the BBC" bbc high'],
    ],
    [
      'the longest told-or-by cue late in a long line',
      'Officials in the ministry that oversees the troops near the river did not answer requests for comment from the country’s official state-run Xinhua.',
      ['reported "requests for comment from the country’s official state-run Xinhua" xinhua low'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(cited(text)).toEqual(expected);
  });

  it.each([
    ['a person who shares a name', 'Michael Bloomberg said he would run.'],
    ['a longer proper name', 'Sputnik V is a vaccine. The Reuters Institute published a study.'],
    ['a name that is also a word', 'People said they were worried about Time and Focus.'],
    ['a noun phrase after a cue', 'According to the Australian government, and according to Gulf officials, it rained.'],
    ['an acronym used for something else', 'Growth in the MENA region slowed.'],
    ['an ambiguous name', 'ABC reported the fire.'],
    // Case matters: an acronym must be in capitals, a name must start with one.
    ['an acronym not in capitals', 'A diplomat told the Bbc that talks would resume, according to bbc.'],
    ['a name in lower case', 'A diplomat told al jazeera that talks would resume.'],
  ])('finds nothing in %s', (_name, text) => {
    expect(cited(text)).toEqual([]);
  });

  it('keeps every citation, but a mention or self-reference once per outlet', () => {
    const text = 'Reuters reported it. Reuters reported it again. Fox News host Jane Doe spoke. Fox News host John Doe spoke.';
    expect(cited(text)).toEqual(['reported "Reuters reported" reuters high', 'reported "Reuters reported" reuters high', 'mention "Fox News" fox-news low']);
  });

  it('links each source to a card with its own query', () => {
    const [source] = findCitedSources('Sources told the BBC so.', tables);
    expect(source?.name).toBe('BBC');
    expect(source?.card?.query).toBe('BBC');
    expect(source?.card?.domain).toBe('bbc.co.uk');
  });

  it('gives sorted, disjoint, exact spans and never throws, on any input', () => {
    const pieces = fc.constantFrom('Reuters', ' reported', 'according to ', 'the BBC', '(AFP photo)', '(', ')', 'AP Photo/', 'Jane', 'state media', ' said', '\n', ' ', ',', 'Press TV', '’s website', 'presstv.ir', 'Michael ', 'Bloomberg', '\uD83D\uDE00', '\uD83D', '\u0000', 'İ', '©', '\r\n');
    const text = fc.oneof(fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join('')), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }));
    fc.assert(
      fc.property(text, (input) => {
        let previousEnd = 0;
        for (const source of findCitedSources(input, tables)) {
          expect(source.start).toBeGreaterThanOrEqual(previousEnd);
          expect(source.end).toBeGreaterThan(source.start);
          expect(source.end).toBeLessThanOrEqual(input.length);
          expect(input.slice(source.start, source.end)).toBe(source.text);
          previousEnd = source.end;
        }
      }),
      { numRuns: 400 },
    );
  });
});
