/** Escapes text for HTML. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A browsable page of the OpenAPI document: endpoints grouped by tag, with parameters and request
 * schemas. Self-contained (no external scripts), so it works offline.
 */
export function docsPage(openapi: Record<string, unknown>): string {
  const paths = openapi.paths as Record<
    string,
    Record<
      string,
      {
        summary: string;
        tags: string[];
        parameters?: { name: string; in: string; required: boolean; schema: unknown }[];
        requestBody?: { content: Record<string, { schema: unknown }> };
      }
    >
  >;
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? [])
        .map((p) => `<li><code>${esc(p.name)}</code> (${p.in}${p.required ? ', required' : ''}) <code>${esc(JSON.stringify(p.schema))}</code></li>`)
        .join('');
      const body = op.requestBody
        ? `<details><summary>request body</summary><pre>${esc(JSON.stringify(op.requestBody.content['application/json']?.schema, null, 2))}</pre></details>`
        : '';
      const html = `<section><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3><p>${esc(op.summary)}</p>${params ? `<ul>${params}</ul>` : ''}${body}</section>`;
      const tag = op.tags[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const info = openapi.info as { title: string; version: string; description: string };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(info.title)} ${esc(info.version)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1d2430}h3{margin:.2rem 0;font-size:1rem}section{border:1px solid #d8dee8;border-radius:8px;padding:.6rem 1rem;margin:.6rem 0}
.m{display:inline-block;min-width:4.5rem;text-align:center;border-radius:4px;color:#fff;font-size:.8rem;padding:.1rem .3rem}.get{background:#2b7a4b}.post{background:#2a5db0}.put{background:#a66a00}.delete{background:#b03030}pre{background:#f4f6fa;padding:.6rem;overflow:auto;font-size:12px}</style></head>
<body><h1>${esc(info.title)} <small>${esc(info.version)}</small></h1><p>${esc(info.description)} Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>.</p>
${[...byTag].map(([tag, ops]) => `<h2>${esc(tag)}</h2>${ops.join('')}`).join('\n')}</body></html>`;
}
