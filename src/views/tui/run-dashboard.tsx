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
import { render } from "ink";
import type { ScenarioInfo, Session, SessionResult, Signal } from "../../session/session.js";
import { fileSources, type Sources, scenarioSources } from "../../session/sources.js";
import { App } from "./app.js";
import { Controller } from "./controller.js";
import { UiState } from "./ui-state.js";

function sourcesOf(scenario: ScenarioInfo, file: string | undefined): Sources {
  return file === undefined ? scenarioSources(scenario.name) : fileSources(file);
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
      finished: () => {
        if (lastResult !== undefined) leave(lastResult);
      },
      replay: () => start(),
    });

    // Each end of the live run: the first, or a branch's (a command given in the history of an ended run).
    session.onEnd((result) => {
      lastResult = result;
      if (controller.interrupted) leave(result);
    });
    const start = () => {
      session.start().catch((error: unknown) => leave({ crash: error }));
    };

    const handlers: [NodeJS.Signals, () => void][] = [
      ["SIGINT", () => controller.interrupt("SIGINT" satisfies Signal)],
      ["SIGTERM", () => controller.interrupt("SIGTERM")],
      ["SIGHUP", () => leave({ status: 129, warnings: [] })],
    ];
    for (const [signal, handler] of handlers) process.on(signal, handler);

    // The run exists before the first frame: the App reads its loop.
    start();
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
  });
}
