/**
 * `async-demo` alone in a terminal: choose a scenario with ↑↓ (or j k) and
 * Enter; q or Esc leaves. The CLI shows the list again when the scenario
 * started from it ends, with that scenario still highlighted.
 */
import { Box, render, Text, useInput } from "ink";
import { useState } from "react";
import type { Scenario } from "../../runtime/scenario.js";
import { keyPresses } from "./keymap.js";
import { rawKeysBeforeFirstFrame } from "./raw-keys.js";
import { cell, clip } from "./text.js";
import { useTerminalSize } from "./use-terminal-size.js";

const TITLE = "async-demo — pick a scenario (↑↓ or j k move · Enter run · q quit)";

interface PickerProps {
  scenarios: readonly Scenario[];
  initial: number;
  onPick: (s: Scenario | undefined) => void;
}

function Picker({ scenarios, initial, onPick }: PickerProps) {
  const [index, setIndex] = useState(initial);
  const { columns } = useTerminalSize();
  const width = Math.max(20, columns - 1);
  useInput((input, key) => {
    // Keys that arrive together ("jj" typed fast, a held key) come as one input: each is a press.
    let at = index;
    for (const press of keyPresses(input, key)) {
      if (press.name === "up" || press.input === "k") at = (at + scenarios.length - 1) % scenarios.length;
      else if (press.name === "down" || press.input === "j") at = (at + 1) % scenarios.length;
      else if (press.name === "return") return onPick(scenarios[at]);
      else if (press.input === "q" || press.name === "escape" || (press.ctrl && press.name === "c"))
        return onPick(undefined);
    }
    setIndex(at);
  });
  const current = scenarios[index];
  return (
    <Box flexDirection="column">
      <Text bold>{clip(TITLE, width)}</Text>
      {scenarios.map((s, i) => (
        <Text key={s.name} inverse={i === index}>
          {clip(`${i === index ? "›" : " "} ${cell(s.name, 18)} ${s.title}`, width)}
        </Text>
      ))}
      <Text color="cyan">{clip(current ? `  ${current.summary}` : " ", width)}</Text>
    </Box>
  );
}

/**
 * Resolves with the chosen scenario, or undefined if the user left. The list
 * is erased either way. `again`: the list comes back after a run (the
 * screen is cleared first: the run's last frame is no longer needed).
 */
export function pickScenario(
  scenarios: readonly Scenario[],
  options: { current?: string; again?: boolean } = {},
): Promise<Scenario | undefined> {
  if (options.again && process.stdout.isTTY) process.stdout.write("\x1b[2J\x1b[H");
  const initial = Math.max(
    0,
    scenarios.findIndex((s) => s.name === options.current),
  );
  return new Promise((resolve) => {
    rawKeysBeforeFirstFrame();
    const instance = render(
      <Picker
        scenarios={scenarios}
        initial={initial}
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
