import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDomain } from 'tldts';
import { nameIndex } from '../../src/core/outlets/names.ts';
import { normaliseDomain, unpackedAddress } from '../../src/core/outlets/normalise-domain.ts';
import { cardForDomain, cardForKey } from '../../src/core/outlets/ratings.ts';
import { tableDomainOf } from '../../src/core/outlets/tables.ts';
import { labelFor, loadSourceTables, lookupOutlet, outletCardSchema, renderOutletCard, type OutletCard } from '../../src/core/outlets/index.ts';

const tables = loadSourceTables();
const lookup = (query: string): OutletCard => outletCardSchema.parse(lookupOutlet(query, tables));
/** One line per rating, as a user reads them on the card. */
const ratingRows = (card: OutletCard): string[] => card.reliability.ratings.map((r) => `${r.source} ${r.raw}${r.scope === undefined ? '' : ` [${r.scope}]`} -> ${r.score}${r.capped ? ' capped' : ''}${r.counted ? '' : ' not-counted'}`);

describe('spot checks: outlet, ownership and combined label', () => {
  it.each([
    // query, outlet id, ownership, label, score
    ['presstv.ir', 'press-tv', 'state', 'very-low', 0.1],
    ['rt.com', 'rt', 'state', 'very-low', 0.092],
    ['sputniknews.com', 'sputnik', 'state', 'very-low', 0.1],
    ['sputnikglobe.com', 'sputnik', 'state', 'very-low', 0.1],
    ['voiceofrussia.com', 'sputnik', 'state', 'very-low', 0.1],
    ['sputnik.by', 'sputnik', 'state', 'very-low', 0.1],
    ['globaltimes.cn', 'global-times', 'state', 'very-low', 0.1],
    ['bbc.co.uk', 'bbc', 'public-independent', 'high', 0.9],
    ['bbc.com', 'bbc', 'public-independent', 'high', 0.9],
    ['reuters.com', 'reuters', 'private', 'high', 0.9],
    ['nytimes.com', 'nyt', 'private', 'high', 0.9],
    ['aljazeera.com', 'al-jazeera', 'state', 'high', 0.9],
    ['foxnews.com', 'fox-news', 'private', 'low', 0.268],
    ['breitbart.com', 'breitbart', 'private', 'very-low', 0.05],
  ] as const)('%s -> %s, %s, %s', (query, id, ownership, label, score) => {
    const card = lookup(query);
    expect(card.outlet?.id).toBe(id);
    expect(card.outlet?.ownership).toBe(ownership);
    expect(card.reliability.label).toBe(label);
    expect(card.reliability.score).toBeCloseTo(score, 3);
    expect(card.reliability.confidence).toBeGreaterThan(0.5);
  });

  it('keeps every source with its raw value, and deprecation caps the score', () => {
    expect(ratingRows(lookup('presstv.ir'))).toEqual(['wikipedia-rsp deprecated -> 0.1 capped', 'cred1 mixed 0.18 -> 0.18']);
    expect(lookup('presstv.ir').reliability.notes[0]).toBe('combined: wikipedia-rsp 0.1 x2 + cred1 0.18 x1 -> 0.127, capped at 0.1 (wikipedia-rsp: deprecated)');
    expect(ratingRows(lookup('breitbart.com'))).toEqual(['wikipedia-rsp blacklisted -> 0.05 capped', 'cred1 mixed 0.16 -> 0.16']);
  });

  it('keeps the provenance of each rating: version, snapshot, licence and citation', () => {
    const [rsp, cred1] = lookup('presstv.ir').reliability.ratings;
    expect(rsp).toMatchObject({ version: '1.0.0', snapshot: '2026-04-18', license: 'CC BY-SA 4.0', matched: 'presstv.ir' });
    expect(rsp?.citation).toBe('https://en.wikipedia.org/wiki/Wikipedia:Reliable_sources/Perennial_sources (WP:PRESSTV)');
    expect(cred1).toMatchObject({ version: '1.0.0', snapshot: '2026-08-04', license: 'CC BY 4.0' });
    expect(cred1?.citation).toContain('doi:10.2139/ssrn.6448466');
    expect(cred1?.citation).toContain('github.com/aloth/cred-1');
    // RT's RSP row comes from the 2021 snapshot, which had no shortcut.
    expect(lookup('rt.com').reliability.ratings[0]?.snapshot).toBe('2021-03-17');
  });

  it('shows each of Fox News scopes, counts their mean and says so', () => {
    const card = lookup('foxnews.com');
    expect(ratingRows(card)).toEqual([
      'wikipedia-rsp no-consensus [news excluding politics and science] -> 0.55',
      'wikipedia-rsp generally-unreliable [politics and science] -> 0.25',
      'wikipedia-rsp generally-unreliable [talk shows] -> 0.25',
      'cred1 unreliable 0.105 -> 0.105',
    ]);
    expect(card.reliability.notes.join('\n')).toMatch(/rates foxnews\.com only by scope .* counted as their mean, 0\.35/);
  });

  it('lets a general RSP row outrank a scoped one, and leaves past periods out', () => {
    expect(ratingRows(lookup('theguardian.com'))).toEqual(['wikipedia-rsp generally-reliable -> 0.9', 'wikipedia-rsp no-consensus [blogs] -> 0.55 not-counted']);
    expect(lookup('theguardian.com').reliability.label).toBe('high');
    const forbes = lookup('forbes.com');
    expect(ratingRows(forbes).filter((row) => row.endsWith('not-counted'))).toEqual(['wikipedia-rsp generally-reliable [pre–5 August 2010; print issue] -> 0.9 not-counted']);
  });

  it('matches a row with a path only under that path', () => {
    expect(ratingRows(lookup('https://www.forbes.com/advisor/best-loans/'))).toEqual(['wikipedia-rsp generally-unreliable [non-staff] -> 0.25']);
    expect(lookup('pressreader.com/uk/daily-mail/20240101').reliability.label).toBe('very-low');
    expect(lookup('pressreader.com/uk/the-times').reliability.label).toBe('not-rated');
  });

  it('uses another domain of the same outlet when the alias has no row, and says so', () => {
    const card = lookup('presstv.tv');
    expect(ratingRows(card)).toEqual(['wikipedia-rsp deprecated -> 0.1 capped', 'cred1 mixed 0.18 -> 0.18']);
    expect(card.reliability.ratings[1]?.matched).toBe('presstv.ir');
    expect(card.reliability.notes).toContain('no CRED-1 row for presstv.tv; using presstv.ir, another domain of Press TV');
    expect(lookup('dw.de').reliability.ratings[0]?.matched).toBe('dw.com');
  });

  it('notes what a state-controlled outlet has at stake, and never lets ownership move the score', () => {
    const aj = lookup('aljazeera.com');
    expect(aj.outlet?.stateNote).toMatch(/Qatar/);
    expect(aj.reliability.notes.some((n) => n.startsWith('ownership: state-controlled (Qatar)') && n.includes('Ownership does not change the score'))).toBe(true);
    expect(aj.reliability.score).toBe(lookup('nytimes.com').reliability.score);
    expect(lookup('bbc.co.uk').reliability.notes.some((n) => n.startsWith('ownership:'))).toBe(false);
  });

  it('names the country of every state or public outlet in words, from the tables (no ICU load at analysis time)', () => {
    const noted = tables.ownership.rows.filter((row) => row.stateNote !== undefined);
    expect(noted.length).toBeGreaterThan(20);
    for (const row of noted) expect(tables.countryNames.get(row.country), row.id).toMatch(/^\p{Lu}\p{L}+(?: [\p{L}]+)*$/u);
    expect(tables.countryNames.get('IR')).toBe('Iran');
  });
});

