/**
 * Every key of the dashboard, in one table: the input handler dispatches from
 * it, the help overlay lists it and the key bar names from it, so they cannot
 * disagree.
 */
import type { Key } from "ink";

/** One key press. */
export interface KeyPress {
  /** The character typed, if printable (`"c"`, `"?"`, `" "`); "" for named keys. */
  input: string;
  /** A named key: `up`, `down`, `left`, `right`, `return`, `escape`; or the letter pressed with Ctrl. */
  name?: string | undefined;
  ctrl?: boolean | undefined;
  meta?: boolean | undefined;
}

export type Action =
  | "up"
  | "down"
  | "cancel"
  | "cancelNumber"
  | "cancelAll"
  | "inject"
  | "pause"
  | "step"
  | "back"
  | "jumpBack"
  | "jumpForward"
  | "taskBack"
  | "taskForward"
  | "faster"
  | "slower"
  | "restart"
  | "more"
  | "language"
  | "code"
  | "help"
  | "quit"
  | "interrupt";

export interface Binding {
  action: Action;
  /** How the help shows the key. */
  keys: string;
  description: string;
  matches(key: KeyPress): boolean;
}

const plain = (k: KeyPress) => !k.ctrl && !k.meta;
const is = (ch: string) => (k: KeyPress) => plain(k) && k.input === ch;

export const KEYMAP: readonly Binding[] = [
  {
    action: "up",
    keys: "↑ k",
    description: "select the task above",
    matches: (k) => k.name === "up" || is("k")(k),
  },
  {
    action: "down",
    keys: "↓ j",
    description: "select the task below",
    matches: (k) => k.name === "down" || is("j")(k),
  },
  {
    action: "cancel",
    keys: "c ⏎",
    description: "cancel the selected task (task.cancel())",
    matches: (k) => is("c")(k) || k.name === "return",
  },
  {
    action: "cancelNumber",
    keys: "1–9",
    description: "cancel task number n",
    matches: (k) => plain(k) && /^[1-9]$/.test(k.input),
  },
  { action: "cancelAll", keys: "a", description: "cancel every task", matches: is("a") },
  {
    action: "inject",
    keys: "x",
    description: "make the selected task raise where it waits (what if it failed now?)",
    matches: is("x"),
  },
  { action: "pause", keys: "space", description: "pause / resume the loop", matches: is(" ") },
  {
    action: "step",
    keys: "n →",
    description: "step to the next event (pauses)",
    matches: (k) => is("n")(k) || k.name === "right",
  },
  {
    action: "back",
    keys: "b ←",
    description: "step back one event (pauses)",
    matches: (k) => is("b")(k) || k.name === "left",
  },
  {
    action: "jumpBack",
    keys: "[",
    description: "jump back a tenth of the loop time so far (long histories)",
    matches: is("["),
  },
  {
    action: "jumpForward",
    keys: "]",
    description: "jump forward a tenth of the loop time so far",
    matches: is("]"),
  },
  {
    action: "taskBack",
    keys: "{",
    description: "back to the selected task's previous event",
    matches: is("{"),
  },
  {
    action: "taskForward",
    keys: "}",
    description: "on to the selected task's next event",
    matches: is("}"),
  },
  { action: "faster", keys: "+", description: "double the speed", matches: (k) => is("+")(k) || is("=")(k) },
  { action: "slower", keys: "-", description: "halve the speed", matches: (k) => is("-")(k) || is("_")(k) },
  { action: "restart", keys: "r", description: "restart the scenario (after the end: replay it)", matches: is("r") },
  {
    action: "more",
    keys: "m",
    description: "after the end: the summary's next page, then the log in its place (how the run unwound)",
    matches: is("m"),
  },
  { action: "language", keys: "p", description: "code pane: Python twin / TypeScript", matches: is("p") },
  { action: "code", keys: "v", description: "show / hide the code pane", matches: is("v") },
  {
    action: "help",
    keys: "?",
    description: "this help and the legend (pauses the run while open)",
    matches: (k) => is("?")(k) || is("h")(k),
  },
  {
    action: "quit",
    keys: "q",
    description: "quit (while running: at once, status 130; after the end: the run's status)",
    matches: (k) => is("q")(k) || k.name === "escape",
  },
  {
    action: "interrupt",
    keys: "Ctrl-C",
    description: "the scenario's Ctrl-C: cancel main, watch the cleanup (again: exit at once)",
    matches: (k) => k.ctrl === true && k.name === "c",
  },
];

/** The binding for a key press, if any. Ctrl-C is checked first (it also names the letter c). */
export function bindingFor(key: KeyPress): Binding | undefined {
  const interrupt = KEYMAP.find((b) => b.action === "interrupt") as Binding;
  if (interrupt.matches(key)) return interrupt;
  return KEYMAP.find((b) => b.action !== "interrupt" && b.matches(key));
}

const NAMED: [keyof Key, string][] = [
  ["upArrow", "up"],
  ["downArrow", "down"],
  ["leftArrow", "left"],
  ["rightArrow", "right"],
  ["return", "return"],
  ["escape", "escape"],
  ["pageUp", "pageup"],
  ["pageDown", "pagedown"],
];

/**
 * Ink's (input, key) as key presses. Ink hands over several keys at once when
 * they arrive together (`"qq"`, `"\u0003\u0003"` — a second Ctrl-C while the
 * app is busy): they become one press each. Escape sequences (arrows) arrive
 * already parsed, as one key.
 */
export function keyPresses(input: string, key: Key): KeyPress[] {
  const named = NAMED.find(([flag]) => key[flag] === true)?.[1];
  if (input.length <= 1 || named !== undefined) {
    if (named !== undefined) return [{ input: "", name: named, ctrl: key.ctrl, meta: key.meta }];
    if (key.ctrl || key.meta) return [{ input: "", name: input, ctrl: key.ctrl, meta: key.meta }];
    return [{ input }];
  }
  return [...input].map((ch): KeyPress => {
    if (ch === "\u0003") return { input: "", name: "c", ctrl: true };
    if (ch === "\r") return { input: "", name: "return" };
    return { input: ch };
  });
}
