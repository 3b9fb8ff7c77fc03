/**
 * Issue 16, item 1, the JavaScript-only paths: run() called inside a running
 * loop raises at once however it is used — awaited, wrapped in wrapPromise(),
 * or from a callback — and the outer run goes on with its loop (CPython's
 * side of it is test/conformance/issue16/divergences).
 */
import { describe, expect, it } from "vitest";
import {
  coroutine,
  createTask,
  getRunningLoop,
  Runner,
  RuntimeError,
  run,
  sleep,
  ValueError,
  wrapPromise,
} from "../../src/index.js";

const inner = coroutine(async function inner() {
  return "inner";
});

describe("run() inside a running loop", () => {
  it("raises RuntimeError at once, even through wrapPromise(), and the outer loop runs on", async () => {
    const seen: string[] = [];
    const other = coroutine(async function other() {
      await sleep(1);
      seen.push("other ran");
    });
    const main = coroutine(async function main() {
      const loop = getRunningLoop();
      const task = createTask(other());
      const attempts: (() => unknown)[] = [
        () => run(inner()),
        () => wrapPromise(run(inner())),
        () => new Runner().run(inner()),
      ];
      for (const attempt of attempts) {
        try {
          await (attempt() as PromiseLike<unknown>);
          seen.push("no error");
        } catch (error) {
          seen.push(error instanceof RuntimeError ? error.message : String(error));
        }
      }
      await task;
      seen.push(getRunningLoop() === loop ? "same loop" : "another loop");
      return loop.time();
    });
    const time = await run(main());
    expect(seen).toEqual([
      "asyncio.run() cannot be called from a running event loop",
      "asyncio.run() cannot be called from a running event loop",
      "Runner.run() cannot be called from a running event loop",
      "other ran",
      "same loop",
    ]);
    expect(time).toBe(1);
  });

  it("throws synchronously: not a rejected promise left unhandled", () => {
    expect(() => run(1 as never)).toThrow(ValueError);
    expect(() => new Runner().run((() => undefined) as never)).toThrow(/a coroutine was expected, got <function/);
  });

  it("lets a new run start where no loop code is on the stack (a session restarting while the old run waits)", async () => {
    let release!: (value: string) => void;
    const outside = new Promise<string>((resolve) => {
      release = resolve;
    });
    const waiting = coroutine(async function waiting() {
      return await wrapPromise(outside);
    });
    const first = new Runner();
    const firstRun = first.run(waiting());
    // The first loop is mid-run, idle on outside I/O: no code of it runs now, so a second run may start.
    await new Promise((resolve) => setImmediate(resolve));
    expect(first.loop.closed).toBe(false);
    await expect(run(inner())).resolves.toBe("inner");
    release("first");
    await expect(firstRun).resolves.toBe("first");
    await first.close();
  });
});
