/**
 * One frame of the dashboard, as a pure function of what it shows: the run's
 * store snapshot, the dashboard's own state, the loop time to draw at and the
 * terminal's size. The live dashboard draws it on every change; a recording
 * (a cast, a replay) can draw the same frames from the same inputs.
 */
import type { RuntimeEvent } from "../../runtime/runtime-events.js";
import type { Snapshot } from "../../session/store.js";
import { codePaneLines } from "./code-pane.js";
import { eventLogLines } from "./event-log.js";
import { headerHeight, headerLines } from "./header.js";
import { type BarMode, keyBar } from "./key-bar.js";
import { helpLines } from "./key-help.js";
import { laneWidthFor, layout } from "./layout.js";
import { besides, fitLine, type Line, line } from "./line.js";
import { summaryBox, summaryContent, summaryHeight, summaryLine, summaryPages } from "./summary.js";
import { taskTreeLines, wholeDetail } from "./task-tree.js";
import { clip, seconds } from "./text.js";
import { selectedIndex, treeRows, visibleWindow } from "./tree.js";
import type { UiSnapshot } from "./ui-state.js";

/** The code the code pane can show. */
export interface Sources {
  python: string | null;
  typescript: string | null;
  pythonFile: string;
  typescriptFile: string;
}

/** What the dashboard knows of the scenario (or program) it shows. */
export interface FrameScenario {
  name: string;
  title: string;
  /** The lesson; may be missing or empty in a user's file. */
  explain?: string | undefined;
  /** Shown while the run plays and nobody pressed Ctrl-C yet ("press Ctrl-C now: …"). */
  interruptPrompt?: string | undefined;
}

/**
 * Facts the session may add to its snapshot (read when present): the engine's
 * notes for the whole run, live warnings, the event a run branched at.
 */
export type FrameSnapshot = Snapshot & {
  readonly notices?: readonly string[];
  readonly warnings?: readonly string[];
  readonly branchedAt?: number | null;
  readonly eventAt?: (index: number) => RuntimeEvent | undefined;
};

export interface FrameInput {
  scenario: FrameScenario;
  snapshot: FrameSnapshot;
  ui: UiSnapshot;
  /** Loop time to draw countdowns, lanes and the clock at. */
  now: number;
  sources: Sources;
  /** Seconds the scenario has held its thread without giving control back (0: responsive). */
  blocked: number;
}

export interface Size {
  columns: number;
  rows: number;
}

/** The lesson, or "" when the scenario has none (never "undefined"). */
export function lessonOf(scenario: FrameScenario): string {
  return typeof scenario.explain === "string" ? scenario.explain.trim() : "";
}

/** What the key bar offers, from the run's state and the dashboard's. */
function barMode(input: FrameInput): BarMode {
  const { snapshot, ui } = input;
  if (snapshot.cursor < snapshot.head) return "history";
  if (snapshot.status !== null) return "finished";
  if (ui.interrupted !== null) return "interrupted";
  return "live";
}

/** The run's task currently running a step too long, named for the blocked-loop warning. */
function blockedNotice(input: FrameInput): string | null {
  if (input.blocked <= 0) return null;
  const running = [...input.snapshot.state.tasks.values()].find((t) => t.state === "running");
  const who = running ? `${running.coro} (${running.name})` : "a step";
  return `⚠ ${who} has held the loop for ${input.blocked.toFixed(1)} s without awaiting: nothing else can run · Ctrl-C stops it`;
}

