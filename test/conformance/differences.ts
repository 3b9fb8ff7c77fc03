/**
 * Known differences, written down next to the program they affect. A
 * `GROUP/NAME.differs` file holds hunks: lines starting `- ` are lines CPython
 * prints, the `+ ` lines after them what this runtime prints instead, and `#`
 * lines say why (README's "Known differences from CPython" has the list).
 *
 *     # JavaScript has no implicit exception context (__context__).
 *     - context: CancelledError
 *     + context: None
 *
 * Each hunk replaces the next occurrence of its `-` lines, in order. A hunk
 * whose lines CPython no longer prints fails the test: a difference that is
 * gone must not stay documented.
 */
import { existsSync, readFileSync } from "node:fs";

interface Hunk {
  remove: string[];
  add: string[];
}

function parse(text: string, file: string): Hunk[] {
  const hunks: Hunk[] = [];
  let current: Hunk | undefined;
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) {
      current = undefined;
      continue;
    }
    const mark = line.slice(0, 2);
    const body = line.slice(2);
    if (mark === "- " || line === "-") {
      if (current === undefined || current.add.length > 0) {
        current = { remove: [], add: [] };
        hunks.push(current);
      }
      current.remove.push(line === "-" ? "" : body);
    } else if ((mark === "+ " || line === "+") && current !== undefined) {
      current.add.push(line === "+" ? "" : body);
    } else {
      throw new Error(`${file}: a line must start with '- ', '+ ' or '#' (a '+' line follows '-' lines): ${line}`);
    }
  }
  return hunks;
}

/** The output the TypeScript program must print: CPython's, with the documented differences applied. */
export function expectedTsOutput(base: string, pythonOutput: string): string {
  const file = `${base}.differs`;
  if (!existsSync(file)) return pythonOutput;
  const lines = pythonOutput.split("\n");
  let from = 0;
  for (const hunk of parse(readFileSync(file, "utf8"), file)) {
    const at = indexOfBlock(lines, hunk.remove, from);
    if (at < 0) {
      throw new Error(`${file}: CPython no longer prints ${JSON.stringify(hunk.remove)}: remove the difference`);
    }
    lines.splice(at, hunk.remove.length, ...hunk.add);
    from = at + hunk.add.length;
  }
  return lines.join("\n");
}

function indexOfBlock(lines: string[], block: string[], from: number): number {
  for (let i = from; i + block.length <= lines.length; i++) {
    if (block.every((line, k) => lines[i + k] === line)) return i;
  }
  return -1;
}
