// The comparison page: 2 to 6 articles in, POST /v1/compare, the comparison shown side by side. Every
// difference links to its evidence, marked in the articles' texts. Text from articles and the service is
// only ever inserted as text (textContent, text nodes), never parsed as HTML.
import { apiHeaders } from './api-key.js';
import { describeError, sideName } from './wording.js';

const MIN_ARTICLES = 2;
const MAX_ARTICLES = 6;
const STATUS_WORDS = { quoted: 'quoted directly', paraphrased: 'paraphrased', summarised: 'only summarised', mentioned: 'named, not heard', absent: 'absent' };

const form = document.getElementById('compare-form');
const fields = document.getElementById('article-fields');
const addButton = document.getElementById('add-article');
const compareButton = document.getElementById('compare-button');
const status = document.getElementById('compare-status');
const results = document.getElementById('compare-results');

const keyOf = (index) => String.fromCharCode(65 + index);
const el = (tag, { dataset = {}, ...props } = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  Object.assign(node.dataset, dataset);
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
};

function addField() {
  const index = fields.children.length;
  if (index >= MAX_ARTICLES) return;
  const box = el('div', { className: 'compare-field' });
  const textId = `compare-text-${index}`;
  const urlId = `compare-url-${index}`;
  box.append(
    el('label', { htmlFor: textId, className: 'article-label' }),
    el('textarea', { id: textId, rows: 8, spellcheck: false }),
    el('label', { htmlFor: urlId, className: 'url-label' }),
    el('input', { id: urlId, type: 'url', inputMode: 'url', placeholder: 'https://…' }),
  );
  const remove = el('button', { type: 'button', className: 'secondary remove' });
  remove.addEventListener('click', () => {
    box.remove();
    relabel();
  });
  box.append(remove);
  fields.append(box);
  relabel();
}

// Keys follow the order on the page: removing B makes C the new B.
function relabel() {
  [...fields.children].forEach((box, index) => {
    box.querySelector('.article-label').textContent = `Article ${keyOf(index)} text`;
    box.querySelector('.url-label').textContent = `or the address of article ${keyOf(index)}`;
    const remove = box.querySelector('.remove');
    remove.textContent = `Remove article ${keyOf(index)}`;
    remove.hidden = fields.children.length <= MIN_ARTICLES;
  });
  addButton.hidden = fields.children.length >= MAX_ARTICLES;
}

function readArticles() {
  return [...fields.children].map((box, index) => {
    const text = box.querySelector('textarea').value;
    const url = box.querySelector('input[type="url"]').value.trim();
    if (text.trim() !== '') return url === '' ? { id: `Article ${keyOf(index)}`, text } : { id: `Article ${keyOf(index)}`, text, url };
    if (url !== '') return { id: `Article ${keyOf(index)}`, url };
    throw new Error(`Article ${keyOf(index)} is empty: paste its text or give its address.`);
  });
}

function say(message, kind = 'info') {
  status.textContent = message;
  status.dataset.kind = kind;
}

addButton.addEventListener('click', addField);
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  let articles;
  try {
    articles = readArticles();
  } catch (error) {
    results.hidden = true;
    say(error.message, 'error');
    return;
  }
  compareButton.disabled = true;
  say(`Analysing and comparing ${articles.length} articles…`);
  try {
    const response = await fetch('/v1/compare', { method: 'POST', headers: { 'content-type': 'application/json', ...apiHeaders() }, body: JSON.stringify({ articles }) });
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      results.hidden = true;
      say(`Could not compare: ${describeError(response.status, data)}`, 'error');
      return;
    }
    render(data);
    say(`Compared ${data.articles.length} articles: ${data.summary.length} differences listed.`);
    results.hidden = false;
    document.getElementById('compare-results-heading').focus();
  } catch (error) {
    results.hidden = true;
    say(`Could not reach the server: ${error.message}`, 'error');
  } finally {
    compareButton.disabled = false;
  }
});

addField();
addField();

// ---- rendering ----

function render(comparison) {
  const marks = renderTexts(comparison);
  renderSummary(comparison, marks);
  renderCards(comparison);
  renderVoices(comparison);
  renderWords(comparison);
  renderOnly(comparison);
  renderFigures(comparison);
  const method = document.getElementById('compare-method');
  method.replaceChildren(...Object.entries(comparison.method).flatMap(([part, text]) => [el('dt', { textContent: part }), el('dd', { textContent: text })]));
}

const spanId = (item) => `ev-${item.article}-${item.start}-${item.end}`;

