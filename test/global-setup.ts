/**
 * Tests that run the real binary need dist/ to match the sources: build
 * (esbuild, about a second) when anything in src/ or scenarios/ is newer.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export default function setup(): void {
  const built = "dist/src/cli.js";
  const stale =
    !existsSync(built) ||
    statSync(built).mtimeMs < Math.max(newest("src"), newest("scenarios"), statSync("scripts/build.mjs").mtimeMs);
  if (stale) execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
}
