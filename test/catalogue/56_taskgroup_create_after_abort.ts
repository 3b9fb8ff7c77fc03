// Catalogue 56: tg.createTask() raises RuntimeError once the group is aborting, and after it has exited.
import {
  CancelledError,
  coroutine,
  ExceptionGroup,
  print,
  RuntimeError,
  run,
  sleep,
  type TaskGroup,
  taskGroup,
  ValueError,
} from "../../src/index.js";

const fail = coroutine(async function fail() {
  throw new ValueError("x");
});

const main = coroutine(async function main() {
  let tg!: TaskGroup; // `as tg` stays visible after the block, as in Python
  try {
    await taskGroup(async (entered) => {
      tg = entered;
      tg.createTask(fail());
      try {
        await sleep(1);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        const coro = sleep(1);
        try {
          tg.createTask(coro);
        } catch (err) {
          if (!(err instanceof RuntimeError)) throw err;
          print("while aborting:", err);
          coro.close();
        }
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup) || e.subgroup(ValueError) === undefined) throw e;
  }
  const coro = sleep(1);
  try {
    tg.createTask(coro);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    print("after exit:", e);
    coro.close();
  }
});

export default () => run(main());
