/**
 * The `?` overlay: every key (from the keymap table) and every state, glyph,
 * colour and timeline mark. On a short terminal it is split into pages; any
 * key shows the next page, and closes it after the last.
 */
import { Box, Text } from "ink";
import { TASK_STATES } from "../../session/state.js";
import { LANE, LOOK } from "./glyphs.js";
import { KEYMAP } from "./keymap.js";
import { clip } from "./text.js";

interface Line {
  key: string;
  text: string;
  color?: string;
  heading?: boolean;
}

const LINES: readonly Line[] = [
  { key: "h1", text: "Keys", heading: true },
  ...KEYMAP.map((b) => ({ key: b.action, text: `  ${b.keys.padEnd(8)} ${b.description}` })),
  { key: "h2", text: "Task states (the glyph and the word say it; the colour only helps)", heading: true },
  ...TASK_STATES.map((s) => {
    const look = LOOK[s];
    return {
      key: s,
      text: `  ${look.glyph} ${look.word.padEnd(11)} ${look.meaning} (${look.color})`,
      color: look.color,
    };
  }),
  { key: "h3", text: "Timeline", heading: true },
  {
    key: "lane",
    text: `  ${LANE.pending} queued  ${LANE.waiting} waiting  ${LANE.cancelling} cancelling  ${LANE.step} ran  ${LANE.cursor} now  ✔✖⊗ outcome`,
  },
];

/** Lines per page inside the border, keeping one for the page footer. */
function perPage(height: number): number {
  return Math.max(1, height - 3);
}

/** How many pages the help needs in `height` lines. */
export function helpPages(height: number): number {
  return Math.ceil(LINES.length / perPage(height));
}

export function KeyHelp({ width, height, page }: { width: number; height: number; page: number }) {
  const size = perPage(height);
  const pages = helpPages(height);
  const shown = LINES.slice((page - 1) * size, page * size);
  const footer = page < pages ? `page ${page}/${pages} — any key: next page` : "any key: close";
  return (
    <Box flexDirection="column" borderStyle="round" width={width}>
      {shown.map((line) => (
        <Text key={line.key} color={line.color as never} bold={line.heading}>
          {clip(line.text, width - 2)}
        </Text>
      ))}
      <Text dimColor>{clip(footer, width - 2)}</Text>
    </Box>
  );
}
