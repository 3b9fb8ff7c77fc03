/**
 * as_completed(): results in the order the jobs finish, not the order they
 * were given; a failing job raises when its turn comes, and the loop goes on.
 */
import {
  asCompleted,
  coroutine,
  defineScenario,
  fixed,
  getRunningLoop,
  print,
  repr,
  sleep,
  ValueError,
} from "async-demo";

const job = coroutine(async function job(name: string, seconds: number, fail: boolean) {
  await sleep(seconds);
  if (fail) throw new ValueError(`${name} failed`);
  return `${name} ok`;
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const start = loop.time();
  const jobs = [job("slow", 3, false), job("quick", 1, false), job("broken", 2, true)];
  for (const next_done of asCompleted(jobs)) {
    try {
      const result = await next_done;
      print(`${fixed(loop.time() - start, 1)} s: ${result}`);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print(`${fixed(loop.time() - start, 1)} s: error ${repr(e)}`);
    }
  }
});

export default defineScenario({
  name: "as-completed",
  title: "as_completed(): handle each result as soon as it is ready",
  summary: "three jobs of 3 s, 1 s and 2 s (one failing) come out in finishing order: quick, broken, slow",
  explain:
    "as_completed() yields awaitables in the order the jobs finish, so you handle each result as soon as it is ready instead of waiting for the slowest. A job's exception is raised by the await of its turn, so catch it there and the loop carries on with the others. You lose the link to the input order: make each result say which job it came from.",
  params: {},
  main,
  hint(event) {
    if (event.type === "task-created" && event.by === "asCompleted") {
      return `as_completed wrapped ${event.coro}() in a task: all jobs run at once`;
    }
    if (event.type === "print" && event.text.includes("error")) {
      return "the failed job's exception came out of the await of its turn; the loop goes on";
    }
    return undefined;
  },
});