describe('subdomains, www and mirrors', () => {
  it.each([
    ['https://www.presstv.ir/Detail/2021/12/07/x', 'presstv.ir', 'press-tv'],
    ['edition.cnn.com', 'cnn.com', 'cnn'],
    ['https://amp.theguardian.com/world/2021/dec/07/x', 'theguardian.com', 'guardian'],
    ['m.bbc.co.uk/news', 'bbc.co.uk', 'bbc'],
    ['https://mobile.reuters.com/article/x', 'reuters.com', 'reuters'],
    ['WWW.RT.COM.', 'rt.com', 'rt'],
    ['https://news.sky.com/story/x', 'news.sky.com', 'sky-news'],
    ['https://www-presstv-ir.cdn.ampproject.org/c/s/www.presstv.ir/Detail/x', 'presstv.ir', 'press-tv'],
    ['https://web.archive.org/web/20211207000000/https://www.rt.com/news/x', 'rt.com', 'rt'],
  ])('%s -> %s', (query, domain, id) => {
    const card = lookup(query);
    expect(card.domain).toBe(domain);
    expect(card.outlet?.id).toBe(id);
    expect(card.query).toBe(query);
  });

  it('does not take a listed sub-domain for its whole parent', () => {
    // sky.com is not Sky News; news.sky.com is.
    expect(lookup('sky.com').outlet).toBeNull();
  });
});

