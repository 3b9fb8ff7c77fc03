/**
 * Renders a fuzz program twice: as a Python script (asyncio) and as a
 * TypeScript module on async-demo's API, line for line the same program.
 * Both share a small prelude of helpers (out, note, rep, state…) so the
 * generated code stays short.
 */
import type { BlockOp, Fn, HoldPrim, Item, PokeOp, Prim, Program, Spawn, Stmt, TaskRef } from "./gen.js";

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
  const name = (block: string): string => /^(?:async def|def|class|function|const) (\w+)/.exec(block)?.[1] ?? "";
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
import gc

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


async def finish(prims=False):
    try:
        if left := [t for t in R.values() if not t.done()]:
            await asyncio.wait(left, timeout=2)
        while left := [t for t in R.values() if not t.done()]:
            out("cleanup", [t.get_name() for t in left])
            for t in left:
                t.cancel("cleanup")
            await asyncio.gather(*left, return_exceptions=True)
        if prims:
            out("end", pstate())
    finally:
        S["ending"] = True


def forget():
    # A task left pending by asyncio.run's shutdown (made while it cancelled the others) stays alive through
    # P's primitives; finalised later, in the next program of a batch, its coroutine's cleanup would print
    # there. Finalise it now, while out() is still muted.
    for k in [k for k in vars(P) if not k.startswith("_")]:
        delattr(P, k)
    gc.collect()


class P:
    """The program's shared primitives (prims() makes them in main)."""


def prims(sem, qmax, qkind, parties):
    P.lock = asyncio.Lock()
    P.sem = asyncio.Semaphore(sem)
    P.bsem = asyncio.BoundedSemaphore(sem)
    P.ev = asyncio.Event()
    P.cond = asyncio.Condition()
    P.q = getattr(asyncio, qkind)(qmax)
    P.bar = asyncio.Barrier(parties)
    P.n = 0


def ps(k):
    if k == "lock":
        return f"lock={P.lock.locked()}"
    if k == "sem":
        return f"sem={P.sem.locked()}"
    if k == "bsem":
        return f"bsem={P.bsem.locked()}"
    if k == "ev":
        return f"ev={P.ev.is_set()}"
    if k == "cond":
        return f"cond={P.cond.locked()}"
    if k == "q":
        return f"q={P.q.qsize()}/{P.q.empty()}/{P.q.full()}"
    return f"bar={P.bar.n_waiting}/{P.bar.broken}"


def pstate():
    return " ".join(ps(k) for k in ("lock", "sem", "bsem", "ev", "cond", "q", "bar"))


def poke(label, what, k, f):
    try:
        out(label, what, "->", repr(f()), ps(k), now())
    except Exception as e:
        out(label, what, "raised", rep(e), ps(k), now())


async def bounded(label, what, k, d, aw, wf=False):
    try:
        if wf:
            r = await asyncio.wait_for(aw, d)
        else:
            async with asyncio.timeout(d):
                r = await aw
        out(label, what, "->", repr(r), ps(k), now())
    except TimeoutError:
        out(label, what, "timeout", ps(k), now())
    except Exception as e:
        out(label, what, "raised", rep(e), ps(k), now())


async def cond_wait(n):
    async with P.cond:
        if n == 0:
            return await P.cond.wait()
        return await P.cond.wait_for(lambda: P.n >= n)


async def notify(n):
    async with P.cond:
        P.n += 1
        if n == 0:
            P.cond.notify_all()
        else:
            P.cond.notify(n)
        return P.n
`;

export const PY_RUN = `reset()
try:
    print("run ->", repr(asyncio.run(main())))
except BaseException as e:
    print("run raised", type(e).__name__, str(e))
