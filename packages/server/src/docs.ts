// The API reference at /docs: one static HTML page rendered from the same OpenAPI document the
// server serves at /v1/openapi.json. It needs no script and no third-party package, so it runs
// under a CSP without 'unsafe-inline' and ships no telemetry (Swagger UI's package pulled
// @scarf/scarf into every install).

type Json = Record<string, unknown>;

const escape = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const obj = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;

/** Where a `$ref` points inside this page. */
function refLink(ref: string): string {
  const name = ref.split('/').pop() ?? ref;
  const kind = ref.includes('/responses/') ? 'response' : 'schema';
  return `<a href="#${kind}-${escape(name)}"><code>${escape(name)}</code></a>`;
}

/** A schema's type in one line: `string (uuid)`, `array of Service`, a link for a reference. */
function typeOf(schema: unknown): string {
  const s = obj(schema);
  if (typeof s['$ref'] === 'string') return refLink(s['$ref']);
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const list = s[key];
    if (Array.isArray(list)) return list.map(typeOf).join(key === 'allOf' ? ' and ' : ' or ');
  }
  if (Array.isArray(s['enum'])) return `one of ${s['enum'].map((v) => `<code>${escape(JSON.stringify(v))}</code>`).join(', ')}`;
  if ('const' in s) return `<code>${escape(JSON.stringify(s['const']))}</code>`;
  const type = Array.isArray(s['type']) ? s['type'].join(' or ') : typeof s['type'] === 'string' ? s['type'] : 'any';
  if (type === 'array') return `array of ${typeOf(s['items'])}`;
  const limits = [
    s['format'],
    s['pattern'] !== undefined ? `pattern ${s['pattern']}` : undefined,
    s['minLength'] !== undefined ? `min length ${s['minLength']}` : undefined,
    s['maxLength'] !== undefined ? `max length ${s['maxLength']}` : undefined,
    s['minimum'] !== undefined ? `≥ ${s['minimum']}` : undefined,
    s['maximum'] !== undefined ? `≤ ${s['maximum']}` : undefined,
  ].filter((x) => x !== undefined);
  return `${escape(type)}${limits.length ? ` <span class="limits">(${escape(limits.join(', '))})</span>` : ''}`;
}