describe('unknown outlets are not rated, never given a middle value', () => {
  it.each(['example.org', 'https://some-local-paper.co.uk/news/1', 'Foo Weekly Gazette', 'zzz'])('%s', (query) => {
    const card = lookup(query);
    expect(card.reliability).toMatchObject({ score: null, label: 'not-rated', confidence: 0, ratings: [] });
    expect(card.outlet).toBeNull();
    expect(card.reliability.notes[0]).toMatch(/^not rated: /);
  });

  it('says that absence from CRED-1 and RSP is no evidence', () => {
    expect(lookup('example.org').reliability.notes[0]).toContain('absence says nothing either way');
  });

  it('gives an ownership row without ratings its ownership and still no score', () => {
    const card = lookup('kcna.kp');
    expect(card.outlet?.ownership).toBe('state');
    expect(card.reliability.label).toBe('not-rated');
    expect(card.reliability.notes.some((n) => n.includes('government of North Korea'))).toBe(true);
  });
});

describe('lookup by outlet name', () => {
  it.each([
    ['Press TV', 'press-tv'],
    ['press tv', 'press-tv'],
    ['PRESSTV', 'press-tv'],
    ['BBC', 'bbc'],
    ['the guardian', 'guardian'],
    ['The New York Times', 'nyt'],
    ['New York Times', 'nyt'],
    ['Russia Today', 'rt'],
    ['RT', 'rt'],
    ['Sputnik (news agency)', 'sputnik'],
    ['Agence France-Presse', 'afp'],
    ['AFP', 'afp'],
    ['Al Jazeera Media Network', 'al-jazeera'],
    ['Xinhua', 'xinhua'],
    ['MSNBC', 'msnbc'],
  ])('%s -> %s', (name, id) => {
    expect(lookup(name).outlet?.id).toBe(id);
  });

  it('finds an outlet only RSP knows, with a name and no ownership', () => {
    const card = lookup('Zero Hedge');
    expect(card).toMatchObject({ domain: 'zerohedge.com', name: 'Zero Hedge', outlet: null });
    expect(card.reliability.label).not.toBe('not-rated');
  });

  // A card for a name reads its host's address and registrable domain from the tables (no public-suffix list
  // loaded): the same card as the domain's, for every outlet the tables name.
  it('gives every named outlet the card of its host, address and domain as tldts reads them', () => {
    const tables = loadSourceTables();
    const index = nameIndex(tables);
    for (const target of index.targets.values()) {
      expect(target.primaryAddress === undefined ? normaliseDomain(target.primaryHost) : unpackedAddress(target.primaryAddress)).toEqual(normaliseDomain(target.primaryHost));
      const card = cardForKey(target.key, target.name, tables);
      const address = normaliseDomain(target.primaryHost);
      expect(card).toEqual(address === null ? card : cardForDomain(address, target.name, tables));
    }
    for (const hosts of tables.hostsByDomain.values()) for (const host of hosts) expect(tableDomainOf(tables, host)).toBe(getDomain(host) ?? host);
    expect(tableDomainOf(tables, 'edition.unlisted-example.com')).toBeUndefined();
  });

  it('refuses an ambiguous name rather than guess (ABC is Australian and Spanish)', () => {
    expect(lookup('ABC').reliability.label).toBe('not-rated');
  });

  it('never throws and always gives a valid card, whatever the query', () => {
    const query = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.webUrl(), fc.domain(), fc.constantFrom('', ' ', '\uD83D', 'www.', '.', 'http://', 'presstv.ir:99999', 'the', 'The'));
    fc.assert(
      fc.property(query, (q) => {
        const card = lookup(q);
        expect(card.query).toBe(q);
        expect(card.reliability.score === null).toBe(card.reliability.label === 'not-rated');
      }),
      { numRuns: 300 },
    );
  });
});

