/**
 * How each task state looks: a glyph, a word and a colour. The word and the
 * glyph carry the meaning on their own (NO_COLOR, 16-colour terminals); the
 * colour only helps. The legend (`?`) is built from this table.
 */
import type { TaskState } from "../../session/state.js";

export interface StateLook {
  glyph: string;
  word: string;
  color: "gray" | "green" | "blue" | "magenta" | "yellow" | "red" | "greenBright";
  meaning: string;
}

export const LOOK: Record<TaskState, StateLook> = {
  pending: { glyph: "○", word: "pending", color: "gray", meaning: "created; its first step is queued" },
  running: { glyph: "▶", word: "running", color: "greenBright", meaning: "its code is executing right now" },
  waiting: { glyph: "◷", word: "waiting", color: "blue", meaning: "parked at an await" },
  cancelling: {
    glyph: "⊘",
    word: "cancelling",
    color: "magenta",
    meaning: "CancelledError thrown in; its except/finally cleanup is running",
  },
  done: { glyph: "✔", word: "done", color: "green", meaning: "returned a result" },
  failed: { glyph: "✖", word: "failed", color: "red", meaning: "raised an exception" },
  cancelled: { glyph: "⊗", word: "cancelled", color: "yellow", meaning: "ended by CancelledError" },
};

/** Timeline marks, one character per slice of loop time. */
export const LANE = {
  pending: "·",
  waiting: "─",
  cancelling: "≈",
  step: "█",
  cursor: "│",
} as const;
