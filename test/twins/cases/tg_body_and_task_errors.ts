// A TaskGroup whose body raises while tasks run: tasks are cancelled, and the
// body's error is grouped with errors tasks raise while cancelled; if a task
// fails first, the body is cancelled at its await and the group raises both.
import {
  CancelledError,
  coroutine,
  ExceptionGroup,
  KeyError,
  print,
  RuntimeError,
  repr,
  run,
  sleep,
  taskGroup,
  ValueError,
  ZeroDivisionError,
} from "../../../src/index.js";

const stubbornFail = coroutine(async function stubborn_fail(name: string, delay: number) {
  try {
    await sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    await sleep(delay);
    throw new KeyError(name);
  }
});

const quickFail = coroutine(async function quick_fail() {
  await sleep(0.1);
  throw new ValueError("task failed");
});

const main = coroutine(async function main() {
  try {
    await taskGroup(async (tg) => {
      tg.createTask(stubbornFail("t1", 0.2));
      tg.createTask(stubbornFail("t2", 0.1));
      await sleep(0.1);
      throw new ZeroDivisionError("body failed");
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    print(
      "first:",
      eg,
      eg.exceptions.map((e) => repr(e)),
    );
  }
  try {
    await taskGroup(async (tg) => {
      tg.createTask(quickFail());
      try {
        await sleep(1);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        print("body cancelled by the failing task");
        throw new RuntimeError("body cleanup failed");
      }
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    print(
      "second:",
      eg,
      eg.exceptions.map((e) => repr(e)),
    );
  }
});

export default () => run(main());
