// Build: esbuild bundles the code (fast start: one module graph instead of
// dozens of files, Ink and React included), tsc emits only the type
// declarations. Entry points share chunks (code splitting), so the runtime is
// one module instance whether it is reached from the CLI or through
// `import … from 'async-demo'` (dist/src/index.js) in a scenario file.
import { readdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

rmSync("dist", { recursive: true, force: true });

// string-width's fast path (src/views/tui/string-width-fast.ts) stands in for it everywhere in the
// bundle, Ink included: its first measure of a non-ASCII glyph compiles an 80 ms regular expression
// before the first frame. The fast path itself imports the real package.
const FAST_WIDTH = fileURLToPath(new URL("../src/views/tui/string-width-fast.ts", import.meta.url));
const fastStringWidth = {
  name: "fast-string-width",
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) => (args.importer === FAST_WIDTH ? undefined : { path: FAST_WIDTH }));
  },
};

// The built-in scenarios stay one file each (tracebacks name them), importing
// the runtime by package name as a user's scenario would.
await build({
  entryPoints: readdirSync("scenarios")
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `scenarios/${f}`),
  outdir: "dist/scenarios",
  format: "esm",
  // Coroutine and error names are shown to users (`fetch_data`, `ValueError`): never renamed.
  keepNames: true,
  platform: "node",
  target: "node20",
  logLevel: "warning",
});

await build({
  entryPoints: { "src/index": "src/index.ts", "src/cli": "src/cli.ts", "src/worker": "src/cli/worker.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  keepNames: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "src/chunks/[name]-[hash]",
  // Scenario files reach the runtime through the package name, like users' files (src/cli/registry.ts
  // imports them by a path computed at run time).
  external: ["async-demo", "tsx", "tsx/*", "esbuild"],
  define: { "process.env.NODE_ENV": '"production"' },
  // Ink optionally loads React DevTools; it is never wanted here.
  alias: { "react-devtools-core": "./scripts/no-devtools.mjs" },
  plugins: [fastStringWidth],
  // Bundled CommonJS packages (React, Ink's helpers) still require() Node built-ins.
  banner: { js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);' },
  legalComments: "none",
  logLevel: "warning",
});

// The replay page (`--html`): one script and one stylesheet for the browser, which the CLI inlines into
// each replay file it writes. Built here so that a run never needs esbuild.
await build({
  entryPoints: { page: "src/views/html/page/main.ts" },
  outdir: "dist/replay",
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["es2022", "chrome110", "firefox110", "safari16"],
  minify: true,
  charset: "utf8",
  legalComments: "none",
  logLevel: "warning",
});
await build({
  entryPoints: { page: "src/views/html/page/page.css" },
  outdir: "dist/replay",
  bundle: true,
  minify: true,
  charset: "utf8",
  target: ["chrome110", "firefox110", "safari16"],
  logLevel: "warning",
});
