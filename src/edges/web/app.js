// The slant page: sends the article to /v1/analyze and shows the report. Text from the article or report goes in with textContent
// (through el()), never as markup, so a pasted <script> is shown and never runs. Highlights come from the findings' UTF-16 offsets.
import { apiHeaders } from './api-key.js';
import { CATEGORIES, MODES, RELIABILITY, ROLES, VOICES } from './teach.js';
import { describeError, findingMessage, perWord, plural, proseNodes, sideName, spanText, speakerName } from './wording.js';

const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';

/** An element with attributes and children; strings become text nodes. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child !== undefined && child !== null && child !== false) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  for (const child of children) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

const percent = (x) => `${Math.round(x * 100)}%`;
const fixed = (x, digits = 2) => (x === null || x === undefined ? 'n/a' : Number(x).toFixed(digits));

// ---- the form ----------------------------------------------------------------------------------------

let lastReport = null;
let lastReportText = '';

function currentMode() {
  return document.querySelector('input[name="mode"]:checked').value;
}

function syncMode() {
  const mode = currentMode();
  $('paste-field').hidden = mode === 'url';
  $('url-field').hidden = mode !== 'url';
  $('article-input-label').textContent = mode === 'html' ? 'Page HTML' : 'Article text';
}

function requestBody() {
  const mode = currentMode();
  const body = {};
  if (mode === 'url') body.url = $('article-url').value.trim();
  else body[mode] = $('article-input').value;
  const sourceUrl = $('source-url').value.trim();
  const outlet = $('outlet-name').value.trim();
  if (mode !== 'url' && sourceUrl !== '') body.url = sourceUrl;
  if (outlet !== '') body.outlet = outlet;
  return body;
}

function setStatus(message, kind = 'info') {
  const status = $('status');
  status.textContent = message;
  status.dataset.kind = kind;
}

async function submit(event) {
  event.preventDefault();
  const body = requestBody();
  if (body.url === '' || body.text === '' || body.html === '') {
    setStatus(currentMode() === 'url' ? 'Give the address of the page to fetch.' : 'Paste the article first.', 'error');
    (currentMode() === 'url' ? $('article-url') : $('article-input')).focus();
    return;
  }
  const button = $('analyze-button');
  button.disabled = true;
  $('analyze-form').setAttribute('aria-busy', 'true');
  setStatus(body.url !== undefined && currentMode() === 'url' ? 'Fetching and analysing…' : 'Analysing…');
  try {
    const response = await fetch('/v1/analyze', { method: 'POST', headers: { 'content-type': 'application/json', ...apiHeaders() }, body: JSON.stringify(body) });
    const text = await response.text();
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      throw new Error(`the server answered ${response.status} with something that is not JSON`);
    }
    if (!response.ok) throw new Error(describeError(response.status, data));
    lastReport = data;
    lastReportText = text;
    renderReport(data);
    setStatus(`Done: ${$('results-summary').textContent}`);
    $('results-heading').focus();
  } catch (error) {
    // Results of an earlier article must not sit under the error as if they were this one's.
    $('results').hidden = true;
    setStatus(`Could not analyse: ${error.message}`, 'error');
  } finally {
    button.disabled = false;
    $('analyze-form').removeAttribute('aria-busy');
  }
}


// ---- the report --------------------------------------------------------------------------------------

function renderReport(report) {
  hideExplanation();
  $('results').hidden = false;
  renderOverview(report);
  renderOutlet(report.summary);
  renderSides(report.summary.attribution);
  renderSentimentChart(report);
  renderArticle(report);
  const s = report.summary;
  const counts = s.loadedLanguage.counts;
  $('results-summary').textContent =
    `${plural(report.paragraphs.length, 'paragraph')} (${s.paragraphs} scored), ${plural(counts.total, 'finding')} (${counts.byVoice.author} in the outlet's words, ${counts.byVoice.reported} in its paraphrases, ${counts.byVoice.quoted} in quotations), ` +
    `${plural(s.attribution.attributions, 'attribution')} across ${plural(s.attribution.sides.length, 'side')}.`;
}

function renderOverview(report) {
  const s = report.summary;
  // Where the article stands in the reference corpus, when the report says (summary.percentiles).
  const p = s.percentiles;
  const rank = (key) => (p && p[key] !== null && p[key] !== undefined ? `; percentile ${p[key]} in ${p.baseline}` : '');
  const rows = [
    ['Loaded language', fixed(s.loadedLanguage.score), `from the outlet's words and paraphrases, and at half weight the words it quotes, 0 to 1${rank('loadedLanguage')}`],
    ['Loaded language, quoted', fixed(s.loadedLanguage.quoted.score), `inside quotations, 0 to 1${rank('quotedLoadedLanguage')}`],
    ['Subjectivity', fixed(s.subjectivity.score), `the outlet's voice, 0 to 1 (0.5 is the boundary)${rank('subjectivity')}`],
    ['Sentiment', `${s.sentiment.score} (${fixed(s.sentiment.comparative, 3)} per word)`, `AFINN valences, negation applied${rank('sentiment')}`],
    ['Balance of voices', fixed(s.attribution.balance), `${s.attribution.insufficient ? 'too few attributions to judge' : '0 = one side heard, 1 = even'}${rank('balance')}`],
    ['Words', `${s.words} (${s.quotedWords} in quotes)`, `${s.paragraphs} paragraphs, ${s.sentences} sentences`],
  ];
  // What the page said about itself (HTML and URL input).
  const d = report.document;
  if (report.title) rows.unshift(['Title', report.title, d && d.siteName ? `on ${d.siteName}` : '']);
  if (d && (d.byline || d.published)) rows.splice(1, 0, ['By', d.byline ?? '', d.published ? `published ${d.published}` : '']);
  $('overview').replaceChildren(...rows.flatMap(([term, value, note]) => [el('dt', {}, term), el('dd', {}, el('strong', {}, value), ' ', el('span', { class: 'note' }, note))]));
}

// ---- outlet and cited sources ------------------------------------------------------------------------

function linkOrText(text) {
  // Only http(s) addresses become links; anything else stays text.
  const match = /https?:\/\/[^\s)]+/.exec(text);
  if (match === null) return text;
  return el('span', {}, text.slice(0, match.index), el('a', { href: match[0], rel: 'noopener noreferrer' }, match[0]), text.slice(match.index + match[0].length));
}

function outletCard(card, heading) {
  const r = card.reliability;
  const outlet = card.outlet;
  const title = card.name ?? card.domain ?? card.query;
  const parts = [el('h4', {}, heading ? `${heading}: ${title}` : title, card.domain && card.domain !== title ? el('span', { class: 'note' }, ` (${card.domain})`) : null)];
  const facts = el('dl', { class: 'card-facts' });
  const fact = (term, value) => facts.append(el('dt', {}, term), el('dd', {}, value));
  fact('reliability', el('span', {}, el('span', { class: `badge rel-${r.label}` }, RELIABILITY[r.label] ?? r.label), r.score === null ? ' no score' : ` score ${fixed(r.score)}`, `, confidence ${fixed(r.confidence)}`));
  if (outlet) {
    fact('ownership', `${outlet.ownership}: ${outlet.owner}`);
    fact('country', outlet.country);
    if (outlet.stateNote) fact('state note', outlet.stateNote);
  } else {
    fact('ownership', 'unknown');
  }
  parts.push(facts);
  if (r.ratings.length > 0) {
    parts.push(
      el(
        'ul',
        { class: 'ratings' },
        r.ratings.map((rating) =>
          el(
            'li',
            {},
            el('strong', {}, rating.source === 'wikipedia-rsp' ? 'Wikipedia RSP' : rating.source === 'cred1' ? 'CRED-1' : rating.source),
            `: ${rating.raw} → ${fixed(rating.score)}${rating.scope ? ` (scope: ${rating.scope})` : ''}${rating.capped ? ', caps the score' : ''}${rating.counted ? '' : ', not counted'}; snapshot ${rating.snapshot}, ${rating.license}. `,
            el('span', { class: 'note' }, linkOrText(rating.citation)),
          ),
        ),
      ),
    );
  }
  if (r.notes.length > 0) parts.push(el('ul', { class: 'notes' }, r.notes.map((note) => el('li', {}, note))));
  return el('div', { class: 'card' }, parts);
}

function renderOutlet(summary) {
  const container = $('outlet-card');
  const nodes = [];
  const source = summary.source;
  if (source === null) {
    nodes.push(el('p', {}, 'The publishing outlet was not identified. Give the article\'s address or the outlet\'s name under "where it was published".'));
  } else {
    nodes.push(outletCard(source.card, 'Published by'));
    const evidence = source.evidence ? ` from "${source.evidence.text}"` : '';
    nodes.push(el('p', { class: 'note' }, `Identified by ${source.detectedBy}${evidence} (confidence ${fixed(source.confidence)}).`));
  }
  const cited = summary.citedSources;
  if (cited.length > 0) {
    nodes.push(el('h4', {}, 'Sources it cites or credits'));
    nodes.push(
      el(
        'ul',
        { class: 'cited' },
        cited.map((c) =>
          el(
            'li',
            {},
            el('strong', {}, c.name),
            ` (${c.how}${c.attributions.length > 0 ? `, speaks in ${c.attributions.length} attribution${c.attributions.length === 1 ? '' : 's'}` : ''}): `,
            c.card === null ? 'unnamed source' : el('span', {}, el('span', { class: `badge rel-${c.card.reliability.label}` }, RELIABILITY[c.card.reliability.label] ?? c.card.reliability.label), c.card.outlet ? ` ${c.card.outlet.ownership}, ${c.card.outlet.country}` : ''),
            c.card === null ? null : el('details', {}, el('summary', {}, 'provenance'), outletCard(c.card)),
          ),
        ),
      ),
    );
  }
  container.replaceChildren(...nodes);
}

// ---- sides -------------------------------------------------------------------------------------------

function bar(share, label) {
  const fill = el('span', { class: 'bar-fill' });
  fill.style.width = percent(share); // CSSOM, allowed by the page's CSP (no inline style attributes)
  return el('span', { class: 'bar', role: 'img', 'aria-label': label }, fill);
}

function renderSides(attribution) {
  const balance = $('balance');
  if (attribution.attributions === 0) {
    balance.textContent = 'No attributed speech was found.';
  } else {
    balance.textContent =
      `Balance ${fixed(attribution.balance)} weighted by mode (a direct quote counts 1, a summary or an attitude 0.25), ${fixed(attribution.countBalance)} counting each attribution once` +
      `${attribution.insufficient ? ' — too few attributions to judge' : ''}. Anonymous ${percent(attribution.anonymousRate)}.`;
  }
  const rows = attribution.sides.map((side) => {
    const modes = Object.entries(side.byMode)
      .filter(([mode, n]) => n > 0 && mode !== 'attitude') // attitudes are shown apart from what a side said
      .map(([mode, n]) => `${MODES[mode] ?? mode} ${n}`)
      .join(', ');
    return el(
      'tr',
      { 'data-side': side.side },
      el('th', { scope: 'row', title: side.side }, sideName(side.side)),
      el('td', {}, bar(side.voiceShare, `${percent(side.voiceShare)} of the voice`), el('span', { class: 'num' }, percent(side.voiceShare))),
      el('td', {}, bar(side.countShare, `${percent(side.countShare)} of the attributions`), el('span', { class: 'num' }, percent(side.countShare))),
      el('td', { class: 'num' }, String(side.attributions)),
      el('td', {}, `${modes || 'mentioned, not heard'}${side.byMode.attitude > 0 ? `; ${MODES.attitude} ${side.byMode.attitude}` : ''}`),
    );
  });
  $('sides-table').tBodies[0].replaceChildren(...rows);
}

// ---- sentiment chart ---------------------------------------------------------------------------------

function renderSentimentChart(report) {
  const paragraphs = report.paragraphs;
  const width = 640;
  const height = 160;
  const mid = height / 2;
  const step = paragraphs.length === 0 ? width : width / paragraphs.length;
  // The scale comes from the scored paragraphs: a cookie banner must not set it, nor get the tallest bar.
  const max = Math.max(0.05, ...paragraphs.filter((p) => p.scored !== false).map((p) => Math.abs(perWord(p))));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height + 20}`, width: '100%', role: 'img', 'aria-labelledby': 'sentiment-title sentiment-desc', preserveAspectRatio: 'none' });
  const negatives = paragraphs.filter((p) => perWord(p) < 0).length;
  const positives = paragraphs.filter((p) => perWord(p) > 0).length;
  chart.append(
    svg('title', { id: 'sentiment-title' }, 'Sentiment per paragraph (AFINN score per word)'),
    svg('desc', { id: 'sentiment-desc' }, `${paragraphs.length} paragraphs: ${positives} positive, ${negatives} negative, the rest neutral. Bars above the line are positive. Dimmed bars are paragraphs that are not scored.`),
    svg('line', { x1: 0, x2: width, y1: mid, y2: mid, class: 'axis' }),
    svg('text', { x: 2, y: 10, class: 'tick scale' }, `+${fixed(max, 2)} per word`),
    svg('text', { x: 2, y: height - 2, class: 'tick scale' }, `−${fixed(max, 2)} per word`),
  );
  paragraphs.forEach((p, i) => {
    const value = perWord(p);
    const h = Math.min(mid - 4, Math.max(1, (Math.abs(value) / max) * (mid - 4)));
    const role = p.role ?? 'body';
    const rect = svg('rect', {
      x: (i * step + step * 0.15).toFixed(1),
      width: Math.max(1, step * 0.7).toFixed(1),
      y: (value >= 0 ? mid - h : mid).toFixed(1),
      height: h.toFixed(1),
      class: `${value > 0 ? 'pos' : value < 0 ? 'neg' : 'zero'}${role === 'body' ? '' : ' unscored'}`,
    });
    rect.append(svg('title', {}, `paragraph ${i + 1}${role === 'body' ? '' : ` (${ROLES[role] ?? role}, not scored)`}: ${fixed(value, 3)} per word, score ${p.sentiment}`));
    chart.append(rect);
    if (paragraphs.length <= 40) chart.append(svg('text', { x: (i * step + step / 2).toFixed(1), y: height + 14, class: 'tick' }, String(i + 1)));
  });
  $('sentiment-chart').replaceChildren(chart);
}

// ---- the article with highlights ---------------------------------------------------------------------

// Findings by the number the marks carry in data-finding, and that number by finding.
const findingsById = [];
const idOfFinding = new Map();

/**
 * The paragraph's text as nodes, with findings as nested <mark> elements. Findings may overlap: they are
 * ordered by start, then longer first, then rule, and a finding that crosses the end of an enclosing one
 * is split there, its later pieces marked as continuations (only the first piece takes focus).
 */
