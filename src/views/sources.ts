/** A scenario's code as views show it: the Python twin and the TypeScript (or the user's own file). */
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { packageRoot } from "../cli/package-root.js";

export interface ScenarioSources {
  python: string | null;
  typescript: string | null;
  pythonFile: string;
  typescriptFile: string;
}

function read(path: string): string | null {
  return existsSync(path) ? readFileSync(path, "utf8").trimEnd() : null;
}

/** Built-in scenario `name`, or the user's `file` (a .py file is Python, anything else TypeScript/JavaScript). */
export function scenarioSources(name: string, file?: string): ScenarioSources {
  if (file !== undefined) {
    const shown = basename(file);
    return file.endsWith(".py")
      ? { python: read(file), typescript: null, pythonFile: shown, typescriptFile: "(none)" }
      : { python: null, typescript: read(file), pythonFile: "(none)", typescriptFile: shown };
  }
  const dir = join(packageRoot(), "scenarios");
  return {
    python: read(join(dir, `${name}.py`)),
    typescript: read(join(dir, `${name}.ts`)),
    pythonFile: `scenarios/${name}.py`,
    typescriptFile: `scenarios/${name}.ts`,
  };
}
