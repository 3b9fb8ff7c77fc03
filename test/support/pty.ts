/**
 * End-to-end terminal tests: run the real binary in a pseudo-terminal
 * (@lydell/node-pty) and read the screen as a person would see it
 * (@xterm/headless). CI is removed from the child's environment (Ink only
 * draws the last frame when it thinks it runs in CI).
 */
import { fileURLToPath } from "node:url";
import pty from "@lydell/node-pty";
import xterm from "@xterm/headless";
import { afterEach } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/async-demo", import.meta.url));

export interface Terminal {
  /** The visible screen, one string per row, right-trimmed. */
  screen(): string[];
  /** Everything the program wrote (raw bytes as text). */
  raw(): string;
  write(data: string): void;
  kill(signal?: string): void;
  resize(columns: number, rows: number): void;
  /** Resolves with the screen once `predicate` holds (polling), or rejects after `timeoutMs`. */
  waitFor(predicate: (screen: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit status (a signal death counts as 128 + n). */
  exited: Promise<{ status: number; signal: number | undefined }>;
  readonly pid: number;
}

export interface TerminalOptions {
  columns?: number;
  rows?: number;
  env?: Record<string, string>;
  noColor?: boolean;
}

/**
 * A spawnTerminal with the file's defaults whose terminals are all killed after each test, whatever
 * happened in it: a failed wait must not leave a child drawing (and loading the machine) behind.
 */
export function terminalLauncher(
  defaults: TerminalOptions = {},
): (args: string[], options?: TerminalOptions) => Terminal {
  const open: Terminal[] = [];
  afterEach(() => {
    for (const t of open.splice(0)) {
      try {
        t.kill("SIGKILL");
      } catch {
        // already gone
      }
    }
  });
  return (args, options = {}) => {
    const t = spawnTerminal(args, { ...defaults, ...options });
    open.push(t);
    return t;
  };
}

/** Colours are forced on (FORCE_COLOR=1, no NO_COLOR) unless `noColor`: then the environment a NO_COLOR user has. */
export function spawnTerminal(args: string[], options: TerminalOptions = {}): Terminal {
  const columns = options.columns ?? 100;
  const rows = options.rows ?? 30;
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== "CI") env[k] = v;
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  Object.assign(
    env,
    { TERM: "xterm-256color" },
    options.noColor ? { NO_COLOR: "1" } : { FORCE_COLOR: "1" },
    options.env ?? {},
  );
  const term = new xterm.Terminal({ cols: columns, rows, allowProposedApi: true });
  const child = pty.spawn(process.execPath, [BIN, ...args], {
    name: "xterm-256color",
    cols: columns,
    rows,
    env,
    cwd: process.cwd(),
  });
  let raw = "";
  child.onData((data) => {
    raw += data;
    term.write(data);
  });
  const exited = new Promise<{ status: number; signal: number | undefined }>((resolve) => {
    child.onExit(({ exitCode, signal }) => {
      // Let xterm digest the last bytes.
      term.write("", () => resolve({ status: signal ? 128 + signal : exitCode, signal: signal || undefined }));
    });
  });
  const screen = () => {
    const buffer = term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < term.rows; i++) out.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? "");
    return out;
  };
  return {
    screen,
    raw: () => raw,
    write: (data) => child.write(data),
    kill: (signal) => child.kill(signal),
    resize: (c, r) => {
      child.resize(c, r);
      term.resize(c, r);
    },
    waitFor: (predicate, timeoutMs = 8000) =>
      new Promise((resolve, reject) => {
        const start = Date.now();
        const poll = () => {
          const text = screen().join("\n");
          if (predicate(text)) resolve(text);
          else if (Date.now() - start > timeoutMs) reject(new Error(`timed out waiting; screen was:\n${text}`));
          else setTimeout(poll, 25);
        };
        poll();
      }),
    exited,
    pid: child.pid,
  };
}
