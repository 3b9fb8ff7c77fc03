/**
 * Scripted commands: `--cancel TASK@SECONDS` (the key press, written down) and
 * `--interrupt-at SECONDS` (the Ctrl-C). They are scheduled when the run
 * starts, as loop.callLater(t, …), exactly as the Python twin schedules them.
 */
import { UsageError } from "./usage-error.js";

export interface ScriptedCancel {
  /** A task name (`Task-3`) or coroutine name (`long_running_task`). */
  target: string;
  at: number;
}

export interface Script {
  cancels: ScriptedCancel[];
  interruptAt: number | undefined;
}

/** Seconds of loop time: a finite number ≥ 0. */
export function parseSeconds(text: string, what: string): number {
  const value = text.trim() === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new UsageError(`${what} must be a number of seconds ≥ 0, got '${text}'`);
  return value;
}

/** `long_running_task@1.5` → { target, at }. */
export function parseCancel(text: string): ScriptedCancel {
  const at = text.lastIndexOf("@");
  if (at <= 0) throw new UsageError(`--cancel needs TASK@SECONDS (e.g. long_running_task@1.5), got '${text}'`);
  return { target: text.slice(0, at), at: parseSeconds(text.slice(at + 1), "--cancel time") };
}
