// How the page words what the report says: messages with their quoted words, sides and speakers by name,
// counts with their plural, and the service's errors. Text only: callers insert it with textContent.

/** A paragraph's sentiment as the page words it, per word (the report gives the AFINN score and the words). */
export function perWord(paragraph) {
  return paragraph.words === 0 ? 0 : paragraph.sentiment / paragraph.words;
}

/** `n` and the word, in the plural unless n is 1: "1 side", "4 sides". */
export function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The service's error (`{error: {code, message, details?}}`) as one line for the status bar. */
export function describeError(status, data) {
  const error = data && data.error;
  if (!error) return `HTTP ${status}`;
  const issues = Array.isArray(error.details) ? error.details.map((issue) => `${(issue.path || []).join('.') || 'body'}: ${issue.message}`).join('; ') : '';
  return `${error.message}${issues ? ` (${issues})` : ''}`;
}

/**
 * A report message as page content: the words it quotes between backticks (`everyone`) in <code>, the rest
 * as text, so no markup character reaches the reader and nothing is parsed as HTML.
 */
export function proseNodes(text) {
  return String(text).split('`').map((part, index) => (index % 2 === 1 ? Object.assign(document.createElement('code'), { textContent: part }) : part));
}

// Country names in the reader's language of the page (English), from the browser's own data.
const REGIONS = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;

/** A side as people say it: a country's name for its code (RU -> Russia), bodies (NATO, EU, UN) as they are. */
export function sideName(side) {
  if (side === 'unaligned') return 'no side (unaligned)';
  if (!/^[A-Z]{2}$/.test(side) || REGIONS === null) return side;
  try {
    return REGIONS.of(side) ?? side;
  } catch {
    return side;
  }
}

/** A span `[start, end, ...]` of the report's text as written (schema 2.0.0 stores spans, not copies: an attribution's cue is `[start, end, lemma, class]`, its target `[start, end, actor, side]`). */
export function spanText(report, span) {
  return span ? String(report?.text ?? '').slice(span[0], span[1]) : '';
}

/** A finding's speaker (an actor id such as ru-peskov) as the article names them, from the report's attributions. */
export function speakerName(speaker, report) {
  const named = report?.attributions?.find((attribution) => attribution.actor === speaker && attribution.speaker !== null);
  return named ? spanText(report, named.speaker) : speaker;
}

/**
 * A finding's message, as src/core/report/messages.ts words it (reports no longer carry it): the category's
 * name from the report's `categories`, the words, and a neutral wording where there is one.
 */
export function findingMessage(finding, categories) {
  const name = categories?.[finding.category]?.name ?? finding.category;
  if (finding.category === 'scare-quote') return `${name} ${finding.text}: a short quoted phrase with no speaker distances the writer from the words`;
  return `${name} \`${finding.text}\`${finding.suggestion !== undefined ? `; a neutral wording: \`${finding.suggestion}\`` : ''}`;
}