function highlight(text, start, end, findings) {
  // `text` is the whole report text: offsets are absolute.
  const ordered = findings
    .filter((f) => f.end > start && f.start < end && f.end > f.start)
    .map((f) => ({ finding: f, from: Math.max(f.start, start), to: Math.min(f.end, end) }))
    .sort((a, b) => a.from - b.from || b.to - a.to || (a.finding.rule < b.finding.rule ? -1 : a.finding.rule > b.finding.rule ? 1 : 0));
  const boundaries = [...new Set([start, end, ...ordered.flatMap((o) => [o.from, o.to])])].sort((a, b) => a - b);
  const root = document.createDocumentFragment();
  const stack = []; // open elements: { item, node }
  const parent = () => (stack.length === 0 ? root : stack[stack.length - 1].node);
  let next = 0;
  for (let b = 0; b < boundaries.length; b++) {
    const at = boundaries[b];
    // Close what ends here; an element that ends under others closes them too and reopens them after.
    const reopen = [];
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i].item.to !== at) continue;
      while (stack.length > i + 1) reopen.unshift(stack.pop().item);
      stack.pop();
    }
    for (const item of reopen) if (item.to > at) openMark(item, true);
    while (next < ordered.length && ordered[next].from === at) openMark(ordered[next++], false);
    const following = boundaries[b + 1];
    if (following !== undefined) parent().append(document.createTextNode(text.slice(at, following)));
  }
  return root;

  function openMark(item, continuation) {
    const node = markFor(item.finding, continuation);
    parent().append(node);
    stack.push({ item, node });
  }
}

