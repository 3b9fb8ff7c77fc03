// `npm test`: build, typecheck, lint, then every vitest suite; ends with one
// line `N passed, N failed` (the three checks count as tests too). A skipped
// test (a comparison without CPython) is allowed on a user's machine, with a
// message; in CI (CI set, as .ci/run and CI services do) it counts as failed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const checks = [
  ["build", ["npm", "run", "--silent", "build"]],
  ["typecheck", ["npx", "tsc", "-p", "tsconfig.json", "--noEmit"]],
  ["lint", ["npx", "biome", "check", "."]],
];
const inCi = !["", "0", "false"].includes((process.env.CI ?? "").toLowerCase());
let passed = 0;
let failed = 0;
for (const [name, [cmd, ...args]] of checks) {
  const result = spawnSync(cmd, args, { stdio: "inherit" });
  if (result.status === 0) passed++;
  else {
    failed++;
    console.error(`✗ ${name} failed`);
  }
}

const dir = mkdtempSync(join(tmpdir(), "async-demo-test-"));
const report = join(dir, "vitest.json");
const vitest = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${report}`, ...process.argv.slice(2)], {
  stdio: "inherit",
});
try {
  const results = JSON.parse(readFileSync(report, "utf8"));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  const skipped = results.numPendingTests + results.numTodoTests;
  if (skipped > 0 && inCi) {
    failed += skipped;
    console.error(`✗ ${skipped} skipped: in CI every test must run (a comparison needs CPython 3.13: ASYNC_DEMO_PYTHON)`);
  } else if (skipped > 0) {
    console.log(`(${skipped} skipped: see the messages above)`);
  }
  // A suite that failed to load has no test results of its own.
  failed += results.testResults.filter((r) => r.status === "failed" && r.assertionResults.length === 0).length;
} catch {
  failed++;
  console.error("✗ vitest produced no report");
}
rmSync(dir, { recursive: true, force: true });
if (vitest.status !== 0 && failed === 0) failed++;
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
