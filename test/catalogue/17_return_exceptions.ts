// Catalogue 17: returnExceptions: exceptions come back as values in argument order; nothing is raised.
import { coroutine, gather, KeyError, print, run, sleep } from "../../src/index.js";

const ok = coroutine(async function ok() {
  await sleep(0.1);
  return "ok";
});

const bad = coroutine(async function bad() {
  await sleep(0.05);
  throw new KeyError("k");
});

const main = coroutine(async function main() {
  const res = await gather(ok(), bad(), ok(), { returnExceptions: true });
  print(res);
  print(res.map((r) => (typeof r === "string" ? "str" : (r as Error).constructor.name))); // type(r).__name__
});

export default () => run(main());