function markFor(finding, continuation) {
  let id = idOfFinding.get(finding);
  if (id === undefined) {
    id = findingsById.push(finding) - 1;
    idOfFinding.set(finding, id);
  }
  const attributes = {
    class: `f cat-${finding.category} voice-${finding.voice}${continuation ? ' cont' : ''}`,
    'data-finding': id,
    'data-category': finding.category,
    'data-voice': finding.voice,
  };
  if (!continuation) {
    attributes.tabindex = '0';
    attributes['aria-label'] = `${finding.text}: ${CATEGORIES[finding.category]?.name ?? finding.category}, ${VOICES[finding.voice]?.name ?? finding.voice}`;
  }
  return el('mark', attributes);
}

function attributionLine(report, attribution) {
  const who = attribution.speaker ? spanText(report, attribution.speaker) : attribution.cue === null ? '(continues the previous speaker)' : '(no speaker named)';
  const cue = attribution.cue ? `${spanText(report, attribution.cue)} (${attribution.cue[3]})` : '—';
  const target = attribution.target ? `, about ${spanText(report, attribution.target)}${attribution.target[3] ? ` (${sideName(attribution.target[3])})` : ''}` : '';
  const anonymous = attribution.anonymous ? (attribution.anonymityReason ? ', anonymous, reason given' : ', anonymous') : '';
  return el(
    'li',
    { 'data-mode': attribution.mode },
    el('span', { class: `mode mode-${attribution.mode}` }, MODES[attribution.mode] ?? attribution.mode),
    ' ',
    el('strong', {}, who),
    ` · cue: ${cue} · side: ${sideName(attribution.side)}${target}${anonymous}`,
  );
}

