/**
 * The quiz's cards for the dashboard: a question, a verdict, the tour's
 * prompts and score, each a box of styled lines the dashboard draws above
 * its key bar. Text is wrapped, never cut: widths are measured in terminal
 * cells (string-width), so wide characters and emoji in a task's value fit.
 * At 80 columns a question with four choices takes at most 12 rows, which
 * leaves the header, some tasks and the key bar on a 24-row screen.
 */
import stringWidth from "string-width";
import wrapAnsi from "wrap-ansi";
import type { Line, Style } from "../views/tui/line.js";
import type { Question } from "./question.js";

/** The dashboard's styled lines (src/views/tui/line.ts). */
export type CardLine = Line;
export type CardStyle = Style;

/** One paragraph of a card: its text wraps; `indent` starts the continuation lines (and `lead` the first). */
export interface Paragraph {
  text: string;
  style?: CardStyle;
  lead?: string;
  indent?: string;
}

const cells = (text: string) => stringWidth(text);

/** A box `width` cells wide with `title` in its top border and the paragraphs wrapped inside. */
export function card(title: string, paragraphs: readonly Paragraph[], width: number, tone?: CardStyle): CardLine[] {
  const inner = Math.max(8, width - 4);
  const border = tone ?? { color: "cyan" };
  // A title too long for the border is shortened (it only names the card; the content is never cut).
  let head = ` ${title} `;
  while (cells(head) > width - 2 && head.length > 3) head = `${head.slice(0, -3)}… `;
  const fill = Math.max(0, width - 2 - cells(head));
  const lines: CardLine[] = [
    [
      { text: "┌", style: border },
      { text: head, style: { ...border, bold: true } },
      { text: `${"─".repeat(fill)}┐`, style: border },
    ],
  ];
  for (const p of paragraphs) {
    for (const text of wrapParagraph(p, inner)) {
      lines.push([
        { text: "│ ", style: border },
        p.style ? { text, style: p.style } : { text },
        { text: `${" ".repeat(Math.max(0, inner - cells(text)))} │`, style: border },
      ]);
    }
  }
  lines.push([{ text: `└${"─".repeat(Math.max(0, width - 2))}┘`, style: border }]);
  return lines;
}

/** A paragraph's lines at `width` cells: the first after `lead`, the others after `indent`. */
export function wrapParagraph(p: Paragraph, width: number): string[] {
  const lead = p.lead ?? "";
  const indent = p.indent ?? " ".repeat(cells(lead));
  const room = Math.max(4, width - cells(indent));
  const wrapped = wrapAnsi(p.text, room, { hard: true, trim: true }).split("\n");
  // The lead may be wider than the indent (a key number): rewrap the first line to fit after it.
  const first = wrapped[0] ?? "";
  if (cells(lead) + cells(first) > width && wrapped.length > 0) {
    const again = wrapAnsi(p.text, Math.max(4, width - cells(lead)), { hard: true, trim: true }).split("\n");
    return again.map((l, i) => `${i === 0 ? lead : indent}${l}`);
  }
  return wrapped.map((l, i) => `${i === 0 ? lead : indent}${l}`);
}

/** The choices of a question, numbered as the keys that pick them. */
export function choiceParagraphs(question: Question, mark?: { right: number; chosen: number | null }): Paragraph[] {
  return question.choices.map((choice, i) => {
    const lead = ` ${i + 1}  `;
    if (mark === undefined) return { text: choice.text, lead };
    const style: CardStyle | undefined =
      i === mark.right ? { color: "green", bold: true } : i === mark.chosen ? { color: "red" } : { dim: true };
    const sign = i === mark.right ? "✔" : i === mark.chosen ? "✘" : " ";
    return { text: choice.text, lead: `${sign}${i + 1}  `, style };
  });
}

/** The plain text of a card (tests, screen readers). */
export function cardText(lines: readonly Line[]): string[] {
  return lines.map((l) => l.map((s) => s.text).join(""));
}
