/**
 * Which outlet published an article. The request's `url` decides (confidence 1), then its `outlet`
 * (0.9); without either, signals in the text, strongest kind first:
 *
 *   self-reference   `© 2021 Press TV` (0.9), `Press TV's website` near the end (0.85), a short closing
 *                    line that starts with the name, such as `Press TV News Roku` (0.7)
 *   dateline         `MOSCOW (Reuters) -` at the start of a paragraph: the agency wrote the copy
 *                    (0.8 in the first paragraph, else 0.6)
 *   byline           `By Jane Doe, Reuters` on a line of its own (0.7)
 *
 * A name or domain anywhere else in the body is a mention, not the publisher: a story about Amazon that
 * names amazon.com was not published by Amazon. With none of these signals the publisher is unknown (null).
 *
 * Each further signal that names the same outlet adds 0.05 (up to 0.95). The text is only read through
 * the linear name scan and bounded windows around each name, so any input is safe.
 */
import type { OutletCard, OutletDetection } from './schema.ts';
import { loadSourceTables, type SourceTables } from './tables.ts';
import { normaliseDomain } from './normalise-domain.ts';
import { findNames, type NameMatch } from './names.ts';
import { cardForDomain, cardForKey, keyForName, lookupOutlet } from './ratings.ts';
import { classifyNames, type ClassifiedNames, type Cue } from './name-cues.ts';

export type DetectHint = { url?: string | undefined; outlet?: string | undefined };

const SIGNAL_CONFIDENCE = { copyright: 0.9, website: 0.85, footer: 0.7, datelineFirst: 0.8, dateline: 0.6, byline: 0.7, agreeing: 0.05, max: 0.95 } as const;
const MAX_TEXT = 2_000_000;

type Signal = { detectedBy: OutletDetection['detectedBy']; match: NameMatch; cue: Cue | null; confidence: number };

/** The start of a text's closing part: the last 15% of it, and at least its last 600 characters. */
export function tailStartOf(text: string): number {
  return Math.max(0, text.length - Math.max(600, Math.floor(text.length * 0.15)));
}

/**
 * The outlet that published `text`: from the hints, else from signals in the text; null when nothing names
 * one. `names`, when given, must be findNames(text, tables) (a caller that has scanned the text already).
 */
export function detectOutlet(text: string, hint: DetectHint = {}, tables: SourceTables = loadSourceTables(), names?: readonly NameMatch[], classified?: ClassifiedNames): OutletDetection | null {
  if (hint.url !== undefined) {
    const address = normaliseDomain(hint.url);
    if (address !== null) return { card: cardForDomain(address, hint.url, tables), detectedBy: 'url', evidence: null, confidence: 1 };
  }
  const hinted = hint.outlet !== undefined && hint.outlet.trim() !== '' ? hint.outlet : undefined;
  if (hinted !== undefined && (normaliseDomain(hinted) !== null || keyForName(hinted, tables) !== null)) {
    return { card: lookupOutlet(hinted, tables), detectedBy: 'outlet', evidence: null, confidence: 0.9 };
  }
  const fromText = typeof text === 'string' && text.length <= MAX_TEXT ? detectFromText(text, tables, names ?? findNames(text, tables), classified) : null;
  if (fromText !== null) return fromText;
  // An outlet the tables do not know is still the publisher the caller named: a not-rated card.
  if (hinted !== undefined) return { card: lookupOutlet(hinted, tables), detectedBy: 'outlet', evidence: null, confidence: 0.9 };
  return null;
}

