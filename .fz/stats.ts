import fc from "fast-check";
import { program } from "../test/fuzz/gen.ts";
import { runPythonBatch } from "../test/fuzz/runner.ts";
import { findPython } from "../test/support/python.ts";
const seed = Number(process.argv[2] ?? 1), n = Number(process.argv[3] ?? 300);
const ps = fc.sample(program, { seed, numRuns: n });
const r = await runPythonBatch(findPython()!, ps);
const counts = new Map<string, number>();
const pats = ["call_soon", "call_later", " done t", "rescheduled", "create_task raised", "RuntimeError", "caught ValueError(.s", "caught CancelledError", "caught ValueError", "caught ExceptionGroup", "tg raised", "tg done", "note:", "cancel t", "cancel self", "wait done", "next", "as_completed timeout", "timeout block expired", "timeout block done", "wait_for timeout", "wait_for ->", "shield ->", "shield raised", "gather ->", "gather raised", "uncancel", "cleanup", "run raised CancelledError", "run raised ValueError", "run raised ExceptionGroup", "run ->", "finally", "await t", "raised CancelledError", "pending(", "cancelled", "swallowed"];
let lines = 0;
for (const o of r.outputs) { const L = (o ?? "").split("\n"); lines += L.length; for (const p of pats) if (L.some(l => l.includes(p))) counts.set(p, (counts.get(p) ?? 0) + 1); }
console.log("avg lines", lines / n);
for (const p of pats) console.log(String(counts.get(p) ?? 0).padStart(5), p);
