# tmp
import asyncio

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
        return f"pending({t.cancelling()})"
    if t.cancelled():
        return "cancelled"
    e = t.exception()
    return f"raised {rep(e)}" if e is not None else f"result {t.result()!r}"


def status(label, name, t):
    out(label, name, "absent" if t is None else state(t))


def cancel(label, name, t, msg=None):
    out(label, "cancel", name, "absent" if t is None else t.cancel(msg))


def on_done(label, name, t, quiet=False):
    if t is None:
        out(label, "on_done", name, "absent")
        return
    t.add_done_callback(lambda t: (note if quiet else out)(label, "done", t.get_name(), state(t)))


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


async def f2():
    await asyncio.sleep(0.1)
    await asyncio.sleep(0.7)
    out("s2", "at", now())


async def f1():
    t1 = R["t1"] = asyncio.create_task(f2(), name="t1")
    await asyncio.sleep(0)


async def f4():
    await await_task("s6", "t1", R.get("t1"))
    cancel("s7", "t1", R.get("t1"))
    out("s8", "at", now())
    raise ValueError("f4")


async def f3():
    try:
        out("s5", "shield ->", repr(await asyncio.shield(f4())))
    except Exception as e:
        out("s5", "shield raised", rep(e))


async def main():
    try:
        try:
            out("s1", "wait_for ->", repr(await asyncio.wait_for(f1(), timeout=0.1)))
        except TimeoutError:
            out("s1", "wait_for timeout", now())
        except Exception as e:
            out("s1", "wait_for raised", rep(e))
        asyncio.get_running_loop().call_later(0.3, lambda: out("s3", "call_later", now()))
        try:
            out("s4", "gather ->", rl(await asyncio.gather(f3())))
        except Exception as e:
            out("s4", "gather raised", rep(e))
        try:
            await await_task("s11", "t1", R.get("t1"))
            on_done("s12", "t1", R.get("t1"))
            out("s13", "at", now())
            status("s14", "t1", R.get("t1"))
            await asyncio.sleep(0.4)
            await await_task("s15", "t1", R.get("t1"))
        except Exception as e:
            out("s10", "caught", rep(e))
        finally:
            out("s10", "finally", now())
        raise ValueError("main")
    finally:
        await finish()


reset()
try:
    print("run ->", repr(asyncio.run(main())))
except BaseException as e:
    print("run raised", type(e).__name__, str(e))
for line in sorted(NOTES):
    print("note:", line)
