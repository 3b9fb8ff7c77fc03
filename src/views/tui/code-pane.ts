/** The scenario's code — its Python twin or its TypeScript — under the rule it teaches. */
import { type Line, line } from "./line.js";
import { clip, sanitize, wrap } from "./text.js";

export interface CodePaneInput {
  language: "python" | "typescript";
  /** File name shown in the title. */
  file: string;
  /** The other language has this code too (a scenario's twins); false for a user's own program: no `p`. */
  other?: boolean;
  source: string | null;
  /** The rule, or "" for none. */
  explain: string;
  /** Where the whole code can be read when it does not fit (`async-demo show gather`). */
  whole: string;
  height: number;
  width: number;
}

export function codePaneLines(c: CodePaneInput): Line[] {
  if (c.height <= 0) return [];
  const other = c.language === "python" ? "TypeScript" : "Python";
  const title =
    c.other === false
      ? `${c.language === "python" ? "Python" : "TypeScript"} · ${sanitize(c.file)}`
      : `${c.language === "python" ? "Python twin" : "TypeScript"} · ${sanitize(c.file)}   (p: ${other})`;
  const out: Line[] = [line(clip(`   ${title}`, c.width), { dim: true })];
  // The rule and a blank line when there is room for them and some code.
  const rule = c.height >= 6 && c.explain !== "" ? wrap(c.explain, Math.max(10, c.width - 2)) : [];
  const ruleRows = Math.min(rule.length, Math.floor(c.height / 3));
  for (const [i, text] of rule.slice(0, ruleRows).entries()) {
    const cut = i === ruleRows - 1 && ruleRows < rule.length;
    out.push(line(clip(` ${text}${cut ? " …" : ""}`, c.width), { color: "cyan" }));
  }
  if (ruleRows > 0) out.push(line(""));
  const code = (c.source ?? `(no ${c.language === "python" ? "Python twin" : "source"} for this scenario)`).split("\n");
  const room = c.height - out.length;
  const fits = code.length <= room;
  const shown = fits ? code : code.slice(0, Math.max(0, room - 1));
  for (const [i, text] of shown.entries()) {
    out.push(line(clip(`${String(i + 1).padStart(3)} ${sanitize(text)}`, c.width)));
  }
  if (!fits && room > 0) {
    out.push(line(clip(`    … ${code.length - shown.length} more lines (${c.whole})`, c.width), { dim: true }));
  }
  return out;
}