// The evidence to mark in each text: short items (words, names, figures) and statements; nested spans nest,
// spans that cross another are left unmarked (their links go to the nearest mark).
function evidenceByArticle(comparison) {
  const byArticle = new Map(comparison.articles.map((article) => [article.key, new Map()]));
  const add = (item, kind) => {
    const spans = byArticle.get(item.article);
    if (spans && item.end > item.start && !spans.has(spanId(item))) spans.set(spanId(item), { ...item, kind });
  };
  for (const entry of comparison.distinctive) {
    for (const list of [entry.names, entry.numbers, entry.wording]) for (const item of list) item.evidence.forEach((evidence) => add(evidence, 'word'));
    for (const item of entry.attributions) item.evidence.forEach((evidence) => add(evidence, 'statement'));
  }
  for (const group of comparison.wordChoice) for (const use of group.uses) for (const term of use.terms) term.evidence.forEach((evidence) => add(evidence, 'word'));
  for (const row of [...comparison.voices.sides, ...comparison.voices.actors]) for (const cell of row.cells) cell.evidence.forEach((evidence) => add(evidence, evidence.path ? 'statement' : 'word'));
  for (const line of comparison.summary) line.evidence.forEach((evidence) => add(evidence, evidence.path?.startsWith('attributions') ? 'statement' : 'word'));
  return byArticle;
}

function renderTexts(comparison) {
  const container = document.getElementById('compare-texts');
  const byArticle = evidenceByArticle(comparison);
  const marks = new Map(); // article key -> [{start, end, node}]
  container.replaceChildren(
    ...comparison.articles.map((article) => {
      const text = el('div', { className: 'compare-text', id: `compare-text-${article.key}`, tabIndex: -1 });
      const spans = [...byArticle.get(article.key).values()].sort((a, b) => a.start - b.start || b.end - a.end);
      marks.set(article.key, markText(text, article.text, spans));
      return el('div', { className: 'compare-column', dataset: { article: article.key } }, el('h4', { textContent: `${article.key}: ${article.name}` }), text);
    }),
  );
  return marks;
}

function markText(container, text, spans) {
  const root = { start: 0, end: text.length, children: [] };
  const stack = [root];
  for (const span of spans) {
    while (stack.length > 1 && stack[stack.length - 1].end <= span.start) stack.pop();
    const top = stack[stack.length - 1];
    const last = top.children[top.children.length - 1];
    if (span.end > top.end || (last && last.end > span.start)) continue;
    const node = { ...span, children: [] };
    top.children.push(node);
    stack.push(node);
  }
  const placed = [];
  const build = (node, parent) => {
    let at = node.start;
    for (const child of node.children) {
      parent.append(text.slice(at, child.start));
      const mark = el('mark', { id: spanId(child), tabIndex: -1, dataset: { kind: child.kind } });
      build(child, mark);
      parent.append(mark);
      placed.push({ start: child.start, end: child.end, node: mark });
      at = child.end;
    }
    parent.append(text.slice(at, node.end));
  };
  build(root, container);
  return placed;
}

// The mark for an evidence item: its own, else the smallest mark overlapping it, else the whole text.
function targetOf(item, marks) {
  const own = document.getElementById(spanId(item));
  if (own) return own;
  const overlapping = (marks.get(item.article) ?? []).filter((mark) => mark.start < item.end && item.start < mark.end).sort((a, b) => a.end - a.start - (b.end - b.start));
  return overlapping[0]?.node ?? document.getElementById(`compare-text-${item.article}`);
}

function evidenceLink(item, marks) {
  const target = targetOf(item, marks);
  const words = item.text.replace(/\s+/g, ' ').trim();
  const link = el('a', { href: `#${target.id}`, textContent: `${item.article}: “${words.length > 60 ? `${words.slice(0, 57)}…` : words}”` });
  link.addEventListener('click', (event) => {
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  });
  return link;
}

function renderSummary(comparison, marks) {
  const list = document.getElementById('compare-summary');
  list.replaceChildren(
    ...comparison.summary.map((line) =>
      el('li', { dataset: { topic: line.topic } }, el('span', { className: 'summary-text', textContent: line.text }), el('div', { className: 'evidence' }, ...line.evidence.map((item) => evidenceLink(item, marks)))),
    ),
  );
}

