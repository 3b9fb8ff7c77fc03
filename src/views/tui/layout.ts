/**
 * Where each panel goes for a terminal of `columns` × `rows`. The frame fills
 * the terminal's rows exactly (it is drawn in the alternate screen, at fixed
 * positions) and keeps the last column free, so that no terminal ever wraps a
 * line. Every panel gives way as the terminal shrinks, except the header and
 * the key bar; after the run the summary takes the rows it needs from the log.
 */
export interface LayoutInput {
  columns: number;
  rows: number;
  tasks: number;
  /** Rows the header takes (title, status, notices). */
  header: number;
  /** Rows the summary box needs (border included), or 0 while the run goes on. */
  summary: number;
  /** Rows the tree needs besides its title, task rows and "… more" line (the selected task's whole detail). */
  treeExtra?: number;
}

export interface Layout {
  width: number;
  /** Task rows shown (the tree scrolls beyond). */
  treeRows: number;
  /** Width of the timeline lane in each task row (0: no lanes). */
  laneWidth: number;
  /** Rows of the event log, its title included (0: no log). */
  logHeight: number;
  /** Code pane beside the log (wide terminals); otherwise it takes the log's place when shown. */
  codeBeside: boolean;
  logWidth: number;
  codeWidth: number;
  /** Rows of the summary box (it pages when this is less than it needs). */
  summaryHeight: number;
  /** Rows available to the help overlay (the key bar stays under it). */
  helpHeight: number;
}

/** Rows the tree takes for `shown` of `tasks` rows: its title, the rows, and a "… more" line. */
export function treeHeight(shown: number, tasks: number): number {
  return 1 + shown + (tasks > shown ? 1 : 0);
}

/** Width of the timeline lanes for a terminal this wide (0: none). */
export function laneWidthFor(columns: number): number {
  const width = Math.max(20, columns - 1);
  return width >= 130 ? Math.min(48, Math.floor(width * 0.28)) : width >= 70 ? Math.floor(width * 0.16) : 0;
}

export function layout({ columns, rows, tasks, header, summary, treeExtra = 0 }: LayoutInput): Layout {
  const width = Math.max(20, columns - 1);
  const body = Math.max(0, rows - header - 1);
  const tree = (shown: number) => treeHeight(shown, tasks) + treeExtra;
  // After the run the summary comes first: the tree keeps its title and one row, the log gives way.
  const summaryHeight = summary > 0 ? Math.max(0, Math.min(summary, body - tree(Math.min(tasks, 1)))) : 0;
  const room = body - summaryHeight;
  let treeRows = Math.max(0, Math.min(tasks, Math.floor(room / 2) - 1 - treeExtra));
  if (summary > 0) {
    // The log needs its title and a line to be worth showing; otherwise the tree takes the rows.
    const rest = room - tree(treeRows);
    if (rest < 2) treeRows = Math.max(0, Math.min(tasks, room - 1 - treeExtra - (tasks > room - 1 ? 1 : 0)));
  }
  while (treeRows > 0 && tree(treeRows) > room) treeRows--;
  const logHeight = Math.max(0, room - tree(treeRows));
  const codeBeside = columns >= 120;
  const codeWidth = codeBeside ? Math.floor(width * 0.42) : width;
  const logWidth = codeBeside ? width - codeWidth - 1 : width;
  const laneWidth = laneWidthFor(columns);
  return {
    width,
    treeRows,
    laneWidth,
    logHeight: logHeight >= 2 ? logHeight : 0,
    codeBeside,
    logWidth,
    codeWidth,
    summaryHeight,
    helpHeight: Math.max(3, rows - 1),
  };
}

/** The columns of a task row at this width: they drop out, least essential first, as it narrows. */
export function rowColumns(width: number, laneWidth: number) {
  const lead = 5; // selection mark, number, glyph
  const name =
    width >= 60 ? Math.min(28, Math.max(14, Math.floor(width * 0.2))) : Math.max(6, Math.floor(width * 0.35));
  const taskName = width >= 70 ? 9 : 0;
  const word = width >= 56 ? 11 : 0;
  const lane = laneWidth > 0 ? laneWidth + 1 : 0;
  const detail = Math.max(0, width - lead - name - taskName - word - lane);
  return { name, taskName, word, detail, lane };
}
