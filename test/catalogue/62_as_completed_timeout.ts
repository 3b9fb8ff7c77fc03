// Catalogue 62: after asCompleted's timeout every remaining await raises TimeoutError; nothing is cancelled.
import {
  asCompleted,
  coroutine,
  createTask,
  fixed,
  getRunningLoop,
  print,
  run,
  sleep,
  str,
  TimeoutError,
} from "../../src/index.js";

const job = coroutine(async function job(d: number) {
  await sleep(d);
  return d;
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const t0 = loop.time();
  const ts = [0.1, 0.5, 0.6].map((d) => createTask(job(d)));
  for (const fut of asCompleted(ts, { timeout: 0.2 })) {
    try {
      const r = await fut;
      print(`${fixed(loop.time() - t0, 1)} got ${str(r)}`);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print(`${fixed(loop.time() - t0, 1)} TimeoutError`);
    }
  }
  print(
    "unfinished tasks cancelled?",
    ts.slice(1).map((t) => t.cancelled()),
  );
  for (const t of ts) t.cancel();
});

export default () => run(main());
