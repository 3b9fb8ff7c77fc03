/**
 * wait(return_when=FIRST_COMPLETED): take the first download to finish, then
 * cancel the others yourself (wait() cancels nothing) and wait for them.
 */
import {
  CancelledError,
  coroutine,
  createTask,
  defineScenario,
  fixed,
  gather,
  print,
  repr,
  sleep,
  wait,
} from "async-demo";

const download = coroutine(async function download(name: string, seconds: number) {
  try {
    await sleep(seconds);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`${name}: cancelled, partial download discarded`);
    throw e;
  }
  return `${name} done in ${fixed(seconds, 1)} s`;
});

const by_name = <T extends { getName(): string }>(tasks: Iterable<T>): T[] =>
  [...tasks].sort((a, b) => (a.getName() < b.getName() ? -1 : a.getName() > b.getName() ? 1 : 0));

const main = coroutine(async function main() {
  const tasks = [
    createTask(download("mirror-a", 3), { name: "mirror-a" }),
    createTask(download("mirror-b", 1), { name: "mirror-b" }),
    createTask(download("mirror-c", 2), { name: "mirror-c" }),
  ];
  const [done, pending] = await wait(tasks, { returnWhen: "FIRST_COMPLETED" });
  for (const task of done) print("winner:", task.getName(), "->", repr(task.result()));
  for (const task of by_name(pending)) task.cancel();
  await gather(...by_name(pending), { returnExceptions: true });
  for (const task of by_name(tasks)) {
    print(`${task.getName()}:`, task.cancelled() ? "cancelled" : `returned ${repr(task.result())}`);
  }
});

export default defineScenario({
  name: "first-completed",
  title: "wait(FIRST_COMPLETED): take the winner, cancel the rest yourself",
  summary: "three downloads race; wait() returns when the first finishes, and main cancels and awaits the others",
  explain:
    "asyncio.wait(tasks, return_when=FIRST_COMPLETED) returns two sets, done and pending, as soon as one task finishes; it cancels nothing. The losers keep running until you cancel them, and you should then await them (gather with return_exceptions=True) so their cleanup runs before you move on. The sets have no order: sort them when order matters.",
  params: {},
  main,
  hint(event, { coroName, taskName }) {
    if (event.type === "suspend" && event.awaiting.kind === "wait") {
      return "main waits for the first of the three downloads to finish";
    }
    if (event.type === "task-done" && event.outcome === "result" && coroName(event.task) === "download") {
      return `${taskName(event.task)} finished first: wait() returns, the others are still running`;
    }
    if (event.type === "cancel-requested" && event.cause === "task") {
      return `wait() cancelled nothing: main cancels ${taskName(event.task)} itself`;
    }
    return undefined;
  },
});
