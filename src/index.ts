/**
 * async-demo's public API: Python's asyncio task model for TypeScript, with
 * CPython 3.13 semantics. Scenario files import from 'async-demo'.
 */
export { coroutine, isCoroutine, Coroutine, type CoroutineFunction } from "./runtime/coroutine.js";
export { Task, createTask, currentTask } from "./runtime/task.js";
export { Future } from "./runtime/future.js";
export { sleep } from "./runtime/sleep.js";
export { gather, GatheringFuture, type GatherOptions } from "./runtime/gather.js";
export { shield } from "./runtime/shield.js";
export { waitFor } from "./runtime/wait-for.js";
export { timeout, timeoutAt, Timeout } from "./runtime/timeout.js";
export { taskGroup, TaskGroup } from "./runtime/task-group.js";
export { wait, type ReturnWhen, type WaitOptions } from "./runtime/wait.js";
export { asCompleted, AsCompleted } from "./runtime/as-completed.js";
export { wrapPromise } from "./runtime/wrap-promise.js";
export { ensureFuture, type Awaitable } from "./runtime/ensure-future.js";
export { getRunningLoop, EventLoop, type ExceptionContext, type ExceptionHandler } from "./runtime/loop.js";
export { Handle, TimerHandle } from "./runtime/handle.js";
export { run, Runner, type RunOptions, type MainAwaitable } from "./runtime/runner.js";
export { print } from "./runtime/print.js";
export { repr, str, fixed, exceptionLine } from "./runtime/format.js";
export { tuple } from "./runtime/tuple.js";
export {
  CancelledError,
  TimeoutError,
  InvalidStateError,
  KeyboardInterrupt,
  ExceptionGroup,
  ValueError,
  RuntimeError,
  KeyError,
  ZeroDivisionError,
  PythonError,
  isBaseException,
} from "./runtime/errors.js";
export { defineScenario, isScenario, type Scenario, type ParamSpec, type ParamValues, type HintContext } from "./runtime/scenario.js";
export type * from "./runtime/events.js";
export type { ClockKind } from "./runtime/clock.js";
