/**
 * Python-style tracebacks for what main raised, written to stderr. The frames
 * come from the JavaScript stack (scenario and user code only, runtime frames
 * left out); the last line is the one CPython prints: `ValueError: boom`,
 * `ValueError`, `asyncio.exceptions.CancelledError`, `KeyboardInterrupt`.
 */
import { sep } from "node:path";
import { fileURLToPath } from "node:url";
import { ExceptionGroup } from "../runtime/errors.js";
import { exceptionLine } from "../runtime/format.js";
import { packageRoot } from "../session/package-root.js";

const FRAME = /^\s*at (?:async )?(?:(.+?) \()?(.+?):(\d+):\d+\)?$/;

/** Frames worth showing: the scenario's code (built-in or the user's), not async-demo's machinery or Node's. */
function shown(file: string): boolean {
  if (file.startsWith("node:") || file.includes(`${sep}node_modules${sep}`)) return false;
  const root = packageRoot() + sep;
  if (!file.startsWith(root)) return true;
  const inside = file.slice(root.length);
  return inside.startsWith(`scenarios${sep}`) || inside.startsWith(`dist${sep}scenarios${sep}`);
}

function frames(error: unknown): string[] {
  if (!(error instanceof Error) || typeof error.stack !== "string") return [];
  const out: string[] = [];
  for (const line of error.stack.split("\n").slice(1)) {
    const m = FRAME.exec(line);
    if (!m) continue;
    const [, fn, location, lineNo] = m as unknown as [string, string | undefined, string, string];
    const file = location.startsWith("file:") ? fileURLToPath(location) : location;
    if (!shown(file)) continue;
    // V8 names a method call `Class.name` (the runtime calls the coroutine's function as `Coroutine.main`).
    const name = fn?.replace(/^async /, "").replace(/^(?:Object|Coroutine|Task)\./, "") || "<module>";
    out.push(`  File "${file}", line ${lineNo}, in ${name}`);
  }
  return out.reverse();
}

function plain(error: unknown, indent: string): string[] {
  return [
    `${indent}Traceback (most recent call last):`,
    ...frames(error).map((f) => indent + f),
    indent + exceptionLine(error),
  ];
}

/** The traceback CPython would print for `error` escaping asyncio.run(). */
export function formatTraceback(error: unknown): string {
  if (!(error instanceof ExceptionGroup)) return plain(error, "").join("\n");
  const lines = ["  + Exception Group Traceback (most recent call last):"];
  for (const f of frames(error)) lines.push(`  | ${f}`);
  lines.push(`  | ${exceptionLine(error)}`);
  error.exceptions.forEach((sub, i) => {
    lines.push(`${i === 0 ? "  +-+" : "    +"}---------------- ${i + 1} ----------------`);
    for (const line of plain(sub, "")) lines.push(`    | ${line}`);
  });
  lines.push("    +------------------------------------");
  return lines.join("\n");
}
