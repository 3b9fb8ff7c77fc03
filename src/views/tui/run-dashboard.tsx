/**
 * Start the dashboard for one scenario and resolve with how it ended.
 *
 * Ink renders with exitOnCtrlC off: in raw mode Ctrl-C arrives as a key and
 * goes to the controller, which makes it the scenario's Ctrl-C. SIGINT and
 * SIGTERM from outside take the same path; SIGHUP (terminal closed) leaves at
 * once. Whatever the exit, the terminal is given back: Ink's unmount turns
 * raw mode off and shows the cursor, and an exit hook does it again for the
 * paths that bypass Ink. The last frame stays on screen (no alternate screen),
 * drawn without the keys that no longer work, so the cleanup a Ctrl-C caused
 * remains readable.
 */
import { render } from "ink";
import type { ScenarioInfo, Session, SessionResult, Signal } from "../../session/session.js";
import { fileSources, type Sources, scenarioSources } from "../../session/sources.js";
import { App, type DashboardOverlay } from "./app.js";
import { Controller } from "./controller.js";
import { bothLanguages, type FrameScenario } from "./frame.js";
import { rawKeysBeforeFirstFrame } from "./raw-keys.js";
import { UiState } from "./ui-state.js";

export interface DashboardOptions {
  /** A user's program file: its source is shown in the code pane (a .py file as Python). */
  file?: string | undefined;
  /** The code to show, when the caller has it (another engine's program); wins over `file`. */
  sources?: Sources | undefined;
  /** learn's quiz or tour over the dashboard. */
  overlay?: DashboardOverlay | undefined;
}

/** Give the terminal back even on exits that bypass Ink (process.exit from a signal). */
function restoreTerminal(): void {
  if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
  if (process.stdout.isTTY) process.stdout.write("\x1b[?25h");
}

/**
 * A narrower terminal reflows the frame already drawn (each old row becomes
 * two), and Ink, erasing the rows it counted, would leave the reflowed top
 * behind. Clearing the screen first leaves nothing stale; Ink then draws the
 * new frame from the top. (Listeners run in order: this one is added before Ink's.)
 */
function clearOnResize(): () => void {
  const clear = () => {
    if (process.stdout.isTTY) process.stdout.write("\x1b[2J\x1b[H");
  };
  process.stdout.on("resize", clear);
  return () => {
    process.stdout.off("resize", clear);
  };
}

/** Show `session` (created with a store) until the user leaves; resolves with how the run ended. */
export async function runDashboard(
  session: Session,
  scenario: ScenarioInfo & FrameScenario,
  options: DashboardOptions = {},
): Promise<SessionResult> {
  const store = session.store;
  if (store === undefined) throw new Error("the dashboard needs a session store");
  const ui = new UiState();
  process.on("exit", restoreTerminal);
  const sources =
    options.sources ?? (options.file === undefined ? scenarioSources(scenario.name) : fileSources(options.file));
  // A user's own TypeScript program has no Python: its code pane opens on the code there is.
  if (sources.python === null && sources.typescript !== null) ui.update({ language: "typescript" });

  return new Promise<SessionResult>((resolve, reject) => {
    let settled = false;
    let clearing = false;
    let lastResult: SessionResult | undefined;

    const leave = (result: SessionResult | { crash: unknown }, why: string | null = null) => {
      if (settled) return;
      settled = true;
      if (!session.done) session.abort();
      if ("status" in result) ui.update({ leaving: { status: result.status, why }, help: 0, notice: null });
      store.publish();
      for (const [signal, handler] of handlers) process.off(signal, handler);
      stopClearing();
      // Let React commit the final frame before unmounting: it stays on screen.
      setTimeout(() => {
        // A tour's stop leaves for the next one: its frame goes, the next draws in its place.
        if (clearing) instance.clear();
        instance.unmount();
        restoreTerminal();
        if ("crash" in result) reject(result.crash);
        else resolve(result);
      }, 50);
    };

    const controller = new Controller(
      session,
      ui,
      {
        now: (status, why) => leave({ status, warnings: lastResult?.warnings ?? [] }, why),
        finished: () => {
          if (lastResult !== undefined) leave(lastResult);
        },
        replay: () => start(),
      },
      bothLanguages(sources),
    );

    // Each end of the live run: the first, or a branch's (a command given in the history of an ended run).
    session.onEnd((result) => {
      lastResult = result;
      const by = controller.interrupted;
      // A signal from outside: nobody may be at the keyboard, leave once the cleanup is over (as before).
      // The Ctrl-C key: stay on the finished cleanup until q, unless the run had to be stopped by force.
      if (by === "SIGINT" || by === "SIGTERM") leave(result);
      else if (by === "key" && store.latest.ended === null) leave(result);
    });
    const start = () => {
      session.start().catch((error: unknown) => leave({ crash: error }));
    };

    const handlers: [NodeJS.Signals, () => void][] = [
      ["SIGINT", () => controller.interrupt("SIGINT" satisfies Signal)],
      ["SIGTERM", () => controller.interrupt("SIGTERM")],
      ["SIGHUP", () => leave({ status: 129, warnings: [] }, "the terminal closed")],
    ];
    for (const [signal, handler] of handlers) process.on(signal, handler);
    const stopClearing = clearOnResize();

    // The run exists before the first frame: the App reads its loop.
    start();
    options.overlay?.attach?.({
      leave: (status, clear) => {
        if (clear) clearing = true;
        leave({ status, warnings: lastResult?.warnings ?? [] });
      },
    });
    rawKeysBeforeFirstFrame();
    const instance = render(
      <App
        scenario={scenario}
        session={session}
        store={store}
        ui={ui}
        controller={controller}
        sources={sources}
        overlay={options.overlay}
      />,
      { exitOnCtrlC: false, patchConsole: false, maxFps: 30 },
    );
    instance.waitUntilExit().catch((error: unknown) => {
      // A component crashed: Ink has shown it; give the terminal back and report it as an internal error.
      leave({ crash: error });
    });
  });
}
