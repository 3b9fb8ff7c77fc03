/**
 * A built-in scenario's hints for events that CPython produced: the scenario's
 * TypeScript `hint` runs here, in the main thread, over the probe's events —
 * the same rules of thumb as on our runtime, since the events are the same.
 */
import type { RuntimeEvent } from "../../runtime/runtime-events.js";
import type { HintContext, Scenario } from "../../runtime/scenario.js";

export type Hinter = (event: RuntimeEvent) => string | undefined;

/** A hinter for one run (task names are learnt from its events); undefined when the scenario has no hints. */
export function hinter(scenario: Pick<Scenario, "hint"> | undefined): Hinter | undefined {
  const hint = scenario?.hint;
  if (hint === undefined) return undefined;
  const names = new Map<number, { name: string; coro: string }>();
  const context: HintContext = {
    coroName: (id) => names.get(id)?.coro ?? "?",
    taskName: (id) => names.get(id)?.name ?? "?",
  };
  return (event) => {
    if (event.type === "task-created") names.set(event.task, { name: event.name, coro: event.coro });
    else if (event.type === "task-renamed") {
      const known = names.get(event.task);
      if (known) known.name = event.name;
    }
    return hint(event, context);
  };
}
