/** `async-demo` alone in a terminal: choose a scenario with ↑↓ and Enter (q or Esc to leave). */
import { Box, render, Text, useInput } from "ink";
import { useState } from "react";
import type { Scenario } from "../../runtime/scenario.js";
import { clip } from "./text.js";
import { useTerminalSize } from "./use-terminal-size.js";

function Picker({ scenarios, onPick }: { scenarios: readonly Scenario[]; onPick: (s: Scenario | undefined) => void }) {
  const [index, setIndex] = useState(0);
  const { columns } = useTerminalSize();
  const width = Math.max(20, columns - 1);
  const choose = onPick;
  useInput((input, key) => {
    if (key.upArrow || input === "k") setIndex((i) => (i + scenarios.length - 1) % scenarios.length);
    else if (key.downArrow || input === "j") setIndex((i) => (i + 1) % scenarios.length);
    else if (key.return) choose(scenarios[index]);
    else if (input === "q" || key.escape || (key.ctrl && input === "c")) choose(undefined);
  });
  const current = scenarios[index];
  return (
    <Box flexDirection="column">
      <Text bold>async-demo — pick a scenario (↑↓ move · Enter run · q quit)</Text>
      {scenarios.map((s, i) => (
        <Text key={s.name} inverse={i === index}>
          {clip(`${i === index ? "›" : " "} ${s.name.padEnd(18)} ${s.title}`, width)}
        </Text>
      ))}
      <Text color="cyan">{clip(current ? `  ${current.summary}` : "", width)}</Text>
    </Box>
  );
}

/** Resolves with the chosen scenario, or undefined if the user left. The list is erased either way. */
export function pickScenario(scenarios: readonly Scenario[]): Promise<Scenario | undefined> {
  return new Promise((resolve) => {
    const instance = render(
      <Picker
        scenarios={scenarios}
        onPick={(picked) => {
          instance.clear();
          instance.unmount();
          resolve(picked);
        }}
      />,
      { exitOnCtrlC: false },
    );
  });
}
