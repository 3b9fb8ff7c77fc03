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
    t.add_done_callback(lambda t: (note if quiet else out)(label, "done", t.get_name(), state(t)))


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


async def f1():
    asyncio.get_running_loop().call_later(0.6, lambda: out("s2", "call_later", now()))
    await asyncio.sleep(0.6)
    await asyncio.sleep(0.8)
    await asyncio.sleep(0.4)


async def f2():
    return "f2"


async def f3():
    cancel("s3", "t1", R.get("t1"))


async def f4():
    await asyncio.sleep(1)
    await asyncio.sleep(0.8)
    asyncio.get_running_loop().call_soon(lambda: out("s5", "call_soon", now()))
    out("s6", "at", now())
    out("s7", "at", now())
    cancel("s8", "t1", R.get("t1"))


async def f5():
    status("s10", "t3", R.get("t3"))
    await asyncio.sleep(0.5)
    on_done("s11", "t3", R.get("t3"))
    out("s12", "at", now())
    status("s13", "t1", R.get("t1"))
    out("s14", "at", now())


async def main():
    try:
        t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
        t2 = R["t2"] = asyncio.create_task(f2(), name="t2")
        t3 = R["t3"] = asyncio.create_task(f3(), name="t3")
        done, pending = await asyncio.wait([t1, t2, t3], return_when=asyncio.ALL_COMPLETED)
        out("s1", "wait done", names(done), "pending", names(pending), now())
        try:
            out("s4", "gather ->", rl(await asyncio.gather(t1, t2, return_exceptions=True)))
        except Exception as e:
            out("s4", "gather raised", rep(e))
        t4 = R["t4"] = asyncio.create_task(f4(), name="t4")
        out("s9", "at", now())
        t5 = R["t5"] = asyncio.create_task(f5(), name="t5")
        cancel("s15", "t5", t5, "by s15")
    finally:
        await finish()


reset()
try:
    print("run ->", repr(asyncio.run(main())))
except BaseException as e:
    print("run raised", type(e).__name__, str(e))
for line in sorted(NOTES):
    print("note:", line)
