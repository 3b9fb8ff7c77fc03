/** The `?` overlay: every key (from the keymap table) and every state, glyph, colour and timeline mark. */
import { Box, Text } from "ink";
import { TASK_STATES } from "../../session/state.js";
import { LANE, LOOK } from "./glyphs.js";
import { KEYMAP } from "./keymap.js";
import { clip } from "./text.js";

export function KeyHelp({ width, height }: { width: number; height: number }) {
  const rows: { key: string; text: string; color?: string }[] = [];
  rows.push({ key: "h1", text: "Keys" });
  for (const b of KEYMAP) rows.push({ key: b.action, text: `  ${b.keys.padEnd(8)} ${b.description}` });
  rows.push({ key: "h2", text: "Task states" });
  for (const s of TASK_STATES) {
    const look = LOOK[s];
    rows.push({
      key: s,
      text: `  ${look.glyph} ${look.word.padEnd(11)} ${look.meaning} (${look.color})`,
      color: look.color,
    });
  }
  rows.push({ key: "h3", text: "Timeline" });
  rows.push({
    key: "lane",
    text: `  ${LANE.pending} queued  ${LANE.waiting} waiting  ${LANE.cancelling} cancelling  ${LANE.step} ran  ${LANE.cursor} now  ✔✖⊗ outcome`,
  });
  rows.push({ key: "end", text: "Press ? or any key to close." });
  return (
    <Box flexDirection="column" borderStyle="round" width={width}>
      {rows.slice(0, Math.max(1, height - 2)).map((r) => (
        <Text key={r.key} color={r.color as never} bold={r.key.startsWith("h")}>
          {clip(r.text, width - 2)}
        </Text>
      ))}
    </Box>
  );
}
