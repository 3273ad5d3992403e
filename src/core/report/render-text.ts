/**
 * Rendering a report for people: per paragraph, its figures, its text with findings highlighted, then one
 * line per finding with `line:col` positions. Colour (ANSI) only when asked; without it, author-voice
 * findings are marked [like this] and quoted ones {like this}.
 */
import type { Attribution, Report, Finding } from './schema.ts';
import { exemptionMessage, findingMessage, spanText } from './messages.ts';

export type RenderOptions = { color: boolean; name?: string };

const ANSI = {
  reset: '\u001B[0m',
  bold: '\u001B[1m',
  dim: '\u001B[2m',
  author: '\u001B[1;31m',
  quoted: '\u001B[36m',
  scare: '\u001B[1;35m',
  reported: '\u001B[1;33m',
};

const BAR_WIDTH = 20;

/** One attribution of the article `text` as a line: position of its cue or content, mode, speaker, actor and side. */
export function formatAttribution(attribution: Attribution, text: string, position: (offset: number) => { line: number; column: number }): string {
  const anchor = attribution.cue ?? attribution.content ?? attribution.speaker;
  const where = anchor === null ? '' : `${formatPosition(position, anchor[0], anchor[1])}  `;
  const who = attribution.speaker !== null ? spanText(text, attribution.speaker) : attribution.cue === null ? '(continues)' : '(no speaker)';
  const cue = attribution.cue === null ? '' : ` ${spanText(text, attribution.cue)} [${attribution.cue[3]}]`;
  const target = attribution.target === undefined ? '' : ` -> ${spanText(text, attribution.target)} (${attribution.target[3] ?? '?'})`;
  const anonymous = attribution.anonymous ? (attribution.anonymityReason === true ? ' anonymous, reason given' : ' anonymous') : '';
  return `${where}attribution/${attribution.mode}  ${who}${cue}  ${attribution.actor ?? '-'} / ${attribution.side}${target}${anonymous}`;
}

// The outlet and the sources it cites, each with its reliability label and ownership.
function renderSource(report: Report): string[] {
  const { source, citedSources } = report.summary;
  const lines: string[] = [];
  if (source === null) lines.push('outlet: unknown: no URL, byline, dateline, copyright line or self-reference names the publisher (pass --url or --outlet)');
  else {
    const card = source.card;
    const r = card.reliability;
    const ownership = card.outlet === null ? '' : `, ${card.outlet.ownership}${card.outlet.ownership === 'state' ? ` (${card.outlet.country})` : ''}`;
    lines.push(`outlet: ${card.name ?? card.domain ?? source.card.query}${card.domain === null ? '' : ` (${card.domain})`}${ownership}, reliability ${r.label}${r.score === null ? '' : ` ${r.score.toFixed(2)}`}; found by ${source.detectedBy}${source.evidence === null ? '' : ` "${visible(source.evidence.text)}"`} (confidence ${source.confidence.toFixed(2)}); slant source ${card.domain ?? card.query} for every rating`);
  }
  // A credit (a photo's, an agency's copy) says who supplied something, not who backs the article's claims.
  const named = citedSources.filter((c) => c.card !== null && c.how !== 'credit');
  const credits = citedSources.filter((c) => c.card !== null && c.how === 'credit');
  if (named.length > 0) lines.push(`cited sources: ${named.map((c) => `${visible(c.name)} [${c.how}] ${c.card?.reliability.label}`).join('; ')}`);
  if (credits.length > 0) lines.push(`credits: ${credits.map((c) => `${visible(c.text)} ${c.card?.reliability.label}`).join('; ')}`);
  return lines;
}

