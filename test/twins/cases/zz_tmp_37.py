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
    await asyncio.sleep(0.5)
    out("s2", "cancel self", asyncio.current_task().cancel("self s2"))
    await asyncio.sleep(0.3)
    raise ValueError("f2")


async def f3():
    await asyncio.sleep(0.7)
    return "f3"


async def f4():
    await await_task("s5", "t3", R.get("t3"))
    await asyncio.sleep(0)
    out("s6", "at", now())
    await await_task("s7", "t2", R.get("t2"))


async def f1():
    try:
        async with asyncio.timeout(0):
            t2 = R["t2"] = asyncio.create_task(f2(), name="t2")
        out("s1", "timeout block done", now())
    except TimeoutError:
        out("s1", "timeout block expired", now())
    cancel("s3", "t2", R.get("t2"), "by s3")
    t3 = R["t3"] = asyncio.create_task(f3(), name="t3")
    t4 = R["t4"] = asyncio.create_task(f4(), name="t4")
    done, pending = await asyncio.wait([t3, t4], timeout=0.4, return_when=asyncio.FIRST_COMPLETED)
    out("s4", "wait done", names(done), "pending", names(pending), now())


async def f5():
    out("s10", "at", now())
    return "f5"


async def f6():
    raise ValueError("f6")


async def f7():
    return "f7"


async def main():
    try:
        t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
        status("s8", "t1", t1)
        try:
            out("s9", "gather ->", rl(await asyncio.gather(t1, f5())))
        except Exception as e:
            out("s9", "gather raised", rep(e))
        on_done("s12", "t4", R.get("t4"))
        t5 = R["t5"] = asyncio.create_task(f6(), name="t5")
        t6 = R["t6"] = asyncio.create_task(f7(), name="t6")
        for f in asyncio.as_completed([t5, t6], timeout=1):
            try:
                out("s13", "next ->", repr(await f), now())
            except TimeoutError:
                out("s13", "next timeout", now())
            except Exception as e:
                out("s13", "next raised", rep(e), now())
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
