/**
 * `/docs`: a readable page of the API made from the OpenAPI document itself (so it cannot drift from it),
 * with no script and nothing fetched from elsewhere. Pure: document in, HTML string out; every value is
 * escaped.
 */

type OpenApiOperation = {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; description?: string; required?: boolean }[];
  requestBody?: { description?: string; content?: Record<string, { schema?: { $ref?: string } }> };
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
  'x-curl'?: string;
};
/** The parts of an OpenAPI document the page shows; anything else in it is ignored. */
export type OpenApiDocument = { info?: { title?: string; version?: string; description?: string | undefined }; paths?: object };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** `s` with the five HTML-significant characters escaped. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const refName = (ref: string | undefined): string | undefined => ref?.replace(/^#\/components\/schemas\//, '');

// Descriptions use `code` spans, as in Markdown; escaped first, so only the backticks become markup.
const prose = (s: string): string => escapeHtml(s).replace(/`([^`]+)`/g, '<code>$1</code>');

function renderOperation(path: string, method: string, op: OpenApiOperation): string {
  const parts: string[] = [];
  const anchor = `${method}-${path}`.replace(/[^a-z0-9]+/gi, '-');
  parts.push(`<section class="route" id="${escapeHtml(anchor)}">`);
  parts.push(`<h2><span class="method">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h2>`);
  if (op.summary !== undefined) parts.push(`<p class="summary">${escapeHtml(op.summary)}</p>`);
  if (op.description !== undefined) parts.push(`<p>${prose(op.description)}</p>`);
  if (op.parameters !== undefined && op.parameters.length > 0) {
    parts.push('<h3>Parameters</h3><ul>');
    for (const p of op.parameters) parts.push(`<li><code>${escapeHtml(p.name)}</code> (${escapeHtml(p.in)}${p.required === true ? ', required' : ''})${p.description === undefined ? '' : `: ${escapeHtml(p.description)}`}</li>`);
    parts.push('</ul>');
  }
  if (op.requestBody?.content !== undefined) {
    parts.push('<h3>Request body</h3><ul>');
    for (const [type, media] of Object.entries(op.requestBody.content)) {
      const name = refName(media.schema?.$ref);
      parts.push(`<li><code>${escapeHtml(type)}</code>${name === undefined ? '' : `: <a href="/openapi.json">${escapeHtml(name)}</a>`}</li>`);
    }
    parts.push('</ul>');
    if (op.requestBody.description !== undefined) parts.push(`<p>${escapeHtml(op.requestBody.description)}</p>`);
  }
  if (op.responses !== undefined) {
    parts.push('<h3>Responses</h3><table><thead><tr><th scope="col">status</th><th scope="col">meaning</th><th scope="col">type</th></tr></thead><tbody>');
    for (const [status, response] of Object.entries(op.responses)) {
      const types = Object.keys(response.content ?? {}).join(', ');
      parts.push(`<tr><td>${escapeHtml(status)}</td><td>${escapeHtml(response.description ?? '')}</td><td><code>${escapeHtml(types)}</code></td></tr>`);
    }
    parts.push('</tbody></table>');
  }
  if (op['x-curl'] !== undefined) parts.push(`<h3>Example</h3><pre><code>${escapeHtml(op['x-curl'])}</code></pre>`);
  parts.push('</section>');
  return parts.join('\n');
}

/** The API page for an OpenAPI document. */
export function renderDocsPage(doc: OpenApiDocument): string {
  const title = `${doc.info?.title ?? 'API'} ${doc.info?.version ?? ''}`.trim();
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, OpenApiOperation>)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ path, method, op })),
  );
  const toc = operations.map(({ path, method, op }) => {
    const anchor = `${method}-${path}`.replace(/[^a-z0-9]+/gi, '-');
    return `<li><a href="#${escapeHtml(anchor)}"><span class="method">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></a>${op.summary === undefined ? '' : ` ${escapeHtml(op.summary)}`}</li>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/docs.css">
</head>
<body>
<header><h1>${escapeHtml(title)}</h1>
${doc.info?.description === undefined ? '' : `<p>${escapeHtml(doc.info.description)}</p>`}
<p>The machine-readable description is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Errors are always <code>{"error": {"code", "message", "details?"}}</code>; every response carries <code>x-request-id</code>. <a href="/">Back to the analyzer</a>.</p>
</header>
<main>
<nav aria-label="Routes"><ul>${toc.join('\n')}</ul></nav>
${operations.map(({ path, method, op }) => renderOperation(path, method, op)).join('\n')}
</main>
</body>
</html>
`;
}
