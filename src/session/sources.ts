/**
 * The one loader of program sources, for every view that shows code (the
 * dashboard's code pane, `async-demo show`) and the tests that compare with
 * them: a built-in scenario's TypeScript and its Python twin, shipped in
 * scenarios/, or the user's own file (`run FILE.ts` shows TypeScript, `run
 * FILE.py` shows Python).
 */
import { existsSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { packageRoot } from "./package-root.js";

export interface Sources {
  /** The Python program (a built-in scenario's twin, or the user's .py file); null if there is none. */
  python: string | null;
  /** The TypeScript (or JavaScript) program; null if there is none. */
  typescript: string | null;
  /** What to call each in a title: a path relative to the package, the user's path, or "(none)". */
  pythonFile: string;
  typescriptFile: string;
}

/** A file's text without its trailing blank lines, or null if it cannot be read. */
export function readSource(path: string): string | null {
  try {
    return existsSync(path) ? readFileSync(path, "utf8").trimEnd() : null;
  } catch {
    return null;
  }
}

/** A built-in scenario's TypeScript and Python twin, as shipped with this copy (null where one is missing). */
export function scenarioSources(name: string): Sources {
  const dir = join(packageRoot(), "scenarios");
  return {
    python: readSource(join(dir, `${name}.py`)),
    typescript: readSource(join(dir, `${name}.ts`)),
    pythonFile: `scenarios/${name}.py`,
    typescriptFile: `scenarios/${name}.ts`,
  };
}

/** The user's own program: a .py file is Python, anything else (.ts, .js…) TypeScript. */
export function fileSources(path: string): Sources {
  const text = readSource(path);
  return extname(path).toLowerCase() === ".py"
    ? { python: text, typescript: null, pythonFile: path, typescriptFile: "(none)" }
    : { python: null, typescript: text, pythonFile: "(none)", typescriptFile: path };
}
