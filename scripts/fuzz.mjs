// `npm run fuzz -- --runs N --seed S`: differential fuzzing against CPython (see test/fuzz/cli.ts).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = fileURLToPath(new URL("../test/fuzz/cli.ts", import.meta.url));
const result = spawnSync(process.execPath, ["--conditions=source", "--import", "tsx", cli, ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});
process.exitCode = result.status ?? 1;
