/**
 * The task tree: one row per task in the dashboard's order (treeRows), with
 * the dashboard's glyph, word and detail (what it awaits, or how it ended and
 * why), and its lane. Only the rows in view are built, so a run of 10,000
 * tasks scrolls and scrubs as fast as one of four. Below the tree, the
 * selected task in full: nothing a row cuts short is lost.
 */
import { describeCause } from "../../../session/narrate.js";
import type { RunState, TaskView } from "../../../session/state.js";
import { LOOK } from "../../tui/glyphs.js";
import { taskDetail } from "../../tui/task-detail.js";
import { seconds } from "../../tui/text.js";
import { type TreeRow, treeRows } from "../../tui/tree.js";
import { fill, h, setText } from "./dom.js";
import { axisLabel, laneElement } from "./lanes.js";

export class TaskPanel {
  readonly el: HTMLElement;
  private readonly title = h("h2", null);
  private readonly axis = h("span", { class: "axis", "aria-hidden": "true" });
  private readonly scroller = h("div", { class: "scroller", tabindex: "-1" });
  private readonly spacer = h("div", { class: "spacer", role: "list" });
  private readonly detail = h("div", { class: "task-detail", "aria-live": "polite" });
  private rows: TreeRow[] = [];
  private rowHeight = 0;
  private last: { state: RunState; now: number; span: number } | undefined;
  private detailText = "";
  selected: number | null = null;

  constructor(private readonly onSelect: (id: number) => void) {
    this.scroller.append(this.spacer);
    this.el = h(
      "section",
      { class: "panel tasks", "aria-label": "Tasks" },
      h("div", { class: "panel-head" }, this.title, this.axis),
      this.scroller,
      this.detail,
    );
    this.scroller.addEventListener("scroll", () => this.drawRows());
    this.spacer.addEventListener("click", (e) => {
      const row = (e.target as Element).closest<HTMLElement>("[data-task]");
      if (row) this.onSelect(Number(row.dataset.task));
    });
  }

  /** Row ids in display order (for ↑↓). */
  get order(): number[] {
    return this.rows.map((r) => r.task.id);
  }

  render(state: RunState, now: number, span: number): void {
    this.rows = treeRows(state);
    this.last = { state, now, span };
    setText(this.title, `Tasks (${this.rows.length})`);
    setText(this.axis, `0s … ${axisLabel(span)}`);
    if (this.selected === null || !state.tasks.has(this.selected)) this.selected = this.rows[0]?.task.id ?? null;
    this.drawRows();
    this.drawDetail(state, now);
  }

  /** Scroll so the selected row is in view. */
  reveal(): void {
    const index = this.rows.findIndex((r) => r.task.id === this.selected);
    if (index < 0 || this.rowHeight === 0) return;
    const top = index * this.rowHeight;
    if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
    else if (top + this.rowHeight > this.scroller.scrollTop + this.scroller.clientHeight)
      this.scroller.scrollTop = top + this.rowHeight - this.scroller.clientHeight;
  }

  private drawRows(): void {
    const last = this.last;
    if (last === undefined) return;
    if (this.rowHeight === 0) this.rowHeight = this.measure();
    const total = this.rows.length;
    this.spacer.style.height = `${total * this.rowHeight}px`;
    // The rows in view and a screenful either side.
    const view = Math.max(1, Math.ceil((this.scroller.clientHeight || 600) / this.rowHeight));
    const first = Math.max(0, Math.floor(this.scroller.scrollTop / this.rowHeight) - view);
    const end = Math.min(total, first + view * 3);
    const built: HTMLElement[] = [];
    for (let i = first; i < end; i++) {
      const el = this.row(this.rows[i] as TreeRow, i, last);
      el.style.top = `${i * this.rowHeight}px`;
      built.push(el);
    }
    this.spacer.replaceChildren(...built);
  }

  private row(row: TreeRow, index: number, { state, now, span }: { state: RunState; now: number; span: number }) {
    const task = row.task;
    const look = LOOK[task.state];
    const selected = task.id === this.selected;
    const el = h(
      "div",
      {
        class: `row st-${task.state}${selected ? " selected" : ""}`,
        role: "listitem",
        "data-task": String(task.id),
        "data-index": String(index),
        "data-state": task.state,
        "aria-current": selected ? "true" : undefined,
      },
      h("span", { class: "num" }, index < 9 ? String(index + 1) : ""),
      h("span", { class: "glyph", "aria-hidden": "true" }, look.glyph),
      h("span", { class: "name" }, h("span", { class: "prefix" }, row.prefix), h("span", { class: "coro" }, task.coro)),
      h("span", { class: "tname" }, task.name),
      h("span", { class: "word" }, look.word),
      h("span", { class: "detail" }, taskDetail(task, state, now)),
      laneElement(task, span, now),
    );
    return el;
  }

  private measure(): number {
    const probe = h("div", { class: "row" }, h("span", { class: "name" }, "x"));
    this.spacer.append(probe);
    const height = probe.getBoundingClientRect().height || 24;
    probe.remove();
    return height;
  }

  /** The row height follows the layout (phones have taller rows): measure again. */
  relayout(): void {
    this.rowHeight = 0;
    this.drawRows();
  }

  private drawDetail(state: RunState, now: number): void {
    const task = this.selected === null ? undefined : state.tasks.get(this.selected);
    const lines = task === undefined ? [h("p", null, "No task yet.")] : describeTask(task, state, now);
    // Replaced only when it says something new: screen readers hear it once, playing costs nothing.
    const text = lines.map((line) => line.textContent).join("\n");
    if (text === this.detailText) return;
    this.detailText = text;
    fill(this.detail, ...lines);
  }
}

function label(state: RunState, id: number | null): string | null {
  if (id === null) return null;
  const task = state.tasks.get(id);
  return task ? `${task.coro} (${task.name})` : `task #${id}`;
}

/** Everything known about one task, in full sentences. */
function describeTask(task: TaskView, state: RunState, now: number): HTMLElement[] {
  const look = LOOK[task.state];
  const lines: HTMLElement[] = [
    h(
      "p",
      null,
      h("strong", null, `${task.coro} (${task.name})`),
      " ",
      h("span", { class: `word st-${task.state}` }, `${look.glyph} ${look.word}`),
      `: ${look.meaning}.`,
    ),
    h("p", null, taskDetail(task, state, now)),
  ];
  const parent = label(state, task.parent);
  lines.push(
    h(
      "p",
      { class: "muted" },
      `Created at t=${seconds(task.createdAt)}${parent ? ` by ${parent}` : ""} · ${task.steps} step${task.steps === 1 ? "" : "s"}`,
    ),
  );
  for (const request of task.cancelRequests) {
    const msg = request.msg === null ? "" : ` (msg ${JSON.stringify(request.msg)})`;
    lines.push(
      h(
        "p",
        null,
        `cancel() at t=${seconds(request.time)}: ${describeCause(request.cause, label(state, request.by))}${msg}`,
      ),
    );
  }
  if (task.injected !== null) lines.push(h("p", null, `Raised into it: ${task.injected}`));
  if (task.outcome !== null) {
    const how = task.outcome.kind === "result" ? "returned" : task.outcome.kind === "exception" ? "raised" : "ended";
    lines.push(h("p", null, `At t=${seconds(task.outcome.time)} it ${how} ${task.outcome.value}`));
  }
  return lines;
}
