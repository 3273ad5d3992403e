import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/index.ts';

// Where a reported content ends when another attribution's clause stands inside it (issue 12, boundary
// errors), on sentences we wrote: `mode speaker|cue|content` per attribution.

function rows(text: string): string[] {
  const report = analyze({ text, id: 'bounds' });
  const said = (span: readonly [number, number, ...unknown[]] | null): string => (span === null ? '-' : text.slice(span[0], span[1]));
  return report.attributions.map((a) => `${a.mode} ${said(a.speaker)}|${said(a.cue)}|${said(a.content)}`);
}

describe('a content ends before an inner attribution', () => {
  it.each([
    ['at the comma before a relative clause with its own speaker', 'Holt criticized the ferry plan, which Lund says will ruin the harbour.', ['summary Holt|criticized|criticized the ferry plan', 'indirect Lund|says|will ruin the harbour']],
    ['at the comma before a clause word', 'Holt attacked the harbour board, after Lund said the ferry would stop in June.', ['summary Holt|attacked|attacked the harbour board', 'indirect Lund|said|the ferry would stop in June']],
    ['before the clause word when no comma stands there', 'Holt defended the ferry plan at a meeting on Monday when she told the council that the pier would open in May.', ['summary Holt|defended|defended the ferry plan at a meeting on Monday', 'indirect she|told|the pier would open in May']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('a content keeps what it reports', () => {
  it.each([
    ['a reported clause that reports another', 'Holt said that Lund believes the pier will open in May.', ['indirect Holt|said|Lund believes the pier will open in May']],
    ['its own cue inside it', 'The harbour, Holt said, will reopen in May.', ['indirect Holt|said|The harbour, Holt said, will reopen in May']],
    ['a quotation, whatever it reports', 'Holt said the plan was "a mess, which Lund says is fine."', ['mixed Holt|said|the plan was "a mess, which Lund says is fine."']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('no cut without a clause opening', () => {
  it('an inner cue with no comma or clause word before it leaves the content whole', () => {
    expect(rows('The council says talks with the ferry firm will continue next month.')[0]).toBe('indirect The council|says|talks with the ferry firm will continue next month');
  });
});
