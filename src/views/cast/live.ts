/**
 * `--cast FILE` with the dashboard: records what the dashboard writes to the
 * terminal, as written and when (wall time since the start), the terminal's
 * resizes, and every key pressed as a marker. It only listens: output still
 * goes to the terminal, and keys are seen as Ink reads them, never taken.
 */
import { Asciicast } from "./asciicast.js";
import { keyNames } from "./keys.js";

type Write = typeof process.stdout.write;

export interface LiveRecording {
  /** Stop listening; the recording's text. */
  stop(): string;
}

export function recordTerminal(title: string, command: string): LiveRecording {
  const stdout = process.stdout;
  const stdin = process.stdin;
  const start = performance.now();
  const now = () => (performance.now() - start) / 1000;
  const env: Record<string, string> = {};
  if (process.env.TERM) env.TERM = process.env.TERM;
  const cast = new Asciicast({ width: stdout.columns || 80, height: stdout.rows || 24, title, command, env });

  const write: Write = stdout.write;
  const tee = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    cast.output(now(), typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as Write;
  stdout.write = tee;

  // Ink pulls keys with stdin.read(): seeing what it returns leaves the stream's flow untouched.
  const read = stdin.read;
  stdin.read = function (this: NodeJS.ReadStream, size?: number) {
    const chunk = read.call(this, size);
    if (chunk !== null && chunk !== undefined) {
      const text = typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8");
      for (const name of keyNames(text)) cast.marker(now(), name);
    }
    return chunk;
  } as typeof stdin.read;

  const onResize = () => cast.resize(now(), stdout.columns, stdout.rows);
  stdout.on("resize", onResize);

  return {
    stop(): string {
      if (stdout.write === tee) stdout.write = write;
      stdin.read = read;
      stdout.off("resize", onResize);
      return cast.text();
    },
  };
}
