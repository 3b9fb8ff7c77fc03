/**
 * One CPython process running a program under the probe (python/probe.py).
 *
 * The child gets a process group of its own (a new session, `detached`): a
 * Ctrl-C typed in the terminal reaches only async-demo, which forwards exactly
 * one SIGINT to the group, so asyncio.run's own handler sees one Ctrl-C per key
 * press, never two (the terminal's and ours). Signalling the group, not the
 * pid, also reaches processes the program started, as a terminal would.
 *
 * fd 3 carries the probe's events (JSON lines), fd 4 our commands to it. The
 * program's stdin, stdout and stderr are its own or, where a view owns the
 * terminal, empty / dropped / captured.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { constants } from "node:os";
import type { Readable, Writable } from "node:stream";

export interface ProbeLaunch {
  executable: string;
  /** python/probe.py */
  probe: string;
  /** The probe's own options (see python/PROTOCOL.md). */
  options: string[];
  program: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  /** `inherit`: the program reads our stdin; `empty`: it reads end of file at once. */
  stdin: "inherit" | "empty";
  /** `inherit`: the program writes straight to our stdout; `drop`: its lines arrive as print events only. */
  stdout: "inherit" | "drop";
  /** `inherit`: straight to our stderr; `capture`: kept to be shown once the terminal is ours again. */
  stderr: "inherit" | "capture";
  /** Whether the probe writes events (fd 3). */
  events: boolean;
}

export interface Ended {
  /** As a shell reports it: the exit code, or 128 + the signal that killed it. */
  status: number;
  /** What the program wrote to stderr, when captured (the tail of it, if it wrote a lot). */
  stderr: string;
}

/** Keep at most this much of a captured stderr: a traceback fits many times over. */
const STDERR_KEEP = 256 * 1024;
/** After the exit, how long the pipes may stay open (held by something the program started). */
const DRAIN_MS = 2000;

export class ProbeProcess {
  readonly child: ChildProcess;
  readonly events: Readable | undefined;
  private readonly commands: Writable;
  private stderrText = "";
  private stderrCut = false;
  private exited = false;
  /** Resolves once the process has exited and its streams are drained. */
  readonly ended: Promise<Ended>;

  constructor(launch: ProbeLaunch) {
    const eventsFd = launch.events ? ["--events-fd", "3"] : [];
    this.child = spawn(
      launch.executable,
      [launch.probe, ...eventsFd, "--commands-fd", "4", ...launch.options, "--", launch.program, ...launch.args],
      {
        env: launch.env,
        detached: true,
        stdio: [
          launch.stdin === "inherit" ? "inherit" : "ignore",
          launch.stdout === "inherit" ? "inherit" : "pipe",
          launch.stderr === "inherit" ? "inherit" : "pipe",
          launch.events ? "pipe" : "ignore",
          "pipe",
        ],
      },
    );
    const stdio = this.child.stdio;
    this.events = launch.events ? (stdio[3] as Readable) : undefined;
    this.commands = stdio[4] as Writable;
    // The commands pipe closes when the child dies: a command sent then is simply lost.
    this.commands.on("error", () => {});
    // Drained, not shown: a view made of print events replaces the raw stdout.
    this.child.stdout?.resume();
    this.child.stderr?.setEncoding("utf8");
    this.child.stderr?.on("data", (text: string) => this.keepStderr(text));
    const streamsDone = [this.events, this.child.stdout, this.child.stderr]
      .filter((s): s is Readable => s !== undefined && s !== null)
      .map((s) => new Promise<void>((resolve) => s.once("close", () => resolve())));
    const exit = new Promise<number>((resolve) => {
      this.child.once("error", (error) => {
        this.exited = true;
        this.stderrText += `async-demo: cannot start ${launch.executable}: ${error.message}\n`;
        resolve(127);
      });
      this.child.once("exit", (code, signal) => {
        this.exited = true;
        resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
      });
    });
    // A process the program started may keep a pipe open after the program exits: wait for it only so long.
    const drained = exit.then(() =>
      Promise.race([Promise.all(streamsDone), new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref())]),
    );
    this.ended = Promise.all([exit, drained]).then(([status]) => ({
      status,
      stderr: this.stderrCut ? `[… the start of the program's stderr was cut]\n${this.stderrText}` : this.stderrText,
    }));
    // The probe must never outlive async-demo, whatever way it leaves.
    process.on("exit", this.killOnExit);
    void this.ended.then(() => process.off("exit", this.killOnExit));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** One JSON line on the commands fd. */
  send(message: object): void {
    if (this.exited || this.commands.destroyed) return;
    this.commands.write(`${JSON.stringify(message)}\n`);
  }

  /** Send `signal` to the child's process group (the program and anything it started). */
  signal(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined || this.exited) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is already gone.
    }
  }

  /** Stop it for good (a restart, a replay, the viewer quit). */
  kill(): void {
    this.signal("SIGKILL");
  }

  private readonly killOnExit = (): void => {
    this.kill();
  };

  private keepStderr(text: string): void {
    this.stderrText += text;
    if (this.stderrText.length > STDERR_KEEP) {
      this.stderrText = this.stderrText.slice(this.stderrText.length - STDERR_KEEP / 2);
      this.stderrCut = true;
    }
  }
}
