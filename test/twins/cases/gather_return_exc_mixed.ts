// gather(return_exceptions=True) with mixed outcomes: a value, an error, a
// child cancelled with a message, one without, and one that swallows its cancel.
import {
  CancelledError,
  coroutine,
  createTask,
  fixed,
  gather,
  getRunningLoop,
  KeyError,
  print,
  repr,
  run,
  sleep,
} from "../../../src/index.js";

const ok = coroutine(async function ok() {
  await sleep(0.1);
  return "ok";
});

const boom = coroutine(async function boom(): Promise<string> {
  await sleep(0.2);
  throw new KeyError("k");
});

const sleepy = coroutine(async function sleepy() {
  await sleep(5);
  return "never";
});

const stubborn = coroutine(async function stubborn() {
  try {
    await sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    await sleep(0.1);
    return "swallowed";
  }
  return undefined;
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const tasks = [ok(), boom(), sleepy(), sleepy(), stubborn()].map((c) => createTask<unknown>(c));
  loop.callLater(0.3, (m: string) => tasks[2]!.cancel(m), "with msg");
  loop.callLater(0.3, () => tasks[3]!.cancel());
  loop.callLater(0.3, () => tasks[4]!.cancel());
  const results = await gather(...tasks, { returnExceptions: true });
  print(`gathered at ${fixed(loop.time(), 1)}`);
  for (const r of results) print(typeName(r), repr(r));
  print(
    "cancelled flags:",
    tasks.map((t) => t.cancelled()),
  );
});

function typeName(x: unknown): string {
  return x instanceof Error ? x.constructor.name : typeof x === "string" ? "str" : typeof x;
}

export default () => run(main());
