// 3.13: uncancel() bringing the count to 0 withdraws a cancel that was not yet
// delivered, so a task cancelled and uncancelled before it starts runs normally;
// one cancelled twice and uncancelled once stays cancelled; a cancel already
// handed to the awaited future cannot be withdrawn.
import {
  CancelledError,
  coroutine,
  createTask,
  currentTask,
  print,
  run,
  sleep,
  type Task,
} from "../../../src/index.js";

const body = coroutine(async function body(name: string) {
  try {
    print(name, "body runs");
    await sleep(0.1);
    print(name, "body done");
    return name;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(name, "got CancelledError, cancelling", currentTask()!.cancelling());
    throw e;
  }
});

const outcome = coroutine(async function outcome(t: Task<string>) {
  try {
    print(t.getName(), "->", await t);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(t.getName(), "-> cancelled");
  }
});

const main = coroutine(async function main() {
  const a = createTask(body("a"), { name: "a" });
  a.cancel();
  print("a uncancel ->", a.uncancel());
  const b = createTask(body("b"), { name: "b" });
  b.cancel();
  b.cancel();
  print("b uncancel ->", b.uncancel());
  const c = createTask(body("c"), { name: "c" });
  await sleep(0.05);
  c.cancel();
  print("c uncancel ->", c.uncancel());
  for (const t of [a, b, c]) await outcome(t);
});

export default () => run(main());