function renderArticle(report) {
  findingsById.length = 0;
  idOfFinding.clear();
  const nodes = report.paragraphs.map((p, i) => {
    const role = p.role ?? 'body';
    const scored = p.scored ?? role === 'body';
    const header = el(
      'p',
      { class: 'para-meta' },
      el('span', { class: 'para-index' }, `¶${i + 1}`),
      scored ? '' : el('span', { class: 'role' }, `${ROLES[role] ?? role} · not scored`),
      scored ? el('span', { class: 'note' }, `loaded ${fixed(p.loadedLanguage)} · subjectivity ${fixed(p.subjectivity)} · sentiment ${fixed(perWord(p), 3)}/word`) : '',
    );
    const body = el('p', { class: 'para-text' }, highlight(report.text, p.start, p.end, p.findings));
    const children = [header, body, ...pageChecks(report.summary, i)];
    if (p.attributions.length > 0) children.push(el('ul', { class: 'attributions', 'aria-label': `Attributions in paragraph ${i + 1}` }, p.attributions.map((index) => report.attributions[index]).filter(Boolean).map((attribution) => attributionLine(report, attribution))));
    return el('article', { class: `para${scored ? '' : ' unscored'}`, 'data-role': role, 'aria-label': `Paragraph ${i + 1}${scored ? '' : `, ${ROLES[role] ?? role}, not scored`}` }, children);
  });
  $('article').replaceChildren(...nodes);
}

