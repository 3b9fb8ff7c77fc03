/**
 * The Ctrl-C drivers of the catalogue (items 66–69, 92, 93) start a child
 * Python, send it SIGINT and report its stdout (prefixed `child:`), the last
 * stderr line and the exit status. Here the child is a TypeScript program run
 * in-process, and the SIGINT is `runner.interrupt()` at a scripted loop time.
 */
import { exceptionLine, KeyboardInterrupt, type MainAwaitable, print, Runner } from "../../../src/index.js";
import { capture } from "../../support/capture.js";

/** asyncio.run for the child: interrupts arrive at the given loop times. */
export function runInterrupted(interruptAt: readonly number[]) {
  return async <T>(main: MainAwaitable<T>): Promise<T> => {
    const runner = new Runner();
    for (const t of interruptAt) runner.loop.callLater(t, () => runner.interrupt());
    try {
      return await runner.run(main);
    } finally {
      await runner.close();
    }
  };
}

/** Run `child` and print what the Python driver prints about it. */
export async function drive(child: () => Promise<unknown>): Promise<void> {
  const { stdout, stderr, error } = await capture(child);
  for (const line of stdout) print(`child: ${line}`);
  const lastErr = error !== undefined ? exceptionLine(error) : (stderr.filter((l) => l !== "").at(-1) ?? "<empty>");
  print(`child stderr, last line: ${lastErr}`);
  const status = error === undefined ? 0 : error instanceof KeyboardInterrupt ? 130 : 1;
  print(`exit status as the shell reports it: ${status}`);
}
