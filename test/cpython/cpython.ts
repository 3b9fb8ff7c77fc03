/**
 * The CPython these tests run programs on: test/support/python.ts's findPython(), passed to async-demo as
 * ASYNC_DEMO_PYTHON (as a user would). The probe needs 3.12 or newer; without one the tests skip, saying why
 * (CI requires CPython 3.13, so there a skip is a failure).
 */
import { fileURLToPath } from "node:url";
import { findPython, type Python } from "../support/python.js";

export const SKIP_WHY = "no CPython 3.12 or newer found: set ASYNC_DEMO_PYTHON to run the CPython engine's tests";

export function usablePython(): Python | null {
  const python = findPython();
  if (python === null) return null;
  const [major, minor] = python.version.split(".").map(Number) as [number, number];
  return major > 3 || (major === 3 && minor >= 12) ? python : null;
}

/** The environment that makes async-demo use `python`. */
export function pythonEnv(python: Python): Record<string, string> {
  return { ASYNC_DEMO_PYTHON: python.executable };
}

export const examples = (name: string) => fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));
export const programs = (name: string) => fileURLToPath(new URL(`./programs/${name}`, import.meta.url));
