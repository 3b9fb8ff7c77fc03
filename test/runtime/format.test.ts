// Specification of src/runtime/format.ts: repr/str/fixed/exceptionLine/tuple print what CPython 3.13 prints.
// Every expectation was checked against /root/.pyenv/versions/3.13.0/bin/python3 (repr(), str(), f"{x:.Nf}",
// traceback.format_exception_only()); the last block re-checks floats against a live CPython when one is found.
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CancelledError,
  ExceptionGroup,
  exceptionLine,
  fixed,
  InvalidStateError,
  KeyboardInterrupt,
  KeyError,
  RuntimeError,
  repr,
  str,
  TimeoutError,
  tuple,
  ValueError,
  ZeroDivisionError,
} from "../../src/index.js";
import { formatPrint } from "../../src/runtime/format.js";
import { findPython } from "../support/python.js";

describe("repr of str: quoted like CPython", () => {
  it.each([
    ["plain", "'plain'"],
    ["", "''"],
    [" ", "' '"],
  ])("uses single quotes by default: %j", (s, want) => expect(repr(s)).toBe(want));

  it("switches to double quotes when the text has ' and no \"", () => {
    expect(repr("it's")).toBe(`"it's"`);
  });
  it('keeps single quotes for text with " only', () => {
    expect(repr('say "hi"')).toBe(`'say "hi"'`);
  });
  it("escapes ' when the text has both quote kinds", () => {
    expect(repr(`both ' and "`)).toBe(`'both \\' and "'`);
  });
  it("doubles backslashes", () => {
    expect(repr("back\\slash")).toBe("'back\\\\slash'");
  });
  it("writes \\n \\t \\r as escapes", () => {
    expect(repr("line\nbreak\ttab\rcr")).toBe("'line\\nbreak\\ttab\\rcr'");
  });
  it("writes other control chars as \\xNN", () => {
    expect(repr("\x00\x07\x1b\x7f")).toBe("'\\x00\\x07\\x1b\\x7f'");
    expect(repr("\x85")).toBe("'\\x85'");
  });
  it("escapes non-printable spaces and format chars (NBSP, soft hyphen, ideographic space, ZWSP, U+2028)", () => {
    expect(repr("\xa0")).toBe("'\\xa0'");
    expect(repr("\xad")).toBe("'\\xad'");
    expect(repr("\u3000")).toBe("'\\u3000'");
    expect(repr("\u200b")).toBe("'\\u200b'");
    expect(repr("\u2028")).toBe("'\\u2028'");
  });
  it("escapes astral non-printables as \\UXXXXXXXX", () => {
    expect(repr("\u{e0001}")).toBe("'\\U000e0001'");
  });
  it("escapes unassigned code points and lone surrogates", () => {
    expect(repr("\u0378")).toBe("'\\u0378'");
    expect(repr("\ud800")).toBe("'\\ud800'");
  });
  it("keeps printable unicode as is (accents, CJK, emoji)", () => {
    expect(repr("café")).toBe("'café'");
    expect(repr("日本")).toBe("'日本'");
    expect(repr("😀")).toBe("'😀'");
  });
});

describe("repr of containers and constants", () => {
  it("null and undefined are None; booleans are True/False", () => {
    expect(repr(null)).toBe("None");
    expect(repr(undefined)).toBe("None");
    expect(repr(true)).toBe("True");
    expect(repr(false)).toBe("False");
  });
  it("arrays are lists, with strings quoted inside", () => {
    expect(repr([1, "a", null, true, false])).toBe("[1, 'a', None, True, False]");
    expect(repr([])).toBe("[]");
    expect(repr([[1], ["x"]])).toBe("[[1], ['x']]");
  });
  it("a one-element tuple has a trailing comma; the empty tuple is ()", () => {
    expect(repr(tuple(1))).toBe("(1,)");
    expect(repr(tuple())).toBe("()");
    expect(repr(tuple(1, "a"))).toBe("(1, 'a')");
    expect(repr(tuple(tuple(1)))).toBe("((1,),)");
  });
  it("plain objects and Maps are dicts with repr'd keys", () => {
    expect(repr({ a: 1, b: [1, tuple(2)] })).toBe("{'a': 1, 'b': [1, (2,)]}");
    expect(repr({})).toBe("{}");
    expect(
      repr(
        new Map<unknown, unknown>([
          [1, "x"],
          ["k", null],
        ]),
      ),
    ).toBe("{1: 'x', 'k': None}");
  });
  it("Sets are sets; the empty set is set()", () => {
    expect(repr(new Set())).toBe("set()");
    expect(repr(new Set([1, 2]))).toBe("{1, 2}");
  });
  it("a list that contains itself prints [...]", () => {
    const a: unknown[] = [1];
    a.push(a);
    expect(repr(a)).toBe("[1, [...]]");
  });
});

