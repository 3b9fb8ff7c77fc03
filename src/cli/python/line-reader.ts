/**
 * The probe's event stream, cut into JSON lines. A chunk from the pipe can end
 * mid-line or mid-character: the decoder keeps a split UTF-8 sequence, the
 * reader keeps the unfinished line. A 100,000-task gather sends over 400,000
 * lines, so a chunk's complete lines are parsed in one JSON.parse of an array
 * (about twice as fast as one call per line).
 *
 * On request each message comes with its line's text, so that a replay can
 * tell whether the program did the same thing again. The text is a slice of
 * the chunk's string (V8 keeps a slice as a pointer into it, not a copy):
 * cheaper than hashing every character, and exact.
 */
import { StringDecoder } from "node:string_decoder";

/** `line`: the message's JSON text when the reader keeps lines, else "". */
export type MessageHandler = (message: Record<string, unknown>, line: string) => void;

export class LineReader {
  private readonly decoder = new StringDecoder("utf8");
  private rest = "";

  constructor(
    private readonly onMessage: MessageHandler,
    /** A line that is not JSON: the probe is broken, never the program (its output has its own streams). */
    private readonly onGarbage: (line: string) => void,
    private readonly keepLines = false,
  ) {}

  feed(chunk: Buffer): void {
    const text = this.rest + this.decoder.write(chunk);
    const last = text.lastIndexOf("\n");
    if (last < 0) {
      this.rest = text;
      return;
    }
    this.rest = text.slice(last + 1);
    this.parse(text.slice(0, last));
  }

  /** The stream ended: a last line without its newline still counts. */
  end(): void {
    const text = this.rest + this.decoder.end();
    this.rest = "";
    if (text.trim() !== "") this.parse(text);
  }

  private parse(block: string): void {
    let messages: Record<string, unknown>[] | undefined;
    if (!block.includes("\n\n")) {
      try {
        messages = JSON.parse(`[${block.replaceAll("\n", ",")}]`);
      } catch {
        messages = undefined;
      }
    }
    if (messages === undefined) {
      // Blank or broken lines: one at a time, keeping the good ones.
      for (const line of block.split("\n")) {
        if (line.trim() === "") continue;
        let message: Record<string, unknown>;
        try {
          message = JSON.parse(line);
        } catch {
          this.onGarbage(line);
          continue;
        }
        this.onMessage(message, this.keepLines ? line : "");
      }
      return;
    }
    if (!this.keepLines) {
      for (const message of messages) this.onMessage(message, "");
      return;
    }
    let start = 0;
    for (const message of messages) {
      let end = block.indexOf("\n", start);
      if (end < 0) end = block.length;
      this.onMessage(message, block.slice(start, end));
      start = end + 1;
    }
  }
}
