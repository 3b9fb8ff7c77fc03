/** Shared helpers of the dashboard tests: run states folded from real runs, polling, macrotasks. */
import { scenarios } from "../../../scenarios/index.js";
import type { EventInput, RuntimeEvent } from "../../../src/runtime/runtime-events.js";
import type { Scenario } from "../../../src/runtime/scenario.js";
import { resolveParams } from "../../../src/session/params.js";
import { Session } from "../../../src/session/session.js";
import { applyEvent, emptyState, type RunState } from "../../../src/session/state.js";
import type { Snapshot } from "../../../src/session/store.js";

export function scenario(name: string): Scenario {
  const found = scenarios.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no scenario ${name}`);
  return found;
}

/** Run a built-in scenario instantly to its end; the store's final snapshot and every event. */
export async function finishedRun(
  name: string,
  options: { set?: string[]; interruptAt?: number; cancels?: { target: string; at: number }[] } = {},
): Promise<{ snapshot: Snapshot; events: RuntimeEvent[]; status: number; session: Session }> {
  const s = scenario(name);
  const session = new Session(s, {
    params: resolveParams(s, options.set ?? []),
    speed: Number.POSITIVE_INFINITY,
    store: true,
    script: { cancels: options.cancels ?? [], interruptAt: options.interruptAt },
  });
  const events: RuntimeEvent[] = [];
  session.onEvent((e) => events.push(e));
  const result = await session.start();
  const store = session.store!;
  store.publish();
  return { snapshot: store.getSnapshot(), events, status: result.status, session };
}

/** A session running `name` slowly (loop seconds per wall second = speed), with a store. Call abort() when done. */
export function slowSession(
  name: string | Scenario,
  speed = 0.1,
  set: string[] = [],
  script: { cancels?: { target: string; at: number }[]; interruptAt?: number } = {},
): Session {
  const s = typeof name === "string" ? scenario(name) : name;
  return new Session(s, {
    params: resolveParams(s, set),
    speed,
    store: true,
    script: { cancels: script.cancels ?? [], interruptAt: script.interruptAt },
  });
}

/** One macrotask: Ink attaches its input listener in an effect, and renders after store publications. */
export const tick = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Poll `predicate` every 5 ms until it holds; fail after `timeoutMs` with `describe()` in the message. */
export async function until(
  predicate: () => boolean,
  timeoutMs = 3000,
  describe: () => string = () => "",
): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`condition not met in ${timeoutMs} ms ${describe()}`);
    await tick(5);
  }
}

/** The lines of a frame that belong to task rows: they start with a row number or two spaces, then a glyph. */
/** The task rows of a frame, without their first column (the selection mark `›`, or a space). */
export function taskLines(frame: string): string[] {
  return frame
    .split("\n")
    .filter((l) => /^[ ›](\d | {2})[○▶◷⊘✔✖⊗] /.test(l))
    .map((l) => l.slice(1));
}

/** The task row marked as selected (`›`), without the mark. */
export function selectedLine(frame: string): string | undefined {
  return frame
    .split("\n")
    .find((l) => /^›(\d | {2})[○▶◷⊘✔✖⊗] /.test(l))
    ?.slice(1);
}

/** Hand-written events (seq added in order) folded into a fresh RunState. */
export function fold(events: readonly (EventInput & { time: number })[]): RunState {
  const state = emptyState();
  for (const [i, e] of events.entries()) applyEvent(state, { ...e, seq: i + 1 } as RuntimeEvent);
  return state;
}

/** The state after the first `count` events of a recorded run. */
export function stateAt(events: readonly RuntimeEvent[], count: number): RunState {
  const state = emptyState();
  for (const e of events.slice(0, count)) applyEvent(state, e);
  return state;
}
