/** Colours for text output; every one is optional (NO_COLOR, --no-color, pipes): meaning never rests on colour alone. */
import { Chalk } from "chalk";
import type { TaskState } from "../session/state.js";

export interface Palette {
  dim(s: string): string;
  bold(s: string): string;
  hint(s: string): string;
  warn(s: string): string;
  error(s: string): string;
  print(s: string): string;
  state(state: TaskState, s: string): string;
}

export function palette(color: boolean): Palette {
  const c = new Chalk({ level: color ? 1 : 0 });
  const states: Record<TaskState, (s: string) => string> = {
    pending: c.gray,
    running: c.green,
    waiting: c.blue,
    cancelling: c.magenta,
    done: c.green,
    failed: c.red,
    cancelled: c.yellow,
  };
  return {
    dim: c.dim,
    bold: c.bold,
    hint: c.cyan,
    warn: c.yellow,
    error: c.red,
    print: c.bold,
    state: (state, s) => states[state](s),
  };
}
