/**
 * Inputs of one repeated shape, at any size: the pathological pages and texts whose analysis time grew
 * faster than their length. Shared by `npm run bench:linear` (the ratio printed) and
 * test/report/linear-time.test.ts (the ratio bounded with a wide margin).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalyzeInput } from '../../src/index.ts';

export type Shape = { name: string; make: (bytes: number) => AnalyzeInput };

/** `unit` repeated to about `bytes` characters (once at least). */
export function repeat(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.round(bytes / unit.length)));
}

/** `unit(i)` for i = 0, 1, ... until the text holds `bytes` characters: every unit distinct (names, domains, speakers). */
export function numbered(unit: (i: number) => string, bytes: number): string {
  let text = '';
  for (let i = 0; text.length < bytes; i++) text += unit(i);
  return text;
}

// A made-up capitalised word per number ("Baa", "Bab", ...): names no lexicon knows, each different.
function madeUpName(i: number): string {
  let name = '';
  for (let n = i + 676; n > 0; n = Math.floor(n / 26)) name = String.fromCharCode(97 + (n % 26)) + name;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

const SYLLABLES = ['ba', 'ko', 'ri', 'mu', 'te', 'lo', 'san', 'vi', 'de', 'ne', 'po', 'ga', 'shi', 'ru', 'fa', 'me'];
/** A distinct capitalised word per index, built from syllables so it reads as a name and never as a number. */
export function syllableName(index: number): string {
  let word = '';
  let rest = index;
  do {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0);
  return word.charAt(0).toUpperCase() + word.slice(1) + 'ov';
}

// A long paragraph of prose that holds none of the quoted lines beside it (a transcript's narration).
const PROSE = 'The minister spoke at length about the budget and the plan, which critics said would fail before the winter, and the talks in Geneva ended without any agreement on the ferry or the port.';

export const SHAPES: readonly Shape[] = [
  { name: 'one-word paragraphs', make: (bytes) => repeat('word\n\n', bytes) },
  { name: 'nested <p><div><span> HTML', make: (bytes) => ({ html: `<html><body>${repeat('<p><div><span>Plain words in a span.</span></div></p>', bytes)}</body></html>` }) },
  { name: '`critics say` repeated', make: (bytes) => repeat('Critics say the plan failed. ', bytes) },
  { name: '`"Yes," he said.` repeated', make: (bytes) => repeat('"Yes," he said. ', bytes) },
  // One block of lines: the page walk tested its whole buffer at every <br> (1 MB took over two minutes).
  { name: '<br>-separated lines HTML', make: (bytes) => ({ html: `<html><body><article><div>${repeat('Some plain words here, numbered.<br>', bytes)}</div></article></body></html>` }) },
  // A run of marks with no space after it: the sentence splitter's terminal search restarted at each mark.
  { name: 'run of `!` with no space after', make: (bytes) => `A${'!'.repeat(Math.max(1, bytes - 2))}x` },
  // Speakers resolved against what came before them: each read every earlier mention or anonymous source
  // (1 MB took 22-52 times as long as 100 KB) ...
  { name: '`The ministry said` after bodies', make: (bytes) => repeat('Russia and NATO met in Geneva. The ministry said the talks were useful.\n\n', bytes) },
  { name: '`He said` after bodies', make: (bytes) => repeat('Russia and NATO met in Geneva. He said the talks were useful.\n\n', bytes) },
  { name: '`The spokesman said` after unnamed sources', make: (bytes) => repeat('A senior diplomat said the talks would resume. The spokesman said the ferry was late.\n\n', bytes) },
  // ... or every earlier organisation (x88).
  { name: '`The company said` after many companies', make: (bytes) => numbered((i) => `${madeUpName(i)} Shipping Corp announced a plan. The company said the plan would cut costs.\n\n`, bytes) },
  // A name met again was compared with every name of its surname, and a surname's speaker read every later name (x91).
  { name: '`Berg said` after many Bergs', make: (bytes) => numbered((i) => `${madeUpName(i)} Berg met officials. Berg said the plan would fail.\n\n`, bytes) },
  // One run-on sentence of asides: every report in it is widened to the sentence's end, and each read the rest of
  // the sentence (its stops, quotation marks, relative clauses, tokens taken) again (x105).
  { name: 'one sentence of `, said Holt,` asides', make: (bytes) => repeat('the ferry was late, said Holt, ', bytes) },
  // Many surnames of one opening and length ("Smiaab", "Smiaac", ...): each compared with all before it as a spelling variant (x32).
  { name: '`Mr. Smi<made-up> said` spelling variants', make: (bytes) => numbered((i) => `Mr. Smi${madeUpName(i).toLowerCase()} said the plan would fail.\n\n`, bytes) },
  // Many made-up surnames that say something, each looked up as a spelling variant of those before: names of a few
  // syllables share their letters, which let most through the look-up (x17-19; 300 KB to 3 MB of `President X said`
  // went from 486 to 915 us a KB).
  { name: 'Mr X said', make: (bytes) => numbered((i) => `Mr. ${syllableName(i)} said the plan failed.\n\n`, bytes) },
  { name: 'President X said', make: (bytes) => numbered((i) => `President ${syllableName(i)} said the plan failed.\n\n`, bytes) },
  // Lines that read like headlines, each naming someone new: a name met again was compared with every name before (x90).
  { name: 'headline-like lines', make: (bytes) => numbered((i) => `${madeUpName(i)} Talks End In Geneva\n\n`, bytes) },
  // Paragraphs that are only a quotation: each was compared with every paragraph as a possible pull quote, and the
  // speaker of one opening a paragraph searched the paragraphs for its own (x71 repeated; x43 between prose).
  { name: 'one quoted paragraph repeated', make: (bytes) => repeat('"The plan failed and the talks ended there."\n\n', bytes) },
  { name: 'quoted lines between prose', make: (bytes) => numbered((i) => `"Line ${madeUpName(i).toLowerCase()} of the talk here."\n\n${PROSE}\n\n`, bytes) },
  // `X told the council:` closing each paragraph and a quotation opening the next (x64).
  { name: '`told the council:` then a quotation', make: (bytes) => numbered((i) => `${syllableName(i)} told the council:\n\n"We cannot keep borrowing to pay for ${madeUpName(i).toLowerCase()}."\n\n`, bytes) },
  // Figures with captions: block roles read every markup hint of the page for each paragraph (x13-19).
  { name: 'captioned figures HTML', make: (bytes) => ({ html: `<html><body><article>${repeat('<figure><img src="a.jpg"><figcaption>Photo: Reuters</figcaption></figure><p>Words of the story here.</p>', bytes)}</article></body></html>` }) },
  // Deep nesting: htmlparser2 (under linkedom) kept its stack of open elements with the top at index 0, so each tag
  // cost time in proportion to the depth (x35 lists, x17-20 blockquotes; src/edges/ingest/open-elements.ts) ...
  { name: 'deep lists HTML', make: (bytes) => { const depth = Math.max(1, Math.round(bytes / 40)); return { html: `<html><body><article>${'<ul><li>Item words '.repeat(depth)}${'</li></ul>'.repeat(depth)}</article></body></html>` }; } },
  { name: 'deep blockquotes HTML', make: (bytes) => { const depth = Math.max(1, Math.round(bytes / 40)); return { html: `<html><body><article>${'<blockquote>Quoted '.repeat(depth)}${'</blockquote>'.repeat(depth)}</article></body></html>` }; } },
  // ... and searched the whole stack for each end tag that closes nothing (x104: 1 MB took 15 s).
  { name: 'deep divs then stray end tags HTML', make: (bytes) => { const depth = Math.max(1, Math.round(bytes / 12)); return { html: `<html><body><article>${'<div>'.repeat(depth)}${'</span>'.repeat(depth)}<p>Words of the story.</p></article></body></html>` }; } },
  // Share bars nested around the headline: each asked whether it holds the h1 by searching its subtree (x86).
  { name: 'share boxes nested around the headline HTML', make: (bytes) => { const depth = Math.max(1, Math.round(bytes / 30)); return { html: `<html><body>${'<div class="share">'.repeat(depth)}<h1>The headline</h1><p>Words of the story.</p>${'</div>'.repeat(depth)}</body></html>` }; } },
  // Towers of divs under the depth past which Readability is not run: its conditional cleaning read every div's
  // descendants (1 MB took 44 s), until the sum of depths sent such pages to the page walk (extract.ts).
  { name: 'towers of 300 nested <div> HTML', make: (bytes) => ({ html: `<html><body>${repeat(`${'<div>'.repeat(300)}Words of the story.${'</div>'.repeat(300)}`, bytes)}</body></html>` }) },
  // Many elements and little text: Readability read the page four times, from its markup each time (1 MB 4.7 s, 480 MB).
  { name: 'many empty elements, little text HTML', make: (bytes) => ({ html: `<html><body><article><p>Words of the story here.</p>${'<i></i>'.repeat(Math.max(1, Math.round(bytes / 7)))}</article></body></html>` }) },
  // A breadcrumb's many items under deep wrappers: each item read every element around it (x12 from 25 to 100 KB).
  { name: 'breadcrumb items under deep wrappers HTML', make: (bytes) => { const depth = Math.max(1, Math.round(bytes / 14)); return { html: `<html><body><article><p>Words of the story.</p></article><ol class="breadcrumb">${'<div>'.repeat(depth)}${'<li></li>'.repeat(depth)}<li>Home</li>${'</div>'.repeat(depth)}</ol></body></html>` }; } },
];

/**
 * Ordinary news at any size: the project's own corpus articles (corpus/*.txt) joined by blank lines and
 * repeated. The memory figure is measured on it beside the pathological shapes.
 */
export const NEWS_SHAPE: Shape = {
  name: 'news paragraphs (corpus/)',
  make: (bytes) => {
    const folder = fileURLToPath(new URL('../../corpus', import.meta.url));
    const text = readdirSync(folder)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => readFileSync(join(folder, name), 'utf8').trim())
      .join('\n\n');
    return repeat(`${text}\n\n`, bytes);
  },
};
