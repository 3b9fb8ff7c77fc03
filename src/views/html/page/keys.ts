/**
 * The page's keys: the dashboard's (src/views/tui/keymap.ts) where they make
 * sense for a recording, one table for the handler and the help. Keys that
 * would change the run (cancel, raise, Ctrl-C) say why a replay cannot.
 */
export type PageAction =
  | "up"
  | "down"
  | "pause"
  | "step"
  | "back"
  | "start"
  | "end"
  | "faster"
  | "slower"
  | "restart"
  | "language"
  | "code"
  | "help"
  | "close"
  | "changesRun";

export interface PageBinding {
  action: PageAction;
  keys: string;
  description: string;
  matches(e: KeyboardEvent): boolean;
}

const key =
  (...names: string[]) =>
  (e: KeyboardEvent) =>
    names.includes(e.key);

export const PAGE_KEYS: readonly PageBinding[] = [
  { action: "pause", keys: "space", description: "play / pause", matches: key(" ") },
  { action: "step", keys: "n →", description: "step to the next event (pauses)", matches: key("n", "ArrowRight") },
  { action: "back", keys: "b ←", description: "step back one event (pauses)", matches: key("b", "ArrowLeft") },
  { action: "start", keys: "Home", description: "go to the start", matches: key("Home") },
  { action: "end", keys: "End", description: "go to the end", matches: key("End") },
  { action: "faster", keys: "+", description: "double the speed", matches: key("+", "=") },
  { action: "slower", keys: "-", description: "halve the speed", matches: key("-", "_") },
  { action: "up", keys: "↑ k", description: "select the task above", matches: key("ArrowUp", "k") },
  { action: "down", keys: "↓ j", description: "select the task below", matches: key("ArrowDown", "j") },
  { action: "restart", keys: "r", description: "play from the start", matches: key("r") },
  { action: "language", keys: "p", description: "code: Python twin / TypeScript", matches: key("p") },
  { action: "code", keys: "v", description: "show / hide the code", matches: key("v") },
  { action: "help", keys: "?", description: "this help", matches: key("?", "h") },
  { action: "close", keys: "Esc", description: "close the help", matches: key("Escape") },
  {
    action: "changesRun",
    keys: "c ⏎ 1–9 a x",
    description: "(the dashboard's cancel and raise keys: a replay cannot change the run)",
    matches: (e) => /^[cax1-9]$/.test(e.key) || e.key === "Enter",
  },
];

export function pageBinding(e: KeyboardEvent): PageBinding | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  return PAGE_KEYS.find((b) => b.matches(e));
}

/**
 * Call `handlers[action]` for each key the page binds. A focused control keeps its own keys: the
 * scrubber its arrows and Home/End, a button or a link space and Enter.
 */
export function listenForKeys(handlers: Record<PageAction, () => void>): void {
  document.addEventListener("keydown", (e) => {
    const target = e.target instanceof Element ? e.target : null;
    if (target?.matches("input") && e.key !== " ") return;
    if (target?.matches("button, a") && (e.key === " " || e.key === "Enter")) return;
    const binding = pageBinding(e);
    if (binding === undefined) return;
    e.preventDefault();
    handlers[binding.action]();
  });
}
