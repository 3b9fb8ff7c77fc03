/**
 * The replay file: one HTML document with the page's script, its style and
 * the run's data inline — no network, no CDN. A Content-Security-Policy that
 * allows exactly these two inline blocks (by hash) and nothing else backs the
 * escaping: even text that slipped through as markup could not run or fetch.
 * The bytes depend only on the data and the build, so a deterministic run
 * gives the same file every time.
 */
import { createHash } from "node:crypto";
import type { ReplayData } from "./replay-data.js";

export interface PageAssets {
  script: string;
  style: string;
}

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON for a `<script type="application/json">` block: `<` never appears raw
 * (so neither `</script>` nor `<!--` can end or bend the block), nor do the two
 * line separators some parsers treat as line ends.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const hash = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

export function replayDocument(data: ReplayData, assets: PageAssets): string {
  if (/<\/script|<!--/i.test(assets.script)) throw new Error("the replay page's script would end its own block");
  if (/<\/style/i.test(assets.style)) throw new Error("the replay page's style would end its own block");
  const title = `async-demo · ${data.scenario.name} — ${data.scenario.title}`;
  const csp = [
    "default-src 'none'",
    `script-src ${hash(assets.script)}`,
    `style-src ${hash(assets.style)}`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="generator" content="${escapeHtml(data.generator)}">
<meta name="description" content="${escapeHtml(`A replay of ${data.command}: ${data.scenario.summary}`)}">
<title>${escapeHtml(title)}</title>
<style>${assets.style}</style>
</head>
<body>
<noscript><h1>${escapeHtml(title)}</h1><p>This replay of <code>${escapeHtml(data.command)}</code> needs JavaScript to play.</p><p>${escapeHtml(data.scenario.explain)}</p></noscript>
<div id="app"></div>
<script type="application/json" id="replay-data">${scriptJson(data)}</script>
<script>${assets.script}</script>
</body>
</html>
`;
}
