/** `async-demo list`: every built-in scenario with the rule it teaches. */
import type { Scenario } from "../runtime/scenario.js";

export function listScenarios(scenarios: readonly Scenario[]): string {
  const width = Math.max(...scenarios.map((s) => s.name.length)) + 2;
  const lines = ["Scenarios (run one with: async-demo <name>):", ""];
  for (const s of scenarios) {
    lines.push(`  ${s.name.padEnd(width)}${s.title}`);
    lines.push(`  ${" ".repeat(width)}${s.summary}`);
  }
  return `${lines.join("\n")}\n`;
}
