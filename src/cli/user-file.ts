/**
 * `async-demo run FILE`: load a user's scenario, .ts or .js, from anywhere.
 *
 * tsx compiles TypeScript on the fly; a small resolve hook maps the import
 * `'async-demo'` to the very runtime module this CLI runs (one instance, so
 * `instanceof CancelledError` holds and there is one loop), and loads the
 * file as ESM even with no package.json beside it. A file that cannot be
 * loaded becomes one message naming the file and line (exit status 1, as
 * Python's would); a file that does not exist is a usage error (status 2).
 */
import { accessSync, constants, readFileSync, statSync } from "node:fs";
import { register } from "node:module";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Coroutine } from "../runtime/coroutine.js";
import { defineScenario, isScenario, type Scenario } from "../runtime/scenario.js";
import { packageRoot } from "../session/package-root.js";
import { UsageError } from "../session/usage-error.js";

/** A user file that exists but cannot be used: one line, exit status 1. */
export class UserFileError extends Error {
  override readonly name = "UserFileError";
}

/** Runs in Node's loader thread: `async-demo` → this runtime; the user's TypeScript as ESM. */
const HOOKS = `
let runtimeUrl, entryUrl;
export function initialize(data) { runtimeUrl = data.runtimeUrl; entryUrl = data.entryUrl; }
export async function resolve(specifier, context, next) {
  if (specifier === "async-demo") return { url: runtimeUrl, format: "module", shortCircuit: true };
  const result = await next(specifier, context);
  const path = result.url.split("?")[0];
  const isUserTs = /\\.(ts|tsx|mts)$/.test(path) && !path.includes("/node_modules/");
  if ((path === entryUrl || isUserTs) && result.format !== "module") return { ...result, format: "module" };
  return result;
}
`;

/** The runtime module this CLI runs: the source under tsx, the built entry otherwise. */
function runtimeUrl(): string {
  const here = import.meta.url;
  if (here.endsWith(".ts")) return new URL("../index.ts", here).href;
  return pathToFileURL(join(packageRoot(), "dist", "src", "index.js")).href;
}

function lineOf(source: string, needle: string): number | undefined {
  const index = source.indexOf(needle);
  return index < 0 ? undefined : source.slice(0, index).split("\n").length;
}

/** Where a syntax error is: Node's SyntaxError for a .js module carries no position, so ask esbuild (tsx's compiler). */
async function syntaxErrorLine(file: string, source: string): Promise<number | undefined> {
  try {
    const { transform } = await import("esbuild");
    await transform(source, { loader: /\.[cm]?tsx?$/.test(file) ? "ts" : "js", format: "esm", sourcefile: file });
  } catch (error) {
    return (error as { errors?: { location?: { line: number } }[] }).errors?.[0]?.location?.line;
  }
  return undefined;
}

/** One line saying why `file` could not be loaded, with the line where it can tell. */
async function describeLoadError(file: string, source: string, error: unknown): Promise<string> {
  const err = error as { message?: string; code?: string; stack?: string };
  const message = String(err?.message ?? error);
  const syntax = /:(\d+):\d+: ERROR: (.+)/.exec(message);
  if (syntax) return `${file}:${syntax[1]}: syntax error: ${syntax[2]}`;
  if (error instanceof SyntaxError) {
    const line = await syntaxErrorLine(file, source);
    return `${file}${line ? `:${line}` : ""}: syntax error: ${message}`;
  }
  if (err?.code === "ERR_MODULE_NOT_FOUND") {
    const missing = /Cannot find (?:module|package) '([^']+)'/.exec(message)?.[1] ?? "?";
    const short = missing.startsWith("/") ? basename(missing) : missing;
    const line = lineOf(source, `'${short}`) ?? lineOf(source, `"${short}`) ?? lineOf(source, short);
    return `${file}${line ? `:${line}` : ""}: cannot import '${short}': no such module`;
  }
  const url = pathToFileURL(file).href;
  const frame = String(err?.stack ?? "")
    .split("\n")
    .find((l) => l.includes(url) || l.includes(file));
  // `file:///…/x.js:3:7` in a call frame; a SyntaxError from Node's parser gives only `file:///…/x.js:3`.
  const line = frame ? /:(\d+)(?::\d+)?\)?$/.exec(frame)?.[1] : undefined;
  const kind = error instanceof Error ? error.name : "Error";
  return `${file}${line ? `:${line}` : ""}: raised ${kind} while loading: ${message.split("\n")[0]}`;
}

function isAsyncFunction(fn: unknown): boolean {
  return (
    typeof fn === "function" &&
    (fn.constructor?.name === "AsyncFunction" || typeof (fn as { coroutineName?: unknown }).coroutineName === "string")
  );
}

/** Turn the module's default export into a scenario; `at` names the file and the `export default` line. */
function toScenario(file: string, source: string, exported: unknown): Scenario {
  const line = lineOf(source, "export default");
  const at = line === undefined ? file : `${file}:${line}`;
  if (isScenario(exported)) {
    if (!isAsyncFunction(exported.main)) {
      throw new UserFileError(`${at}: the scenario's main must be an async function (or made with coroutine())`);
    }
    return exported;
  }
  if (exported instanceof Coroutine) {
    throw new UserFileError(`${at}: export the coroutine function itself (export default main), not a call (main())`);
  }
  if (typeof exported === "function") {
    if (!isAsyncFunction(exported)) {
      throw new UserFileError(
        `${at}: the default export must be an async function (or made with coroutine()); got a plain function`,
      );
    }
    const stem = basename(file).replace(/\.[^.]+$/, "");
    const name =
      stem
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "") || "file";
    return defineScenario({
      name: /^[a-z]/.test(name) ? name : `file-${name}`,
      title: `${basename(file)} (your scenario)`,
      summary: `your scenario in ${file}`,
      explain: "Your own scenario: the rules are the ones asyncio applies to any program.",
      params: {},
      main: exported as (params: Record<string, never>) => unknown,
    });
  }
  throw new UserFileError(
    `${at}: no usable default export: write \`export default defineScenario({...})\` or \`export default main\` (an async function)`,
  );
}

/** The absolute path of a readable scenario file; UsageError (one line, status 2) otherwise. */
export function checkReadable(path: string): string {
  const file = resolve(path);
  try {
    if (statSync(file).isDirectory()) throw new UsageError(`${path} is a directory, not a scenario file`);
    accessSync(file, constants.R_OK);
    return file;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: string }).code;
    const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : String(error);
    throw new UsageError(`cannot read ${path}: ${why}`);
  }
}

/** Load the scenario in `path`. UsageError if it cannot be read, UserFileError if it cannot be used. */
export async function loadUserScenario(path: string): Promise<Scenario> {
  const file = checkReadable(path);
  const source = readFileSync(file, "utf8");
  const entryUrl = pathToFileURL(file).href;
  const { register: registerTsx } = await import("tsx/esm/api");
  registerTsx();
  register(`data:text/javascript,${encodeURIComponent(HOOKS)}`, {
    parentURL: import.meta.url,
    data: { runtimeUrl: runtimeUrl(), entryUrl },
  });
  let mod: { default?: unknown };
  try {
    mod = await import(entryUrl);
  } catch (error) {
    throw new UserFileError(await describeLoadError(file, source, error));
  }
  return toScenario(file, source, mod.default);
}
