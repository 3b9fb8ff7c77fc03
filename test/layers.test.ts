// The layers import one way only (BRIEF: runtime → session → views; cli on top; scenarios reach the
// runtime as users' files do, by the package's name). Every import in src/ and scenarios/ is read —
// static, type-only, re-exports and dynamic import() alike — and an upward one fails with its file and line.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

type Layer = "runtime" | "session" | "views" | "learn" | "cli" | "scenarios";

/** What each layer may import from this repository (node: built-ins and npm packages are checked apart). */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  runtime: ["runtime"],
  session: ["session", "runtime"],
  views: ["views", "session", "runtime"],
  // learn (issue 13: the quiz and the tour) reads the session and draws with the views; the CLI wires it.
  learn: ["learn", "views", "session", "runtime"],
  cli: ["cli", "learn", "views", "session", "runtime"],
  scenarios: ["scenarios"],
};

/** npm packages a layer may use: the runtime and the session use none (a second engine must not need them). */
const MAY_USE_PACKAGES: Record<Layer, boolean> = {
  runtime: false,
  session: false,
  views: true,
  learn: true,
  cli: true,
  scenarios: false,
};

function layerOf(file: string): Layer | undefined {
  const path = relative(root, file).split(sep).join("/");
  if (path.startsWith("scenarios/")) return "scenarios";
  // The package's entry point is the runtime's public API.
  if (path === "src/index.ts" || path.startsWith("src/runtime/")) return "runtime";
  if (path.startsWith("src/session/")) return "session";
  if (path.startsWith("src/views/")) return "views";
  if (path.startsWith("src/learn/")) return "learn";
  if (path === "src/cli.ts" || path.startsWith("src/cli/")) return "cli";
  return undefined;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ts|tsx|mts)$/.test(d.name) && !d.name.endsWith(".d.ts"))
    .map((d) => join(d.parentPath, d.name));
}

interface Import {
  file: string;
  line: number;
  specifier: string;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map((ref) => ({
    file,
    line: text.slice(0, ref.pos).split("\n").length,
    specifier: ref.fileName,
  }));
}

/** The reason an import breaks the layering, or undefined if it is allowed. */
function violation(imp: Import): string | undefined {
  const from = layerOf(imp.file) as Layer;
  const spec = imp.specifier;
  if (spec.startsWith("node:")) return undefined;
  if (spec === "async-demo") return from === "scenarios" ? undefined : "imports the package by name from inside it";
  if (!spec.startsWith(".")) {
    return MAY_USE_PACKAGES[from] ? undefined : `the ${from} layer uses no npm package (it uses '${spec}')`;
  }
  const target = resolve(dirname(imp.file), spec);
  const to = layerOf(target);
  if (to === undefined) return `imports '${spec}', outside the layers`;
  return MAY_IMPORT[from].includes(to) ? undefined : `${from} → ${to} ('${spec}') goes upward`;
}

const files = [...sources(join(root, "src")), ...sources(join(root, "scenarios"))];

describe("layers", () => {
  it("finds the files and their imports (the check below is not vacuous)", () => {
    expect(files.length).toBeGreaterThan(50);
    for (const layer of ["runtime", "session", "views", "cli", "scenarios"] as const) {
      expect(files.some((f) => layerOf(f) === layer)).toBe(true);
    }
    const all = files.flatMap(importsOf);
    // Dynamic imports count too: the CLI loads its views with import().
    expect(all.some((i) => i.file.endsWith(`${sep}cli.ts`) && i.specifier === "./cli/registry.js")).toBe(true);
  });

  it("no import goes upward: runtime → itself; session → runtime; views → session, runtime; cli → any; scenarios → 'async-demo'", () => {
    const problems = files.flatMap(importsOf).flatMap((imp) => {
      const why = violation(imp);
      return why === undefined ? [] : [`${relative(root, imp.file)}:${imp.line}: ${why}`];
    });
    expect(problems).toEqual([]);
  });

  it("the check catches what it must (an upward import, a package in the session, a scenario reaching into src)", () => {
    const at = (path: string, specifier: string) => violation({ file: join(root, path), line: 1, specifier });
    expect(at("src/views/tui/app.tsx", "../../cli/package-root.js")).toMatch(/views → cli/);
    expect(at("src/session/store.ts", "../views/plain.js")).toMatch(/session → views/);
    expect(at("src/runtime/loop.ts", "../session/store.js")).toMatch(/runtime → session/);
    expect(at("src/session/store.ts", "ink")).toMatch(/uses no npm package/);
    expect(at("scenarios/gather.ts", "../src/runtime/sleep.js")).toMatch(/scenarios → runtime/);
    expect(at("src/cli/play.ts", "../views/json.js")).toBeUndefined();
    expect(at("scenarios/gather.ts", "async-demo")).toBeUndefined();
  });
});
