/** How the run ended, shown at the last event: the dashboard's summary box, and what the CLI printed after. */
import { describeEnd } from "../../../session/narrate.js";
import type { RunState } from "../../../session/state.js";
import { seconds } from "../../tui/text.js";
import { fill, h } from "./dom.js";

/** At most `max` items, then how many more. */
function some(items: string[], max = 12): string {
  return items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")} … and ${items.length - max} more`;
}

export class SummaryPanel {
  readonly el = h("section", { class: "panel summary", "aria-label": "Summary" });

  render(state: RunState, status: number, after: readonly string[], visible: boolean): void {
    this.el.hidden = !visible;
    if (!visible) return;
    const tasks = [...state.tasks.values()];
    const done = tasks.filter((t) => t.state === "done");
    const failed = tasks.filter((t) => t.state === "failed");
    const cancelled = tasks.filter((t) => t.state === "cancelled");
    fill(
      this.el,
      h("h2", null, `Exit status ${status} at t=${seconds(state.time)}: ${describeEnd(state)}`),
      done.length > 0
        ? h(
            "p",
            { class: "st-done" },
            `✔ ${done.length} done: ${some(done.map((t) => `${t.coro} → ${t.outcome?.value}`))}`,
          )
        : null,
      failed.length > 0
        ? h(
            "p",
            { class: "st-failed" },
            `✖ ${failed.length} failed: ${some(failed.map((t) => `${t.coro}: ${t.outcome?.value}`))}`,
          )
        : null,
      cancelled.length > 0
        ? h("p", { class: "st-cancelled" }, `⊗ ${cancelled.length} cancelled: ${some(cancelled.map((t) => t.coro))}`)
        : null,
      after.length > 0 ? h("pre", { class: "after" }, after.join("\n")) : null,
    );
  }
}
