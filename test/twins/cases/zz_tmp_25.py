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
    await asyncio.sleep(0.4)


async def f2():
    return "f2"


async def f3():
    await asyncio.sleep(0.2)


async def f4():
    raise ValueError("f4")


async def f5():
    raise ValueError("s10")


async def f6():
    await asyncio.sleep(0.3)
    asyncio.get_running_loop().call_soon(lambda: out("s11", "call_soon", now()))
    await asyncio.sleep(1)
    await asyncio.sleep(0.9)
    await asyncio.sleep(0.1)
    raise ValueError("s12")


async def f7():
    cancel("s13", "t2", R.get("t2"), "by s13")
    return "f7"


async def main():
    try:
        t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
        try:
            async for t in asyncio.as_completed([t1], timeout=0.2):
                out("s2", "next", t.get_name(), state(t), now())
            out("s2", "as_completed done", now())
        except TimeoutError:
            out("s2", "as_completed timeout", now())
        try:
            cancel("s4", "t1", t1, "by s4")
            await asyncio.sleep(0.2)
            await await_task("s5", "t1", t1)
            on_done("s6", "t1", t1)
            await asyncio.sleep(0.9)
        except asyncio.CancelledError as e:
            out("s3", "caught", rep(e), "cancelling", asyncio.current_task().cancelling())
        except ValueError as e:
            out("s3", "caught", rep(e))
        finally:
            out("s3", "finally", now())
        t2 = R["t2"] = asyncio.create_task(f2(), name="t2")
        t3 = R["t3"] = asyncio.create_task(f3(), name="t3")
        try:
            async for t in asyncio.as_completed([t2, t3], timeout=0.7):
                out("s7", "next", t.get_name(), state(t), now())
            out("s7", "as_completed done", now())
        except TimeoutError:
            out("s7", "as_completed timeout", now())
        try:
            out("s8", "gather ->", rl(await asyncio.gather(t1, t2, return_exceptions=True)))
        except Exception as e:
            out("s8", "gather raised", rep(e))
        try:
            async with asyncio.TaskGroup() as tg1:
                tg1.create_task(f4(), name="g1")
                tg1.create_task(f5(), name="g2")
                tg1.create_task(f6(), name="g3")
            out("s9", "tg done", now())
        except ExceptionGroup as e:
            out("s9", "tg raised", rep(e), now())
        t4 = R["t4"] = asyncio.create_task(f7(), name="t4")
        await await_task("s14", "t4", t4)
        out("s15", "at", now())
    finally:
        await finish()


reset()
try:
    print("run ->", repr(asyncio.run(main())))
except BaseException as e:
    print("run raised", type(e).__name__, str(e))
for line in sorted(NOTES):
    print("note:", line)
