// A terminal for the UI measurements: the real binary in a pseudo-terminal
// (@lydell/node-pty), its output fed to a headless xterm so the screen can be
// read as a person sees it (the few lines of test/support/pty.ts needed here,
// in plain JavaScript, plus arrival times of the raw output).
import { fileURLToPath } from "node:url";
import pty from "@lydell/node-pty";
import xterm from "@xterm/headless";

export const BIN = fileURLToPath(new URL("../../bin/async-demo", import.meta.url));

/**
 * Spawn `node bin/async-demo ...args` in a pty. `chunks` records every piece of
 * output with its arrival time (performance.now()); `onScreen` listeners run
 * after xterm has digested each chunk.
 */
export function spawnTerminal(args, { columns = 120, rows = 40, env: extra = {} } = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== "CI") env[k] = v;
  Object.assign(env, { TERM: "xterm-256color", FORCE_COLOR: "1" }, extra);
  delete env.NO_COLOR;
  const term = new xterm.Terminal({ cols: columns, rows, allowProposedApi: true });
  const startedAt = performance.now();
  const child = pty.spawn(process.execPath, [BIN, ...args], {
    name: "xterm-256color",
    cols: columns,
    rows,
    env,
    cwd: process.cwd(),
  });
  const chunks = [];
  const listeners = new Set();
  child.onData((data) => {
    const at = performance.now();
    chunks.push({ at, data });
    term.write(data, () => {
      for (const l of [...listeners]) l(at);
    });
  });
  const exited = new Promise((resolve) => {
    child.onExit(({ exitCode, signal }) =>
      term.write("", () => resolve({ status: signal ? 128 + signal : exitCode, signal })),
    );
  });
  const screen = () => {
    const buffer = term.buffer.active;
    const out = [];
    for (let i = 0; i < term.rows; i++) out.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? "");
    return out;
  };
  /** Resolves with the arrival time of the chunk after which `predicate(screenLines)` holds. */
  const when = (predicate, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      if (predicate(screen())) return resolve(performance.now());
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms; screen was:\n${screen().join("\n")}`));
      }, timeoutMs);
      const check = (at) => {
        if (!predicate(screen())) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve(at);
      };
      listeners.add(check);
    });
  return {
    pid: child.pid,
    startedAt,
    chunks,
    screen,
    when,
    raw: () => chunks.map((c) => c.data).join(""),
    write: (data) => child.write(data),
    kill: (signal) => {
      try {
        child.kill(signal);
      } catch {}
    },
    exited,
  };
}
