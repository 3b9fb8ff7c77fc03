/**
 * Renders a fuzz program twice: as a Python script (asyncio) and as a
 * TypeScript module on async-demo's API, line for line the same program.
 * Both share a small prelude of helpers (out, note, rep, state…) so the
 * generated code stays short.
 */
import type { Fn, Item, Program, Spawn, Stmt, TaskRef } from "./gen.js";

const dur = (tenths: number): string => String(tenths / 10);

/** `name` used as an identifier in `code` (not a property, key or word in a string). */
function uses(code: string, name: string): boolean {
  return new RegExp(`(?<![.\\w"])${name}(?![\\w":])`).test(code);
}

/**
 * The prelude's blocks (separated by `separator`) that `code` needs: the first
 * always, each other one if its name is used by the code or a needed block.
 */
function neededPrelude(prelude: string, separator: string, code: string): string {
  const blocks = prelude.split(separator);
  const name = (block: string): string => /^(?:async def|def|function|const) (\w+)/.exec(block)?.[1] ?? "";
  const keep = new Set([0]);
  for (let changed = true; changed; ) {
    changed = false;
    const text = [code, ...[...keep].map((i) => blocks[i])].join("\n");
    blocks.forEach((block, i) => {
      if (!keep.has(i) && uses(text, name(block))) {
        keep.add(i);
        changed = true;
      }
    });
  }
  return blocks.filter((_, i) => keep.has(i)).join(separator);
}

// ------------------------------------------------------------------- Python

export const PY_PRELUDE = `import asyncio

R = {}
NOTES = []
S = {"ending": False}


def reset():
    R.clear()
    NOTES.clear()
    S["ending"] = False


def out(*args):
    if not S["ending"]:
        print(*args)


def note(*args):
    if not S["ending"]:
        NOTES.append(" ".join(str(a) for a in args))


def now():
    return f"{asyncio.get_running_loop().time():.1f}"


def rep(e):
    if isinstance(e, BaseExceptionGroup):
        return f"{type(e).__name__}({e.message!r}, [{', '.join(sorted(rep(x) for x in e.exceptions))}])"
    return repr(e)


def rl(values):
    return "[" + ", ".join(rep(v) if isinstance(v, BaseException) else repr(v) for v in values) + "]"


def state(t):
    if not t.done():
        return f"pending({t.cancelling()})" if isinstance(t, asyncio.Task) else "pending"
    if t.cancelled():
        return "cancelled"
    e = t.exception()
    return f"raised {rep(e)}" if e is not None else f"result {t.result()!r}"


def names(ts):
    return sorted(t.get_name() for t in ts)


def status(label, name, t):
    out(label, name, "absent" if t is None else state(t))


def cancel(label, name, t, msg=None):
    out(label, "cancel", name, "absent" if t is None else t.cancel(msg))


def on_done(label, name, t, quiet=False):
    if t is None:
        out(label, "on_done", name, "absent")
        return
    t.add_done_callback(lambda f: (note if quiet else out)(label, "done", name, state(f)))


def settle(f, value, fail):
    if f.done():
        return
    if fail:
        f.set_exception(ValueError(value))
    else:
        f.set_result(value)


async def await_task(label, name, t):
    if t is None:
        out(label, "await", name, "absent")
        return
    try:
        out(label, "await", name, "->", repr(await t))
    except Exception as e:
        out(label, "await", name, "raised", rep(e))


async def finish():
    try:
        if left := [t for t in R.values() if not t.done()]:
            await asyncio.wait(left, timeout=2)
        while left := [t for t in R.values() if not t.done()]:
            out("cleanup", [t.get_name() for t in left])
            for t in left:
                t.cancel("cleanup")
            await asyncio.gather(*left, return_exceptions=True)
    finally:
        S["ending"] = True
`;

export const PY_RUN = `reset()
try:
    print("run ->", repr(asyncio.run(main())))
except BaseException as e:
    print("run raised", type(e).__name__, str(e))
for line in sorted(NOTES):
    print("note:", line)`;

