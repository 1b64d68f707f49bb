// The API reference as one HTML page rendered from the OpenAPI document, with nothing loaded from
// elsewhere (no CDN, no script), so that it works offline and from any network.

type Json = Record<string, unknown>;

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** Renders the reference page of an OpenAPI 3.x document. */
export function renderDocsPage(document: Json): string {
  const info = (document.info ?? {}) as Json;
  const paths = (document.paths ?? {}) as Record<string, Json>;
  const schemas = ((document.components as Json | undefined)?.schemas ?? {}) as Record<
    string,
    Json
  >;
  const operations: { tag: string; method: string; path: string; op: Json }[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const tags = (op.tags as string[] | undefined) ?? ["Service"];
      operations.push({ tag: tags[0] ?? "Service", method, path, op });
    }
  }
  const declared = ((document.tags as Json[] | undefined) ?? []).map((t) => String(t.name));
  const used = new Set(operations.map((o) => o.tag));
  const tags = [...new Set([...declared.filter((t) => used.has(t)), ...used])];
  const sections = tags.map((tag) => {
    const ops = operations.filter((o) => o.tag === tag);
    return `<section><h2 id="tag-${anchor(tag)}">${esc(tag)}</h2>${ops.map(renderOperation).join("")}</section>`;
  });
  const nav = tags
    .map((tag) => {
      const items = operations
        .filter((o) => o.tag === tag)
        .map(
          (o) =>
            `<li><a href="#${operationAnchor(o.method, o.path)}"><span class="m m-${o.method}">${o.method.toUpperCase()}</span> ${esc(o.path)}</a></li>`,
        )
        .join("");
      return `<h3><a href="#tag-${anchor(tag)}">${esc(tag)}</a></h3><ul>${items}</ul>`;
    })
    .join("");
  const schemaList = Object.entries(schemas)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(
      ([name, schema]) =>
        `<div class="schema" id="schema-${anchor(name)}"><h3>${esc(name)}</h3>${schemaBlock(schema)}</div>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(String(info.title ?? "API"))} — reference</title>
<style>${STYLE}</style></head>
<body><nav><h1>${esc(String(info.title ?? "API"))}</h1><p class="v">version ${esc(String(info.version ?? ""))} · <a href="/openapi.json">openapi.json</a></p>${nav}<h3><a href="#schemas">Schemas</a></h3></nav>
<main><div class="intro">${paragraphs(String(info.description ?? ""))}</div>
${sections.join("")}
<section><h2 id="schemas">Schemas</h2>${schemaList}</section></main></body></html>
`;
}

function renderOperation(o: { method: string; path: string; op: Json }): string {
  const { op } = o;
  const roles = op["x-roles"] as string[] | undefined;
  const security = op.security as unknown[] | undefined;
  const parameters = (op.parameters as Json[] | undefined) ?? [];
  const body = op.requestBody as Json | undefined;
  const responses = (op.responses ?? {}) as Record<string, Json>;
  const params = parameters.length
    ? `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>type</th><th>description</th></tr>${parameters
        .map(
          (p) =>
            `<tr><td><code>${esc(String(p.name))}</code>${p.required ? ' <span class="req">required</span>' : ""}</td><td>${esc(String(p.in))}</td><td>${schemaInline(p.schema as Json | undefined)}</td><td>${esc(String(p.description ?? (p.schema as Json | undefined)?.description ?? ""))}</td></tr>`,
        )
        .join("")}</table>`
    : "";
  const bodyContent = body ? ((body.content ?? {}) as Record<string, Json>) : {};
  const bodyHtml = Object.entries(bodyContent)
    .map(
      ([type, media]) =>
        `<h4>Request body <code>${esc(type)}</code>${body?.required ? ' <span class="req">required</span>' : ""}</h4>${schemaBlock(media.schema as Json)}`,
    )
    .join("");
  const responseHtml = Object.entries(responses)
    .map(([status, response]) => {
      const content = (response.content ?? {}) as Record<string, Json>;
      const head = `<span class="status s${status.charAt(0)}">${esc(status)}</span> ${esc(String(response.description ?? ""))}`;
      const errorRef = (content["application/json"]?.schema as Json | undefined)?.$ref;
      if (status >= "400" && typeof errorRef === "string") {
        // Every error has the one body; a link to it says enough.
        return `<div class="resp">${head} → ${schemaText({ $ref: errorRef }, 0)}</div>`;
      }
      const media = Object.entries(content)
        .map(
          ([type, m]) =>
            `<div class="media"><code>${esc(type)}</code> ${schemaBlock(m.schema as Json)}</div>`,
        )
        .join("");
      return `<div class="resp">${head}${media}</div>`;
    })
    .join("");
  const access = security?.length
    ? `<p class="access">Bearer token${roles ? ` · roles: ${roles.map((r) => `<code>${esc(r)}</code>`).join(", ")}` : ""}</p>`
    : `<p class="access">No token needed.</p>`;
  return `<article id="${operationAnchor(o.method, o.path)}"><h3><span class="m m-${o.method}">${o.method.toUpperCase()}</span> <code>${esc(o.path)}</code></h3>
<p class="summary">${esc(String(op.summary ?? ""))}</p>${paragraphs(String(op.description ?? ""))}${access}${params}${bodyHtml}<h4>Responses</h4>${responseHtml}</article>`;
}

