// Catalogue 63: 3.13's `async for` over as_completed yields the original tasks in completion order.
import { asCompleted, coroutine, createTask, gather, print, run, sleep } from "../../src/index.js";

const job = coroutine(async function job(d: number) {
  await sleep(d);
  return d;
});

const main = coroutine(async function main() {
  const ts = [0.2, 0.1].map((d) => createTask(job(d)));
  try {
    for await (const next of asCompleted(ts)) {
      const t = next as unknown as (typeof ts)[number]; // typed as the result: TypeScript unwraps thenables in for await
      print("got original task:", ts.includes(t), "result", t.result());
    }
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("TypeError:", e);
    await gather(...ts);
  }
});

export default () => run(main());
