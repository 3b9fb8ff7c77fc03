/** After the run: how main ended, results, errors, cancellations, duration, the lesson, and what to press. */
import { Box, Text } from "ink";
import { describeEnd } from "../../session/narrate.js";
import type { RunState } from "../../session/state.js";
import { clip, seconds, wrap } from "./text.js";

export interface SummaryProps {
  state: RunState;
  status: number;
  explain: string;
  width: number;
  height: number;
}

/** The one line that says how the run ended (also the footer, when the terminal has no room for the box). */
export function summaryLine(state: RunState, status: number): string {
  return `Exit status ${status} at t=${seconds(state.time)}: ${describeEnd(state)}`;
}

export function Summary({ state, status, explain, width, height }: SummaryProps) {
  const tasks = [...state.tasks.values()];
  const lines: { text: string; color?: "green" | "red" | "yellow" | "cyan" }[] = [{ text: summaryLine(state, status) }];
  const done = tasks.filter((t) => t.state === "done");
  const failed = tasks.filter((t) => t.state === "failed");
  const cancelled = tasks.filter((t) => t.state === "cancelled");
  if (done.length)
    lines.push({
      text: `✔ ${done.length} done: ${done.map((t) => `${t.coro} → ${t.outcome?.value}`).join(", ")}`,
      color: "green",
    });
  if (failed.length)
    lines.push({
      text: `✖ ${failed.length} failed: ${failed.map((t) => `${t.coro}: ${t.outcome?.value}`).join(", ")}`,
      color: "red",
    });
  if (cancelled.length)
    lines.push({
      text: `⊗ ${cancelled.length} cancelled: ${cancelled.map((t) => t.coro).join(", ")}`,
      color: "yellow",
    });
  for (const line of wrap(`Lesson: ${explain}`, Math.max(10, width - 2))) lines.push({ text: line, color: "cyan" });
  lines.push({ text: "r replay · b step back through the run · q quit" });
  return (
    <Box flexDirection="column" width={width} borderStyle="single" borderColor="cyan">
      {lines.slice(0, Math.max(1, height - 2)).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: summary lines are positional
        <Text key={i} color={line.color}>
          {clip(line.text, width - 2)}
        </Text>
      ))}
    </Box>
  );
}
