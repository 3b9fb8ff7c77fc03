/** Run a program and collect what it prints (stdout lines) and warns (stderr lines). */
import { setDefaultOutputs } from "../../src/runtime/print.js";

export interface Captured {
  stdout: string[];
  stderr: string[];
  /** What the program threw, if anything. */
  error?: unknown;
}

export async function capture(program: () => Promise<unknown>): Promise<Captured> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const restore = setDefaultOutputs(
    (text) => stdout.push(...text.split("\n")),
    (text) => stderr.push(...text.split("\n")),
  );
  try {
    await program();
    return { stdout, stderr };
  } catch (error) {
    return { stdout, stderr, error };
  } finally {
    restore();
  }
}
