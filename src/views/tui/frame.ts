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
import { type BarInput, type BarMode, keyBar } from "./key-bar.js";
import { helpLines } from "./key-help.js";
import { type Layout, laneWidthFor, layout } from "./layout.js";
import { besides, fitLine, type Line, line } from "./line.js";
import { summaryBox, summaryContent, summaryHeight, summaryLine, summaryPages } from "./summary.js";
import { taskTreeLines, wholeDetail } from "./task-tree.js";
import { clip, seconds, wrap } from "./text.js";
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

/**
 * A card drawn over the dashboard, above the key bar (learn's quiz and tour: src/learn/overlay.ts):
 * its lines fitted to the width asked, the key bar while it is up, the log entry it points at.
 */
export interface FrameOverlay {
  lines: readonly Line[];
  /** Replaces the key bar (null: the dashboard's own). */
  bar: Line | null;
  /** Seq of the log entry to highlight (the event that answered a question). */
  highlight: number | null;
}

export interface FrameInput {
  scenario: FrameScenario;
  snapshot: FrameSnapshot;
  ui: UiSnapshot;
  /** Loop time to draw countdowns, lanes and the clock at. */
  now: number;
  sources: Sources;
  /** Seconds the scenario has held its thread without giving control back (0: responsive). */
  blocked: number;
  /** learn's card for this width, if one is up. */
  overlay?: ((width: number) => FrameOverlay | null) | undefined;
  /** Leave the scenario's hints out of the log (they would give a quiz's answers away). */
  hideHints?: boolean | undefined;
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

/** A scenario has its code in both languages; a user's own program (`run file.py`, `run file.ts`) in one. */
export function bothLanguages(sources: Sources): boolean {
  return sources.python !== null && sources.typescript !== null;
}

/** The bottom row: the keys that work now, or why a key did nothing, or (final frame) how the program ended. */
function bottomBar(input: FrameInput, box: Layout, finished: boolean, summaryKey: BarInput["summaryKey"]): Line {
  const { snapshot, ui } = input;
  if (ui.leaving !== null) {
    // The final frame stays on screen after the program has gone: it offers no keys.
    const how = finished
      ? `async-demo has exited with status ${ui.leaving.status}`
      : `${ui.leaving.why ?? "left"} at t=${seconds(input.now)}: the run was abandoned — async-demo has exited with status ${ui.leaving.status}`;
    return line(clip(how, box.width), { dim: true });
  }
  const notice = blockedNotice(input) ?? ui.notice;
  if (notice !== null) return line(clip(notice, box.width), { color: "yellow" });
  const bar = keyBar(
    {
      mode: barMode(input),
      paused: snapshot.phase === "paused",
      status: snapshot.status,
      codeBeside: box.codeBeside,
      ...(finished && summaryKey !== undefined ? { summaryKey } : {}),
      againStatus: ui.interrupted === "SIGTERM" ? 143 : 130,
      bothLanguages: bothLanguages(input.sources),
    },
    box.width,
  );
  return fitLine(bar, box.width);
}

/** Between the tree and the summary: the event log, the code pane beside it, or the code pane in its place. */
function logAndCode(input: FrameInput, box: Layout, lesson: string, highlight: number | null): Line[] {
  const { snapshot, ui, sources } = input;
  if (box.logHeight === 0) return [];
  const codeShown = box.codeBeside || ui.code;
  const code = codeShown
    ? codePaneLines({
        language: ui.language,
        file: ui.language === "python" ? sources.pythonFile : sources.typescriptFile,
        source: ui.language === "python" ? sources.python : sources.typescript,
        other: bothLanguages(sources),
        // A quiz hides the lesson beside the code as it hides the log's hints: both state its answers.
        explain: input.hideHints === true ? "" : lesson,
        whole: `async-demo show ${input.scenario.name}`,
        height: box.logHeight,
        width: box.codeWidth,
      })
    : [];
  if (codeShown && !box.codeBeside) return code;
  const log = eventLogLines({
    entries: snapshot.logTail(box.logHeight),
    height: box.logHeight,
    width: box.logWidth,
    highlight,
    hideHints: input.hideHints === true,
  });
  if (!codeShown) return log;
  return Array.from({ length: box.logHeight }, (_, i) => besides(log[i] ?? [], box.logWidth, 1, code[i] ?? []));
}

export function drawFrame(input: FrameInput, size: Size): Line[] {
  const { snapshot, ui, scenario } = input;
  const state = snapshot.state;
  const live = snapshot.cursor === snapshot.head;
  const finished = snapshot.status !== null && live;
  const notices = snapshot.notices ?? [];
  const warnings = snapshot.warnings ?? [];
  // The scenario's invitation ("press Ctrl-C now: …") while the run plays and nobody has pressed it.
  const width = Math.max(20, size.columns - 1);
  // learn's card (a question, a verdict) sits right above the key bar; the rows come from the log first.
  const card = input.overlay?.(width) ?? null;
  const prompt =
    scenario.interruptPrompt !== undefined &&
    ui.interrupted === null &&
    live &&
    snapshot.phase === "running" &&
    card === null
      ? scenario.interruptPrompt
      : null;
  const lesson = lessonOf(scenario);
  const rows = treeRows(state);
  const selected = selectedIndex(rows, ui.selected);
  const selectedTask = rows[selected]?.task;

  // The selected task's detail, when its row cuts it, gets lines of their own under the tree.
  let whole = selectedTask ? wholeDetail(selectedTask, state, input.now, width, laneWidthFor(size.columns)) : [];
  const content = finished ? summaryContent({ state, status: snapshot.status ?? 0, explain: lesson, width }) : [];
  // Folded (m after the last page): only how main ended stays, and the log gets the rows back.
  const headline = finished
    ? wrap(summaryLine(state, snapshot.status ?? 0), width).map((text) => line(text, { bold: true }))
    : [];
  let summaryRows = finished ? summaryHeight(content) : 0;
  const layoutWith = (treeExtra: number) =>
    layout({
      columns: size.columns,
      rows: size.rows,
      tasks: rows.length,
      header: headerHeight(notices.length, warnings.length) + (prompt === null ? 0 : 1) + (card?.lines.length ?? 0),
      summary: summaryRows,
      treeExtra,
    });
  let box = layoutWith(whole.length);
  // The summary comes before the selected task's whole detail (its row still shows the start).
  if (finished && whole.length > 0 && box.summaryHeight < summaryHeight(content)) {
    whole = [];
    box = layoutWith(0);
  }
  const pages = finished ? summaryPages(content, box.summaryHeight) : 1;
  // m turns the pages, then folds the summary (when the log has more events than it shows), then starts again.
  const foldable = finished && box.summaryHeight > headline.length && Math.max(0, box.logHeight - 1) < snapshot.cursor;
  const page = ui.summaryPage % (foldable ? pages + 1 : pages);
  const folded = foldable && page === pages;
  if (folded) {
    summaryRows = headline.length;
    whole = selectedTask ? wholeDetail(selectedTask, state, input.now, width, laneWidthFor(size.columns)) : [];
    box = layoutWith(whole.length);
  }
  const summaryKey = folded ? "summary" : page < pages - 1 ? "more" : foldable ? "log" : undefined;
  const ownBar = bottomBar(input, box, finished, summaryKey);
  const bar = card?.bar != null && ui.leaving === null ? fitLine(card.bar, box.width) : ownBar;

  if (ui.help > 0) return [...helpLines(ui.help, box.width, box.helpHeight).slice(0, size.rows - 1), bar];

  const header = headerLines({
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
  const [from, to] = visibleWindow(rows.length, Math.max(0, selected), box.treeRows);
  const tree = taskTreeLines({
    rows: rows.slice(from, to),
    offset: from,
    total: rows.length,
    state,
    selected: selectedTask?.id ?? null,
    now: input.now,
    width: box.width,
    laneWidth: box.laneWidth,
    // The lanes' right edge: the run's real end once it is over, else a little ahead of now.
    span: finished ? (state.time > 0 ? state.time : 1) : Math.max(0.1, input.now * 1.15),
    whole,
  });
  const summary =
    !finished || box.summaryHeight === 0
      ? []
      : folded
        ? headline.slice(0, box.summaryHeight)
        : box.summaryHeight >= 3
          ? summaryBox(content, box.summaryHeight, page, box.width)
          : [line(clip(summaryLine(state, snapshot.status ?? 0), box.width), { bold: true })];

  const body = [...tree, ...logAndCode(input, box, lesson, card?.highlight ?? null), ...summary];
  const footer = [
    ...(prompt === null ? [] : [line(clip(`▶ ${prompt}`, box.width), { color: "yellow", bold: true })]),
    ...(card?.lines ?? []),
    bar,
  ];
  const frame = [...header, ...body.slice(0, Math.max(0, size.rows - header.length - footer.length))];
  // Live, the bar sits on the last row; the final frame (printed after the program) needs no gap.
  while (ui.leaving === null && frame.length < size.rows - footer.length) frame.push([]);
  frame.push(...footer);
  // A terminal smaller than the header and the bar: the bar (the ways out) and the title win.
  return frame.length > size.rows ? [...frame.slice(0, Math.max(0, size.rows - 1)), bar].slice(-size.rows) : frame;
}