describe("repr of numbers", () => {
  it("whole numbers print as ints (JS has no 1.0), -0 as 0", () => {
    expect(repr(0)).toBe("0");
    expect(repr(-0)).toBe("0");
    expect(repr(42)).toBe("42");
    expect(repr(-7)).toBe("-7");
    expect(repr(2 ** 53)).toBe("9007199254740992");
    expect(repr(1e21)).toBe("1000000000000000000000");
    expect(repr(10n ** 30n)).toBe("1000000000000000000000000000000");
  });
  it.each([
    [0.1, "0.1"],
    [1 / 3, "0.3333333333333333"],
    [123.456, "123.456"],
    [-0.5, "-0.5"],
    [1e-4, "0.0001"],
    [0.0001234, "0.0001234"],
    [12345678901234.5, "12345678901234.5"],
  ])("non-integers use the shortest round-trip digits in positional form for 1e-4 <= |x| < 1e16: %s", (x, want) =>
    expect(repr(x)).toBe(want),
  );
  it.each([
    [1e-5, "1e-05"],
    [1e-7, "1e-07"],
    [2.5e-10, "2.5e-10"],
    [-1.5e-300, "-1.5e-300"],
  ])("small floats use exponent form with a signed two-digit exponent: %s", (x, want) => expect(repr(x)).toBe(want));
  it("nan and infinities are nan, inf, -inf", () => {
    expect(repr(Number.NaN)).toBe("nan");
    expect(repr(Number.POSITIVE_INFINITY)).toBe("inf");
    expect(repr(Number.NEGATIVE_INFINITY)).toBe("-inf");
  });
});

