/**
 * The `?` overlay: every key (from the keymap table) and every state, glyph,
 * colour and timeline mark. On a short terminal it is split into pages: any
 * key shows the next page (and closes the help after the last), q closes it.
 */
import { TASK_STATES } from "../../session/state.js";
import { LANE, LOOK } from "./glyphs.js";
import { KEYMAP } from "./keymap.js";
import { fitLine, type Line, line, lineWidth, type Style } from "./line.js";
import { cell, clip } from "./text.js";

const LINES: readonly Line[] = [
  line("Keys", { bold: true }),
  ...KEYMAP.map((b) => line(`  ${cell(b.keys, 8)} ${b.description}`)),
  line("Task states (the glyph and the word say it; the colour only helps)", { bold: true }),
  ...TASK_STATES.map((s) => {
    const look = LOOK[s];
    return line(`  ${look.glyph} ${cell(look.word, 11)} ${look.meaning} (${look.color})`, { color: look.color });
  }),
  line("Timeline", { bold: true }),
  line(
    `  ${LANE.pending} queued  ${LANE.waiting} waiting  ${LANE.cancelling} cancelling  ${LANE.step} ran  ${LANE.cursor} now  ✔✖⊗ outcome`,
  ),
];

/** Lines per page inside the border, keeping one for the page footer. */
function perPage(height: number): number {
  return Math.max(1, height - 3);
}

/** How many pages the help needs in `height` lines. */
export function helpPages(height: number): number {
  return Math.ceil(LINES.length / perPage(height));
}

/** Page `page` (1-based) of the help, boxed, in `width` × at most `height` cells. */
export function helpLines(page: number, width: number, height: number): Line[] {
  const size = perPage(height);
  const pages = helpPages(height);
  const shown = LINES.slice((page - 1) * size, page * size);
  const footer = page < pages ? `page ${page}/${pages} · any key: next page · q: close` : "any key: close";
  const inner = Math.max(1, width - 2);
  const edge: Style = { dim: true };
  const boxed = (l: Line): Line => {
    const fitted = fitLine(l, inner);
    return [
      { text: "│", style: edge },
      ...fitted,
      { text: " ".repeat(inner - lineWidth(fitted)) },
      { text: "│", style: edge },
    ];
  };
  return [
    line(`╭${"─".repeat(inner)}╮`, edge),
    ...shown.map(boxed),
    boxed(line(clip(footer, inner), { dim: true })),
    line(`╰${"─".repeat(inner)}╯`, edge),
  ];
}
