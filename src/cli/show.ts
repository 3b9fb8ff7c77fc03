/** `async-demo show SCENARIO`: the rule, the parameters, the TypeScript source and the Python twin. */
import type { Scenario } from "../runtime/scenario.js";
import { scenarioSources } from "../session/sources.js";

function wrap(text: string, width = 78): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const MISSING = "(not shipped with this copy)";

export function showScenario(scenario: Scenario): string {
  const out = [`${scenario.name} — ${scenario.title}`, "", ...wrap(scenario.explain), ""];
  const params = Object.entries(scenario.params);
  if (params.length > 0) {
    out.push("Parameters (--set key=value):");
    for (const [key, spec] of params) {
      const limits =
        spec.type === "number" || spec.type === "integer"
          ? ` (${spec.min ?? "…"}–${spec.max ?? "…"})`
          : spec.type === "string" && spec.choices
            ? ` (${spec.choices.join(", ")})`
            : "";
      out.push(`  ${`${key}=${spec.default}`.padEnd(22)}${spec.description}${limits}`);
    }
    out.push("");
  }
  const sources = scenarioSources(scenario.name);
  out.push(`── TypeScript: ${sources.typescriptFile} ──`, sources.typescript ?? MISSING, "");
  out.push(`── Python twin (CPython 3.13 prints the same): ${sources.pythonFile} ──`, sources.python ?? MISSING, "");
  return out.join("\n");
}
