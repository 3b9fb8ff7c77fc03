/**
 * print(): Python's print for scenarios. Text goes to the run's output (the
 * session shows it, `--quiet` prints exactly it) and becomes a `print` event;
 * outside any run it goes to the default output, stdout.
 */
import { formatPrint } from "./format.js";
import { maybeRunningLoop } from "./loop.js";

export type OutputSink = (text: string) => void;

let defaultOutput: OutputSink = (text) => {
  process.stdout.write(`${text}\n`);
};

let defaultErrorOutput: OutputSink = (text) => {
  process.stderr.write(`${text}\n`);
};

/** Where print() writes outside a run, and where runs write unless told otherwise. */
export function getDefaultOutput(): OutputSink {
  return defaultOutput;
}

/** Where runs write warnings unless told otherwise. */
export function getDefaultErrorOutput(): OutputSink {
  return defaultErrorOutput;
}

/** Redirect the default outputs (tests capture them); returns a function that restores the previous ones. */
export function setDefaultOutputs(output: OutputSink, errorOutput: OutputSink): () => void {
  const previous = [defaultOutput, defaultErrorOutput] as const;
  defaultOutput = output;
  defaultErrorOutput = errorOutput;
  return () => {
    [defaultOutput, defaultErrorOutput] = previous;
  };
}

/** Print values separated by spaces, formatted as Python's print would. */
export function print(...values: unknown[]): void {
  const text = formatPrint(values);
  const loop = maybeRunningLoop();
  if (loop === null || loop.closed) {
    defaultOutput(text);
    return;
  }
  // The task is found even when nobody listens: finding it may warn (several tasks in foreign waits).
  loop._events.print(loop._currentTask(), text);
  loop.output(text);
}
