// Catalogue 61: asCompleted yields awaitables in completion order; each await returns or raises the next result.
import {
  asCompleted,
  coroutine,
  fixed,
  getRunningLoop,
  print,
  RuntimeError,
  repr,
  run,
  sleep,
} from "../../src/index.js";

const job = coroutine(async function job(name: string, d: number, fail = false) {
  await sleep(d);
  if (fail) throw new RuntimeError(name);
  return name;
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const t0 = loop.time();
  for (const fut of asCompleted([job("slow", 0.3), job("bad", 0.2, true), job("fast", 0.1)])) {
    try {
      const r = await fut;
      print(`${fixed(loop.time() - t0, 1)} got ${r}`);
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      print(`${fixed(loop.time() - t0, 1)} raised ${repr(e)}`);
    }
  }
});

export default () => run(main());