class Lines {
  readonly lines: string[] = [];
  constructor(private readonly unit: string) {}
  add(depth: number, text: string): void {
    this.lines.push(this.unit.repeat(depth) + text);
  }
}

function pyRef(ref: TaskRef): string {
  return ref.lexical ? ref.name : `R.get("${ref.name}")`;
}

function pyItem(item: Item): string {
  return "fn" in item ? `${item.fn.name}()` : pyRef(item.task);
}

function pySpawn(o: Lines, d: number, s: Spawn): void {
  o.add(d, `${s.task} = ${s.reg ? `R["${s.task}"] = ` : ""}asyncio.create_task(${s.fn.name}(), name="${s.task}")`);
}

/** `try: out(label, what, <expr>) except Exception: out(label, what raised…)`, optionally catching TimeoutError. */
function pyGuarded(o: Lines, d: number, label: string, what: string, expr: string, timeout = false): void {
  o.add(d, "try:");
  o.add(d + 1, `out("${label}", "${what} ->", ${expr})`);
  if (timeout) {
    o.add(d, "except TimeoutError:");
    o.add(d + 1, `out("${label}", "${what} timeout", now())`);
  }
  o.add(d, "except Exception as e:");
  o.add(d + 1, `out("${label}", "${what} raised", rep(e))`);
}

function pyBody(o: Lines, d: number, body: Stmt[]): void {
  if (body.length === 0) o.add(d, "pass");
  for (const s of body) pyStmt(o, d, s);
}

