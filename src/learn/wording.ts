/**
 * How the quiz says things: short, concrete, in asyncio's names. Values are
 * Python reprs from the events, shortened (with …) so that a choice stays on
 * one or two lines of an 80-column screen; the full value stays visible in the
 * dashboard's task tree and the narrated log.
 */
import stringWidth from "string-width";
import type { Awaiting } from "../runtime/runtime-events.js";

/** Longest repr a choice quotes, in terminal cells. */
const VALUE_CELLS = 36;

/** A Python repr, cut to fit a choice: `'Data fetched'`, `ValueError('boom')`, `['a', 'b', …`. */
export function shortValue(repr: string): string {
  if (stringWidth(repr) <= VALUE_CELLS) return repr;
  let out = "";
  for (const char of repr) {
    if (stringWidth(`${out}${char}…`) > VALUE_CELLS) break;
    out += char;
  }
  return `${out}…`;
}

/** What a task waits on, as the question says it: `sleep 10.0s`, `Task-2`, `gather of 3`. */
export function waitText(awaiting: Awaiting | undefined): string {
  return awaiting === undefined ? "its await" : awaiting.text;
}

/** A loop time for a question: `t=1.0`, `t=0.25`. */
export function at(time: number): string {
  const fixed = Number.isInteger(time) ? time.toFixed(1) : String(Number(time.toFixed(3)));
  return `t=${fixed}`;
}

/** The exception's class from its repr: `ValueError('x')` → `ValueError`. */
export function exceptionName(repr: string): string {
  const paren = repr.indexOf("(");
  return paren > 0 ? repr.slice(0, paren) : repr;
}