// The page around the body: what was left out of the scores, the headline against the body, captions.
function renderStructure(report: Report): string[] {
  const { blocks, headline, captions } = report.summary;
  const lines: string[] = [];
  const excluded = Object.entries(blocks.byRole).filter(([role, n]) => n > 0 && role !== 'body' && role !== 'standfirst');
  if (excluded.length > 0) lines.push(`not scored: ${excluded.map(([role, n]) => `${n} ${role}`).join(', ')} (${blocks.excludedWords} words)`);
  if (headline !== null) {
    lines.push(
      `headline: loaded ${headline.loadedLanguage.density.toFixed(1)}/100 words against ${headline.body.loadedLanguage.density.toFixed(1)} in the body; sentiment ${headline.sentiment.comparative.toFixed(3)}/word against ${headline.body.sentiment.comparative.toFixed(3)}${headline.flags.length === 0 ? '; in line with the body' : ''}`,
    );
    for (const flag of headline.flags) lines.push(`  ! ${visible(flag.message)}`);
  }
  for (const caption of captions) lines.push(`caption #${caption.paragraph + 1}${caption.unrelated ? ' (unrelated?)' : ''}: ${visible(caption.message)}`);
  return lines;
}

// The sides table: how each side is heard, as a voice-share bar with its direct share and verbs.
function renderSides(report: Report): string[] {
  const a = report.summary.attribution;
  if (a.attributions === 0) return ['attribution: no attributed speech'];
  const lines = [
    `attribution: balance ${a.balance === null ? 'n/a' : a.balance.toFixed(2)} weighted by mode, ${a.countBalance === null ? 'n/a' : a.countBalance.toFixed(2)} counting each once${a.insufficient ? ' (too few attributions to judge)' : ''}; anonymous ${(100 * a.anonymousRate).toFixed(0)}%${a.unheldViews === 0 ? '' : `; ${a.unheldViews} ${a.unheldViews === 1 ? 'view' : 'views'} held by no one named`}`,
  ];
  for (const side of a.sides) {
    const filled = Math.round(side.voiceShare * BAR_WIDTH);
    const verbs = [...new Set(report.attributions.flatMap((x) => (x.side === side.side && x.cue !== null ? [spanText(report.text, x.cue).toLowerCase()] : [])))].slice(0, 6);
    // Attitudes (what a side wants or believes, in the writer's words) are listed apart from what it said.
    const modes = Object.entries(side.byMode).filter(([m, n]) => n !== undefined && n > 0 && m !== 'attitude').map(([m, n]) => `${m} ${n}`).join(', ');
    const attitudes = (side.byMode.attitude ?? 0) > 0 ? `; attitudes ${side.byMode.attitude}` : '';
    lines.push(`  ${side.side.padEnd(10)} ${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)} voice ${(100 * side.voiceShare).toFixed(0).padStart(3)}%  direct ${(100 * side.directShare).toFixed(0).padStart(3)}%  ${modes || 'not heard'}${attitudes}${verbs.length > 0 ? `  verbs: ${verbs.join(', ')}` : ''}`);
  }
  return lines;
}

/** Line and column (1-based, UTF-16 units) of every offset, from a table of line starts. */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  };
}

/** `line:col-line:col` of a span, as linters print positions. */
export function formatPosition(position: (offset: number) => { line: number; column: number }, start: number, end: number): string {
  const a = position(start);
  const b = position(end);
  return `${a.line}:${a.column}-${b.line}:${b.column}`;
}

/** One finding as a line: position, rule, voice, message (the form tests compare against); `categories` as in the report. */
export function formatFinding(finding: Finding, categories: Report['categories'], position: (offset: number) => { line: number; column: number }): string {
  const message = findingMessage(finding, categories);
  const suggestion = finding.suggestion !== undefined && !message.includes(finding.suggestion) ? ` (try: ${finding.suggestion})` : '';
  return `${formatPosition(position, finding.start, finding.end)}  ${finding.rule}  ${finding.voice}${finding.negated === true ? ' negated' : ''}  ${message}${suggestion}`;
}

