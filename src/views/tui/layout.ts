/**
 * Where each panel goes for a terminal of `columns` × `rows`. The frame is
 * kept one line shorter than the terminal: Ink redraws the whole screen (and
 * flickers) when its output reaches the terminal's height.
 */
export interface Layout {
  width: number;
  /** Task rows shown (the tree scrolls beyond). */
  treeRows: number;
  /** Width of the timeline lane in each task row (0: no lanes). */
  laneWidth: number;
  logHeight: number;
  /** Code pane beside the log (wide terminals); otherwise it takes the log's place when shown. */
  codeBeside: boolean;
  logWidth: number;
  codeWidth: number;
  summaryHeight: number;
}

export function layout(columns: number, rows: number, tasks: number, summary: boolean): Layout {
  // A line exactly as wide as the terminal leaves the cursor in the wrap column
  // and throws off Ink's line counting; keep one column free.
  const width = Math.max(20, columns - 1);
  const body = Math.max(4, rows - 1 - 2 - 1); // spare line, header, footer
  const summaryHeight = summary ? Math.min(9, Math.max(4, Math.floor(body * 0.4))) : 0;
  const treeMax = Math.max(2, Math.floor((body - summaryHeight) * 0.5) - 1);
  const treeRows = Math.max(1, Math.min(tasks, treeMax));
  const treeHeight = 1 + treeRows + (tasks > treeRows ? 1 : 0);
  const logHeight = Math.max(2, body - treeHeight - summaryHeight);
  const codeBeside = width >= 120;
  const codeWidth = codeBeside ? Math.floor(width * 0.42) : width;
  const logWidth = codeBeside ? width - codeWidth - 1 : width;
  const laneWidth = width >= 130 ? Math.min(48, Math.floor(width * 0.28)) : width >= 70 ? Math.floor(width * 0.16) : 0;
  return { width, treeRows, laneWidth, logHeight, codeBeside, logWidth, codeWidth, summaryHeight };
}