describe("repr and str of errors", () => {
  it("an error built without a message has empty args: CancelledError()", () => {
    expect(repr(new CancelledError())).toBe("CancelledError()");
    expect(str(new CancelledError())).toBe("");
  });
  it("an error built with '' keeps it: CancelledError('')", () => {
    expect(repr(new CancelledError(""))).toBe("CancelledError('')");
    expect(str(new CancelledError(""))).toBe("");
  });
  it("the message is repr'd inside and plain in str", () => {
    expect(repr(new CancelledError("stop"))).toBe("CancelledError('stop')");
    expect(str(new CancelledError("stop"))).toBe("stop");
    expect(repr(new ValueError("boom"))).toBe("ValueError('boom')");
    expect(repr(new ValueError())).toBe("ValueError()");
    expect(repr(new RuntimeError("it's"))).toBe(`RuntimeError("it's")`);
    expect(repr(new ZeroDivisionError("division by zero"))).toBe("ZeroDivisionError('division by zero')");
    expect(repr(new InvalidStateError("bad"))).toBe("InvalidStateError('bad')");
    expect(repr(new TimeoutError())).toBe("TimeoutError()");
  });
  it("a plain JS Error is Python's Exception", () => {
    expect(repr(new Error("x"))).toBe("Exception('x')");
    expect(repr(new Error())).toBe("Exception()");
    expect(str(new Error("x"))).toBe("x");
  });
  it("other JS errors keep their class name", () => {
    expect(repr(new TypeError("t"))).toBe("TypeError('t')");
  });
  it("KeyError's str is the repr of the key", () => {
    expect(repr(new KeyError("k"))).toBe("KeyError('k')");
    expect(str(new KeyError("k"))).toBe("'k'");
    expect(str(new KeyError(""))).toBe("''");
    expect(str(new KeyError())).toBe("");
  });
  it("errors inside a list are repr'd", () => {
    expect(repr([new ValueError("in list")])).toBe("[ValueError('in list')]");
    expect(str([new ValueError("in list")])).toBe("[ValueError('in list')]");
  });
  it("ExceptionGroup repr lists its sub-exceptions; str counts them (singular for 1)", () => {
    const one = new ExceptionGroup("eg", [new ValueError("a")]);
    const two = new ExceptionGroup("eg", [new ValueError("a"), new KeyError("b")]);
    expect(repr(one)).toBe("ExceptionGroup('eg', [ValueError('a')])");
    expect(str(one)).toBe("eg (1 sub-exception)");
    expect(repr(two)).toBe("ExceptionGroup('eg', [ValueError('a'), KeyError('b')])");
    expect(str(two)).toBe("eg (2 sub-exceptions)");
  });
  it("e.args is a tuple", () => {
    expect(repr(new ValueError("boom").args)).toBe("('boom',)");
    expect(repr(new ValueError().args)).toBe("()");
  });
  it("e.name is the class's name, for subclasses too, in the stack's first line; assigning it still works", () => {
    class AppError extends ValueError {}
    const e = new AppError("bad");
    expect([e.name, String(e), e.stack?.split("\n")[0]]).toEqual(["AppError", "AppError: bad", "AppError: bad"]);
    expect(Object.keys(e)).toEqual([]);
    e.name = "Renamed";
    expect([e.name, String(e), new AppError().name]).toEqual(["Renamed", "Renamed: bad", "AppError"]);
  });
});

describe("str and print", () => {
  it("str of a string is the string itself; other values are repr'd", () => {
    expect(str("it's")).toBe("it's");
    expect(str(null)).toBe("None");
    expect(str(tuple(1))).toBe("(1,)");
  });
  it("print writes str of each argument, space separated; strings are quoted only inside containers", () => {
    expect(formatPrint(["a", ["b", 1], null, true, new ValueError("v")])).toBe("a ['b', 1] None True v");
  });
});

describe("exceptionLine: the last line of a traceback", () => {
  it.each([
    [new ValueError("boom"), "ValueError: boom"],
    [new ValueError(), "ValueError"],
    [new RuntimeError(""), "RuntimeError"],
    [new Error("x"), "Exception: x"],
    [new Error(), "Exception"],
    [new KeyError("k"), "KeyError: 'k'"],
    [new KeyError(""), "KeyError: ''"],
    [new TimeoutError(), "TimeoutError"],
    [new KeyboardInterrupt(), "KeyboardInterrupt"],
    [new ZeroDivisionError("division by zero"), "ZeroDivisionError: division by zero"],
    [new ExceptionGroup("eg", [new ValueError("a")]), "ExceptionGroup: eg (1 sub-exception)"],
  ])("'Type: str(e)', or just the type when str(e) is empty: %s", (e, want) => expect(exceptionLine(e)).toBe(want));

  it("asyncio's own exceptions are qualified with asyncio.exceptions", () => {
    expect(exceptionLine(new CancelledError())).toBe("asyncio.exceptions.CancelledError");
    expect(exceptionLine(new CancelledError(""))).toBe("asyncio.exceptions.CancelledError");
    expect(exceptionLine(new CancelledError("stop"))).toBe("asyncio.exceptions.CancelledError: stop");
    expect(exceptionLine(new InvalidStateError("bad"))).toBe("asyncio.exceptions.InvalidStateError: bad");
  });
});

