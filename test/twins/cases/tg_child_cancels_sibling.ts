// A TaskGroup child cancelling a sibling, and a child cancelling itself: a
// cancelled child is not an error, the group ends normally, others keep results.
import {
  CancelledError,
  coroutine,
  currentTask,
  fixed,
  getRunningLoop,
  print,
  repr,
  run,
  sleep,
  type Task,
  taskGroup,
} from "../../../src/index.js";

const victim = coroutine(async function victim() {
  try {
    await sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("victim cancelled:", repr(e));
    throw e;
  }
});

const killer = coroutine(async function killer(target: Task<void>) {
  await sleep(0.1);
  print("killer cancels victim ->", target.cancel("by sibling"));
  return "killer done";
});

const suicidal = coroutine(async function suicidal() {
  await sleep(0.2);
  currentTask()!.cancel();
  await sleep(0);
  return "not reached";
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const [v, k, s] = await taskGroup(async (tg) => {
    const v = tg.createTask(victim());
    const k = tg.createTask(killer(v));
    const s = tg.createTask(suicidal());
    print("body done");
    return [v, k, s] as const;
  });
  print(`group ended at ${fixed(loop.time(), 1)}`);
  print("victim cancelled?", v.cancelled(), "suicidal cancelled?", s.cancelled(), "killer:", k.result());
});

export default () => run(main());
