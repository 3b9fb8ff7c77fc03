/**
 * A finished run as the quiz reads it: every numbered event in order and the
 * exit status. The quiz learns a run's future from such a record (the same
 * program run again, instantly, with the same commands: runs are
 * deterministic), and the tests check the quiz's answers against another one.
 */
import type { NumberedEvent, RuntimeEvent } from "../runtime/runtime-events.js";

export interface RunRecord {
  /** The run's numbered events, in order: `events[i].seq === i + 1`. */
  readonly events: readonly NumberedEvent[];
  /** The program's exit status: 0, 1, 130, 143. */
  readonly status: number;
}

/** A task as the events tell it: id, names, who made it. */
export interface TaskInfo {
  id: number;
  name: string;
  coro: string;
  parent: number | null;
  by: string;
  /** Which task running this coroutine it is, from 1 in creation order. */
  nth: number;
}

/**
 * Which task a claim is about: its id in the run, or a coroutine name — the first task running it, or the
 * n-th with `name#n` (`fetch_data#2`), so that the tour can name tasks the way its reader sees them.
 */
export type TaskRef = number | string;

/** The tasks of a run, by id, with lookups by reference. */
export class TaskIndex {
  readonly byId = new Map<number, TaskInfo>();
  private readonly byCoro = new Map<string, TaskInfo[]>();

  constructor(events: readonly RuntimeEvent[]) {
    for (const event of events) {
      if (event.type === "task-created") {
        const list = this.byCoro.get(event.coro) ?? [];
        const info: TaskInfo = {
          id: event.task,
          name: event.name,
          coro: event.coro,
          parent: event.parent,
          by: event.by,
          nth: list.length + 1,
        };
        list.push(info);
        this.byCoro.set(event.coro, list);
        this.byId.set(event.task, info);
      } else if (event.type === "task-renamed") {
        const info = this.byId.get(event.task);
        if (info !== undefined) info.name = event.name;
      }
    }
  }

  /** The task `ref` names, or undefined if the run has none. */
  find(ref: TaskRef): TaskInfo | undefined {
    if (typeof ref === "number") return this.byId.get(ref);
    const [coro, nth] = ref.split("#");
    return this.byCoro.get(coro ?? "")?.[Number(nth ?? 1) - 1];
  }

  /** `fetch_data (Task-2)`, as the narrated log names a task. */
  label(id: number | null): string {
    if (id === null) return "?";
    const info = this.byId.get(id);
    return info === undefined ? `Task #${id}` : `${info.coro} (${info.name})`;
  }
}

/** The task an event is about, if it is about one. */
export function eventTask(event: RuntimeEvent): number | null {
  return "task" in event && typeof event.task === "number" ? event.task : null;
}

/** Only the numbered events (a wall-time warning has no seq and is not part of the replayable run). */
export function numbered(events: readonly RuntimeEvent[]): NumberedEvent[] {
  return events.filter((e): e is NumberedEvent => e.seq !== undefined);
}