/** A schema as an indented tree of fields and types, references linked to their definitions. */
function schemaBlock(schema: Json | undefined): string {
  if (!schema) return "";
  return `<pre class="schema-tree">${schemaText(schema, 0)}</pre>`;
}

function schemaInline(schema: Json | undefined): string {
  if (!schema) return "";
  return `<code>${schemaText(schema, 0)}</code>`;
}

function schemaText(schema: Json, depth: number): string {
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.split("/").at(-1) ?? schema.$ref;
    return `<a href="#schema-${anchor(name)}">${esc(name)}</a>`;
  }
  const variants = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (variants) return variants.map((v) => schemaText(v, depth)).join(" | ");
  if (schema.allOf) return (schema.allOf as Json[]).map((v) => schemaText(v, depth)).join(" & ");
  if (schema.const !== undefined) return esc(JSON.stringify(schema.const));
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => esc(JSON.stringify(v))).join(" | ");
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  const shown = types.map((type) => {
    if (type === "array") {
      const items = schema.items as Json | undefined;
      return `${items ? schemaText(items, depth) : "unknown"}[]`;
    }
    if (type === "object" || (type === undefined && schema.properties)) {
      const properties = (schema.properties ?? {}) as Record<string, Json>;
      const required = new Set((schema.required as string[] | undefined) ?? []);
      const pad = "  ".repeat(depth + 1);
      const lines = Object.entries(properties).map(([name, property]) => {
        const note = property.description
          ? ` <span class="d">// ${esc(String(property.description))}</span>`
          : "";
        return `${pad}${esc(name)}${required.has(name) ? "" : "?"}: ${schemaText(property, depth + 1)}${note}`;
      });
      if (lines.length === 0) return "object";
      return `{\n${lines.join("\n")}\n${"  ".repeat(depth)}}`;
    }
    if (type === undefined) return "any";
    const format = schema.format ? ` (${esc(String(schema.format))})` : "";
    return `${esc(type)}${format}`;
  });
  return shown.join(" | ");
}

function paragraphs(text: string): string {
  if (!text.trim()) return "";
  return text
    .split(/\n\s*\n/)
    .map((p) => `<p>${esc(p).replace(/`([^`]+)`/g, "<code>$1</code>")}</p>`)
    .join("");
}

function operationAnchor(method: string, path: string): string {
  return `op-${method}-${anchor(path)}`;
}

function anchor(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;display:flex}
nav{width:21rem;flex:none;height:100vh;overflow:auto;position:sticky;top:0;background:#f5f7fa;border-right:1px solid #dde2ea;padding:1rem}
nav h1{font-size:1.3rem;margin:0}nav h3{font-size:.9rem;margin:1rem 0 .3rem;text-transform:uppercase;letter-spacing:.04em}
nav ul{list-style:none;margin:0;padding:0}nav li{font-size:.82rem;margin:.15rem 0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
nav a{color:inherit;text-decoration:none}nav a:hover{text-decoration:underline}.v{font-size:.8rem;color:#5b6475}
main{padding:1rem 2rem 4rem;max-width:60rem;min-width:0}h2{border-bottom:2px solid #dde2ea;padding-bottom:.2rem;margin-top:2.5rem}
article{border:1px solid #dde2ea;border-radius:6px;padding:.6rem 1rem;margin:1rem 0;background:#fff}
article h3{margin:.2rem 0;font-size:1.05rem}.summary{font-weight:600;margin:.3rem 0}
.m{display:inline-block;min-width:3.4rem;text-align:center;border-radius:4px;color:#fff;font:700 .72rem/1.6 ui-monospace,monospace;padding:0 .3rem}
.m-get{background:#2f7d32}.m-post{background:#1f5fbf}.m-put,.m-patch{background:#a06400}.m-delete{background:#b3261e}
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border:1px solid #e3e7ee;padding:.25rem .5rem;text-align:left;vertical-align:top}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.82rem}pre{background:#f7f8fa;border:1px solid #e3e7ee;border-radius:4px;padding:.5rem;overflow:auto;margin:.3rem 0}
.req{color:#b3261e;font-size:.75rem}.access{color:#5b6475;font-size:.85rem}.d{color:#7a8496}
.resp{margin:.4rem 0}.status{display:inline-block;font:700 .8rem ui-monospace,monospace;border-radius:3px;padding:0 .35rem;color:#fff;background:#5b6475}
.s2{background:#2f7d32}.s4{background:#a06400}.s5{background:#b3261e}.media{margin-left:1rem}
.schema h3{margin-bottom:.2rem}
`;
