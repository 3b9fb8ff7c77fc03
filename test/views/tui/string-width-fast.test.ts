// The fast path of string-width gives string-width's own answer: for every code point alone, and for the
// sequences that make a cluster (emoji with modifiers and joiners, flags, keycaps, marks, jamo, ANSI codes).
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import fast from "../../../src/views/tui/string-width-fast.js";

describe("string-width's fast path", () => {
  it("every code point alone measures as string-width measures it (ambiguous ones narrow and wide)", () => {
    const differ: string[] = [];
    const check = (cp: number, both: boolean) => {
      const s = String.fromCodePoint(cp);
      if (fast(s) !== stringWidth(s)) differ.push(cp.toString(16));
      if (both && fast(s, { ambiguousIsNarrow: false }) !== stringWidth(s, { ambiguousIsNarrow: false })) {
        differ.push(`${cp.toString(16)} (ambiguous wide)`);
      }
    };
    // Every assigned plane: the BMP, the supplementary planes of symbols, emoji and CJK, and tags. Ambiguous
    // widths only exist in the BMP (and the private use planes, measured like the BMP's private use area).
    for (let cp = 0; cp <= 0xffff; cp++) if (cp < 0xd800 || cp > 0xdfff) check(cp, true);
    for (const [from, to] of [
      [0x10000, 0x3ffff],
      [0xe0000, 0xe01ef],
    ]) {
      for (let cp = from as number; cp <= (to as number); cp++) check(cp, false);
    }
    expect(differ.slice(0, 20)).toEqual([]);
  });

  it("sequences and mixed text measure as string-width measures them", () => {
    const samples = [
      "下载数据很长的名字",
      "a👍🏽b👨‍👩‍👧c",
      "cafe\u0301 nai\u0308ve",
      "🇫🇷🇯🇵 flags",
      "1\u20e3 #\ufe0f\u20e3",
      "❤\ufe0f ❤ ☺\ufe0f ☺",
      "한국어 \u1100\u1161\u11a8",
      "ｈａｌｆ ﾊﾝｶｸ ｶﾞ",
      "\u001b[31mred\u001b[0m ◷ ─ ✔ ▶ ⚠",
      "tab\tand\u0007bell",
      "›1 ◷ main Task-1 waiting sleep 1.0s ███░░ 0.4s left ──────│",
    ];
    for (const s of samples) expect(fast(s), JSON.stringify(s)).toBe(stringWidth(s));
  });
});