function pyStmt(o: Lines, d: number, s: Stmt): void {
  switch (s.k) {
    case "sleep":
      o.add(d, `await asyncio.sleep(${dur(s.d)})`);
      return;
    case "future":
      o.add(d, `${s.task} = asyncio.get_running_loop().create_future()`);
      o.add(
        d,
        `asyncio.get_running_loop().call_later(${dur(s.d)}, settle, ${s.task}, "${s.task}", ${s.fail ? "True" : "False"})`,
      );
      return;
    case "gatherFut": {
      const args = [...s.items.map(pyItem), ...(s.retExc ? ["return_exceptions=True"] : [])].join(", ");
      o.add(d, `${s.task} = asyncio.gather(${args})`);
      return;
    }
    case "print":
      o.add(d, `out("${s.label}", "at", now())`);
      return;
    case "spawn":
      pySpawn(o, d, s);
      return;
    case "await":
      o.add(d, `await await_task("${s.label}", "${s.ref.name}", ${pyRef(s.ref)})`);
      return;
    case "call":
      o.add(d, `out("${s.label}", "${s.fn.name} ->", repr(await ${s.fn.name}()))`);
      return;
    case "cancel":
      o.add(d, `cancel("${s.label}", "${s.ref.name}", ${pyRef(s.ref)}${s.msg ? `, "${s.msg}"` : ""})`);
      return;
    case "selfCancel":
      o.add(d, `out("${s.label}", "cancel self", asyncio.current_task().cancel("self ${s.label}"))`);
      return;
    case "raise":
      o.add(d, `raise ValueError("${s.label}")`);
      return;
    case "callSoon":
      o.add(d, `asyncio.get_running_loop().call_soon(lambda: out("${s.label}", "call_soon", now()))`);
      return;
    case "callLater":
      o.add(d, `asyncio.get_running_loop().call_later(${dur(s.d)}, lambda: out("${s.label}", "call_later", now()))`);
      return;
    case "onDone":
      o.add(d, `on_done("${s.label}", "${s.ref.name}", ${pyRef(s.ref)}${s.quiet ? ", True" : ""})`);
      return;
    case "reschedule":
      o.add(d, `${s.cm}.reschedule(${s.d === null ? "None" : `asyncio.get_running_loop().time() + ${dur(s.d)}`})`);
      o.add(d, `out("${s.label}", "rescheduled", ${s.cm}.expired(), now())`);
      return;
    case "tgSpawn":
      o.add(d, "try:");
      o.add(d + 1, `${s.tg}.create_task(${s.fn.name}(), name="${s.task}")`);
      o.add(d, "except RuntimeError as e:");
      o.add(d + 1, `out("${s.label}", "create_task raised", rep(e))`);
      return;
    case "status":
      o.add(d, `status("${s.label}", "${s.ref.name}", ${pyRef(s.ref)})`);
      return;
    case "gather": {
      const args = [...s.items.map(pyItem), ...(s.retExc ? ["return_exceptions=True"] : [])].join(", ");
      pyGuarded(o, d, s.label, "gather", `rl(await asyncio.gather(${args}))`);
      return;
    }
    case "shield":
      pyGuarded(o, d, s.label, "shield", `repr(await asyncio.shield(${pyItem(s.item)}))`);
      return;
    case "waitFor": {
      const call = `asyncio.wait_for(${pyItem(s.item)}, timeout=${s.d === null ? "None" : dur(s.d)})`;
      pyGuarded(o, d, s.label, "wait_for", `repr(await ${call})`, true);
      return;
    }
    case "timeout":
      o.add(d, "try:");
      o.add(d + 1, `async with asyncio.timeout(${dur(s.d)})${s.cm.used ? ` as ${s.cm.name}` : ""}:`);
      pyBody(o, d + 2, s.body);
      o.add(d + 1, `out("${s.label}", "timeout block done", now())`);
      o.add(d, "except TimeoutError:");
      o.add(d + 1, `out("${s.label}", "timeout block expired", now())`);
      return;
    case "tg":
      o.add(d, "try:");
      o.add(d + 1, `async with asyncio.TaskGroup() as ${s.tg}:`);
      for (const c of s.children) o.add(d + 2, `${s.tg}.create_task(${c.fn.name}(), name="${c.task}")`);
      for (const b of s.body) pyStmt(o, d + 2, b);
      o.add(d + 1, `out("${s.label}", "tg done", now())`);
      o.add(d, "except ExceptionGroup as e:");
      o.add(d + 1, `out("${s.label}", "tg raised", rep(e), now())`);
      return;
    case "wait": {
      const timeout = s.d === null ? "" : `, timeout=${dur(s.d)}`;
      o.add(d, `done, pending = await asyncio.wait([${s.tasks.join(", ")}]${timeout}, return_when=asyncio.${s.when})`);
      o.add(d, `out("${s.label}", "wait done", names(done), "pending", names(pending), now())`);
      return;
    }
    case "asCompleted": {
      for (const sp of s.spawns) pySpawn(o, d, sp);
      const call = `asyncio.as_completed([${s.spawns.map((sp) => sp.task).join(", ")}]${s.d === null ? "" : `, timeout=${dur(s.d)}`})`;
      if (s.async) {
        o.add(d, "try:");
        o.add(d + 1, `async for t in ${call}:`);
        o.add(d + 2, `out("${s.label}", "next", t.get_name(), state(t), now())`);
        o.add(d + 1, `out("${s.label}", "as_completed done", now())`);
        o.add(d, "except TimeoutError:");
        o.add(d + 1, `out("${s.label}", "as_completed timeout", now())`);
      } else {
        o.add(d, `for f in ${call}:`);
        o.add(d + 1, "try:");
        o.add(d + 2, `out("${s.label}", "next ->", repr(await f), now())`);
        o.add(d + 1, "except TimeoutError:");
        o.add(d + 2, `out("${s.label}", "next timeout", now())`);
        o.add(d + 1, "except Exception as e:");
        o.add(d + 2, `out("${s.label}", "next raised", rep(e), now())`);
      }
      return;
    }
    case "try":
      o.add(d, "try:");
      pyBody(o, d + 1, s.body);
      if (s.onCancel !== null) {
        o.add(d, "except asyncio.CancelledError as e:");
        if (s.quiet) o.add(d + 1, `note("${s.label}", "caught", rep(e))`);
        else o.add(d + 1, `out("${s.label}", "caught", rep(e), "cancelling", asyncio.current_task().cancelling())`);
        if (s.cancelSleep !== null) o.add(d + 1, `await asyncio.sleep(${dur(s.cancelSleep)})`);
        if (s.onCancel === "reraise") o.add(d + 1, "raise");
        if (s.onCancel === "raise") o.add(d + 1, `raise ValueError("${s.label}")`);
        if (s.onCancel === "uncancel")
          o.add(d + 1, `out("${s.label}", "uncancel ->", asyncio.current_task().uncancel())`);
        if (s.onCancel === "return") o.add(d + 1, `return "swallowed ${s.label}"`);
      }
      if (s.onError !== null) {
        o.add(d, `except ${s.onError === "value" ? "ValueError" : "Exception"} as e:`);
        o.add(d + 1, `out("${s.label}", "caught", rep(e))`);
      }
      if (s.fin) {
        o.add(d, "finally:");
        o.add(d + 1, `out("${s.label}", "finally", now())`);
        if (s.finSleep !== null) o.add(d + 1, `await asyncio.sleep(${dur(s.finSleep)})`);
      }
      return;
  }
}

