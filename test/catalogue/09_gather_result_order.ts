// Catalogue 09: gather's result list follows argument order, not completion order; time = slowest child.
import { coroutine, fixed, gather, getRunningLoop, print, run, sleep } from "../../src/index.js";

const job = coroutine(async function job(name: string, d: number) {
  await sleep(d);
  print("finished", name);
  return name;
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const t0 = loop.time();
  const res = await gather(job("slow", 0.3), job("fast", 0.1), job("mid", 0.2));
  print(res, `elapsed ${fixed(loop.time() - t0, 1)}`);
});

export default () => run(main());
