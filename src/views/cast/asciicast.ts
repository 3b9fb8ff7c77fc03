/**
 * An asciicast v2 recording (what `asciinema play` and asciinema-player
 * read): a JSON header line — the terminal's size, a title — then one JSON
 * array per event, `[seconds, "o", text]` for output, `"m"` for a marker (a
 * key pressed), `"r"` for a resize. Times are written with microsecond
 * precision so that the same frames at the same times give the same bytes.
 */
export interface CastHeader {
  width: number;
  height: number;
  title?: string;
  command?: string;
  env?: Record<string, string>;
}

const time = (seconds: number) => Math.round(Math.max(0, seconds) * 1e6) / 1e6;

export class Asciicast {
  private readonly lines: string[];
  private last = 0;

  constructor(header: CastHeader) {
    this.lines = [JSON.stringify({ version: 2, ...header })];
  }

  /** Events must come in time order; an earlier time is taken as the last one. */
  private push(seconds: number, code: "o" | "m" | "r", data: string): void {
    this.last = Math.max(this.last, time(seconds));
    this.lines.push(JSON.stringify([this.last, code, data]));
  }

  output(seconds: number, text: string): void {
    if (text !== "") this.push(seconds, "o", text);
  }

  marker(seconds: number, label: string): void {
    this.push(seconds, "m", label);
  }

  resize(seconds: number, columns: number, rows: number): void {
    this.push(seconds, "r", `${columns}x${rows}`);
  }

  /** The recording as the file's text. */
  text(): string {
    return `${this.lines.join("\n")}\n`;
  }
}

/** `100x30` → {columns: 100, rows: 30}; undefined if it is not that shape or out of range. */
export function parseSize(text: string): { columns: number; rows: number } | undefined {
  const match = /^\s*(\d{1,4})\s*[x×]\s*(\d{1,4})\s*$/i.exec(text);
  if (!match) return undefined;
  const columns = Number(match[1]);
  const rows = Number(match[2]);
  if (columns < 40 || columns > 400 || rows < 10 || rows > 200) return undefined;
  return { columns, rows };
}
