/**
 * Catalogue items (../shared/spec, copied to ./spec): each `NN_name.ts` here is
 * a TypeScript twin of `spec/NN_name.py` and must print exactly the lines
 * CPython 3.13 printed (`.expected-3.13`, else `.expected`). Where this runtime
 * deliberately differs from CPython (garbage-collection timing, identical
 * timer deadlines), `NN_name.expected-ts` says what it prints instead, and the
 * twin's header comment says why.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { capture } from "../support/capture.js";

const here = import.meta.dirname;
const twins = readdirSync(here)
  .filter((f) => /^\d\d_.*\.ts$/.test(f))
  .sort();

function expectedFor(name: string): string {
  for (const file of [
    join(here, `${name}.expected-ts`),
    join(here, "spec", `${name}.expected-3.13`),
    join(here, "spec", `${name}.expected`),
  ]) {
    if (existsSync(file)) return readFileSync(file, "utf8");
  }
  throw new Error(`no expected output for ${name}`);
}

describe("asyncio behaviour catalogue (CPython 3.13 output)", () => {
  it("has twins", () => {
    expect(twins.length).toBeGreaterThan(0);
  });
  for (const file of twins) {
    const name = file.replace(/\.ts$/, "");
    it(name, async () => {
      const mod = (await import(join(here, file))) as { default: () => Promise<unknown> };
      const { stdout, error } = await capture(mod.default);
      if (error !== undefined) throw error;
      expect(stdout.join("\n").trimEnd()).toBe(expectedFor(name).trimEnd());
    });
  }
});
