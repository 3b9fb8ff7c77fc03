// The probe's event stream cut into JSON lines, whatever the pipe's chunks look like.
import { describe, expect, it } from "vitest";
import { LineReader } from "../../src/cli/python/line-reader.js";

function collect(keepLines = false) {
  const messages: unknown[] = [];
  const lines: string[] = [];
  const garbage: string[] = [];
  const reader = new LineReader(
    (message, line) => {
      messages.push(message);
      lines.push(line);
    },
    (line) => garbage.push(line),
    keepLines,
  );
  return { reader, messages, lines, garbage };
}

const LINES = [
  { type: "hello", python: "3.13.0", pid: 1 },
  { seq: 1, time: 0, type: "run-start", clock: "virtual" },
  { seq: 2, time: 0.5, type: "print", task: 1, text: "naïve café — ✔ 🐍" },
  { seq: 3, time: 1, type: "run-end", outcome: "result", value: "None" },
];
const TEXT = LINES.map((l) => `${JSON.stringify(l)}\n`).join("");

describe("LineReader", () => {
  it("gives the same messages however the bytes are split, even inside a UTF-8 character", () => {
    const bytes = Buffer.from(TEXT, "utf8");
    for (let cut = 0; cut <= bytes.length; cut++) {
      const { reader, messages, garbage } = collect();
      reader.feed(bytes.subarray(0, cut));
      reader.feed(bytes.subarray(cut));
      reader.end();
      expect(messages, `cut at byte ${cut}`).toEqual(LINES);
      expect(garbage).toEqual([]);
    }
  });

  it("reads a byte at a time", () => {
    const { reader, messages } = collect();
    for (const byte of Buffer.from(TEXT, "utf8")) reader.feed(Buffer.from([byte]));
    reader.end();
    expect(messages).toEqual(LINES);
  });

  it("keeps a last line that has no newline", () => {
    const { reader, messages } = collect();
    reader.feed(Buffer.from(TEXT.trimEnd()));
    expect(messages).toHaveLength(3);
    reader.end();
    expect(messages).toEqual(LINES);
  });

  it("skips blank lines and reports a line that is not JSON, keeping the rest in order", () => {
    const { reader, messages, garbage } = collect(true);
    reader.feed(Buffer.from(`${JSON.stringify(LINES[0])}\n\nnot json\n${JSON.stringify(LINES[1])}\n`));
    reader.end();
    expect(messages).toEqual([LINES[0], LINES[1]]);
    expect(garbage).toEqual(["not json"]);
  });

  it("gives each message its line's text when asked, the same in both parse paths", () => {
    const fast = collect(true);
    fast.reader.feed(Buffer.from(TEXT));
    const slow = collect(true);
    slow.reader.feed(Buffer.from(`\n${TEXT}`)); // a blank line takes the line-by-line path
    const expected = TEXT.trimEnd().split("\n");
    expect(fast.lines).toEqual(expected);
    expect(slow.lines).toEqual(expected);
  });

  it("gives no text unless asked", () => {
    const { reader, lines } = collect(false);
    reader.feed(Buffer.from(TEXT));
    expect(lines).toEqual(["", "", "", ""]);
  });
});
