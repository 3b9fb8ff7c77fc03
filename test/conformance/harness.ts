/**
 * What every conformance program shares (the TypeScript side of harness.py):
 * run each ported test as IsolatedAsyncioTestCase would — a coroutine test in a
 * fresh run(), a plain one called directly — under a `== name` header, and
 * print what escapes instead of throwing it.
 */
import { type Awaitable, type Coroutine, coroutine, ExceptionGroup, print, repr, run, str } from "../../src/index.js";
import { typeName } from "../../src/runtime/format.js";

type Test = ((() => Coroutine<unknown>) & { coroutineName: string }) | (() => unknown);

/** Run each test under a `== name` header; an error that escapes is printed, not thrown. */
export async function runTests(...tests: Test[]): Promise<void> {
  for (const test of tests) {
    const isCoroutineFunction = "coroutineName" in test;
    print(`== ${isCoroutineFunction ? test.coroutineName : test.name}`);
    try {
      if (isCoroutineFunction) await run(test());
      else await test(); // a plain test may call run() itself, which returns a promise here
    } catch (e) {
      print(`!! ${typeName(e)}: ${str(e)}`);
    }
  }
}

/** What calling `fn()` did, as one line: `returned 1` or `raised ValueError: boom`. */
export function outcome(fn: () => unknown): string {
  try {
    return `returned ${repr(fn())}`;
  } catch (e) {
    return `raised ${typeName(e)}: ${str(e)}`;
  }
}

/** What awaiting `aw` did, as one line (a coroutine: awaiting it runs inline, as in Python). */
export const aoutcome = coroutine(async function aoutcome(
  aw: Awaitable<unknown> | PromiseLike<unknown>,
): Promise<string> {
  try {
    return `returned ${repr(await aw)}`;
  } catch (e) {
    return `raised ${typeName(e)}: ${str(e)}`;
  }
});

/** harness.py's `norm` (our reprs carry neither source locations nor qualified names: it changes nothing here). */
export function norm(text: string): string {
  return text
    .replace(/ (running at|done, defined at) [^>]*/g, "")
    .replace(/ at 0x[0-9a-f]+/g, "")
    .replace(/\(\) at [^\s,\]>]+:\d+/g, "()")
    .replace(/\w+\.<locals>\./g, "");
}

export { typeName };

/**
 * Python's `except* T as eg:` for a group whose every error is a T (the tests'
 * case): the group if it is one, else `error` is re-thrown.
 */
export function exceptStar(error: unknown, type: abstract new (...args: never[]) => unknown): ExceptionGroup {
  if (error instanceof ExceptionGroup && error.exceptions.every((e) => e instanceof type)) return error;
  throw error;
}

/** The sorted names of the error types in a group (the tests' `get_error_types`). */
export function errorTypes(eg: ExceptionGroup): string[] {
  return [...new Set(eg.exceptions.map((e) => typeName(e)))].sort();
}

/**
 * Python's `e.__context__`: the error being handled when `e` was raised. JavaScript
 * errors keep no such thing, so this is always undefined; the programs still ask,
 * and their `.differs` files list what CPython prints instead.
 */
export function contextOf(e: unknown): unknown {
  return (e as { __context__?: unknown } | null)?.__context__;
}
