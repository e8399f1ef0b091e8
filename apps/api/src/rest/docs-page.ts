// The API reference page at /api/docs (decision 033): HTML rendered on the server from the
// OpenAPI document, with no script and one stylesheet under the response's CSP nonce, so it
// needs no third-party CDN nor a script bundle.

type Json = Record<string, unknown>;

const escapeHtml = (text: unknown) =>
  String(text).replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );

/** Inline code spans (`x`) of a description, escaped. */
const prose = (text: unknown) => escapeHtml(text ?? "").replace(/`([^`]+)`/g, "<code>$1</code>");

function typeOf(schema: Json | undefined): string {
  if (!schema) return "";
  if (typeof schema.$ref === "string") return schema.$ref.split("/").pop()!;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  for (const key of ["anyOf", "oneOf"]) {
    if (Array.isArray(schema[key])) return (schema[key] as Json[]).map(typeOf).join(" | ");
  }
  if (schema.type === "array") return `${typeOf(schema.items as Json)}[]`;
  const format = schema.format ? ` (${schema.format})` : "";
  return `${Array.isArray(schema.type) ? schema.type.join(" | ") : String(schema.type ?? "any")}${format}`;
}

function schemaBlock(schema: Json | undefined, label: string): string {
  if (!schema) return "";
  return `<details><summary>${escapeHtml(label)}: <code>${escapeHtml(typeOf(schema))}</code></summary><pre>${escapeHtml(
    JSON.stringify(schema, null, 2),
  )}</pre></details>`;
}

function slugOf(text: string) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function operationHtml(method: string, path: string, op: Json, where = "/api/v1"): string {
  const params = (op.parameters as Json[] | undefined) ?? [];
  const body = (op.requestBody as Json | undefined)?.content as Json | undefined;
  const bodySchema = (body?.["application/json"] as Json | undefined)?.schema as Json | undefined;
  const security = (op.security as Json[] | undefined) ?? [];
  const needsKey = security.length > 0 && security.every((s) => Object.keys(s).length > 0);
  const responses = Object.entries((op.responses as Json) ?? {}) as [string, Json][];
  return `<section class="op" id="${escapeHtml(String(op.operationId))}">
<h3><span class="method method--${method}">${method.toUpperCase()}</span> <code>${escapeHtml(where)}${escapeHtml(path)}</code></h3>
<p class="summary">${prose(op.summary)}${needsKey ? ' <span class="badge">API key</span>' : ""}</p>
<p>${prose(op.description)}</p>
${
  params.length
    ? `<table><caption>Parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Required</th></tr></thead><tbody>${params
        .map(
          (p) =>
            `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td><code>${escapeHtml(typeOf(p.schema as Json))}</code></td><td>${p.required ? "yes" : "no"}</td></tr>`,
        )
        .join("")}</tbody></table>`
    : ""
}
${schemaBlock(bodySchema, "Request body (JSON)")}
<table><caption>Responses</caption><thead><tr><th scope="col">Status</th><th scope="col">Meaning</th><th scope="col">Body</th></tr></thead><tbody>${responses
    .map(([status, response]) => {
      const content = (response.content as Json | undefined) ?? {};
      const [type, media] = (Object.entries(content)[0] ?? []) as [string?, Json?];
      return `<tr><td>${escapeHtml(status)}</td><td>${prose(response.description)}</td><td>${
        type
          ? `<code>${escapeHtml(type)}</code> <code>${escapeHtml(typeOf(media?.schema as Json))}</code>`
          : ""
      }</td></tr>`;
    })
    .join("")}</tbody></table>
</section>`;
}

const STYLES = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#fff}
header,main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}
header{border-bottom:1px solid #d0d7de}
h1{margin:.5rem 0}
h2{margin-top:2.5rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
.op{border:1px solid #d0d7de;border-radius:6px;padding:0 1rem 1rem;margin:1rem 0}
.method{display:inline-block;min-width:3.5rem;text-align:center;border-radius:4px;padding:0 .4rem;font-size:.85em;color:#fff}
.method--get{background:#0b5cad}.method--post{background:#1a7f37}
.badge{font-size:.8em;border:1px solid #7d4e00;color:#7d4e00;border-radius:4px;padding:0 .3rem}
table{border-collapse:collapse;width:100%;margin:.75rem 0}
caption{text-align:left;font-weight:600}
th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
pre{background:#f6f8fa;padding:.75rem;overflow:auto;font-size:.85em}
code{font-size:.9em}
a{color:#0b5cad}
nav ul{columns:2}
`;

/** The whole page for `doc`; `nonce` is the CSP nonce of its one style element. */
export function docsPage(doc: Json, nonce: string): string {
  const info = doc.info as Json;
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const byTag = new Map<string, string[]>();
  const nav = new Map<string, string[]>();
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = ((op.tags as string[] | undefined) ?? ["Other"])[0]!;
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, path, op)]);
      nav.set(tag, [
        ...(nav.get(tag) ?? []),
        `<li><a href="#${escapeHtml(String(op.operationId))}">${method.toUpperCase()} ${escapeHtml(path)}</a></li>`,
      ]);
    }
  }
  const webhooks = (doc.webhooks ?? {}) as Record<string, Record<string, Json>>;
  for (const [name, item] of Object.entries(webhooks)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = ((op.tags as string[] | undefined) ?? ["Webhooks"])[0]!;
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, "", op, "your endpoint")]);
      nav.set(tag, [
        ...(nav.get(tag) ?? []),
        `<li><a href="#${escapeHtml(String(op.operationId))}">${escapeHtml(name)}</a></li>`,
      ]);
    }
  }
  const schemas = ((doc.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(info.title)} reference</title>
<style nonce="${nonce}">${STYLES}</style>
</head>
<body>
<header>
<h1>${escapeHtml(info.title)} <small>${escapeHtml(info.version)}</small></h1>
<p>${prose(info.description)}</p>
<p>The OpenAPI 3.1 document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
</header>
<main>
<nav aria-label="Routes">
${[...nav].map(([tag, items]) => `<h2 id="nav-${slugOf(tag)}">${escapeHtml(tag)}</h2><ul>${items.join("")}</ul>`).join("\n")}
</nav>
${[...byTag].map(([tag, ops]) => `<section aria-labelledby="tag-${slugOf(tag)}"><h2 id="tag-${slugOf(tag)}">${escapeHtml(tag)}</h2>${ops.join("\n")}</section>`).join("\n")}
<section aria-labelledby="schemas"><h2 id="schemas">Schemas</h2>
${Object.entries(schemas)
  .map(([name, schema]) => schemaBlock(schema, name))
  .join("\n")}
</section>
</main>
</body>
</html>`;
}