/** The whole report as text. */
export function renderText(report: Report, options: RenderOptions): string {
  const { color } = options;
  const paint = (code: string, s: string): string => (color ? `${code}${s}${ANSI.reset}` : s);
  const position = lineIndex(report.text);
  const s = report.summary;
  const out: string[] = [];
  const title = visible(options.name ?? report.id ?? report.title ?? 'article');
  const scope = s.paragraphs === report.paragraphs.length ? '' : ` (${s.paragraphs} scored)`;
  out.push(paint(ANSI.bold, `${title}: ${report.paragraphs.length} paragraphs${scope}, ${s.sentences} sentences, ${s.words} words (${s.quotedWords} in quotes)`));
  out.push(
    `loaded language ${s.loadedLanguage.score.toFixed(2)} (quotations at half), ${s.loadedLanguage.quoted.score.toFixed(2)} quoted` +
      ` | subjectivity ${s.subjectivity.score.toFixed(2)} | sentiment ${s.sentiment.score} (${s.sentiment.comparative.toFixed(3)}/word)` +
      ` | findings ${s.loadedLanguage.counts.byVoice.author} author, ${s.loadedLanguage.counts.byVoice.reported} reported, ${s.loadedLanguage.counts.byVoice.quoted} quoted`,
  );
  if (s.percentiles !== undefined) {
    const p = s.percentiles;
    const figure = (name: string, value: number | null | undefined): string[] => (value === null || value === undefined ? [] : [`${name} ${ordinal(value)}`]);
    const parts = [...figure('loaded language', p.loadedLanguage), ...figure('subjectivity', p.subjectivity), ...figure('sentiment', p.sentiment), ...figure('balance', p.balance)];
    if (parts.length > 0) out.push(`percentiles against the reference corpus (${p.baseline}): ${parts.join(', ')}`);
  }
  if (s.domains.length > 0) out.push(`domains: ${s.domains.join(', ')}`);
  out.push(...renderSource(report));
  out.push(...renderStructure(report));
  out.push(...renderSides(report));
  if (!color) out.push('marks: [author voice]  <reported speech>  {quoted voice}');
  for (const [index, paragraph] of report.paragraphs.entries()) {
    const where = formatPosition(position, paragraph.start, paragraph.end);
    const role = paragraph.role === 'body' ? '' : `  ${paragraph.role}${paragraph.scored ? '' : ' (not scored)'}`;
    out.push('');
    out.push(
      paint(ANSI.dim, `#${index + 1}${role}  ${where}  words ${paragraph.words}  sentiment ${paragraph.sentiment}  subjectivity ${paragraph.subjectivity.toFixed(2)}  loaded ${paragraph.loadedLanguage.toFixed(2)}`),
    );
    out.push(`  ${highlight(report.text, paragraph.start, paragraph.end, paragraph.findings, color)}`);
    for (const index of paragraph.attributions) {
      const attribution = report.attributions[index];
      if (attribution !== undefined) out.push(paint(ANSI.dim, `    ${visible(formatAttribution(attribution, report.text, position))}`));
    }
    for (const finding of paragraph.findings) out.push(`    ${visible(formatFinding(finding, report.categories, position))}`);
    for (const exemption of paragraph.exempted) {
      out.push(paint(ANSI.dim, `    ${formatPosition(position, exemption.start, exemption.end)}  ${exemption.rule}  exempt  ${visible(exemptionMessage(exemption))}`));
    }
  }
  return `${out.join('\n')}\n`;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

// Control characters in an article must not reach a terminal as escape sequences.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
function visible(s: string): string {
  return s.replace(CONTROL, '\uFFFD');
}

function highlight(text: string, start: number, end: number, findings: readonly Finding[], color: boolean): string {
  let out = '';
  let cursor = start;
  for (const finding of findings) {
    if (finding.start < cursor) continue; // a scare quote may contain a finding; mark the outer span only
    out += visible(text.slice(cursor, finding.start));
    const surface = visible(text.slice(finding.start, finding.end));
    if (color) {
      const code = finding.category === 'scare-quote' ? ANSI.scare : finding.voice === 'quoted' ? ANSI.quoted : finding.voice === 'reported' ? ANSI.reported : ANSI.author;
      out += `${code}${surface}${ANSI.reset}`;
    } else {
      out += finding.voice === 'quoted' ? `{${surface}}` : finding.voice === 'reported' ? `<${surface}>` : `[${surface}]`;
    }
    cursor = finding.end;
  }
  out += visible(text.slice(cursor, end));
  return out.replace(/\n/g, '\n  ');
}
