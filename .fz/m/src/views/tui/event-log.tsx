/** The narrated event log: the newest events that fit, the scenario's prints marked `»`, hints on `↳` lines. */
import { Box, Text } from "ink";
import type { LogEntry } from "../../session/narrator.js";
import { clip } from "./text.js";

export interface EventLogProps {
  /** Newest last. */
  entries: readonly LogEntry[];
  height: number;
  width: number;
}

interface Line {
  key: string;
  text: string;
  kind: "event" | "print" | "warning" | "hint";
}

function lines(entries: readonly LogEntry[]): Line[] {
  const out: Line[] = [];
  for (const entry of entries) {
    if (entry.text !== "") {
      const time = entry.time.toFixed(3).padStart(8);
      const kind = entry.type === "print" ? "print" : entry.type === "warning" ? "warning" : "event";
      out.push({ key: `${entry.seq}`, text: `${time}  ${kind === "print" ? "» " : ""}${entry.text}`, kind });
    }
    if (entry.hint !== undefined) out.push({ key: `${entry.seq}h`, text: `          ↳ ${entry.hint}`, kind: "hint" });
  }
  return out;
}

export function EventLog({ entries, height, width }: EventLogProps) {
  const shown = lines(entries).slice(-Math.max(0, height - 1));
  // A hint whose event scrolled off would read as if it belonged to nothing.
  while (shown[0]?.kind === "hint") shown.shift();
  return (
    <Box flexDirection="column" width={width}>
      <Text dimColor>{clip("   Events", width)}</Text>
      {shown.map((line) => (
        <Text
          key={line.key}
          bold={line.kind === "print"}
          color={line.kind === "hint" ? "cyan" : line.kind === "warning" ? "yellow" : undefined}
        >
          {clip(line.text, width)}
        </Text>
      ))}
    </Box>
  );
}