function pyEnd(o: Lines, d: number, fn: Fn): void {
  if (fn.end === "return") o.add(d, `return "${fn.name}"`);
  if (fn.end === "raise") o.add(d, `raise ValueError("${fn.name}")`);
}

function pyFn(o: Lines, d: number, fn: Fn): void {
  o.add(d, `async def ${fn.name}():`);
  if (fn.name === "main") {
    o.add(d + 1, "try:");
    pyBody(o, d + 2, fn.body);
    pyEnd(o, d + 2, fn);
    o.add(d + 1, "finally:");
    o.add(d + 2, "await finish()");
    return;
  }
  if (fn.body.length === 0 && fn.end === "none") o.add(d + 1, "pass");
  for (const s of fn.body) pyStmt(o, d + 1, s);
  pyEnd(o, d + 1, fn);
}

/** The program's functions (main last), at `depth` levels of indentation. */
export function pythonDefs(p: Program, depth = 0): string[] {
  const o = new Lines("    ");
  for (const fn of [...p.fns, p.main]) {
    if (depth === 0 && o.lines.length > 0) o.lines.push("", "");
    pyFn(o, depth, fn);
  }
  return o.lines;
}

/** A standalone Python script (a twin case). */
export function pythonScript(p: Program, header: string): string {
  const code = `${pythonDefs(p).join("\n")}\n\n\n${PY_RUN}\n`;
  return `# ${header}\n${neededPrelude(PY_PRELUDE.trimEnd(), "\n\n\n", code)}\n\n\n${code}`;
}

/** One Python file running every program, each after a line `=== i`. */
export function pythonBatch(programs: Program[]): string {
  const parts = [PY_PRELUDE];
  programs.forEach((p, i) => {
    parts.push(`def prog_${i}():`, ...pythonDefs(p, 1), ...PY_RUN.split("\n").map((l) => `    ${l}`), "");
  });
  parts.push(
    `for i in range(${programs.length}):`,
    '    print("===", i, flush=True)',
    "    try:",
    '        globals()[f"prog_{i}"]()',
    "    except BaseException as e:",
    '        print("prog crashed", type(e).__name__, e)',
    "",
  );
  return parts.join("\n");
}

// --------------------------------------------------------------- TypeScript

