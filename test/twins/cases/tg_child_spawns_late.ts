// A TaskGroup child may add tasks to the group after the body has finished:
// the group waits for those too; once the group has exited, create_task fails.
import {
  coroutine,
  fixed,
  getRunningLoop,
  print,
  RuntimeError,
  repr,
  run,
  sleep,
  type TaskGroup,
  taskGroup,
} from "../../../src/index.js";

const late = coroutine(async function late(name: string, delay: number) {
  await sleep(delay);
  print(name, "finished");
});

const spawner = coroutine(async function spawner(tg: TaskGroup) {
  await sleep(0.1);
  print("spawner adds a late task");
  tg.createTask(late("late child", 0.5));
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  let group: TaskGroup | undefined;
  await taskGroup(async (tg) => {
    group = tg;
    tg.createTask(spawner(tg));
    print("body done");
  });
  print(`group exited at ${fixed(loop.time(), 1)}`);
  const c = late("too late", 0);
  try {
    group!.createTask(c);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    print("create_task after exit:", repr(e));
  }
  c.close();
});

export default () => run(main());
