/** The top line: scenario, loop clock, speed, state, and task counts by state. */
import { Box, Text } from "ink";
import { type RunState, TASK_STATES } from "../../session/state.js";
import type { Phase } from "../../session/store.js";
import { LOOK } from "./glyphs.js";
import { clip, seconds } from "./text.js";

const PHASE: Record<Phase, { glyph: string; color: "green" | "yellow" | "magenta" | "cyan" }> = {
  running: { glyph: "▶", color: "green" },
  paused: { glyph: "‖", color: "yellow" },
  "shutting down": { glyph: "⚠", color: "magenta" },
  done: { glyph: "■", color: "cyan" },
};

export interface HeaderProps {
  name: string;
  title: string;
  now: number;
  speed: number;
  phase: Phase;
  state: RunState;
  /** Set when the view shows an earlier event than the newest. */
  behind: { cursor: number; head: number } | null;
  /** The live run branched from an earlier one after this event (a command given in history). */
  branchedAt?: number | null;
  width: number;
}

export function Header({ name, title, now, speed, phase, state, behind, branchedAt, width }: HeaderProps) {
  const look = PHASE[phase];
  const speedText = speed === Number.POSITIVE_INFINITY ? "instant" : `×${speed}`;
  const counts = TASK_STATES.filter((s) => state.counts[s] > 0).map((s) => `${state.counts[s]} ${LOOK[s].word}`);
  return (
    <Box flexDirection="column">
      <Text bold>{clip(`async-demo · ${name} — ${title}`, width)}</Text>
      <Text>
        <Text color="cyan">{`t=${seconds(now)}`}</Text>
        {`  ${speedText}  `}
        <Text color={look.color}>{`${look.glyph} ${phase}`}</Text>
        {behind ? <Text color="yellow">{`  ◀ event ${behind.cursor}/${behind.head}`}</Text> : null}
        {branchedAt != null ? <Text color="yellow">{`  ⑂ branched at event ${branchedAt}`}</Text> : null}
        <Text dimColor>
          {clip(`   ${state.tasks.size} tasks: ${counts.join(" · ") || "none yet"}`, Math.max(0, width - 40))}
        </Text>
      </Text>
    </Box>
  );
}
