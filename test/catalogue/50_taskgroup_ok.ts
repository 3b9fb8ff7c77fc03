// Catalogue 50: leaving a taskGroup block waits for all its tasks; results via task.result().
import { coroutine, fixed, getRunningLoop, print, run, sleep, taskGroup } from "../../src/index.js";

const job = coroutine(async function job(n: number, d: number) {
  await sleep(d);
  return n * 10;
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const t0 = loop.time();
  const [a, b] = await taskGroup(async (tg) => {
    const a = tg.createTask(job(1, 0.2));
    const b = tg.createTask(job(2, 0.1));
    print("body finished, waiting at exit");
    return [a, b] as const;
  });
  print(a.result(), b.result(), `elapsed ${fixed(loop.time() - t0, 1)}`);
});

export default () => run(main());
