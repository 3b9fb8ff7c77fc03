// A ticker shows the iterations between a TaskGroup's last child ending and
// the code after `async with` running, for a clean exit and a failing one.
import {
  CancelledError,
  coroutine,
  createTask,
  ExceptionGroup,
  print,
  repr,
  run,
  sleep,
  taskGroup,
  ValueError,
} from "../../../src/index.js";

const ticker = coroutine(async function ticker(n: number) {
  for (let i = 0; i < n; i++) {
    print("tick", i);
    await sleep(0);
  }
});

const child = coroutine(async function child(name: string, hops: number) {
  try {
    for (let i = 0; i < hops; i++) await sleep(0);
    print("child", name, "done");
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("child", name, "cancelled");
    throw e;
  }
});

const failing = coroutine(async function failing(hops: number) {
  for (let i = 0; i < hops; i++) await sleep(0);
  print("failing raises");
  throw new ValueError("child failed");
});

const main = coroutine(async function main() {
  const t = createTask(ticker(16));
  await taskGroup(async (tg) => {
    tg.createTask(child("a", 2));
    tg.createTask(child("b", 0));
    print("body end");
  });
  print("group exited");
  try {
    await taskGroup(async (tg) => {
      tg.createTask(child("c", 5));
      tg.createTask(failing(1));
      print("body2 end");
    });
  } catch (e) {
    const eg = e instanceof ExceptionGroup ? e.subgroup(ValueError) : null;
    if (!eg) throw e;
    print(
      "group2 failed:",
      eg.exceptions.map((x) => repr(x)),
    );
  }
  await t;
});

export default () => run(main());
