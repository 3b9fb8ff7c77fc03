/** The task tree: one row per task (pstree-like), state glyph and word, what it awaits or how it ended, and its timeline lane. */
import { Box, Text } from "ink";
import type { RunState } from "../../session/state.js";
import { LOOK } from "./glyphs.js";
import { axis, lane } from "./lane.js";
import { rowColumns } from "./layout.js";
import { taskDetail } from "./task-detail.js";
import { cell, clip } from "./text.js";
import type { TreeRow } from "./tree.js";

export interface TaskTreeProps {
  /** The rows to draw (already windowed to the space available). */
  rows: readonly TreeRow[];
  /** Index of rows[0] in the whole tree: rows 1–9 of the tree get number keys. */
  offset: number;
  total: number;
  state: RunState;
  selected: number | null;
  /** Loop time to draw countdowns and the time cursor at. */
  now: number;
  width: number;
  laneWidth: number;
  /** Loop time at the right edge of the lanes. */
  span: number;
}

export function TaskTree({ rows, offset, total, state, selected, now, width, laneWidth, span }: TaskTreeProps) {
  const cols = rowColumns(width, laneWidth);
  const more = total - (offset + rows.length);
  return (
    <Box flexDirection="column">
      <Text dimColor>
        {cell(`   Tasks (${total})`, width - cols.lane)}
        {cols.lane > 0 ? ` ${axis(span, laneWidth)}` : ""}
      </Text>
      {rows.map((row, i) => {
        const task = row.task;
        const look = LOOK[task.state];
        const index = offset + i;
        const isSelected = task.id === selected;
        return (
          <Box key={task.id}>
            {/* The mark shows the selection without colour (NO_COLOR loses inverse video). */}
            <Text
              inverse={isSelected}
              bold={isSelected}
            >{`${isSelected ? "›" : " "}${index < 9 ? `${index + 1} ` : "  "}`}</Text>
            <Text color={look.color}>{`${look.glyph} `}</Text>
            <Text bold={isSelected}>{cell(`${row.prefix}${task.coro}`, cols.name)}</Text>
            {cols.taskName > 0 ? <Text dimColor>{` ${cell(task.name, cols.taskName - 1)}`}</Text> : null}
            {cols.word > 0 ? <Text color={look.color}>{` ${cell(look.word, cols.word - 1)}`}</Text> : null}
            {cols.detail > 0 ? <Text>{cell(` ${taskDetail(task, state, now)}`, cols.detail)}</Text> : null}
            {cols.lane > 0 ? <Text color={look.color}>{` ${lane(task, span, laneWidth, now)}`}</Text> : null}
          </Box>
        );
      })}
      {more > 0 ? <Text dimColor>{clip(`   … ${more} more (↑↓ to scroll)`, width)}</Text> : null}
    </Box>
  );
}
