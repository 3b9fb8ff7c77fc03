/**
 * Python's `repr()`, `str()` and `print` formatting for JavaScript values, so a
 * scenario prints, line for line, what its Python twin prints.
 *
 * Mapping: strings quoted only inside containers; `true/false` → `True/False`;
 * `null/undefined` → `None`; arrays → lists; `tuple(...)` → tuples; plain objects
 * and Maps → dicts; Sets → sets; errors → `ClassName('message')` (a plain `Error`
 * is `Exception`). JavaScript has one number type, so a whole number prints as an
 * int: Python's `1.0` prints here as `1`.
 */
import { ExceptionGroup, hasMessage, KeyError, PythonError, setStr } from "./errors.js";
import { isTuple } from "./tuple.js";

/** Objects that know their own Python-style repr (tasks, futures, coroutines). */
export const REPR = Symbol.for("async-demo.repr");

/** Objects that know their Python type's name (`coroutine`, `Task`, `Future`), for messages. */
export const TYPE_NAME = Symbol.for("async-demo.typeName");

/**
 * Python's `type(value).__name__`, for error messages that name a type
 * (`expect a list of futures, not coroutine`): never a JavaScript class name
 * where Python has its own.
 */
export function typeName(value: unknown): string {
  switch (typeof value) {
    case "string":
      return "str";
    case "number":
      return Number.isInteger(value) ? "int" : "float";
    case "bigint":
      return "int";
    case "boolean":
      return "bool";
    case "undefined":
      return "NoneType";
    case "function":
      return "function";
    case "symbol":
      return "symbol";
  }
  if (value === null) return "NoneType";
  const own = (value as Record<PropertyKey, unknown>)[TYPE_NAME];
  if (typeof own === "string") return own;
  if (Array.isArray(value)) return isTuple(value) ? "tuple" : "list";
  if (value instanceof Error) return errorTypeName(value);
  if (value instanceof Map) return "dict";
  if (value instanceof Set) return "set";
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return "dict";
  return proto?.constructor?.name || "object";
}

/**
 * Python's `reprlib.repr(value)` with its default limits: what a future's or a
 * task's repr shows of its result (`result=[0, 1, 2, 3, 4, 5, ...]`), so a long
 * result does not swamp the line.
 */
export function shortRepr(value: unknown): string {
  return shortReprIn(value, 6);
}

const FILL = "...";

/** reprlib's cut: the first `(max-3)//2` characters, `...`, and the last ones, to `max` in all. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const i = Math.max(0, Math.floor((max - 3) / 2));
  const j = Math.max(0, max - 3 - i);
  return text.slice(0, i) + FILL + text.slice(text.length - j);
}

function shortIterable(items: unknown[], level: number, left: string, right: string, max: number, trail = ""): string {
  const n = items.length;
  let body: string;
  if (level <= 0 && n > 0) body = FILL;
  else {
    const pieces = items.slice(0, max).map((item) => shortReprIn(item, level - 1));
    if (n > max) pieces.push(FILL);
    body = pieces.join(", ");
    if (n === 1 && trail !== "") right = trail + right;
  }
  return `${left}${body}${right}`;
}

/** reprlib's `_possibly_sorted`: sorted when the items compare, else as they come. */
function possiblySorted(items: unknown[]): unknown[] {
  const allNumbers = items.every((x) => typeof x === "number" || typeof x === "bigint" || typeof x === "boolean");
  if (allNumbers) return [...items].sort((a, b) => Number(a) - Number(b));
  if (items.every((x) => typeof x === "string")) return [...(items as string[])].sort();
  return items;
}

