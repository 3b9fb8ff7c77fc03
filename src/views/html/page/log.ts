/**
 * The event log up to the cursor, newest last, as the dashboard shows it: one
 * sentence per event, the scenario's prints marked `»`, the rule of thumb
 * (`↳`) where it shows. Each entry's time links to its moment
 * (`#event-42`). A long run shows its last LIMIT entries; the scrubber reaches
 * the rest.
 */
import type { LogEntry } from "../../../session/narrator.js";
import { fill, h, setText } from "./dom.js";

export const LOG_LIMIT = 300;

export class LogPanel {
  readonly el: HTMLElement;
  private readonly list = h("ol", { class: "log" });
  private readonly count = h("span", { class: "muted" });
  private drawn = -1;

  constructor() {
    this.el = h(
      "section",
      { class: "panel events", "aria-label": "Events" },
      h("div", { class: "panel-head" }, h("h2", null, "Events"), this.count),
      // The positioned scroller is the entries' offsetParent (reveal() reads offsetTop).
      h("div", { class: "scroller log-scroller" }, this.list),
    );
  }

  /**
   * `shown`: the last entries up to the cursor (at most LOG_LIMIT); `count`: how many there are in all up to
   * the cursor, of `total` in the run; `currentSeq`: the seq of the event the cursor is on.
   */
  render(shown: LogEntry[], count: number, total: number, currentSeq: number | undefined): void {
    const key = currentSeq ?? 0;
    if (key === this.drawn) return;
    this.drawn = key;
    setText(this.count, `${count} of ${total}`);
    const items: HTMLElement[] = [];
    if (count > shown.length) {
      items.push(h("li", { class: "more muted" }, `… ${count - shown.length} earlier entries: step back to see them`));
    }
    // The newest entry is the one the cursor's moment last told (the cursor's own event may tell nothing).
    for (const [i, entry] of shown.entries()) items.push(this.item(entry, i === shown.length - 1));
    fill(this.list, ...items);
    const scroller = this.list.parentElement;
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  }

  /** Scroll the log (only the log: the page stays where it is) to the entry of event `seq`. */
  reveal(seq: number): void {
    const entry = this.list.querySelector<HTMLElement>(`[data-seq="${seq}"]`);
    const scroller = this.list.parentElement;
    if (entry === null || scroller === null) return;
    scroller.scrollTop = Math.max(0, entry.offsetTop - scroller.clientHeight / 2);
  }

  private item(entry: LogEntry, current: boolean): HTMLElement {
    const kind = entry.type === "print" ? "print" : entry.type === "warning" ? "warning" : entry.type;
    return h(
      "li",
      // No id: the browser would scroll the page to `#event-N` itself; the page moves the cursor instead.
      { "data-seq": String(entry.seq), class: `entry ev-${kind}${current ? " current" : ""}` },
      h(
        "a",
        { class: "time", href: `#event-${entry.seq}`, title: `link to event ${entry.seq}` },
        entry.time.toFixed(3),
      ),
      entry.text !== "" ? h("span", { class: "text" }, entry.type === "print" ? `» ${entry.text}` : entry.text) : null,
      entry.hint !== undefined ? h("span", { class: "hint" }, `↳ ${entry.hint}`) : null,
    );
  }
}
