/** `async-demo show SCENARIO`: the rule, the parameters, the TypeScript source and the Python twin. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Scenario } from "../runtime/scenario.js";
import { packageRoot } from "./package-root.js";

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

function source(file: string): string {
  const path = join(packageRoot(), "scenarios", file);
  return existsSync(path) ? readFileSync(path, "utf8").trimEnd() : "(not shipped with this copy)";
}

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
  out.push(`── TypeScript: scenarios/${scenario.name}.ts ──`, source(`${scenario.name}.ts`), "");
  out.push(
    `── Python twin (CPython 3.13 prints the same): scenarios/${scenario.name}.py ──`,
    source(`${scenario.name}.py`),
    "",
  );
  return out.join("\n");
}
