// Catalogue 49: an error raised inside an expired timeout escapes as is (no TimeoutError). CPython 3.13 links a
// TimeoutError into its implicit __context__ chain; JavaScript has no implicit exception context, so this twin
// prints what is observable (the escaping error and its explicit cause) — see 49_timeout_context_chain.expected-ts.
import { CancelledError, coroutine, print, run, sleep, timeout, ValueError } from "../../src/index.js";

const main = coroutine(async function main() {
  try {
    await timeout(0.1, async () => {
      try {
        await sleep(10);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        throw new ValueError("converted");
      }
    });
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print(
      "ValueError escapes; no __context__ in JavaScript; cause is",
      e.cause === undefined ? "NoneType" : (e.cause as Error).constructor.name,
    );
  }
});

export default () => run(main());
