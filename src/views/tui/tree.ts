/** The task tree in display order: depth-first from the roots, children in creation order (like pstree). */
import type { RunState, TaskView } from "../../session/state.js";

export interface TreeRow {
  task: TaskView;
  /** Drawing prefix: `├ `, `└ `, `│ ` per level. */
  prefix: string;
}

export function treeRows(state: RunState): TreeRow[] {
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