/** The fields of an object schema as a table; anything else as its one-line type. */
function schemaBody(schema: unknown): string {
  const s = obj(schema);
  const props = obj(s['properties']);
  const names = Object.keys(props);
  const description = typeof s['description'] === 'string' ? `<p>${escape(s['description'])}</p>` : '';
  if (!names.length) return `${description}<p class="type">${typeOf(schema)}</p>`;
  const required = new Set(Array.isArray(s['required']) ? (s['required'] as string[]) : []);
  const rows = names
    .map((n) => {
      const p = obj(props[n]);
      return `<tr><th scope="row"><code>${escape(n)}</code>${required.has(n) ? ' <span class="required">required</span>' : ''}</th><td>${typeOf(p)}</td><td>${escape(p['description'])}</td></tr>`;
    })
    .join('');
  return `${description}<table><thead><tr><th scope="col">field</th><th scope="col">type</th><th scope="col">description</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function operation(path: string, method: string, op: Json): string {
  const id = typeof op['operationId'] === 'string' ? op['operationId'] : `${method}-${path}`;
  const params = (Array.isArray(op['parameters']) ? op['parameters'] : []).map(obj);
  const paramRows = params
    .map(
      (p) =>
        `<tr><th scope="row"><code>${escape(p['name'])}</code>${p['required'] ? ' <span class="required">required</span>' : ''}</th><td>${escape(p['in'])}</td><td>${typeOf(p['schema'])}</td><td>${escape(p['description'])}</td></tr>`,
    )
    .join('');
  const body = obj(op['requestBody']);
  const bodyContent = Object.entries(obj(body['content']));
  const responses = Object.entries(obj(op['responses']))
    .map(([status, r]) => {
      const res = obj(r);
      if (typeof res['$ref'] === 'string') return `<li><strong>${escape(status)}</strong>: ${refLink(res['$ref'])}</li>`;
      const content = Object.entries(obj(res['content']))
        .map(([type, c]) => `<code>${escape(type)}</code> ${typeOf(obj(c)['schema'])}`)
        .join('; ');
      const headers = Object.keys(obj(res['headers']));
      return `<li><strong>${escape(status)}</strong> ${escape(res['description'])}${content ? `: ${content}` : ''}${headers.length ? ` <span class="headers">headers: ${headers.map((h) => `<code>${escape(h)}</code>`).join(', ')}</span>` : ''}</li>`;
    })
    .join('');
  const security = Array.isArray(op['security']) && op['security'].length ? `<p class="auth">Authentication: ${op['security'].flatMap((s) => Object.keys(obj(s))).map((s) => `<code>${escape(s)}</code>`).join(' or ')}</p>` : '';
  return `<section class="operation" id="op-${escape(id)}" data-operation="${escape(id)}" aria-labelledby="op-${escape(id)}-h">
<h3 id="op-${escape(id)}-h"><span class="method method-${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></h3>
<p class="summary">${escape(op['summary'])} <span class="operation-id">(<code>${escape(id)}</code>)</span></p>
${typeof op['description'] === 'string' ? `<p>${escape(op['description'])}</p>` : ''}${security}
${paramRows ? `<h4>Parameters</h4><table><thead><tr><th scope="col">name</th><th scope="col">in</th><th scope="col">type</th><th scope="col">description</th></tr></thead><tbody>${paramRows}</tbody></table>` : ''}
${bodyContent.length ? `<h4>Request body${body['required'] ? '' : ' (optional)'}</h4>${bodyContent.map(([type, c]) => `<p><code>${escape(type)}</code> ${typeOf(obj(c)['schema'])}</p>`).join('')}` : ''}
<h4>Responses</h4><ul>${responses}</ul>
</section>`;
}

/** The whole reference page for an OpenAPI 3.1 document. */
export function renderDocs(document: Json): string {
  const info = obj(document['info']);
  const paths = Object.entries(obj(document['paths']));
  const ops: { tag: string; html: string; id: string; label: string }[] = [];
  for (const [path, item] of paths) {
    for (const method of METHODS) {
      const op = obj(obj(item)[method]);
      if (!Object.keys(op).length) continue;
      const tags = Array.isArray(op['tags']) ? (op['tags'] as string[]) : [];
      const id = typeof op['operationId'] === 'string' ? op['operationId'] : `${method}-${path}`;
      ops.push({ tag: tags[0] ?? 'other', html: operation(path, method, op), id, label: `${method.toUpperCase()} ${path}` });
    }
  }
  const tags = [...new Set(ops.map((o) => o.tag))];
  const components = obj(document['components']);
  const schemas = Object.entries(obj(components['schemas']));
  const responses = Object.entries(obj(components['responses']));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escape(info['title'])} ${escape(info['version'])}: API reference</title>
<link rel="stylesheet" href="/docs/docs.css">
</head>
<body>
<header>
<h1>${escape(info['title'])} <span class="version">${escape(info['version'])}</span></h1>
${typeof info['summary'] === 'string' ? `<p>${escape(info['summary'])}</p>` : ''}
${typeof info['description'] === 'string' ? `<p>${escape(info['description'])}</p>` : ''}
<p>The machine-readable document: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI ${escape(document['openapi'])}).</p>
</header>
<nav aria-label="Operations"><ul>${ops.map((o) => `<li><a href="#op-${escape(o.id)}"><code>${escape(o.label)}</code></a></li>`).join('')}</ul></nav>
<main>
${tags.map((tag) => `<h2 id="tag-${escape(tag)}">${escape(tag)}</h2>\n${ops.filter((o) => o.tag === tag).map((o) => o.html).join('\n')}`).join('\n')}
<h2 id="schemas">Schemas</h2>
${schemas.map(([name, s]) => `<section class="schema" id="schema-${escape(name)}" aria-labelledby="schema-${escape(name)}-h"><h3 id="schema-${escape(name)}-h"><code>${escape(name)}</code></h3>${schemaBody(s)}</section>`).join('\n')}
${responses.length ? `<h2 id="responses">Shared responses</h2>\n${responses.map(([name, r]) => `<section class="schema" id="response-${escape(name)}"><h3><code>${escape(name)}</code></h3><p>${escape(obj(r)['description'])}</p>${Object.entries(obj(obj(r)['content'])).map(([type, c]) => `<p><code>${escape(type)}</code> ${typeOf(obj(c)['schema'])}</p>`).join('')}</section>`).join('\n')}` : ''}
</main>
</body>
</html>
`;
}

export const DOCS_CSS = `:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0 auto; max-width: 70rem; padding: 1rem; }
code { font-family: ui-monospace, monospace; font-size: 0.95em; }
/* Reflow at 320 CSS px (WCAG 1.4.10): a word longer than its line (a path, a CSV header, a schema
   name) breaks anywhere rather than widen the page; then the tables fit too, so none needs to
   scroll sideways. Words that fit are never broken. */
body, code, th, td { overflow-wrap: anywhere; }
nav ul { columns: 2 20rem; padding-left: 1.2rem; }
nav a, main a { display: inline-block; min-height: 24px; }
.operation, .schema { border: 1px solid color-mix(in srgb, currentColor 25%, transparent); border-radius: 6px; padding: 0 1rem 0.5rem; margin: 1rem 0; }
.method { display: inline-block; min-width: 4.5em; padding: 0 0.4em; border-radius: 4px; font-size: 0.85em; text-align: center; border: 1px solid currentColor; }
.required { font-size: 0.8em; font-weight: normal; font-style: italic; }
.limits, .operation-id, .headers, .version { opacity: 0.8; font-size: 0.9em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.5rem; border-bottom: 1px solid color-mix(in srgb, currentColor 20%, transparent); }
`;