function detectFromText(text: string, tables: SourceTables, names: readonly NameMatch[], classified?: ClassifiedNames): OutletDetection | null {
  const { cues } = classified ?? classifyNames({ text, tailStart: tailStartOf(text) }, names);
  // Where the first paragraph ends matters only to a dateline (34 of 1,849 names in PolNeAR): found for the first one.
  let firstParagraphEnd = -1;
  const signals: Signal[] = [];
  for (const [i, match] of names.entries()) {
    const cue = cues[i] as Cue | null;
    if (cue === null) continue;
    if (cue.kind === 'copyright') signals.push({ detectedBy: 'self-reference', match, cue, confidence: SIGNAL_CONFIDENCE.copyright });
    else if (cue.kind === 'website') signals.push({ detectedBy: 'self-reference', match, cue, confidence: SIGNAL_CONFIDENCE.website });
    else if (cue.kind === 'footer') signals.push({ detectedBy: 'self-reference', match, cue, confidence: SIGNAL_CONFIDENCE.footer });
    else if (cue.kind === 'dateline') {
      if (firstParagraphEnd < 0) firstParagraphEnd = firstParagraphEndOf(text);
      signals.push({ detectedBy: 'dateline', match, cue, confidence: cue.start <= firstParagraphEnd ? SIGNAL_CONFIDENCE.datelineFirst : SIGNAL_CONFIDENCE.dateline });
    }
    else if (cue.kind === 'byline') signals.push({ detectedBy: 'byline', match, cue, confidence: SIGNAL_CONFIDENCE.byline });
  }
  if (signals.length === 0) return null;

  const order: readonly OutletDetection['detectedBy'][] = ['self-reference', 'dateline', 'byline'];
  let best: Signal | null = null;
  for (const kind of order) {
    for (const signal of signals) {
      if (signal.detectedBy === kind && (best === null || signal.confidence > best.confidence)) best = signal;
    }
    if (best !== null) break;
  }
  const chosen = best as Signal;
  const agreeing = signals.filter((s) => s !== chosen && s.match.key === chosen.match.key).length;
  const confidence = Math.min(SIGNAL_CONFIDENCE.max, chosen.confidence + SIGNAL_CONFIDENCE.agreeing * agreeing);
  const start = chosen.cue?.start ?? chosen.match.start;
  const end = chosen.cue?.end ?? chosen.match.end;
  const name = text.slice(chosen.match.start, chosen.match.end);
  return { card: cardFor(chosen.match, name, tables), detectedBy: chosen.detectedBy, evidence: { start, end, text: text.slice(start, end) }, confidence: Math.round(confidence * 100) / 100 };
}

// The end of the text's first paragraph: its first blank line, else the text's end.
function firstParagraphEndOf(text: string): number {
  const firstBreak = text.search(/\n\s*\n/);
  return firstBreak < 0 ? text.length : firstBreak;
}

/** The card of a name or domain found in a text, with the text as written as its query. */
export function cardFor(match: NameMatch, written: string, tables: SourceTables): OutletCard {
  // A card depends on the outlet, not on the text: built once per outlet and tables (the same few outlets
  // come up article after article), each caller getting its own top-level copy with its own query.
  let cards = cardCache.get(tables);
  if (cards === undefined) {
    cards = new Map();
    cardCache.set(tables, cards);
  }
  const id = `${match.kind} ${match.host} ${match.key}`;
  let card = cards.get(id);
  if (card === undefined) {
    card = buildCard(match, written, tables);
    if (cards.size >= MAX_CARDS) cards.clear();
    cards.set(id, card);
  }
  return withQuery(card, written);
}

/**
 * A top-level copy of `card` with `query` as its query, written out key by key in OutletCard's order (the order
 * ratings.ts builds every card in, so the JSON is the same): a spread copied each key through V8's runtime
 * (~1 us a card, where a literal is a few ns).
 */
export function withQuery(card: OutletCard, query: string): OutletCard {
  return { query, domain: card.domain, name: card.name, outlet: card.outlet, reliability: card.reliability };
}

const cardCache = new WeakMap<SourceTables, Map<string, OutletCard>>();
const MAX_CARDS = 4096;

function buildCard(match: NameMatch, written: string, tables: SourceTables): OutletCard {
  if (match.kind === 'domain') {
    const address = normaliseDomain(match.host);
    if (address !== null) return cardForDomain(address, written, tables);
  }
  return cardForKey(match.key, written, tables);
}
