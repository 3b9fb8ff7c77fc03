/**
 * The interpreters the probe's own tests run on: CPython 3.13 (the reference,
 * required to compare at all) and 3.12 where one is found. With
 * ASYNC_DEMO_REQUIRE_PY312=1 (CI can set it) a missing 3.12 is a failure
 * instead of a note.
 */
import { findPython, findPython312, type Python } from "../support/python.js";

export function probePythons(): Python[] {
  const found: Python[] = [];
  const main = findPython();
  if (main !== null) found.push(main);
  const old = findPython312();
  if (old !== null && old.executable !== main?.executable) found.push(old);
  return found;
}

/** Why the 3.12 runs are missing, or undefined when they run (a test reports it). */
export function missing312(): string | undefined {
  if (findPython312() !== null) return undefined;
  return "no CPython 3.12 found (ASYNC_DEMO_PYTHON312, python3.12, PYENV_VERSION=3.12.1 python3): the probe's tests ran on 3.13 only";
}
