/**
 * `--trace FILE`: the run as Chrome trace-event JSON, which Perfetto
 * (ui.perfetto.dev) and chrome://tracing open. One lane (tid) per task,
 * ordered as the task tree; a slice for each task's life and, nested in it,
 * one per await; instants for cancel requests, CancelledError deliveries,
 * prints and warnings. Timestamps are loop time in microseconds.
 */
import type { RuntimeEvent } from "../runtime/runtime-events.js";
import type { ScenarioInfo } from "../session/session.js";

interface TraceEvent {
  name: string;
  ph: "X" | "i" | "M";
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  s?: "t" | "p" | "g";
  cat?: string;
  args?: Record<string, unknown>;
}

interface Lane {
  id: number;
  name: string;
  coro: string;
  parent: number | null;
  children: number[];
  created: number;
  ended: number | null;
  outcome: Record<string, unknown>;
  /** The await in progress: what and since when. */
  open: { name: string; since: number; cancelling: boolean } | null;
  cancelling: boolean;
}

const PID = 1;
const us = (seconds: number) => Math.round(seconds * 1e6);

export function traceView(scenario: ScenarioInfo) {
  const lanes = new Map<number, Lane>();
  const slices: TraceEvent[] = [];
  const instants: TraceEvent[] = [];
  let lastTime = 0;

  const closeAwait = (lane: Lane, time: number) => {
    if (lane.open === null) return;
    slices.push({
      name: lane.open.name,
      cat: lane.open.cancelling ? "cancelling" : "await",
      ph: "X",
      pid: PID,
      tid: lane.id,
      ts: us(lane.open.since),
      dur: us(time) - us(lane.open.since),
    });
    lane.open = null;
  };
  const instant = (name: string, time: number, tid: number, cat: string, args?: Record<string, unknown>) =>
    instants.push({ name, cat, ph: "i", s: "t", pid: PID, tid, ts: us(time), ...(args ? { args } : {}) });

  return {
    event(event: RuntimeEvent): void {
      lastTime = event.time;
      const lane = "task" in event && typeof event.task === "number" ? lanes.get(event.task) : undefined;
      switch (event.type) {
        case "task-created":
          lanes.set(event.task, {
            id: event.task,
            name: event.name,
            coro: event.coro,
            parent: event.parent,
            children: [],
            created: event.time,
            ended: null,
            outcome: {},
            open: null,
            cancelling: false,
          });
          if (event.parent !== null) lanes.get(event.parent)?.children.push(event.task);
          break;
        case "task-renamed":
          if (lane) lane.name = event.name;
          break;
        case "step":
          if (lane) closeAwait(lane, event.time);
          break;
        case "suspend":
          if (lane)
            lane.open = { name: `await ${event.awaiting.text}`, since: event.time, cancelling: lane.cancelling };
          break;
        case "cancel-requested":
          if (lane)
            instant(`cancel requested (${event.cause})`, event.time, lane.id, "cancel", {
              msg: event.msg,
              by: event.by,
            });
          break;
        case "cancel-delivered":
          if (lane) {
            lane.cancelling = true;
            instant("CancelledError raised", event.time, lane.id, "cancel", { error: event.error });
          }
          break;
        case "exception-injected":
          if (lane) instant("exception injected", event.time, lane.id, "inject", { error: event.error });
          break;
        case "task-done":
          if (lane) {
            closeAwait(lane, event.time);
            lane.ended = event.time;
            lane.outcome = { outcome: event.outcome, value: event.value, swallowed: event.swallowed };
          }
          break;
        case "print":
          instant(`print: ${event.text}`, event.time, event.task ?? 0, "print");
          break;
        case "warning":
          instant(`warning: ${event.kind}`, event.time, event.task ?? 0, "warning", { text: event.text });
          break;
        case "interrupt":
          instants.push({
            name: `Ctrl-C #${event.count}`,
            cat: "interrupt",
            ph: "i",
            s: "g",
            pid: PID,
            tid: 0,
            ts: us(event.time),
          });
          break;
        default:
          break;
      }
    },

    /** The whole trace, as the JSON object to write. */
    build(): { traceEvents: TraceEvent[]; displayTimeUnit: "ms"; otherData: Record<string, string> } {
      const meta: TraceEvent[] = [
        { name: "process_name", ph: "M", pid: PID, tid: 0, args: { name: `async-demo ${scenario.name}: event loop` } },
        { name: "thread_name", ph: "M", pid: PID, tid: 0, args: { name: "loop" } },
      ];
      const lifetimes: TraceEvent[] = [];
      let order = 1;
      const visit = (lane: Lane) => {
        meta.push({
          name: "thread_name",
          ph: "M",
          pid: PID,
          tid: lane.id,
          args: { name: `${lane.name} ${lane.coro}` },
        });
        meta.push({ name: "thread_sort_index", ph: "M", pid: PID, tid: lane.id, args: { sort_index: order++ } });
        const end = lane.ended ?? lastTime;
        closeAwait(lane, end);
        lifetimes.push({
          name: lane.coro,
          cat: "task",
          ph: "X",
          pid: PID,
          tid: lane.id,
          ts: us(lane.created),
          dur: us(end) - us(lane.created),
          args: { task: lane.name, ...lane.outcome },
        });
        for (const child of lane.children) {
          const c = lanes.get(child);
          if (c) visit(c);
        }
      };
      for (const lane of lanes.values()) if (lane.parent === null || !lanes.has(lane.parent)) visit(lane);
      return {
        traceEvents: [...meta, ...lifetimes, ...slices, ...instants],
        displayTimeUnit: "ms",
        otherData: { scenario: scenario.name, clock: "loop time (virtual)" },
      };
    },
  };
}
