/**
 * After the run: how main ended and the exit status, results, errors and
 * cancellations by task, the whole lesson, and the keys that still work. It
 * takes the rows it needs from the event log; on a terminal too short even
 * for that it is shown in pages (`m`).
 */
import { describeEnd } from "../../session/narrate.js";
import type { RunState, TaskView } from "../../session/state.js";
import { fitLine, type Line, line, lineWidth } from "./line.js";
import { clip, sanitize, seconds, width, wrap } from "./text.js";

/** CPython's default task names; any other name was given by the program (create_task(name=…), set_name). */
const DEFAULT_NAME = /^Task-\d+$/;

/** `f` of each item, computed only as far as it is read. */
function* lazy<T>(items: readonly T[], f: (item: T) => string): Iterable<string> {
  for (const item of items) yield f(item);
}

/** What a summary calls a task: its name where the program set one, else its coroutine's. */
export function shownName(task: TaskView): string {
  return sanitize(DEFAULT_NAME.test(task.name) ? task.coro : task.name);
}

/** `a, b ×3, c`: names in order, a run of the same name counted once. */
function names(list: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < list.length) {
    let j = i;
    while (j < list.length && list[j] === list[i]) j++;
    out.push(j - i > 1 ? `${list[i]} ×${j - i}` : (list[i] as string));
    i = j;
  }
  return out;
}

/**
 * `lead` and as many `items` as fit in `cells`, comma-separated, ending in `…`
 * when some are left out. Items are measured one by one: a swarm's list of
 * thousands is never built whole.
 */
function listed(lead: string, items: Iterable<string>, cells: number): string {
  let text = lead;
  let used = width(lead);
  let first = true;
  for (const item of items) {
    const piece = first ? item : `, ${item}`;
    used += width(piece);
    if (used > cells) return clip(`${text}${first ? "" : ","} …`, cells);
    text += piece;
    first = false;
  }
  return text;
}

/** The one line that says how the run ended and the status it exits with. */
export function summaryLine(state: RunState, status: number): string {
  return `Finished at t=${seconds(state.time)}: ${describeEnd(state)} — exit status ${status}`;
}

export interface SummaryInput {
  state: RunState;
  status: number;
  /** The lesson, or "" for none. */
  explain: string;
  width: number;
}

/** Every line of the summary, inside the border. */
export function summaryContent(s: SummaryInput): Line[] {
  const inner = Math.max(1, s.width - 2);
  const tasks = [...s.state.tasks.values()];
  // How main ended and the status, wrapped rather than cut: the status is what the run answers.
  const out: Line[] = wrap(summaryLine(s.state, s.status), inner).map((text) => line(text, { bold: true }));
  const by = (state: TaskView["state"]) => tasks.filter((t) => t.state === state);
  const done = by("done");
  const failed = by("failed");
  const cancelled = by("cancelled");
  // Each list is one line: the task tree above shows every task when it is cut.
  const value = (t: TaskView) => sanitize(t.outcome?.value ?? "?");
  if (done.length > 0) {
    const text = listed(
      `✔ ${done.length} done: `,
      lazy(done, (t) => `${shownName(t)} → ${value(t)}`),
      inner,
    );
    out.push(line(text, { color: "green" }));
  }
  if (failed.length > 0) {
    const text = listed(
      `✖ ${failed.length} failed: `,
      lazy(failed, (t) => `${shownName(t)}: ${value(t)}`),
      inner,
    );
    out.push(line(text, { color: "red" }));
  }
  if (cancelled.length > 0) {
    // Names repeat in a swarm of unnamed tasks: `worker ×3`.
    const text = listed(`⊗ ${cancelled.length} cancelled: `, names(cancelled.map(shownName)), inner);
    out.push(line(text, { color: "yellow" }));
  }
  if (s.explain !== "") for (const text of wrap(`Lesson: ${s.explain}`, inner)) out.push(line(text, { color: "cyan" }));
  return out;
}

/** Rows the summary needs, its border included. */
export function summaryHeight(content: readonly Line[]): number {
  return content.length + 2;
}

/** The summary in a box of `height` rows; page `page` of it when it needs more. */
export function summaryBox(content: readonly Line[], height: number, page: number, width: number): Line[] {
  const inner = Math.max(1, width - 2);
  const room = Math.max(1, height - 2);
  let body: Line[];
  if (content.length <= room) body = [...content];
  else {
    const size = Math.max(1, room - 1);
    const pages = Math.ceil(content.length / size);
    const shown = Math.min(page, pages - 1);
    body = content.slice(shown * size, (shown + 1) * size);
    // The last page keeps the box's height: the panels above do not move when it is turned to.
    while (body.length < size) body.push(line(""));
    const next = shown + 1 < pages ? "m: the next page" : "m: the log in its place";
    body.push(line(clip(`… page ${shown + 1}/${pages} of the summary · ${next}`, inner), { dim: true }));
  }
  const edge = { color: "cyan" } as const;
  const boxed = body.map((l): Line => {
    const fitted = fitLine(l, inner);
    const pad = " ".repeat(Math.max(0, inner - lineWidth(fitted)));
    return [{ text: "│", style: edge }, ...fitted, { text: pad }, { text: "│", style: edge }];
  });
  return [line(`┌${"─".repeat(inner)}┐`, edge), ...boxed, line(`└${"─".repeat(inner)}┘`, edge)];
}

/** How many pages the summary has in a box of `height` rows. */
export function summaryPages(content: readonly Line[], height: number): number {
  const room = Math.max(1, height - 2);
  return content.length <= room ? 1 : Math.ceil(content.length / Math.max(1, room - 1));
}
