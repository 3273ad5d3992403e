/**
 * An outlet card as plain text for the CLI: who the outlet is and who owns it, then the combined rating,
 * then one line per source rating with its provenance, then the notes. Pure: card in, string out.
 */
import type { OutletCard, Rating } from './schema.ts';

/** Renders `card` as lines of plain text (no colour, no trailing newline). */
export function renderOutletCard(card: OutletCard): string {
  const lines: string[] = [];
  const { outlet, reliability } = card;
  const title = card.name ?? card.domain ?? card.query;
  lines.push(card.domain !== null && card.domain !== title ? `${title} (${card.domain})` : title);
  if (outlet !== null) {
    lines.push(`  domains:     ${outlet.domains.join(', ')}`);
    lines.push(`  country:     ${outlet.country}`);
    lines.push(`  ownership:   ${outlet.ownership}, ${outlet.owner}`);
    if (outlet.stateNote !== undefined) lines.push(`  state note:  ${outlet.stateNote}`);
    lines.push(`  cited:       ${outlet.citations.join(', ')}`);
  } else {
    lines.push('  ownership:   unknown (not in ownership.jsonl)');
  }
  const combined = reliability.score === null ? 'no score' : `score ${score(reliability.score)}`;
  lines.push(`  reliability: ${reliability.label.replace('-', ' ')} (${combined}, confidence ${reliability.confidence.toFixed(2)})`);
  if (reliability.ratings.length > 0) {
    lines.push('  ratings:');
    for (const rating of reliability.ratings) lines.push(`    ${renderRating(rating)}`);
  }
  if (reliability.notes.length > 0) {
    lines.push('  notes:');
    for (const note of reliability.notes) lines.push(`    - ${note}`);
  }
  return lines.join('\n');
}

function renderRating(rating: Rating): string {
  const parts = [
    rating.source.padEnd(13),
    `${rating.raw} -> ${score(rating.score)}`,
    rating.scope === undefined ? '' : `scope: ${rating.scope}`,
    rating.capped ? 'caps the score' : '',
    rating.counted ? '' : 'not counted',
    rating.matched,
    `snapshot ${rating.snapshot}`,
    `v${rating.version}`,
    rating.license,
    rating.citation,
  ];
  return parts.filter((part) => part !== '').join(' | ');
}

// 0.1 -> 0.10, 0.105 -> 0.105: two decimals at least, three when the third matters.
function score(value: number): string {
  return value.toFixed(3).replace(/(\.\d\d)0$/, '$1');
}
