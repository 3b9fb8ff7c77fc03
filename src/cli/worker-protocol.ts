/** The messages between the CLI (main thread) and the thread that runs the scenario (worker.ts). */
import type { RuntimeEvent } from "../runtime/runtime-events.js";
import type { ClockReading, CoreCommand, CoreOptions, RecordedCommand } from "../session/core.js";
import type { ScenarioInfo } from "../session/session.js";

/** Which scenario to run: a built-in one, or a user's file. */
export type ScenarioSource = { kind: "builtin"; name: string } | { kind: "file"; path: string };

export type ToWorker =
  | { type: "load"; source: ScenarioSource }
  /**
   * `events`: whether to send the event stream (`--quiet` needs only the prints). `branch`: start again from
   * the previous run's event `at` (Core.start's branch point); "replayed" says when it is paused there.
   */
  | { type: "start"; options: CoreOptions; events: boolean; branch?: { at: number } }
  /** `shown`: the time the host displayed when it sent the command, once it had a clock reading (LocalCore.send). */
  | { type: "command"; command: CoreCommand; shown?: number }
  | { type: "replay"; target: number }
  /** The commands the live run was given so far (Core.recorded): answered by "recorded". */
  | { type: "recorded" };

export type FromWorker =
  | { type: "loaded"; info: ScenarioInfo }
  | { type: "load-error"; kind: "usage" | "file" | "internal"; message: string }
  | { type: "reset" }
  | { type: "events"; batch: [RuntimeEvent, string | undefined][] }
  | { type: "output"; text: string }
  | { type: "error-output"; text: string }
  /** A warning for the user as it arises (CoreSink.warning). */
  | { type: "warning"; text: string }
  /** An interrupt command arrived: the scenario's thread is answering (it is not stuck in a step). */
  | { type: "ack" }
  /**
   * `idle`: paused or finished, waiting for a command; beats stop until one comes.
   * `received`: messages the worker has taken in, so a beat sent before it saw the last one is not its answer.
   */
  | { type: "heartbeat"; clock: ClockReading | null; idle: boolean; received: number }
  | { type: "replayed" }
  | { type: "recorded"; commands: RecordedCommand[] }
  | { type: "done"; status: number; warnings: string[]; traceback?: string };