export const TS_PRELUDE = `const R = new Map<string, Task>();
const NOTES: string[] = [];
const S = { ending: false };

function out(...args: unknown[]): void {
  if (!S.ending) print(...args);
}

function note(...args: unknown[]): void {
  if (!S.ending) NOTES.push(args.map((a) => str(a)).join(" "));
}

function now(): string {
  return fixed(getRunningLoop().time(), 1);
}

function rep(e: unknown): string {
  if (e instanceof ExceptionGroup) {
    return \`ExceptionGroup(\${repr(e.message)}, [\${e.exceptions
      .map((x) => rep(x))
      .sort()
      .join(", ")}])\`;
  }
  return repr(e);
}

function rl(values: readonly unknown[]): string {
  return \`[\${values.map((v) => (v instanceof Error ? rep(v) : repr(v))).join(", ")}]\`;
}

function state(t: Future): string {
  if (!t.done()) return t instanceof Task ? \`pending(\${t.cancelling()})\` : "pending";
  if (t.cancelled()) return "cancelled";
  const e = t.exception();
  return e !== undefined ? \`raised \${rep(e)}\` : \`result \${repr(t.result())}\`;
}

function names(ts: Iterable<Task>): string[] {
  return [...ts].map((t) => t.getName()).sort();
}

function status(label: string, name: string, t: Future | undefined): void {
  out(label, name, t === undefined ? "absent" : state(t));
}

function cancel(label: string, name: string, t: Future | undefined, msg?: string): void {
  out(label, "cancel", name, t === undefined ? "absent" : t.cancel(msg));
}

function onDone(label: string, name: string, t: Future | undefined, quiet = false): void {
  if (t === undefined) {
    out(label, "on_done", name, "absent");
    return;
  }
  t.addDoneCallback((f) => (quiet ? note : out)(label, "done", name, state(f)));
}

function settle(f: Future, value: string, fail: boolean): void {
  if (f.done()) return;
  if (fail) f.setException(new ValueError(value));
  else f.setResult(value);
}

const awaitTask = coroutine(async function await_task(label: string, name: string, t: Future | undefined) {
  if (t === undefined) {
    out(label, "await", name, "absent");
    return;
  }
  try {
    out(label, "await", name, "->", repr(await t));
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    out(label, "await", name, "raised", rep(e));
  }
});

const finish = coroutine(async function finish() {
  try {
    const running = [...R.values()].filter((t) => !t.done());
    if (running.length > 0) await wait(running, { timeout: 2 });
    for (;;) {
      const left = [...R.values()].filter((t) => !t.done());
      if (left.length === 0) break;
      out(
        "cleanup",
        left.map((t) => t.getName()),
      );
      for (const t of left) t.cancel("cleanup");
      await gather(...left, { returnExceptions: true });
    }
  } finally {
    S.ending = true;
  }
});`;

export const TS_RUN = `try {
  print("run ->", repr(await run(main())));
} catch (e) {
  print("run raised", (e as Error).constructor.name, str(e));
}
for (const line of NOTES.sort()) print("note:", line);`;

/** Every API name a generated module may use (imports are trimmed to those it does). */
export const TS_API = [
  "asCompleted",
  "CancelledError",
  "coroutine",
  "createTask",
  "currentTask",
  "ExceptionGroup",
  "fixed",
  "gather",
  "getRunningLoop",
  "print",
  "repr",
  "run",
  "RuntimeError",
  "shield",
  "sleep",
  "str",
  "Task",
  "taskGroup",
  "timeout",
  "TimeoutError",
  "ValueError",
  "wait",
  "waitFor",
] as const;

function tsRef(ref: TaskRef): string {
  return ref.lexical ? ref.name : `R.get("${ref.name}")`;
}

function tsItem(item: Item): string {
  return "fn" in item ? `${item.fn.name}()` : tsRef(item.task);
}

function tsSpawn(o: Lines, d: number, s: Spawn): void {
  const create = `createTask(${s.fn.name}(), { name: "${s.task}" })`;
  if (s.used) {
    o.add(d, `const ${s.task} = ${create};`);
    if (s.reg) o.add(d, `R.set("${s.task}", ${s.task});`);
  } else o.add(d, s.reg ? `R.set("${s.task}", ${create});` : `${create};`);
}

