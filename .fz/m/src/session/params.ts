/**
 * Scenario parameters from `--set key=value`: checked against the scenario's
 * declared types and limits, so a typo is one clear line, never a run with NaN.
 */
import type { ParamSpec, Scenario } from "../runtime/scenario.js";

/** What parameter handling needs of a scenario. */
type Declared = Pick<Scenario, "name" | "params">;

import { UsageError } from "./usage-error.js";

export type ParamValue = number | boolean | string;

/** The scenario's defaults. */
export function defaultParams(scenario: Declared): Record<string, ParamValue> {
  return Object.fromEntries(Object.entries(scenario.params).map(([k, spec]) => [k, spec.default]));
}

function parseValue(scenario: Declared, key: string, spec: ParamSpec, text: string): ParamValue {
  const where = `parameter '${key}' of ${scenario.name}`;
  switch (spec.type) {
    case "number":
    case "integer": {
      const value = text.trim() === "" ? Number.NaN : Number(text);
      if (!Number.isFinite(value)) throw new UsageError(`${where} must be a number, got '${text}'`);
      if (spec.type === "integer" && !Number.isInteger(value))
        throw new UsageError(`${where} must be a whole number, got '${text}'`);
      if (spec.min !== undefined && value < spec.min)
        throw new UsageError(`${where} must be at least ${spec.min}, got ${text}`);
      if (spec.max !== undefined && value > spec.max)
        throw new UsageError(`${where} must be at most ${spec.max}, got ${text}`);
      return value;
    }
    case "boolean": {
      const lower = text.toLowerCase();
      if (["true", "yes", "on", "1"].includes(lower)) return true;
      if (["false", "no", "off", "0"].includes(lower)) return false;
      throw new UsageError(`${where} must be true or false, got '${text}'`);
    }
    case "string":
      if (spec.choices && !spec.choices.includes(text)) {
        throw new UsageError(`${where} must be one of ${spec.choices.join(", ")}, got '${text}'`);
      }
      return text;
  }
}

/** Apply `key=value` assignments over the defaults. */
export function resolveParams(scenario: Declared, assignments: readonly string[]): Record<string, ParamValue> {
  const values = defaultParams(scenario);
  for (const assignment of assignments) {
    const eq = assignment.indexOf("=");
    if (eq <= 0) throw new UsageError(`--set needs key=value, got '${assignment}'`);
    const key = assignment.slice(0, eq);
    const spec = scenario.params[key];
    if (spec === undefined) {
      const known = Object.keys(scenario.params);
      throw new UsageError(
        `${scenario.name} has no parameter '${key}'${known.length ? ` (it has: ${known.join(", ")})` : " (it takes none)"}`,
      );
    }
    values[key] = parseValue(scenario, key, spec, assignment.slice(eq + 1));
  }
  return values;
}