function renderCards(comparison) {
  const container = document.getElementById('compare-cards');
  container.replaceChildren(
    ...comparison.articles.map((article, index) => {
      const headline = comparison.headlines[index];
      const outlet = comparison.outlets[index];
      const facts = outlet.name === null ? ['Outlet not identified'] : [outlet.name, outlet.country && sideName(outlet.country), outlet.ownership && `${outlet.ownership} ownership${outlet.owner ? ` (${outlet.owner})` : ''}`, outlet.reliability && `reliability: ${outlet.reliability.label}`].filter(Boolean);
      return el(
        'div',
        { className: 'compare-column', dataset: { article: article.key } },
        el('h4', { textContent: `${article.key}: ${article.name}` }),
        el('p', { className: 'compare-headline' }, el('strong', { textContent: headline.text ?? '(no headline found)' })),
        headline.flags.length > 0 ? el('p', { className: 'note', textContent: headline.flags.join(' ') }) : null,
        el('p', { className: 'compare-outlet', textContent: facts.join(' · ') }),
        outlet.cited.length > 0 ? el('p', { className: 'note', textContent: `Cites: ${outlet.cited.join(', ')}` }) : null,
      );
    }),
  );
}

function tableHead(table, comparison, first) {
  table.tHead.replaceChildren(el('tr', {}, el('th', { scope: 'col', textContent: first }), ...comparison.articles.map((article) => el('th', { scope: 'col', textContent: `${article.key}: ${article.name}` }))));
}

function renderVoices(comparison) {
  const table = document.getElementById('voices-table');
  tableHead(table, comparison, 'side or actor');
  const row = (entry, label, kind) =>
    el(
      'tr',
      { className: entry.differs ? 'differs' : '', dataset: { id: entry.id, kind } },
      el('th', { scope: 'row', textContent: label }),
      ...entry.cells.map((cell) => el('td', { dataset: { status: cell.status, article: cell.article }, textContent: STATUS_WORDS[cell.status] ?? cell.status })),
    );
  table.tBodies[0].replaceChildren(
    ...comparison.voices.sides.map((entry) => row(entry, `${sideName(entry.side)} (side)`, 'side')),
    ...comparison.voices.actors.map((entry) => row(entry, entry.name, 'actor')),
  );
}

function renderWords(comparison) {
  const table = document.getElementById('words-table');
  tableHead(table, comparison, 'the same thing');
  table.tBodies[0].replaceChildren(
    ...comparison.wordChoice.map((group) =>
      el(
        'tr',
        { className: group.differs ? 'differs' : '', dataset: { group: group.group } },
        el('th', { scope: 'row', title: group.source }, group.referent, el('span', { className: 'note', textContent: ` (source: ${group.source})` })),
        ...group.uses.map((use) => el('td', { dataset: { article: use.article }, textContent: use.terms.length === 0 ? '—' : use.terms.map((term) => `${term.term} ×${term.count}${term.quoted > 0 ? ` (${term.quoted} in quotations)` : ''}`).join(', ') })),
      ),
    ),
  );
  document.getElementById('words-empty').hidden = comparison.wordChoice.length > 0;
  table.hidden = comparison.wordChoice.length === 0;
}

function renderOnly(comparison) {
  const container = document.getElementById('compare-only');
  const list = (title, items) => (items.length === 0 ? null : el('div', {}, el('strong', { textContent: title }), el('ul', {}, ...items.map((text) => el('li', { textContent: text })))));
  container.replaceChildren(
    ...comparison.distinctive.map((entry) =>
      el(
        'div',
        { className: 'compare-column', dataset: { article: entry.article } },
        el('h4', { textContent: `Only in ${entry.article}` }),
        list('Names', entry.names.map((item) => item.text)),
        list('Figures', entry.numbers.map((item) => item.text)),
        list('Statements the others do not carry', entry.attributions.map((item) => `${item.speaker}: ${item.text}`)),
        list('Wording in its own voice', entry.wording.map((item) => item.text)),
        entry.names.length + entry.numbers.length + entry.attributions.length + entry.wording.length === 0 ? el('p', { className: 'note', textContent: 'Nothing that the others lack.' }) : null,
      ),
    ),
  );
}

function renderFigures(comparison) {
  const table = document.getElementById('figures-table');
  tableHead(table, comparison, 'figure');
  const show = (figure) => (figure.value === null ? '—' : `${Number(figure.value.toFixed(2))}${figure.percentile === null ? '' : ` (percentile ${figure.percentile})`}`);
  const rows = [
    ['words', (row) => String(row.words)],
    ['share of words in quotations', (row) => `${Math.round(row.quotedShare * 100)}%`],
    ['loaded language (quotations at half weight)', (row) => show(row.loadedLanguage)],
    ['loaded language, in quotations', (row) => show(row.quotedLoadedLanguage)],
    ['subjectivity', (row) => show(row.subjectivity)],
    ['sentiment', (row) => show(row.sentiment)],
    ['balance of sides', (row) => show(row.balance)],
    ['attributions', (row) => show(row.attributions)],
  ];
  table.tBodies[0].replaceChildren(...rows.map(([label, value]) => el('tr', {}, el('th', { scope: 'row', textContent: label }), ...comparison.figures.map((row) => el('td', { textContent: value(row) })))));
}
