/** The task tree in display order: depth-first from the roots, children in creation order (like pstree). */
import type { RunState, TaskView } from "../../session/state.js";

export interface TreeRow {
  task: TaskView;
  /** Drawing prefix: `├ `, `└ `, `│ ` per level. */
  prefix: string;
}

/**
 * Rows already laid out, per state. The tree's shape changes only when a task
 * is created (children are never removed), so a count of tasks tells whether
 * the rows still hold; the tasks in them are the state's own, always current.
 * A swarm has 10,000 rows to lay out, and a frame is drawn 4 times a second.
 */
const laidOut = new WeakMap<RunState, { size: number; rows: TreeRow[] }>();

export function treeRows(state: RunState): TreeRow[] {
  const known = laidOut.get(state);
  if (known !== undefined && known.size === state.tasks.size) return known.rows;
  const rows = layOut(state);
  laidOut.set(state, { size: state.tasks.size, rows });
  return rows;
}

function layOut(state: RunState): TreeRow[] {
  const rows: TreeRow[] = [];
  const visit = (task: TaskView, lead: string, last: boolean, depth: number) => {
    rows.push({ task, prefix: depth === 0 ? "" : `${lead}${last ? "└ " : "├ "}` });
    const kids = task.children.map((id) => state.tasks.get(id)).filter((t): t is TaskView => t !== undefined);
    const nextLead = depth === 0 ? "" : `${lead}${last ? "  " : "│ "}`;
    for (const [i, kid] of kids.entries()) visit(kid, nextLead, i === kids.length - 1, depth + 1);
  };
  for (const task of state.tasks.values()) {
    if (task.parent === null || !state.tasks.has(task.parent)) visit(task, "", true, 0);
  }
  return rows;
}

/** The window of `rows` to show so that `selected` is visible: at most `height` rows. */
export function visibleWindow(total: number, selectedIndex: number, height: number): [number, number] {
  if (total <= height) return [0, total];
  const start = Math.min(Math.max(0, selectedIndex - Math.floor(height / 2)), total - height);
  return [start, start + height];
}

/**
 * The index of the selected row: the task `selected` names, else the first row
 * (before any key is pressed the first task is the selection, and keys act on
 * it as the frame shows). -1 only when there is no task at all.
 */
export function selectedIndex(rows: readonly TreeRow[], selected: number | null): number {
  if (rows.length === 0) return -1;
  if (selected === null) return 0;
  const index = rows.findIndex((r) => r.task.id === selected);
  return Math.max(index, 0);
}