export function drawFrame(input: FrameInput, size: Size): Line[] {
  const { snapshot, ui, scenario } = input;
  const state = snapshot.state;
  const live = snapshot.cursor === snapshot.head;
  const finished = snapshot.status !== null && live;
  const notices = snapshot.notices ?? [];
  const warnings = snapshot.warnings ?? [];
  const header = headerHeight(notices.length, warnings.length);
  // The scenario's invitation ("press Ctrl-C now: …") while the run plays and nobody has pressed it.
  const prompt =
    scenario.interruptPrompt !== undefined && ui.interrupted === null && live && snapshot.phase === "running"
      ? scenario.interruptPrompt
      : null;
  const lesson = lessonOf(scenario);
  const leaving = ui.leaving;
  const mode = barMode(input);
  const rowsOfTree = treeRows(state);
  const width = Math.max(20, size.columns - 1);

  // The selected task's detail, when its row cuts it, gets a line of its own under the tree.
  const selected = selectedIndex(rowsOfTree, ui.selected);
  const selectedTask = rowsOfTree[selected]?.task;
  let whole =
    selectedTask === undefined ? [] : wholeDetail(selectedTask, state, input.now, width, laneWidthFor(size.columns));
  const content = finished
    ? summaryContent({
        state,
        status: snapshot.status ?? 0,
        explain: lesson,
        width,
      })
    : [];
  const boxWith = (extra: number) =>
    layout({
      columns: size.columns,
      rows: size.rows,
      tasks: rowsOfTree.length,
      header: header + (prompt === null ? 0 : 1),
      summary: finished ? summaryHeight(content) : 0,
      treeExtra: extra,
    });
  let box = boxWith(whole.length);
  // The summary comes before the selected task's whole detail (its row still shows the start).
  if (finished && whole.length > 0 && box.summaryHeight < summaryHeight(content)) {
    whole = [];
    box = boxWith(0);
  }
  const pages = finished ? summaryPages(content, box.summaryHeight) : 1;

  const bar: Line = (() => {
    if (leaving !== null) {
      // The final frame stays on screen after the program has gone: it offers no keys.
      const how = finished
        ? `async-demo has exited with status ${leaving.status}`
        : `${leaving.why ?? "left"} at t=${seconds(input.now)}: the run was abandoned — async-demo has exited with status ${leaving.status}`;
      return line(clip(how, box.width), { dim: true });
    }
    const notice = blockedNotice(input) ?? (ui.notice === null ? null : ui.notice);
    if (notice !== null) return line(clip(notice, box.width), { color: "yellow" });
    return fitLine(
      keyBar(
        {
          mode,
          paused: snapshot.phase === "paused",
          status: snapshot.status,
          codeBeside: box.codeBeside,
          summaryPaged: pages > 1,
          againStatus: ui.interrupted === "SIGTERM" ? 143 : 130,
        },
        box.width,
      ),
      box.width,
    );
  })();

  if (ui.help > 0) {
    const help = helpLines(ui.help, box.width, box.helpHeight);
    return [...help.slice(0, size.rows - 1), bar];
  }

  const headerPart = headerLines({
    name: scenario.name,
    title: scenario.title,
    now: input.now,
    speed: snapshot.speed,
    phase: snapshot.phase,
    state,
    behind: live ? null : { cursor: snapshot.cursor, head: snapshot.head },
    ended: snapshot.status !== null,
    branchedAt: snapshot.branchedAt ?? null,
    notices,
    warnings,
    width: box.width,
  });

  const [from, to] = visibleWindow(rowsOfTree.length, Math.max(0, selected), box.treeRows);
  // The lanes' right edge: the run's real end once it is over, else a little ahead of now.
  const span = finished ? (state.time > 0 ? state.time : 1) : Math.max(0.1, input.now * 1.15);
  const tree = taskTreeLines({
    rows: rowsOfTree.slice(from, to),
    offset: from,
    total: rowsOfTree.length,
    state,
    selected: rowsOfTree[selected]?.task.id ?? null,
    now: input.now,
    width: box.width,
    laneWidth: box.laneWidth,
    span,
    whole,
  });

  const codeShown = box.codeBeside || ui.code;
  const code = codeShown
    ? codePaneLines({
        language: ui.language,
        file: ui.language === "python" ? input.sources.pythonFile : input.sources.typescriptFile,
        source: ui.language === "python" ? input.sources.python : input.sources.typescript,
        explain: lesson,
        whole: `async-demo show ${scenario.name}`,
        height: box.logHeight,
        width: box.codeWidth,
      })
    : [];
  let middle: Line[];
  if (box.logHeight === 0) middle = [];
  else if (codeShown && !box.codeBeside) middle = code;
  else {
    const log = eventLogLines({ entries: snapshot.logTail(box.logHeight), height: box.logHeight, width: box.logWidth });
    middle = codeShown
      ? Array.from({ length: box.logHeight }, (_, i) => besides(log[i] ?? [], box.logWidth, 1, code[i] ?? []))
      : log;
  }

  const summary: Line[] = [];
  if (finished && box.summaryHeight >= 3) {
    const page = ui.summaryPage % Math.max(1, pages);
    summary.push(...summaryBox(content, box.summaryHeight, page, box.width));
  } else if (finished && box.summaryHeight > 0) {
    summary.push(line(clip(summaryLine(state, snapshot.status ?? 0), box.width), { bold: true }));
  }

  const body = [...tree, ...middle, ...summary];
  const footer: Line[] =
    prompt === null ? [bar] : [line(clip(`▶ ${prompt}`, box.width), { color: "yellow", bold: true }), bar];
  const room = Math.max(0, size.rows - headerPart.length - footer.length);
  const frame = [...headerPart, ...body.slice(0, room)];
  // Live, the bar sits on the last row; the final frame (printed after the program) needs no gap.
  while (leaving === null && frame.length < size.rows - footer.length) frame.push([]);
  frame.push(...footer);
  // A terminal smaller than the header and the bar: the bar (the ways out) and the title win.
  return frame.length > size.rows ? [...frame.slice(0, Math.max(0, size.rows - 1)), bar].slice(-size.rows) : frame;
}