function shortReprIn(value: unknown, level: number): string {
  if (typeof value === "string") {
    const s = reprString(value.slice(0, 30));
    if (s.length <= 30) return s;
    const i = 13;
    const j = 14;
    const t = reprString(value.slice(0, i) + value.slice(value.length - j));
    return t.slice(0, i) + FILL + t.slice(t.length - j);
  }
  if ((typeof value === "number" && Number.isInteger(value)) || typeof value === "bigint") {
    return cut(repr(value), 40);
  }
  if (Array.isArray(value)) {
    return isTuple(value) ? shortIterable(value, level, "(", ")", 6, ",") : shortIterable(value, level, "[", "]", 6);
  }
  if (value instanceof Set) {
    return value.size === 0 ? "set()" : shortIterable(possiblySorted([...value]), level, "{", "}", 6);
  }
  const proto = value !== null && typeof value === "object" ? Object.getPrototypeOf(value) : undefined;
  if (value instanceof Map || (proto !== undefined && (proto === Object.prototype || proto === null))) {
    const entries: [unknown, unknown][] =
      value instanceof Map ? [...value] : Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return "{}";
    if (level <= 0) return `{${FILL}}`;
    const byKey = new Map(entries);
    const keys = possiblySorted(entries.map(([k]) => k));
    const pieces = keys.slice(0, 4).map((k) => `${shortReprIn(k, level - 1)}: ${shortReprIn(byKey.get(k), level - 1)}`);
    if (entries.length > 4) pieces.push(FILL);
    return `{${pieces.join(", ")}}`;
  }
  return cut(repr(value), 30);
}

/** Python's `bool(value)`: empty containers and strings, 0, None and False are false (an empty array is true in JavaScript). */
export function pyBool(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === "" || value === 0n) {
    return false;
  }
  if (typeof value !== "object") return true;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof Map || value instanceof Set) return value.size > 0;
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return Object.keys(value).length > 0;
  return true;
}

/** Python's float repr of a number that is a float in Python (a deadline, a loop time): `10` prints `10.0`. */
export function floatRepr(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return `${Object.is(x, -0) ? "-0" : String(x)}.0`;
  return shortestFloat(x);
}

/** Python's `repr(value)`. */
export function repr(value: unknown): string {
  return reprIn(value, null);
}

/** Python's `str(value)`: strings as they are, an error's message, else `repr`. */
export function str(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof ExceptionGroup) {
    const n = value.exceptions.length;
    return `${value.message} (${n} sub-exception${n === 1 ? "" : "s"})`;
  }
  if (value instanceof KeyError) return hasMessage(value) ? reprString(value.message) : "";
  if (value instanceof Error) return hasMessage(value) ? value.message : "";
  return repr(value);
}

setStr(str);

/** What `print(...values)` writes, without the newline: `str` of each, space-separated. */
export function formatPrint(values: readonly unknown[]): string {
  return values.map(str).join(" ");
}

/** Classes asyncio defines, which tracebacks show qualified by their module. */
const ASYNCIO_EXCEPTIONS = new Map([
  ["CancelledError", "asyncio.exceptions"],
  ["InvalidStateError", "asyncio.exceptions"],
  ["BrokenBarrierError", "asyncio.exceptions"],
  ["QueueEmpty", "asyncio.queues"],
  ["QueueFull", "asyncio.queues"],
  ["QueueShutDown", "asyncio.queues"],
]);

/**
 * The last line of a Python traceback for `error`: `ValueError: boom`,
 * `ValueError` (no message), `asyncio.exceptions.CancelledError`.
 */
export function exceptionLine(error: unknown): string {
  if (!(error instanceof Error)) return `Exception: ${str(error)}`;
  const name = errorTypeName(error);
  const module = ASYNCIO_EXCEPTIONS.get(name);
  const qualified = module === undefined ? name : `${module}.${name}`;
  const text = str(error);
  return text === "" ? qualified : `${qualified}: ${text}`;
}

/** The name Python would show for an error's class: a plain `Error` is `Exception`. */
export function errorTypeName(error: Error): string {
  if (error.constructor === Error) return "Exception";
  return error.constructor?.name || error.name || "Exception";
}

/**
 * `f"{x:.{digits}f}"`: fixed-point with Python's rounding. `Number#toFixed`
 * rounds an exact tie away from zero (0.25 → "0.3"); Python rounds it to even ("0.2").
 */
