// Catalogue 21: cancel(msg): the CancelledError inside the task has args (msg,); an awaiter sees the same message.
import { CancelledError, coroutine, createTask, print, run, sleep } from "../../src/index.js";

const worker = coroutine(async function worker() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("inside task: args =", e.args);
    throw e;
  }
});

const main = coroutine(async function main() {
  const t = createTask(worker());
  await sleep(0);
  t.cancel("shutting down");
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("awaiter: args =", e.args);
  }
  try {
    t.result();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("t.result(): args =", e.args);
  }
  const t2 = createTask(worker());
  await sleep(0);
  t2.cancel();
  try {
    await t2;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("no message: args =", e.args);
  }
});

export default () => run(main());
