// Through npx, the terminal's Ctrl-C also reaches npm (the whole foreground process group gets SIGINT), and
// npm then dies of it: status 130 whatever the program's own. The narrated views take Ctrl-C as a key under
// npm, so `npx async-demo shutdown --plain` + Ctrl-C exits 0, as CPython's swallowed cancel (issue 12, bug 10).
import pty from "@lydell/node-pty";
import { describe, expect, it } from "vitest";
import { cliEnv, root } from "./run-cli.js";

/** `npx async-demo ARGS` in a pseudo-terminal; Ctrl-C typed once `ready` shows; the exit as a shell sees it. */
function npxCtrlC(args: string[], ready: RegExp): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    const env = cliEnv() as Record<string, string>;
    const child = pty.spawn("npx", ["async-demo", ...args], { cols: 100, rows: 30, cwd: root, env });
    let output = "";
    let typed = false;
    child.onData((data) => {
      output += data;
      if (!typed && ready.test(output)) {
        typed = true;
        child.write("\u0003");
      }
    });
    child.onExit(({ exitCode, signal }) => resolve({ status: signal ? 128 + signal : exitCode, output }));
  });
}

describe("npx and Ctrl-C", () => {
  it("shutdown --plain: Ctrl-C while the tasks wait → the run's own status 0, not npm's 130", async () => {
    const { status, output } = await npxCtrlC(["shutdown", "--plain"], /long_running_task \(Task-4\) waits/);
    expect(output).toContain("exit status 0");
    expect(status).toBe(0);
  }, 60_000);

  it("shutdown-reraise --quiet: Ctrl-C → 130 and KeyboardInterrupt, as CPython", async () => {
    const { status, output } = await npxCtrlC(["shutdown-reraise", "--quiet"], /fetch_data: done/);
    expect(output).toContain("KeyboardInterrupt");
    expect(status).toBe(130);
  }, 60_000);
});
