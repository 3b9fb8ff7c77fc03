/** The scenario's code — its Python twin or its TypeScript — under the rule it teaches. */
import { Box, Text } from "ink";
import { clip, wrap } from "./text.js";

export interface CodePaneProps {
  language: "python" | "typescript";
  /** File name shown in the title. */
  file: string;
  source: string | null;
  explain: string;
  height: number;
  width: number;
}

export function CodePane({ language, file, source, explain, height, width }: CodePaneProps) {
  const title = `${language === "python" ? "Python twin" : "TypeScript"} · ${file}   (p: ${language === "python" ? "TypeScript" : "Python"})`;
  // Title, then (if there is room) the rule and a blank line, then as much code as fits.
  const rule = height >= 6 ? wrap(explain, Math.max(10, width - 2)).slice(0, Math.floor(height / 3)) : [];
  const code = (source ?? "(no Python twin for this scenario)").split("\n");
  const room = Math.max(0, height - 1 - rule.length - (rule.length > 0 ? 1 : 0));
  return (
    <Box flexDirection="column" width={width}>
      <Text dimColor>{clip(`   ${title}`, width)}</Text>
      {rule.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional and may repeat
        <Text key={`r${i}`} color="cyan">
          {clip(` ${line}`, width)}
        </Text>
      ))}
      {rule.length > 0 ? <Text> </Text> : null}
      {code.slice(0, room).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: source lines are positional and may repeat
        <Text key={`c${i}`}>{clip(`${String(i + 1).padStart(3)} ${line}`, width)}</Text>
      ))}
    </Box>
  );
}