describe("fixed: f'{x:.Nf}'", () => {
  it.each([
    [0.25, 1, "0.2"],
    [-0.25, 1, "-0.2"],
    [0.125, 2, "0.12"],
    [0.375, 2, "0.38"],
    [10.25, 1, "10.2"],
    [2.5, 0, "2"],
    [3.5, 0, "4"],
    [0.5, 0, "0"],
    [1.5, 0, "2"],
    [-2.5, 0, "-2"],
    [-0.5, 0, "-0"],
    [1234.5, 0, "1234"],
  ])("an exact binary tie rounds half to even: fixed(%s, %s) = %s", (x, d, want) => expect(fixed(x, d)).toBe(want));

  it.each([
    [0.35, 1, "0.3"], // 0.35 is 0.34999…
    [0.45, 1, "0.5"], // 0.45 is 0.45000…1
    [0.05, 1, "0.1"],
    [1.005, 2, "1.00"],
    [2.675, 2, "2.67"],
  ])("a decimal 'tie' that is not one in binary rounds to the nearest: fixed(%s, %s) = %s", (x, d, want) =>
    expect(fixed(x, d)).toBe(want),
  );

  it.each([
    [1, 1, "1.0"],
    [0, 2, "0.00"],
    [123.456, 1, "123.5"],
    [1e-7, 3, "0.000"],
    [-0.04, 1, "-0.0"],
    [0.3, 20, "0.29999999999999998890"],
  ])("pads and rounds like Python: fixed(%s, %s) = %s", (x, d, want) => expect(fixed(x, d)).toBe(want));

  it("stays positional for |x| >= 1e21 (toFixed switches to exponent form there)", () => {
    expect(fixed(1e21, 1)).toBe("1000000000000000000000.0");
    expect(fixed(1.5e22, 0)).toBe("15000000000000000000000");
  });

  it("nan and inf print as nan, inf, -inf", () => {
    expect(fixed(Number.NaN, 1)).toBe("nan");
    expect(fixed(Number.POSITIVE_INFINITY, 2)).toBe("inf");
    expect(fixed(Number.NEGATIVE_INFINITY, 2)).toBe("-inf");
  });
});

// Differential check against a live CPython: random doubles up to 2**53 (and exact ties) through repr() and f"{x:.Nf}".
const python = findPython();

describe("floats against a live CPython", () => {
  it("repr(x) and fixed(x, d) match Python for random doubles and ties", (ctx) => {
    if (python === null) return ctx.skip("no python3 found: set ASYNC_DEMO_PYTHON to compare against CPython");
    const tie = fc
      .tuple(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 0, max: 6 }))
      .map(([k, d]) => [(k + 0.5) / 2 ** d, d] as [number, number]);
    const decimalTie = fc
      .tuple(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 0, max: 6 }))
      .map(([k, d]) => [(k + 0.5) / 10 ** d, d] as [number, number]);
    const anyDouble = fc.tuple(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -(2 ** 53), max: 2 ** 53 }),
      fc.integer({ min: 0, max: 25 }),
    );
    const pairs = fc.sample(fc.oneof(tie, decimalTie, anyDouble), { numRuns: 3000, seed: 42 });
    const script =
      "import json,sys\nfor x,d in json.load(sys.stdin):\n    x=float(x)\n    x=int(x) if x==int(x) else x  # JS whole numbers are Python ints\n    print(json.dumps([repr(x), f'{x:.{d}f}']))";
    const out = spawnSync(python.executable, ["-c", script], {
      input: JSON.stringify(pairs.map(([x, d]) => [x.toString(), d])),
      encoding: "utf8",
    });
    expect(out.status, out.stderr).toBe(0);
    const want = out.stdout.trim().split("\n");
    const mismatches: string[] = [];
    pairs.forEach(([x, d], i) => {
      const [r, f] = JSON.parse(want[i] as string) as [string, string];
      const gotR = repr(x);
      const gotF = fixed(x, d);
      if (gotR !== r) mismatches.push(`repr(${x}) = ${gotR}, Python ${r}`);
      if (gotF !== f) mismatches.push(`fixed(${x}, ${d}) = ${gotF}, Python ${f}`);
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});