function tsGuarded(o: Lines, d: number, label: string, what: string, expr: string, timeout = false): void {
  o.add(d, "try {");
  o.add(d + 1, `out("${label}", "${what} ->", ${expr});`);
  o.add(d, "} catch (e) {");
  o.add(d + 1, "if (e instanceof CancelledError) throw e;");
  if (timeout) {
    o.add(d + 1, `if (e instanceof TimeoutError) out("${label}", "${what} timeout", now());`);
    o.add(d + 1, `else out("${label}", "${what} raised", rep(e));`);
  } else o.add(d + 1, `out("${label}", "${what} raised", rep(e));`);
  o.add(d, "}");
}

function tsBody(o: Lines, d: number, body: Stmt[]): void {
  for (const s of body) tsStmt(o, d, s);
}

function tsStmt(o: Lines, d: number, s: Stmt): void {
  switch (s.k) {
    case "sleep":
      o.add(d, `await sleep(${dur(s.d)});`);
      return;
    case "future":
      o.add(d, `const ${s.task} = getRunningLoop().createFuture();`);
      o.add(d, `getRunningLoop().callLater(${dur(s.d)}, settle, ${s.task}, "${s.task}", ${s.fail});`);
      return;
    case "gatherFut": {
      const args = [...s.items.map(tsItem), ...(s.retExc ? ["{ returnExceptions: true }"] : [])].join(", ");
      o.add(d, `${s.used ? `const ${s.task} = ` : ""}gather(${args});`);
      return;
    }
    case "print":
      o.add(d, `out("${s.label}", "at", now());`);
      return;
    case "spawn":
      tsSpawn(o, d, s);
      return;
    case "await":
      o.add(d, `await awaitTask("${s.label}", "${s.ref.name}", ${tsRef(s.ref)});`);
      return;
    case "call":
      o.add(d, `out("${s.label}", "${s.fn.name} ->", repr(await ${s.fn.name}()));`);
      return;
    case "cancel":
      o.add(d, `cancel("${s.label}", "${s.ref.name}", ${tsRef(s.ref)}${s.msg ? `, "${s.msg}"` : ""});`);
      return;
    case "selfCancel":
      o.add(d, `out("${s.label}", "cancel self", currentTask()!.cancel("self ${s.label}"));`);
      return;
    case "raise":
      o.add(d, `throw new ValueError("${s.label}");`);
      return;
    case "callSoon":
      o.add(d, `getRunningLoop().callSoon(() => out("${s.label}", "call_soon", now()));`);
      return;
    case "callLater":
      o.add(d, `getRunningLoop().callLater(${dur(s.d)}, () => out("${s.label}", "call_later", now()));`);
      return;
    case "onDone":
      o.add(d, `onDone("${s.label}", "${s.ref.name}", ${tsRef(s.ref)}${s.quiet ? ", true" : ""});`);
      return;
    case "reschedule":
      o.add(d, `${s.cm}.reschedule(${s.d === null ? "null" : `getRunningLoop().time() + ${dur(s.d)}`});`);
      o.add(d, `out("${s.label}", "rescheduled", ${s.cm}.expired(), now());`);
      return;
    case "tgSpawn":
      o.add(d, "try {");
      o.add(d + 1, `${s.tg}.createTask(${s.fn.name}(), { name: "${s.task}" });`);
      o.add(d, "} catch (e) {");
      o.add(d + 1, "if (!(e instanceof RuntimeError)) throw e;");
      o.add(d + 1, `out("${s.label}", "create_task raised", rep(e));`);
      o.add(d, "}");
      return;
    case "status":
      o.add(d, `status("${s.label}", "${s.ref.name}", ${tsRef(s.ref)});`);
      return;
    case "gather": {
      const args = [...s.items.map(tsItem), ...(s.retExc ? ["{ returnExceptions: true }"] : [])].join(", ");
      tsGuarded(o, d, s.label, "gather", `rl(await gather(${args}))`);
      return;
    }
    case "shield":
      tsGuarded(o, d, s.label, "shield", `repr(await shield(${tsItem(s.item)}))`);
      return;
    case "waitFor": {
      const call = `waitFor(${tsItem(s.item)}, ${s.d === null ? "null" : dur(s.d)})`;
      tsGuarded(o, d, s.label, "wait_for", `repr(await ${call})`, true);
      return;
    }
    case "timeout":
      o.add(d, "try {");
      o.add(d + 1, `await timeout(${dur(s.d)}, async (${s.cm.used ? s.cm.name : ""}) => {`);
      tsBody(o, d + 2, s.body);
      o.add(d + 1, "});");
      o.add(d + 1, `out("${s.label}", "timeout block done", now());`);
      o.add(d, "} catch (e) {");
      o.add(d + 1, "if (!(e instanceof TimeoutError)) throw e;");
      o.add(d + 1, `out("${s.label}", "timeout block expired", now());`);
      o.add(d, "}");
      return;
    case "tg":
      o.add(d, "try {");
      o.add(d + 1, `await taskGroup(async (${s.tg}) => {`);
      for (const c of s.children) o.add(d + 2, `${s.tg}.createTask(${c.fn.name}(), { name: "${c.task}" });`);
      tsBody(o, d + 2, s.body);
      o.add(d + 1, "});");
      o.add(d + 1, `out("${s.label}", "tg done", now());`);
      o.add(d, "} catch (e) {");
      o.add(d + 1, "if (!(e instanceof ExceptionGroup)) throw e;");
      o.add(d + 1, `out("${s.label}", "tg raised", rep(e), now());`);
      o.add(d, "}");
      return;
    case "wait": {
      const options = `{ timeout: ${s.d === null ? "null" : dur(s.d)}, returnWhen: "${s.when}" }`;
      o.add(d, "{");
      o.add(d + 1, `const [done, pending] = await wait([${s.tasks.join(", ")}], ${options});`);
      o.add(d + 1, `out("${s.label}", "wait done", names(done), "pending", names(pending), now());`);
      o.add(d, "}");
      return;
    }
    case "asCompleted": {
      for (const sp of s.spawns) tsSpawn(o, d, sp);
      const call = `asCompleted<unknown>([${s.spawns.map((sp) => sp.task).join(", ")}], { timeout: ${s.d === null ? "null" : dur(s.d)} })`;
      if (s.async) {
        o.add(d, "try {");
        o.add(d + 1, `for await (const t of ${call}) {`);
        o.add(d + 2, `out("${s.label}", "next", (t as Task).getName(), state(t as Task), now());`);
        o.add(d + 1, "}");
        o.add(d + 1, `out("${s.label}", "as_completed done", now());`);
        o.add(d, "} catch (e) {");
        o.add(d + 1, "if (!(e instanceof TimeoutError)) throw e;");
        o.add(d + 1, `out("${s.label}", "as_completed timeout", now());`);
        o.add(d, "}");
      } else {
        o.add(d, `for (const f of ${call}) {`);
        o.add(d + 1, "try {");
        o.add(d + 2, `out("${s.label}", "next ->", repr(await f), now());`);
        o.add(d + 1, "} catch (e) {");
        o.add(d + 2, "if (e instanceof CancelledError) throw e;");
        o.add(d + 2, `if (e instanceof TimeoutError) out("${s.label}", "next timeout", now());`);
        o.add(d + 2, `else out("${s.label}", "next raised", rep(e), now());`);
        o.add(d + 1, "}");
        o.add(d, "}");
      }
      return;
    }
    case "try": {
      o.add(d, "try {");
      tsBody(o, d + 1, s.body);
      if (s.onCancel !== null || s.onError !== null) {
        o.add(d, "} catch (e) {");
        if (s.onCancel !== null) {
          o.add(d + 1, "if (e instanceof CancelledError) {");
          if (s.quiet) o.add(d + 2, `note("${s.label}", "caught", rep(e));`);
          else o.add(d + 2, `out("${s.label}", "caught", rep(e), "cancelling", currentTask()!.cancelling());`);
          if (s.cancelSleep !== null) o.add(d + 2, `await sleep(${dur(s.cancelSleep)});`);
          if (s.onCancel === "reraise") o.add(d + 2, "throw e;");
          if (s.onCancel === "raise") o.add(d + 2, `throw new ValueError("${s.label}");`);
          if (s.onCancel === "uncancel") o.add(d + 2, `out("${s.label}", "uncancel ->", currentTask()!.uncancel());`);
          if (s.onCancel === "return") o.add(d + 2, `return "swallowed ${s.label}";`);
          o.add(d + 1, "}");
        } else o.add(d + 1, "if (e instanceof CancelledError) throw e;");
        const prefix = s.onCancel !== null ? "else " : "";
        if (s.onError === "value") {
          o.add(d + 1, `${prefix}if (e instanceof ValueError) out("${s.label}", "caught", rep(e));`);
          o.add(d + 1, "else throw e;");
        } else if (s.onError === "any") o.add(d + 1, `${prefix}out("${s.label}", "caught", rep(e));`);
        else o.add(d + 1, `${prefix}throw e;`);
      }
      if (s.fin) {
        o.add(d, "} finally {");
        o.add(d + 1, `out("${s.label}", "finally", now());`);
        if (s.finSleep !== null) o.add(d + 1, `await sleep(${dur(s.finSleep)});`);
      }
      o.add(d, "}");
      return;
    }
  }
}