describe('the mapping constants', () => {
  it.each([
    [0.9, 'high'],
    [0.75, 'high'],
    [0.7499, 'mixed'],
    [0.45, 'mixed'],
    [0.44, 'low'],
    [0.2, 'low'],
    [0.19, 'very-low'],
    [0, 'very-low'],
    [null, 'not-rated'],
  ] as const)('score %s is %s', (score, label) => {
    expect(labelFor(score)).toBe(label);
  });


  it('caps a CRED-1 fake or conspiracy site at 0.15', () => {
    const fake = tables.cred1.rows.find((row) => row.category === 'fake' && row.path === undefined && row.score > 0.15);
    if (fake === undefined) return;
    const card = lookup(fake.domain);
    const rating = card.reliability.ratings.find((r) => r.source === 'cred1');
    expect(rating).toMatchObject({ score: 0.15, capped: true });
    expect(card.reliability.score).toBeLessThanOrEqual(0.15);
  });
});

describe('renderOutletCard', () => {
  it('prints who owns the outlet, the label, then one line per rating', () => {
    const text = renderOutletCard(lookup('presstv.ir'));
    expect(text.split('\n').slice(0, 7)).toEqual([
      'Press TV (presstv.ir)',
      '  domains:     presstv.ir, presstv.com, presstv.co.uk, presstv.tv',
      '  country:     IR',
      '  ownership:   state, Islamic Republic of Iran Broadcasting (IRIB)',
      '  state note:  Iranian state broadcaster (IRIB), English-language international channel',
      '  cited:       https://en.wikipedia.org/wiki/Press_TV',
      '  reliability: very low (score 0.10, confidence 0.82)',
    ]);
    expect(text).toContain('    wikipedia-rsp | deprecated -> 0.10 | caps the score | presstv.ir | snapshot 2026-04-18 | v1.0.0 | CC BY-SA 4.0 | https://en.wikipedia.org/wiki/Wikipedia:Reliable_sources/Perennial_sources (WP:PRESSTV)');
    expect(text).toContain('    cred1         | mixed 0.18 -> 0.18 | presstv.ir | snapshot 2026-08-04 | v1.0.0 | CC BY 4.0 |');
  });

  it('prints scopes, and a not-rated card without a score', () => {
    expect(renderOutletCard(lookup('foxnews.com'))).toContain('| scope: talk shows |');
    expect(renderOutletCard(lookup('example.org')).split('\n').slice(0, 3)).toEqual(['example.org', '  ownership:   unknown (not in ownership.jsonl)', '  reliability: not rated (no score, confidence 0.00)']);
  });
});

describe('the library API', () => {
  it('exports lookupOutlet from the package entry point', async () => {
    const library = await import('../../src/index.ts');
    expect(library.lookupOutlet('bbc.com').reliability.label).toBe('high');
    expect(library.outletCardSchema.parse(library.lookupOutlet('rt.com')).outlet?.ownership).toBe('state');
  });
});
