/**
 * Where the package lives: the scenario sources shipped in scenarios/ (sources.ts), the built worker,
 * the version. Found by walking up to the package.json named async-demo, so it works from src/ (tsx)
 * and from dist/ (the bundle) alike.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "async-demo") break;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find the async-demo package root");
    dir = parent;
  }
  root = dir;
  return dir;
}

export function packageVersion(): string {
  return JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")).version;
}
