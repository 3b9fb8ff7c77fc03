// Catalogue 53: an error in the taskGroup body cancels the tasks and is raised inside an ExceptionGroup.
import {
  CancelledError,
  coroutine,
  ExceptionGroup,
  print,
  repr,
  run,
  sleep,
  taskGroup,
  ZeroDivisionError,
} from "../../src/index.js";

const child = coroutine(async function child() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("child: cancelled because the body failed");
    throw e;
  }
});

const main = coroutine(async function main() {
  try {
    await taskGroup(async (tg) => {
      tg.createTask(child());
      await sleep(0.1);
      throw new ZeroDivisionError("division by zero"); // 1 / 0
    });
  } catch (e) {
    const eg = e instanceof ExceptionGroup ? e.subgroup(ZeroDivisionError) : undefined;
    if (eg === undefined) throw e;
    print("caught:", repr(eg));
  }
});

export default () => run(main());
