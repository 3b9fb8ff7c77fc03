/**
 * defineScenario: a demonstration the CLI can run, show and explain. A scenario
 * is data plus a main coroutine; the session runs it, the views narrate it.
 */
import type { RuntimeEvent } from "./runtime-events.js";

/** One tunable value of a scenario (`--set name=value`). */
export type ParamSpec =
  | { type: "number" | "integer"; default: number; min?: number; max?: number; description: string }
  | { type: "boolean"; default: boolean; description: string }
  | { type: "string"; default: string; choices?: readonly string[]; description: string };

export type ParamValues<P extends Record<string, ParamSpec>> = {
  [K in keyof P]: P[K]["default"];
};

/** Names of the run's tasks, for hints that mention them. */
export interface HintContext {
  /** Task id → coroutine name (`fetch_data`). */
  coroName(task: number): string;
  /** Task id → task name (`Task-2`). */
  taskName(task: number): string;
}

export interface Scenario<P extends Record<string, ParamSpec> = Record<string, ParamSpec>> {
  /** Command-line name: `async-demo gather`. */
  name: string;
  /** One line, for the dashboard header. */
  title: string;
  /** One sentence for `async-demo list`. */
  summary: string;
  /** The rule it demonstrates, in two or three sentences a learner remembers. */
  explain: string;
  params: P;
  /** The main coroutine: receives the parameter values. */
  main: (params: ParamValues<P>) => unknown;
  /**
   * For scenarios about Ctrl-C: the invitation the dashboard shows while the run plays and nobody
   * has pressed it yet ("press Ctrl-C now: …").
   */
  interruptPrompt?: string;
  /** Narration: a sentence for the events where the rule shows, or undefined. */
  hint?: (event: RuntimeEvent, context: HintContext) => string | undefined;
}

const NAME = /^[a-z][a-z0-9-]*$/;

/** Declare a scenario; checks the definition so mistakes show at load time. */
export function defineScenario<P extends Record<string, ParamSpec>>(scenario: Scenario<P>): Scenario {
  if (!NAME.test(scenario.name))
    throw new TypeError(`scenario name '${scenario.name}' must be lower-case words joined by '-'`);
  if (typeof scenario.main !== "function") throw new TypeError(`scenario '${scenario.name}' needs a main function`);
  for (const [key, spec] of Object.entries(scenario.params ?? {})) {
    if (
      (spec.type === "number" || spec.type === "integer") &&
      (typeof spec.default !== "number" ||
        (spec.min !== undefined && spec.default < spec.min) ||
        (spec.max !== undefined && spec.default > spec.max))
    ) {
      throw new TypeError(`scenario '${scenario.name}': default of '${key}' is outside its limits`);
    }
  }
  return { ...scenario, params: scenario.params ?? {} } as unknown as Scenario;
}

/** True for objects made by defineScenario (or shaped like them). */
export function isScenario(value: unknown): value is Scenario {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Scenario).main === "function" &&
    typeof (value as Scenario).name === "string"
  );
}
