/**
 * A survey of further inputs of one repeated shape (see shapes.ts), written while hunting the pipeline for parts
 * that keep something across an article and read it back (outlet and source look-ups, quotes, sides, sentences,
 * block roles, HTML ingest, speakers). Most were linear when found (x10-15 at 1 MB against 100 KB, or flat per KB
 * from 1 MB to 3 MB); the ones that were not and are fixed moved to SHAPES, which `npm test` bounds. Those still
 * known to grow faster than their length are marked below. `BENCH_SHAPES=survey npm run bench:linear` times them all.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { numbered, repeat, syllableName as name, type Shape } from './shapes.ts';

// The outlet names and domains of the perennial-sources table, read once: the look-ups' own keys.
let outlets: { names: string[]; domains: string[] } | undefined;
function outletTable(): { names: string[]; domains: string[] } {
  if (outlets !== undefined) return outlets;
  const file = fileURLToPath(new URL('../../lexicons/sources/wikipedia-rsp.jsonl', import.meta.url));
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { name: string; domain: string });
  outlets = { names: [...new Set(rows.map((row) => row.name))], domains: rows.map((row) => row.domain) };
  return outlets;
}

export const MORE_SHAPES: readonly Shape[] = [
  // outlets and cited sources
  { name: 'outlet names, paragraphs', make: (bytes) => { const { names } = outletTable(); return numbered((i) => `${names[i % names.length]} reported that the talks failed.\n\n`, bytes); } },
  { name: 'outlet names, one long line', make: (bytes) => { const { names } = outletTable(); return numbered((i) => `${names[i % names.length]}, `, bytes); } },
  { name: 'distinct domains', make: (bytes) => numbered((i) => `See ${name(i).toLowerCase()}.com for more. `, bytes) },
  { name: 'distinct URLs', make: (bytes) => numbered((i) => `Source: https://www.${name(i % 500).toLowerCase()}.org/news/${i}/story.html\n\n`, bytes) },
  { name: 'table domains in text', make: (bytes) => { const { domains } = outletTable(); return numbered((i) => `According to ${domains[i % domains.length]}, prices rose. `, bytes); } },
  { name: 'state media reported', make: (bytes) => repeat('State media reported that the talks failed. ', bytes) },
  { name: 'made-up outlets reported', make: (bytes) => numbered((i) => `The ${name(i)} Times reported that the talks failed.\n\n`, bytes) },
  // loaded language and scare quotes
  { name: 'quoted single words', make: (bytes) => repeat('The so-called "reform" was a "plan" for "peace". ', bytes) },
  { name: 'quotes never closed', make: (bytes) => repeat('He called it "a plan for peace and ', bytes) },
  { name: 'identical loaded phrase', make: (bytes) => repeat('The radical extremist regime slammed the brutal crackdown. ', bytes) },
  { name: 'distinct quoted words', make: (bytes) => numbered((i) => `The "${name(i).toLowerCase()}" was discussed. `, bytes) },
  { name: 'apostrophes and single quotes', make: (bytes) => repeat("It's the 'plan' they don't like, isn't it? ", bytes) },
  { name: 'one quote spanning all', make: (bytes) => `"${repeat('The plan failed and the talks ended. ', bytes)}" he said.` },
  { name: 'vague attribution repeated', make: (bytes) => repeat('Some say the plan may have failed, sources said. ', bytes) },
  // sides, headline and summary
  { name: 'distinct speakers said', make: (bytes) => numbered((i) => `Anna ${name(i)} said the plan failed.\n\n`, bytes) },
  { name: 'distinct speakers, two sides', make: (bytes) => numbered((i) => `Anna ${name(i)} said the plan ${i % 2 === 0 ? 'succeeded brilliantly' : 'failed badly'}.\n\n`, bytes) },
  { name: 'distinct organisations said', make: (bytes) => numbered((i) => `The ${name(i)} Institute said prices rose.\n\n`, bytes) },
  { name: 'demonym titles said', make: (bytes) => numbered((i) => `${['Russian', 'Ukrainian', 'Israeli', 'Palestinian'][i % 4]} Foreign Minister ${name(i)} said it failed.\n\n`, bytes) },
  // sentences, words and names
  { name: 'one very long sentence', make: (bytes) => `${repeat('the plan and the talks, ', bytes)}end.` },
  { name: 'one-word sentences', make: (bytes) => repeat('Yes. ', bytes) },
  { name: 'one long paragraph of sentences', make: (bytes) => repeat('The minister spoke at length about the budget. ', bytes) },
  { name: 'one long capitalised run', make: (bytes) => `${numbered((i) => `${name(i)} `, bytes)}said.` },
  { name: 'capitalised runs, no stops', make: (bytes) => numbered((i) => `${name(i)} ${name(i + 1)} and the `, bytes) },
  { name: 'one huge word', make: (bytes) => `A ${'a'.repeat(bytes)} b.` },
  // block roles
  { name: 'many short lines', make: (bytes) => repeat('Plain words\n', bytes) },
  { name: 'byline lines', make: (bytes) => numbered((i) => `By Anna ${name(i)}\n`, bytes) },
  { name: 'dateline lines', make: (bytes) => repeat('WASHINGTON (Reuters) - The talks ended.\n', bytes) },
  { name: 'numbered list lines', make: (bytes) => numbered((i) => `${i + 1}. An item of the list\n`, bytes) },
  // HTML ingest
  { name: 'many tables HTML', make: (bytes) => ({ html: `<html><body><article>${repeat('<table><tr><td>Cell one</td><td>Cell two</td></tr></table><p>Words in a paragraph here.</p>', bytes)}</article></body></html>` }) },
  { name: 'many links HTML', make: (bytes) => ({ html: `<html><body><article>${numbered((i) => `<p>Read <a href="https://x${i}.example.com/a">the story ${i}</a> now.</p>`, bytes)}</article></body></html>` }) },
  { name: 'huge attribute HTML', make: (bytes) => ({ html: `<html><body><article><p data-x="${'a'.repeat(bytes)}">Words here.</p></article></body></html>` }) },
  { name: 'many paragraphs with links HTML', make: (bytes) => ({ html: `<html><body><article>${repeat('<p>He said <a href="/x">this</a> and <b>that</b>.</p>', bytes)}</article></body></html>` }) },
  { name: 'many headings HTML', make: (bytes) => ({ html: `<html><body><article>${numbered((i) => `<h2>Heading ${name(i)}</h2><p>Words of the section.</p>`, bytes)}</article></body></html>` }) },
  { name: 'one huge text node HTML', make: (bytes) => ({ html: `<html><body><article><p>${repeat('Plain words without any tag. ', bytes)}</p></article></body></html>` }) },
  { name: 'flat list items HTML', make: (bytes) => ({ html: `<html><body><article><ul>${repeat('<li>An item of words</li>', bytes)}</ul></article></body></html>` }) },
  { name: 'many divs siblings HTML', make: (bytes) => ({ html: `<html><body>${repeat('<div class="c"><span>Share</span></div><div><p>Words of a story.</p></div>', bytes)}</body></html>` }) },
  { name: 'many scripts and comments HTML', make: (bytes) => ({ html: `<html><body><article>${repeat('<script>var a = 1;</script><!-- note --><p>Words of the story here.</p>', bytes)}</article></body></html>` }) },
  { name: 'many meta tags HTML', make: (bytes) => ({ html: `<html><head>${numbered((i) => `<meta name="k${i}" content="v${i}">`, bytes)}</head><body><article><p>Words of the story here, and more words.</p></article></body></html>` }) },
  // speakers (`Mr X said` and `President X said` are in SHAPES)
  // Surnames of 13 to 20 characters, read in full rather than through the spelling look-up (it would keep a name under
  // hundreds of keys): each is counted against every earlier one of its bucket, cheaply (353, 526, 524 us a KB at 300 KB,
  // 1 MB, 3 MB; 471, 798, 1,364 when all that shared their letters were scored).
  { name: 'President X-enkovich said', make: (bytes) => numbered((i) => `President ${name(i)}enkovich said the plan failed.\n\n`, bytes) },
  { name: 'X, the minister, said', make: (bytes) => numbered((i) => `Ivan ${name(i)}, the deputy minister of finance, said the plan failed.\n\n`, bytes) },
  { name: 'quotes with no speaker', make: (bytes) => repeat('"The plan failed." ', bytes) },
  { name: 'women named then she said', make: (bytes) => numbered((i) => `Maria ${name(i)} arrived. "It failed," she said.\n\n`, bytes) },
  { name: 'lists of names said', make: (bytes) => numbered((i) => `${name(4 * i)}, ${name(4 * i + 1)}, ${name(4 * i + 2)} and ${name(4 * i + 3)} said the plan failed.\n\n`, bytes) },
  { name: 'title then surname later', make: (bytes) => numbered((i) => `Foreign Minister Ivan ${name(i)} arrived. ${name(i)} said it failed.\n\n`, bytes) },
];
