/**
 * `--cast FILE` without the dashboard (no terminal, or `--size`): the
 * dashboard's frames drawn from the run's events after the run, one frame per
 * event, by the dashboard's own drawing (drawFrame) from the session's own
 * store. The cast's clock is the paced clock — event k shows at its loop time
 * divided by the speed — except that events at the same loop time are spread
 * STEP apart, so each stays on screen long enough to read. Nothing here reads
 * the wall clock: the same run gives the same cast, byte for byte.
 *
 * Commands the run was given stand as the keys that give them: a cancel from
 * outside the scenario (`--cancel`) selects the task's row and is marked `c`;
 * the first interrupt (`--interrupt-at`) is marked Ctrl-C and drawn as the
 * dashboard draws a Ctrl-C key.
 */
import type { RuntimeEvent } from "../../runtime/runtime-events.js";
import { SessionStore } from "../../session/store.js";
import { drawFrame, type FrameScenario, type Size, type Sources } from "../tui/frame.js";
import { lineToAnsi } from "../tui/line.js";
import { INITIAL_UI, type UiSnapshot } from "../tui/ui-state.js";
import { Asciicast } from "./asciicast.js";

/** Wall seconds between two events at the same loop time. */
export const STEP = 0.15;
/** How long the last frame is held before the recording ends. */
const HOLD = 2;

export const DEFAULT_SIZE: Size = { columns: 100, rows: 30 };

export interface HeadlessInput {
  scenario: FrameScenario;
  sources: Sources;
  events: readonly { event: RuntimeEvent; hint: string | undefined }[];
  status: number;
  /** Loop seconds per wall second of the run; an instant run is paced at 1. */
  speed: number;
  size: Size;
  /** 0: no colour; 1: the terminal's 16 colours. */
  colorLevel: number;
  command: string;
}

/**
 * What to write to turn the screen showing `before` into `after`: each row that changed, at its place
 * (erasing the rest of the row), then everything below the frame if it got shorter. Writing only the
 * changes keeps a cast of a big run small: most rows stay the same from one event to the next.
 */
export function frameUpdate(before: readonly string[], after: readonly string[]): string {
  let out = "";
  for (const [row, text] of after.entries()) {
    // A row the last frame did not reach is blank (cleared at the start, or erased below a shorter frame).
    if (text !== (before[row] ?? "")) out += `\u001b[${row + 1};1H${text}\u001b[K`;
  }
  if (after.length < before.length) out += `\u001b[${after.length + 1};1H\u001b[J`;
  return out;
}

export function drawCast(input: HeadlessInput): string {
  const { size, colorLevel } = input;
  const pace = Number.isFinite(input.speed) && input.speed > 0 ? input.speed : 1;
  const cast = new Asciicast({
    width: size.columns,
    height: size.rows,
    title: `async-demo · ${input.scenario.name} — ${input.scenario.title}`,
    command: input.command,
    env: { TERM: "xterm-256color" },
  });
  const store = new SessionStore(pace);
  store.started();
  let ui: UiSnapshot = INITIAL_UI;
  let wall = 0;
  let screen: string[] = [];
  // The dashboard hides the cursor while it draws.
  cast.output(0, "\u001b[?25l\u001b[2J");
  for (const [i, { event, hint }] of input.events.entries()) {
    store.push(event, hint);
    if (event.type === "interrupt" || event.type === "shutdown") store.setPhase("shutting down");
    if (i === input.events.length - 1) store.ended(input.status);
    else store.publish();
    wall = i === 0 ? 0 : Math.max(wall + STEP, event.time / pace);
    if (event.type === "interrupt" && event.count === 1 && ui.interrupted === null) {
      cast.marker(wall, "Ctrl-C");
      ui = { ...ui, interrupted: "key", version: ui.version + 1 };
    }
    if (event.type === "cancel-requested" && event.cause === "user") {
      cast.marker(wall, "c");
      ui = { ...ui, selected: event.task, version: ui.version + 1 };
    }
    const lines = drawFrame(
      {
        scenario: input.scenario,
        snapshot: store.getSnapshot(),
        ui,
        now: event.time,
        sources: input.sources,
        blocked: 0,
      },
      size,
    );
    const next = lines.map((l) => lineToAnsi(l, colorLevel));
    // A frame the same as the last one still gets its moment: an empty write would be dropped.
    cast.output(wall, frameUpdate(screen, next) || "\u001b[H");
    screen = next;
  }
  // The last frame stays; the cursor comes back, as when the dashboard exits.
  cast.output(wall + HOLD, "\u001b[?25h");
  return cast.text();
}
