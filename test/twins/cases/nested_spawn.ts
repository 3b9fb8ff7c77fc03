// Tasks creating tasks creating tasks: each generation starts one loop
// iteration after its parent's step, breadth first, and results flow back up.
import { type Coroutine, coroutine, createTask, print, run, sleep } from "../../../src/index.js";

const node = coroutine(async function node(name: string, depth: number): Promise<number> {
  print("start", name);
  if (depth === 0) {
    await sleep(0);
    print("leaf", name, "done");
    return 1;
  }
  const kids = [..."ab"].map((k) => createTask(nodeCoro(name + k, depth - 1)));
  print(name, "spawned", kids.length);
  let total = 1;
  for (const k of kids) total += await k;
  print(name, "total", total);
  return total;
});

// Inside the body, `node` names the plain async function: recurse through the module binding.
function nodeCoro(name: string, depth: number): Coroutine<number> {
  return node(name, depth);
}

const main = coroutine(async function main() {
  const root = createTask(node("r", 2));
  print("main spawned root");
  print("tree size", await root);
});

export default () => run(main());
