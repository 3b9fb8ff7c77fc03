/**
 * Fitting text into terminal cells. A CJK character or most emoji take two
 * cells, a combining mark none, a tab depends on the column: widths come from
 * string-width, cuts from cli-truncate (which keeps grapheme clusters whole),
 * prose wrapping from wrap-ansi — never from `.length`. Text that came from a
 * scenario (names, prints, values) is made safe first: a control character
 * would move the cursor and break the frame, so it is shown as its symbol.
 */
import cliTruncate from "cli-truncate";
import wrapAnsi from "wrap-ansi";
import stringWidth from "./string-width-fast.js";

/** Printable ASCII only: one cell per character, so `.length` is exact (the common case, kept fast). */
const ASCII = /^[\x20-\x7e]*$/;
/** C0 controls (but tab), DEL and C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what must not reach the terminal
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f]/g;

/**
 * Widths already measured. A frame measures the same few hundred strings
 * (glyphs, lanes, box edges) again and again, 4 times a second while a run
 * plays, and string-width is slow on anything but ASCII; the cache is dropped
 * when it grows large (a long run's ever-changing countdowns).
 */
const widths = new Map<string, number>();
const WIDTHS_MAX = 4096;

/** Cells `s` takes on a terminal (`s` already sanitized: no controls, no tabs). */
export function width(s: string): number {
  if (ASCII.test(s)) return s.length;
  let w = widths.get(s);
  if (w === undefined) {
    if (widths.size >= WIDTHS_MAX) widths.clear();
    w = stringWidth(s);
    widths.set(s, w);
  }
  return w;
}

/**
 * `s` made safe to draw: each control character becomes its visible symbol
 * (`\x1b` → `␛`, a newline → `␊`), each tab spaces up to the next multiple of
 * `tabSize` cells from the start of `s`.
 */
export function sanitize(s: string, tabSize = 8): string {
  if (ASCII.test(s)) return s;
  const safe = s.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code === 0x7f ? "␡" : code < 0x20 ? String.fromCharCode(0x2400 + code) : "�";
  });
  if (!safe.includes("\t")) return safe;
  const parts = safe.split("\t");
  let line = "";
  for (const [i, part] of parts.entries()) {
    line += part;
    if (i < parts.length - 1) line += " ".repeat(tabSize - (width(line) % tabSize));
  }
  return line;
}

/** At most `cells` cells of `s`, ending in `…` if it was cut (a wide character never straddles the edge). */
export function clip(s: string, cells: number): string {
  if (cells <= 0) return "";
  if (ASCII.test(s)) return s.length <= cells ? s : cells === 1 ? "…" : `${s.slice(0, cells - 1)}…`;
  if (width(s) <= cells) return s;
  // cli-truncate can end one cell over when a two-cell character meets the edge: ask for one less then.
  const cut = cliTruncate(s, cells);
  return stringWidth(cut) <= cells ? cut : cliTruncate(s, cells - 1);
}

/** `clip`, then spaces up to exactly `cells` cells. */
export function cell(s: string, cells: number): string {
  const fitted = clip(s, cells);
  const gap = cells - width(fitted);
  return gap > 0 ? fitted + " ".repeat(gap) : fitted;
}

/** `s` right-aligned in `cells` cells (clipped if longer). */
export function cellRight(s: string, cells: number): string {
  const fitted = clip(s, cells);
  const gap = cells - width(fitted);
  return gap > 0 ? " ".repeat(gap) + fitted : fitted;
}

/** Prose in lines of at most `cells` cells: words kept whole where they fit, longer ones broken. */
export function wrap(text: string, cells: number): string[] {
  const flat = sanitize(text.replace(/\s+/g, " ").trim());
  if (flat === "") return [];
  const room = Math.max(1, cells);
  return wrapAnsi(flat, room, { hard: true, trim: true })
    .split("\n")
    .map((line) => clip(line, room));
}

/** Loop time for display: `0.62s`, `12.3s`, `1m05s`. */
export function seconds(t: number): string {
  if (t < 10) return `${t.toFixed(2)}s`;
  if (t < 60) return `${t.toFixed(1)}s`;
  const m = Math.floor(t / 60);
  return `${m}m${String(Math.floor(t - m * 60)).padStart(2, "0")}s`;
}
