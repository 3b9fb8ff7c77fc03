// Catalogue 11: gather() over already-finished futures is already done when it returns (3.12+).
import { coroutine, gather, getRunningLoop, print, run } from "../../src/index.js";

const main = coroutine(async function main() {
  const f = getRunningLoop().createFuture();
  f.setResult(1);
  const g = gather(f, f);
  print("done right after gather():", g.done());
  print(await g);
});

export default () => run(main());
