/**
 * Every key of the dashboard, in one table: the input handler dispatches from
 * it and the help overlay lists it, so the two cannot disagree.
 */
import type { Key } from "ink";

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
  | "faster"
  | "slower"
  | "restart"
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
  matches(input: string, key: Key): boolean;
}

export const KEYMAP: readonly Binding[] = [
  { action: "up", keys: "↑ k", description: "select the task above", matches: (i, k) => k.upArrow || i === "k" },
  { action: "down", keys: "↓ j", description: "select the task below", matches: (i, k) => k.downArrow || i === "j" },
  {
    action: "cancel",
    keys: "c ⏎",
    description: "cancel the selected task (task.cancel())",
    matches: (i, k) => (i === "c" && !k.ctrl) || k.return,
  },
  { action: "cancelNumber", keys: "1–9", description: "cancel task number n", matches: (i) => /^[1-9]$/.test(i) },
  { action: "cancelAll", keys: "a", description: "cancel every task", matches: (i) => i === "a" },
  {
    action: "inject",
    keys: "x",
    description: "make the selected task raise where it waits (what if it failed now?)",
    matches: (i) => i === "x",
  },
  { action: "pause", keys: "space", description: "pause / resume the loop", matches: (i) => i === " " },
  {
    action: "step",
    keys: "n →",
    description: "step to the next event (pauses)",
    matches: (i, k) => i === "n" || k.rightArrow,
  },
  {
    action: "back",
    keys: "b ←",
    description: "step back one event (pauses)",
    matches: (i, k) => i === "b" || k.leftArrow,
  },
  { action: "faster", keys: "+", description: "double the speed", matches: (i) => i === "+" || i === "=" },
  { action: "slower", keys: "-", description: "halve the speed", matches: (i) => i === "-" || i === "_" },
  { action: "restart", keys: "r", description: "restart the scenario", matches: (i) => i === "r" },
  { action: "language", keys: "p", description: "code pane: Python twin / TypeScript", matches: (i) => i === "p" },
  { action: "code", keys: "v", description: "show / hide the code pane", matches: (i) => i === "v" },
  { action: "help", keys: "?", description: "this help and the legend", matches: (i) => i === "?" || i === "h" },
  {
    action: "quit",
    keys: "q",
    description: "quit (while running: at once, status 130)",
    matches: (i, k) => i === "q" || k.escape,
  },
  {
    action: "interrupt",
    keys: "Ctrl-C",
    description: "the scenario's Ctrl-C: cancel main, watch the cleanup, exit (again: at once)",
    matches: (i, k) => k.ctrl && i === "c",
  },
];

/**
 * Ink hands over several keys at once when they arrive together (`"qq"`,
 * `"\u0003\u0003"` — a second Ctrl-C while the app is busy): split them into
 * one press each. Escape sequences (arrows) arrive already parsed, as one key.
 */
export function splitKeys(input: string, key: Key): [string, Key][] {
  if (input.length <= 1) return [[input, key]];
  const plain: Key = { ...key, ctrl: false, return: false, escape: false };
  return [...input].map((ch): [string, Key] => {
    if (ch === "\u0003") return ["c", { ...plain, ctrl: true }];
    if (ch === "\r") return ["", { ...plain, return: true }];
    return [ch, plain];
  });
}

/** The binding for a key press, if any. Ctrl-C is checked first (it also reads as 'c'). */
export function bindingFor(input: string, key: Key): Binding | undefined {
  const interrupt = KEYMAP.find((b) => b.action === "interrupt") as Binding;
  if (interrupt.matches(input, key)) return interrupt;
  return KEYMAP.find((b) => b.action !== "interrupt" && b.matches(input, key));
}

/** The footer: the keys a newcomer needs, shortest first. */
export const FOOTER =
  "↑↓ select · c cancel · 1-9 · a all · x raise · space pause · n/b step · +/- speed · r restart · ? help · q quit";
