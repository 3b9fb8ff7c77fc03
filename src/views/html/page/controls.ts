/**
 * The header: the scenario, the clock, speed and phase, the task counts (as
 * the dashboard's header), the scrubber with its buttons, the event the
 * cursor is on in one sentence, and a link to this moment.
 */
import type { RuntimeEvent } from "../../../runtime/runtime-events.js";
import { type RunState, TASK_STATES } from "../../../session/state.js";
import type { Phase } from "../../../session/store.js";
import { LOOK } from "../../tui/glyphs.js";
import { seconds } from "../../tui/text.js";
import { h, setText } from "./dom.js";

const PHASE: Record<Phase, string> = { running: "▶", paused: "‖", "shutting down": "⚠", done: "■" };

export interface ControlActions {
  start(): void;
  back(): void;
  pause(): void;
  step(): void;
  end(): void;
  slower(): void;
  faster(): void;
  seek(position: number): void;
  help(): void;
}

export class Controls {
  readonly el: HTMLElement;
  private readonly clock = h("span", { class: "clock" });
  private readonly speed = h("span", { class: "speed" });
  private readonly phase = h("span", { class: "phase" });
  private readonly counts = h("span", { class: "counts muted" });
  private readonly play: HTMLButtonElement;
  private readonly range: HTMLInputElement;
  private readonly position = h("span", { class: "position" });
  private readonly link = h("a", { class: "permalink", href: "#" }, "link to this event");
  private readonly sentence = h("p", { class: "sentence", "aria-live": "polite" });
  readonly notice = h("p", { class: "notice", role: "status" });

  constructor(title: string, command: string, head: number, actions: ControlActions) {
    const button = (text: string, label: string, action: () => void, cls = "") => {
      const b = h("button", { type: "button", class: `btn ${cls}`, "aria-label": label, title: label }, text);
      b.addEventListener("click", action);
      return b;
    };
    this.play = button("▶", "play (space)", actions.pause, "play");
    this.range = h("input", { type: "range", min: "0", max: String(head), step: "1", "aria-label": "event" });
    this.range.addEventListener("input", () => actions.seek(Number(this.range.value)));
    this.el = h(
      "header",
      { class: "top" },
      h("h1", null, title),
      h("p", { class: "command" }, h("code", null, command)),
      h("div", { class: "status" }, this.clock, this.speed, this.phase, this.counts),
      h(
        "div",
        { class: "controls" },
        h(
          "div",
          { class: "buttons" },
          button("⇤", "go to the start (Home)", actions.start),
          button("|◀", "step back (b, ←)", actions.back),
          this.play,
          button("▶|", "step to the next event (n, →)", actions.step),
          button("⇥", "go to the end (End)", actions.end),
          button("−", "halve the speed (-)", actions.slower, "speed-btn"),
          button("+", "double the speed (+)", actions.faster, "speed-btn"),
          button("?", "keys (?)", actions.help),
        ),
        this.range,
        h("div", { class: "where" }, this.position, " · ", this.link),
      ),
      this.sentence,
      this.notice,
    );
  }

  render(o: {
    state: RunState;
    now: number;
    speed: number;
    phase: Phase;
    playing: boolean;
    cursor: number;
    head: number;
    current: RuntimeEvent | undefined;
    sentence: string;
  }): void {
    const { state } = o;
    setText(this.clock, `t=${seconds(o.now)}`);
    setText(this.speed, `×${o.speed}`);
    setText(this.phase, `${PHASE[o.phase]} ${o.phase}`);
    this.phase.className = `phase ph-${o.phase.replace(" ", "-")}`;
    const counts = TASK_STATES.filter((s) => state.counts[s] > 0).map((s) => `${state.counts[s]} ${LOOK[s].word}`);
    setText(this.counts, `${state.tasks.size} tasks: ${counts.join(" · ") || "none yet"}`);
    setText(this.play, o.playing ? "‖" : "▶");
    this.play.setAttribute("aria-label", o.playing ? "pause (space)" : "play (space)");
    if (Number(this.range.value) !== o.cursor) this.range.value = String(o.cursor);
    setText(this.position, `event ${o.cursor} of ${o.head}`);
    const seq = o.current?.seq;
    this.link.setAttribute("href", seq === undefined ? "#" : `#event-${seq}`);
    setText(this.sentence, o.sentence);
    // While playing the sentence changes many times a second: announced only when the page stands still.
    this.sentence.setAttribute("aria-live", o.playing ? "off" : "polite");
  }
}