export function fixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return shortestFloat(x);
  // toFixed switches to exponent form from 1e21; such doubles are integers anyway.
  if (Math.abs(x) >= 1e21) return `${BigInt(x)}${digits > 0 ? `.${"0".repeat(digits)}` : ""}`;
  const plain = x.toFixed(digits);
  const exact = x.toFixed(Math.min(100, digits + 40));
  const tail = exact.slice(exact.length - 40);
  if (!/^50*$/.test(tail)) return plain;
  // An exact tie: round half to even on the kept digits.
  const kept = exact.slice(0, exact.length - 40);
  const lastDigit = Number(kept.replace(/\D/g, "").slice(-1));
  if (lastDigit % 2 === 0) return kept.endsWith(".") ? kept.slice(0, -1) : kept;
  return plain;
}

/** `seen` (for cycles) is made at the first container: most values repr'd per event are numbers or tasks. */
function reprIn(value: unknown, seenSoFar: Set<object> | null): string {
  switch (typeof value) {
    case "string":
      return reprString(value);
    case "number":
      return reprNumber(value);
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? "True" : "False";
    case "undefined":
      return "None";
    case "symbol":
      return value.toString();
    case "function":
      return `<function ${value.name || "<anonymous>"}>`;
  }
  if (value === null) return "None";
  const obj = value as Record<PropertyKey, unknown>;
  const own = obj[REPR];
  if (typeof own === "function") return String(own.call(obj));
  const seen = seenSoFar ?? new Set<object>();
  if (seen.has(obj)) return Array.isArray(obj) ? "[...]" : "{...}";
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      const items = obj.map((v) => reprIn(v, seen));
      if (!isTuple(obj)) return `[${items.join(", ")}]`;
      return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
    }
    if (obj instanceof Error) return reprError(obj, seen);
    if (obj instanceof Map) {
      const items = [...obj].map(([k, v]) => `${reprIn(k, seen)}: ${reprIn(v, seen)}`);
      return `{${items.join(", ")}}`;
    }
    if (obj instanceof Set) {
      if (obj.size === 0) return "set()";
      return `{${[...obj].map((v) => reprIn(v, seen)).join(", ")}}`;
    }
    if (obj instanceof Promise) return "<Promise>";
    const proto = Object.getPrototypeOf(obj);
    if (proto === Object.prototype || proto === null) {
      const items = Object.entries(obj).map(([k, v]) => `${reprString(k)}: ${reprIn(v, seen)}`);
      return `{${items.join(", ")}}`;
    }
    return `<${proto?.constructor?.name ?? "object"} object>`;
  } finally {
    seen.delete(obj);
  }
}

function reprError(error: Error, seen: Set<object>): string {
  const args = error instanceof PythonError ? error.args : hasMessage(error) ? [error.message] : [];
  return `${errorTypeName(error)}(${args.map((a) => reprIn(a, seen)).join(", ")})`;
}

function reprNumber(x: number): string {
  if (Number.isInteger(x)) {
    // Past 2**53 the shortest digits are not the integer the double holds; Python's int() prints it exactly.
    if (Math.abs(x) <= Number.MAX_SAFE_INTEGER) return Object.is(x, -0) ? "0" : String(x);
    return BigInt(x).toString();
  }
  return shortestFloat(x);
}

/** Python's float repr: the shortest round-trip digits, exponent form outside 1e-4 ≤ |x| < 1e16. */
function shortestFloat(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Number.POSITIVE_INFINITY) return "inf";
  if (x === Number.NEGATIVE_INFINITY) return "-inf";
  const [mantissa, expText] = x.toExponential().split("e") as [string, string];
  const exp = Number(expText);
  if (exp >= -4 && exp < 16) return String(x);
  const digits = String(Math.abs(exp)).padStart(2, "0");
  return `${mantissa}e${exp < 0 ? "-" : "+"}${digits}`;
}

const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

/** Python's repr of a str: single quotes unless the text has ' and no ". */
function reprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    if (ch === quote || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch !== " " && NON_PRINTABLE.test(ch)) out += escapeCode(code);
    else out += ch;
  }
  return out + quote;
}

function escapeCode(code: number): string {
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, "0")}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, "0")}`;
  return `\\U${code.toString(16).padStart(8, "0")}`;
}
