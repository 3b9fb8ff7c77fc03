/**
 * The dashboard in Ink: the frame drawn by drawFrame (frame.ts), one memoised
 * <Text> per row, so React touches only the rows that changed. Reads the
 * session store and the UI state through useSyncExternalStore; keys go to the
 * controller, which owns what they do.
 *
 * Frames come from the store (at most ~30 a second while events arrive), from
 * keys, and from the clock: while the run plays, the clock, countdowns and
 * lanes move between events (use-now.ts sets that pace: Ink's cost is per
 * frame and per cell, whatever changed); paused or finished, nothing is
 * redrawn until something changes.
 */
import chalk from "chalk";
import { Box, Transform, useInput, useStdin } from "ink";
import { memo, useMemo, useSyncExternalStore } from "react";
import type { Session } from "../../session/session.js";
import type { Sources } from "../../session/sources.js";
import type { SessionStore } from "../../session/store.js";
import type { Controller } from "./controller.js";
import { drawFrame, type FrameOverlay, type FrameScenario, type Size } from "./frame.js";
import { bindingFor, type KeyPress, keyPresses } from "./keymap.js";
import { lineText, lineToAnsi, lineWidth } from "./line.js";
import type { UiState } from "./ui-state.js";
import { useNow } from "./use-now.js";
import { useTerminalSize } from "./use-terminal-size.js";

export interface AppProps {
  scenario: FrameScenario;
  /** Only its clocks are read: the loop time to show, and whether the scenario's thread is stuck. */
  session: Pick<Session, "displayTime" | "blockedFor">;
  store: SessionStore;
  ui: UiState;
  controller: Controller;
  sources: Sources;
  /** Draw for this size instead of the terminal's (recordings). */
  size?: Size;
  /** learn's quiz or tour, drawn over the dashboard with the first say on keys. */
  overlay?: DashboardOverlay | undefined;
}

/** Something drawn over the dashboard (learn's quiz and tour, src/learn/overlay.ts). */
export interface DashboardOverlay {
  subscribe(listener: () => void): () => void;
  /** Changes whenever draw() would draw something else. */
  getSnapshot(): number;
  draw(width: number): FrameOverlay | null;
  /** True if the key was the overlay's: the dashboard then does nothing with it. Ctrl-C never is. */
  onKey(press: KeyPress): boolean;
  /** The log leaves the scenario's hints out (they would give a quiz's answers away). */
  readonly hideHints?: boolean;
  /** The dashboard's way out, for an overlay that ends it (a tour's stop); `clear` erases the last frame. */
  attach?(host: { leave(status: number, clear?: boolean): void }): void;
}

const NO_OVERLAY = { subscribe: () => () => {}, getSnapshot: () => 0 };

interface RowProps {
  /** The row as the terminal gets it (styles as SGR codes). */
  ansi: string;
  /** Its width in cells, and its text without styles (screen readers). */
  cells: number;
  plain: string;
}

/**
 * One row of the frame. Ink measures every text it lays out on every frame,
 * and string-width is slow on styled rows with box-drawing characters and
 * glyphs; the row's width is already known, so Ink is given that many spaces
 * to measure and the styled row replaces them as it is written (Transform). An
 * empty row still takes its line (Ink gives an empty text no height).
 */
const Row = memo(function Row({ ansi, cells, plain }: RowProps) {
  return (
    <Transform transform={() => ansi} accessibilityLabel={plain}>
      {" ".repeat(Math.max(1, cells))}
    </Transform>
  );
});

export function App({ scenario, session, store, ui, controller, sources, size, overlay }: AppProps) {
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const view = useSyncExternalStore(ui.subscribe, ui.getSnapshot);
  const over = overlay ?? NO_OVERLAY;
  const overlayVersion = useSyncExternalStore(over.subscribe, over.getSnapshot);
  const terminal = useTerminalSize();
  const { columns, rows } = size ?? terminal;
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      for (const press of keyPresses(input, key)) {
        if (overlay?.onKey(press)) continue;
        const binding = bindingFor(press);
        if (binding) controller.handle(binding.action, press.input);
        else if (ui.getSnapshot().help > 0) controller.handle("help", press.input);
      }
    },
    { isActive: isRawModeSupported === true },
  );

  const live = snapshot.cursor === snapshot.head;
  const playing = live && snapshot.status === null && snapshot.phase !== "paused" && view.help === 0;
  // Paused, the loop's own time: a pause during a paced sleep stands between two events. At the head the
  // snapshot's state is the live one, ahead of the snapshot's own time until the next publication (~33 ms),
  // and the paced clock's estimate can trail an event just received: never a clock earlier than the state drawn.
  const now = Math.max(useNow(session.displayTime, playing, snapshot.time, snapshot.speed), snapshot.state.time);
  const blocked = session.blockedFor();
  // Ink's output must stay shorter than the terminal: at its full height Ink clears the screen on every frame.
  const rowsText = useMemo(() => {
    void overlayVersion; // a new version of the overlay is a new frame
    const frame = drawFrame(
      {
        scenario,
        snapshot,
        ui: view,
        now,
        sources,
        blocked,
        overlay: overlay === undefined ? undefined : (width) => overlay.draw(width),
        hideHints: overlay?.hideHints === true,
      },
      { columns, rows: Math.max(1, rows - 1) },
    );
    return frame.map((l) => ({ ansi: lineToAnsi(l, chalk.level), cells: lineWidth(l), plain: lineText(l) }));
  }, [scenario, snapshot, view, now, sources, blocked, columns, rows, overlay, overlayVersion]);
  controller.layout = { columns, rows: Math.max(1, rows - 1) };
  return (
    <Box flexDirection="column">
      {rowsText.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions on the screen
        <Row key={i} {...row} />
      ))}
    </Box>
  );
}
