/** Fitting text into terminal cells. */

/** Cut `s` to `width` characters, with an ellipsis if it was longer. */
export function clip(s: string, width: number): string {
  if (width <= 0) return "";
  if (s.length <= width) return s;
  return width === 1 ? "…" : `${s.slice(0, width - 1)}…`;
}

/** `clip`, then pad with spaces to exactly `width`. */
export function cell(s: string, width: number): string {
  return clip(s, width).padEnd(Math.max(0, width));
}

/** Split prose into lines of at most `width`. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** Loop time for display: `0.62s`, `12.3s`, `1m05s`. */
export function seconds(t: number): string {
  if (t < 10) return `${t.toFixed(2)}s`;
  if (t < 60) return `${t.toFixed(1)}s`;
  const m = Math.floor(t / 60);
  return `${m}m${String(Math.floor(t - m * 60)).padStart(2, "0")}s`;
}
