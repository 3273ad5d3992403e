/**
 * Who is heard, and how, in each article: one row per actor (and one per side), one cell per article. A cell
 * takes the strongest way the actor speaks there: quoted (a direct or mixed quotation), paraphrased (indirect
 * speech), summarised (a summary, an attitude or a refusal to comment), mentioned (named, never heard) or
 * absent. An actor quoted in one article and absent from another is an omission worth seeing.
 */
import { spanText } from '../report/messages.ts';
import { matchAt, type ActorRef, type Lexicons } from '../data/index.ts';
import { sideOfActor } from '../metrics/attribution/speaker-sides.ts';
import { evidenceOf, type ArticleView } from './articles.ts';
import { VOICE_STATUSES, type Evidence, type VoiceRow, type VoiceStatus } from './schema.ts';

const STATUS_OF_MODE: Readonly<Record<string, VoiceStatus>> = {
  direct: 'quoted',
  mixed: 'quoted',
  indirect: 'paraphrased',
  summary: 'summarised',
  attitude: 'summarised',
  'non-response': 'summarised',
  vague: 'summarised',
};

type Cell = { status: VoiceStatus; modes: Record<string, number>; evidence: Evidence[] };
type Row = { id: string; name: string; side: string; cells: Map<string, Cell> };

/** The voices table: sides first, then actors, each sorted by how strongly they are heard across the articles. */
export function compareVoices(views: readonly ArticleView[], lexicons: Lexicons): { sides: VoiceRow[]; actors: VoiceRow[] } {
  const actors = new Map<string, Row>();
  const sides = new Map<string, Row>();
  const row = (table: Map<string, Row>, id: string, name: string, side: string): Row => {
    let found = table.get(id);
    if (found === undefined) {
      found = { id, name, side, cells: new Map() };
      table.set(id, found);
    }
    return found;
  };
  for (const view of views) {
    view.report.attributions.forEach((attribution, index) => {
      const speakerText = attribution.speaker === null ? null : spanText(view.report.text, attribution.speaker);
      const span = attribution.content ?? attribution.cue ?? attribution.speaker;
      const evidence = span === null ? [] : [evidenceOf(view, span[0], span[1], `attributions[${index}]`)];
      const status = STATUS_OF_MODE[attribution.mode] ?? 'summarised';
      hear(row(sides, `side:${attribution.side}`, attribution.side, attribution.side), view.key, status, attribution.mode, evidence);
      const id = attribution.actor ?? (speakerText === null || attribution.anonymous ? null : `speaker:${speakerText.toLowerCase()}`);
      if (id === null || attribution.mode === 'vague') return;
      const name = attribution.actor === null ? (speakerText ?? id) : (lexicons.actors.get(attribution.actor)?.name ?? attribution.actor);
      hear(row(actors, id, name, attribution.side), view.key, status, attribution.mode, evidence);
    });
  }
  // Named but never heard: the gazetteer's actors wherever a counted paragraph names them.
  for (const view of views) {
    for (const [id, evidence] of actorMentions(view, lexicons)) {
      const known = actors.get(id);
      const side = known?.side ?? sideOfActor(lexicons, id);
      if (known !== undefined) mention(known, view.key, evidence);
      const sideRow = sides.get(`side:${side}`);
      if (sideRow !== undefined) mention(sideRow, view.key, evidence);
    }
  }
  const finish = (table: Map<string, Row>): VoiceRow[] =>
    [...table.values()]
      .map((entry) => {
        const cells = views.map((view) => ({ article: view.key, ...(entry.cells.get(view.key) ?? { status: 'absent' as const, modes: {}, evidence: [] }) }));
        return { id: entry.id, name: entry.name, side: entry.side, cells, differs: new Set(cells.map((cell) => cell.status)).size > 1 };
      })
      .sort((a, b) => strength(b) - strength(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { sides: finish(sides), actors: finish(actors) };
}

function hear(entry: Row, article: string, status: VoiceStatus, mode: string, evidence: Evidence[]): void {
  let cell = entry.cells.get(article);
  if (cell === undefined) {
    cell = { status, modes: {}, evidence: [] };
    entry.cells.set(article, cell);
  }
  cell.modes[mode] = (cell.modes[mode] ?? 0) + 1;
  // The evidence for the cell's status comes first: a summary line shows the first items.
  if (rank(status) < rank(cell.status)) {
    cell.status = status;
    cell.evidence.unshift(...evidence);
  } else cell.evidence.push(...evidence);
}

function mention(entry: Row, article: string, evidence: Evidence): void {
  if (entry.cells.has(article)) return;
  entry.cells.set(article, { status: 'mentioned', modes: {}, evidence: [evidence] });
}

function rank(status: VoiceStatus): number {
  return VOICE_STATUSES.indexOf(status);
}

// Rows heard most across the articles come first: direct voice outweighs a mention.
function strength(row: { cells: readonly { status: VoiceStatus }[] }): number {
  return row.cells.reduce((sum, cell) => sum + (VOICE_STATUSES.length - 1 - rank(cell.status)), 0);
}

/** Each gazetteer actor the counted paragraphs name, with its first mention. */
function actorMentions(view: ArticleView, lexicons: Lexicons): Map<string, Evidence> {
  const { tokens } = view.article;
  const found = new Map<string, Evidence>();
  const scratch: ActorRef[] = [];
  for (let t = 0; t < tokens.count; t++) {
    const words = view.countedToken[t] === 0 ? 0 : matchAt(lexicons.actorIndex, tokens, t, tokens.count, scratch);
    if (words === 0) continue;
    const { id } = scratch[0] as ActorRef;
    const last = t + words - 1;
    if (!found.has(id)) found.set(id, evidenceOf(view, tokens.start[t] as number, tokens.end[last] as number));
    t = last;
  }
  return found;
}
