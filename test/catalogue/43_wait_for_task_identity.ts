// Catalogue 43: since 3.12 waitFor(coro) runs the coroutine inside the calling task (no new task).
import { coroutine, currentTask, print, run, waitFor } from "../../src/index.js";

// Boxed: an async function returning a Task (a thenable) would make JavaScript await it instead of returning it.
const who = coroutine(async function who() {
  return [currentTask()] as const;
});

const main = coroutine(async function main() {
  const [inner] = await waitFor(who(), 1);
  print("wait_for body ran in the caller's task:", inner === currentTask());
});

export default () => run(main());
