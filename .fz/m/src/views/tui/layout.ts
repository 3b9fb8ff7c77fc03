/**
 * Where each panel goes for a terminal of `columns` × `rows`. The frame is
 * kept one line shorter than the terminal: Ink redraws the whole screen (and
 * flickers) when its output reaches the terminal's height. Every panel gives
 * way as the terminal shrinks; the frame never grows past it.
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
  /** Height of the summary box; 0 when the terminal is too small (the footer says it instead). */
  summaryHeight: number;
  /** Lines available to the help overlay. */
  helpHeight: number;
}

/** Lines outside the body: the header (2), the footer (1), and the spare line. */
const CHROME = 4;

export function layout(columns: number, rows: number, tasks: number, summary: boolean): Layout {
  // A line exactly as wide as the terminal leaves the cursor in the wrap column
  // and throws off Ink's line counting; keep one column free.
  const width = Math.max(20, columns - 1);
  const body = Math.max(3, rows - CHROME);
  const summaryHeight = summary && body >= 12 ? Math.min(9, Math.max(4, Math.floor(body * 0.4))) : 0;
  const room = body - summaryHeight;
  // The tree's title line and its "… more" line come on top of its rows; at least one log line stays.
  const treeMax = Math.max(0, Math.min(Math.floor(room * 0.5) - 1, room - 3));
  const treeRows = Math.min(tasks, treeMax);
  const treeHeight = 1 + treeRows + (tasks > treeRows ? 1 : 0);
  const logHeight = Math.max(1, room - treeHeight);
  const codeBeside = width >= 120;
  const codeWidth = codeBeside ? Math.floor(width * 0.42) : width;
  const logWidth = codeBeside ? width - codeWidth - 1 : width;
  const laneWidth = width >= 130 ? Math.min(48, Math.floor(width * 0.28)) : width >= 70 ? Math.floor(width * 0.16) : 0;
  return {
    width,
    treeRows,
    laneWidth,
    logHeight,
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
