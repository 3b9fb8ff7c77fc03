/**
 * The built-in scenarios (scenarios/index.ts), for the command line and the
 * worker thread alike. They stay outside the bundle and import the runtime by
 * the package's name, as a user's file does, so both run on one runtime
 * instance. Their path is computed where this copy runs from (the sources under
 * tsx, dist/ once built): a literal relative import would point elsewhere from
 * each of the bundle's files.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Scenario } from "../runtime/scenario.js";
import { packageRoot } from "../session/package-root.js";

export async function loadScenarios(): Promise<readonly Scenario[]> {
  const fromSource = import.meta.url.endsWith(".ts");
  const index = fromSource
    ? join(packageRoot(), "scenarios", "index.ts")
    : join(packageRoot(), "dist", "scenarios", "index.js");
  return (await import(pathToFileURL(index).href)).scenarios;
}
