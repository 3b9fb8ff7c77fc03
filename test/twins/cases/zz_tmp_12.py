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


async def f1():
    return "f1"


async def f2():
    on_done("s4", "t1", R.get("t1"))
    out("s5", "at", now())


async def f3():
    raise ValueError("s6")


async def f4():
    cancel("s7", "t2", R.get("t2"), "by s7")
    raise ValueError("s8")


async def main():
    try:
        await asyncio.sleep(0.8)
        t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
        done, pending = await asyncio.wait([t1], timeout=0.5, return_when=asyncio.FIRST_COMPLETED)
        out("s2", "wait done", names(done), "pending", names(pending), now())
        t2 = R["t2"] = asyncio.create_task(f2(), name="t2")
        t3 = R["t3"] = asyncio.create_task(f3(), name="t3")
        t4 = R["t4"] = asyncio.create_task(f4(), name="t4")
        done, pending = await asyncio.wait([t2, t3, t4, t1], timeout=0.6, return_when=asyncio.FIRST_COMPLETED)
        out("s3", "wait done", names(done), "pending", names(pending), now())
        await await_task("s9", "t1", t1)
        try:
            out("s10", "gather ->", rl(await asyncio.gather(t2, t1, return_exceptions=True)))
        except Exception as e:
            out("s10", "gather raised", rep(e))
    finally:
        await finish()


reset()
try:
    print("run ->", repr(asyncio.run(main())))
except BaseException as e:
    print("run raised", type(e).__name__, str(e))
for line in sorted(NOTES):
    print("note:", line)