// What the report says about a headline or a caption: the comparison with the body, the names that match.
function pageChecks(summary, index) {
  const checks = [];
  const headline = summary.headline;
  if (headline && headline.paragraph === index) {
    const figures = `Headline against body: loaded ${fixed(headline.loadedLanguage.density, 1)} per 100 words against ${fixed(headline.body.loadedLanguage.density, 1)}; sentiment ${fixed(headline.sentiment.comparative, 3)} per word against ${fixed(headline.body.sentiment.comparative, 3)}.`;
    checks.push(el('p', { class: 'page-check' }, figures, headline.flags.length === 0 ? ' In line with the body.' : ''));
    for (const flag of headline.flags) checks.push(el('p', { class: 'page-check flagged', 'data-flag': flag.code }, proseNodes(flag.message)));
  }
  for (const caption of summary.captions ?? []) {
    if (caption.paragraph !== index) continue;
    checks.push(el('p', { class: `page-check${caption.unrelated ? ' flagged' : ''}`, 'data-flag': caption.unrelated ? 'unrelated-caption' : 'caption' }, proseNodes(caption.message)));
  }
  return checks;
}

// ---- explanations (hover and keyboard focus) ---------------------------------------------------------

let explained = null;

function explain(mark) {
  const finding = findingsById[Number(mark.dataset.finding)];
  if (finding === undefined) return;
  const teaching = $('teaching').checked;
  const category = CATEGORIES[finding.category] ?? { name: finding.category };
  const voice = VOICES[finding.voice] ?? { name: finding.voice, meaning: '' };
  const box = $('explanation');
  const speaker = finding.speaker ? ` (${speakerName(finding.speaker, lastReport)})` : '';
  const rows = [
    el('p', { class: 'exp-title' }, el('strong', {}, `“${finding.text}”`), ` ${category.name} · ${voice.name}${speaker}`),
  ];
  // The message quotes the words; the suggestion is shown on its own line below.
  const message = findingMessage({ ...finding, suggestion: undefined }, lastReport?.categories);
  rows.push(el('p', {}, proseNodes(message), finding.negated ? ' (negated: a "not" or "no" comes just before it; it still counts)' : ''));
  if (finding.suggestion) rows.push(el('p', { class: 'exp-suggestion' }, 'Neutral alternative: ', el('strong', {}, finding.suggestion)));
  if (teaching) {
    if (category.meaning) rows.push(el('p', {}, category.meaning));
    if (category.example) rows.push(el('p', { class: 'note' }, `Example: ${category.example}`));
    if (voice.meaning) rows.push(el('p', { class: 'note' }, voice.meaning));
  }
  rows.push(el('p', { class: 'exp-source' }, `${finding.rule} · ${lastReport?.rules?.[finding.rule]?.source ?? '?'} · weight ${fixed(lastReport?.rules?.[finding.rule]?.weight ?? 0)}`));
  box.replaceChildren(...rows);
  box.hidden = false;
  const rect = mark.getBoundingClientRect();
  const maxLeft = document.documentElement.clientWidth - box.offsetWidth - 8;
  box.style.left = `${Math.max(8, Math.min(rect.left + window.scrollX, maxLeft + window.scrollX))}px`;
  box.style.top = `${rect.bottom + window.scrollY + 6}px`;
  if (explained !== null && explained !== mark) explained.removeAttribute('aria-describedby');
  mark.setAttribute('aria-describedby', 'explanation');
  explained = mark;
}