forget()
for line in sorted(NOTES):
    print("note:", line)`;

/** A blocking operation: what it prints, the primitive, and the awaitable in each language. */
function blockOp(op: BlockOp, n: number, label: string): { what: string; k: Prim; py: string; ts: string } {
  switch (op) {
    case "lockAcquire":
      return { what: "lock.acquire", k: "lock", py: "P.lock.acquire()", ts: "P.lock.acquire()" };
    case "semAcquire":
      return { what: "sem.acquire", k: "sem", py: "P.sem.acquire()", ts: "P.sem.acquire()" };
    case "bsemAcquire":
      return { what: "bsem.acquire", k: "bsem", py: "P.bsem.acquire()", ts: "P.bsem.acquire()" };
    case "evWait":
      return { what: "event.wait", k: "ev", py: "P.ev.wait()", ts: "P.ev.wait()" };
    case "condWait":
      return { what: "cond.wait", k: "cond", py: "cond_wait(0)", ts: "condWait(0)" };
    case "condWaitFor": {
      const m = Math.max(1, n);
      return { what: `cond.wait_for(n>=${m})`, k: "cond", py: `cond_wait(${m})`, ts: `condWait(${m})` };
    }
    case "notify":
      return { what: n === 0 ? "notify_all" : `notify(${n})`, k: "cond", py: `notify(${n})`, ts: `notify(${n})` };
    case "qPut":
      return { what: "q.put", k: "q", py: `P.q.put("${label}")`, ts: `P.q.put("${label}")` };
    case "qGet":
      return { what: "q.get", k: "q", py: "P.q.get()", ts: "P.q.get()" };
    case "qJoin":
      return { what: "q.join", k: "q", py: "P.q.join()", ts: "P.q.join()" };
    case "barWait":
      return { what: "barrier.wait", k: "bar", py: "P.bar.wait()", ts: "P.bar.wait()" };
    case "barAbort":
      return { what: "barrier.abort", k: "bar", py: "P.bar.abort()", ts: "P.bar.abort()" };
    case "barReset":
      return { what: "barrier.reset", k: "bar", py: "P.bar.reset()", ts: "P.bar.reset()" };
  }
}

/** A non-blocking operation: what it prints, the primitive, and a callable in each language. */
function pokeOp(op: PokeOp, label: string): { what: string; k: Prim; py: string; ts: string } {
  switch (op) {
    case "lockRelease":
      return { what: "lock.release", k: "lock", py: "P.lock.release", ts: "() => P.lock.release()" };
    case "semRelease":
      return { what: "sem.release", k: "sem", py: "P.sem.release", ts: "() => P.sem.release()" };
    case "bsemRelease":
      return { what: "bsem.release", k: "bsem", py: "P.bsem.release", ts: "() => P.bsem.release()" };
    case "evSet":
      return { what: "event.set", k: "ev", py: "P.ev.set", ts: "() => P.ev.set()" };
    case "evClear":
      return { what: "event.clear", k: "ev", py: "P.ev.clear", ts: "() => P.ev.clear()" };
    case "qGetNowait":
      return { what: "q.get_nowait", k: "q", py: "P.q.get_nowait", ts: "() => P.q.getNowait()" };
    case "qPutNowait":
      return {
        what: "q.put_nowait",
        k: "q",
        py: `lambda: P.q.put_nowait("${label}")`,
        ts: `() => P.q.putNowait("${label}")`,
      };
    case "qTaskDone":
      return { what: "q.task_done", k: "q", py: "P.q.task_done", ts: "() => P.q.taskDone()" };
    case "qShutdown":
      return { what: "q.shutdown", k: "q", py: "P.q.shutdown", ts: "() => P.q.shutdown()" };
    case "qShutdownNow":
      return {
        what: "q.shutdown(immediate)",
        k: "q",
        py: "lambda: P.q.shutdown(True)",
        ts: "() => P.q.shutdown(true)",
      };
    case "notifyUnlocked":
      return { what: "cond.notify", k: "cond", py: "P.cond.notify", ts: "() => P.cond.notify()" };
  }
}

const HOLD_NAME: Record<HoldPrim, string> = { lock: "lock", sem: "sem", bsem: "bsem" };

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
    case "block": {
      const b = blockOp(s.op, s.n, s.label);
      o.add(d, `await bounded("${s.label}", "${b.what}", "${b.k}", ${dur(s.d)}, ${b.py}${s.wf ? ", True" : ""})`);
      return;
    }
    case "poke": {
      const p = pokeOp(s.op, s.label);
      o.add(d, `poke("${s.label}", "${p.what}", "${p.k}", ${p.py})`);
      return;
    }
    case "pstate":
      o.add(d, `out("${s.label}", "state", pstate(), now())`);
      return;
    case "hold": {
      const k = HOLD_NAME[s.p];
      o.add(d, "try:");
      o.add(d + 1, `async with asyncio.timeout(${dur(s.d)}):`);
      o.add(d + 2, `async with P.${k}:`);
      o.add(d + 3, `out("${s.label}", "holds ${k}", ps("${k}"), now())`);
      for (const b of s.body) pyStmt(o, d + 3, b);
      o.add(d + 2, `out("${s.label}", "left ${k}", ps("${k}"), now())`);
      o.add(d, "except TimeoutError:");
      o.add(d + 1, `out("${s.label}", "${k} block expired", ps("${k}"), now())`);
      return;
    }
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

function pyFn(o: Lines, d: number, fn: Fn, prims: Program["prims"]): void {
  o.add(d, `async def ${fn.name}():`);
  if (fn.name === "main") {
    if (prims !== null) o.add(d + 1, `prims(${prims.sem}, ${prims.qmax}, "${prims.qkind}", ${prims.parties})`);
    o.add(d + 1, "try:");
    pyBody(o, d + 2, fn.body);
    pyEnd(o, d + 2, fn);
    o.add(d + 1, "finally:");
    o.add(d + 2, `await finish(${prims !== null ? "True" : ""})`);
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
    pyFn(o, depth, fn, p.prims);
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

const finish = coroutine(async function finish(prims = false) {
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
    if (prims) out("end", pstate());
  } finally {
    S.ending = true;
  }
});

/** The program's shared primitives (prims() makes them in main). */
const P = {} as {
  lock: Lock;
  sem: Semaphore;
  bsem: BoundedSemaphore;
  ev: Event;
  cond: Condition;
  q: Queue<string>;
  bar: Barrier;
  n: number;
};

function prims(sem: number, qmax: number, qkind: string, parties: number): void {
  P.lock = new Lock();
  P.sem = new Semaphore(sem);
  P.bsem = new BoundedSemaphore(sem);
  P.ev = new Event();
  P.cond = new Condition();
  P.q =
    qkind === "LifoQueue"
      ? new LifoQueue<string>(qmax)
      : qkind === "PriorityQueue"
        ? new PriorityQueue<string>(qmax)
        : new Queue<string>(qmax);
  P.bar = new Barrier(parties);
  P.n = 0;
}

function ps(k: string): string {
  if (k === "lock") return \`lock=\${str(P.lock.locked())}\`;
  if (k === "sem") return \`sem=\${str(P.sem.locked())}\`;
  if (k === "bsem") return \`bsem=\${str(P.bsem.locked())}\`;
  if (k === "ev") return \`ev=\${str(P.ev.isSet())}\`;
  if (k === "cond") return \`cond=\${str(P.cond.locked())}\`;
  if (k === "q") return \`q=\${P.q.qsize()}/\${str(P.q.empty())}/\${str(P.q.full())}\`;
  return \`bar=\${P.bar.nWaiting}/\${str(P.bar.broken)}\`;
}

function pstate(): string {
  return ["lock", "sem", "bsem", "ev", "cond", "q", "bar"].map((k) => ps(k)).join(" ");
}

function poke(label: string, what: string, k: string, f: () => unknown): void {
  try {
    out(label, what, "->", repr(f()), ps(k), now());
  } catch (e) {
    out(label, what, "raised", rep(e), ps(k), now());
  }
}

const bounded = coroutine(async function bounded(
  label: string,
  what: string,
  k: string,
  d: number,
  aw: Awaitable<unknown>,
  wf = false,
) {
  try {
    const r = wf ? await waitFor(aw, d) : await timeout(d, async () => await aw);
    out(label, what, "->", repr(r), ps(k), now());
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    if (e instanceof TimeoutError) out(label, what, "timeout", ps(k), now());
    else out(label, what, "raised", rep(e), ps(k), now());
  }
});

const condWait = coroutine(async function cond_wait(n: number) {
  await P.cond.acquire();
  try {
    return n === 0 ? await P.cond.wait() : await P.cond.waitFor(() => P.n >= n);
  } finally {
    P.cond.release();
  }
});

const notify = coroutine(async function notify(n: number) {
  await P.cond.acquire();
  try {
    P.n += 1;
    if (n === 0) P.cond.notifyAll();
    else P.cond.notify(n);
    return P.n;
  } finally {
    P.cond.release();
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
  "Barrier",
  "BoundedSemaphore",
  "Condition",
  "Event",
  "LifoQueue",
  "Lock",
  "PriorityQueue",
  "Queue",
  "Semaphore",
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
    case "block": {
      const b = blockOp(s.op, s.n, s.label);
      o.add(d, `await bounded("${s.label}", "${b.what}", "${b.k}", ${dur(s.d)}, ${b.ts}${s.wf ? ", true" : ""});`);
      return;
    }
    case "poke": {
      const p = pokeOp(s.op, s.label);
      o.add(d, `poke("${s.label}", "${p.what}", "${p.k}", ${p.ts});`);
      return;
    }
    case "pstate":
      o.add(d, `out("${s.label}", "state", pstate(), now());`);
      return;
    case "hold": {
      // Python's `async with P.x:` is acquire(), then release() on the way out, whatever happens.
      const k = HOLD_NAME[s.p];
      o.add(d, "try {");
      o.add(d + 1, `await timeout(${dur(s.d)}, async () => {`);
      o.add(d + 2, `await P.${k}.acquire();`);
      o.add(d + 2, "try {");
      o.add(d + 3, `out("${s.label}", "holds ${k}", ps("${k}"), now());`);
      tsBody(o, d + 3, s.body);
      o.add(d + 2, "} finally {");
      o.add(d + 3, `P.${k}.release();`);
      o.add(d + 2, "}");
      o.add(d + 2, `out("${s.label}", "left ${k}", ps("${k}"), now());`);
      o.add(d + 1, "});");
      o.add(d, "} catch (e) {");
      o.add(d + 1, "if (!(e instanceof TimeoutError)) throw e;");
      o.add(d + 1, `out("${s.label}", "${k} block expired", ps("${k}"), now());`);
      o.add(d, "}");
      return;
    }
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

function tsFn(o: Lines, d: number, fn: Fn, prims: Program["prims"]): void {
  o.add(d, `const ${fn.name} = coroutine(async function ${fn.name}() {`);
  if (fn.name === "main") {
    if (prims !== null) o.add(d + 1, `prims(${prims.sem}, ${prims.qmax}, "${prims.qkind}", ${prims.parties});`);
    o.add(d + 1, "try {");
    tsBody(o, d + 2, fn.body);
    tsEnd(o, d + 2, fn);
    o.add(d + 1, "} finally {");
    o.add(d + 2, `await finish(${prims !== null ? "true" : ""});`);
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
    tsFn(o, 0, fn, p.prims);
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
  const types = ["Awaitable", "Future"].filter((name) => uses(code, name)).map((name) => `type ${name}`);
  const names = [...TS_API.filter((name) => uses(code, name)), ...types].sort((a, b) => (bare(a) < bare(b) ? -1 : 1));
  return `// ${header}\nimport { ${names.join(", ")} } from "${importFrom}";\n\n${code}`;
}