function tsEnd(o: Lines, d: number, fn: Fn): void {
  if (fn.end === "return") o.add(d, `return "${fn.name}";`);
  if (fn.end === "raise") o.add(d, `throw new ValueError("${fn.name}");`);
}

function tsFn(o: Lines, d: number, fn: Fn): void {
  o.add(d, `const ${fn.name} = coroutine(async function ${fn.name}() {`);
  if (fn.name === "main") {
    o.add(d + 1, "try {");
    tsBody(o, d + 2, fn.body);
    tsEnd(o, d + 2, fn);
    o.add(d + 1, "} finally {");
    o.add(d + 2, "await finish();");
    o.add(d + 1, "}");
  } else {
    tsBody(o, d + 1, fn.body);
    tsEnd(o, d + 1, fn);
  }
  o.add(d, "});");
}

/** The program's functions (main last). */
export function typescriptDefs(p: Program): string[] {
  const o = new Lines("  ");
  for (const fn of [...p.fns, p.main]) {
    if (o.lines.length > 0) o.lines.push("");
    tsFn(o, 0, fn);
  }
  return o.lines;
}

/** The code of one program, without imports, ending with TS_RUN's statements (for a function body). */
export function typescriptBody(p: Program): string {
  return `${TS_PRELUDE}\n\n${typescriptDefs(p).join("\n")}\n\n${TS_RUN}`;
}

/** A standalone TypeScript module (a twin case): `export default async () => { … }`. */
export function typescriptModule(p: Program, header: string, importFrom: string): string {
  const run = TS_RUN.split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
  const program = `${typescriptDefs(p).join("\n")}\n\nexport default async () => {\n${run}\n};\n`;
  const code = `${neededPrelude(TS_PRELUDE, "\n\n", program)}\n\n${program}`;
  const bare = (name: string): string => name.replace("type ", "").toLowerCase();
  const types = ["Future"].filter((name) => uses(code, name)).map((name) => `type ${name}`);
  const names = [...TS_API.filter((name) => uses(code, name)), ...types].sort((a, b) => (bare(a) < bare(b) ? -1 : 1));
  return `// ${header}\nimport { ${names.join(", ")} } from "${importFrom}";\n\n${code}`;
}
