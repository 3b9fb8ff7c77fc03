/**
 * async-demo's public API: Python's asyncio task model for TypeScript, with
 * CPython 3.13 semantics. Scenario files import from 'async-demo'.
 */

export { AsCompleted, asCompleted } from "./runtime/as-completed.js";
export { Barrier } from "./runtime/barrier.js";
export type { ClockKind } from "./runtime/clock.js";
export { Coroutine, type CoroutineFunction, coroutine, isCoroutine } from "./runtime/coroutine.js";
export { type Awaitable, ensureFuture } from "./runtime/ensure-future.js";
export {
  BrokenBarrierError,
  CancelledError,
  ExceptionGroup,
  InvalidStateError,
  isBaseException,
  KeyboardInterrupt,
  KeyError,
  PythonError,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  RuntimeError,
  TimeoutError,
  ValueError,
  ZeroDivisionError,
} from "./runtime/errors.js";
export { exceptionLine, fixed, repr, str } from "./runtime/format.js";
export { Future } from "./runtime/future.js";
export { GatheringFuture, type GatherOptions, gather } from "./runtime/gather.js";
export { Handle, TimerHandle } from "./runtime/handle.js";
export { BoundedSemaphore, Condition, Event, Lock, Semaphore } from "./runtime/locks.js";
export { EventLoop, type ExceptionContext, type ExceptionHandler, getRunningLoop } from "./runtime/loop.js";
export { print } from "./runtime/print.js";
export { LifoQueue, PriorityQueue, Queue } from "./runtime/queues.js";
export { type MainAwaitable, Runner, type RunOptions, run } from "./runtime/runner.js";
export type * from "./runtime/runtime-events.js";
export {
  defineScenario,
  type HintContext,
  isScenario,
  type ParamSpec,
  type ParamValues,
  type Scenario,
} from "./runtime/scenario.js";
export { shield } from "./runtime/shield.js";
export { sleep } from "./runtime/sleep.js";
export { allTasks, createTask, currentTask, Task } from "./runtime/task.js";
export { TaskGroup, taskGroup } from "./runtime/task-group.js";
export { Timeout, timeout, timeoutAt } from "./runtime/timeout.js";
export { tuple } from "./runtime/tuple.js";
export { type ReturnWhen, type WaitOptions, wait } from "./runtime/wait.js";
export { waitFor } from "./runtime/wait-for.js";
export { wrapPromise } from "./runtime/wrap-promise.js";