function hideExplanation() {
  $('explanation').hidden = true;
  if (explained !== null) explained.removeAttribute('aria-describedby');
  explained = null;
}

function markOf(target) {
  const mark = target instanceof Element ? target.closest('mark.f[data-finding]') : null;
  return mark !== null && $('article').contains(mark) ? mark : null;
}

// ---- downloads and printing --------------------------------------------------------------------------

function downloadJson() {
  if (lastReport === null) return;
  // The report exactly as the server sent it.
  const blob = new Blob([lastReportText], { type: 'application/json' });
  const link = el('a', { href: URL.createObjectURL(blob), download: `${(lastReport.id ?? 'slant-report').replace(/[^\w.-]+/g, '_')}.json` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

// ---- wiring ------------------------------------------------------------------------------------------

$('analyze-form').addEventListener('submit', submit);
for (const radio of document.querySelectorAll('input[name="mode"]')) radio.addEventListener('change', syncMode);
$('download-json').addEventListener('click', downloadJson);
$('print-report').addEventListener('click', () => window.print());
const article = $('article');
article.addEventListener('focusin', (event) => {
  const mark = markOf(event.target);
  if (mark !== null) explain(mark);
});
article.addEventListener('focusout', (event) => {
  if (markOf(event.relatedTarget) === null) hideExplanation();
});
article.addEventListener('mouseover', (event) => {
  const mark = markOf(event.target);
  if (mark !== null && mark !== explained) explain(mark);
});
// The explanation stays while the pointer moves onto it (so it can be read and selected), and goes when
// the pointer leaves both it and the article, or on Escape.
const leave = (event) => {
  const to = event.relatedTarget;
  if (to instanceof Node && (article.contains(to) || $('explanation').contains(to))) return;
  if (explained !== null && document.activeElement !== explained) hideExplanation();
};
article.addEventListener('mouseleave', leave);
$('explanation').addEventListener('mouseleave', leave);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !$('explanation').hidden) hideExplanation();
});
syncMode();
