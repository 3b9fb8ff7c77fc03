/**
 * Start the dashboard for one scenario and resolve with how it ended.
 *
 * Ink renders with exitOnCtrlC off: in raw mode Ctrl-C arrives as a key and
 * goes to the controller, which makes it the scenario's Ctrl-C. SIGINT and
 * SIGTERM from outside take the same path; SIGHUP (terminal closed) leaves at
 * once. Whatever the exit, the terminal is given back: Ink's unmount turns
 * raw mode off and shows the cursor, and an exit hook does it again for the
 * paths that bypass Ink. The last frame stays on screen (no alternate screen),
 * so the cleanup a Ctrl-C caused remains readable.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { render } from "ink";
import { packageRoot } from "../../cli/package-root.js";
import type { ScenarioInfo, Session, SessionResult, Signal } from "../../session/session.js";
import { App, type Sources } from "./app.js";
import { Controller } from "./controller.js";
import { UiState } from "./ui-state.js";

function read(path: string): string | null {
  return existsSync(path) ? readFileSync(path, "utf8").trimEnd() : null;
}

function sourcesOf(scenario: ScenarioInfo, file: string | undefined): Sources {
  if (file !== undefined) return { python: null, typescript: read(file), pythonFile: "(none)", typescriptFile: file };
  const dir = join(packageRoot(), "scenarios");
  return {
    python: read(join(dir, `${scenario.name}.py`)),
    typescript: read(join(dir, `${scenario.name}.ts`)),
    pythonFile: `scenarios/${scenario.name}.py`,
    typescriptFile: `scenarios/${scenario.name}.ts`,
  };
}

/** Give the terminal back even on exits that bypass Ink (process.exit from a signal). */
function restoreTerminal(): void {
  if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
  if (process.stdout.isTTY) process.stdout.write("\x1b[?25h");
}

/** Show `session` (created with a store) until the user leaves; resolves with how the run ended. */
export async function runDashboard(session: Session, scenario: ScenarioInfo, file?: string): Promise<SessionResult> {
  const store = session.store;
  if (store === undefined) throw new Error("the dashboard needs a session store");
  const ui = new UiState();
  process.on("exit", restoreTerminal);

  return new Promise<SessionResult>((resolve, reject) => {
    let settled = false;
    let lastResult: SessionResult | undefined;
    let decide: ((choice: "quit" | "replay") => void) | undefined;

    const leave = (result: SessionResult | { crash: unknown }) => {
      if (settled) return;
      settled = true;
      if (!session.done) session.abort();
      store.publish();
      for (const [signal, handler] of handlers) process.off(signal, handler);
      // Let React commit the final frame before unmounting: it stays on screen.
      setTimeout(() => {
        instance.unmount();
        restoreTerminal();
        if ("crash" in result) reject(result.crash);
        else resolve(result);
      }, 50);
    };

    const controller = new Controller(session, ui, {
      now: (status) => leave({ status, warnings: lastResult?.warnings ?? [] }),
      finished: () => decide?.("quit"),
      replay: () => decide?.("replay"),
    });

    const handlers: [NodeJS.Signals, () => void][] = [
      ["SIGINT", () => controller.interrupt("SIGINT" satisfies Signal)],
      ["SIGTERM", () => controller.interrupt("SIGTERM")],
      ["SIGHUP", () => leave({ status: 129, warnings: [] })],
    ];
    for (const [signal, handler] of handlers) process.on(signal, handler);

    // The run exists before the first frame: the App reads its loop.
    let running = session.start();
    const instance = render(
      <App
        scenario={scenario}
        session={session}
        store={store}
        ui={ui}
        controller={controller}
        sources={sourcesOf(scenario, file)}
      />,
      { exitOnCtrlC: false, patchConsole: false, maxFps: 30 },
    );
    instance.waitUntilExit().catch((error: unknown) => {
      // A component crashed: Ink has shown it; give the terminal back and report it as an internal error.
      leave({ crash: error });
    });

    void (async () => {
      for (;;) {
        const result = await running;
        lastResult = result;
        if (settled) return;
        if (controller.interrupted) return leave(result);
        const choice = await new Promise<"quit" | "replay">((r) => {
          decide = r;
        });
        decide = undefined;
        if (choice === "quit") return leave(result);
        running = session.start();
      }
    })();
  });
}
