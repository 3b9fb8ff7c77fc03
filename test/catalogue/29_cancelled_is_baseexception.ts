// Catalogue 29: CancelledError is not an `Exception`: `except Exception` does not swallow cancellation.
// JS has no BaseException/Exception split, so the first line prints CancelledError's real prototype chain
// (['PythonError', 'Error', 'Object'], see .expected-ts) instead of CPython's ['BaseException', 'object'];
// the worker's catch re-throws base exceptions exactly as `except Exception` lets them pass.
import { CancelledError, coroutine, createTask, isBaseException, print, run, sleep } from "../../src/index.js";

const worker = coroutine(async function worker() {
  try {
    await sleep(10);
  } catch (e) {
    if (isBaseException(e)) throw e; // `except Exception` does not catch CancelledError
    print("never printed");
  }
});

const main = coroutine(async function main() {
  const bases: string[] = [];
  for (let p = Object.getPrototypeOf(CancelledError.prototype); p !== null; p = Object.getPrototypeOf(p)) {
    bases.push(p.constructor.name);
  }
  print("CancelledError bases:", bases);
  const t = createTask(worker());
  await sleep(0);
  t.cancel();
  await sleep(0);
  print("worker cancelled():", t.cancelled());
});

export default () => run(main());
