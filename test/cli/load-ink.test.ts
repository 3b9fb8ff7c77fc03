// src/cli/load-ink.ts: fetch is hidden while Ink's module graph evaluates (yoga-layout's wasm loader would
// fetch() its inlined data: URL and load Node's HTTP client before the first frame), and put back after.
import { describe, expect, it } from "vitest";
import { loadInk } from "../../src/cli/load-ink.js";

describe("loadInk", () => {
  it("hides fetch while the module loads and gives it back after, also when the load fails", async () => {
    const original = globalThis.fetch;
    expect(await loadInk(async () => typeof globalThis.fetch)).toBe("undefined");
    expect(globalThis.fetch).toBe(original);
    await expect(
      loadInk(async () => {
        throw new Error("no such module");
      }),
    ).rejects.toThrow("no such module");
    expect(globalThis.fetch).toBe(original);
  });

  it("yoga still lays out without fetch: Ink renders a box", async () => {
    const { Box, Text, renderToString } = await loadInk(() => import("ink"));
    const { createElement: h } = await import("react");
    expect(renderToString(h(Box, { width: 10, borderStyle: "single" }, h(Text, null, "hi")))).toContain("│hi");
  });
});
